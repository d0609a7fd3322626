using Kinetics.Quadrature;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Kinetics.Kernels;
using Kinetics.Spectral;

namespace Kinetics.Boltzmann;

/// <summary>
/// The σ–ξ gain weights of the fast spectral operator for an anisotropic b_σ (one unordered species pair):
/// W(ρ, t) = ∫_{S²} b_σ(σ·ĝ) e^{−iρ ξ̂·ĝ} dĝ = 4π Σ_n c_n (−i)^n j_n(ρ) P_n(t), t = σ·ξ̂ (Funk–Hecke), with the Legendre
/// coefficients c_n = (2n + 1)/2 ∫₋₁¹ b_σ P_n. The gain of (α, β) is Σ_r Σ_σ w_σ W(a r|ξ|, σ·ξ̂) 𝔽[F(· + a rσ)G(· − b rσ)];
/// the (β, α) gain reuses the same transform with W(b r|ξ|, −σ·ξ̂) (P_n(−t) = (−1)^n P_n(t)).
/// </summary>
/// <remarks>The series is cut at n_max ≈ ρ_max + 12 ρ_max^{1/3} + 12, beyond which j_n(ρ) is below 1e−16 for every ρ on
/// the grid; j_n is computed by Miller's downward recurrence with rescaling. Tables: per side, radial node and |k|², the
/// products w_r C 4π c_n j_n (real).</remarks>
internal sealed partial class AnisotropicGainWeights
{
    private readonly double[] _tables; // [side][node][q][n]
    private readonly int[] _counts;    // [node][q]: terms kept, max over the two sides
    private readonly double[] _alpha;  // (2m − 1)/m: P_m = α_m t P_{m−1} − β_m P_{m−2}
    private readonly double[] _beta;   // (m − 1)/m
    private readonly int _nodes;
    private readonly int _tableLength;
    private readonly bool _equalSides; // a = b: both sides share the same table values (a species with itself)

    public AnisotropicGainWeights(
        CollisionKernel kernel, double[] radii, double[] weights, double a, double b, int n, double halfWidth, ReadOnlySpan<Velocity3> sigmas = default)
    {
        _nodes = radii.Length;
        _equalSides = a == b;
        _tableLength = (3 * (n / 2) * (n / 2)) + 1;
        double xiMax = Math.PI * Math.Sqrt(_tableLength - 1) / halfWidth;
        double rhoMax = Math.Max(a, b) * radii[^1] * xiMax;
        Order = Math.Min(600, (int)Math.Ceiling(rhoMax + (12 * Math.Cbrt(rhoMax)) + 12));
        int terms = Order + 1;

        // Legendre coefficients by Gauss–Legendre with many more nodes than the highest degree (b_σ may have an endpoint
        // singularity in a derivative, e.g. VSS (1 + x)^{α−1}; the coefficients are then accurate to ~1e-9 relative).
        var rule = GaussLegendreRule.Create(Math.Min(1024, (2 * terms) + 256), -1.0, 1.0);
        var coefficients = new double[terms];
        for (int q = 0; q < rule.Count; q++)
        {
            double x = rule.Nodes[q], w = rule.Weights[q] * kernel.Angular.Sigma(x), previous = 1.0, current = x;
            coefficients[0] += w;
            if (terms > 1)
            {
                coefficients[1] += w * x;
            }

            for (int m = 2; m < terms; m++)
            {
                double next = ((((2 * m) - 1) * x * current) - ((m - 1) * previous)) / m;
                previous = current;
                current = next;
                coefficients[m] += w * current;
            }
        }

        for (int m = 0; m < terms; m++)
        {
            coefficients[m] *= ((2 * m) + 1) / 2.0;
        }

        _alpha = new double[terms];
        _beta = new double[terms];
        for (int m = 1; m < terms; m++)
        {
            _alpha[m] = ((2.0 * m) - 1) / m;
            _beta[m] = (m - 1.0) / m;
        }

        _tables = new double[2 * _nodes * _tableLength * terms];
        Span<double> bessel = stackalloc double[terms];
        for (int side = 0; side < 2; side++)
        {
            double c = side == 0 ? a : b;
            for (int node = 0; node < _nodes; node++)
            {
                double scale = weights[node] * kernel.Strength * 4.0 * Math.PI;
                for (int q = 0; q < _tableLength; q++)
                {
                    SphericalBessel(c * radii[node] * Math.PI * Math.Sqrt(q) / halfWidth, bessel);
                    Span<double> row = _tables.AsSpan(((((side * _nodes) + node) * _tableLength) + q) * terms, terms);
                    for (int m = 0; m < terms; m++)
                    {
                        row[m] = scale * coefficients[m] * bessel[m];
                    }
                }
            }
        }

        // Per (node, |k|²) the series stops after the last degree whose table entry, on either side, exceeds 1e−17 of that
        // row's largest entry (|P_m| ≤ 1, so the dropped terms together stay below ~1e−15 of the largest one): j_m(ρ) decays
        // faster than exponentially beyond m ≈ ρ, so small radii and small |ξ| need far fewer terms than n_max.
        _counts = new int[_nodes * _tableLength];
        for (int node = 0; node < _nodes; node++)
        {
            for (int q = 0; q < _tableLength; q++)
            {
                int use = 1;
                for (int side = 0; side < 2; side++)
                {
                    ReadOnlySpan<double> row = _tables.AsSpan(((((side * _nodes) + node) * _tableLength) + q) * terms, terms);
                    double largest = 0;
                    foreach (double value in row)
                    {
                        largest = Math.Max(largest, Math.Abs(value));
                    }

                    for (int m = terms - 1; m >= use; m--)
                    {
                        if (Math.Abs(row[m]) > 1e-17 * largest)
                        {
                            use = m + 1;
                            break;
                        }
                    }
                }

                _counts[(node * _tableLength) + q] = use;
            }
        }

        if (!sigmas.IsEmpty)
        {
            _size = n;
            _orbits = new SigmaOrbits(sigmas);
            int padded = (_orbits.OrbitCount + LaneCount - 1) / LaneCount * LaneCount;
            _sigmaX = new double[padded];
            _sigmaY = new double[padded];
            _sigmaZ = new double[padded];
            for (int r = 0; r < _orbits.OrbitCount; r++)
            {
                var sigma = sigmas[_orbits.SigmaOfOrbit(r)];
                (_sigmaX[r], _sigmaY[r], _sigmaZ[r]) = (sigma.X, sigma.Y, sigma.Z);
            }
        }
    }

