using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Kinetics.Spectral;

namespace Kinetics.Boltzmann;

/// <summary>
/// The orbit weights applied to a batch of product spectra at once: for every (k_x, k_y) row, the rows of all products of
/// the batch are weighted into the same gain rows, which stay in L1 across the batch, instead of one pass over the gain
/// spectra per σ (docs/boltzmann.md, "Shared passes for anisotropic b_σ").
/// </summary>
internal sealed partial class AnisotropicGainWeights
{
    /// <summary>The most products <see cref="AccumulateOrbitBatch"/> takes.</summary>
    public const int MaxBatch = 16;

    /// <summary>
    /// For each product q of the batch (virtual σ v_q = term·M + m, spectrum q at q·N²(N/2 + 1) of
    /// <paramref name="products"/>): the gains of its term += its weights times it, as <see cref="AccumulateOrbitSigma"/>
    /// with term 0 into (<paramref name="ab0"/>, <paramref name="ba0"/>) and term 1 into (<paramref name="ab1"/>,
    /// <paramref name="ba1"/>) (empty spans skip a side). Per point the products are added in batch order. A
    /// <paramref name="folded"/> table (a self pair's F = G evaluation, <see cref="FillOrbitWeights"/>) holds one real weight
    /// per point and feeds <paramref name="ab0"/> only: a real-times-complex multiply-add, half the table to read.
    /// </summary>
    public void AccumulateOrbitBatch(
        ReadOnlySpan<int> virtualSigmas, int sigmaCount, ReadOnlySpan<double> table, ReadOnlySpan<Complex> products,
        Span<Complex> ab0, Span<Complex> ba0, Span<Complex> ab1, Span<Complex> ba1, bool folded = false)
    {
        var orbits = _orbits ?? throw new InvalidOperationException("weights built without σ (internal error).");
        int n = _size, h = (n / 2) + 1, count = n * n * h, points = OrbitTablePoints, batch = virtualSigmas.Length;
        bool needB = !ba0.IsEmpty || !ba1.IsEmpty;
        if (batch > MaxBatch || table.Length < (folded ? FoldedTableLength : needB ? OrbitTableLength : OrbitTableLength / 2) || products.Length < batch * count
            || Short(ab0) || Short(ba0) || Short(ab1) || Short(ba1) || (folded && (needB || !ab1.IsEmpty)))
        {
            throw new InvalidOperationException("anisotropic orbit weights out of range (internal error).");
        }

        if (folded)
        {
            AccumulateFoldedBatch(virtualSigmas, sigmaCount, table, products, ab0);
            return;
        }

        Span<int> offsetA = stackalloc int[batch], offsetB = stackalloc int[batch], signX = stackalloc int[batch], signY = stackalloc int[batch];
        Span<int> term = stackalloc int[batch];
        Span<bool> swap = stackalloc bool[batch];
        Span<double> im = stackalloc double[batch];
        for (int q = 0; q < batch; q++)
        {
            int m = virtualSigmas[q] % sigmaCount, r = orbits.Orbit(m);
            term[q] = virtualSigmas[q] / sigmaCount;
            bool conjugate;
            (swap[q], signX[q], signY[q], conjugate) = orbits.Map(m);
            im[q] = conjugate ? -1.0 : 1.0;
            offsetA[q] = 2 * r * points;
            offsetB[q] = 2 * (orbits.OrbitCount + r) * points;
        }

        // Bounds: every table row read is inside its side (the image of (k_x, k_y) stays in [−N/2, N/2]², checked by the
        // σ-orbit tests), every product and gain row inside the lengths checked above.
        ref double prod = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<Complex, double>(products));
        ref double w = ref MemoryMarshal.GetReference(table);
        ref double a0 = ref Start(ab0), b0 = ref Start(ba0), a1 = ref Start(ab1), b1 = ref Start(ba1);
        bool hasA0 = !ab0.IsEmpty, hasB0 = !ba0.IsEmpty, hasA1 = !ab1.IsEmpty, hasB1 = !ba1.IsEmpty;
        for (int i = 0, p = 0; i < n; i++)
        {
            int kx = SpectralGrid.SignedIndex(i, n);
            for (int j = 0; j < n; j++, p += h)
            {
                int ky = SpectralGrid.SignedIndex(j, n);
                for (int q = 0; q < batch; q++)
                {
                    int x = signX[q] * (swap[q] ? ky : kx), y = signY[q] * (swap[q] ? kx : ky);
                    int source = 2 * (((x + (n / 2)) * (n + 1)) + y + (n / 2)) * h;
                    ref double row = ref Unsafe.Add(ref prod, 2 * ((q * count) + p));
                    bool first = term[q] == 0;
                    if (first ? hasA0 : hasA1)
                    {
                        MultiplyAddRow(ref Unsafe.Add(ref w, offsetA[q] + source), im[q], ref row, ref Unsafe.Add(ref first ? ref a0 : ref a1, 2 * p), 2 * h);
                    }

                    if (first ? hasB0 : hasB1)
                    {
                        MultiplyAddRow(ref Unsafe.Add(ref w, offsetB[q] + source), im[q], ref row, ref Unsafe.Add(ref first ? ref b0 : ref b1, 2 * p), 2 * h);
                    }
                }
            }
        }

