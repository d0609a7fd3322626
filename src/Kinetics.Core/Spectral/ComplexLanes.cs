using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Kinetics.Spectral;

/// <summary>
/// Arithmetic on a register of interleaved complex numbers (re, im, re, im, …), one per FFT line. The butterflies of
/// <see cref="StockhamStages"/> are written once against this interface and instantiated for each width.
/// </summary>
/// <typeparam name="TVec">The register type.</typeparam>
internal interface IComplexLanes<TVec>
    where TVec : struct
{
    /// <summary>Complex numbers per register.</summary>
    static abstract int Count { get; }

    /// <summary>Loads <see cref="Count"/> complex numbers (2·Count doubles) from <paramref name="source"/>.</summary>
    static abstract TVec Load(ref double source);

    /// <summary>Stores <see cref="Count"/> complex numbers at <paramref name="destination"/>.</summary>
    static abstract void Store(TVec value, ref double destination);

    /// <summary>The register (re, im, re, im, …).</summary>
    static abstract TVec Pair(double re, double im);

    /// <summary>a + b.</summary>
    static abstract TVec Add(TVec a, TVec b);

    /// <summary>a − b.</summary>
    static abstract TVec Subtract(TVec a, TVec b);

    /// <summary>Lane-wise a·b.</summary>
    static abstract TVec Multiply(TVec a, TVec b);

    /// <summary>Lane-wise a·b + c.</summary>
    static abstract TVec MultiplyAdd(TVec a, TVec b, TVec c);

    /// <summary>(im, re) per complex number.</summary>
    static abstract TVec Swap(TVec a);
}

/// <summary>Helpers shared by every <see cref="IComplexLanes{TVec}"/> instantiation.</summary>
internal static class ComplexLanes
{
    /// <summary>a·(wr + i·wi) given wrv = (wr, wr) and wiv = (−wi, wi): a·wrv + swap(a)·wiv.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Twiddle<TOps, TVec>(TVec a, TVec wrv, TVec wiv)
        where TOps : IComplexLanes<TVec>
        where TVec : struct =>
        TOps.MultiplyAdd(a, wrv, TOps.Multiply(TOps.Swap(a), wiv));
}

/// <summary>One complex number in two doubles: the portable scalar fallback (and the tail of every vector loop).</summary>
internal struct ScalarComplex
{
    public double Re;
    public double Im;
}

/// <summary>Scalar lanes: no hardware intrinsics at all.</summary>
internal readonly struct ScalarLanes : IComplexLanes<ScalarComplex>
{
    public static int Count => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarComplex Load(ref double source) => new() { Re = source, Im = Unsafe.Add(ref source, 1) };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(ScalarComplex value, ref double destination)
    {
        destination = value.Re;
        Unsafe.Add(ref destination, 1) = value.Im;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarComplex Pair(double re, double im) => new() { Re = re, Im = im };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarComplex Add(ScalarComplex a, ScalarComplex b) => new() { Re = a.Re + b.Re, Im = a.Im + b.Im };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarComplex Subtract(ScalarComplex a, ScalarComplex b) => new() { Re = a.Re - b.Re, Im = a.Im - b.Im };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarComplex Multiply(ScalarComplex a, ScalarComplex b) => new() { Re = a.Re * b.Re, Im = a.Im * b.Im };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarComplex MultiplyAdd(ScalarComplex a, ScalarComplex b, ScalarComplex c) =>
        new() { Re = (a.Re * b.Re) + c.Re, Im = (a.Im * b.Im) + c.Im };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarComplex Swap(ScalarComplex a) => new() { Re = a.Im, Im = a.Re };
}

/// <summary>One complex number per 128-bit register (SSE2 / AdvSimd).</summary>
internal readonly struct Vector128Lanes : IComplexLanes<Vector128<double>>
{
    public static int Count => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Load(ref double source) => Vector128.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<double> value, ref double destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Pair(double re, double im) => Vector128.Create(re, im);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Add(Vector128<double> a, Vector128<double> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Subtract(Vector128<double> a, Vector128<double> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Multiply(Vector128<double> a, Vector128<double> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> MultiplyAdd(Vector128<double> a, Vector128<double> b, Vector128<double> c) =>
        Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : (a * b) + c;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Swap(Vector128<double> a) =>
        Sse2.IsSupported ? Sse2.Shuffle(a, a, 0b01) : Vector128.Create(a.GetElement(1), a.GetElement(0));
}

/// <summary>Two complex numbers per 256-bit register (AVX2 + FMA).</summary>
internal readonly struct Vector256Lanes : IComplexLanes<Vector256<double>>
{
    public static int Count => 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Load(ref double source) => Vector256.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<double> value, ref double destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Pair(double re, double im) => Vector256.Create(re, im, re, im);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Add(Vector256<double> a, Vector256<double> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Subtract(Vector256<double> a, Vector256<double> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Multiply(Vector256<double> a, Vector256<double> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> MultiplyAdd(Vector256<double> a, Vector256<double> b, Vector256<double> c) =>
        Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : (a * b) + c;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Swap(Vector256<double> a) =>
        Avx.IsSupported ? Avx.Permute(a, 0b0101) : Vector256.Shuffle(a, Vector256.Create(1L, 0, 3, 2));
}

/// <summary>Four complex numbers per 512-bit register (AVX-512F).</summary>
internal readonly struct Vector512Lanes : IComplexLanes<Vector512<double>>
{
    public static int Count => 4;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Load(ref double source) => Vector512.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<double> value, ref double destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Pair(double re, double im) => Vector512.Create(re, im, re, im, re, im, re, im);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Add(Vector512<double> a, Vector512<double> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Subtract(Vector512<double> a, Vector512<double> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Multiply(Vector512<double> a, Vector512<double> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> MultiplyAdd(Vector512<double> a, Vector512<double> b, Vector512<double> c) =>
        Avx512F.IsSupported ? Avx512F.FusedMultiplyAdd(a, b, c) : (a * b) + c;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Swap(Vector512<double> a) =>
        Avx512F.IsSupported ? Avx512F.Permute2x64(a, 0b0101_0101) : Vector512.Shuffle(a, Vector512.Create(1L, 0, 3, 2, 5, 4, 7, 6));
}
