using Kinetics.Quadrature;
using Kinetics.Kernels;

namespace Kinetics.Linearized;

/// <summary>
/// The explicit Carleman kernels of Bondesan and Briant of K around the global Maxwellians (Appendix A, **corrected** per docs/math#errata:
/// the angular argument is cos ϑ = q̂·p̂, not −q̂·p̂, and the constants are explicit). They act on the unweighted
/// perturbation (F = μ + f, the L²(μ^{−1/2}) setting of Bondesan and Briant):
/// (K f)_i(v) = Σ_j ∫ [κ⁽¹⁾_ij(v, v*) f_j(v*) + κ⁽²⁾_ij(v, v*) f_i(v*) − κ⁽³⁾_ij(v, v*) f_j(v*)] dv*.
/// </summary>
/// <remarks>
/// <para>Relation to <see cref="LinearizedKernel"/> (√μ-weighted perturbations, Wang, Wang and Wu): conjugation by √μ,
/// k^{(2)}_{ij}(v, w) = √μ^j(w)/√μ^i(v) κ⁽¹⁾_ij(v, w), k^{(1)}_{ij}(v, w) = √μ^i(w)/√μ^i(v) κ⁽²⁾_ij(v, w),
/// k₁^{ij}(v, w) = √μ^j(w)/√μ^i(v) κ⁽³⁾_ij(v, w). b is used in the σ-representation (b_σ(cos ϑ), any parity).</para>
/// <para>Quadrature: κ⁽²⁾ (plane ⟂ Δ) and the equal-mass κ⁽¹⁾ are reduced to 1-D by the exact in-plane angle only when b_σ is
/// isotropic; in general they use a polar product rule; the unequal-mass κ⁽¹⁾ is a sphere integral (product rule). A
/// reference implementation (slow, ~1e−8 relative), immutable and thread-safe.</para>
/// </remarks>
public sealed class CarlemanKernel
{
    private static readonly GaussLegendreRule Polar = GaussLegendreRule.Create(64, -1.0, 1.0);
    private const int Azimuthal = 128;
    private readonly double[] _masses;

    /// <summary>Creates the kernels.</summary>
    /// <param name="kernels">B_ij (common γ).</param>
    public static CarlemanKernel Create(CollisionKernelTable kernels) => new(kernels);

    /// <summary>Creates the kernels.</summary>
    /// <param name="kernels">B_ij (common γ).</param>
    private CarlemanKernel(CollisionKernelTable kernels)
    {
        ArgumentNullException.ThrowIfNull(kernels);
        Kernels = kernels;
        _masses = kernels.Mixture.Masses();
    }

    /// <summary>The kernel table.</summary>
    public CollisionKernelTable Kernels { get; }

    /// <summary>κ⁽³⁾_ij(v, v*) = C ‖b‖_{L¹(S²)} |v − v*|^γ μ_i(v) (loss).</summary>
    /// <param name="i">Species i.</param>
    /// <param name="j">Species j.</param>
    /// <param name="v">v.</param>
    /// <param name="vStar">v* (free variable).</param>
    public double Kappa3(int i, int j, Velocity3 v, Velocity3 vStar)
    {
        var k = Kernels[i, j];
        Guard.Finite(v);
        Guard.Finite(vStar);
        return k.TotalAngularStrength * Math.Pow((v - vStar).Length, k.Gamma) * Maxwellian(_masses[i], v);
    }

    /// <summary>
    /// κ⁽²⁾_ij(v, v*) = C (M/m_j)² |Δ|^{−1} ∫_{ω⟂Δ} |q|^{γ−1} b_σ(q̂·p̂) μ_j(V_E + ω) dω (f_i at the free v* = v'), Δ = v − v*,
    /// V_E = (M/(2m_j))v − ((m_i − m_j)/(2m_j))v*, q = (M/(2m_j))Δ − ω, p = −(M/(2m_j))Δ − ω.
    /// </summary>
    /// <param name="i">Species i.</param>
    /// <param name="j">Species j.</param>
    /// <param name="v">v.</param>
    /// <param name="vStar">v* ≠ v.</param>
    public double Kappa2(int i, int j, Velocity3 v, Velocity3 vStar)
    {
        var k = Kernels[i, j];
        Guard.Finite(v);
        Guard.Finite(vStar);
        double mi = _masses[i], mj = _masses[j], m = mi + mj;
        var delta = v - vStar;
        double r = delta.Length;
        var center = ((m / (2 * mj)) * v) - (((mi - mj) / (2 * mj)) * vStar);
        var half = (m / (2 * mj)) * delta;
        double plane = PlaneIntegral(delta, center, mj, w => Integrand(k, half - w, -half - w));
        return k.Strength * (m / mj) * (m / mj) / r * plane;
    }

