using FsCheck.Fluent;
using Kinetics.Quadrature;
using static Kinetics.Tests.PhysicalGenerators;
using SF = MathNet.Numerics.SpecialFunctions;

namespace Kinetics.Tests.Quadrature;

public class GaussRuleTests
{
    private const double Eps = 2.220446049250313e-16;

    // Round-off model for Σ wᵢ t(xᵢ)^k, all terms positive: n roundings of the sum and the weights (n·ε), a few ε in
    // the total mass μ₀ shared by all weights (three Gamma values, or pow and a division), plus the node error
    // δx ≈ ε·max(|a|, |b|, 1) amplified by the monomial, k·δx/width; a factor 4 of headroom. This is the
    // conditioning of the test integrand, not slack: the observed errors sit within a factor 2-3 of it.
    private static double RoundOff(int n, int k, double scale, double width) => 4 * Eps * (n + 3 + (k * Math.Max(scale, 1.0) / width));

    // Total mass of a Jacobi-type rule whose weight (1 ± x)^e has exponent e < −½ at an endpoint: most of the mass
    // sits on the node nearest that endpoint, at distance ~n⁻² from it; the node is held on [−1, 1] to an absolute
    // ½ ulp, so its Christoffel weight (and with it μ₀) has a relative error growing like n²ε, not n·ε. Measured
    // (seed audit, docs/verification.md, 1500–3000 random cases per row): max |μ₀ error| = 0.13–0.16 n²ε for one
    // exponent in [−0.99, −0.9] (n = 20…40), 0.32 n²ε for both, 0.12–0.17 n²ε for both in [−0.9, −0.5], and a flat
    // ~14ε (no growth with n) when both are ≥ −½. So ½n²ε per such endpoint: a factor ≥ 3 over the worst measured
    // (the worst swept case is now 0.22 of the whole bound).
    // Counter-example of the n-linear bound alone: RadialPowerRule n = 30, s = −0.9463047434482723,
    // R = 2.3655004195463203, k = 0: error 139.5ε > 132ε (KINETICS_PROPERTY_SEED=1025727766179267285); and
    // GaussJacobi n = 25, α = −0.9745, β = −0.9835: μ₀ error 248ε > 152ε allowed.
    private static double SingularEndpoint(int n, double exponent) => exponent < -0.5 ? 0.5 * Eps * n * n : 0.0;

    // Node-position conditioning of Σ wᵢ rᵢ^k for RadialPowerRule: rᵢ = (R/2)(1 + xᵢ) with xᵢ held on [−1, 1] to ~ε,
    // so rᵢ carries a relative error ε·R/(2rᵢ), amplified k times by rᵢ^k and weighted by the node's share of the
    // integral; a factor 4 of headroom as in RoundOff. It matters for the node nearest r = 0 when s → −1 and n is small
    // (1 + x₀ = 0.021 at n = 1, s = −0.989). Counter-example of the bound without it (targeted sweep of the seed audit,
    // docs/verification.md): n = 1, s = −0.98941262719659717, R = 0.86907063932359641, k = 1: 32.6ε > 20ε (0.12 % of
    // the cases with s ∈ [−0.99, −0.9]); with it the worst of 40 000 cases (half of them in that band) is 0.31 of the bound.
    private static double NodeConditioning(QuadratureRule rule, double radius, int k, double integral)
    {
        double sum = 0.0;
        for (int i = 0; i < rule.Count; i++)
        {
            sum += rule.Weights[i] * Math.Pow(rule.Nodes[i], k) * k * radius / (2 * rule.Nodes[i]);
        }

        return 4 * Eps * sum / Math.Abs(integral);
    }

