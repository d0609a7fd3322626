using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Kinetics.Spectral;

namespace Kinetics.Boltzmann;

/// <summary>
/// The weights over σ orbits: W(ρ|k|, σ·k̂) is evaluated by the Legendre series only for the representatives σ_r of the
/// orbits of the pair's σ under the symmetries they share with the grid (<see cref="SigmaOrbits"/>), at every wave vector
/// with k_x, k_y ∈ [−N/2, N/2] and 0 ≤ k_z ≤ N/2, into one table per representative and side; every other σ reads its
/// weights from its representative's table through a signed permutation of (k_x, k_y) and a conjugation (docs/boltzmann.md,
/// "Anisotropic weights over σ orbits").
/// </summary>
internal sealed partial class AnisotropicGainWeights
{
    private readonly SigmaOrbits? _orbits;
    private readonly double[] _sigmaX = []; // σ_r of the representatives, padded to a multiple of LaneCount
    private readonly double[] _sigmaY = [];
    private readonly double[] _sigmaZ = [];
    private readonly int _size;             // N

    /// <summary>The σ orbits (null when the weights were built without the pair's σ).</summary>
    public SigmaOrbits? Orbits => _orbits;

    // (N + 1)²(N/2 + 1): the wave vectors of one representative's table.
    private int OrbitTablePoints => (_size + 1) * (_size + 1) * ((_size / 2) + 1);

    /// <summary>Doubles of the table <see cref="FillOrbitWeights"/> writes: per side and representative, the complex
    /// weights at (N + 1)²(N/2 + 1) wave vectors.</summary>
    public int OrbitTableLength => _orbits is null ? 0 : 2 * _orbits.OrbitCount * 2 * OrbitTablePoints;

    /// <summary>Doubles of a folded table (<see cref="FillOrbitWeights"/> with folded: one real weight per representative
    /// and wave vector, a quarter of <see cref="OrbitTableLength"/>).</summary>
    public int FoldedTableLength => OrbitTableLength / 4;

    /// <summary>Doubles of the table for <paramref name="folded"/>.</summary>
    public int TableLength(bool folded) => folded ? FoldedTableLength : OrbitTableLength;

    /// <summary>
    /// <paramref name="table"/>[side][r][((k_x + N/2)(N + 1) + k_y + N/2)(N/2 + 1) + k_z] (complex) = W_a(k, σ_r) on side 0 and
    /// W_b(k, −σ_r) on side 1, radial node <paramref name="node"/>. <paramref name="folded"/> (a self pair over half of its
    /// antipodal rule, F = G): W(σ·ξ̂) + W(−σ·ξ̂), which is real, stored as one double per point
    /// (<paramref name="table"/>[r][…], <see cref="FoldedTableLength"/> doubles).
    /// </summary>
    public void FillOrbitWeights(int node, bool folded, Span<double> table)
    {
        if (folded)
        {
            FillOrbitWeights<Folded>(node, table);
        }
        else
        {
            FillOrbitWeights<Yes>(node, table);
        }
    }

