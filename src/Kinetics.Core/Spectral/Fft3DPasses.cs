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
            for (int j0 = 0, w; j0 < n; j0 += w)
            {
                w = Width(n - j0, block);
                Span<double> rows = p.Slice(2 * j0 * n, 2 * w * n);
                TransposeIn(rows, n, w, scratch);
                TransformBlock<TOps, TVec>(line, inverse, scratch, 0, w, w, scratch, Capacity(n, block));
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
            for (int j0 = 0, w; j0 < n; j0 += w)
            {
                w = Width(n - j0, block);
                if (half is not null)
                {
                    // Pack: column b of T holds row j0 + b as N/2 complex numbers (x[2t], x[2t+1]).
                    TransposeIn(x.Slice(j0 * n, w * n), n / 2, w, scratch);
                    TransformBlock<TOps, TVec>(half, false, scratch, 0, w, w, scratch, Capacity(n, block));
                    UntangleForward<TOps, TVec>(scratch, n / 2, w, realTwiddles);
                    TransposeOut(scratch, h, w, p.Slice(2 * j0 * h, 2 * w * h));
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

                    TransformBlock<TOps, TVec>(line, false, scratch, 0, w, w, scratch, Capacity(n, block));
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
            for (int j0 = 0, w; j0 < n; j0 += w)
            {
                w = Width(n - j0, block);
                if (half is not null)
                {
                    TransposeIn(p.Slice(2 * j0 * h, 2 * w * h), h, w, scratch);
                    TangleInverse<TOps, TVec>(scratch, n / 2, w, realTwiddles);
                    TransformBlock<TOps, TVec>(half, true, scratch, 0, w, w, scratch, Capacity(n, block));
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

                    TransformBlock<TOps, TVec>(line, true, scratch, 0, w, w, scratch, Capacity(n, block));
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
        for (int c0 = 0, w; c0 < columns; c0 += w)
        {
            w = Width(columns - c0, block);
            TransformBlock<TOps, TVec>(line, inverse, data, 2 * c0, stride, w, scratch, Capacity(n, block));
        }
    }

    /// <summary>Scratch doubles a plan with blocks of <paramref name="block"/> lines needs: three buffers of N·2B complex.</summary>
    public static int ScratchLength(int n, int block) => 6 * Capacity(n, block);

    /// <summary>Complex numbers per scratch buffer: blocks may grow to 1.5·B (see <see cref="Width"/>).</summary>
    private static int Capacity(int n, int block) => 2 * n * block;

    /// <summary>The next block width: B, or all that remain when fewer than 1.5·B do (no narrow, mostly-scalar tail block).</summary>
    private static int Width(int remaining, int block) => remaining < block + (block / 2) ? remaining : block;

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

    /// <summary>
    /// In place on the columns of T (rows 0 … m, m = N/2, row m is free on entry): Z[k] → X[k] = E[k] + ω_N^k·O[k],
    /// k = 0 … m, processing the rows k and m − k together since each result needs both.
    /// </summary>
    private static void UntangleForward<TOps, TVec>(Span<double> t, int m, int w, ReadOnlySpan<double> omega)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        if (t.Length < 2 * (m + 1) * w || omega.Length < 2 * (m + 1))
        {
            throw new InvalidOperationException("FFT untangle out of range (internal error).");
        }

        ref double t0 = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(t);
        ref double om = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(omega);
        nint vecEnd = w - (w % TOps.Count);
        for (nint k = 0; k <= m / 2; k++)
        {
            nint kc = k == 0 ? 0 : m - k;
            ref double rowK = ref Unsafe.Add(ref t0, 2 * k * w);
            ref double rowC = ref Unsafe.Add(ref t0, 2 * kc * w);
            ref double rowOut = ref Unsafe.Add(ref t0, 2 * (k == 0 ? m : kc) * w); // X[m − k] (X[m] for k = 0)
            double wr = Unsafe.Add(ref om, 2 * k), wi = Unsafe.Add(ref om, (2 * k) + 1);
            double vr = Unsafe.Add(ref om, 2 * (m - k)), vi = Unsafe.Add(ref om, (2 * (m - k)) + 1);
            nint u = 0;
            for (; u < vecEnd; u += TOps.Count)
            {
                UntanglePair<TOps, TVec>(ref Unsafe.Add(ref rowK, 2 * u), ref Unsafe.Add(ref rowC, 2 * u), ref Unsafe.Add(ref rowOut, 2 * u), wr, wi, vr, vi);
            }

            for (; u < w; u++)
            {
                UntanglePair<ScalarLanes, ScalarComplex>(ref Unsafe.Add(ref rowK, 2 * u), ref Unsafe.Add(ref rowC, 2 * u), ref Unsafe.Add(ref rowOut, 2 * u), wr, wi, vr, vi);
            }
        }
    }

    /// <summary>X[k] from (Z[k], Z[m−k]) into zk, X[m−k] from (Z[m−k], Z[k]) into xc (ω^k = (wr, wi), ω^{m−k} = (vr, vi)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void UntanglePair<TOps, TVec>(ref double zk, ref double zc, ref double xc, double wr, double wi, double vr, double vi)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        TVec a = TOps.Load(ref zk), b = TOps.Load(ref zc);
        TVec conj = TOps.Pair(1.0, -1.0), half = TOps.Pair(0.5, 0.5);
        TOps.Store(Untangle<TOps, TVec>(a, b, conj, half, wr, wi), ref zk);
        TOps.Store(Untangle<TOps, TVec>(b, a, conj, half, vr, vi), ref xc);
    }

    /// <summary>E + ω·O with E = (z + conj z′)/2, O = −i·(z − conj z′)/2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec Untangle<TOps, TVec>(TVec z, TVec zPartner, TVec conj, TVec half, double wr, double wi)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        TVec c = TOps.Multiply(zPartner, conj);
        TVec e = TOps.Multiply(TOps.Add(z, c), half);
        TVec o = TOps.Multiply(TOps.Swap(TOps.Subtract(z, c)), TOps.Pair(0.5, -0.5)); // −i·d/2 = (d_im, −d_re)/2
        return TOps.Add(e, ComplexLanes.Twiddle<TOps, TVec>(o, TOps.Pair(wr, wr), TOps.Pair(-wi, wi)));
    }

    /// <summary>
    /// In place on the columns of T (rows 0 … m hold X[0 … m]): X → Z[k] = (X[k] + conj X[m−k]) + i·ω_N^{−k}·(X[k] − conj X[m−k]),
    /// k = 0 … m − 1.
    /// </summary>
    private static void TangleInverse<TOps, TVec>(Span<double> t, int m, int w, ReadOnlySpan<double> omega)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        if (t.Length < 2 * (m + 1) * w || omega.Length < 2 * (m + 1))
        {
            throw new InvalidOperationException("FFT tangle out of range (internal error).");
        }

        ref double t0 = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(t);
        ref double om = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(omega);
        nint vecEnd = w - (w % TOps.Count);
        for (nint k = 0; k <= m / 2; k++)
        {
            // k = 0 pairs X[0] with X[m] and yields Z[0] only; k ≥ 1 yields Z[k] and Z[m − k].
            nint kc = m - k;
            ref double rowK = ref Unsafe.Add(ref t0, 2 * k * w);
            ref double rowC = ref Unsafe.Add(ref t0, 2 * kc * w);
            double wr = Unsafe.Add(ref om, 2 * k), wi = -Unsafe.Add(ref om, (2 * k) + 1);
            double vr = Unsafe.Add(ref om, 2 * kc), vi = -Unsafe.Add(ref om, (2 * kc) + 1);
            bool both = k != 0;
            nint u = 0;
            for (; u < vecEnd; u += TOps.Count)
            {
                TanglePair<TOps, TVec>(ref Unsafe.Add(ref rowK, 2 * u), ref Unsafe.Add(ref rowC, 2 * u), both, wr, wi, vr, vi);
            }

            for (; u < w; u++)
            {
                TanglePair<ScalarLanes, ScalarComplex>(ref Unsafe.Add(ref rowK, 2 * u), ref Unsafe.Add(ref rowC, 2 * u), both, wr, wi, vr, vi);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TanglePair<TOps, TVec>(ref double xk, ref double xc, bool both, double wr, double wi, double vr, double vi)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        TVec a = TOps.Load(ref xk), b = TOps.Load(ref xc);
        TVec conj = TOps.Pair(1.0, -1.0);
        TOps.Store(Tangle<TOps, TVec>(a, b, conj, wr, wi), ref xk);
        if (both)
        {
            TOps.Store(Tangle<TOps, TVec>(b, a, conj, vr, vi), ref xc);
        }
    }

    /// <summary>(x + conj x′) + i·ω̄·(x − conj x′), ω̄ = (wr, wi) already conjugated.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec Tangle<TOps, TVec>(TVec x, TVec xPartner, TVec conj, double wr, double wi)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        TVec c = TOps.Multiply(xPartner, conj);
        TVec o = ComplexLanes.Twiddle<TOps, TVec>(TOps.Subtract(x, c), TOps.Pair(wr, wr), TOps.Pair(-wi, wi));
        return TOps.Add(TOps.Add(x, c), TOps.Multiply(TOps.Swap(o), TOps.Pair(-1.0, 1.0))); // + i·o = (−o_im, o_re)
    }
}
