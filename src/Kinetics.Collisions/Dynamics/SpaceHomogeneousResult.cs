using System.Diagnostics;

namespace Kinetics.Dynamics;

/// <summary>Outcome of a <see cref="SpaceHomogeneousSolver"/> run.</summary>
public sealed class SpaceHomogeneousResult
{
    private readonly double[] _state;

    /// <summary>
    /// Restores a run's state, e.g. from a checkpoint file, to continue it with <see cref="SpaceHomogeneousSolver.Resume"/>.
    /// Pass the values of a result exactly (as saved bit for bit) to continue that run exactly.
    /// </summary>
    /// <param name="state">S·N³ stacked distributions at <paramref name="time"/>, finite (copied).</param>
    /// <param name="time">The time reached, finite and ≥ 0.</param>
    /// <param name="steps">Accepted steps so far (≥ 0).</param>
    /// <param name="rejectedSteps">Rejected steps so far (≥ 0).</param>
    /// <param name="evaluations">Operator evaluations so far (≥ 0).</param>
    /// <param name="minimumRelativeValue">min of F/max F over the accepted states so far.</param>
    /// <param name="largestCorrection">Largest relative conservative correction so far (≥ 0).</param>
    public SpaceHomogeneousResult(double[] state, double time, int steps, int rejectedSteps, int evaluations, double minimumRelativeValue, double largestCorrection)
        : this(Validated(state, time, steps, rejectedSteps, evaluations, minimumRelativeValue, largestCorrection), time, steps, rejectedSteps, evaluations, minimumRelativeValue, largestCorrection, copied: true)
    {
    }

    // `copied` only tells this constructor apart from the public one: the array is taken as it is.
    private SpaceHomogeneousResult(double[] state, double time, int steps, int rejectedSteps, int evaluations, double minimumRelativeValue, double largestCorrection, bool copied)
    {
        Debug.Assert(copied, "the array must be owned by the result");
        _state = state;
        Time = time;
        Steps = steps;
        RejectedSteps = rejectedSteps;
        Evaluations = evaluations;
        MinimumRelativeValue = minimumRelativeValue;
        LargestRelativeCorrection = largestCorrection;
    }

    // The solver's own results take its buffer without a copy.
    internal static SpaceHomogeneousResult Owning(double[] state, double time, int steps, int rejectedSteps, int evaluations, double minimumRelativeValue, double largestCorrection) =>
        new(state, time, steps, rejectedSteps, evaluations, minimumRelativeValue, largestCorrection, copied: true);

    private static double[] Validated(double[] state, double time, int steps, int rejectedSteps, int evaluations, double minimumRelativeValue, double largestCorrection)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("state must be finite (a NaN or ±∞ value was found).", nameof(state));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        ArgumentOutOfRangeException.ThrowIfNegative(rejectedSteps);
        ArgumentOutOfRangeException.ThrowIfNegative(evaluations);
        if (!(time >= 0) || !double.IsFinite(time))
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, "time must be finite and >= 0.");
        }

        if (double.IsNaN(minimumRelativeValue) || !(largestCorrection >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(largestCorrection), largestCorrection, "minimumRelativeValue must not be NaN and largestCorrection must be >= 0.");
        }

        return (double[])state.Clone();
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
    public int LimitedSteps { get; internal set; }

    /// <summary>The smallest limiter factor θ applied during the run (1 when the limiter never acted).</summary>
    public double SmallestLimiterFactor { get; internal set; } = 1.0;

    /// <summary>Why the run ended (<see cref="SolverStop.Completed"/> for a restored result).</summary>
    public SolverStop Stop { get; internal set; }

    /// <summary>The failure's message when <see cref="Stop"/> is <see cref="SolverStop.Failed"/>, otherwise null.</summary>
    public string? StopReason { get; internal set; }

    /// <summary>A copy of the final state.</summary>
    public double[] ToArray() => (double[])_state.Clone();
}
