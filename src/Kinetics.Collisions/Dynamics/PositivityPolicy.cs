namespace Kinetics.Dynamics;

/// <summary>What a time integrator does when a step produces negative distribution values.</summary>
/// <remarks>A value counts as negative when it is below −<see cref="SpaceHomogeneousOptions.PositivityTolerance"/> times the
/// species' largest value (spectral operators produce round-off-size negative values in the far tails).</remarks>
public enum PositivityPolicy
{
    /// <summary>Accept the step and record the most negative relative value in the diagnostics.</summary>
    Monitor,

    /// <summary>Reject the step and retry with half the step size (up to 10 times), then fall back to <see cref="Throw"/>.</summary>
    ReduceStep,

    /// <summary>Throw <see cref="InvalidOperationException"/> naming the time, species and value.</summary>
    Throw,
}
