using Kinetics.Quadrature;
using Kinetics.Distributions;
using Kinetics.Kernels;

namespace Kinetics.Linearized;

/// <summary>
/// The integral kernels of K in L = ν − K around the global Maxwellians μ^α = 𝓜[1, 0, 1; m^α], pointwise and with all
/// constants (docs/math#kernels-of-k): (K f)^α(v) = Σ_β ∫ k^{αβ}(v, w) f^β(w) dw.
/// </summary>
/// <remarks>
/// <para>Sign convention (docs/math#conventions): L = ν − K with L ≥ 0, K = K₂^gain − K₁^loss, so
/// k^{αα} = Σ_β k^{(1)}_{αβ} + k^{(2)}_{αα} − k₁^{αα} and k^{αβ} = k^{(2)}_{αβ} − k₁^{αβ} (α ≠ β); k^{αβ}(v, w) = k^{βα}(w, v).</para>
/// <para>Pieces: loss k₁^{αβ}(v,w) = C b₀ |v − w|^γ √μ^α(v) √μ^β(w); typical gain k^{(1)}_{αβ} (the f^α(v') term, a 1-D
/// radial quadrature of the 2-D η-integral of docs/math#kernels-of-k after its exact angular reduction to a Bessel I₀); hybrid gain
/// k^{(2)}_{αβ} (the f^β(v'*) term) as an integral over the ω-sphere with pole along w − v. The hybrid is written in the
/// variable u_∥ = u·ω, where the unequal-mass form's 1/|λ| (λ = (m^β − m^α)/(m^α + m^β)) cancels against the Jacobian
/// d cos ψ = |λ| du_∥/|w − v|: one formula, uniform in λ, whose λ → 0 limit is the equal-mass form (no switch needed).</para>
/// <para>With a <see cref="SoftCutoff"/> the collision integrand is multiplied by χ_ε(|v − v*|) (<see cref="CutoffPart.Regular"/>)
/// or 1 − χ_ε (<see cref="CutoffPart.Singular"/>), giving the kernels of K^χ and K^{1−χ}.</para>
/// <para>Cost: the typical kernel is a 1-D quadrature (~100–400 nodes), the hybrid a 2-D one (~10⁴ nodes). Accuracy ~1e−9
/// relative (composite 12-point Gauss–Legendre with geometric grading at the singular scales). Immutable, thread-safe.</para>
/// </remarks>
public sealed class LinearizedKernel
{
    private readonly double[] _masses;

    /// <summary>Creates the kernels of K for a kernel table with a common γ.</summary>
    /// <param name="kernels">B^{αβ} (common γ).</param>
    /// <param name="cutoff">χ_ε, required unless <paramref name="part"/> is <see cref="CutoffPart.Whole"/>.</param>
    /// <param name="part">Which part of K = K^χ + K^{1−χ}.</param>
    /// <exception cref="ArgumentException">No common γ, or a cutoff part without a cutoff.</exception>
    public static LinearizedKernel Create(CollisionKernelTable kernels, SoftCutoff? cutoff = null, CutoffPart part = CutoffPart.Whole) => new(kernels, cutoff, part);

    /// <summary>Creates the kernels of K for a kernel table with a common γ.</summary>
    /// <param name="kernels">B^{αβ} (common γ).</param>
    /// <param name="cutoff">χ_ε, required unless <paramref name="part"/> is <see cref="CutoffPart.Whole"/>.</param>
    /// <param name="part">Which part of K = K^χ + K^{1−χ}.</param>
    /// <exception cref="ArgumentException">No common γ, or a cutoff part without a cutoff.</exception>
    private LinearizedKernel(CollisionKernelTable kernels, SoftCutoff? cutoff = null, CutoffPart part = CutoffPart.Whole)
    {
        ArgumentNullException.ThrowIfNull(kernels);
        if (!kernels.HasCommonGamma)
        {
            throw new ArgumentException("all species pairs must share one γ.", nameof(kernels));
        }

        if (part != CutoffPart.Whole && cutoff is null)
        {
            throw new ArgumentException($"part {part} needs a SoftCutoff.", nameof(cutoff));
        }

        Kernels = kernels;
        Cutoff = cutoff;
        Part = part;
        Gamma = kernels[0, 0].Gamma;
        _masses = kernels.Mixture.Masses();
    }

