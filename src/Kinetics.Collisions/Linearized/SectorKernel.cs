using Kinetics.Kernels;
using Kinetics.Quadrature;

namespace Kinetics.Linearized;

/// <summary>
/// The spherical-harmonic sector kernels of K (Funk–Hecke): for f^β(w) = g(|w|) P_ℓ(ŵ·ê),
/// (K f)^α(v) = P_ℓ(v̂·ê) ∫ K_ℓ^{αβ}(|v|, s) g(s) s² ds with K_ℓ^{αβ}(r, s) = 2π ∫_{−1}^{1} k^{αβ}(r ẑ, s ŵ(t)) P_ℓ(t) dt,
/// k^{αβ} the full matrix kernel of <see cref="LinearizedKernel"/> (L = ν − K, docs/math#kernels-of-k).
/// </summary>
/// <remarks>
/// <para>The t-integral is written in the distance d = |v − w| (t = (r² + s² − d²)/(2rs), dt = −d dd/(rs)), so
/// K_ℓ = (2π/(rs)) ∫_{|r−s|}^{r+s} d k(d) P_ℓ(t(d)) dd; near d = 0, d·k ~ d^{min(γ+1, 0)} (k ~ |v − w|^{−1} or |v − w|^γ,
/// docs/math#kernels-of-k), integrable for γ &gt; −2, so K_ℓ(r, r) is finite and K_ℓ has only a cusp on the diagonal. The
/// outer integral is graded geometrically toward d = 0 and restricted to the window where the pieces' Gaussian factors
/// exceed e^{−25} (1.4e−11; kernel values are O(1) in the thermal region).</para>
/// <para>Each piece is a 1-D inner integral: the typical kernel's η-integral (as in <see cref="LinearizedKernel.Typical"/>),
/// and the hybrid kernel with its φ-integral done exactly: the φ-dependence of the exponent is
/// −κ u_∥ sin ψ |v_⊥| cos(φ − φ₀), κ = 2m^α m^β/(m^α + m^β), so ∫dφ = 2π I₀(κ u_∥ sin ψ |v_⊥|) and
/// k^{(2)} = C (m^α m^β)^{3/4}/(2π)^{3/2} (2π/d) ∫ du_∥ b_ω(|u_∥|/|u|)|u|^γ exp(E(u_∥)) I₀(…) (same variables as
/// <see cref="LinearizedKernel.Hybrid"/>, whose 2-D quadrature it reproduces, tested).</para>
/// </remarks>
internal sealed class SectorKernel
{
    private const int Order = 8;
    private const double ExponentCut = 25.0;
    private static readonly GaussLegendreRule Rule = GaussLegendreRule.Create(Order, -1.0, 1.0);
    private static readonly PanelRule Panels = PanelRule.Create(Order);
    private readonly CollisionKernelTable _kernels;
    private readonly double[] _masses;
    private readonly double _width;
    private readonly double _coarseness;

    /// <summary>Creates the evaluator.</summary>
    /// <param name="kernels">B^{αβ} (common γ).</param>
    /// <param name="maxDegree">Largest ℓ.</param>
    /// <param name="coarseness">Panel-width factor of the inner 1-D integrals (2: kernel values to ~1e−8, measured against factor 0.5).</param>
    /// <param name="outerCoarseness">Panel-width factor (× 0.5/√m_max) of the d- and s-integrals (3: ~4e−7 on K_ℓ).</param>
    public SectorKernel(CollisionKernelTable kernels, int maxDegree, double coarseness = 2.0, double outerCoarseness = 3.0)
    {
        _coarseness = coarseness;
        _kernels = kernels;
        _masses = kernels.Mixture.Masses();
        Gamma = kernels[0, 0].Gamma;
        MaxDegree = maxDegree;
        _width = outerCoarseness * 0.5 / Math.Sqrt(_masses.Max());
    }

    public double Gamma { get; }

    public int MaxDegree { get; }

    public int SpeciesCount => _masses.Length;

