using Kinetics.Quadrature;
using Kinetics.Kernels;

namespace Kinetics.Linearized;

/// <summary>
/// The perturbative operators around the global Maxwellians μ^α = 𝓜[1, 0, 1; m^α] (docs/math#linearized-operators),
/// evaluated pointwise by direct deterministic quadrature of the collision integral: the slow reference evaluator that
/// the grid operators (<see cref="ILinearizedOperator{TWorkspace}"/>) are tested against:
/// Γ^{αβ}(f, g)(v) = ∫∫ B^{αβ} √μ^β(v*) [f(v') g(v*') − f(v) g(v*)] dω dv*, Γ(f, g)^α = Σ_β Γ^{αβ}(f^α, g^β),
/// L = ν − K ≥ 0 with (L f)^α = −Γ(√μ, f)^α − Γ(f, √μ)^α, and the nonlinear operator 𝒞(F)^α = Σ_β Q^{αβ}(F^α, F^β).
/// </summary>
/// <remarks>
/// <para>Exact relations (hold for the continuous operators; here to quadrature accuracy): L = −Γ(√μ,·) − Γ(·,√μ);
/// μ^{−1/2}𝒞(μ + √μ f) = −L f + Γ(f, f); L χ_j = 0 on <see cref="NullSpace"/>. ν is the closed form of
/// <see cref="CollisionFrequency"/>, the rest is quadrature: v* = v + u with u in spherical coordinates (|u| on geometrically
/// graded Gauss–Legendre panels for the |u|^γ singularity, directions on a product rule) and ω on the hemisphere about û
/// (the integrand is even in ω), Gauss–Legendre in cos θ, trapezoid in φ.</para>
/// <para>Functions are passed as delegates and must decay like a Gaussian (√μ-weighted perturbations). Cost per point and
/// pair ≈ 10⁶ integrand evaluations. Immutable and thread-safe.</para>
/// </remarks>
public sealed class ReferenceLinearizedOperator
{
    private const int RadialOrder = 8;
    private readonly double[] _masses;
    private readonly ProductDirections _uDirections;
    private readonly ProductDirections _omegaDirections;

    /// <summary>Creates the operator.</summary>
    /// <param name="kernels">B^{αβ} with a common γ.</param>
    /// <param name="resolution">Quadrature resolution multiplier in [1, 4] (1: ~1e−7 relative on Maxwellian-type data; each
    /// step up roughly squares the error and multiplies the cost by ≈ resolution⁵).</param>
    public static ReferenceLinearizedOperator Create(CollisionKernelTable kernels, int resolution = 1)
    {
        ArgumentNullException.ThrowIfNull(kernels);
        Guard.InRange(resolution, 1, 4);
        return new ReferenceLinearizedOperator(kernels, resolution);
    }

    private ReferenceLinearizedOperator(CollisionKernelTable kernels, int resolution)
    {
        Frequency = CollisionFrequency.Create(kernels);
        NullSpace = NullSpace.Create(kernels.Mixture);
        Kernels = kernels;
        _masses = kernels.Mixture.Masses();
        Resolution = resolution;
        _uDirections = ProductDirections.Create(GaussLegendreRule.Create(8 * resolution, -1.0, 1.0), 12 * resolution);
        _omegaDirections = ProductDirections.Create(GaussLegendreRule.Create(6 * resolution, 0.0, 1.0), 12 * resolution);
    }

    /// <summary>The kernel table.</summary>
    public CollisionKernelTable Kernels { get; }

    /// <summary>ν^α in closed form.</summary>
    public CollisionFrequency Frequency { get; }

    /// <summary>ker L and P₀.</summary>
    public NullSpace NullSpace { get; }

    /// <summary>The quadrature resolution multiplier.</summary>
    public int Resolution { get; }

    /// <summary>Number of species.</summary>
    public int SpeciesCount => _masses.Length;