    /// <summary>
    /// gainAB[p] += W_a(ξ_p, σ_m)·product[p] and gainBA[p] += W_b(ξ_p, −σ_m)·product[p] (an empty span skips that side; a
    /// <paramref name="folded"/> table has side 0 only, real), the weights read from the table of <see cref="FillOrbitWeights"/>.
    /// </summary>
    public void AccumulateOrbitSigma(int sigma, ReadOnlySpan<double> table, ReadOnlySpan<Complex> product, Span<Complex> gainAB, Span<Complex> gainBA, bool folded = false)
    {
        var orbits = _orbits ?? throw new InvalidOperationException("weights built without σ (internal error).");
        int n = _size, h = (n / 2) + 1, count = n * n * h, points = OrbitTablePoints;
        if (table.Length < (folded ? FoldedTableLength : gainBA.IsEmpty ? OrbitTableLength / 2 : OrbitTableLength) || product.Length < count
            || (!gainAB.IsEmpty && gainAB.Length < count) || (!gainBA.IsEmpty && gainBA.Length < count) || (folded && !gainBA.IsEmpty))
        {
            throw new InvalidOperationException("anisotropic orbit weights out of range (internal error).");
        }

        if (folded)
        {
            Span<int> one = [sigma];
            AccumulateOrbitBatch(one, orbits.Order.Length, table, product, gainAB, default, default, default, folded: true);
            return;
        }

        int r = orbits.Orbit(sigma);
        var (swap, signX, signY, conjugate) = orbits.Map(sigma);
        ReadOnlySpan<double> tableA = table.Slice(2 * r * points, 2 * points);
        ReadOnlySpan<double> tableB = gainBA.IsEmpty ? default : table.Slice(2 * (orbits.OrbitCount + r) * points, 2 * points);
        ReadOnlySpan<double> prod = MemoryMarshal.Cast<Complex, double>(product);
        Span<double> ab = MemoryMarshal.Cast<Complex, double>(gainAB);
        Span<double> ba = MemoryMarshal.Cast<Complex, double>(gainBA);
        double im = conjugate ? -1.0 : 1.0;
        for (int i = 0, p = 0; i < n; i++)
        {
            int kx = SpectralGrid.SignedIndex(i, n);
            for (int j = 0; j < n; j++, p += h)
            {
                int ky = SpectralGrid.SignedIndex(j, n);
                int x = signX * (swap ? ky : kx), y = signY * (swap ? kx : ky);
                int source = 2 * (((x + (n / 2)) * (n + 1)) + y + (n / 2)) * h;
                ReadOnlySpan<double> row = prod.Slice(2 * p, 2 * h);
                if (!gainAB.IsEmpty)
                {
                    MultiplyAdd(tableA.Slice(source, 2 * h), im, row, ab.Slice(2 * p, 2 * h));
                }

                if (!gainBA.IsEmpty)
                {
                    MultiplyAdd(tableB.Slice(source, 2 * h), im, row, ba.Slice(2 * p, 2 * h));
                }
            }
        }
    }

    // gain[z] += w[z]·product[z] over one k_z row (complex, interleaved), w conjugated when im = −1.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MultiplyAdd(ReadOnlySpan<double> w, double im, ReadOnlySpan<double> product, Span<double> gain)
    {
        int z = 0;
        if (Avx.IsSupported && Fma.IsSupported)
        {
            // Two complex numbers per vector: (wr, wr)·(pr, pi) + (wi, wi)·(−pi, pr).
            var signs = Vector256.Create(-im, im, -im, im);
            for (; z + 4 <= gain.Length; z += 4)
            {
                var wv = Vector256.Create(w.Slice(z, 4));
                var pv = Vector256.Create(product.Slice(z, 4));
                var real = Avx.Permute(wv, 0b0000);
                var imaginary = Avx.Permute(wv, 0b1111) * signs;
                var swapped = Avx.Permute(pv, 0b0101);
                var sum = Fma.MultiplyAdd(real, pv, Fma.MultiplyAdd(imaginary, swapped, Vector256.Create(gain.Slice(z, 4))));
                sum.CopyTo(gain.Slice(z, 4));
            }
        }

        for (; z < gain.Length; z += 2)
        {
            double wr = w[z], wi = im * w[z + 1], pr = product[z], pi = product[z + 1];
            gain[z] += (wr * pr) - (wi * pi);
            gain[z + 1] += (wr * pi) + (wi * pr);
        }
    }