    /// <summary>K_ℓ^{αβ}(r, s) for ℓ = 0…MaxDegree into <paramref name="destination"/> (r, s &gt; 0).</summary>
    public void Evaluate(int alpha, int beta, double r, double s, Span<double> destination)
    {
        destination.Clear();
        if (alpha == beta)
        {
            for (int partner = 0; partner < SpeciesCount; partner++)
            {
                AccumulateTypical(alpha, partner, r, s, destination);
            }
        }

        AccumulateHybrid(alpha, beta, r, s, destination);
        AccumulateLoss(alpha, beta, r, s, destination);
    }

    /// <summary>The typical-kernel piece k^{(1)}_{αβ}(v, w) from (r, s, d) (checked against <see cref="LinearizedKernel.Typical"/>).</summary>
    public double Typical(int alpha, int beta, double r, double s, double d)
    {
        var kernel = _kernels[alpha, beta];
        double ma = _masses[alpha], mb = _masses[beta], mTotal = ma + mb;
        double dn = (s * s) - (r * r);
        double exponent = (-(mb / 8.0) * dn * dn / (d * d)) - (ma * ma * d * d / (8.0 * mb));
        if (exponent < -ExponentCut - 5)
        {
            return 0.0;
        }

        double t = mTotal * d / (2.0 * mb);
        double perp = PerpendicularDistance(r, s, d);
        double gamma = Gamma;
        var angular = kernel.Angular;
        double sigma = 1.0 / Math.Sqrt(mb);
        double Integrand(double rho)
        {
            double u2 = (t * t) + (rho * rho);
            double diff = rho - perp;
            return rho * angular.Omega(t / Math.Sqrt(u2)) * Math.Pow(u2, gamma / 2.0)
                * Math.Exp(-mb * diff * diff / 2.0) * ConfluentHypergeometric.ScaledBesselI0(mb * rho * perp);
        }

        double lo = Math.Max(0.0, perp - (8.0 * sigma)), hi = perp + (8.0 * sigma);
        double inner = lo > 0
            ? Panels.Integrate(Integrand, GradedPanels.Uniform(lo, hi, _coarseness * 1.5 * sigma))
            : Panels.Integrate(Integrand, GradedPanels.TowardPoint(0.0, 0.0, hi, _coarseness * 1.5 * sigma, t / 4.0));
        return kernel.Strength * (mTotal / mb) * Math.Pow(mb / (2.0 * Math.PI), 1.5) / (d * d) * Math.Exp(exponent) * 2.0 * Math.PI * inner;
    }

