using FsCheck;
using FsCheck.Fluent;
using Kinetics.Kernels;
using Kinetics.Linearized;
using Kinetics.Mixtures;
using MathNet.Numerics.Integration;

namespace Kinetics.Tests.Linearized;

public class LinearizedKernelTests
{
    internal static CollisionKernelTable Table(double gamma, double mA, double mB, AngularFunction? angular = null) =>
        CollisionKernelTable.Uniform(new Mixture(new Species("A", mA), new Species("B", mB)), new CollisionKernel(gamma, angular ?? AngularFunction.AbsoluteCosine()));

    internal static double SqrtMu(double m, Velocity3 v) => Math.Pow(m / (2 * Math.PI), 0.75) * Math.Exp(-m * v.LengthSquared / 4);

    /// <summary>
    /// ∫_{ℝ³} F(w) dw in spherical coordinates around <paramref name="center"/>: r on graded Gauss–Legendre panels (the kernels are
    /// O(r^{−1}) or O(r^γ) at w = v, integrable against r²), directions on a product rule (Gauss–Legendre in cos, trapezoid in φ).
    /// </summary>
    internal static double IntegrateAround(Velocity3 center, double radius, Func<Velocity3, double> f, int cosCount = 12, int phiCount = 16, int radialPanels = 12)
    {
        var cosRule = new GaussLegendreRule(-1, 1, cosCount);
        var radial = new List<(double R, double W)>();
        void AddPanel(double lo, double hi)
        {
            var rule = new GaussLegendreRule(lo, hi, 10);
            for (int i = 0; i < 10; i++)
            {
                radial.Add((rule.Abscissas[i], rule.Weights[i]));
            }
        }

        double top = Math.Min(1.0, radius);
        for (double hi = top; hi > top * 1e-6; hi /= 4)
        {
            AddPanel(hi / 4, hi);
        }

        for (int p = 0; p < radialPanels; p++)
        {
            AddPanel(top + (p * (radius - top) / radialPanels), top + ((p + 1) * (radius - top) / radialPanels));
        }

        double sum = 0;
        foreach (var (r, wr) in radial)
        {
            for (int i = 0; i < cosCount; i++)
            {
                double c = cosRule.Abscissas[i], s = Math.Sqrt(1 - (c * c));
                for (int j = 0; j < phiCount; j++)
                {
                    double phi = 2 * Math.PI * (j + 0.5) / phiCount;
                    var e = new Velocity3(s * Math.Cos(phi), s * Math.Sin(phi), c);
                    sum += wr * r * r * cosRule.Weights[i] * (2 * Math.PI / phiCount) * f(center + (r * e));
                }
            }
        }

        return sum;
    }

    [Fact]
    public void Typical_HasMassIdentity() => TypicalMassIdentity(-0.5, 1.0, 4.0, 0, 1);

    [LongFact]
    public void Typical_HasMassIdentity_MorePairs()
    {
        TypicalMassIdentity(-0.5, 1.0, 4.0, 1, 0);
        TypicalMassIdentity(-1.5, 7.0, 8.0, 0, 1);
        TypicalMassIdentity(0.5, 2.0, 2.0, 0, 0);
    }

    [LongFact]
    public void Hybrid_HasMassIdentity()
    {
        HybridMassIdentity(-0.5, 1.0, 4.0, 0, 1);
        HybridMassIdentity(-1.5, 4.0, 1.0, 0, 1);
        HybridMassIdentity(-0.5, 2.0, 2.0, 0, 1);
    }

    private static void TypicalMassIdentity(double gamma, double mA, double mB, int alpha, int beta)
    {
        // ∫ k^{(1)}_{αβ}(v,w) √μ^α(w) dw = ν^{αβ}(v) √μ^α(v) (seed-note 000 §1.9(d)); ν from the closed form (independent).
        // Outer product quadrature ~1e-7 (the O(r^{γ}) diagonal singularity is graded), so 1e-6 relative.
        var table = Table(gamma, mA, mB);
        var kernel = LinearizedKernel.Create(table);
        var v = new Velocity3(0.5, 0.2, -0.7);
        double ma = table.Mixture[alpha].Mass;
        double lhs = IntegrateAround(v, v.Length + (14 / Math.Sqrt(ma)), w => kernel.Typical(alpha, beta, v, w) * SqrtMu(ma, w));
        double rhs = CollisionFrequency.Create(table).EvaluatePair(alpha, beta, v.Length) * SqrtMu(ma, v);
        Assert.True(Math.Abs(lhs - rhs) <= 1e-6 * rhs, $"{lhs} vs {rhs}");
    }

