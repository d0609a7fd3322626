namespace Kinetics.Dynamics;

/// <summary>The penalty operator P of the stiff steps (<see cref="StiffOptions.Penalty"/>; docs/limits.md).</summary>
public enum StiffPenalty
{
    /// <summary>
    /// The BGK operator P(F) = β(M[F] − F) (Filbet–Jin), β the operator's largest collision frequency: implicit in closed form.
    /// For the Landau operator β ∝ h⁻² (the diffusion's spectral radius), so large steps barely relax the bulk.
    /// </summary>
    Bgk = 1,

    /// <summary>
    /// The linear Fokker–Planck operator P_α F = β∇·((θ/m_α)∇F + (v − u)F) with the mixture's u and θ (Jin–Yan), β from the
    /// operator's diffusion bound (<see cref="IDiffusionBound"/>: the Landau operators), inverted by preconditioned conjugate
    /// gradients. Its diffusion matches the Landau operator's stiff part, so β stays of the order of the bulk rates.
    /// </summary>
    FokkerPlanck = 2,
}
