namespace Kinetics.Estimates;

/// <summary>
/// The L² gap of the linearized operator on growing velocity balls |v| ≤ V, with its fitted power law λ(V) ∝ V^slope
/// (docs/math#coercivity): for soft potentials (γ &lt; 0) the gap shrinks like ν(V) ~ V^γ (no spectral gap on L²(ℝ³)),
/// for γ ≥ 0 it stays bounded below.
/// </summary>
/// <param name="Gamma">γ.</param>
/// <param name="Points">One entry per radius, ascending.</param>
/// <param name="Fit">Least-squares fit of log λ(V) against log V, with its 95 % interval.</param>
/// <param name="ExpectedSlope">min(γ, 0): the slope of ν(V) = min_{|v| ≤ V} ν for large V.</param>
/// <param name="FrequencyFit">The same fit for ν(V) (the reference the gap follows).</param>
/// <param name="KernelAsymmetry">Relative asymmetry of the discrete K before symmetrisation (discretisation error).</param>
/// <param name="NodeCount">Radial nodes per species on the largest ball.</param>
/// <param name="MaxDegree">Largest sector ℓ included.</param>
public sealed record BoundedDomainGap(double Gamma, IReadOnlyList<BoundedDomainGapPoint> Points, SlopeFit Fit, double ExpectedSlope, SlopeFit FrequencyFit, double KernelAsymmetry, int NodeCount, int MaxDegree);