    /// <summary>n_max, the highest Legendre degree kept.</summary>
    public int Order { get; }

    /// <summary>
    /// gainAB[p] += W_a(ξ_p, σ) · product[p] and, unless <paramref name="gainBA"/> is empty, gainBA[p] += W_b(ξ_p, −σ) · product[p].
    /// </summary>
    /// <remarks>The plain per-σ form, all n_max terms at every point: the test oracle of <see cref="AccumulateLanes"/>, which
    /// the operator uses.</remarks>
    public void Accumulate(
        ReadOnlySpan<Complex> product, Velocity3 sigma, int node, ReadOnlySpan<int> waveNumberSquared, int n, Span<Complex> gainAB, Span<Complex> gainBA)
    {
        int terms = Order + 1, h = (n / 2) + 1;
        bool both = !gainBA.IsEmpty;
        ReadOnlySpan<double> tableA = _tables.AsSpan(node * _tableLength * terms, _tableLength * terms);
        ReadOnlySpan<double> tableB = _tables.AsSpan((_nodes + node) * _tableLength * terms, _tableLength * terms);
        ReadOnlySpan<double> prod = MemoryMarshal.Cast<Complex, double>(product);
        Span<double> ab = MemoryMarshal.Cast<Complex, double>(gainAB);
        Span<double> ba = MemoryMarshal.Cast<Complex, double>(gainBA);
        for (int i = 0, p = 0; i < n; i++)
        {
            int ki = SpectralGrid.SignedIndex(i, n);
            for (int j = 0; j < n; j++)
            {
                int kj = SpectralGrid.SignedIndex(j, n);
                for (int k = 0; k < h; k++, p++)
                {
                    int q = waveNumberSquared[p];
                    double t = q == 0 ? 0.0 : ((sigma.X * ki) + (sigma.Y * kj) + (sigma.Z * k)) / Math.Sqrt(q);
                    ReadOnlySpan<double> rowA = tableA.Slice(q * terms, terms);
                    ReadOnlySpan<double> rowB = tableB.Slice(q * terms, terms);

                    // W_a = Σ (−i)^n T_a P_n(t); W_b at −σ: Σ (−i)^n T_b P_n(−t) = Σ i^n T_b P_n(t).
                    double reA = rowA[0], imA = 0, reB = rowB[0], imB = 0;
                    double previous = 1.0, current = t;
                    if (terms > 1)
                    {
                        imA -= rowA[1] * t;
                        imB += rowB[1] * t;
                    }

                    for (int m = 2; m < terms; m++)
                    {
                        double next = ((((2 * m) - 1) * t * current) - ((m - 1) * previous)) / m;
                        previous = current;
                        current = next;
                        switch (m & 3)
                        {
                            case 0: reA += rowA[m] * current; reB += rowB[m] * current; break;
                            case 1: imA -= rowA[m] * current; imB += rowB[m] * current; break;
                            case 2: reA -= rowA[m] * current; reB -= rowB[m] * current; break;
                            default: imA += rowA[m] * current; imB -= rowB[m] * current; break;
                        }
                    }

                    double pr = prod[2 * p], pi = prod[(2 * p) + 1];
                    ab[2 * p] += (reA * pr) - (imA * pi);
                    ab[(2 * p) + 1] += (reA * pi) + (imA * pr);
                    if (both)
                    {
                        ba[2 * p] += (reB * pr) - (imB * pi);
                        ba[(2 * p) + 1] += (reB * pi) + (imB * pr);
                    }
                }
            }
        }
    }

