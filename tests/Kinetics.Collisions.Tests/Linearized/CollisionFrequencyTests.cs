using FsCheck;
using FsCheck.Fluent;
using Kinetics.Kernels;
using Kinetics.Linearized;
using Kinetics.Mixtures;
using MathNet.Numerics;
using MathNet.Numerics.Integration;


namespace Kinetics.Tests.Linearized;

public class CollisionFrequencyTests
{
    internal static CollisionFrequency Frequency(double gamma, double mA, double mB) =>
        CollisionFrequency.Create(CollisionKernelTable.Uniform(new Mixture(new Species("A", mA), new Species("B", mB)), new CollisionKernel(gamma, AngularFunction.AbsoluteCosine())));

    [Fact]
    public void Evaluate_MatchesSeed000AppendixBTable()
    {
        // Seed-note 000 Appendix B: masses 7:8, b = |cos θ| (b₀ = 2π), ν^A = ν^B; values typed from the note.
        double[] speeds = [0, 0.5, 1, 2, 4, 8];
        var table = new Dictionary<double, double[]>
        {
            [-2.5] = [268.464409, 125.993681, 21.137821, 2.384788, 0.399077, 0.069695],
            [-2.0] = [94.247780, 52.483002, 15.324538, 3.259843, 0.792146, 0.196763],
            [-1.5] = [46.804864, 30.569228, 13.306899, 4.503514, 1.575821, 0.555798],
            [-1.0] = [27.443461, 20.820265, 12.485765, 6.283185, 3.141593, 1.570796],
            [-0.5] = [17.877735, 15.626543, 12.301381, 8.847279, 6.276558, 4.441718],
        };
        foreach (var (gamma, values) in table)
        {
            var nu = Frequency(gamma, 7, 8);
            for (int i = 0; i < speeds.Length; i++)
            {
                // The table prints 6 decimals: half a unit in the last place plus round-off.
                Assert.True(Math.Abs(nu.Evaluate(0, speeds[i]) - values[i]) <= 5.1e-7, $"γ = {gamma}, |v| = {speeds[i]}: {nu.Evaluate(0, speeds[i])} vs {values[i]}");
                Assert.Equal(nu.Evaluate(0, speeds[i]), nu.Evaluate(1, speeds[i]), 12);
            }
        }
    }

    [Fact]
    public void GaussianAbsoluteMoment_MatchesRadialQuadrature()
    {
        // Independent 1-D form (seed-note 000 §1.8): 𝔼|v − X|^γ = (1/|v|)√(m/2π)∫₀^∞ r^{γ+1}[e^{−m(r−|v|)²/2} − e^{−m(r+|v|)²/2}] dr,
        // with r = s² to remove the endpoint singularity; graded Gauss–Legendre converges to ~1e-14, so 1e-10 relative is safe.
        foreach (double gamma in new[] { -2.5, -2.2, -1.7, -1.0, -0.5, 0.3, 1.0 })
        {
            foreach (double m in new[] { 1.0, 4.0, 7.0 })
            {
                foreach (double speed in new[] { 0.3, 1.0, 2.5, 5.0, 9.0 })
                {
                    double Integrand(double s)
                    {
                        double r = s * s;
                        // e^{−m(r−v)²/2} − e^{−m(r+v)²/2} without cancellation: 2e^{−m(r²+v²)/2} sinh(mrv) for small mrv (libm sinh is
                        // accurate there; .NET's ExpM1 is not), e^{−m(r−v)²/2}(1 − e^{−2mrv}) otherwise (no overflow).
                        double x = m * r * speed;
                        double difference = x < 1
                            ? 2 * Math.Exp(-m * ((r * r) + (speed * speed)) / 2) * Math.Sinh(x)
                            : Math.Exp(-m * (r - speed) * (r - speed) / 2) * (1 - Math.Exp(-2 * x));
                        return 2 * Math.Pow(s, (2 * gamma) + 3) * difference;
                    }

                    double upper = Math.Sqrt(speed + (14 / Math.Sqrt(m)));
                    double reference = Math.Sqrt(m / (2 * Math.PI)) / speed * GradedGaussLegendre(Integrand, upper);
                    double value = CollisionFrequency.GaussianAbsoluteMoment(gamma, 1 / m, speed);
                    Assert.True(Math.Abs(value - reference) <= 1e-10 * reference, $"γ={gamma} m={m} |v|={speed}: {value} vs {reference}");
                }
            }
        }
    }

