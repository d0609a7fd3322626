namespace Kinetics.Dynamics;

/// <summary>Outcome of a <see cref="SpaceHomogeneousSolver"/> run.</summary>
public sealed class SpaceHomogeneousResult
{
    private readonly double[] _state;

    internal SpaceHomogeneousResult(double[] state, double time, int steps, int rejectedSteps, int evaluations, double minimumRelativeValue, double largestCorrection)
    {
        _state = state;
        Time = time;
        Steps = steps;
        RejectedSteps = rejectedSteps;
        Evaluations = evaluations;
        MinimumRelativeValue = minimumRelativeValue;
        LargestRelativeCorrection = largestCorrection;
    }

    /// <summary>S·N³ stacked distributions at <see cref="Time"/>.</summary>
    public ReadOnlySpan<double> State => _state;

    /// <summary>The time reached (the requested final time unless cancelled or out of steps).</summary>
    public double Time { get; }

    /// <summary>Accepted steps.</summary>
    public int Steps { get; }

    /// <summary>Steps rejected by <see cref="PositivityPolicy.ReduceStep"/>.</summary>
    public int RejectedSteps { get; }

    /// <summary>Operator evaluations.</summary>
    public int Evaluations { get; }

    /// <summary>min over accepted states, species and points of F/max F (negative when the run produced negative values).</summary>
    public double MinimumRelativeValue { get; }

    /// <summary>The largest relative size ‖δ‖/‖𝒞‖ of a conservative correction applied during the run (0 when disabled).</summary>
    public double LargestRelativeCorrection { get; }

    /// <summary>Accepted steps whose result the equilibrium limiter changed (<see cref="SpaceHomogeneousOptions.EquilibriumLimiter"/>).</summary>
    public int LimitedSteps { get; init; }

    /// <summary>The smallest limiter factor θ applied during the run (1 when the limiter never acted).</summary>
    public double SmallestLimiterFactor { get; init; } = 1.0;

    /// <summary>A copy of the final state.</summary>
    public double[] ToArray() => (double[])_state.Clone();
}