    /// <summary>Lanes of <see cref="AccumulateLanes"/>: σ handled together, one per SIMD lane.</summary>
    public static int LaneCount => 2 * Vector<double>.Count;

    /// <summary>
    /// For L = <see cref="LaneCount"/> directions σ_l at once: gainAB[p] += Σ_l W_a(ξ_p, σ_l)·P_l[p] and gainBA[p] +=
    /// Σ_l W_b(ξ_p, −σ_l)·P_l[p] (an empty span skips that side). The product spectra come interleaved by lane,
    /// <paramref name="productRe"/>[p·L + l], <paramref name="productIm"/>[p·L + l]; σ as L components per axis (a lane with
    /// a zero product contributes nothing). The Legendre recurrence runs across the lanes (each lane its own t = σ_l·ξ̂),
    /// so one broadcast table entry serves L directions, and the series stops at the point's own n_max. When both spans are
    /// the same memory and the pair's sides are equal (a species with itself), the sum W(σ·ξ̂) + W(−σ·ξ̂) is accumulated
    /// once, from the even degrees.
    /// </summary>
    public void AccumulateLanes(
        ReadOnlySpan<double> productRe, ReadOnlySpan<double> productIm, ReadOnlySpan<double> sigmaX, ReadOnlySpan<double> sigmaY, ReadOnlySpan<double> sigmaZ,
        int node, ReadOnlySpan<int> waveNumberSquared, int n, Span<Complex> gainAB, Span<Complex> gainBA)
    {
        if (_equalSides && !gainAB.IsEmpty && Unsafe.AreSame(ref MemoryMarshal.GetReference(gainAB), ref MemoryMarshal.GetReference(gainBA)))
        {
            // W(σ·ξ̂) + W(−σ·ξ̂) into one gain (a self pair over half of an antipodal rule): 2 Σ_{m even} (−i)^m T[m] P_m(t),
            // real, so the odd partial sums are skipped.
            AccumulateLanes<Yes, Folded>(productRe, productIm, sigmaX, sigmaY, sigmaZ, node, waveNumberSquared, n, gainAB, default);
        }
        else if (gainBA.IsEmpty)
        {
            AccumulateLanes<Yes, No>(productRe, productIm, sigmaX, sigmaY, sigmaZ, node, waveNumberSquared, n, gainAB, gainBA);
        }
        else if (gainAB.IsEmpty)
        {
            AccumulateLanes<No, Yes>(productRe, productIm, sigmaX, sigmaY, sigmaZ, node, waveNumberSquared, n, gainAB, gainBA);
        }
        else
        {
            AccumulateLanes<Yes, Yes>(productRe, productIm, sigmaX, sigmaY, sigmaZ, node, waveNumberSquared, n, gainAB, gainBA);
        }
    }