        bool Short(Span<Complex> gain) => !gain.IsEmpty && gain.Length < count;

        static ref double Start(Span<Complex> gain) => ref gain.IsEmpty ? ref Unsafe.NullRef<double>() : ref MemoryMarshal.GetReference(MemoryMarshal.Cast<Complex, double>(gain));
    }

    // The folded form of AccumulateOrbitBatch: real weights (one per point) into ab0. Conjugation leaves a real weight as it
    // is, so only the row map of each σ is needed. Bounds as in AccumulateOrbitBatch (its checks ran before this call).
    private void AccumulateFoldedBatch(ReadOnlySpan<int> virtualSigmas, int sigmaCount, ReadOnlySpan<double> table, ReadOnlySpan<Complex> products, Span<Complex> ab0)
    {
        var orbits = _orbits!;
        int n = _size, h = (n / 2) + 1, count = n * n * h, points = OrbitTablePoints, batch = virtualSigmas.Length;
        Span<int> offset = stackalloc int[batch], signX = stackalloc int[batch], signY = stackalloc int[batch];
        Span<bool> swap = stackalloc bool[batch];
        for (int q = 0; q < batch; q++)
        {
            int m = virtualSigmas[q] % sigmaCount;
            (swap[q], signX[q], signY[q], _) = orbits.Map(m);
            offset[q] = orbits.Orbit(m) * points;
        }

        ref double prod = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<Complex, double>(products));
        ref double w = ref MemoryMarshal.GetReference(table);
        ref double a0 = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<Complex, double>(ab0));
        for (int i = 0, p = 0; i < n; i++)
        {
            int kx = SpectralGrid.SignedIndex(i, n);
            for (int j = 0; j < n; j++, p += h)
            {
                int ky = SpectralGrid.SignedIndex(j, n);
                for (int q = 0; q < batch; q++)
                {
                    int x = signX[q] * (swap[q] ? ky : kx), y = signY[q] * (swap[q] ? kx : ky);
                    int source = (((x + (n / 2)) * (n + 1)) + y + (n / 2)) * h;
                    MultiplyAddRealRow(ref Unsafe.Add(ref w, offset[q] + source), ref Unsafe.Add(ref prod, 2 * ((q * count) + p)), ref Unsafe.Add(ref a0, 2 * p), h);
                }
            }
        }
    }

    // gain[z] += w[z]·product[z] over one k_z row of `points` complex values with real weights w: four complex numbers per
    // 512-bit vector (each weight doubled across its number's two doubles), then two per 256-bit vector, the odd one in a
    // 128-bit vector. One multiply-add per double, which is what the complex row kernel gives for a zero imaginary part.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MultiplyAddRealRow(ref double w, ref double product, ref double gain, int points)
    {
        int z = 0;
        if (Fma.IsSupported && Avx2.IsSupported)
        {
            if (Avx512F.IsSupported)
            {
                var doubled = Vector512.Create(0L, 0, 1, 1, 2, 2, 3, 3);
                for (; z + 4 <= points; z += 4)
                {
                    var wv = Avx512F.PermuteVar8x64(Vector256.LoadUnsafe(ref w, (nuint)z).ToVector512Unsafe(), doubled);
                    var pv = Vector512.LoadUnsafe(ref product, (nuint)(2 * z));
                    Avx512F.FusedMultiplyAdd(wv, pv, Vector512.LoadUnsafe(ref gain, (nuint)(2 * z))).StoreUnsafe(ref gain, (nuint)(2 * z));
                }
            }

            for (; z + 2 <= points; z += 2)
            {
                var wv = Avx2.Permute4x64(Vector128.LoadUnsafe(ref w, (nuint)z).ToVector256Unsafe(), 0b01_01_00_00);
                var pv = Vector256.LoadUnsafe(ref product, (nuint)(2 * z));
                Fma.MultiplyAdd(wv, pv, Vector256.LoadUnsafe(ref gain, (nuint)(2 * z))).StoreUnsafe(ref gain, (nuint)(2 * z));
            }

            if (z < points)
            {
                var pv = Vector128.LoadUnsafe(ref product, (nuint)(2 * z));
                Fma.MultiplyAdd(Vector128.Create(Unsafe.Add(ref w, z)), pv, Vector128.LoadUnsafe(ref gain, (nuint)(2 * z))).StoreUnsafe(ref gain, (nuint)(2 * z));
            }

            return;
        }

        for (; z < points; z++)
        {
            double wr = Unsafe.Add(ref w, z);
            Unsafe.Add(ref gain, 2 * z) += wr * Unsafe.Add(ref product, 2 * z);
            Unsafe.Add(ref gain, (2 * z) + 1) += wr * Unsafe.Add(ref product, (2 * z) + 1);
        }
    }

    // gain[z] += w[z]·product[z] over one k_z row of `doubles` values (complex, interleaved), w conjugated when im = −1: four
    // complex numbers per 512-bit vector (AVX-512), then two per 256-bit vector, the odd one at the end in a 128-bit vector.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MultiplyAddRow(ref double w, double im, ref double product, ref double gain, int doubles)
    {
        int z = 0;
        if (Fma.IsSupported)
        {
            if (Avx512F.IsSupported)
            {
                // Four complex numbers per 512-bit vector, the same multiply-adds per element as the 256-bit loop below.
                var wide = Vector512.Create(-im, im, -im, im, -im, im, -im, im);
                for (; z + 8 <= doubles; z += 8)
                {
                    var wv = Vector512.LoadUnsafe(ref w, (nuint)z);
                    var pv = Vector512.LoadUnsafe(ref product, (nuint)z);
                    var sum = Avx512F.FusedMultiplyAdd(
                        Avx512F.Permute2x64(wv, 0b0000_0000), pv,
                        Avx512F.FusedMultiplyAdd(Avx512F.Permute2x64(wv, 0b1111_1111) * wide, Avx512F.Permute2x64(pv, 0b0101_0101), Vector512.LoadUnsafe(ref gain, (nuint)z)));
                    sum.StoreUnsafe(ref gain, (nuint)z);
                }
            }

            var signs = Vector256.Create(-im, im, -im, im);
            for (; z + 4 <= doubles; z += 4)
            {
                var wv = Vector256.LoadUnsafe(ref w, (nuint)z);
                var pv = Vector256.LoadUnsafe(ref product, (nuint)z);
                var sum = Fma.MultiplyAdd(
                    Avx.Permute(wv, 0b0000), pv, Fma.MultiplyAdd(Avx.Permute(wv, 0b1111) * signs, Avx.Permute(pv, 0b0101), Vector256.LoadUnsafe(ref gain, (nuint)z)));
                sum.StoreUnsafe(ref gain, (nuint)z);
            }

            if (z < doubles)
            {
                var wv = Vector128.LoadUnsafe(ref w, (nuint)z);
                var pv = Vector128.LoadUnsafe(ref product, (nuint)z);
                var sum = Fma.MultiplyAdd(
                    Avx.Permute(wv, 0b00), pv, Fma.MultiplyAdd(Avx.Permute(wv, 0b11) * Vector128.Create(-im, im), Avx.Permute(pv, 0b01), Vector128.LoadUnsafe(ref gain, (nuint)z)));
                sum.StoreUnsafe(ref gain, (nuint)z);
            }

            return;
        }

        for (; z < doubles; z += 2)
        {
            double wr = Unsafe.Add(ref w, z), wi = im * Unsafe.Add(ref w, z + 1), pr = Unsafe.Add(ref product, z), pi = Unsafe.Add(ref product, z + 1);
            Unsafe.Add(ref gain, z) += (wr * pr) - (wi * pi);
            Unsafe.Add(ref gain, z + 1) += (wr * pi) + (wi * pr);
        }
    }
}
