namespace Kinetics.PhaseSpace.Integration;

/// <summary>
/// Global integrals of a phase-space state, summed over all cells of all processes in the global cell order (so the
/// same bits on any number of processes): the number of particles of each species Σ_c ∫F^α dv ΔV, the total momentum
/// Σ_α m^α ∫v F^α, the kinetic energy Σ_α ∫ (m^α/2)|v|² F^α, the field energy ½∫|E|² and their sum.
/// </summary>
/// <param name="Masses">Particles per species (N_α = ∫∫F^α dx dv).</param>
/// <param name="Momentum">Total momentum.</param>
/// <param name="KineticEnergy">Total kinetic energy.</param>
/// <param name="FieldEnergy">Electric field energy ½∫|E|² dx.</param>
public sealed record PhaseSpaceDiagnostics(double[] Masses, Velocity3 Momentum, double KineticEnergy, double FieldEnergy)
{
    /// <summary>Kinetic plus field energy.</summary>
    public double TotalEnergy => KineticEnergy + FieldEnergy;
}