    private void AccumulateLanes<TA, TB>(
        ReadOnlySpan<double> productRe, ReadOnlySpan<double> productIm, ReadOnlySpan<double> sigmaX, ReadOnlySpan<double> sigmaY, ReadOnlySpan<double> sigmaZ,
        int node, ReadOnlySpan<int> waveNumberSquared, int n, Span<Complex> gainAB, Span<Complex> gainBA)
        where TA : struct, IFlag
        where TB : struct, IFlag
    {
        bool folded = typeof(TB) == typeof(Folded);
        int lanes = LaneCount, width = Vector<double>.Count, terms = Order + 1, h = (n / 2) + 1, count = n * n * h;
        if (productRe.Length < count * lanes || productIm.Length < count * lanes || waveNumberSquared.Length < count ||
            sigmaX.Length < lanes || sigmaY.Length < lanes || sigmaZ.Length < lanes ||
            (TA.Value && gainAB.Length < count) || (TB.Value && !folded && gainBA.Length < count))
        {
            throw new InvalidOperationException("anisotropic gain lanes out of range (internal error).");
        }

        ReadOnlySpan<double> tableA = _tables.AsSpan(node * _tableLength * terms, _tableLength * terms);
        ReadOnlySpan<double> tableB = _tables.AsSpan((_nodes + node) * _tableLength * terms, _tableLength * terms);
        ReadOnlySpan<int> counts = _counts.AsSpan(node * _tableLength, _tableLength);
        ReadOnlySpan<double> alpha = _alpha, beta = _beta;
        Span<double> ab = MemoryMarshal.Cast<Complex, double>(gainAB);
        Span<double> ba = MemoryMarshal.Cast<Complex, double>(gainBA);

        // Two vectors of directions (chains 0 and 1): the recurrence is a chain of dependent multiply-adds, so two
        // independent chains per point keep the FMA units busy, and they share every broadcast table entry.
        var sx0 = new Vector<double>(sigmaX);
        var sy0 = new Vector<double>(sigmaY);
        var sz0 = new Vector<double>(sigmaZ);
        var sx1 = new Vector<double>(sigmaX[width..]);
        var sy1 = new Vector<double>(sigmaY[width..]);
        var sz1 = new Vector<double>(sigmaZ[width..]);
        for (int i = 0, p = 0; i < n; i++)
        {
            int ki = SpectralGrid.SignedIndex(i, n);
            for (int j = 0; j < n; j++)
            {
                int kj = SpectralGrid.SignedIndex(j, n);
                Vector<double> sxy0 = (sx0 * ki) + (sy0 * kj), sxy1 = (sx1 * ki) + (sy1 * kj);
                for (int k = 0; k < h; k++, p++)
                {
                    int q = waveNumberSquared[p], use = counts[q];
                    double inverse = q == 0 ? 0.0 : 1.0 / Math.Sqrt(q);
                    Vector<double> t0 = (sxy0 + (sz0 * k)) * inverse, t1 = (sxy1 + (sz1 * k)) * inverse;
                    ReadOnlySpan<double> rowA = tableA.Slice(q * terms, use);
                    ReadOnlySpan<double> rowB = tableB.Slice(q * terms, use);

                    // W_a = Σ (−i)^m T_a[m] P_m(t), W_b at −σ: Σ i^m T_b[m] P_m(t), both from the same P_m(t).
                    LegendreSums sumA = TA.Value ? new(rowA, t0, t1) : default, sumB = TB.Value && !folded ? new(rowB, t0, t1) : default;
                    Vector<double> prev0 = Vector<double>.One, cur0 = t0, prev1 = Vector<double>.One, cur1 = t1;
                    int m = 2;
                    for (; m + 1 < use; m += 2)
                    {
                        // Degrees m (≡ 0 or 2 mod 4) and m + 1 (≡ 1 or 3).
                        double am = alpha[m], bm = beta[m], an = alpha[m + 1], bn = beta[m + 1];
                        // One fused multiply-add on each recurrence's critical path (α t and −β P_{m−2} are ready earlier).
                        Vector<double> pa0 = Vector.FusedMultiplyAdd(am * t0, cur0, -bm * prev0), pa1 = Vector.FusedMultiplyAdd(am * t1, cur1, -bm * prev1);
                        Vector<double> pb0 = Vector.FusedMultiplyAdd(an * t0, pa0, -bn * cur0), pb1 = Vector.FusedMultiplyAdd(an * t1, pa1, -bn * cur1);
                        bool zero = (m & 3) == 0;
                        if (folded)
                        {
                            sumA.AddEven(rowA[m], zero, pa0, pa1);
                        }
                        else if (TA.Value)
                        {
                            sumA.AddPair(rowA[m], rowA[m + 1], zero, pa0, pa1, pb0, pb1);
                        }

                        if (TB.Value && !folded)
                        {
                            sumB.AddPair(rowB[m], rowB[m + 1], zero, pa0, pa1, pb0, pb1);
                        }

                        prev0 = pa0;
                        cur0 = pb0;
                        prev1 = pa1;
                        cur1 = pb1;
                    }

                    if (m < use)
                    {
                        // One even degree left.
                        Vector<double> pa0 = Vector.FusedMultiplyAdd(alpha[m] * t0, cur0, -beta[m] * prev0), pa1 = Vector.FusedMultiplyAdd(alpha[m] * t1, cur1, -beta[m] * prev1);
                        if (TA.Value)
                        {
                            sumA.AddEven(rowA[m], (m & 3) == 0, pa0, pa1);
                        }

                        if (TB.Value && !folded)
                        {
                            sumB.AddEven(rowB[m], (m & 3) == 0, pa0, pa1);
                        }
                    }

                    var pr0 = new Vector<double>(productRe.Slice(p * lanes, width));
                    var pi0 = new Vector<double>(productIm.Slice(p * lanes, width));
                    var pr1 = new Vector<double>(productRe.Slice((p * lanes) + width, width));
                    var pi1 = new Vector<double>(productIm.Slice((p * lanes) + width, width));
                    if (folded)
                    {
                        sumA.AddEvenTwiceTo(ab.Slice(2 * p, 2), pr0, pi0, pr1, pi1);
                    }
                    else if (TA.Value)
                    {
                        sumA.AddTo(ab.Slice(2 * p, 2), conjugate: false, pr0, pi0, pr1, pi1);
                    }

                    if (TB.Value && !folded)
                    {
                        sumB.AddTo(ba.Slice(2 * p, 2), conjugate: true, pr0, pi0, pr1, pi1);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Σ_m T[m] P_m(t) kept as four partial sums S_r = Σ_{m ≡ r (mod 4)} T[m] P_m(t), for the two direction vectors
    /// (chains 0 and 1) of a lane group, so that the powers (∓i)^m are applied once per point, in <see cref="AddTo"/>.
    /// </summary>
    private struct LegendreSums
    {
        // gain += Σ_lanes 2(S0 − S2)·P: W(t) + W(−t) = 2 Σ_{m even} (−i)^m T[m] P_m(t) is real.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void AddEvenTwiceTo(Span<double> gain, Vector<double> pr0, Vector<double> pi0, Vector<double> pr1, Vector<double> pi1)
        {
            Vector<double> re0 = _s00 - _s02, re1 = _s10 - _s12;
            gain[0] += 2.0 * Vector.Sum((re0 * pr0) + (re1 * pr1));
            gain[1] += 2.0 * Vector.Sum((re0 * pi0) + (re1 * pi1));
        }

        private Vector<double> _s00, _s01, _s02, _s03, _s10, _s11, _s12, _s13;

        // The weights of the L lanes: W = (S0 − S2) ± i(S3 − S1) as in AddTo, real parts into values[0 … L − 1], imaginary
        // parts into values[L … 2L − 1].
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Weights(Span<double> values, bool conjugate)
        {
            int width = Vector<double>.Count;
            (_s00 - _s02).CopyTo(values);
            (_s10 - _s12).CopyTo(values[width..]);
            (conjugate ? _s01 - _s03 : _s03 - _s01).CopyTo(values[(2 * width)..]);
            (conjugate ? _s11 - _s13 : _s13 - _s11).CopyTo(values[(3 * width)..]);
        }

        // W(t) + W(−t) = 2(S0 − S2) of the L lanes, as in AddEvenTwiceTo (imaginary parts 0), laid out as in Weights.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void EvenTwice(Span<double> values)
        {
            int width = Vector<double>.Count;
            (2.0 * (_s00 - _s02)).CopyTo(values);
            (2.0 * (_s10 - _s12)).CopyTo(values[width..]);
            values.Slice(2 * width, 2 * width).Clear();
        }

        // Degrees 0 and 1 (P_0 = 1, P_1 = t) of the row T[0 … use − 1].
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public LegendreSums(ReadOnlySpan<double> row, Vector<double> t0, Vector<double> t1)
        {
            _s00 = _s10 = new Vector<double>(row[0]);
            if (row.Length > 1)
            {
                _s01 = t0 * row[1];
                _s11 = t1 * row[1];
            }
        }

        // Degree m, even (m ≡ 0 mod 4 when zero, else ≡ 2), with weight t and P_m(t) = (p0, p1).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void AddEven(double t, bool zero, Vector<double> p0, Vector<double> p1)
        {
            if (zero)
            {
                _s00 = Vector.FusedMultiplyAdd(new Vector<double>(t), p0, _s00);
                _s10 = Vector.FusedMultiplyAdd(new Vector<double>(t), p1, _s10);
            }
            else
            {
                _s02 = Vector.FusedMultiplyAdd(new Vector<double>(t), p0, _s02);
                _s12 = Vector.FusedMultiplyAdd(new Vector<double>(t), p1, _s12);
            }
        }

        // Degrees m (even, weight t, P_m = (p0, p1)) and m + 1 (weight u, P_{m+1} = (q0, q1)); zero when m ≡ 0 mod 4.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void AddPair(double t, double u, bool zero, Vector<double> p0, Vector<double> p1, Vector<double> q0, Vector<double> q1)
        {
            if (zero)
            {
                _s00 = Vector.FusedMultiplyAdd(new Vector<double>(t), p0, _s00);
                _s10 = Vector.FusedMultiplyAdd(new Vector<double>(t), p1, _s10);
                _s01 = Vector.FusedMultiplyAdd(new Vector<double>(u), q0, _s01);
                _s11 = Vector.FusedMultiplyAdd(new Vector<double>(u), q1, _s11);
            }
            else
            {
                _s02 = Vector.FusedMultiplyAdd(new Vector<double>(t), p0, _s02);
                _s12 = Vector.FusedMultiplyAdd(new Vector<double>(t), p1, _s12);
                _s03 = Vector.FusedMultiplyAdd(new Vector<double>(u), q0, _s03);
                _s13 = Vector.FusedMultiplyAdd(new Vector<double>(u), q1, _s13);
            }
        }

        // gain[0] + i·gain[1] += Σ_lanes W·P with W = Σ (−i)^m T P_m (or Σ i^m T P_m when conjugate): the powers are
        // 1, ∓i, −1, ±i for m ≡ 0, 1, 2, 3, so W = (S0 − S2) ± i(S3 − S1).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void AddTo(Span<double> gain, bool conjugate, Vector<double> pr0, Vector<double> pi0, Vector<double> pr1, Vector<double> pi1)
        {
            Vector<double> re0 = _s00 - _s02, re1 = _s10 - _s12;
            Vector<double> im0 = conjugate ? _s01 - _s03 : _s03 - _s01, im1 = conjugate ? _s11 - _s13 : _s13 - _s11;
            gain[0] += Vector.Sum((re0 * pr0) - (im0 * pi0) + (re1 * pr1) - (im1 * pi1));
            gain[1] += Vector.Sum((re0 * pi0) + (im0 * pr0) + (re1 * pi1) + (im1 * pr1));
        }
    }

    private readonly struct Folded : IFlag
    {
        public static bool Value => true;
    }

    private interface IFlag
    {
        static abstract bool Value { get; }
    }

    private readonly struct Yes : IFlag
    {
        public static bool Value => true;
    }

    private readonly struct No : IFlag
    {
        public static bool Value => false;
    }

    // j_0 … j_{len−1}(x) by Miller's downward recurrence (stable for all orders), normalised by j_0 or j_1.
    internal static void SphericalBessel(double x, Span<double> values)
    {
        values.Clear();
        if (x < 1e-12)
        {
            values[0] = 1.0;
            return;
        }

        int top = values.Length - 1;
        int start = Math.Max(top, (int)x) + 40;
        double above = 0.0, current = 1e-280;
        for (int m = start; m >= 0; m--)
        {
            if (m <= top)
            {
                values[m] = current;
            }

            double below = (((2 * m) + 1) / x * current) - above;
            above = current;
            current = below;
            if (Math.Abs(current) > 1e250)
            {
                current *= 1e-250;
                above *= 1e-250;
                for (int s = m; s <= top; s++)
                {
                    values[s] *= 1e-250;
                }
            }
        }

        double j0 = Math.Sin(x) / x, j1 = (j0 - Math.Cos(x)) / x;
        double scale = Math.Abs(j0) >= Math.Abs(j1) ? j0 / values[0] : j1 / values[1];
        for (int m = 0; m <= top; m++)
        {
            values[m] *= scale;
        }
    }
}
