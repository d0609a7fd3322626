namespace Kinetics.Dynamics;

/// <summary>What a time integrator or the batched collision step does when a species is not resolved by the grid
/// (<see cref="SpeciesResolution"/> beyond <see cref="BatchedCollisionStepOptions.ResolutionTolerance"/> or
/// <see cref="BatchedCollisionStepOptions.MaxSpacingRatio"/>).</summary>
public enum ResolutionPolicy
{
    /// <summary>Measure and report the indicators, never throw (the default during time integration).</summary>
    Report,

    /// <summary>Throw an <see cref="UnresolvedSpeciesException"/> naming the cell, the species and the remedy.</summary>
    Strict,
}
