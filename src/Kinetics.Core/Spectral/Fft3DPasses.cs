using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Kinetics.Spectral;

/// <summary>
/// The three axis passes of a 3-D transform on row-major N×N×M data (z contiguous), built on
/// <c>StockhamStages.TransformLines</c>: the strided x and y axes are transformed in place in blocks of B
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
    public static void Complex<TOps, TVec>(MixedRadixPlan line, int block, bool inverse, double scale, Span<double> data, Span<double> scratch)
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
                TransposeIn(rows, n, w, scratch, scale);
                TransformBlock<TOps, TVec>(line, inverse, scratch, 0, w, w, scratch, Capacity(n, block));
                TransposeOut(scratch, n, w, rows, 1.0);
            }

            Columns<TOps, TVec>(line, block, inverse, p, n, n, scratch);
        }

        Columns<TOps, TVec>(line, block, inverse, data, plane, plane, scratch);
    }

    /// <summary>Forward real-to-complex: N³ reals into the N·N·h half-spectrum, h = N/2 + 1.</summary>
    public static void ForwardReal<TOps, TVec>(
        MixedRadixPlan line, MixedRadixPlan? half, ReadOnlySpan<double> realTwiddles, int block, double scale,
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
                    TransposeIn(x.Slice(j0 * n, w * n), n / 2, w, scratch, scale);
                    TransformBlock<TOps, TVec>(half, false, scratch, 0, w, w, scratch, Capacity(n, block));
                    UntangleForward<TOps, TVec>(scratch, n / 2, w, realTwiddles);
                    TransposeOut(scratch, h, w, p.Slice(2 * j0 * h, 2 * w * h), 1.0);
                }
                else
                {
                    for (int b = 0; b < w; b++)
                    {
                        for (int t = 0; t < n; t++)
                        {
                            scratch[2 * ((t * w) + b)] = scale * x[((j0 + b) * n) + t];
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
        MixedRadixPlan line, MixedRadixPlan? half, ReadOnlySpan<double> realTwiddles, int block, double scale,
        Span<double> spectrum, Span<double> output, Span<double> scratch)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        int n = line.Length, h = (n / 2) + 1;
        Columns<TOps, TVec>(line, block, true, spectrum, n * h, n * h, scratch);
        InverseRealPlanes<TOps, TVec, Overwrite>(line, half, realTwiddles, block, scale, spectrum, output, output, scratch);
    }

    /// <summary>
    /// Inverse complex-to-real (unscaled) of the half-spectrum X times the separable factor x[i]·y[j]·z[k] (complex,
    /// interleaved; z has h entries), leaving <paramref name="spectrum"/> intact: the x pass modulates each block of
    /// lines while moving it into the L1-sized scratch T and transforms it from there into <paramref name="work"/>
    /// (N·N·h complex); the y and z passes then run on work as in <see cref="InverseReal"/>. This saves the separate
    /// full-size multiplication pass (and its copy) of "multiply, then transform in place".
    /// </summary>
    /// <remarks>With <typeparamref name="TSink"/> = <see cref="MultiplyAdd"/> the result is not stored but added, times
    /// <paramref name="multiplier"/>, to <paramref name="output"/> (output += multiplier ⊙ result) in the final transposition.</remarks>
    public static void InverseRealModulated<TOps, TVec, TSink>(
        MixedRadixPlan line, MixedRadixPlan? half, ReadOnlySpan<double> realTwiddles, int block, double scale,
        ReadOnlySpan<double> spectrum, ReadOnlySpan<double> xFactors, ReadOnlySpan<double> yFactors, ReadOnlySpan<double> zFactors,
        Span<double> work, ReadOnlySpan<double> multiplier, Span<double> output, Span<double> scratch)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
        where TSink : IRealSink
    {
        int n = line.Length, h = (n / 2) + 1, columns = n * h, capacity = Capacity(n, block);
        if (spectrum.Length < 2 * n * columns || work.Length < 2 * n * columns || xFactors.Length < 2 * n || yFactors.Length < 2 * n ||
            zFactors.Length < 2 * h || scratch.Length < 6 * capacity)
        {
            throw new InvalidOperationException("FFT modulated inverse out of range (internal error).");
        }

        // The per-line factor y[j]·z[k] of each column of a block, pre-split for ComplexLanes.Twiddle: (re, re) and (−im, im).
        int widest = 2 * block;
        Span<double> lineRe = stackalloc double[2 * widest];
        Span<double> lineIm = stackalloc double[2 * widest];
        ref double t0 = ref scratch[0];
        for (int c0 = 0, w; c0 < columns; c0 += w)
        {
            w = Width(columns - c0, block);
            for (int u = 0; u < w; u++)
            {
                int j = (c0 + u) / h, k = (c0 + u) % h;
                double yr = yFactors[2 * j], yi = yFactors[(2 * j) + 1], zr = zFactors[2 * k], zi = zFactors[(2 * k) + 1];
                double re = (yr * zr) - (yi * zi), im = (yr * zi) + (yi * zr);
                lineRe[2 * u] = re;
                lineRe[(2 * u) + 1] = re;
                lineIm[2 * u] = -im;
                lineIm[(2 * u) + 1] = im;
            }

            Modulate<TOps, TVec>(spectrum, c0, columns, xFactors, lineRe, lineIm, n, w, scratch);
            StockhamStages.TransformLines<TOps, TVec>(
                line, true, ref t0, w, ref work[2 * c0], columns, w, ref Unsafe.Add(ref t0, 2 * capacity), ref Unsafe.Add(ref t0, 4 * capacity));
        }

        InverseRealPlanes<TOps, TVec, TSink>(line, half, realTwiddles, block, scale, work, multiplier, output, scratch);
    }

    /// <summary>T[t·w + u] = X[t·columns + c0 + u]·x[t]·(y ⊗ z)[c0 + u] for t &lt; N, u &lt; w.</summary>
    private static void Modulate<TOps, TVec>(
        ReadOnlySpan<double> spectrum, int c0, int columns, ReadOnlySpan<double> xFactors, ReadOnlySpan<double> lineRe, ReadOnlySpan<double> lineIm,
        int n, int w, Span<double> t)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        ref double s0 = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(spectrum);
        ref double d0 = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(t);
        ref double re0 = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(lineRe);
        ref double im0 = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(lineIm);
        nint vecEnd = w - (w % TOps.Count);
        for (nint row = 0; row < n; row++)
        {
            double xr = xFactors[(int)(2 * row)], xi = xFactors[(int)((2 * row) + 1)];
            TVec xre = TOps.Pair(xr, xr), xim = TOps.Pair(-xi, xi);
            ScalarComplex xreTail = ScalarLanes.Pair(xr, xr), ximTail = ScalarLanes.Pair(-xi, xi);
            ref double src = ref Unsafe.Add(ref s0, 2 * ((row * columns) + c0));
            ref double dst = ref Unsafe.Add(ref d0, 2 * row * w);
            nint u = 0;
            for (; u < vecEnd; u += TOps.Count)
            {
                TVec v = ComplexLanes.Twiddle<TOps, TVec>(TOps.Load(ref Unsafe.Add(ref src, 2 * u)), xre, xim);
                v = ComplexLanes.Twiddle<TOps, TVec>(v, TOps.Load(ref Unsafe.Add(ref re0, 2 * u)), TOps.Load(ref Unsafe.Add(ref im0, 2 * u)));
                TOps.Store(v, ref Unsafe.Add(ref dst, 2 * u));
            }

            for (; u < w; u++)
            {
                ScalarComplex v = ComplexLanes.Twiddle<ScalarLanes, ScalarComplex>(ScalarLanes.Load(ref Unsafe.Add(ref src, 2 * u)), xreTail, ximTail);
                v = ComplexLanes.Twiddle<ScalarLanes, ScalarComplex>(v, ScalarLanes.Load(ref Unsafe.Add(ref re0, 2 * u)), ScalarLanes.Load(ref Unsafe.Add(ref im0, 2 * u)));
                ScalarLanes.Store(v, ref Unsafe.Add(ref dst, 2 * u));
            }
        }
    }

    /// <summary>The y and z passes of the inverse real transform, after the x pass has run on <paramref name="spectrum"/>.</summary>
    private static void InverseRealPlanes<TOps, TVec, TSink>(
        MixedRadixPlan line, MixedRadixPlan? half, ReadOnlySpan<double> realTwiddles, int block, double scale,
        Span<double> spectrum, ReadOnlySpan<double> multiplier, Span<double> output, Span<double> scratch)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
        where TSink : IRealSink
    {
        int n = line.Length, h = (n / 2) + 1;
        if (multiplier.Length < output.Length)
        {
            throw new InvalidOperationException("FFT multiplier out of range (internal error).");
        }

        for (int i = 0; i < n; i++)
        {
            Span<double> p = spectrum.Slice(2 * i * n * h, 2 * n * h);
            Columns<TOps, TVec>(line, block, true, p, h, h, scratch);
            Span<double> x = output.Slice(i * n * n, n * n);
            ReadOnlySpan<double> factor = multiplier.Slice(i * n * n, n * n);
            for (int j0 = 0, w; j0 < n; j0 += w)
            {
                w = Width(n - j0, block);
                if (half is not null)
                {
                    TransposeIn(p.Slice(2 * j0 * h, 2 * w * h), h, w, scratch, 1.0);
                    TangleInverse<TOps, TVec>(scratch, n / 2, w, realTwiddles);
                    TransformBlock<TOps, TVec>(half, true, scratch, 0, w, w, scratch, Capacity(n, block));
                    Transpose<TSink>(scratch, n / 2, w, x.Slice(j0 * n, w * n), factor.Slice(j0 * n, w * n), scale);
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
                            int o = ((j0 + b) * n) + t;
                            x[o] = TSink.Put(scale * scratch[2 * ((t * w) + b)], factor[o], x[o]);
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

    /// <summary>T[t·w + b] = scale·rows[b·len + t] for complex t &lt; len, b &lt; w (rows given as doubles, 2 per complex).</summary>
    private static void TransposeIn(ReadOnlySpan<double> rows, int len, int w, Span<double> t, double scale) =>
        Transpose<Overwrite>(rows, w, len, t, t, scale);

    /// <summary>rows[b·len + t] = scale·T[t·w + b].</summary>
    private static void TransposeOut(ReadOnlySpan<double> t, int len, int w, Span<double> rows, double scale) =>
        Transpose<Overwrite>(t, len, w, rows, rows, scale);

    /// <summary>
    /// dst[c·rowCount + r] = scale·src[r·columnCount + c] for complex numbers (r &lt; rowCount, c &lt; columnCount).
    /// With AVX-512, 4×4 tiles of complex numbers move as four 512-bit loads, eight 128-bit-lane shuffles and four
    /// stores; the rest one complex number (one 128-bit register) at a time. <typeparamref name="TSink"/> decides how a
    /// value reaches dst: stored, or multiplied by the same element of <paramref name="multiplier"/> (indexed like dst)
    /// and added.
    /// </summary>
    private static void Transpose<TSink>(ReadOnlySpan<double> src, int rowCount, int columnCount, Span<double> dst, ReadOnlySpan<double> multiplier, double scale)
        where TSink : IRealSink
    {
        if (src.Length < 2 * rowCount * columnCount || dst.Length < 2 * rowCount * columnCount || multiplier.Length < 2 * rowCount * columnCount)
        {
            throw new InvalidOperationException("FFT transpose out of range (internal error).");
        }

        ref double s0 = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(src);
        ref double d0 = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(dst);
        ref double m0 = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(multiplier);
        nint rows = rowCount, cols = columnCount;
        nint r0 = 0;
        if (Avx512F.IsSupported)
        {
            Vector512<double> s = Vector512.Create(scale);
            nint colsTiled = cols & ~3;
            for (; r0 + 4 <= rows; r0 += 4)
            {
                for (nint c0 = 0; c0 < colsTiled; c0 += 4)
                {
                    ref double a = ref Unsafe.Add(ref s0, 2 * ((r0 * cols) + c0));
                    Vector512<double> x0 = Vector512.LoadUnsafe(ref a) * s;
                    Vector512<double> x1 = Vector512.LoadUnsafe(ref Unsafe.Add(ref a, 2 * cols)) * s;
                    Vector512<double> x2 = Vector512.LoadUnsafe(ref Unsafe.Add(ref a, 4 * cols)) * s;
                    Vector512<double> x3 = Vector512.LoadUnsafe(ref Unsafe.Add(ref a, 6 * cols)) * s;
                    Vector512<double> t0 = Avx512F.Shuffle4x128(x0, x1, 0x44), t1 = Avx512F.Shuffle4x128(x0, x1, 0xEE);
                    Vector512<double> t2 = Avx512F.Shuffle4x128(x2, x3, 0x44), t3 = Avx512F.Shuffle4x128(x2, x3, 0xEE);
                    nint o = 2 * ((c0 * rows) + r0);
                    TSink.Put(Avx512F.Shuffle4x128(t0, t2, 0x88), ref Unsafe.Add(ref d0, o), ref Unsafe.Add(ref m0, o));
                    TSink.Put(Avx512F.Shuffle4x128(t0, t2, 0xDD), ref Unsafe.Add(ref d0, o + (2 * rows)), ref Unsafe.Add(ref m0, o + (2 * rows)));
                    TSink.Put(Avx512F.Shuffle4x128(t1, t3, 0x88), ref Unsafe.Add(ref d0, o + (4 * rows)), ref Unsafe.Add(ref m0, o + (4 * rows)));
                    TSink.Put(Avx512F.Shuffle4x128(t1, t3, 0xDD), ref Unsafe.Add(ref d0, o + (6 * rows)), ref Unsafe.Add(ref m0, o + (6 * rows)));
                }

                for (nint r = r0; r < r0 + 4; r++)
                {
                    TransposeRow<TSink>(ref s0, ref d0, ref m0, rows, cols, r, colsTiled, scale);
                }
            }
        }

        for (nint r = r0; r < rows; r++)
        {
            TransposeRow<TSink>(ref s0, ref d0, ref m0, rows, cols, r, 0, scale);
        }
    }

    /// <summary>The complex numbers c ≥ <paramref name="fromColumn"/> of source row r.</summary>
    private static void TransposeRow<TSink>(ref double s0, ref double d0, ref double m0, nint rows, nint cols, nint r, nint fromColumn, double scale)
        where TSink : IRealSink
    {
        Vector128<double> s = Vector128.Create(scale);
        ref double row = ref Unsafe.Add(ref s0, 2 * r * cols);
        for (nint c = fromColumn; c < cols; c++)
        {
            nint o = 2 * ((c * rows) + r);
            TSink.Put(Vector128.LoadUnsafe(ref Unsafe.Add(ref row, 2 * c)) * s, ref Unsafe.Add(ref d0, o), ref Unsafe.Add(ref m0, o));
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
        if (t.Length < 2 * (m + 1) * w || omega.Length < MixedRadixPlan.TwiddleStride * (m + 1))
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
            ref double wk = ref Unsafe.Add(ref om, MixedRadixPlan.TwiddleStride * k);
            ref double wc = ref Unsafe.Add(ref om, MixedRadixPlan.TwiddleStride * (m - k));
            nint u = 0;
            for (; u < vecEnd; u += TOps.Count)
            {
                UntanglePair<TOps, TVec>(ref Unsafe.Add(ref rowK, 2 * u), ref Unsafe.Add(ref rowC, 2 * u), ref Unsafe.Add(ref rowOut, 2 * u), ref wk, ref wc);
            }

            for (; u < w; u++)
            {
                UntanglePair<ScalarLanes, ScalarComplex>(ref Unsafe.Add(ref rowK, 2 * u), ref Unsafe.Add(ref rowC, 2 * u), ref Unsafe.Add(ref rowOut, 2 * u), ref wk, ref wc);
            }
        }
    }

    /// <summary>X[k] from (Z[k], Z[m−k]) into zk, X[m−k] from (Z[m−k], Z[k]) into xc (expanded twiddles ω^k at wk, ω^{m−k} at wc).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void UntanglePair<TOps, TVec>(ref double zk, ref double zc, ref double xc, ref double wk, ref double wc)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        TVec a = TOps.Load(ref zk), b = TOps.Load(ref zc);
        TVec conj = TOps.Pair(1.0, -1.0);
        TOps.Store(Untangle<TOps, TVec>(a, b, conj, ref wk), ref zk);
        TOps.Store(Untangle<TOps, TVec>(b, a, conj, ref wc), ref xc);
    }

    /// <summary>
    /// E + ω·O with E = (z + c)/2, O = −i·(z − c)/2, c = conj z′, computed as A·(z − c) + c with the tabulated
    /// A = (1 − iω)/2 (one complex product instead of two).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec Untangle<TOps, TVec>(TVec z, TVec zPartner, TVec conj, ref double a)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        TVec c = TOps.Multiply(zPartner, conj);
        return TOps.Add(ComplexLanes.Twiddle<TOps, TVec>(TOps.Subtract(z, c), TOps.Load(ref a), TOps.Load(ref Unsafe.Add(ref a, 8))), c);
    }

    /// <summary>
    /// In place on the columns of T (rows 0 … m hold X[0 … m]): X → Z[k] = (X[k] + conj X[m−k]) + i·ω_N^{−k}·(X[k] − conj X[m−k]),
    /// k = 0 … m − 1.
    /// </summary>
    private static void TangleInverse<TOps, TVec>(Span<double> t, int m, int w, ReadOnlySpan<double> omega)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        if (t.Length < 2 * (m + 1) * w || omega.Length < MixedRadixPlan.TwiddleStride * (m + 1))
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
            ref double wk = ref Unsafe.Add(ref om, MixedRadixPlan.TwiddleStride * k);
            ref double wc = ref Unsafe.Add(ref om, MixedRadixPlan.TwiddleStride * kc);
            bool both = k != 0;
            nint u = 0;
            for (; u < vecEnd; u += TOps.Count)
            {
                TanglePair<TOps, TVec>(ref Unsafe.Add(ref rowK, 2 * u), ref Unsafe.Add(ref rowC, 2 * u), both, ref wk, ref wc);
            }

            for (; u < w; u++)
            {
                TanglePair<ScalarLanes, ScalarComplex>(ref Unsafe.Add(ref rowK, 2 * u), ref Unsafe.Add(ref rowC, 2 * u), both, ref wk, ref wc);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TanglePair<TOps, TVec>(ref double xk, ref double xc, bool both, ref double wk, ref double wc)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        TVec a = TOps.Load(ref xk), b = TOps.Load(ref xc);
        TVec conj = TOps.Pair(1.0, -1.0);
        TOps.Store(Tangle<TOps, TVec>(a, b, conj, ref wk), ref xk);
        if (both)
        {
            TOps.Store(Tangle<TOps, TVec>(b, a, conj, ref wc), ref xc);
        }
    }

    /// <summary>
    /// (x + c) + i·ω̄·(x − c), c = conj x′, ω̄ = ω^{−k}, computed as C·(x − c) + 2c with the tabulated C = 1 + iω̄.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec Tangle<TOps, TVec>(TVec x, TVec xPartner, TVec conj, ref double w)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        TVec c = TOps.Multiply(xPartner, conj);
        TVec o = ComplexLanes.Twiddle<TOps, TVec>(TOps.Subtract(x, c), TOps.Load(ref w), TOps.Load(ref Unsafe.Add(ref w, 8)));
        return TOps.MultiplyAdd(c, TOps.Pair(2.0, 2.0), o);
    }
}

