using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Kinetics.Boltzmann;

/// <summary>
/// The weights over spectral orbits: W(ρ|k|, σ·k̂) is evaluated by the Legendre series only at the representatives k* of
/// the orbits of the half spectrum under the symmetries shared by the grid and the pair's σ (<see cref="SpectralOrbits"/>),
/// for every σ, into a table; every other point reads its weights from its representative's row through a permutation of
/// σ (docs/boltzmann.md, "Anisotropic weights over spectral orbits").
/// </summary>
internal sealed partial class AnisotropicGainWeights
{
    private readonly SpectralOrbits? _orbits;
    private readonly double[] _sigmaX = [];
    private readonly double[] _sigmaY = [];
    private readonly double[] _sigmaZ = [];

    /// <summary>The orbits of the half spectrum (null when the weights were built without the pair's σ).</summary>
    public SpectralOrbits? Orbits => _orbits;

    /// <summary>Doubles of the table <see cref="FillOrbitWeights"/> writes: per orbit 4M (W_a and W_b, complex, for every σ).</summary>
    public int OrbitTableLength => _orbits is null ? 0 : _orbits.OrbitCount * 4 * _orbits.SigmaCount;

    /// <summary>
    /// Row r of <paramref name="table"/> (4M doubles) gets, for every σ_m of the pair, W_a(k*_r, σ_m) at [2m, 2m + 1] and
    /// W_b(k*_r, −σ_m) at [2M + 2m, 2M + 2m + 1] (radial node <paramref name="node"/>). <paramref name="folded"/> (a self pair
    /// evaluated over half of its antipodal rule): W(σ·ξ̂) + W(−σ·ξ̂), real, in both places.
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
    /// For the L = <see cref="LaneCount"/> directions σ_first … σ_{first+L−1} (fewer in the last group): gainAB[p] +=
    /// Σ_l W_a(ξ_p, σ_l)·P_l[p] and gainBA[p] += Σ_l W_b(ξ_p, −σ_l)·P_l[p] (an empty span skips that side), the weights read
    /// from the table of <see cref="FillOrbitWeights"/>; the products interleaved by lane as in <see cref="AccumulateLanes"/>.
    /// </summary>
    public void AccumulateOrbitLanes(
        ReadOnlySpan<double> productRe, ReadOnlySpan<double> productIm, int first, ReadOnlySpan<double> table, Span<Complex> gainAB, Span<Complex> gainBA)
    {
        var orbits = _orbits ?? throw new InvalidOperationException("weights built without σ (internal error).");
        int lanes = LaneCount, m = orbits.SigmaCount, active = Math.Min(lanes, m - first), count = orbits.PointOrbit.Length;
        if (productRe.Length < count * lanes || productIm.Length < count * lanes || table.Length < OrbitTableLength || active <= 0 ||
            (!gainAB.IsEmpty && gainAB.Length < count) || (!gainBA.IsEmpty && gainBA.Length < count))
        {
            throw new InvalidOperationException("anisotropic orbit lanes out of range (internal error).");
        }

        if (gainBA.IsEmpty)
        {
            AccumulateOrbitLanes<Yes, No>(productRe, productIm, first, active, table, gainAB, gainBA);
        }
        else if (gainAB.IsEmpty)
        {
            AccumulateOrbitLanes<No, Yes>(productRe, productIm, first, active, table, gainAB, gainBA);
        }
        else
        {
            AccumulateOrbitLanes<Yes, Yes>(productRe, productIm, first, active, table, gainAB, gainBA);
        }
    }

