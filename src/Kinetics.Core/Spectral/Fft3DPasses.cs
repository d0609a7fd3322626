using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Kinetics.Spectral;

/// <summary>
/// The three axis passes of a 3-D transform on row-major N×N×M data (z contiguous), built on
/// <see cref="StockhamStages.TransformLines"/>: the strided x and y axes are transformed in place in blocks of B
/// adjacent columns (each register lane a different line); the contiguous z axis is transposed block-wise into scratch
/// (B rows become B columns), transformed there and transposed back.
/// </summary>
/// <remarks>
/// Scratch layout (doubles): [T | A | B'], each 2·N·B: T the transposed z-block, A and B' the Stockham ping-pong.
/// Real transforms (even N) pack a real row x as z[t] = x[2t] + i·x[2t+1] (N/2 complex points), transform it with an
/// N/2-point FFT Z and untangle X[k] = E[k] + ω_N^k·O[k] with E[k] = (Z[k] + conj Z[N/2−k])/2,
/// O[k] = −i·(Z[k] − conj Z[N/2−k])/2, ω_N = e^{−2πi/N}, for k = 0 … N/2. The inverse builds
/// Z[k] = (X[k] + conj X[N/2−k]) + i·ω_N^{−k}·(X[k] − conj X[N/2−k]) (twice the true Z, so that the unscaled
/// inverse along z multiplies by N as a full-length inverse would).
/// </remarks>
internal static class Fft3DPasses
{
    /// <summary>Complex 3-D transform in place on N³ values.</summary>
    public static void Complex<TOps, TVec>(MixedRadixPlan line, int block, bool inverse, Span<double> data, Span<double> scratch)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        int n = line.Length;
        int plane = n * n;
        for (int i = 0; i < n; i++)
        {
            Span<double> p = data.Slice(2 * i * plane, 2 * plane);
            for (int j0 = 0; j0 < n; j0 += block)
            {
                int w = Math.Min(block, n - j0);
                Span<double> rows = p.Slice(2 * j0 * n, 2 * w * n);
                TransposeIn(rows, n, w, scratch);
                TransformBlock<TOps, TVec>(line, inverse, scratch, 0, w, w, scratch, n * block);
                TransposeOut(scratch, n, w, rows);
            }

            Columns<TOps, TVec>(line, block, inverse, p, n, n, scratch);
        }

