using Kinetics.Kernels;
using Kinetics.Mixtures;
using Kinetics.Transport;

namespace Kinetics.Tests.Transport;

public class MaxwellStefanTests
{
    // Non-even b_σ(x) = 1 + 0.6x (seed-note 002 §5: exposes sign errors in the angular argument).
    private static readonly AngularFunction Skewed = AngularFunction.FromSigma("b = 1 + 0.6x", x => 1 + (0.6 * x));

    [Theory]
    [InlineData(-1.5, 1.0, 2.5, 1.0)]
    [InlineData(0.0, 3.0, 1.0, 0.7)]
    [InlineData(0.5, 1.0, 2.5, 1.3)]
    [InlineData(1.0, 1.0, 1.0, 1.0)]
    public void ClosedForm_AgreesWithMomentumExchangeOfTheCollisionIntegral(double gamma, double mi, double mj, double theta)
    {
        // Small-drift momentum exchange by deterministic quadrature (Richardson-extrapolated, O(ε⁴) ≈ 6e-6·ε-scale remainder) against
        // the closed form of seed-note 002 §2.4; the quadrature itself is ~1e-8, so 1e-5 relative.
        var kernel = new CollisionKernel(gamma, Skewed, 0.8);
        double closed = MaxwellStefan.InverseCoefficient(kernel, mi, mj, theta);
        double numeric = MaxwellStefan.InverseCoefficientFromMomentumExchange(kernel, mi, mj, theta);
        Assert.True(Math.Abs(closed - numeric) <= 1e-5 * closed, $"{closed} vs {numeric}");
    }

    [Fact]
    public void MaxwellMolecules_MomentumExchangeIsExactlyLinearInDrift()
    {
        // γ = 0: 𝔼[q] = u_i − u_j exactly, no O(ε³) (seed-note 002 §2.4); two drifts 10× apart agree to quadrature accuracy.
        var kernel = new CollisionKernel(0.0, Skewed);
        var small = MaxwellStefan.MomentumExchange(kernel, 1, 2.5, 1, new Velocity3(0.01, 0, 0));
        var large = MaxwellStefan.MomentumExchange(kernel, 1, 2.5, 1, new Velocity3(0.1, 0, 0));
        Assert.True(Math.Abs((large.X / 0.1) - (small.X / 0.01)) <= 1e-9 * Math.Abs(small.X / 0.01), $"Math.Abs((large.X / 0.1) - (small.X / 0.01)) <= 1e-9 * Math.Abs(small.X / 0.01): {(Math.Abs((large.X / 0.1) - (small.X / 0.01)))} vs {(1e-9 * Math.Abs(small.X / 0.01))}");
        Assert.True(small.X < 0, "friction opposes the drift");
    }

    [Fact]
    public void HardSpheres_GiveChapmanEnskogCoefficient()
    {
        // Δ_ij = (3/(8d²))√(θ/(2π μ_ij)) (rigid spheres, first Chapman–Enskog approximation); pure algebra: round-off.
        double d = 1.3, mi = 28, mj = 32, theta = 1.7, mu = mi * mj / (mi + mj);
        double expected = 3 / (8 * d * d) * Math.Sqrt(theta / (2 * Math.PI * mu));
        Assert.Equal(1.0, MaxwellStefan.Coefficient(CollisionKernel.HardSpheres(d), mi, mj, theta) / expected, 13);
    }

    [Fact]
    public void Coefficients_AreSymmetricAndFrictionMatrixHasMaxwellStefanStructure()
    {
        var mixture = new Mixture(new Species("A", 1, diameter: 1.0), new Species("B", 4, diameter: 1.4), new Species("C", 7, diameter: 0.8));
        var delta = MaxwellStefan.Coefficients(CollisionKernelTable.HardSpheres(mixture), 1.0);
        double[] c = [0.2, 0.5, 0.3];
        var a = new double[9];
        delta.FrictionMatrix(c, a);
        double[] u = [0.3, -0.1, 0.7];
        double quadratic = 0, expected = 0;
        for (int i = 0; i < 3; i++)
        {
            double rowSum = 0;
            for (int j = 0; j < 3; j++)
            {
                Assert.Equal(delta[i, j], delta[j, i]);
                Assert.Equal(a[(i * 3) + j], a[(j * 3) + i], 15);
                rowSum += a[(i * 3) + j];
                quadratic += u[i] * a[(i * 3) + j] * u[j];
                if (i != j)
                {
                    expected -= 0.5 * c[i] * c[j] * (u[i] - u[j]) * (u[i] - u[j]) / delta[i, j];
                }
            }

            Assert.True(Math.Abs(rowSum) <= 1e-15, "A·1 = 0");
        }

        Assert.Equal(expected, quadratic, 14);
        Assert.Throws<ArgumentOutOfRangeException>(() => MaxwellStefan.InverseCoefficient(CollisionKernel.HardSpheres(1), 1, 1, 0));
    }
}