    private static void HybridMassIdentity(double gamma, double mA, double mB, int alpha, int beta)
    {
        // ∫ k^{(2)}_{αβ}(v,w) √μ^β(w) dw = ν^{αβ}(v) √μ^α(v) (seed-note 000 §1.9(d)); coarser outer rule (the hybrid costs a 2-D
        // quadrature per point), accurate to ~1e-6, hence 1e-5 relative.
        var table = Table(gamma, mA, mB);
        var kernel = LinearizedKernel.Create(table);
        var v = new Velocity3(0.5, 0.2, -0.7);
        double mb = table.Mixture[beta].Mass;
        double lhs = IntegrateAround(v, v.Length + (12 / Math.Sqrt(mb)), w => kernel.Hybrid(alpha, beta, v, w) * SqrtMu(mb, w), 10, 12, 8);
        double rhs = CollisionFrequency.Create(table).EvaluatePair(alpha, beta, v.Length) * SqrtMu(table.Mixture[alpha].Mass, v);
        Assert.True(Math.Abs(lhs - rhs) <= 1e-5 * rhs, $"{lhs} vs {rhs}");
    }

    private static Arbitrary<(Velocity3 V, Velocity3 W)> PointPairs() =>
        (from c in Gen.Choose(-150, 150).ArrayOf(6) select (new Velocity3(c[0] / 100.0, c[1] / 100.0, c[2] / 100.0), new Velocity3(c[3] / 100.0, c[4] / 100.0, c[5] / 100.0)))
        .Where(p => (p.Item1 - p.Item2).Length > 0.05).ToArbitrary();

    [Fact]
    public void Hybrid_IsAdjointSymmetric()
    {
        // k^{(2)}_{AB}(v,w) = k^{(2)}_{BA}(w,v) exactly (seed-note 000 §6.6); the two sides use different quadrature nodes, so the
        // agreement is at the quadrature accuracy (~1e-9), checked at 1e-7 relative.
        var kernel = LinearizedKernel.Create(Table(-1.5, 1, 4));
        PropertyCheck.Run(25, Prop.ForAll(PointPairs(), p =>
        {
            double a = kernel.Hybrid(0, 1, p.V, p.W), b = kernel.Hybrid(1, 0, p.W, p.V);
            return Math.Abs(a - b) <= 1e-7 * Math.Max(a, b) + 1e-300;
        }));
    }

    [Fact]
    public void FullKernel_IsAdjointSymmetricAndTypicalIsSymmetric()
    {
        // k^{αβ}(v,w) = k^{βα}(w,v) (seed-note 000 §1.9(c)); quadrature accuracy as above.
        var kernel = LinearizedKernel.Create(Table(-0.5, 7, 8));
        PropertyCheck.Run(10, Prop.ForAll(PointPairs(), p =>
        {
            double a = kernel.Evaluate(0, 1, p.V, p.W), b = kernel.Evaluate(1, 0, p.W, p.V);
            double c = kernel.Evaluate(0, 0, p.V, p.W), d = kernel.Evaluate(0, 0, p.W, p.V);
            double t1 = kernel.Typical(0, 1, p.V, p.W), t2 = kernel.Typical(0, 1, p.W, p.V);
            return Math.Abs(a - b) <= 1e-7 * (Math.Abs(a) + Math.Abs(b)) + 1e-300
                && Math.Abs(c - d) <= 1e-7 * (Math.Abs(c) + Math.Abs(d))
                && Math.Abs(t1 - t2) <= 1e-9 * t1;
        }));
    }

    [Fact]
    public void EqualMassesWithAbsoluteCosine_TypicalEqualsHybrid()
    {
        // For m^α = m^β and b ∝ |cos θ| the two gain terms coincide: k^{(1)}_{αα} ≡ k^{(2)}_{αα} (seed-note 000 §1.9(c), paper L942).
        // Two unrelated quadratures (1-D Bessel-reduced vs 2-D sphere), each ~1e-9: 1e-7 relative.
        var kernel = LinearizedKernel.Create(Table(-1.5, 2, 2));
        PropertyCheck.Run(20, Prop.ForAll(PointPairs(), p =>
        {
            double a = kernel.Typical(0, 0, p.V, p.W), b = kernel.Hybrid(0, 0, p.V, p.W);
            return Math.Abs(a - b) <= 1e-7 * a + 1e-300;
        }));
    }

    [Fact]
    public void NearEqualMasses_HybridIsContinuousInLambda()
    {
        // The u_∥-form is uniform in λ: masses 2 : 2(1 + 1e-6) give λ ≈ 5e-7, and the kernel differs from the equal-mass one by O(λ).
        var equal = LinearizedKernel.Create(Table(-0.5, 2, 2));
        var near = LinearizedKernel.Create(Table(-0.5, 2, 2 * (1 + 1e-6)));
        var v = new Velocity3(0.3, -0.4, 0.2);
        var w = new Velocity3(-0.5, 0.1, 0.6);
        double a = equal.Hybrid(0, 1, v, w), b = near.Hybrid(0, 1, v, w);
        Assert.True(Math.Abs(a - b) <= 1e-5 * a, $"{a} vs {b}");
    }

