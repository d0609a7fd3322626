using Kinetics.Kernels;
using Kinetics.Quadrature;

namespace Kinetics.Boltzmann;

/// <summary>
/// The direct-quadrature oracle for one ordered species pair: Q^{αβ}(F, G)(v) at an arbitrary point v for F, G given
/// as functions, by deterministic nested quadrature. Slow by design (about n_r · M_g · M_σ evaluations of F·G per point);
/// it validates the fast spectral evaluator, in particular for unequal masses.
/// </summary>
/// <remarks>
/// <para>Effectively computes, with v* = v − g, g = r ĝ and the σ-representation of docs/math#collision-rules,
/// Q^{αβ}(F, G)(v) = C ∫₀^R r^{γ+2} ∫_{S²} ∫_{S²} b_σ(σ·ĝ) [F(v')G(v*') − F(v)G(v*)] dσ dĝ dr with
/// v' = v − a r(ĝ − σ), v*' = v − rĝ + b r(ĝ − σ), a = m^β/M, b = m^α/M.</para>
/// <para>Radial rule: Gauss–Jacobi with weight r^{γ+2} on [0, R] (absorbs the |g|^γ singularity, γ &gt; −3). ĝ: the
/// product Gauss–Legendre × uniform-azimuth rule. σ: the same kind of rule with its pole along ĝ, so an anisotropic
/// b_σ(cos χ) is integrated by Gauss–Legendre in cos χ. The loss term uses the same σ rule's value of C ∫ b_σ dσ (exactly
/// C b₀ for polynomial b_σ), so that gain and loss balance node by node on common-(u, T) Maxwellians.</para>
/// <para>R truncates the relative speed |g|; choose it where F and G have decayed (for F, G negligible outside the ball of
/// radius R_S, R = 2R_S makes the truncation exact, since |v' − v*'| = |v − v*|). Immutable and thread-safe.</para>
/// </remarks>
public sealed class BoltzmannReferenceEvaluator
{
    private readonly double[] _radialNodes;
    private readonly double[] _radialWeights;
    private readonly SphereRule _directions;
    private readonly double[] _cosChi;
    private readonly double[] _polarWeights; // Gauss–Legendre weight × C b_σ(cos χ) × 2π / azimuths
    private readonly int _azimuths;
    private readonly double _discreteStrength; // Σ_p (polar weight) · azimuths = C ∫ b_σ dσ by the σ rule

    private BoltzmannReferenceEvaluator(CollisionKernel kernel, double massAlpha, double massBeta, double truncationRadius, int radialPoints, int polarPoints)
    {
        Kernel = kernel;
        MassAlpha = massAlpha;
        MassBeta = massBeta;
        TruncationRadius = truncationRadius;
        var radial = RadialPowerRule.Create(radialPoints, truncationRadius, kernel.Gamma + 2.0);
        _radialNodes = radial.Nodes.ToArray();
        _radialWeights = radial.Weights.ToArray();
        _directions = SphereRule.Product((2 * polarPoints) - 1);
        var rule = GaussLegendreRule.ForDegree((2 * polarPoints) - 1);
        _azimuths = 2 * polarPoints;
        _cosChi = rule.Nodes.ToArray();
        _polarWeights = new double[polarPoints];
        for (int i = 0; i < polarPoints; i++)
        {
            _polarWeights[i] = rule.Weights[i] * kernel.Strength * kernel.Angular.Sigma(_cosChi[i]) * 2.0 * Math.PI / _azimuths;
            _discreteStrength += _polarWeights[i] * _azimuths;
        }
    }

    /// <summary>B^{αβ}.</summary>
    public CollisionKernel Kernel { get; }

    /// <summary>m^α, the mass of the species whose equation Q^{αβ} belongs to (first argument).</summary>
    public double MassAlpha { get; }

    /// <summary>m^β, the partner's mass (second argument).</summary>
    public double MassBeta { get; }

    /// <summary>R, the truncation of the relative speed |v − v*|.</summary>
    public double TruncationRadius { get; }

