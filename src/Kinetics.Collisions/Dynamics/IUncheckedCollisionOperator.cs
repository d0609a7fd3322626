namespace Kinetics.Dynamics;

/// <summary>Operators whose <see cref="ICollisionOperator.Evaluate"/> also checks resolution: the integrators measure
/// resolution themselves under their <see cref="ResolutionPolicy"/> and call this entry point instead.</summary>
internal interface IUncheckedCollisionOperator
{
    /// <summary>As <see cref="ICollisionOperator.Evaluate"/>, without the operator's own resolution check.</summary>
    void EvaluateWithoutResolutionCheck(ReadOnlySpan<double> state, Span<double> destination);
}