    /// <summary>The hybrid piece k^{(2)}_{αβ}(v, w) from (r, s, d) (checked against <see cref="LinearizedKernel.Hybrid"/>).</summary>
    public double Hybrid(int alpha, int beta, double r, double s, double d)
    {
        var kernel = _kernels[alpha, beta];
        double ma = _masses[alpha], mb = _masses[beta], mTotal = ma + mb;
        double lambda = (mb - ma) / mTotal, kappa = 2.0 * ma * mb / mTotal;
        double perp = PerpendicularDistance(r, s, d);
        double vE = ((s * s) - (r * r) - (d * d)) / (2.0 * d), wE = ((s * s) - (r * r) + (d * d)) / (2.0 * d);
        double gamma = Gamma;
        var angular = kernel.Angular;

        // exp(−(m^β/4)|w + (1−λ)aω|² − (m^α/4)|v + (1+λ)aω|²) after the exact φ-integral (2π I₀ written as e^{|z|}·scaled I₀).
        double Integrand(double a, double cosPsi, double sinPsi)
        {
            double u2 = (d * d) + ((1.0 - (lambda * lambda)) * a * a);
            double z = Math.Abs(kappa * a * sinPsi * perp);
            double exponent = (-(mb / 4.0) * ((s * s) + (2.0 * (1.0 - lambda) * a * cosPsi * wE) + ((1.0 - lambda) * (1.0 - lambda) * a * a)))
                - ((ma / 4.0) * ((r * r) + (2.0 * (1.0 + lambda) * a * cosPsi * vE) + ((1.0 + lambda) * (1.0 + lambda) * a * a))) + z;
            if (exponent < -700)
            {
                return 0.0;
            }

            return angular.Omega(Math.Abs(a) / Math.Sqrt(u2)) * Math.Pow(u2, gamma / 2.0) * Math.Exp(exponent) * ConfluentHypergeometric.ScaledBesselI0(z);
        }

        // The integrand is e^{−Φ(c)} (after the φ-integral, its maximum over the circle |c| = |a|): a Gaussian of width 1/√κ
        // about the constrained minimiser c* (see HybridEnvelope), so |a| is integrated over |c*| ± 9/√κ (e^{−40}).
        double reach = 9.0 / Math.Sqrt(kappa);
        double center = ConstrainedMinimiserLength(lambda, r, s, d);
        double aLo = Math.Max(0.0, center - reach), aHi = center + reach;
        double width = _coarseness * 1.2 / Math.Sqrt(kappa);
        double line;
        if (lambda == 0.0)
        {
            line = 2.0 * (aLo > 0
                ? Panels.Integrate(a => Integrand(a, 0.0, 1.0), GradedPanels.Uniform(aLo, aHi, width))
                : Panels.Integrate(a => Integrand(a, 0.0, 1.0), GradedPanels.TowardPoint(0.0, 0.0, aHi, width, d / 4.0)));
        }
        else
        {
            // a = (d/λ) sin τ, so cos ψ = λa/d = sin τ and sin ψ = cos τ (smooth at the poles, uniform in λ); |a| ≤ d/|λ|.
            double scale = d / Math.Abs(lambda);
            double tauLo = Math.Asin(Math.Min(1.0, aLo / scale)), tauHi = Math.Asin(Math.Min(1.0, aHi / scale));
            double Half(double tau)
            {
                double sinTau = Math.Sin(tau), cosTau = Math.Cos(tau);
                double a = Math.Sign(lambda) * scale * sinTau;
                return scale * cosTau * (Integrand(a, sinTau, cosTau) + Integrand(-a, -sinTau, cosTau));
            }

            double tauWidth = Math.Min(0.1 * _coarseness, width / scale);
            line = tauLo > 0
                ? Panels.Integrate(Half, GradedPanels.Uniform(tauLo, tauHi, tauWidth))
                : Panels.Integrate(Half, GradedPanels.TowardPoint(0.0, 0.0, tauHi, tauWidth, Math.Abs(lambda) / 4.0));
        }

        return kernel.Strength * Math.Pow(ma * mb, 0.75) / Math.Pow(2.0 * Math.PI, 1.5) * 2.0 * Math.PI / d * line;
    }

    /// <summary>2π∫_{−1}^{1} k(r ẑ, s ŵ(t)) P_ℓ(t) dt for a kernel given as a function of d = |v − w|, into ℓ = 0…MaxDegree.</summary>
    public void Accumulate(Func<double, double> kernelOfDistance, double r, double s, double lo, double hi, Span<double> destination)
    {
        double floor = Math.Abs(r - s);
        lo = Math.Max(lo, floor);
        hi = Math.Min(hi, r + s);
        if (!(hi > lo))
        {
            return;
        }

        int degrees = MaxDegree + 1;
        Span<double> legendre = stackalloc double[degrees];
        double factor = 2.0 * Math.PI / (r * s);
        foreach (var (x, w) in Panels.Nodes(GradedPanels.TowardPoint(0.0, lo, hi, _width, 0.0)))
        {
            double k = kernelOfDistance(x);
            if (k == 0.0)
            {
                continue;
            }

            double t = Math.Clamp(((r * r) + (s * s) - (x * x)) / (2.0 * r * s), -1.0, 1.0);
            Legendre(t, legendre);
            double value = factor * w * x * k;
            for (int l = 0; l < degrees; l++)
            {
                destination[l] += value * legendre[l];
            }
        }
    }

