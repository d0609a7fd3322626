using System.Numerics;

namespace Kinetics.Spectral;

/// <summary>
/// Scratch memory for the spectral helpers of one <see cref="SpectralGrid"/> (FFT scratch, two half-spectra, phase
/// vectors). Not thread-safe: one per thread; created by <see cref="SpectralGrid.CreateWorkspace"/>.
/// </summary>
public sealed class SpectralWorkspace
{
    internal SpectralWorkspace(SpectralGrid grid)
    {
        Size = grid.Size;
        Gate = new WorkspaceGate(this);
        Fft = grid.Plan.CreateWorkspace();
        Spectrum = new Complex[grid.Plan.HalfSpectrumCount];
        Work = new Complex[grid.Plan.HalfSpectrumCount];
        Phases = new Complex[3 * grid.Size];
    }

    /// <summary>N, the grid size this workspace serves.</summary>
    public int Size { get; }

    internal Fft3DWorkspace Fft { get; }

    internal Complex[] Spectrum { get; }

    internal Complex[] Work { get; }

    internal Complex[] Phases { get; }

    // Concurrent-use flag (any spectral grid of the same size may use the workspace, one call at a time).
    internal WorkspaceGate Gate { get; }

    // Checks the size and holds the workspace until the lease is disposed.
    internal WorkspaceGate.Lease EnsureFor(SpectralGrid grid, string paramName)
    {
        if (grid.Size != Size)
        {
            throw new ArgumentException($"{paramName} was created for N = {Size}, the grid has N = {grid.Size}.", paramName);
        }

        return Gate.Enter(paramName);
    }
}
