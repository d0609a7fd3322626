using Kinetics.Boltzmann;

namespace Kinetics.Tests.Boltzmann;

public class BkwSolutionTests
{
    [Fact]
    public void CollisionTerm_IsTheTimeDerivative()
    {
        // ∂_t f by a central difference in t (step 1e-4, error O(h²) ≈ 1e-9 of f) against the closed form, and both forms
        // against the independent test oracle (round-off).
        const double t = 7.0, h = 1e-4;
        double k = BkwSolution.Parameter(t);
        foreach (var v in new[] { Velocity3.Zero, new Velocity3(0.3, -1.1, 0.4), new Velocity3(2.0, 1.0, -1.5) })
        {
            double difference = (BkwSolution.Evaluate(BkwSolution.Parameter(t + h), v) - BkwSolution.Evaluate(BkwSolution.Parameter(t - h), v)) / (2 * h);
            Assert.True(Math.Abs(difference - BkwSolution.CollisionTerm(k, v)) <= 1e-9, $"v = {v}");
            Assert.Equal(BoltzmannOracles.Bkw(k, v), BkwSolution.Evaluate(k, v), 15);
            Assert.Equal(BoltzmannOracles.BkwCollision(k, v), BkwSolution.CollisionTerm(k, v), 15);
        }
    }

    [Fact]
    public void Evaluate_RejectsParametersWhereFIsNegative()
    {
        Assert.Throws<ArgumentOutOfRangeException>("parameter", () => BkwSolution.Evaluate(0.5, Velocity3.Zero));
        Assert.Throws<ArgumentOutOfRangeException>("time", () => BkwSolution.Parameter(-1));
        Assert.Equal(0.6, BkwSolution.Parameter(6 * Math.Log(2.5)), 14);
    }
}