    /// <summary>
    /// Product integration of one row: destination[ℓ·N + j] += ∫₀^R K_ℓ^{αβ}(r, s) λ_j(s) s² ds for every node j of the panels
    /// (λ_j the Lagrange basis of j's panel), so that Σ_j destination[ℓ·N + j] g(s_j) = ∫ K_ℓ(r, s) g̃(s) s² ds with g̃ the
    /// piecewise-polynomial interpolant of g. Written as ∫dd ∫ds (2π s d/r) k(r, s, d) P_ℓ(t) λ_j(s) over |r − s| ≤ d ≤ r + s
    /// (the w-integral in spherical coordinates about v = r ẑ): for fixed d the s-window of each piece is set by its Gaussian
    /// factor, which is what resolves the narrow band |s − r| ≲ d/(r√m) of the typical kernel at large r.
    /// </summary>
    public void AccumulateRow(int alpha, int beta, double r, RadialPanels panels, Span<double> destination)
    {
        if (alpha == beta)
        {
            for (int partner = 0; partner < SpeciesCount; partner++)
            {
                int p = partner;
                double ma = _masses[alpha], mb = _masses[partner];
                double dMax = TypicalReach(ma, mb);

                // (m^β/8)(s² − r²)²/d² + (m^α)²d²/(8m^β) ≤ cut bounds |s² − r²| for each d.
                (double, double) Window(double d)
                {
                    double spare = ExponentCut - (ma * ma * d * d / (8.0 * mb));
                    double reach = spare > 0 ? d * Math.Sqrt(8.0 * spare / mb) : -1.0;
                    return reach < 0 ? (1.0, 0.0) : (Math.Max(0.0, (r * r) - reach), (r * r) + reach);
                }

                RowPiece(r, panels, dMax, Window, (s, d) => Typical(alpha, p, r, s, d), destination);
            }
        }

        {
            double ma = _masses[alpha], mb = _masses[beta], mTotal = ma + mb, lambda = (mb - ma) / mTotal, kappa = 2.0 * ma * mb / mTotal;
            double bound = Math.Sqrt(8.0 * ExponentCut / kappa);

            // HybridEnvelope ≤ cut: (M/16)Q² ≤ cut and |Z| ≤ (Q + d)√(8 cut/κ), Z = 2(1+λ)s² − 2(1−λ)r² − λd², a window in s².
            (double, double) Window(double d)
            {
                double z = (Math.Sqrt(16.0 * ExponentCut / mTotal) + d) * bound;
                double center = (2.0 * (1 - lambda) * r * r) + (lambda * d * d);
                return ((center - z) / (2.0 * (1 + lambda)), (center + z) / (2.0 * (1 + lambda)));
            }

            RowPiece(r, panels, double.PositiveInfinity, Window, (s, d) => CutHybrid(alpha, beta, r, s, d), destination);
        }

        {
            if (LossCoefficient(alpha, beta, r) > 1e-30)
            {
                double sMax = Math.Sqrt(4.0 * (ExponentCut + 30.0) / _masses[beta]);
                RowPiece(r, panels, r + sMax, _ => (0.0, sMax * sMax), (s, d) => Loss(alpha, beta, r, s, d), destination);
            }
        }
    }