    /// <summary>The kernel table.</summary>
    public CollisionKernelTable Kernels { get; }

    /// <summary>χ_ε, if any.</summary>
    public SoftCutoff? Cutoff { get; }

    /// <summary>Which part of the cutoff split these kernels are.</summary>
    public CutoffPart Part { get; }

    /// <summary>γ common to all pairs.</summary>
    public double Gamma { get; }

    /// <summary>Number of species.</summary>
    public int SpeciesCount => _masses.Length;

    /// <summary>The same kernels restricted to one part of the split K = K^χ + K^{1−χ}.</summary>
    /// <param name="cutoff">χ_ε.</param>
    /// <param name="part">The part.</param>
    public LinearizedKernel WithCutoff(SoftCutoff cutoff, CutoffPart part) => new(Kernels, cutoff, part);

    /// <summary>The weight of the cutoff part at relative speed |v − v*|: 1, χ_ε or 1 − χ_ε.</summary>
    /// <param name="relativeSpeed">|v − v*|.</param>
    public double CutoffWeight(double relativeSpeed) => Part switch
    {
        CutoffPart.Regular => Cutoff!.Value.Evaluate(relativeSpeed),
        CutoffPart.Singular => 1.0 - Cutoff!.Value.Evaluate(relativeSpeed),
        _ => 1.0,
    };

    /// <summary>Loss kernel k₁^{αβ}(v, w) = C b₀ |v − w|^γ √μ^α(v) √μ^β(w) (docs/math#kernels-of-k).</summary>
    /// <param name="alpha">Species α (row).</param>
    /// <param name="beta">Species β (column).</param>
    /// <param name="v">Velocity v.</param>
    /// <param name="w">Velocity w (≠ v when γ &lt; 0).</param>
    public double Loss(int alpha, int beta, Velocity3 v, Velocity3 w)
    {
        var kernel = Kernels[alpha, beta];
        Guard.Finite(v);
        Guard.Finite(w);
        double r = (v - w).Length;
        return kernel.TotalAngularStrength * Math.Pow(r, Gamma) * CutoffWeight(r) * SqrtMaxwellian(_masses[alpha], v) * SqrtMaxwellian(_masses[beta], w);
    }

    /// <summary>
    /// Typical gain kernel k^{(1)}_{αβ}(v, w) (acts on f^α; docs/math#kernels-of-k): with r = |w − v|, ê = (w − v)/r,
    /// t = M r/(2m^β), s = |v − (v·ê)ê|,
    /// k = C (M/m^β)(m^β/2π)^{3/2} r^{−2} exp(−(m^β/8)(|w|² − |v|²)²/r² − (m^α)² r²/(8m^β)) · 2π∫₀^∞ ρ b_ω(t/√(t²+ρ²)) (t²+ρ²)^{γ/2}
    /// e^{−m^β(ρ²+s²)/2} I₀(m^β ρ s) dρ. Symmetric in (v, w).
    /// </summary>
    /// <param name="alpha">Species α.</param>
    /// <param name="beta">Partner species β.</param>
    /// <param name="v">Velocity v.</param>
    /// <param name="w">Velocity w ≠ v.</param>
    public double Typical(int alpha, int beta, Velocity3 v, Velocity3 w)
    {
        var kernel = Kernels[alpha, beta];
        Guard.Finite(v);
        Guard.Finite(w);
        double ma = _masses[alpha], mb = _masses[beta], mTotal = ma + mb;
        var d = w - v;
        double r = d.Length;
        if (r == 0)
        {
            return double.PositiveInfinity;
        }

        double vDotE = Velocity3.Dot(v, d) / r;
        double s = Math.Sqrt(Math.Max(0.0, v.LengthSquared - (vDotE * vDotE)));
        double dn = w.LengthSquared - v.LengthSquared;
        double exponent = (-(mb / 8.0) * dn * dn / (r * r)) - (ma * ma * r * r / (8.0 * mb));
        if (exponent < -700)
        {
            return 0.0;
        }

        double t = mTotal * r / (2.0 * mb);
        double gamma = Gamma;
        var angular = kernel.Angular;
        double Integrand(double rho)
        {
            double u2 = (t * t) + (rho * rho);
            double u = Math.Sqrt(u2);
            double diff = rho - s;
            return rho * angular.Omega(t / u) * Math.Pow(u2, gamma / 2.0) * CutoffWeight(u)
                * Math.Exp(-mb * diff * diff / 2.0) * ConfluentHypergeometric.ScaledBesselI0(mb * rho * s);
        }

        double inner = 2.0 * Math.PI * RadialIntegral(Integrand, s, mb);
        return kernel.Strength * (mTotal / mb) * Math.Pow(mb / (2.0 * Math.PI), 1.5) / (r * r) * Math.Exp(exponent) * inner;
    }