    [Fact]
    public void GaussLegendre_IsExactToDegree2nMinus1_AndNotBeyond()
    {
        var gen = from n in Gen.Choose(1, 40)
                  from a in Uniform(-3.0, 3.0)
                  from width in Uniform(0.1, 4.0)
                  select (n, a, b: a + width);
        Check(gen, c =>
        {
            var rule = GaussLegendreRule.Create(c.n, c.a, c.b);
            Assert.Equal(2 * c.n - 1, rule.Degree);
            Assert.Equal(c.n, rule.Count);
            // Monomials in the centred variable t = x − a on [a, b]: ∫ t^k = w^{k+1}/(k+1), all terms positive.
            double w = c.b - c.a;
            for (int k = 0; k <= rule.Degree; k++)
            {
                double exact = Math.Pow(w, k + 1) / (k + 1);
                Tolerance.AssertRelative(exact, rule.Integrate(x => Math.Pow(x - c.a, k)), RoundOff(c.n, k, Math.Max(Math.Abs(c.a), Math.Abs(c.b)), w), $"n = {c.n}, k = {k}");
            }

            AssertSharp(rule);
        });
    }

    [Fact]
    public void GaussLegendre_NodesIncreaseInsideInterval_AndWeightsArePositive()
    {
        var rule = GaussLegendreRule.Create(17, -2.0, 5.0);
        for (int i = 0; i < rule.Count; i++)
        {
            Assert.InRange(rule.Nodes[i], -2.0, 5.0);
            Assert.True(rule.Weights[i] > 0);
            Assert.True(i == 0 || rule.Nodes[i] > rule.Nodes[i - 1]);
        }
    }

    [Fact]
    public void GaussLegendre_MatchesMathNet_AtItsTabulatedOrders()
    {
        // MathNet tabulates orders ≤ 20 and a few larger ones to full precision (its other orders carry errors up to
        // 1e-10, docs/quadrature.md): an independent reference for the Newton construction.
        foreach (int n in Enumerable.Range(2, 19).Concat([32, 64, 100]))
        {
            var ours = GaussLegendreRule.Create(n);
            var mathNet = new MathNet.Numerics.Integration.GaussLegendreRule(-1.0, 1.0, n);
            double[] nodes = (double[])mathNet.Abscissas.Clone(), weights = (double[])mathNet.Weights.Clone();
            Array.Sort(nodes, weights);
            for (int i = 0; i < n; i++)
            {
                // Nodes: a few ulps. Weights 2/((1 − x²)Pₙ′(x)²) evaluated at a node rounded by δx ≈ ε: their relative
                // sensitivity |d log w/dx| grows like n/√(1 − x²) (≈ n²/2.4 at the end nodes), so the tolerance is
                // 4ε·n/√(1 − x²) — about 1e-12 for the end weights at n = 100, 1e-14 in the interior.
                Tolerance.AssertAbsolute(nodes[i], ours.Nodes[i], 1e-15, $"n = {n}, node {i}");
                double sensitivity = n / Math.Sqrt(1.0 - (nodes[i] * nodes[i]));
                Tolerance.AssertRelative(weights[i], ours.Weights[i], 4 * Eps * Math.Max(10.0, sensitivity), $"n = {n}, weight {i}");
            }
        }
    }