    // ∫₀^{dMax} dd ∫_{s ∈ window(d) ∩ [|r−d|, r+d] ∩ [0, R]} ds (2π s d/r) k(s, d) P_ℓ(t) λ_j(s); window gives (s²_lo, s²_hi).
    private void RowPiece(double r, RadialPanels panels, double dMax, Func<double, (double Lo, double Hi)> window, Func<double, double, double> kernel, Span<double> destination)
    {
        int degrees = MaxDegree + 1, order = panels.Order, n = panels.Nodes.Length;
        Span<double> legendre = stackalloc double[degrees];
        Span<double> lagrange = stackalloc double[order];
        double top = Math.Min(dMax, r + panels.End);
        foreach (var (d, wd) in Panels.Nodes(GradedPanels.TowardPoint(0.0, 0.0, top, _width, 1e-5 * _width)))
        {
            var (lo2, hi2) = window(d);
            double sLo = Math.Max(Math.Abs(r - d), Math.Sqrt(Math.Max(0.0, lo2)));
            double sHi = Math.Min(Math.Min(r + d, panels.End), Math.Sqrt(Math.Max(0.0, hi2)));
            if (!(sHi > sLo))
            {
                continue;
            }

            // At least three sub-intervals across the window (a Gaussian of ±7σ when set by the Gaussian factor),
            // split at panel breakpoints so that each sub-interval sees one polynomial piece.
            double step = Math.Min((sHi - sLo) / 3.0, _width);
            double x = sLo;
            while (x < sHi)
            {
                int panel = panels.PanelOf(x);
                double end = Math.Min(Math.Min(sHi, x + step), panels.Break(panel + 1));
                if (end <= x)
                {
                    break;
                }

                double mid = 0.5 * (x + end), half = 0.5 * (end - x);
                for (int node = 0; node < Order; node++)
                {
                    double s = mid + (half * Rule.Nodes[node]), ws = half * Rule.Weights[node];
                    double k = kernel(s, d);
                    if (k == 0.0)
                    {
                        continue;
                    }

                    double t = Math.Clamp(((r * r) + (s * s) - (d * d)) / (2.0 * r * s), -1.0, 1.0);
                    Legendre(t, legendre);
                    panels.Lagrange(panel, s, lagrange);
                    double value = 2.0 * Math.PI * s * d / r * wd * ws * k;
                    for (int l = 0; l < degrees; l++)
                    {
                        double vl = value * legendre[l];
                        int offset = (l * n) + (panel * order);
                        for (int q = 0; q < order; q++)
                        {
                            destination[offset + q] += vl * lagrange[q];
                        }
                    }
                }

                x = end;
            }
        }
    }

    private void AccumulateTypical(int alpha, int beta, double r, double s, Span<double> destination)
    {
        double ma = _masses[alpha], mb = _masses[beta];

        // Window of the explicit Gaussian factor: (m^α)²d²/(8m^β) ≤ cut and (m^β/8)(s² − r²)²/d² ≤ cut.
        double hi = TypicalReach(ma, mb);
        double lo = Math.Sqrt(mb / (8.0 * ExponentCut)) * Math.Abs((s * s) - (r * r));
        Accumulate(d => Typical(alpha, beta, r, s, d), r, s, lo, hi, destination);
    }

    private void AccumulateHybrid(int alpha, int beta, double r, double s, Span<double> destination) =>
        Accumulate(d => CutHybrid(alpha, beta, r, s, d), r, s, 0.0, r + s, destination);

    // The hybrid piece where its Gaussian envelope is above the cut, 0 elsewhere (the row and the pointwise path alike).
    private double CutHybrid(int alpha, int beta, double r, double s, double d) =>
        HybridEnvelope(alpha, beta, r, s, d) > ExponentCut + 5 ? 0.0 : Hybrid(alpha, beta, r, s, d);

    // d ≤ √(8 m^β cut)/m^α: the window of the typical kernel's factor e^{−(m^α)²d²/(8m^β)}.
    private static double TypicalReach(double ma, double mb) => Math.Sqrt(8.0 * mb * ExponentCut) / ma;

    // C b₀ √μ^α(r): the loss piece's factor that depends on r alone.
    private double LossCoefficient(int alpha, int beta, double r) =>
        _kernels[alpha, beta].TotalAngularStrength * LinearizedKernel.SqrtMaxwellian(_masses[alpha], new Velocity3(0, 0, r));

    // The loss piece −C b₀ √μ^α(r) √μ^β(s) d^γ; it enters K with a minus sign (K = K₂^gain − K₁^loss).
    private double Loss(int alpha, int beta, double r, double s, double d) =>
        -LossCoefficient(alpha, beta, r) * Math.Pow(d, Gamma) * LinearizedKernel.SqrtMaxwellian(_masses[beta], new Velocity3(0, 0, s));