    // Geometrically graded panels toward 0 (the integrand is only Hölder there for γ ≠ −2.5) plus 64 uniform panels, 20 points each.
    internal static double GradedGaussLegendre(Func<double, double> f, double upper)
    {
        double sum = 0, a = upper / 8;
        for (int level = 0; level < 40; level++)
        {
            sum += GaussLegendreRule.Integrate(f, a / 2, a, 20);
            a /= 2;
        }

        for (int p = 0; p < 64; p++)
        {
            sum += GaussLegendreRule.Integrate(f, (upper / 8) + (p * upper * 7 / 8 / 64), (upper / 8) + ((p + 1) * upper * 7 / 8 / 64), 20);
        }

        return sum;
    }

    [Fact]
    public void SpecialForms_AgreeWithGeneralKummerPath()
    {
        // γ = −1 (erf) and γ = −2 (Dawson) are separate code paths; the general ₁F₁ branch must reproduce them to round-off
        // (both are series/asymptotic evaluations accurate to ~1e-14 relative).
        foreach (double x in new[] { 1e-3, 0.2, 1.0, 3.0, 6.0, 6.5, 10.0, 37.9, 38.1, 200.0 })
        {
            Assert.Equal(1.0, ConfluentHypergeometric.KummerNegative(0.5, 1.5, x) * Math.Sqrt(x) / (SpecialFunctions.Erf(Math.Sqrt(x)) * Math.Sqrt(Math.PI) / 2), 12);
            Assert.Equal(1.0, ConfluentHypergeometric.KummerNegative(1.0, 1.5, x) * Math.Sqrt(x) / ConfluentHypergeometric.Dawson(Math.Sqrt(x)), 12);
        }
    }

    [Fact]
    public void Evaluate_IsStableAtLargeSpeedWithKnownAsymptotics()
    {
        // ν^{αβ}/(b₀|v|^γ) = 1 + γ(γ+1)/(2m|v|²) + O(|v|^{-4}) (seed-note 000 §1.8); the O(|v|^{-4}) term bounds the tolerance.
        foreach (double gamma in new[] { -2.5, -1.5, -0.5, 0.5 })
        {
            var nu = Frequency(gamma, 1, 4);
            foreach (double speed in new[] { 30.0, 100.0, 1e3, 1e5 })
            {
                double ratio = nu.EvaluatePair(0, 1, speed) / (2 * Math.PI * Math.Pow(speed, gamma));
                double expected = 1 + (gamma * (gamma + 1) / (2 * 4 * speed * speed));
                Assert.True(Math.Abs(ratio - expected) <= 10 / Math.Pow(4 * speed * speed, 2) + 1e-14, $"γ={gamma} |v|={speed}: {ratio} vs {expected}");
            }

            // Continuity across the series/asymptotic switch at m|v|²/2 = 38 (both branches accurate to ~1e-15).
            double below = nu.EvaluatePair(0, 1, Math.Sqrt(2 * 37.999999 / 4)), above = nu.EvaluatePair(0, 1, Math.Sqrt(2 * 38.000001 / 4));
            Assert.True(Math.Abs(below - above) <= 1e-6 * below, $"switch jump {below} vs {above}");
        }
    }

    [Fact]
    public void RadialDerivative_MatchesFiniteDifferences()
    {
        // Central differences with h = 1e-5: truncation O(h²) ≈ 1e-10 relative, round-off ≈ 1e-16/h = 1e-11.
        var prop = Prop.ForAll(Gen.Choose(1, 4000).Select(i => i / 100.0).ToArbitrary(), speed =>
        {
            var nu = Frequency(-1.5, 1, 4);
            double h = 1e-5;
            double fd = (nu.Evaluate(0, speed + h) - nu.Evaluate(0, speed - h)) / (2 * h);
            return Math.Abs(fd - nu.RadialDerivative(0, speed)) <= 1e-7 * Math.Abs(fd) + 1e-12;
        });
        PropertyCheck.Run(60, prop);
    }

    [Fact]
    public void InvalidArguments_AreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CollisionFrequency.GaussianAbsoluteMoment(-3.0, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CollisionFrequency.GaussianAbsoluteMoment(-1.0, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Frequency(-1, 1, 4).Evaluate(0, -1));
        var mixture = new Mixture(new Species("A", 1), new Species("B", 2));
        var angular = AngularFunction.AbsoluteCosine();
        Assert.Throws<ArgumentException>(() => CollisionFrequency.Create(CollisionKernelTable.FromPairs(
            mixture, (a, b) => new CollisionKernel(a == b ? -1.0 : -2.0, angular))));
    }
}