    private void FillOrbitWeights<TB>(int node, Span<double> table)
        where TB : struct, IFlag
    {
        bool folded = typeof(TB) == typeof(Folded);
        var orbits = _orbits ?? throw new InvalidOperationException("weights built without σ (internal error).");
        int lanes = LaneCount, width = Vector<double>.Count, terms = Order + 1, n = _size, h = (n / 2) + 1, points = OrbitTablePoints;
        int orbitCount = orbits.OrbitCount;
        if (table.Length < TableLength(folded))
        {
            throw new InvalidOperationException("anisotropic orbit table too short (internal error).");
        }

        ReadOnlySpan<double> tableA = _tables.AsSpan(node * _tableLength * terms, _tableLength * terms);
        ReadOnlySpan<double> tableB = _tables.AsSpan((_nodes + node) * _tableLength * terms, _tableLength * terms);
        ReadOnlySpan<int> counts = _counts.AsSpan(node * _tableLength, _tableLength);
        Span<double> values = stackalloc double[4 * lanes]; // W_a re, im, W_b re, im of one lane group
        for (int first = 0; first < orbitCount; first += lanes)
        {
            var sx0 = new Vector<double>(_sigmaX, first);
            var sy0 = new Vector<double>(_sigmaY, first);
            var sz0 = new Vector<double>(_sigmaZ, first);
            var sx1 = new Vector<double>(_sigmaX, first + width);
            var sy1 = new Vector<double>(_sigmaY, first + width);
            var sz1 = new Vector<double>(_sigmaZ, first + width);
            int last = Math.Min(lanes, orbitCount - first);
            for (int x = -n / 2, point = 0; x <= n / 2; x++)
            {
                for (int y = -n / 2; y <= n / 2; y++)
                {
                    Vector<double> sxy0 = (sx0 * x) + (sy0 * y), sxy1 = (sx1 * x) + (sy1 * y);
                    for (int z = 0; z < h; z++, point++)
                    {
                        int q = (x * x) + (y * y) + (z * z), use = counts[q];
                        double inverse = q == 0 ? 0.0 : 1.0 / Math.Sqrt(q);
                        Vector<double> t0 = (sxy0 + (sz0 * z)) * inverse, t1 = (sxy1 + (sz1 * z)) * inverse;
                        ReadOnlySpan<double> rowA = tableA.Slice(q * terms, use);
                        ReadOnlySpan<double> rowB = tableB.Slice(q * terms, use);
                        var sumA = new LegendreSums(rowA, t0, t1);
                        var sumB = folded ? default : new LegendreSums(rowB, t0, t1);
                        Series<TB>(rowA, rowB, use, t0, t1, ref sumA, ref sumB);
                        if (folded)
                        {
                            sumA.EvenTwice(values);
                        }
                        else
                        {
                            sumA.Weights(values, conjugate: false);
                            sumB.Weights(values[(2 * lanes)..], conjugate: true);
                        }

                        for (int l = 0; l < last; l++)
                        {
                            if (folded)
                            {
                                table[((first + l) * points) + point] = values[l];
                                continue;
                            }

                            int a = 2 * ((((first + l) * points) + point)), b = 2 * ((((orbitCount + first + l) * points) + point));
                            table[a] = values[l];
                            table[a + 1] = values[lanes + l];
                            table[b] = values[(2 * lanes) + l];
                            table[b + 1] = values[(3 * lanes) + l];
                        }
                    }
                }
            }
        }
    }

    // The Legendre recurrence of one point and lane group from degree 2 to use − 1 into the partial sums (degrees 0 and 1
    // are in the sums' constructors), as in AccumulateLanes.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Series<TB>(
        ReadOnlySpan<double> rowA, ReadOnlySpan<double> rowB, int use, Vector<double> t0, Vector<double> t1, ref LegendreSums sumA, ref LegendreSums sumB)
        where TB : struct, IFlag
    {
        bool folded = typeof(TB) == typeof(Folded);
        ReadOnlySpan<double> alpha = _alpha, beta = _beta;
        Vector<double> prev0 = Vector<double>.One, cur0 = t0, prev1 = Vector<double>.One, cur1 = t1;
        int m = 2;
        for (; m + 1 < use; m += 2)
        {
            double am = alpha[m], bm = beta[m], an = alpha[m + 1], bn = beta[m + 1];
            Vector<double> pa0 = Vector.FusedMultiplyAdd(am * t0, cur0, -bm * prev0), pa1 = Vector.FusedMultiplyAdd(am * t1, cur1, -bm * prev1);
            Vector<double> pb0 = Vector.FusedMultiplyAdd(an * t0, pa0, -bn * cur0), pb1 = Vector.FusedMultiplyAdd(an * t1, pa1, -bn * cur1);
            bool zero = (m & 3) == 0;
            if (folded)
            {
                sumA.AddEven(rowA[m], zero, pa0, pa1);
            }
            else
            {
                sumA.AddPair(rowA[m], rowA[m + 1], zero, pa0, pa1, pb0, pb1);
                sumB.AddPair(rowB[m], rowB[m + 1], zero, pa0, pa1, pb0, pb1);
            }

            prev0 = pa0;
            cur0 = pb0;
            prev1 = pa1;
            cur1 = pb1;
        }

        if (m < use)
        {
            Vector<double> pa0 = Vector.FusedMultiplyAdd(alpha[m] * t0, cur0, -beta[m] * prev0), pa1 = Vector.FusedMultiplyAdd(alpha[m] * t1, cur1, -beta[m] * prev1);
            sumA.AddEven(rowA[m], (m & 3) == 0, pa0, pa1);
            if (!folded)
            {
                sumB.AddEven(rowB[m], (m & 3) == 0, pa0, pa1);
            }
        }
    }
}
