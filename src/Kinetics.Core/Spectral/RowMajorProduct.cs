using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Kinetics.Spectral;

/// <summary>
/// Small dense products C = α A·B (or C += α A·B) of row-major matrices, the tensor passes of
/// <see cref="SpectralTransfer"/>.
/// </summary>
/// <remarks>Register-blocked: 4 rows of C by two SIMD widths of columns are accumulated with fused multiply-adds over the
/// whole k loop (two loads of B and four broadcasts of A per eight multiply-adds), then scaled and stored; the column
/// remainder takes one SIMD width, then scalar fused multiply-adds. Every entry is the same ordered fused sum over p in
/// every branch, so the result does not depend on where an entry falls in the blocking (docs/species-grids.md, "Cost").</remarks>
internal static class RowMajorProduct
{
    /// <summary>C (m × n) = α A (m × k) · B (k × n), or C += that when <paramref name="accumulate"/>.</summary>
    public static void Multiply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int m, int k, int n, double alpha, bool accumulate)
    {
        if (a.Length < m * k || b.Length < k * n || c.Length < m * n)
        {
            throw new ArgumentException("matrix spans are shorter than their shapes.", nameof(a));
        }

        int width = Vector<double>.Count, i = 0;
        ref double a0 = ref MemoryMarshal.GetReference(a);
        ref double b0 = ref MemoryMarshal.GetReference(b);
        ref double c0 = ref MemoryMarshal.GetReference(c);
        for (; i + 4 <= m; i += 4)
        {
            ref double r0 = ref Unsafe.Add(ref a0, i * k);
            ref double r1 = ref Unsafe.Add(ref r0, k);
            ref double r2 = ref Unsafe.Add(ref r1, k);
            ref double r3 = ref Unsafe.Add(ref r2, k);
            int q = 0;
            for (; q + (2 * width) <= n; q += 2 * width)
            {
                Vector<double> s00 = Vector<double>.Zero, s01 = s00, s10 = s00, s11 = s00, s20 = s00, s21 = s00, s30 = s00, s31 = s00;
                for (int p = 0; p < k; p++)
                {
                    ref double row = ref Unsafe.Add(ref b0, (p * n) + q);
                    Vector<double> lo = Vector.LoadUnsafe(ref row), hi = Vector.LoadUnsafe(ref row, (nuint)width);
                    var x0 = new Vector<double>(Unsafe.Add(ref r0, p));
                    var x1 = new Vector<double>(Unsafe.Add(ref r1, p));
                    var x2 = new Vector<double>(Unsafe.Add(ref r2, p));
                    var x3 = new Vector<double>(Unsafe.Add(ref r3, p));
                    s00 = Vector.FusedMultiplyAdd(x0, lo, s00);
                    s01 = Vector.FusedMultiplyAdd(x0, hi, s01);
                    s10 = Vector.FusedMultiplyAdd(x1, lo, s10);
                    s11 = Vector.FusedMultiplyAdd(x1, hi, s11);
                    s20 = Vector.FusedMultiplyAdd(x2, lo, s20);
                    s21 = Vector.FusedMultiplyAdd(x2, hi, s21);
                    s30 = Vector.FusedMultiplyAdd(x3, lo, s30);
                    s31 = Vector.FusedMultiplyAdd(x3, hi, s31);
                }

                ref double o = ref Unsafe.Add(ref c0, (i * n) + q);
                Store(s00, ref o, 0, alpha, accumulate);
                Store(s01, ref o, width, alpha, accumulate);
                Store(s10, ref o, n, alpha, accumulate);
                Store(s11, ref o, n + width, alpha, accumulate);
                Store(s20, ref o, 2 * n, alpha, accumulate);
                Store(s21, ref o, (2 * n) + width, alpha, accumulate);
                Store(s30, ref o, 3 * n, alpha, accumulate);
                Store(s31, ref o, (3 * n) + width, alpha, accumulate);
            }

            for (int r = i; r < i + 4; r++)
            {
                Remainder(a.Slice(r * k, k), b, c.Slice(r * n, n), q, k, n, alpha, accumulate);
            }
        }

        for (; i < m; i++)
        {
            Remainder(a.Slice(i * k, k), b, c.Slice(i * n, n), 0, k, n, alpha, accumulate);
        }
    }

    // Columns [from, n) of one row of C: one SIMD width at a time, then scalar.
    private static void Remainder(ReadOnlySpan<double> ai, ReadOnlySpan<double> b, Span<double> row, int from, int k, int n, double alpha, bool accumulate)
    {
        int width = Vector<double>.Count, q = from;
        ref double b0 = ref MemoryMarshal.GetReference(b);
        for (; q + width <= n; q += width)
        {
            Vector<double> sum = Vector<double>.Zero;
            for (int p = 0; p < k; p++)
            {
                sum = Vector.FusedMultiplyAdd(new Vector<double>(ai[p]), Vector.LoadUnsafe(ref Unsafe.Add(ref b0, (p * n) + q)), sum);
            }

            Store(sum, ref MemoryMarshal.GetReference(row), q, alpha, accumulate);
        }

        for (; q < n; q++)
        {
            double sum = 0;
            for (int p = 0; p < k; p++)
            {
                sum = Math.FusedMultiplyAdd(ai[p], b[(p * n) + q], sum);
            }

            row[q] = accumulate ? row[q] + (alpha * sum) : alpha * sum;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector<double> sum, ref double destination, int offset, double alpha, bool accumulate)
    {
        ref double d = ref Unsafe.Add(ref destination, offset);
        Vector<double> value = sum * alpha;
        if (accumulate)
        {
            value += Vector.LoadUnsafe(ref d);
        }

        value.StoreUnsafe(ref d);
    }
}
