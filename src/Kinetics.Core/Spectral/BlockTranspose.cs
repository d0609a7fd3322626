using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Kinetics.Spectral;

/// <summary>
/// The block transposition of complex numbers that moves the contiguous z axis of a 3-D transform into scratch and
/// back, generic over the plan's register width (the lanes type parameter is the plan's lanes, so a plan created for
/// a narrower instruction set runs the narrower transpose even on a wider host).
/// </summary>
internal static class BlockTranspose
{
    /// <summary>
    /// dst[c·rowCount + r] = scale·src[r·columnCount + c] for complex numbers (r &lt; rowCount, c &lt; columnCount).
    /// Vector512 lanes move 4×4 tiles as four 512-bit loads, eight 128-bit-lane shuffles and four stores; Vector256
    /// lanes move 2×2 tiles (two loads, two 128-bit-lane permutes, two stores); the rest, and Vector128 lanes, move one
    /// complex number (one 128-bit register) at a time; scalar lanes move two doubles. <typeparamref name="TSink"/>
    /// decides how a value reaches dst: stored, or multiplied by the same element of <paramref name="multiplier"/>
    /// (indexed like dst) and added. With <paramref name="columnTables"/> (2·columnCount doubles of (re, re) pairs, then
    /// 2·columnCount of (−im, im) pairs) each source column c is multiplied by its complex factor instead of by
    /// <paramref name="scale"/>.
    /// </summary>
    public static void Transpose<TOps, TVec, TSink>(
        ReadOnlySpan<double> src, int rowCount, int columnCount, Span<double> dst, ReadOnlySpan<double> multiplier, double scale, ReadOnlySpan<double> columnTables)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
        where TSink : IRealSink
    {
        bool modulate = !columnTables.IsEmpty;
        if (src.Length < 2 * rowCount * columnCount || dst.Length < 2 * rowCount * columnCount || multiplier.Length < 2 * rowCount * columnCount ||
            (modulate && columnTables.Length < 4 * columnCount))
        {
            throw new InvalidOperationException("FFT transpose out of range (internal error).");
        }

        ref double s0 = ref MemoryMarshal.GetReference(src);
        ref double d0 = ref MemoryMarshal.GetReference(dst);
        ref double m0 = ref MemoryMarshal.GetReference(multiplier);
        ref double zr = ref MemoryMarshal.GetReference(columnTables);
        ref double zi = ref Unsafe.Add(ref zr, 2 * columnCount);
        nint rows = rowCount, cols = columnCount;
        nint r0 = 0;
        if (typeof(TVec) == typeof(ScalarComplex))
        {
            for (nint r = 0; r < rows; r++)
            {
                TransposeRowScalar<TSink>(ref s0, ref d0, ref m0, rows, cols, r, scale, modulate, ref zr, ref zi);
            }

            return;
        }

        if (typeof(TVec) == typeof(Vector512<double>) && Avx512F.IsSupported)
        {
            r0 = Tiles4<TSink>(ref s0, ref d0, ref m0, rows, cols, scale, modulate, ref zr, ref zi);
        }
        else if (typeof(TVec) == typeof(Vector256<double>) && Avx.IsSupported)
        {
            r0 = Tiles2<TSink>(ref s0, ref d0, ref m0, rows, cols, scale, modulate, ref zr, ref zi);
        }

        for (nint r = r0; r < rows; r++)
        {
            TransposeRow<TSink>(ref s0, ref d0, ref m0, rows, cols, r, 0, scale, modulate, ref zr, ref zi);
        }
    }

    // 4×4 tiles of complex numbers with AVX-512; returns the first row not covered (rows of a tile band beyond the last
    // whole tile column are finished here).
    private static nint Tiles4<TSink>(ref double s0, ref double d0, ref double m0, nint rows, nint cols, double scale, bool modulate, ref double zr, ref double zi)
        where TSink : IRealSink
    {
        Vector512<double> s = Vector512.Create(scale);
        nint colsTiled = cols & ~3, r0 = 0;
        for (; r0 + 4 <= rows; r0 += 4)
        {
            for (nint c0 = 0; c0 < colsTiled; c0 += 4)
            {
                ref double a = ref Unsafe.Add(ref s0, 2 * ((r0 * cols) + c0));
                Vector512<double> x0 = Vector512.LoadUnsafe(ref a);
                Vector512<double> x1 = Vector512.LoadUnsafe(ref Unsafe.Add(ref a, 2 * cols));
                Vector512<double> x2 = Vector512.LoadUnsafe(ref Unsafe.Add(ref a, 4 * cols));
                Vector512<double> x3 = Vector512.LoadUnsafe(ref Unsafe.Add(ref a, 6 * cols));
                if (modulate)
                {
                    Vector512<double> re = Vector512.LoadUnsafe(ref Unsafe.Add(ref zr, 2 * c0)), im = Vector512.LoadUnsafe(ref Unsafe.Add(ref zi, 2 * c0));
                    x0 = ComplexLanes.Twiddle<Vector512Lanes, Vector512<double>>(x0, re, im);
                    x1 = ComplexLanes.Twiddle<Vector512Lanes, Vector512<double>>(x1, re, im);
                    x2 = ComplexLanes.Twiddle<Vector512Lanes, Vector512<double>>(x2, re, im);
                    x3 = ComplexLanes.Twiddle<Vector512Lanes, Vector512<double>>(x3, re, im);
                }
                else
                {
                    x0 *= s;
                    x1 *= s;
                    x2 *= s;
                    x3 *= s;
                }

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
                TransposeRow<TSink>(ref s0, ref d0, ref m0, rows, cols, r, colsTiled, scale, modulate, ref zr, ref zi);
            }
        }

        return r0;
    }

