using Kinetics.Weights;
using Kinetics.Estimates;
using Kinetics.Linearized;
using Kinetics.Tests.Linearized;

namespace Kinetics.Tests.Estimates;

public class KernelEstimatesTests
{
    [Theory]
    [InlineData(-2.5)]
    [InlineData(-1.5)]
    [InlineData(-0.5)]
    public void CollisionFrequency_SlopesAreGammaAndGammaMinusOne(double gamma)
    {
        // Seed-note 000 §6.12–13: ν slope on [8, 64] → γ (error ≲ 0.01, the |v|^{−2} correction), |∂ν| slope on [16, 64] → γ − 1.
        var nu = CollisionFrequencyTests.Frequency(gamma, 7, 8);
        var fit = KernelEstimates.CollisionFrequencySlope(nu, 0, KernelEstimates.GeometricSpeeds(8, 64, 8));
        Assert.InRange(fit.Slope, gamma - 0.01, gamma + 0.01);
        var derivative = KernelEstimates.CollisionFrequencyDerivativeSlope(nu, 0, KernelEstimates.GeometricSpeeds(16, 64, 6));
        Assert.InRange(derivative.Slope, gamma - 1 - 0.02, gamma - 1 + 0.02);

        // ν ≍ ⟨v⟩^γ with explicit constants; the asymptotic constant is Σ_β b₀ = 2·2π for b = |cos θ|.
        var bounds = KernelEstimates.CollisionFrequencyBounds(nu, 0, BracketConvention.OnePlusNorm);
        Assert.True(bounds.Lower > 0 && bounds.Upper < double.PositiveInfinity && bounds.Lower <= bounds.Upper, "bounds.Lower > 0 && bounds.Upper < double.PositiveInfinity && bounds.Lower <= bounds.Upper");
        Assert.Equal(4 * Math.PI, bounds.Asymptotic, 12);
        Assert.True(bounds.Upper >= nu.Evaluate(0, 0), "bounds.Upper >= nu.Evaluate(0, 0)");
    }

    [Fact]
    public void GainAndHybridIntegrals_MatchDirectCollisionQuadrature() =>
        // Resolution 1 of the generic 5-D quadrature is accurate to ~5e-5 here (measured), hence 2e-4.
        CompareWithDirectQuadrature(1, 2e-4, [(0, 1)]);

    [LongFact]
    public void GainAndHybridIntegrals_MatchDirectCollisionQuadrature_Fine() =>
        // Resolution 2: ~1e-6, checked at 1e-5.
        CompareWithDirectQuadrature(2, 1e-5, [(0, 1), (1, 0), (0, 0), (1, 1)]);

    private static void CompareWithDirectQuadrature(int resolution, double tolerance, (int, int)[] pairs)
    {
        // The adapted 3-D quadratures against the generic 5-D collision-integral quadrature of ReferenceLinearizedOperator at a moderate |v|.
        var table = LinearizedKernelTests.Table(-1.5, 1, 4);
        var op = ReferenceLinearizedOperator.Create(table, resolution);
        var v = new Velocity3(0, 0, 1.5);
        foreach (var (a, b) in pairs)
        {
            double ma = op.Mass(a), mb = op.Mass(b);
            double typical = op.Integrate(a, b, v, (vs, vp, vsp) => LinearizedKernel.SqrtMaxwellian(mb, vs) * LinearizedKernel.SqrtMaxwellian(mb, vsp));
            double hybrid = op.Integrate(a, b, v, (vs, vp, vsp) => LinearizedKernel.SqrtMaxwellian(mb, vs) * LinearizedKernel.SqrtMaxwellian(ma, vp));
            double t = DecayQuadrature.Typical(table, a, b, 1.5, null, 0, BracketConvention.OnePlusNorm);
            double h = KernelEstimates.HybridKernelIntegral(table, a, b, 1.5);
            Assert.True(Math.Abs(t - typical) <= tolerance * typical, $"typical ({a},{b}): {t} vs {typical}");
            Assert.True(Math.Abs(h - hybrid) <= tolerance * hybrid, $"hybrid ({a},{b}): {h} vs {hybrid}");
        }
    }

