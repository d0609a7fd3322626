using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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
internal static partial class Fft3DPasses
{
    /// <summary>Inverse complex-to-real (unscaled): the N·N·h half-spectrum (overwritten) into N³ reals.</summary>
    public static void InverseReal<TOps, TVec>(
        MixedRadixPlan line, MixedRadixPlan? half, ReadOnlySpan<double> realTwiddles, FftBlocking block, double scale,
        Span<double> spectrum, Span<double> output, Span<double> scratch)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        int n = line.Length, h = (n / 2) + 1;
        Columns<TOps, TVec>(line, block.Planes, true, spectrum, n * h, n * h, scratch);
        InverseRealPlanes<TOps, TVec, Overwrite>(line, half, realTwiddles, block, scale, spectrum, output, output, scratch, [], ref Unsafe.NullRef<double>());
    }

    /// <summary>
    /// Inverse complex-to-real of the half-spectrum X times the separable factor x[i]·y[j]·z[k], leaving
    /// <paramref name="spectrum"/> intact. Each factor is folded into the pass of its own axis, where it is constant
    /// across the lines a register holds: x[i] and y[j] multiply the inputs of the first Stockham stage of the x and y
    /// passes (like twiddles), z[k] is applied by the transposition that starts the z pass. The x pass reads
    /// <paramref name="spectrum"/> and writes <paramref name="work"/> (N·N·h complex); the rest runs on work. No pass
    /// over memory is added to the plain inverse transform.
    /// </summary>
    /// <remarks>The factors come expanded (<see cref="ExpandModulation"/>, <see cref="ModulationTableLength"/> doubles): x and
    /// y as N twiddle-format entries each (<see cref="MixedRadixPlan.Expand"/>), z as h pairs (re, re) followed by h pairs
    /// (−im, im). With <typeparamref name="TSink"/> = <see cref="MultiplyAdd"/> the result is not stored but added, times
    /// <paramref name="multiplier"/>, to <paramref name="output"/> (output += multiplier ⊙ result) in the final transposition.</remarks>
    public static void InverseRealModulated<TOps, TVec, TSink>(
        MixedRadixPlan line, MixedRadixPlan? half, ReadOnlySpan<double> realTwiddles, FftBlocking block, double scale,
        ReadOnlySpan<double> spectrum, ReadOnlySpan<double> factors, Span<double> work, ReadOnlySpan<double> multiplier, Span<double> output, Span<double> scratch)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
        where TSink : IRealSink
    {
        int n = line.Length, h = (n / 2) + 1, stride = MixedRadixPlan.TwiddleStride;
        if (factors.Length < ModulationTableLength(n))
        {
            throw new InvalidOperationException("FFT modulation tables out of range (internal error).");
        }

        ref double x = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(factors);
        ref double y = ref Unsafe.Add(ref x, stride * n);
        ReadOnlySpan<double> zTables = factors.Slice(2 * stride * n, 4 * h);
        Columns<TOps, TVec>(line, block.Planes, true, spectrum, work, n * h, n * h, scratch, ref x);
        InverseRealPlanes<TOps, TVec, TSink>(line, half, realTwiddles, block, scale, work, multiplier, output, scratch, zTables, ref y);
    }

    /// <summary>
    /// The x pass of <see cref="InverseRealModulated"/> alone: <paramref name="partial"/> = the inverse transform along x
    /// of X·x[i] (out of place, <paramref name="spectrum"/> kept). Its planes are finished by <see cref="InverseRealPlane"/>,
    /// so that one x pass can serve several shifted copies whose x factors are equal.
    /// </summary>
    public static void InverseRealFirstPass<TOps, TVec>(
        MixedRadixPlan line, FftBlocking block, ReadOnlySpan<double> spectrum, ReadOnlySpan<double> xFactors, Span<double> partial, Span<double> scratch)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        int n = line.Length, h = (n / 2) + 1;
        if (xFactors.Length < MixedRadixPlan.TwiddleStride * n)
        {
            throw new InvalidOperationException("FFT modulation tables out of range (internal error).");
        }

        Columns<TOps, TVec>(line, block.Planes, true, spectrum, partial, n * h, n * h, scratch, ref System.Runtime.InteropServices.MemoryMarshal.GetReference(xFactors));
    }

    /// <summary>Doubles of one expanded x or y factor table: <see cref="MixedRadixPlan.TwiddleStride"/>·N.</summary>
    public static int AxisTableLength(int n) => MixedRadixPlan.TwiddleStride * n;

    /// <summary>Doubles of one expanded z factor table: 4·h ((re, re) pairs, then (−im, im) pairs).</summary>
    public static int LastAxisTableLength(int n) => 4 * ((n / 2) + 1);

    /// <summary>Doubles of the expanded factor tables of <see cref="InverseRealModulated"/>: 16·N for x, 16·N for y, 4·h for z.</summary>
    public static int ModulationTableLength(int n) => (2 * AxisTableLength(n)) + LastAxisTableLength(n);

    /// <summary>Fills the expanded tables from the complex factors (interleaved re, im).</summary>
    public static void ExpandModulation(ReadOnlySpan<double> xFactors, ReadOnlySpan<double> yFactors, ReadOnlySpan<double> zFactors, int n, Span<double> factors)
    {
        int axis = AxisTableLength(n);
        ExpandAxis(xFactors, n, factors[..axis]);
        ExpandAxis(yFactors, n, factors.Slice(axis, axis));
        ExpandLastAxis(zFactors, n, factors.Slice(2 * axis, LastAxisTableLength(n)));
    }

    /// <summary>N complex factors (interleaved re, im) in twiddle format (<see cref="MixedRadixPlan.Expand"/>).</summary>
    public static void ExpandAxis(ReadOnlySpan<double> factors, int n, Span<double> table)
    {
        int stride = MixedRadixPlan.TwiddleStride;
        for (int t = 0; t < n; t++)
        {
            MixedRadixPlan.Expand(table.Slice(stride * t, stride), factors[2 * t], factors[(2 * t) + 1]);
        }
    }

    /// <summary>h = N/2 + 1 complex factors as h (re, re) pairs followed by h (−im, im) pairs.</summary>
    public static void ExpandLastAxis(ReadOnlySpan<double> factors, int n, Span<double> table)
    {
        int h = (n / 2) + 1;
        Span<double> zRe = table[..(2 * h)], zIm = table.Slice(2 * h, 2 * h);
        for (int k = 0; k < h; k++)
        {
            double re = factors[2 * k], im = factors[(2 * k) + 1];
            zRe[2 * k] = re;
            zRe[(2 * k) + 1] = re;
            zIm[2 * k] = -im;
            zIm[(2 * k) + 1] = im;
        }
    }

    /// <summary>The y and z passes of the inverse real transform, after the x pass has run on <paramref name="spectrum"/>.</summary>
    /// <remarks>Optional factors (the modulated inverse): <paramref name="yFactors"/> (expanded, N entries; a null reference
    /// for none) multiply the inputs of the y pass, <paramref name="zTables"/> (h (re, re) pairs then h (−im, im) pairs;
    /// empty for none) the rows entering the z pass.</remarks>
    private static void InverseRealPlanes<TOps, TVec, TSink>(
        MixedRadixPlan line, MixedRadixPlan? half, ReadOnlySpan<double> realTwiddles, FftBlocking block, double scale,
        Span<double> spectrum, ReadOnlySpan<double> multiplier, Span<double> output, Span<double> scratch, ReadOnlySpan<double> zTables,
        ref double yFactors)
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
            InverseRealPlane<TOps, TVec, TSink>(
                line, half, realTwiddles, block, scale, p, p, ref yFactors, zTables, multiplier.Slice(i * n * n, n * n), output.Slice(i * n * n, n * n), scratch);
        }
    }

    /// <summary>
    /// One x-plane of the inverse real transform after its x pass: the y pass from <paramref name="source"/> (N·h complex)
    /// into <paramref name="plane"/> (the same span for in place), each line's input multiplied by the expanded
    /// <paramref name="yFactors"/> (a null reference for none), then the z pass (<see cref="InverseRealRows"/>).
    /// </summary>
    public static void InverseRealPlane<TOps, TVec, TSink>(
        MixedRadixPlan line, MixedRadixPlan? half, ReadOnlySpan<double> realTwiddles, FftBlocking block, double scale,
        ReadOnlySpan<double> source, Span<double> plane, ref double yFactors, ReadOnlySpan<double> zTables,
        ReadOnlySpan<double> multiplier, Span<double> output, Span<double> scratch)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
        where TSink : IRealSink
    {
        InverseRealColumns<TOps, TVec>(line, block, source, plane, ref yFactors, scratch);
        InverseRealRows<TOps, TVec, TSink>(line, half, realTwiddles, block, scale, plane, zTables, multiplier, output, scratch);
    }

    /// <summary>The y pass of one x-plane: N·h complex from <paramref name="source"/> into <paramref name="plane"/> (the same
    /// span for in place), each line's input multiplied by the expanded <paramref name="yFactors"/> (a null reference for none).</summary>
    public static void InverseRealColumns<TOps, TVec>(
        MixedRadixPlan line, FftBlocking block, ReadOnlySpan<double> source, Span<double> plane, ref double yFactors, Span<double> scratch)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        int n = line.Length, h = (n / 2) + 1;
        if (source.Length < 2 * n * h || plane.Length < 2 * n * h)
        {
            throw new InvalidOperationException("FFT plane out of range (internal error).");
        }

        Columns<TOps, TVec>(line, block.Columns, true, source, plane[..(2 * n * h)], h, h, scratch, ref yFactors);
    }

    /// <summary>
    /// The z pass of one x-plane after its y pass: the N rows of h complex in <paramref name="plane"/> (not modified),
    /// multiplied by <paramref name="zTables"/> (empty for none), into the N² reals of <paramref name="output"/>, delivered
    /// by <typeparamref name="TSink"/> with <paramref name="multiplier"/> (N² values indexed like output).
    /// </summary>
    public static void InverseRealRows<TOps, TVec, TSink>(
        MixedRadixPlan line, MixedRadixPlan? half, ReadOnlySpan<double> realTwiddles, FftBlocking block, double scale,
        ReadOnlySpan<double> plane, ReadOnlySpan<double> zTables, ReadOnlySpan<double> multiplier, Span<double> output, Span<double> scratch)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
        where TSink : IRealSink
    {
        int n = line.Length, h = (n / 2) + 1;
        if (plane.Length < 2 * n * h || output.Length < n * n || multiplier.Length < n * n)
        {
            throw new InvalidOperationException("FFT plane out of range (internal error).");
        }

        ReadOnlySpan<double> p = plane[..(2 * n * h)];
        for (int j0 = 0, w; j0 < n; j0 += w)
        {
            w = Width(n - j0, block.Rows);
            if (half is not null)
            {
                BlockTranspose.Transpose<TOps, TVec, Overwrite>(p.Slice(2 * j0 * h, 2 * w * h), w, h, scratch, scratch, 1.0, zTables);
                TangleInverse<TOps, TVec>(scratch, n / 2, w, realTwiddles);
                TransformBlock<TOps, TVec>(half, true, scratch, 0, w, w, scratch, Capacity(n, block.Rows));
                BlockTranspose.Transpose<TOps, TVec, TSink>(scratch, n / 2, w, output.Slice(j0 * n, w * n), multiplier.Slice(j0 * n, w * n), scale, []);
            }
            else
            {
                for (int b = 0; b < w; b++)
                {
                    for (int k = 0; k < n; k++)
                    {
                        int src = k < h ? k : n - k;
                        double sign = k < h ? 1.0 : -1.0; // conj Y[N − k] above the half-spectrum
                        double re = p[2 * (((j0 + b) * h) + src)], im = p[(2 * (((j0 + b) * h) + src)) + 1];
                        if (!zTables.IsEmpty)
                        {
                            // Y = X·z: zTables holds (re, re) at 2·src and (−im, im) at 2h + 2·src.
                            double zr = zTables[2 * src], zi = zTables[(2 * h) + (2 * src) + 1];
                            (re, im) = ((re * zr) - (im * zi), (re * zi) + (im * zr));
                        }

                        scratch[2 * ((k * w) + b)] = re;
                        scratch[(2 * ((k * w) + b)) + 1] = sign * im;
                    }
                }

                TransformBlock<TOps, TVec>(line, true, scratch, 0, w, w, scratch, Capacity(n, block.Rows));
                for (int b = 0; b < w; b++)
                {
                    for (int t = 0; t < n; t++)
                    {
                        int o = ((j0 + b) * n) + t;
                        output[o] = TSink.Put(scale * scratch[2 * ((t * w) + b)], multiplier[o], output[o]);
                    }
                }
            }
        }
    }

    /// <summary>Transforms the <paramref name="columns"/> lines of element stride <paramref name="stride"/> in blocks, in place.</summary>
    private static void Columns<TOps, TVec>(MixedRadixPlan line, int block, bool inverse, Span<double> data, int stride, int columns, Span<double> scratch)
        where TOps : IComplexLanes<TVec>
        where TVec : struct =>
        Columns<TOps, TVec>(line, block, inverse, data, data, stride, columns, scratch, ref Unsafe.NullRef<double>());

    /// <summary>
    /// Transforms the lines of <paramref name="input"/> into <paramref name="output"/> (the same span for in place), each
    /// line's input element t first multiplied by the expanded factor t (none for a null reference).
    /// </summary>
    private static void Columns<TOps, TVec>(
        MixedRadixPlan line, int block, bool inverse, ReadOnlySpan<double> input, Span<double> output, int stride, int columns, Span<double> scratch,
        ref double factors)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        int n = line.Length;
        for (int c0 = 0, w; c0 < columns; c0 += w)
        {
            w = Width(columns - c0, block);
            TransformBlock<TOps, TVec>(line, inverse, input, output, 2 * c0, stride, w, scratch, Capacity(n, block), ref factors);
        }
    }

    /// <summary>Scratch doubles a plan with blocks of <paramref name="block"/> lines needs: three buffers of N·2B complex.</summary>
    public static int ScratchLength(int n, FftBlocking block) => 6 * Capacity(n, block.Max);

    /// <summary>Complex numbers per scratch buffer: blocks may grow to 1.5·B (see <see cref="Width"/>).</summary>
    private static int Capacity(int n, int block) => 2 * n * block;


    /// <summary>The next block width: B, or all that remain when fewer than 1.5·B do (no narrow, mostly-scalar tail block).</summary>
    private static int Width(int remaining, int block) => remaining < block + (block / 2) ? remaining : block;

    private static void TransformBlock<TOps, TVec>(
        MixedRadixPlan line, bool inverse, Span<double> data, int offset, int stride, int width, Span<double> scratch, int blockCapacity)
        where TOps : IComplexLanes<TVec>
        where TVec : struct =>
        TransformBlock<TOps, TVec>(line, inverse, data, data, offset, stride, width, scratch, blockCapacity, ref Unsafe.NullRef<double>());

    private static void TransformBlock<TOps, TVec>(
        MixedRadixPlan line, bool inverse, ReadOnlySpan<double> input, Span<double> output, int offset, int stride, int width, Span<double> scratch,
        int blockCapacity, ref double factors)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        // Bounds are checked once here so the pass kernels can run on refs: the last element touched is
        // offset + 2·((N − 1)·stride + width) − 1, in the input and in the output.
        int n = line.Length, end = offset + (2 * (((n - 1) * stride) + width));
        if (end > input.Length || end > output.Length || scratch.Length < 6 * blockCapacity)
        {
            throw new InvalidOperationException("FFT block out of range (internal error).");
        }

        ref double s0 = ref scratch[0];
        StockhamStages.TransformLines<TOps, TVec>(
            line, inverse, ref Unsafe.Add(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(input), offset), stride, ref output[offset], stride, width,
            ref Unsafe.Add(ref s0, 2 * blockCapacity), ref Unsafe.Add(ref s0, 4 * blockCapacity), ref factors);
    }

    /// <summary>T[t·w + b] = scale·rows[b·len + t] for complex t &lt; len, b &lt; w (rows given as doubles, 2 per complex).</summary>
    private static void TransposeIn<TOps, TVec>(ReadOnlySpan<double> rows, int len, int w, Span<double> t, double scale)
        where TOps : IComplexLanes<TVec>
        where TVec : struct =>
        BlockTranspose.Transpose<TOps, TVec, Overwrite>(rows, w, len, t, t, scale, []);

    /// <summary>rows[b·len + t] = scale·T[t·w + b].</summary>
    private static void TransposeOut<TOps, TVec>(ReadOnlySpan<double> t, int len, int w, Span<double> rows, double scale)
        where TOps : IComplexLanes<TVec>
        where TVec : struct =>
        BlockTranspose.Transpose<TOps, TVec, Overwrite>(t, len, w, rows, rows, scale, []);

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

            // Tail rows one at a time, as in the Stockham passes: in one 128-bit register on the SIMD paths (the same
            // fused arithmetic as the full registers, so the result does not depend on the block width), scalar otherwise.
            for (; u < w; u++)
            {
                if (typeof(TOps) == typeof(ScalarLanes))
                {
                    UntanglePair<ScalarLanes, ScalarComplex>(ref Unsafe.Add(ref rowK, 2 * u), ref Unsafe.Add(ref rowC, 2 * u), ref Unsafe.Add(ref rowOut, 2 * u), ref wk, ref wc);
                }
                else
                {
                    UntanglePair<Vector128Lanes, Vector128<double>>(ref Unsafe.Add(ref rowK, 2 * u), ref Unsafe.Add(ref rowC, 2 * u), ref Unsafe.Add(ref rowOut, 2 * u), ref wk, ref wc);
                }
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
                if (typeof(TOps) == typeof(ScalarLanes))
                {
                    TanglePair<ScalarLanes, ScalarComplex>(ref Unsafe.Add(ref rowK, 2 * u), ref Unsafe.Add(ref rowC, 2 * u), both, ref wk, ref wc);
                }
                else
                {
                    TanglePair<Vector128Lanes, Vector128<double>>(ref Unsafe.Add(ref rowK, 2 * u), ref Unsafe.Add(ref rowC, 2 * u), both, ref wk, ref wc);
                }
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
