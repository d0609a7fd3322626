namespace Kinetics.PhaseSpace.Fields;

/// <summary>What <see cref="Integration.PhaseSpaceSolver"/> needs of a field solver: E from ρ on the whole mesh, and ½∫|E|².</summary>
internal interface IGaussSolver
{
    /// <summary>E per cell from ρ per cell.</summary>
    void Solve(ReadOnlySpan<double> chargeDensity, Span<double> fieldX, Span<double> fieldY);

    /// <summary>½ Σ_cells |E|² times the cell volume.</summary>
    double FieldEnergy(ReadOnlySpan<double> fieldX, ReadOnlySpan<double> fieldY);
}
