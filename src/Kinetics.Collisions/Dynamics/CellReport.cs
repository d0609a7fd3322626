namespace Kinetics.Dynamics;

/// <summary>What <see cref="BatchedCollisionStep"/> measured in one spatial cell.</summary>
/// <param name="ResidualBefore">The largest relative conservation residual of the cell's collision term before the
/// projection: max over the S + 4 conserved quantities of |C·Q| / C·|Q| (species masses, momentum, energy).</param>
/// <param name="ResidualAfter">The same after the projection (round-off).</param>
/// <param name="MinimumValue">min over species of min F / max F in the cell.</param>
/// <param name="WorstEdgeRatio">max over species of <see cref="SpeciesResolution.EdgeRatio"/>.</param>
/// <param name="WorstSpacingRatio">max over species of <see cref="SpeciesResolution.SpacingRatio"/>.</param>
/// <param name="WorstSpecies">The species with the largest edge or spacing excess (relative to the step's limits).</param>
public readonly record struct CellReport(
    double ResidualBefore, double ResidualAfter, double MinimumValue, double WorstEdgeRatio, double WorstSpacingRatio, int WorstSpecies);