    [Fact]
    public void GainKernelIntegral_DecaysLikeGammaMinusTwo_Representative()
    {
        // Seed 000 (2.73), sharp for b ∝ |cos θ|: slope on |v| ∈ [16, 64] within 0.1 of γ − 2 (seed-note observed −3.49 ± 0.01).
        var table = LinearizedKernelTests.Table(-1.5, 1, 4);
        var fit = KernelEstimates.GainKernelDecay(table, 0, KernelEstimates.GeometricSpeeds(16, 64, 4), new SoftCutoff(0.1), 3);
        Assert.InRange(fit.Slope, -3.6, -3.4);
    }

    [LongFact]
    public void GainKernelIntegral_DecaysLikeGammaMinusTwo_Sweep()
    {
        foreach (double gamma in new[] { -2.5, -1.5, -0.5 })
        {
            foreach (var (mA, mB) in new[] { (7.0, 8.0), (1.0, 4.0) })
            {
                foreach (double ell in new[] { 0.0, 3.0 })
                {
                    for (int alpha = 0; alpha < 2; alpha++)
                    {
                        var fit = KernelEstimates.GainKernelDecay(LinearizedKernelTests.Table(gamma, mA, mB), alpha, KernelEstimates.GeometricSpeeds(16, 64, 6), new SoftCutoff(0.1), ell);
                        Assert.True(Math.Abs(fit.Slope - (gamma - 2)) <= 0.1, $"γ={gamma} m={mA}:{mB} ℓ={ell} α={alpha}: slope {fit.Slope}");
                    }
                }
            }
        }
    }

    [Fact]
    public void HybridKernel_HasGaussianRateCh()
    {
        // c_h closed form, values typed from seed-note 000 Appendix B (0.05488 for 1:4, 0.00390 for 7:8).
        Assert.Equal(0.05488, KernelEstimates.HybridRate(1, 4), 5);
        Assert.Equal(0.00390, KernelEstimates.HybridRate(7, 8), 5);

        // Local rate −d log H/d|v|² on [56, 64] approaches c_h from above (seed-note §6.16: 0.0557 at |v| = 64): within 3 %.
        var table = LinearizedKernelTests.Table(-1.5, 1, 4);
        var fit = KernelEstimates.HybridDecayRate(table, 0, 1, [56, 60, 64]);
        double ch = KernelEstimates.HybridRate(1, 4);
        Assert.InRange(fit.Slope, ch, 1.03 * ch);
    }

    [Fact]
    public void SingularPart_ScalesLikeEpsilonToThreePlusGamma()
    {
        // ∫∫_{|u| ≲ 2ε} |u|^γ ... ∝ ε^{3+γ} (seed 000 E5); the O(ε) correction from the smooth factors bounds the error at ε ≤ 0.1.
        var table = LinearizedKernelTests.Table(-1.5, 1, 4);
        var fit = KernelEstimates.SingularPartScaling(table, 0, new Velocity3(0.3, 0.2, -0.1), [0.1, 0.05, 0.025, 0.0125]);
        Assert.InRange(fit.Slope, 1.5 - 0.05, 1.5 + 0.05);
    }

    [Fact]
    public void SlopeFit_RecoversExactPowerLawAndRejectsBadInput()
    {
        var x = new[] { 1.0, 2, 4, 8 };
        var fit = SlopeFit.LogLog(x, x.Select(t => 3 * Math.Pow(t, -2.5)).ToArray());
        Assert.Equal(-2.5, fit.Slope, 12);
        Assert.True(fit.ConfidenceHigh - fit.ConfidenceLow < 1e-10, $"fit.ConfidenceHigh - fit.ConfidenceLow < 1e-10: {(fit.ConfidenceHigh - fit.ConfidenceLow)} vs 1e-10");
        Assert.Throws<ArgumentOutOfRangeException>(() => SlopeFit.Linear([1.0], [1.0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => KernelEstimates.GeometricSpeeds(0, 1, 3));
    }
}