    [Fact]
    public void GaussJacobi_IsExactToDegree2nMinus1_AndNotBeyond()
    {
        var gen = from n in Gen.Choose(1, 30)
                  from alpha in Uniform(-0.99, 3.0)
                  from beta in Uniform(-0.99, 3.0)
                  select (n, alpha, beta);
        Check(gen, c =>
        {
            var rule = GaussJacobiRule.Create(c.n, c.alpha, c.beta);
            Assert.Equal(2 * c.n - 1, rule.Degree);
            // Total mass μ₀ = 2^{α+β+1} B(α+1, β+1) (Euler's beta integral), reference from log-gammas whose absolute
            // error (~ε per unit of magnitude) becomes a relative error of exp(·).
            double logMass = ((c.alpha + c.beta + 1) * Math.Log(2.0)) + SF.GammaLn(c.alpha + 1) + SF.GammaLn(c.beta + 1) - SF.GammaLn(c.alpha + c.beta + 2);
            double mass = rule.Integrate(_ => 1.0);
            Tolerance.AssertRelative(Math.Exp(logMass), mass, RoundOff(c.n, 0, 1.0, 1.0) + (8 * Eps * (1 + Math.Abs(logMass))) + SingularEndpoint(c.n, c.alpha) + SingularEndpoint(c.n, c.beta), $"μ₀, n = {c.n}, α = {c.alpha}, β = {c.beta}");
            // Basis (1 + x)^k relative to μ₀: I_k/I_0 = 2^k Π_{j<k} (β+1+j)/(α+β+2+j), exact up to 2k roundings
            // except for the cancellation in β + 1 (relative error ε/(β+1)); the rule evaluates 1 + xᵢ with the same
            // cancellation at the node nearest −1 (relative ε/(1 + x₀), amplified k times).
            double ratio = 1.0;
            for (int k = 0; k <= rule.Degree; k++)
            {
                double computed = rule.Integrate(x => Math.Pow(1.0 + x, k)) / mass;
                Tolerance.AssertRelative(ratio, computed, RoundOff(c.n, k, 2.0, 2.0) + (8 * Eps * k) + (k == 0 ? 0 : 4 * Eps * ((1.0 / (c.beta + 1)) + (k / (1.0 + rule.Nodes[0])))), $"I_k/I_0, n = {c.n}, α = {c.alpha}, β = {c.beta}, k = {k}");
                ratio *= 2.0 * (c.beta + 1 + k) / (c.alpha + c.beta + 2 + k);
            }

            AssertSharp(rule);
        });
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(12)]
    [InlineData(30)]
    public void GaussHermite_IsExactToDegree2nMinus1_AndNotBeyond(int n)
    {
        // ∫ e^{−x²} x^{2k} dx = Γ(k + 1/2); odd moments vanish. Exact for 2k ≤ 2n − 1, i.e. up to round-off: node errors of
        // a couple of ulps grow by the factor 2k in x^{2k}, and n terms are summed, so the bound is 4e-16·(2k + 1)·n
        // (observed 1.06e-13 at n = 30, 2k = 28, where the bound is 3.5e-13). The first even moment beyond, 2n, is not exact.
        var rule = GaussHermiteRule.Create(n);
        Assert.Equal(2 * n - 1, rule.Degree);
        for (int k = 0; 2 * k <= 2 * n - 1; k++)
        {
            double exact = SF.Gamma(k + 0.5);
            double bound = 4e-16 * (2 * k + 1) * n;
            Tolerance.AssertRelative(exact, rule.Integrate(x => Math.Pow(x, 2 * k)), bound, $"n = {n}, x^{2 * k}");
            Assert.True(Math.Abs(rule.Integrate(x => Math.Pow(x, 2 * k + 1))) <= bound * Math.Max(1, exact), "odd moment");
        }

        // Sharp: the degree-2n moment is missed by exactly the Gauss error ∫e^{−x²}(Hₙ/2ⁿ)² = n!√π/2ⁿ (x^{2n} minus the
        // monic Hermite polynomial squared has degree ≤ 2n − 1). Its size relative to Γ(n + 1/2) is n!/(2n−1)!! (1e-8 at
        // n = 30), so the check is on the miss itself, to the round-off of the moment (10× the bound above).
        double beyond = SF.Gamma(n + 0.5);
        double miss = beyond - rule.Integrate(x => Math.Pow(x, 2 * n));
        double expectedMiss = SF.Factorial(n) * Math.Sqrt(Math.PI) / Math.Pow(2, n);
        Assert.True(Math.Abs(miss - expectedMiss) <= 10 * 4e-16 * (2 * n + 1) * n * beyond, $"degree-2n miss {miss:R}, expected {expectedMiss:R}");

        // Nodes symmetric about 0 and increasing; weights positive.
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(-rule.Nodes[i], rule.Nodes[n - 1 - i], 12);
            Assert.True(rule.Weights[i] > 0);
            Assert.True(i == 0 || rule.Nodes[i] > rule.Nodes[i - 1]);
        }
    }

    [Fact]
    public void GaussHermite_RejectsCountOutOfRange()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => GaussHermiteRule.Create(0));
        Assert.Contains("count must be in [1, 256]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GaussJacobi_WithZeroExponents_IsGaussLegendre()
    {
        var jacobi = GaussJacobiRule.Create(12, 0.0, 0.0);
        var legendre = GaussLegendreRule.Create(12);
        for (int i = 0; i < 12; i++)
        {
            // Two independent algorithms (Golub–Welsch vs MathNet's tables): agreement to a few ulps.
            Tolerance.AssertAbsolute(legendre.Nodes[i], jacobi.Nodes[i], 1e-14, $"node {i}");
            Tolerance.AssertRelative(legendre.Weights[i], jacobi.Weights[i], 1e-13, $"weight {i}");
        }
    }

    [Fact]
    public void RadialPowerRule_ReproducesAnalyticMoments()
    {
        var gen = from n in Gen.Choose(1, 30)
                  from s in Uniform(-0.99, 3.0)
                  from radius in LogUniform(0.1, 20.0)
                  select (n, s, radius);
        Check(gen, c =>
        {
            var rule = RadialPowerRule.Create(c.n, c.radius, c.s);
            Assert.Equal(c.s, rule.Exponent);
            for (int k = 0; k <= rule.Degree; k++)
            {
                // ∫₀^R r^s r^k dr = R^{s+k+1}/(s+k+1). Weight errors: RoundOff, plus the endpoint term for the mass
                // (k = 0; for k ≥ 1 the weight error of the node nearest r = 0 is scaled down by r₀^k and measured within
                // RoundOff). Node errors: NodeConditioning.
                double exact = Math.Pow(c.radius, c.s + k + 1) / (c.s + k + 1);
                double tolerance = RoundOff(c.n, k, 1.0, 1.0) + (k == 0 ? SingularEndpoint(c.n, c.s) : 0.0) + NodeConditioning(rule, c.radius, k, exact);
                Tolerance.AssertRelative(exact, rule.Integrate(r => Math.Pow(r, k)), tolerance, $"n = {c.n}, s = {c.s}, R = {c.radius}, k = {k}");
            }

            Assert.All(rule.Nodes.ToArray(), r => Assert.InRange(r, 0.0, c.radius));
            AssertSharp(rule);
        });
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(-0.9)]
    public void RadialPowerRule_BeatsGaussLegendre_OnSingularWeight(double s)
    {
        // ∫₀¹ r^s e^{−r} dr = γ(s+1, 1) (lower incomplete gamma): a soft-kernel-like endpoint singularity.
        double exact = SF.GammaLowerIncomplete(s + 1.0, 1.0);
        double jacobi = RadialPowerRule.Create(8, 1.0, s).Integrate(r => Math.Exp(-r));
        double legendre = GaussLegendreRule.Create(8, 0.0, 1.0).Integrate(r => Math.Pow(r, s) * Math.Exp(-r));
        // 8 nodes, analytic g = e^{−r}: Gauss–Jacobi is accurate to round-off (error ~ 1/(16)!·…); Gauss–Legendre
        // only algebraically, O(n^{−2(s+1)}) ≥ 1e-3 here.
        Tolerance.AssertRelative(exact, jacobi, 1e-14, "Gauss–Jacobi");
        Assert.True(Math.Abs(legendre - exact) > 1e-4 * exact, $"Gauss–Legendre unexpectedly accurate: {legendre} vs {exact}");
    }

    // Sharpness: the node polynomial p(x) = Π(x − xᵢ)² has degree 2n, integrates to > 0 against a positive weight,
    // and the rule gives exactly 0. So the rule is not exact at degree 2n = Degree + 1.
    private static void AssertSharp(QuadratureRule rule)
    {
        double[] nodes = rule.Nodes.ToArray();
        double NodePolynomial(double x)
        {
            double p = 1.0;
            foreach (double xi in nodes)
            {
                p *= (x - xi) * (x - xi);
            }

            return p;
        }

        Assert.Equal(0.0, rule.Integrate(NodePolynomial));
        // Reference integral with a much finer rule of the same weight (exact for degree 2n ≤ 2·(n+1)−1).
        double reference = rule switch
        {
            GaussLegendreRule => GaussLegendreRule.Create(nodes.Length + 1, rule.LowerBound, rule.UpperBound).Integrate(NodePolynomial),
            GaussJacobiRule j => GaussJacobiRule.Create(nodes.Length + 1, j.Alpha, j.Beta).Integrate(NodePolynomial),
            RadialPowerRule r => RadialPowerRule.Create(nodes.Length + 1, r.Radius, r.Exponent).Integrate(NodePolynomial),
            _ => throw new InvalidOperationException(),
        };
        Assert.True(reference > 0, $"degree {rule.Degree + 1} node polynomial: reference integral {reference}, expected > 0");
    }
}