    /// <summary>
    /// Hybrid gain kernel k^{(2)}_{αβ}(v, w) (acts on f^β; docs/math#kernels-of-k):
    /// k = C (m^α m^β)^{3/4}/(2π)^{3/2} |w − v|^{−1} ∫₀^{2π} dφ ∫ du_∥ b_ω(|u_∥|/|u|) |u|^γ exp(−(m^β/4)|w + (1−λ)u_∥ω|² − (m^α/4)|v + (1+λ)u_∥ω|²),
    /// ω = cos ψ ê + sin ψ (cos φ e₁ + sin φ e₂), cos ψ = λu_∥/|w − v|, |u|² = |w − v|² + (1 − λ²)u_∥². Equivalent to the
    /// (1/|λ|)-form of docs/math#kernels-of-k for λ ≠ 0 and equal to its equal-mass form at λ = 0; k^{(2)}_{αβ}(v, w) = k^{(2)}_{βα}(w, v).
    /// </summary>
    /// <param name="alpha">Species α.</param>
    /// <param name="beta">Partner species β.</param>
    /// <param name="v">Velocity v.</param>
    /// <param name="w">Velocity w ≠ v.</param>
    public double Hybrid(int alpha, int beta, Velocity3 v, Velocity3 w)
    {
        var kernel = Kernels[alpha, beta];
        Guard.Finite(v);
        Guard.Finite(w);
        double ma = _masses[alpha], mb = _masses[beta];
        double lambda = (mb - ma) / (ma + mb);
        var d = w - v;
        double r = d.Length;
        if (r == 0)
        {
            return double.PositiveInfinity;
        }

        var e = d / r;
        var (e1, e2) = ProductDirections.Frame(e);

        // The Gaussians confine (1+λ)|u_∥| ≲ |v| + 14/√m^α and (1−λ)|u_∥| ≲ |w| + 14/√m^β (e^{−49} cut).
        double uMax = Math.Min((v.Length + (14.0 / Math.Sqrt(ma))) / (1.0 + lambda), (w.Length + (14.0 / Math.Sqrt(mb))) / (1.0 - lambda));
        double width = 1.2 * Math.Sqrt(2.0) / Math.Sqrt((mb * (1 - lambda) * (1 - lambda)) + (ma * (1 + lambda) * (1 + lambda)));
        int phiCount = 2 * (int)Math.Clamp(Math.Ceiling(2.0 * (v.Length + w.Length + 2.0) * Math.Sqrt(Math.Max(ma, mb))), 8, 256);
        double gamma = Gamma;
        var angular = kernel.Angular;

        double total = 0.0;
        for (int j = 0; j < phiCount; j++)
        {
            double phi = 2.0 * Math.PI * j / phiCount;
            var perp = (Math.Cos(phi) * e1) + (Math.Sin(phi) * e2);
            double Integrand(double uPar, double cosPsi)
            {
                double sinPsi = Math.Sqrt(Math.Max(0.0, 1.0 - (cosPsi * cosPsi)));
                var omega = (cosPsi * e) + (sinPsi * perp);
                double u2 = (r * r) + ((1.0 - (lambda * lambda)) * uPar * uPar);
                double u = Math.Sqrt(u2);
                var a = w + ((1.0 - lambda) * uPar * omega);
                var b = v + ((1.0 + lambda) * uPar * omega);
                return angular.Omega(Math.Abs(uPar) / u) * Math.Pow(u2, gamma / 2.0) * CutoffWeight(u)
                    * Math.Exp((-(mb / 4.0) * a.LengthSquared) - ((ma / 4.0) * b.LengthSquared));
            }

            double line;
            if (lambda == 0.0)
            {
                double Half(double x) => Integrand(x, 0.0) + Integrand(-x, 0.0);
                line = PanelRule.Twelve.Integrate(Half, GradedPanels.TowardLowerEnd(0.0, uMax, width, Math.Min(uMax, 1.0)));
            }
            else
            {
                // u_∥ = (r/λ) sin τ (so cos ψ = sin τ, sin ψ = cos τ): smooth at the poles ω = ±ê, uniform in λ.
                double scale = r / Math.Abs(lambda);
                double tauMax = Math.Asin(Math.Min(1.0, uMax / scale));
                double Half(double tau)
                {
                    double sinTau = Math.Sin(tau), jac = scale * Math.Cos(tau);
                    double uPar = Math.Sign(lambda) * scale * sinTau;
                    return jac * (Integrand(uPar, sinTau) + Integrand(-uPar, -sinTau));
                }

                double tauWidth = Math.Min(0.05, width / scale);
                line = PanelRule.Twelve.Integrate(Half, GradedPanels.TowardLowerEnd(0.0, tauMax, tauWidth, Math.Min(tauMax, 1.0 / scale)));
            }

            total += line;
        }

        total *= 2.0 * Math.PI / phiCount;
        return kernel.Strength * Math.Pow(ma * mb, 0.75) / Math.Pow(2.0 * Math.PI, 1.5) / r * total;
    }