    /// <summary>Creates the evaluator.</summary>
    /// <param name="kernel">B^{αβ} (any angular function).</param>
    /// <param name="massAlpha">m^α &gt; 0.</param>
    /// <param name="massBeta">m^β &gt; 0.</param>
    /// <param name="truncationRadius">R &gt; 0, the largest relative speed integrated.</param>
    /// <param name="radialPoints">Gauss–Jacobi nodes in r, in [2, 256].</param>
    /// <param name="polarPoints">Gauss–Legendre nodes in the polar angle of ĝ and of σ (2·n azimuths each), in [2, 64].</param>
    public static BoltzmannReferenceEvaluator Create(
        CollisionKernel kernel, double massAlpha, double massBeta, double truncationRadius, int radialPoints = 32, int polarPoints = 16)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        Guard.Positive(massAlpha);
        Guard.Positive(massBeta);
        Guard.Positive(truncationRadius);
        Guard.InRange(radialPoints, 2, 256);
        Guard.InRange(polarPoints, 2, 64);
        return new BoltzmannReferenceEvaluator(kernel, massAlpha, massBeta, truncationRadius, radialPoints, polarPoints);
    }

    /// <summary>Q^{αβ}(F, G)(v) = gain − loss.</summary>
    /// <param name="f">F, the distribution of species α (a pure function).</param>
    /// <param name="g">G, the distribution of species β.</param>
    /// <param name="velocity">v.</param>
    public double Evaluate(Func<Velocity3, double> f, Func<Velocity3, double> g, Velocity3 velocity)
    {
        var (gain, loss) = EvaluateParts(f, g, velocity);
        return gain - loss;
    }

    /// <summary>The gain Q⁺ = ∫∫ B F(v')G(v*') and the loss Q⁻ = F(v) ∫∫ B G(v*) separately.</summary>
    /// <param name="f">F, the distribution of species α.</param>
    /// <param name="g">G, the distribution of species β.</param>
    /// <param name="velocity">v (finite).</param>
    public (double Gain, double Loss) EvaluateParts(Func<Velocity3, double> f, Func<Velocity3, double> g, Velocity3 velocity)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(g);
        if (!velocity.IsFinite)
        {
            throw new ArgumentException($"velocity must be finite (was {velocity}).", nameof(velocity));
        }

        double total = MassAlpha + MassBeta, a = MassBeta / total, b = MassAlpha / total;
        double lossFactor = f(velocity) * _discreteStrength;
        var gains = new double[_radialNodes.Length];
        var losses = new double[_radialNodes.Length];
        Parallel.For(0, _radialNodes.Length, ri =>
        {
            double r = _radialNodes[ri], gain = 0, loss = 0;
            for (int d = 0; d < _directions.Count; d++)
            {
                var unit = _directions.Points[d];
                var (e1, e2) = Frame(unit);
                var partner = velocity - (r * unit);
                loss += _directions.Weights[d] * g(partner);
                double inner = 0;
                for (int p = 0; p < _cosChi.Length; p++)
                {
                    double c = _cosChi[p], s = Math.Sqrt(Math.Max(0.0, 1.0 - (c * c))), sum = 0;
                    for (int q = 0; q < _azimuths; q++)
                    {
                        double angle = Math.PI * (q + 0.5) * 2.0 / _azimuths;
                        var sigma = (c * unit) + ((s * Math.Cos(angle)) * e1) + ((s * Math.Sin(angle)) * e2);
                        var transfer = r * (unit - sigma);
                        sum += f(velocity - (a * transfer)) * g(partner + (b * transfer));
                    }

                    inner += _polarWeights[p] * sum;
                }

                gain += _directions.Weights[d] * inner;
            }

            gains[ri] = _radialWeights[ri] * gain;
            losses[ri] = _radialWeights[ri] * loss;
        });

        return (gains.Sum(), lossFactor * losses.Sum());
    }

    /// <summary>
    /// The loss rate ∫∫ B G(v*) dσ dv* at v (so that Q⁻ = F(v) times it): for G = μ^β this is the collision frequency
    /// ν^{αβ}(v) of docs/math#collision-frequency. Uses only the radial and ĝ rules (cheap).
    /// </summary>
    /// <param name="g">G, the distribution of species β.</param>
    /// <param name="velocity">v (finite).</param>
    public double EvaluateLossRate(Func<Velocity3, double> g, Velocity3 velocity)
    {
        ArgumentNullException.ThrowIfNull(g);
        if (!velocity.IsFinite)
        {
            throw new ArgumentException($"velocity must be finite (was {velocity}).", nameof(velocity));
        }

        double sum = 0;
        for (int ri = 0; ri < _radialNodes.Length; ri++)
        {
            double inner = 0;
            for (int d = 0; d < _directions.Count; d++)
            {
                inner += _directions.Weights[d] * g(velocity - (_radialNodes[ri] * _directions.Points[d]));
            }

            sum += _radialWeights[ri] * inner;
        }

        return _discreteStrength * sum;
    }

    // An orthonormal pair (e1, e2) completing the unit vector n to a right-handed frame.
    private static (Velocity3 E1, Velocity3 E2) Frame(Velocity3 n)
    {
        var helper = Math.Abs(n.X) < 0.9 ? new Velocity3(1, 0, 0) : new Velocity3(0, 1, 0);
        var e1 = Velocity3.Cross(n, helper);
        e1 /= e1.Length;
        return (e1, Velocity3.Cross(n, e1));
    }
}