        Columns<TOps, TVec>(line, block, inverse, data, plane, plane, scratch);
    }

    /// <summary>Forward real-to-complex: N³ reals into the N·N·h half-spectrum, h = N/2 + 1.</summary>
    public static void ForwardReal<TOps, TVec>(
        MixedRadixPlan line, MixedRadixPlan? half, ReadOnlySpan<double> realTwiddles, int block,
        ReadOnlySpan<double> input, Span<double> output, Span<double> scratch)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        int n = line.Length, h = (n / 2) + 1;
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> x = input.Slice(i * n * n, n * n);
            Span<double> p = output.Slice(2 * i * n * h, 2 * n * h);
            for (int j0 = 0; j0 < n; j0 += block)
            {
                int w = Math.Min(block, n - j0);
                if (half is not null)
                {
                    // Pack: column b of T holds row j0 + b as N/2 complex numbers (x[2t], x[2t+1]).
                    TransposeIn(x.Slice(j0 * n, w * n), n / 2, w, scratch);
                    TransformBlock<TOps, TVec>(half, false, scratch, 0, w, w, scratch, n * block);
                    UntangleForward(scratch, n / 2, w, realTwiddles, p.Slice(2 * j0 * h, 2 * w * h));
                }
                else
                {
                    for (int b = 0; b < w; b++)
                    {
                        for (int t = 0; t < n; t++)
                        {
                            scratch[2 * ((t * w) + b)] = x[((j0 + b) * n) + t];
                            scratch[(2 * ((t * w) + b)) + 1] = 0.0;
                        }
                    }

                    TransformBlock<TOps, TVec>(line, false, scratch, 0, w, w, scratch, n * block);
                    for (int b = 0; b < w; b++)
                    {
                        for (int k = 0; k < h; k++)
                        {
                            p[2 * (((j0 + b) * h) + k)] = scratch[2 * ((k * w) + b)];
                            p[(2 * (((j0 + b) * h) + k)) + 1] = scratch[(2 * ((k * w) + b)) + 1];
                        }
                    }
                }
            }

            Columns<TOps, TVec>(line, block, false, p, h, h, scratch);
        }

        Columns<TOps, TVec>(line, block, false, output, n * h, n * h, scratch);
    }

    /// <summary>Inverse complex-to-real (unscaled): the N·N·h half-spectrum (overwritten) into N³ reals.</summary>
    public static void InverseReal<TOps, TVec>(
        MixedRadixPlan line, MixedRadixPlan? half, ReadOnlySpan<double> realTwiddles, int block,
        Span<double> spectrum, Span<double> output, Span<double> scratch)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        int n = line.Length, h = (n / 2) + 1;
        Columns<TOps, TVec>(line, block, true, spectrum, n * h, n * h, scratch);
        for (int i = 0; i < n; i++)
        {
            Span<double> p = spectrum.Slice(2 * i * n * h, 2 * n * h);
            Columns<TOps, TVec>(line, block, true, p, h, h, scratch);
            Span<double> x = output.Slice(i * n * n, n * n);
            for (int j0 = 0; j0 < n; j0 += block)
            {
                int w = Math.Min(block, n - j0);
                if (half is not null)
                {
                    TangleInverse(p.Slice(2 * j0 * h, 2 * w * h), n / 2, w, realTwiddles, scratch);
                    TransformBlock<TOps, TVec>(half, true, scratch, 0, w, w, scratch, n * block);
                    TransposeOut(scratch, n / 2, w, x.Slice(j0 * n, w * n));
                }
                else
                {
                    for (int b = 0; b < w; b++)
                    {
                        for (int k = 0; k < n; k++)
                        {
                            int src = k < h ? k : n - k;
                            double sign = k < h ? 1.0 : -1.0; // conj X[N − k] above the half-spectrum
                            scratch[2 * ((k * w) + b)] = p[2 * (((j0 + b) * h) + src)];
                            scratch[(2 * ((k * w) + b)) + 1] = sign * p[(2 * (((j0 + b) * h) + src)) + 1];
                        }
                    }

                    TransformBlock<TOps, TVec>(line, true, scratch, 0, w, w, scratch, n * block);
                    for (int b = 0; b < w; b++)
                    {
                        for (int t = 0; t < n; t++)
                        {
                            x[((j0 + b) * n) + t] = scratch[2 * ((t * w) + b)];
                        }
                    }
                }
            }
        }
    }

    /// <summary>Transforms the <paramref name="columns"/> lines of element stride <paramref name="stride"/> in blocks.</summary>
    private static void Columns<TOps, TVec>(MixedRadixPlan line, int block, bool inverse, Span<double> data, int stride, int columns, Span<double> scratch)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        int n = line.Length;
        for (int c0 = 0; c0 < columns; c0 += block)
        {
            int w = Math.Min(block, columns - c0);
            TransformBlock<TOps, TVec>(line, inverse, data, 2 * c0, stride, w, scratch, n * block);
        }
    }

    private static void TransformBlock<TOps, TVec>(
        MixedRadixPlan line, bool inverse, Span<double> data, int offset, int stride, int width, Span<double> scratch, int blockCapacity)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        // Bounds are checked once here so the pass kernels can run on refs: the last element touched is
        // offset + 2·((N − 1)·stride + width) − 1.
        int n = line.Length;
        if (offset + (2 * (((n - 1) * stride) + width)) > data.Length || scratch.Length < 6 * blockCapacity)
        {
            throw new InvalidOperationException("FFT block out of range (internal error).");
        }

        ref double s0 = ref scratch[0];
        StockhamStages.TransformLines<TOps, TVec>(
            line, inverse, ref data[offset], stride, width,
            ref Unsafe.Add(ref s0, 2 * blockCapacity), ref Unsafe.Add(ref s0, 4 * blockCapacity));
    }

    /// <summary>T[t·w + b] = rows[b·len + t] for complex t &lt; len, b &lt; w (rows given as doubles, 2 per complex).</summary>
    private static void TransposeIn(ReadOnlySpan<double> rows, int len, int w, Span<double> t)
    {
        if (rows.Length < 2 * len * w || t.Length < 2 * len * w)
        {
            throw new InvalidOperationException("FFT transpose out of range (internal error).");
        }

        ref double src = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(rows);
        ref double dst = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(t);
        for (nint b = 0; b < w; b++)
        {
            ref double row = ref Unsafe.Add(ref src, 2 * b * len);
            for (nint k = 0; k < len; k++)
            {
                Vector128.LoadUnsafe(ref Unsafe.Add(ref row, 2 * k)).StoreUnsafe(ref Unsafe.Add(ref dst, 2 * ((k * w) + b)));
            }
        }
    }

    /// <summary>rows[b·len + t] = T[t·w + b].</summary>
    private static void TransposeOut(ReadOnlySpan<double> t, int len, int w, Span<double> rows)
    {
        if (rows.Length < 2 * len * w || t.Length < 2 * len * w)
        {
            throw new InvalidOperationException("FFT transpose out of range (internal error).");
        }

        ref double src = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(t);
        ref double dst = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(rows);
        for (nint b = 0; b < w; b++)
        {
            ref double row = ref Unsafe.Add(ref dst, 2 * b * len);
            for (nint k = 0; k < len; k++)
            {
                Vector128.LoadUnsafe(ref Unsafe.Add(ref src, 2 * ((k * w) + b))).StoreUnsafe(ref Unsafe.Add(ref row, 2 * k));
            }
        }
    }

    /// <summary>X[k] = E[k] + ω_N^k·O[k] for k = 0 … m (m = N/2) from the packed transforms Z in columns of T.</summary>
    private static void UntangleForward(ReadOnlySpan<double> t, int m, int w, ReadOnlySpan<double> omega, Span<double> output)
    {
        int h = m + 1;
        for (int b = 0; b < w; b++)
        {
            for (int k = 0; k <= m; k++)
            {
                int ka = k == m ? 0 : k, kb = k == 0 ? 0 : m - k;
                double zr = t[2 * ((ka * w) + b)], zi = t[(2 * ((ka * w) + b)) + 1];
                double cr = t[2 * ((kb * w) + b)], ci = -t[(2 * ((kb * w) + b)) + 1]; // conj Z[m − k]
                double er = 0.5 * (zr + cr), ei = 0.5 * (zi + ci);
                double orr = 0.5 * (zi - ci), oi = -0.5 * (zr - cr); // O = −i·(Z − conj Z′)/2
                double wr = omega[2 * k], wi = omega[(2 * k) + 1];
                output[2 * ((b * h) + k)] = er + ((wr * orr) - (wi * oi));
                output[(2 * ((b * h) + k)) + 1] = ei + ((wr * oi) + (wi * orr));
            }
        }
    }

    /// <summary>Z[k] = (X[k] + conj X[m−k]) + i·ω_N^{−k}·(X[k] − conj X[m−k]) into columns of T, k &lt; m.</summary>
    private static void TangleInverse(ReadOnlySpan<double> spectrum, int m, int w, ReadOnlySpan<double> omega, Span<double> t)
    {
        int h = m + 1;
        for (int b = 0; b < w; b++)
        {
            for (int k = 0; k < m; k++)
            {
                double xr = spectrum[2 * ((b * h) + k)], xi = spectrum[(2 * ((b * h) + k)) + 1];
                double cr = spectrum[2 * ((b * h) + m - k)], ci = -spectrum[(2 * ((b * h) + m - k)) + 1];
                double er = xr + cr, ei = xi + ci;
                double dr = xr - cr, di = xi - ci;
                double wr = omega[2 * k], wi = -omega[(2 * k) + 1]; // ω^{−k}
                double or = (wr * dr) - (wi * di), oi = (wr * di) + (wi * dr);
                t[2 * ((k * w) + b)] = er - oi;     // E + i·O
                t[(2 * ((k * w) + b)) + 1] = ei + or;
            }
        }
    }
}
