using Kinetics.Quadrature;
using System.Numerics;
using System.Runtime.InteropServices;
using Kinetics.Kernels;

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
internal sealed class AnisotropicGainWeights
{
    private readonly double[] _tables; // [side][node][q][n]
    private readonly int[] _counts;    // [node][q]: terms kept, max over the two sides
    private readonly double[] _alpha;  // (2m − 1)/m: P_m = α_m t P_{m−1} − β_m P_{m−2}
    private readonly double[] _beta;   // (m − 1)/m
    private readonly int _nodes;
    private readonly int _tableLength;

    public AnisotropicGainWeights(CollisionKernel kernel, double[] radii, double[] weights, double a, double b, int n, double halfWidth)
    {
        _nodes = radii.Length;
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

        // Per (node, |k|²) the series stops at the same n_max(ρ) rule with that point's own ρ = max(a, b) r |ξ| (j_n(ρ) is
        // below 1e−16 beyond it): small radii and small |ξ| need far fewer terms than ρ_max.
        _counts = new int[_nodes * _tableLength];
        for (int node = 0; node < _nodes; node++)
        {
            for (int q = 0; q < _tableLength; q++)
            {
                double rho = Math.Max(a, b) * radii[node] * Math.PI * Math.Sqrt(q) / halfWidth;
                _counts[(node * _tableLength) + q] = Math.Min(terms, (int)Math.Ceiling(rho + (12 * Math.Cbrt(rho)) + 12) + 1);
            }
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
            int ki = i <= n / 2 ? i : i - n;
            for (int j = 0; j < n; j++)
            {
                int kj = j <= n / 2 ? j : j - n;
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
    public static int LaneCount => Vector<double>.Count;

    /// <summary>
    /// For L = <see cref="LaneCount"/> directions σ_l at once: gainAB[p] += Σ_l W_a(ξ_p, σ_l)·P_l[p] and gainBA[p] +=
    /// Σ_l W_b(ξ_p, −σ_l)·P_l[p] (an empty span skips that side). The product spectra come interleaved by lane,
    /// <paramref name="productRe"/>[p·L + l], <paramref name="productIm"/>[p·L + l]; σ as L components per axis (a lane with
    /// a zero product contributes nothing). The Legendre recurrence runs across the lanes (each lane its own t = σ_l·ξ̂),
    /// so one broadcast table entry serves L directions, and the series stops at the point's own n_max.
    /// </summary>
    public void AccumulateLanes(
        ReadOnlySpan<double> productRe, ReadOnlySpan<double> productIm, ReadOnlySpan<double> sigmaX, ReadOnlySpan<double> sigmaY, ReadOnlySpan<double> sigmaZ,
        int node, ReadOnlySpan<int> waveNumberSquared, int n, Span<Complex> gainAB, Span<Complex> gainBA)
    {
        if (gainBA.IsEmpty)
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
        int lanes = LaneCount, terms = Order + 1, h = (n / 2) + 1, count = n * n * h;
        if (productRe.Length < count * lanes || productIm.Length < count * lanes || waveNumberSquared.Length < count ||
            (TA.Value && gainAB.Length < count) || (TB.Value && gainBA.Length < count))
        {
            throw new InvalidOperationException("anisotropic gain lanes out of range (internal error).");
        }

        ReadOnlySpan<double> tableA = _tables.AsSpan(node * _tableLength * terms, _tableLength * terms);
        ReadOnlySpan<double> tableB = _tables.AsSpan((_nodes + node) * _tableLength * terms, _tableLength * terms);
        ReadOnlySpan<int> counts = _counts.AsSpan(node * _tableLength, _tableLength);
        ReadOnlySpan<double> alpha = _alpha, beta = _beta;
        Span<double> ab = MemoryMarshal.Cast<Complex, double>(gainAB);
        Span<double> ba = MemoryMarshal.Cast<Complex, double>(gainBA);
        var sx = new Vector<double>(sigmaX);
        var sy = new Vector<double>(sigmaY);
        var sz = new Vector<double>(sigmaZ);
        for (int i = 0, p = 0; i < n; i++)
        {
            int ki = i <= n / 2 ? i : i - n;
            for (int j = 0; j < n; j++)
            {
                int kj = j <= n / 2 ? j : j - n;
                Vector<double> sxy = (sx * ki) + (sy * kj);
                for (int k = 0; k < h; k++, p++)
                {
                    int q = waveNumberSquared[p], use = counts[q];
                    Vector<double> t = q == 0 ? Vector<double>.Zero : (sxy + (sz * k)) * (1.0 / Math.Sqrt(q));
                    ReadOnlySpan<double> rowA = tableA.Slice(q * terms, use);
                    ReadOnlySpan<double> rowB = tableB.Slice(q * terms, use);

                    // W_a = Σ (−i)^m T_a[m] P_m(t) = (even m: ±re) + (odd m: ∓im); W_b at −σ: Σ i^m T_b[m] P_m(t).
                    // Accumulated as four partial sums by m mod 4 (signs applied at the end): S_r = Σ_{m≡r} T P_m.
                    Vector<double> a0 = Vector<double>.Zero, a1 = Vector<double>.Zero, a2 = Vector<double>.Zero, a3 = Vector<double>.Zero;
                    Vector<double> b0 = Vector<double>.Zero, b1 = Vector<double>.Zero, b2 = Vector<double>.Zero, b3 = Vector<double>.Zero;
                    Vector<double> previous = Vector<double>.One, current = t;
                    if (TA.Value)
                    {
                        a0 = new Vector<double>(rowA[0]);
                    }

                    if (TB.Value)
                    {
                        b0 = new Vector<double>(rowB[0]);
                    }

                    if (use > 1)
                    {
                        if (TA.Value)
                        {
                            a1 = t * rowA[1];
                        }

                        if (TB.Value)
                        {
                            b1 = t * rowB[1];
                        }
                    }

                    int m = 2;
                    for (; m + 3 < use; m += 4)
                    {
                        Vector<double> p2 = (alpha[m] * t * current) - (beta[m] * previous);
                        Vector<double> p3 = (alpha[m + 1] * t * p2) - (beta[m + 1] * current);
                        Vector<double> p4 = (alpha[m + 2] * t * p3) - (beta[m + 2] * p2);
                        Vector<double> p5 = (alpha[m + 3] * t * p4) - (beta[m + 3] * p3);
                        if (TA.Value)
                        {
                            a2 += rowA[m] * p2;
                            a3 += rowA[m + 1] * p3;
                            a0 += rowA[m + 2] * p4;
                            a1 += rowA[m + 3] * p5;
                        }

                        if (TB.Value)
                        {
                            b2 += rowB[m] * p2;
                            b3 += rowB[m + 1] * p3;
                            b0 += rowB[m + 2] * p4;
                            b1 += rowB[m + 3] * p5;
                        }

                        previous = p4;
                        current = p5;
                    }

                    for (; m < use; m++)
                    {
                        Vector<double> next = (alpha[m] * t * current) - (beta[m] * previous);
                        previous = current;
                        current = next;
                        switch (m & 3)
                        {
                            case 0:
                                a0 += rowA[m] * current;
                                b0 += rowB[m] * current;
                                break;
                            case 1:
                                a1 += rowA[m] * current;
                                b1 += rowB[m] * current;
                                break;
                            case 2:
                                a2 += rowA[m] * current;
                                b2 += rowB[m] * current;
                                break;
                            default:
                                a3 += rowA[m] * current;
                                b3 += rowB[m] * current;
                                break;
                        }
                    }

                    var pr = new Vector<double>(productRe.Slice(p * lanes, lanes));
                    var pi = new Vector<double>(productIm.Slice(p * lanes, lanes));
                    if (TA.Value)
                    {
                        // (−i)^m: m ≡ 0 → +1, 1 → −i, 2 → −1, 3 → +i.
                        Vector<double> re = a0 - a2, im = a3 - a1;
                        ab[2 * p] += Vector.Sum((re * pr) - (im * pi));
                        ab[(2 * p) + 1] += Vector.Sum((re * pi) + (im * pr));
                    }

                    if (TB.Value)
                    {
                        // i^m: m ≡ 0 → +1, 1 → +i, 2 → −1, 3 → −i.
                        Vector<double> re = b0 - b2, im = b1 - b3;
                        ba[2 * p] += Vector.Sum((re * pr) - (im * pi));
                        ba[(2 * p) + 1] += Vector.Sum((re * pi) + (im * pr));
                    }
                }
            }
        }
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
