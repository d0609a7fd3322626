namespace Kinetics.Landau;

/// <summary>Scratch for <see cref="SpeciesGridLandauOperator"/> evaluations (one per concurrent caller; not thread-safe).</summary>
public sealed class SpeciesGridLandauWorkspace
{
    internal SpeciesGridLandauWorkspace(SpeciesGridLandauOperator owner, SpectralLandauWorkspace[] species, double[][] sourceFields, double[] resampled, double[] transferScratch)
    {
        Gate = new WorkspaceGate(owner);
        Species = species;
        SourceFields = sourceFields;
        Resampled = resampled;
        TransferScratch = transferScratch;
    }

    // Ownership and the in-use flag: an evaluation holds the gate, so a second thread using the same workspace at the
    // same time is refused instead of corrupting the shared scratch.
    internal WorkspaceGate Gate { get; }

    internal SpeciesGridLandauOperator Owner => (SpeciesGridLandauOperator)Gate.Owner;

    // Species[a]: scratch of species a's grid operator; Species[a].Spectra[a] holds F_a's own spectrum after Prepare.
    internal SpectralLandauWorkspace[] Species { get; }

    // 9·N_b³ raw fields (K: xx, xy, xz, yy, yz, zz; then b: x, y, z) of species b on its own grid (empty unless needed).
    internal double[][] SourceFields { get; }

    internal double[] Resampled { get; }

    internal double[] TransferScratch { get; }
}