    /// <summary>
    /// κ⁽¹⁾_ij(v, v*) (f_j at the free v* = v*'): for m_i ≠ m_j, C (M²/(m_i − m_j)²)|Δ| ∫_{S²} |q|^{γ−1} b_σ(q̂·p̂) μ_i(O + Rω) dω with
    /// O = (m_i v − m_j v*)/(m_i − m_j), R = m_j|Δ|/|m_i − m_j|, q = −(m_j/(m_i − m_j))Δ − (m_i/|m_i − m_j|)|Δ|ω,
    /// p = (m_i/(m_i − m_j))Δ + (m_j/|m_i − m_j|)|Δ|ω; for m_i = m_j, 4C|Δ|^{−1}∫_{ω⟂Δ}|q|^{γ−1} b_σ(q̂·p̂) μ_i(v + ω) dω,
    /// q = Δ − ω, p = Δ + ω.
    /// </summary>
    /// <param name="i">Species i.</param>
    /// <param name="j">Species j.</param>
    /// <param name="v">v.</param>
    /// <param name="vStar">v* ≠ v.</param>
    public double Kappa1(int i, int j, Velocity3 v, Velocity3 vStar)
    {
        var k = Kernels[i, j];
        Guard.Finite(v);
        Guard.Finite(vStar);
        double mi = _masses[i], mj = _masses[j];
        var delta = v - vStar;
        double r = delta.Length;
        if (mi == mj)
        {
            return 4.0 * k.Strength / r * PlaneIntegral(delta, v, mi, w => Integrand(k, delta - w, delta + w));
        }

        double d = mi - mj, ad = Math.Abs(d);
        var origin = ((mi * v) - (mj * vStar)) / d;
        double radius = mj * r / ad;
        var (e1, e2) = ProductDirections.Frame(delta / r);
        var axis = delta / r;
        double sum = 0;
        for (int a = 0; a < Polar.Count; a++)
        {
            double c = Polar.Nodes[a], s = Math.Sqrt(1 - (c * c));
            for (int b = 0; b < Azimuthal; b++)
            {
                double phi = 2.0 * Math.PI * (b + 0.5) / Azimuthal;
                var omega = (c * axis) + (s * ((Math.Cos(phi) * e1) + (Math.Sin(phi) * e2)));
                var q = (-(mj / d) * delta) - ((mi / ad) * r * omega);
                var p = ((mi / d) * delta) + ((mj / ad) * r * omega);
                sum += Polar.Weights[a] * Integrand(k, q, p) * Maxwellian(mi, origin + (radius * omega));
            }
        }

        return k.Strength * (mi + mj) * (mi + mj) / (d * d) * r * sum * (2.0 * Math.PI / Azimuthal);
    }

    private static double Integrand(CollisionKernel k, Velocity3 q, Velocity3 p)
    {
        double q2 = q.LengthSquared, p2 = p.LengthSquared;
        double cosine = Velocity3.Dot(q, p) / Math.Sqrt(q2 * p2);
        return Math.Pow(q2, (k.Gamma - 1.0) / 2.0) * k.Angular.Sigma(cosine);
    }

    // ∫_{ω ⟂ Δ} g(ω) μ_m(center + ω) dω (2-D Lebesgue) in polar coordinates: ρ on graded panels, angle on a trapezoid rule.
    private static double PlaneIntegral(Velocity3 delta, Velocity3 center, double mass, Func<Velocity3, double> g)
    {
        var axis = delta / delta.Length;
        var (e1, e2) = ProductDirections.Frame(axis);
        double centerPar = Velocity3.Dot(center, axis);
        var centerPerp = center - (centerPar * axis);
        double reach = centerPerp.Length + (11.0 / Math.Sqrt(mass));
        double Radial(double rho)
        {
            double sum = 0;
            for (int b = 0; b < Azimuthal; b++)
            {
                double phi = 2.0 * Math.PI * (b + 0.5) / Azimuthal;
                var w = rho * ((Math.Cos(phi) * e1) + (Math.Sin(phi) * e2));
                sum += g(w) * Maxwellian(mass, center + w);
            }

            return rho * sum * (2.0 * Math.PI / Azimuthal);
        }

        return PanelRule.Twelve.Integrate(Radial, GradedPanels.TowardLowerEnd(0.0, reach, 0.5 / Math.Sqrt(mass), Math.Min(reach, 1.0)));
    }

    private static double Maxwellian(double mass, Velocity3 v) => Distributions.Maxwellian.Evaluate(Distributions.MacroscopicState.Unit, mass, v);
}