    private void FillOrbitWeights<TB>(int node, Span<double> table)
        where TB : struct, IFlag
    {
        bool folded = typeof(TB) == typeof(Folded);
        var orbits = _orbits ?? throw new InvalidOperationException("weights built without σ (internal error).");
        int lanes = LaneCount, width = Vector<double>.Count, terms = Order + 1, m = orbits.SigmaCount, stride = 4 * m;
        if (table.Length < OrbitTableLength)
        {
            throw new InvalidOperationException("anisotropic orbit table too short (internal error).");
        }

        ReadOnlySpan<double> tableA = _tables.AsSpan(node * _tableLength * terms, _tableLength * terms);
        ReadOnlySpan<double> tableB = _tables.AsSpan((_nodes + node) * _tableLength * terms, _tableLength * terms);
        ReadOnlySpan<int> counts = _counts.AsSpan(node * _tableLength, _tableLength);
        Span<double> values = stackalloc double[4 * lanes]; // W_a re, im, W_b re, im of one lane group
        for (int r = 0; r < orbits.OrbitCount; r++)
        {
            var (x, y, z) = orbits.Representative(r);
            int q = (x * x) + (y * y) + (z * z), use = counts[q];
            double inverse = q == 0 ? 0.0 : 1.0 / Math.Sqrt(q);
            ReadOnlySpan<double> rowA = tableA.Slice(q * terms, use);
            ReadOnlySpan<double> rowB = tableB.Slice(q * terms, use);
            Span<double> row = table.Slice(r * stride, stride);
            for (int first = 0; first < m; first += lanes)
            {
                // t = σ·k*/|k*| for the two direction vectors of the group.
                Vector<double> t0 = ((new Vector<double>(_sigmaX, first) * x) + (new Vector<double>(_sigmaY, first) * y) + (new Vector<double>(_sigmaZ, first) * z)) * inverse;
                Vector<double> t1 = ((new Vector<double>(_sigmaX, first + width) * x) + (new Vector<double>(_sigmaY, first + width) * y) +
                    (new Vector<double>(_sigmaZ, first + width) * z)) * inverse;
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

                for (int l = 0, last = Math.Min(lanes, m - first); l < last; l++)
                {
                    int slot = 2 * (first + l);
                    row[slot] = row[(2 * m) + slot] = values[l];
                    row[slot + 1] = row[(2 * m) + slot + 1] = values[lanes + l];
                    if (!folded)
                    {
                        row[(2 * m) + slot] = values[(2 * lanes) + l];
                        row[(2 * m) + slot + 1] = values[(3 * lanes) + l];
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

    private void AccumulateOrbitLanes<TA, TB>(
        ReadOnlySpan<double> productRe, ReadOnlySpan<double> productIm, int first, int active, ReadOnlySpan<double> table, Span<Complex> gainAB, Span<Complex> gainBA)
        where TA : struct, IFlag
        where TB : struct, IFlag
    {
        if (Avx2.IsSupported && LaneCount == 8)
        {
            AccumulateOrbitLanesAvx2<TA, TB>(productRe, productIm, first, table, gainAB, gainBA);
            return;
        }

        var orbits = _orbits!;
        int lanes = LaneCount, m = orbits.SigmaCount, stride = 4 * m;
        ReadOnlySpan<int> order = orbits.Order, pointOrbit = orbits.PointOrbit, pointMap = orbits.PointMap, sigmaMap = orbits.SigmaMap;
        Span<double> ab = MemoryMarshal.Cast<Complex, double>(gainAB);
        Span<double> ba = MemoryMarshal.Cast<Complex, double>(gainBA);
        foreach (int p in order)
        {
            // Row of k*, and this point's permutation of σ: entry e < M is W_a at σ_e (W_b at 2M + 2e); e ≥ M (−σ, a self
            // pair) swaps the two sides, which are the same function of ±t there.
            ReadOnlySpan<double> row = table.Slice(pointOrbit[p] * stride, stride);
            ReadOnlySpan<int> map = sigmaMap.Slice(pointMap[p] + first, active);
            double aRe = 0, aIm = 0, bRe = 0, bIm = 0;
            int lane = p * lanes;
            for (int l = 0; l < map.Length; l++)
            {
                int e = map[l], slotA = 2 * e, slotB = 2 * (e < m ? e + m : e - m);
                double pr = productRe[lane + l], pi = productIm[lane + l];
                if (TA.Value)
                {
                    aRe += (row[slotA] * pr) - (row[slotA + 1] * pi);
                    aIm += (row[slotA] * pi) + (row[slotA + 1] * pr);
                }

                if (TB.Value)
                {
                    bRe += (row[slotB] * pr) - (row[slotB + 1] * pi);
                    bIm += (row[slotB] * pi) + (row[slotB + 1] * pr);
                }
            }

            if (TA.Value)
            {
                ab[2 * p] += aRe;
                ab[(2 * p) + 1] += aIm;
            }

            if (TB.Value)
            {
                ba[2 * p] += bRe;
                ba[(2 * p) + 1] += bIm;
            }
        }
    }

    // The same with the L = 8 lanes as two 256-bit vectors: the weights of a point's permuted σ by gathers from its
    // representative's row (padded lanes read entry 0 and meet a zero product).
    private unsafe void AccumulateOrbitLanesAvx2<TA, TB>(
        ReadOnlySpan<double> productRe, ReadOnlySpan<double> productIm, int first, ReadOnlySpan<double> table, Span<Complex> gainAB, Span<Complex> gainBA)
        where TA : struct, IFlag
        where TB : struct, IFlag
    {
        var orbits = _orbits!;
        int m = orbits.SigmaCount, stride = 4 * m;
        ReadOnlySpan<int> order = orbits.Order, pointOrbit = orbits.PointOrbit, pointMap = orbits.PointMap, sigmaMap = orbits.SigmaMap;
        Span<double> ab = MemoryMarshal.Cast<Complex, double>(gainAB);
        Span<double> ba = MemoryMarshal.Cast<Complex, double>(gainBA);
        var sides = Vector256.Create(m);
        fixed (double* weights = table)
        {
            foreach (int p in order)
            {
                // Slots 2e (W_a) and 2e' with e' = e ± M (W_b), offset by the row.
                var e = Vector256.Create(sigmaMap.Slice(pointMap[p] + first, 8));
                var row = Vector256.Create(pointOrbit[p] * stride);
                var pr0 = Vector256.Create(productRe.Slice(8 * p, 4));
                var pr1 = Vector256.Create(productRe.Slice((8 * p) + 4, 4));
                var pi0 = Vector256.Create(productIm.Slice(8 * p, 4));
                var pi1 = Vector256.Create(productIm.Slice((8 * p) + 4, 4));
                if (TA.Value)
                {
                    var slot = row + (e + e);
                    Accumulate(weights, slot, pr0, pi0, pr1, pi1, ab.Slice(2 * p, 2));
                }

                if (TB.Value)
                {
                    var other = Vector256.ConditionalSelect(Vector256.LessThan(e, sides), e + sides, e - sides);
                    Accumulate(weights, row + (other + other), pr0, pi0, pr1, pi1, ba.Slice(2 * p, 2));
                }
            }
        }

        // gain += Σ_l w_l P_l with w_l at weights[slot_l] (re) and weights[slot_l + 1] (im).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        static void Accumulate(double* weights, Vector256<int> slot, Vector256<double> pr0, Vector256<double> pi0, Vector256<double> pr1, Vector256<double> pi1, Span<double> gain)
        {
            Vector128<int> low = slot.GetLower(), high = slot.GetUpper();
            var wr0 = Avx2.GatherVector256(weights, low, 8);
            var wi0 = Avx2.GatherVector256(weights + 1, low, 8);
            var wr1 = Avx2.GatherVector256(weights, high, 8);
            var wi1 = Avx2.GatherVector256(weights + 1, high, 8);
            gain[0] += Vector256.Sum((wr0 * pr0) - (wi0 * pi0) + (wr1 * pr1) - (wi1 * pi1));
            gain[1] += Vector256.Sum((wr0 * pi0) + (wi0 * pr0) + (wr1 * pi1) + (wi1 * pr1));
        }
    }
}