/// <summary>How the last pass of a transform delivers a value v to its destination d (m: the multiplier at the same index).</summary>
internal interface IRealSink
{
    /// <summary>Four complex numbers (eight doubles).</summary>
    static abstract void Put(Vector512<double> v, ref double d, ref double m);

    /// <summary>One complex number (two doubles).</summary>
    static abstract void Put(Vector128<double> v, ref double d, ref double m);

    /// <summary>One double: returns the new value of d.</summary>
    static abstract double Put(double v, double m, double d);
}

/// <summary>d = v.</summary>
internal readonly struct Overwrite : IRealSink
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Put(Vector512<double> v, ref double d, ref double m) => v.StoreUnsafe(ref d);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Put(Vector128<double> v, ref double d, ref double m) => v.StoreUnsafe(ref d);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Put(double v, double m, double d) => v;
}

/// <summary>d += m·v.</summary>
internal readonly struct MultiplyAdd : IRealSink
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Put(Vector512<double> v, ref double d, ref double m) =>
        Vector512.FusedMultiplyAdd(v, Vector512.LoadUnsafe(ref m), Vector512.LoadUnsafe(ref d)).StoreUnsafe(ref d);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Put(Vector128<double> v, ref double d, ref double m) =>
        Vector128.FusedMultiplyAdd(v, Vector128.LoadUnsafe(ref m), Vector128.LoadUnsafe(ref d)).StoreUnsafe(ref d);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Put(double v, double m, double d) => Math.FusedMultiplyAdd(v, m, d);
}