    /// <summary>
    /// The smallest value of the hybrid kernel's Gaussian exponent (m^β/4)|w + (1−λ)c|² + (m^α/4)|v + (1+λ)c|² over the collision
    /// vectors c = u_∥ω allowed at (v, w): the constraint ω·ê = λu_∥/d is the sphere c·(w − v) = λ|c|² (centre (w − v)/(2λ),
    /// radius d/(2|λ|)), and the unconstrained minimum sits at c₀ = −(v + w)/2 with curvature κ/2, so the minimum is
    /// (M/16)Q² + (κ/8λ²)(Q − d)², Q = |(1+λ)w − (1−λ)v|, written stably as (M/16)Q² + (κ/8)(Z/(Q + d))² with
    /// Z = (Q² − d²)/λ = 2(1+λ)s² − 2(1−λ)r² − λd². At λ = 0 it is the equal-mass exponent (m/8)d² + (m/8)(s² − r²)²/d².
    /// </summary>
    public double HybridEnvelope(int alpha, int beta, double r, double s, double d)
    {
        double ma = _masses[alpha], mb = _masses[beta], mTotal = ma + mb, lambda = (mb - ma) / mTotal, kappa = 2.0 * ma * mb / mTotal;
        double q2 = (2.0 * lambda * (1 + lambda) * s * s) - (2.0 * lambda * (1 - lambda) * r * r) + ((1 - (lambda * lambda)) * d * d);
        double q = Math.Sqrt(Math.Max(0.0, q2));
        double z = (2.0 * (1 + lambda) * s * s) - (2.0 * (1 - lambda) * r * r) - (lambda * d * d);
        double ratio = z / (q + d);
        return (mTotal / 16.0 * q2) + (kappa / 8.0 * ratio * ratio);
    }

    private void AccumulateLoss(int alpha, int beta, double r, double s, Span<double> destination)
    {
        if (LossCoefficient(alpha, beta, r) * LinearizedKernel.SqrtMaxwellian(_masses[beta], new Velocity3(0, 0, s)) < 1e-30)
        {
            return;
        }

        Accumulate(d => Loss(alpha, beta, r, s, d), r, s, 0.0, double.PositiveInfinity, destination);
    }

    // |c*| for the minimiser of HybridEnvelope: c* = p + ρ(c₀ − p)/|c₀ − p| on the sphere (centre p = (w − v)/(2λ), radius
    // ρ = d/(2|λ|)), c₀ = −(v + w)/2; for λ → 0 the sphere becomes the plane c·ê = 0 and c* the projection of c₀ on it.
    private static double ConstrainedMinimiserLength(double lambda, double r, double s, double d)
    {
        // Coordinates: ê = (0, 0, 1), v = (x, 0, vE), w = (x, 0, wE) with x = |v_⊥| (v and w differ along ê only).
        double x = PerpendicularDistance(r, s, d);
        double vE = ((s * s) - (r * r) - (d * d)) / (2.0 * d), wE = vE + d;
        double c0x = -x, c0z = -0.5 * (vE + wE);
        if (Math.Abs(lambda) < 1e-6)
        {
            return Math.Abs(c0x);
        }

        double radius = d / (2.0 * Math.Abs(lambda)), pz = d / (2.0 * lambda);
        double dx = c0x, dz = c0z - pz, length = Math.Sqrt((dx * dx) + (dz * dz));
        if (length == 0.0)
        {
            return radius;
        }

        double cx = radius * dx / length, cz = pz + (radius * dz / length);
        return Math.Sqrt((cx * cx) + (cz * cz));
    }

    // |v_⊥| = distance from the origin to the line through v and w: √((d² − (r−s)²)((r+s)² − d²))/(2d).
    private static double PerpendicularDistance(double r, double s, double d)
    {
        double a = (d * d) - ((r - s) * (r - s)), b = ((r + s) * (r + s)) - (d * d);
        return Math.Sqrt(Math.Max(0.0, a) * Math.Max(0.0, b)) / (2.0 * d);
    }

    private static void Legendre(double t, Span<double> p)
    {
        p[0] = 1.0;
        if (p.Length > 1)
        {
            p[1] = t;
        }

        for (int l = 2; l < p.Length; l++)
        {
            p[l] = (((2 * l) - 1) * t * p[l - 1] - ((l - 1) * p[l - 2])) / l;
        }
    }
}