    [Fact]
    public void CutoffParts_SumToWholeKernel()
    {
        // K = K^χ + K^{1−χ} pointwise; each part is its own quadrature, so agreement to quadrature accuracy (1e-8).
        var table = Table(-2.5, 1, 4);
        var cutoff = new SoftCutoff(0.2);
        var whole = LinearizedKernel.Create(table);
        var regular = whole.WithCutoff(cutoff, CutoffPart.Regular);
        var singular = whole.WithCutoff(cutoff, CutoffPart.Singular);
        var v = new Velocity3(0.3, -0.4, 0.2);
        foreach (var w in new[] { new Velocity3(0.35, -0.38, 0.22), new Velocity3(-0.5, 0.1, 0.6), new Velocity3(0.3, -0.1, 0.2) })
        {
            for (int a = 0; a < 2; a++)
            {
                for (int b = 0; b < 2; b++)
                {
                    double k = whole.Evaluate(a, b, v, w), parts = regular.Evaluate(a, b, v, w) + singular.Evaluate(a, b, v, w);
                    Assert.True(Math.Abs(k - parts) <= 1e-8 * Math.Abs(k), $"{k} vs {parts}");
                }
            }
        }

        Assert.Equal(0.0, new SoftCutoff(0.2).Evaluate(0.2));
        Assert.Equal(1.0, new SoftCutoff(0.2).Evaluate(0.4));
        Assert.Equal(0.5, new SoftCutoff(0.2).Evaluate(0.3), 14);
        Assert.Throws<ArgumentException>(() => LinearizedKernel.Create(table, null, CutoffPart.Regular));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SoftCutoff(0));
    }
}

public class CarlemanKernelTests
{
    [Fact]
    public void CorrectedCarleman_AgreesWithSeed000Kernels_ForNonEvenAngularFunction()
    {
        // Seed-note 002 §1.7 (corrected angle cos ϑ = q̂·p̂) against seed-note 000 §1.9(c), after the √μ conjugation. A non-even
        // b_σ = 1 + 0.6x would expose the paper's sign error (1.5–25 % off). Both sides are deterministic quadratures (~1e-8): 1e-6.
        var angular = global::Kinetics.Kernels.AngularFunction.FromSigma("b = 1 + 0.6x", x => 1 + (0.6 * x));
        var table = LinearizedKernelTests.Table(-0.5, 1, 4, angular);
        var seed000 = LinearizedKernel.Create(table);
        var seed002 = CarlemanKernel.Create(table);
        var v = new Velocity3(0.3, -0.2, 0.4);
        var w = new Velocity3(-0.4, 0.5, 0.1);
        double[] m = [1, 4];
        for (int i = 0; i < 2; i++)
        {
            for (int j = 0; j < 2; j++)
            {
                double hybrid = seed000.Hybrid(i, j, v, w);
                double viaKappa1 = LinearizedKernelTests.SqrtMu(m[j], w) / LinearizedKernelTests.SqrtMu(m[i], v) * seed002.Kappa1(i, j, v, w);
                double typical = seed000.Typical(i, j, v, w);
                double viaKappa2 = LinearizedKernelTests.SqrtMu(m[i], w) / LinearizedKernelTests.SqrtMu(m[i], v) * seed002.Kappa2(i, j, v, w);
                double loss = seed000.Loss(i, j, v, w);
                double viaKappa3 = LinearizedKernelTests.SqrtMu(m[j], w) / LinearizedKernelTests.SqrtMu(m[i], v) * seed002.Kappa3(i, j, v, w);
                Assert.True(Math.Abs(hybrid - viaKappa1) <= 1e-6 * hybrid, $"({i},{j}) hybrid {hybrid} vs κ1 {viaKappa1}");
                Assert.True(Math.Abs(typical - viaKappa2) <= 1e-6 * typical, $"({i},{j}) typical {typical} vs κ2 {viaKappa2}");
                Assert.True(Math.Abs(loss - viaKappa3) <= 1e-12 * loss, $"({i},{j}) loss {loss} vs κ3 {viaKappa3}");
            }
        }

        // Negative control: the paper-literal angle −q̂·p̂ (equivalently b_σ(−x)) misses by far more than the tolerance.
        var paperSign = CarlemanKernel.Create(LinearizedKernelTests.Table(-0.5, 1, 4, global::Kinetics.Kernels.AngularFunction.FromSigma("b = 1 − 0.6x", x => 1 - (0.6 * x))));
        double typical01 = seed000.Typical(0, 1, v, w);
        double wrong = LinearizedKernelTests.SqrtMu(m[0], w) / LinearizedKernelTests.SqrtMu(m[0], v) * paperSign.Kappa2(0, 1, v, w);
        Assert.True(Math.Abs(typical01 - wrong) > 1e-2 * typical01, $"paper sign unexpectedly agrees: {typical01} vs {wrong}");
    }
}
