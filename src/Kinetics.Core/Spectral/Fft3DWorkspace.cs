using System.Numerics;

namespace Kinetics.Spectral;

/// <summary>
/// Scratch memory for the transforms of one <see cref="Fft3DPlan"/> size: pass it to the workspace overloads to run
/// without touching the shared array pool. Not thread-safe: use one workspace per thread (the plan itself is shared).
/// </summary>
/// <remarks>Holds 3·N·B complex numbers of line-block scratch (B ≤ 32 lines per block), the expanded factor tables of
/// <see cref="Fft3DPlan.InverseRealModulated"/> and one N·N·(N/2 + 1) half-spectrum used by the non-destructive <see cref="Fft3DPlan.InverseReal(ReadOnlySpan{Complex}, Span{double}, Fft3DWorkspace)"/>.</remarks>
public sealed class Fft3DWorkspace
{
    internal Fft3DWorkspace(int size, int scratchLength, int halfSpectrumCount, int modulationLength)
    {
        Gate = new WorkspaceGate(this);
        Factors = new double[modulationLength];
        Size = size;
        Scratch = new double[scratchLength];
        Spectrum = new Complex[halfSpectrumCount];
    }

    /// <summary>N, the transform size this workspace serves.</summary>
    public int Size { get; }

    internal double[] Scratch { get; }

    // Concurrent-use flag (any plan of the same size may use the workspace, one call at a time).
    internal WorkspaceGate Gate { get; }

    internal Complex[] Spectrum { get; }

    // The expanded factor tables of Fft3DPlan.InverseRealModulated (x, y in twiddle format, z as re/im pairs).
    internal double[] Factors { get; }
}
