namespace Kinetics.Linearized;

/// <summary>
/// The macroscopic (fluid) coordinates of P₀ f: P₀f^α = a^α √μ^α + (b·v) m^α √μ^α + c (m^α|v|² − 3) √μ^α
/// (docs/math#null-space; perturbations of density per species, common velocity and temperature).
/// </summary>
/// <param name="Densities">a^α per species.</param>
/// <param name="Velocity">b, the common velocity perturbation.</param>
/// <param name="Temperature">c, the common temperature coordinate.</param>
public sealed record MacroscopicPart(IReadOnlyList<double> Densities, Velocity3 Velocity, double Temperature);