    /// <summary>√μ^α(v) = (m^α/2π)^{3/4} e^{−m^α|v|²/4}.</summary>
    /// <param name="alpha">Species α.</param>
    /// <param name="v">Velocity.</param>
    public double SqrtMaxwellian(int alpha, Velocity3 v)
    {
        CheckPoint(alpha, v);
        return LinearizedKernel.SqrtMaxwellian(_masses[alpha], v);
    }

    /// <summary>Γ^{αβ}(f, g)(v) = μ^{α −1/2} Q^{αβ}(√μ^α f, √μ^β g)(v).</summary>
    /// <param name="alpha">Species α (whose equation).</param>
    /// <param name="beta">Partner β.</param>
    /// <param name="f">f (species α).</param>
    /// <param name="g">g (species β).</param>
    /// <param name="v">Velocity.</param>
    public double EvaluateBilinear(int alpha, int beta, Func<Velocity3, double> f, Func<Velocity3, double> g, Velocity3 v)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(g);
        CheckPoint(alpha, v);
        Guard.Index(beta, SpeciesCount);
        double mb = _masses[beta];
        double fv = f(v);
        return Integrate(alpha, beta, v, (vStar, vPrime, vStarPrime) =>
            LinearizedKernel.SqrtMaxwellian(mb, vStar) * ((f(vPrime) * g(vStarPrime)) - (fv * g(vStar))));
    }

    /// <summary>Γ(f, g)^α(v) = Σ_β Γ^{αβ}(f^α, g^β)(v) (the non-symmetric bilinear form of Wang, Wang and Wu; docs/math#conventions).</summary>
    /// <param name="alpha">Species α.</param>
    /// <param name="f">f^β per species.</param>
    /// <param name="g">g^β per species.</param>
    /// <param name="v">Velocity.</param>
    public double EvaluateBilinear(int alpha, IReadOnlyList<Func<Velocity3, double>> f, IReadOnlyList<Func<Velocity3, double>> g, Velocity3 v)
    {
        CheckVector(f);
        CheckVector(g);
        CheckPoint(alpha, v);
        double sum = 0;
        for (int beta = 0; beta < SpeciesCount; beta++)
        {
            sum += EvaluateBilinear(alpha, beta, f[alpha], g[beta], v);
        }

        return sum;
    }

    /// <summary>(K f)^α(v) = Σ_β ∫∫ B √μ^β(v*)[√μ^β(v*') f^α(v') + √μ^α(v') f^β(v*') − √μ^α(v) f^β(v*)] dω dv* (K = K₂^gain − K₁^loss).</summary>
    /// <param name="alpha">Species α.</param>
    /// <param name="f">f^β per species.</param>
    /// <param name="v">Velocity.</param>
    public double EvaluateCompactPart(int alpha, IReadOnlyList<Func<Velocity3, double>> f, Velocity3 v)
    {
        CheckVector(f);
        CheckPoint(alpha, v);
        double ma = _masses[alpha], sum = 0, rootV = SqrtMaxwellian(alpha, v);
        for (int beta = 0; beta < SpeciesCount; beta++)
        {
            double mb = _masses[beta];
            var fa = f[alpha];
            var fb = f[beta];
            sum += Integrate(alpha, beta, v, (vStar, vPrime, vStarPrime) =>
                LinearizedKernel.SqrtMaxwellian(mb, vStar) * ((LinearizedKernel.SqrtMaxwellian(mb, vStarPrime) * fa(vPrime))
                    + (LinearizedKernel.SqrtMaxwellian(ma, vPrime) * fb(vStarPrime)) - (rootV * fb(vStar))));
        }

        return sum;
    }

    /// <summary>(L f)^α(v) = ν^α(v) f^α(v) − (K f)^α(v), L ≥ 0 (docs/math#conventions).</summary>
    /// <param name="alpha">Species α.</param>
    /// <param name="f">f^β per species.</param>
    /// <param name="v">Velocity.</param>
    public double Evaluate(int alpha, IReadOnlyList<Func<Velocity3, double>> f, Velocity3 v)
    {
        CheckVector(f);
        CheckPoint(alpha, v);
        return (Frequency.Evaluate(alpha, v.Length) * f[alpha](v)) - EvaluateCompactPart(alpha, f, v);
    }

    /// <summary>𝒞(F)^α(v) = Σ_β Q^{αβ}(F^α, F^β)(v), the nonlinear collision operator, by the same quadrature.</summary>
    /// <param name="alpha">Species α.</param>
    /// <param name="distribution">F^β per species.</param>
    /// <param name="v">Velocity.</param>
    public double EvaluateCollision(int alpha, IReadOnlyList<Func<Velocity3, double>> distribution, Velocity3 v)
    {
        CheckVector(distribution);
        CheckPoint(alpha, v);
        var fa = distribution[alpha];
        double fv = fa(v), sum = 0;
        for (int beta = 0; beta < SpeciesCount; beta++)
        {
            var fb = distribution[beta];
            sum += Integrate(alpha, beta, v, (vStar, vPrime, vStarPrime) => (fa(vPrime) * fb(vStarPrime)) - (fv * fb(vStar)));
        }

        return sum;
    }

    private void CheckVector(IReadOnlyList<Func<Velocity3, double>> f, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(f))] string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(f, paramName);
        Guard.Length(f.Count, SpeciesCount, paramName);
        for (int i = 0; i < f.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(f[i], $"{paramName}[{i}]");
        }
    }

    private void CheckPoint(int alpha, Velocity3 v)
    {
        Guard.Index(alpha, SpeciesCount);
        Guard.Finite(v);
    }

    // ∫_{ℝ³} du ∫_{S²} dω C b_ω(|û·ω|)|u|^γ w(|u|) h(v*, v', v*'), v* = v + u; hemisphere about û doubled. With
    // maxRelativeSpeed the u-integral is restricted to |u| ≤ that bound (resolved by 16 panels there).
    internal double Mass(int alpha) => _masses[alpha];

    internal double Integrate(int alpha, int beta, Velocity3 v, Func<Velocity3, Velocity3, Velocity3, double> h, double maxRelativeSpeed = double.PositiveInfinity, Func<double, double>? weight = null)
    {
        var kernel = Kernels[alpha, beta];
        double ma = _masses[alpha], mb = _masses[beta], gamma = kernel.Gamma;
        double reach = Math.Min(maxRelativeSpeed, v.Length + (10.0 / Math.Sqrt(Math.Min(ma, mb))));
        double width = Math.Min(reach / 16.0, 1.25 / (Resolution * Math.Sqrt(Math.Max(ma, mb))));
        var radial = RadialNodes(reach, width);
        double sum = 0;
        foreach (var (r, wr) in radial)
        {
            double radialWeight = wr * r * r * Math.Pow(r, gamma) * (weight?.Invoke(r) ?? 1.0);
            for (int i = 0; i < _uDirections.Count; i++)
            {
                var uHat = _uDirections.Points[i];
                var vStar = v + (r * uHat);
                var (e1, e2) = ProductDirections.Frame(uHat);
                double inner = 0;
                for (int k = 0; k < _omegaDirections.Count; k++)
                {
                    var local = _omegaDirections.Points[k];
                    var omega = ProductDirections.About(local, uHat, e1, e2);
                    var (vPrime, vStarPrime) = Boltzmann.CollisionRule.Omega(v, vStar, omega, ma, mb);
                    inner += _omegaDirections.Weights[k] * kernel.Angular.Omega(local.Z) * h(vStar, vPrime, vStarPrime);
                }

                sum += radialWeight * _uDirections.Weights[i] * inner;
            }
        }

        // ω over the hemisphere, doubled.
        return kernel.Strength * sum * 2.0;
    }

    // r^{2+γ} near 0: geometric panels on [0, 4·width], then uniform panels of at most that width.
    private static List<(double R, double W)> RadialNodes(double reach, double width)
    {
        double top = Math.Min(reach, 4.0 * width);
        return PanelRule.Create(RadialOrder).Nodes(GradedPanels.FromOrigin(top, reach, Math.Max(1, (int)Math.Ceiling((reach - top) / width)), 1e-6));
    }
}
