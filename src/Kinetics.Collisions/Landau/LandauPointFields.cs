namespace Kinetics.Landau;

/// <summary>The Landau fields of a distribution at one velocity.</summary>
/// <param name="Diffusion">K = Φ_γ * F.</param>
/// <param name="Drift">b = ∇·K = (∂_jΦ_ij) * F.</param>
/// <param name="DriftDivergence">∇·b = ∂_i∂_jK_ij (for Coulomb −8πp F(v)).</param>
public readonly record struct LandauPointFields(SymmetricMatrix3 Diffusion, Velocity3 Drift, double DriftDivergence);