    /// <summary>The full matrix kernel k^{αβ}(v, w) of K (sign convention L = ν − K).</summary>
    /// <param name="alpha">Row species α.</param>
    /// <param name="beta">Column species β.</param>
    /// <param name="v">Velocity v.</param>
    /// <param name="w">Velocity w ≠ v.</param>
    public double Evaluate(int alpha, int beta, Velocity3 v, Velocity3 w)
    {
        double value = Hybrid(alpha, beta, v, w) - Loss(alpha, beta, v, w);
        if (alpha == beta)
        {
            for (int partner = 0; partner < SpeciesCount; partner++)
            {
                value += Typical(alpha, partner, v, w);
            }
        }

        return value;
    }

    internal static double SqrtMaxwellian(double mass, Velocity3 v) => Maxwellian.EvaluateSqrt(MacroscopicState.Unit, mass, v);

    // ∫₀^∞ over ρ of a Gaussian-weighted integrand centred at s with width 1/√m: [s − L, s + L] with L = 10/√m (e^{−50}),
    // geometrically graded toward 0 when the window reaches it (singular scales t and |η| → 0).
    private static double RadialIntegral(Func<double, double> f, double s, double mass)
    {
        double reach = 10.0 / Math.Sqrt(mass), width = 0.6 / Math.Sqrt(mass);
        double lo = Math.Max(0.0, s - reach), hi = s + reach;
        return lo > 0
            ? PanelRule.Twelve.Integrate(f, GradedPanels.Uniform(lo, hi, width))
            : PanelRule.Twelve.Integrate(f, GradedPanels.TowardLowerEnd(0.0, hi, width, Math.Min(hi, 1.0 / Math.Sqrt(mass))));
    }
}