    // 2×2 tiles of complex numbers with AVX: rows r0, r0 + 1 at columns c0, c0 + 1 are two 256-bit registers; the low and
    // the high 128-bit halves of the pair are the two destination columns.
    private static nint Tiles2<TSink>(ref double s0, ref double d0, ref double m0, nint rows, nint cols, double scale, bool modulate, ref double zr, ref double zi)
        where TSink : IRealSink
    {
        Vector256<double> s = Vector256.Create(scale);
        nint colsTiled = cols & ~1, r0 = 0;
        for (; r0 + 2 <= rows; r0 += 2)
        {
            for (nint c0 = 0; c0 < colsTiled; c0 += 2)
            {
                ref double a = ref Unsafe.Add(ref s0, 2 * ((r0 * cols) + c0));
                Vector256<double> x0 = Vector256.LoadUnsafe(ref a);
                Vector256<double> x1 = Vector256.LoadUnsafe(ref Unsafe.Add(ref a, 2 * cols));
                if (modulate)
                {
                    Vector256<double> re = Vector256.LoadUnsafe(ref Unsafe.Add(ref zr, 2 * c0)), im = Vector256.LoadUnsafe(ref Unsafe.Add(ref zi, 2 * c0));
                    x0 = ComplexLanes.Twiddle<Vector256Lanes, Vector256<double>>(x0, re, im);
                    x1 = ComplexLanes.Twiddle<Vector256Lanes, Vector256<double>>(x1, re, im);
                }
                else
                {
                    x0 *= s;
                    x1 *= s;
                }

                nint o = 2 * ((c0 * rows) + r0);
                TSink.Put(Avx.Permute2x128(x0, x1, 0x20), ref Unsafe.Add(ref d0, o), ref Unsafe.Add(ref m0, o));
                TSink.Put(Avx.Permute2x128(x0, x1, 0x31), ref Unsafe.Add(ref d0, o + (2 * rows)), ref Unsafe.Add(ref m0, o + (2 * rows)));
            }

            for (nint r = r0; r < r0 + 2; r++)
            {
                TransposeRow<TSink>(ref s0, ref d0, ref m0, rows, cols, r, colsTiled, scale, modulate, ref zr, ref zi);
            }
        }

        return r0;
    }

    /// <summary>The complex numbers c ≥ <paramref name="fromColumn"/> of source row r, one 128-bit register each.</summary>
    private static void TransposeRow<TSink>(
        ref double s0, ref double d0, ref double m0, nint rows, nint cols, nint r, nint fromColumn, double scale, bool modulate, ref double zr, ref double zi)
        where TSink : IRealSink
    {
        Vector128<double> s = Vector128.Create(scale);
        ref double row = ref Unsafe.Add(ref s0, 2 * r * cols);
        for (nint c = fromColumn; c < cols; c++)
        {
            nint o = 2 * ((c * rows) + r);
            Vector128<double> x = Vector128.LoadUnsafe(ref Unsafe.Add(ref row, 2 * c));
            x = modulate
                ? ComplexLanes.Twiddle<Vector128Lanes, Vector128<double>>(x, Vector128.LoadUnsafe(ref Unsafe.Add(ref zr, 2 * c)), Vector128.LoadUnsafe(ref Unsafe.Add(ref zi, 2 * c)))
                : x * s;
            TSink.Put(x, ref Unsafe.Add(ref d0, o), ref Unsafe.Add(ref m0, o));
        }
    }

    /// <summary>Source row r with scalar lanes: two doubles per complex number, no 128-bit registers.</summary>
    private static void TransposeRowScalar<TSink>(
        ref double s0, ref double d0, ref double m0, nint rows, nint cols, nint r, double scale, bool modulate, ref double zr, ref double zi)
        where TSink : IRealSink
    {
        ref double row = ref Unsafe.Add(ref s0, 2 * r * cols);
        for (nint c = 0; c < cols; c++)
        {
            nint o = 2 * ((c * rows) + r);
            ScalarComplex x = ScalarLanes.Load(ref Unsafe.Add(ref row, 2 * c));
            x = modulate
                ? ComplexLanes.Twiddle<ScalarLanes, ScalarComplex>(x, ScalarLanes.Load(ref Unsafe.Add(ref zr, 2 * c)), ScalarLanes.Load(ref Unsafe.Add(ref zi, 2 * c)))
                : new ScalarComplex { Re = x.Re * scale, Im = x.Im * scale };
            ref double d = ref Unsafe.Add(ref d0, o);
            ref double m = ref Unsafe.Add(ref m0, o);
            d = TSink.Put(x.Re, m, d);
            Unsafe.Add(ref d, 1) = TSink.Put(x.Im, Unsafe.Add(ref m, 1), Unsafe.Add(ref d, 1));
        }
    }
}

/// <summary>How the last pass of a transform delivers a value v to its destination d (m: the multiplier at the same index).</summary>
internal interface IRealSink
{
    /// <summary>Four complex numbers (eight doubles).</summary>
    static abstract void Put(Vector512<double> v, ref double d, ref double m);

    /// <summary>Two complex numbers (four doubles).</summary>
    static abstract void Put(Vector256<double> v, ref double d, ref double m);

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
    public static void Put(Vector256<double> v, ref double d, ref double m) => v.StoreUnsafe(ref d);

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
    public static void Put(Vector256<double> v, ref double d, ref double m) =>
        Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref m), Vector256.LoadUnsafe(ref d)).StoreUnsafe(ref d);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Put(Vector128<double> v, ref double d, ref double m) =>
        Vector128.FusedMultiplyAdd(v, Vector128.LoadUnsafe(ref m), Vector128.LoadUnsafe(ref d)).StoreUnsafe(ref d);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Put(double v, double m, double d) => Math.FusedMultiplyAdd(v, m, d);
}
