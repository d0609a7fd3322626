using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Kinetics.Spectral;

/// <summary>
/// The contiguous axis of a two-pass plan (N = r₁·r₂, both multiples of 4) vectorised along each line instead of across
/// lines, so that the z pass needs no transposition into and out of scratch (docs/fft.md, "Along-row z pass").
/// </summary>
/// <remarks>
/// Pass 1 (L = 1, S′ = r₂) has no twiddles, so a register can hold four consecutive j of one line: the r₁ inputs
/// x[j + p·r₂] and the outputs A₁[c·r₂ + j] are contiguous runs. The r₁ × r₂ matrix A₁ is then transposed (4×4 tiles of
/// complex numbers; the scale is applied there), after which pass 2 (L = r₁, S′ = 1) holds four consecutive k in a
/// register: inputs A₁[k·r₂ + p] = B[p·r₁ + k], outputs X[k + r₁·c] — contiguous again, with a twiddle ω_N^{p·k} that
/// differs per lane (<see cref="MixedRadixPlan.RowTwiddles"/>, the expanded format with one (re, im) per lane).
/// Vector512 only (four complex numbers per register).
/// </remarks>
internal static partial class StockhamStages
{
    /// <summary>
    /// Transforms <paramref name="rows"/> contiguous lines of N complex numbers (line b at doubles 2·N·b … of
    /// <paramref name="data"/>) in place, each multiplied by <paramref name="scale"/>; <paramref name="scratch"/> holds
    /// at least 4·N doubles.
    /// </summary>
    public static void TransformRows(MixedRadixPlan plan, bool inverse, Span<double> data, int rows, double scale, Span<double> scratch)
    {
        int n = plan.Length;
        ReadOnlySpan<double> rowTwiddles = plan.RowTwiddles(inverse);
        if (!plan.AlongRows || data.Length < 2 * n * rows || scratch.Length < 4 * n)
        {
            throw new InvalidOperationException("FFT row pass out of range (internal error).");
        }

        FftStage first = plan.Stages[0];
        nint r1 = first.Radix, r2 = first.Stride;
        Span<double> a = scratch[..(2 * n)], b = scratch.Slice(2 * n, 2 * n);
        ref double tw = ref MemoryMarshal.GetReference(rowTwiddles);
        ref double a0 = ref MemoryMarshal.GetReference(a);
        ref double b0 = ref MemoryMarshal.GetReference(b);
        var rot = Rotations<Vector512<double>>.Create<Vector512Lanes>(inverse ? -1.0 : 1.0);
        for (int row = 0; row < rows; row++)
        {
            Span<double> x = data.Slice(2 * n * row, 2 * n);
            ref double x0 = ref MemoryMarshal.GetReference(x);
            if (row + PrefetchRows < rows && Sse.IsSupported)
            {
                unsafe
                {
                    fixed (double* next = &Unsafe.Add(ref x0, 2 * n * PrefetchRows))
                    {
                        for (int d = 0; d < 2 * n; d += 8)
                        {
                            Sse.Prefetch0(next + d);
                        }
                    }
                }
            }

            RowPass((int)r1, ref x0, 2 * r2, ref a0, 2 * r2, r2 / 4, false, ref tw, 0, in rot);
            BlockTranspose.Transpose<Vector512Lanes, Vector512<double>, Overwrite>(a, (int)r1, (int)r2, b, b, scale, []);
            RowPass((int)r2, ref b0, 2 * r1, ref x0, 2 * r1, r1 / 4, true, ref tw, MixedRadixPlan.TwiddleStride * (r2 - 1), in rot);
        }
    }

    /// <summary>Rows prefetched ahead: the rows come from L3 (a plane's first pass), and one row of compute is too short
    /// for the hardware prefetcher to hide the latency (docs/fft.md, "Along-row z pass").</summary>
    private const int PrefetchRows = 2;

    private static void RowPass(
        int radix, ref double src, nint pin, ref double dst, nint pout, nint groups, bool twiddle, ref double tw, nint twGroup, in Rotations<Vector512<double>> rot)
    {
        switch (radix)
        {
            case 16:
                RowButterflies<Radix16>(ref src, pin, ref dst, pout, groups, twiddle, ref tw, twGroup, in rot);
                break;
            case 8:
                RowButterflies<Radix8>(ref src, pin, ref dst, pout, groups, twiddle, ref tw, twGroup, in rot);
                break;
            default:
                RowButterflies<Radix4>(ref src, pin, ref dst, pout, groups, twiddle, ref tw, twGroup, in rot);
                break;
        }
    }

    /// <summary>One radix-r butterfly per group of four consecutive lanes (8 doubles), group g's twiddles at tw + g·twGroup.</summary>
    private static void RowButterflies<TButterfly>(
        ref double src, nint pin, ref double dst, nint pout, nint groups, bool twiddle, ref double tw, nint twGroup, in Rotations<Vector512<double>> rot)
        where TButterfly : IButterfly
    {
        for (nint g = 0; g < groups; g++)
        {
            TButterfly.Apply<Vector512Lanes, Vector512<double>, NoFactors>(
                ref Unsafe.Add(ref src, 8 * g), pin, ref Unsafe.Add(ref dst, 8 * g), pout, twiddle, ref Unsafe.Add(ref tw, twGroup * g),
                ref Unsafe.NullRef<double>(), 0, in rot);
        }
    }
}
