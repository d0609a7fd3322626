using Kinetics.Boltzmann;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Mixtures;
using Kinetics.Quadrature;

namespace Kinetics.Tests.Boltzmann;

/// <summary>
/// The anisotropic self pair runs over half of the antipodal sphere rule (the product at −σ is the product at σ, or for
/// F ≠ G the swapped product) with the weight W(σ·ξ̂) + W(−σ·ξ̂). A cross pair of two species with equal masses and kernels
/// is the same collision law run over the whole rule, so on equal data the two must agree to round-off.
/// </summary>
public class AnisotropicSelfPairTests
{
    private static readonly CartesianGrid Grid = new(12, 6.0);

    private static BoltzmannOperator TwinSpecies(SphereRule sphere) =>
        BoltzmannOperator.Create(
            Grid,
            CollisionKernelTable.Uniform(new Mixture(new Species("A", 1.0), new Species("B", 1.0)), new CollisionKernel(0.0, AngularFunction.VariableSoftSphere(1.5), 1.0)),
            new BoltzmannOptions { Sphere = sphere });

    [Theory]
    [InlineData(5)]
    [InlineData(11)]
    public void HalfSphereSelfPair_EqualsWholeSphereCrossPairOfTwinSpecies(int degree)
    {
        // F^A = F^B = F: Q^{AA}(F, F) (half rule, folded weight) and Q^{AB}(F, F) (whole rule, W_a alone) are the same sum
        // over σ regrouped. Round-off: 1e−13 relative to max |Q| (observed ≈ 1e−15); a missing or doubled antipodal half
        // would be an O(1) difference, a wrong sign of the odd Legendre terms O(0.1).
        var op = TwinSpecies(SphereRule.Product(degree));
        var random = new Random(degree);
        var one = BoltzmannTestCases.Sample(Grid, BoltzmannOracles.RandomMaxwellianSum(random, 1.6, 0.4));
        double[] f = [.. one, .. one];
        var pairs = new double[4 * Grid.Count];
        op.EvaluatePairs(f, pairs, op.CreateWorkspace());
        var self = pairs.AsSpan(0, Grid.Count);
        var cross = pairs.AsSpan(Grid.Count, Grid.Count);
        double scale = BoltzmannTestCases.MaxAbs(self), worst = 0;
        for (int p = 0; p < Grid.Count; p++)
        {
            worst = Math.Max(worst, Math.Abs(self[p] - cross[p]));
        }

        Assert.True(scale > 0 && worst <= 1e-13 * scale, $"self vs cross: {worst / scale:E2}");
    }

    [Fact]
    public void HalfSphereSelfPair_Bilinear_EqualsWholeSphereCrossPairOfTwinSpecies()
    {
        // EvaluateBilinear with first = (F, F), second = (G, G): row A is Q^{AA}(F, G) + Q^{AB}(F, G), and the one-species
        // operator on the same rule gives Q^{AA}(F, G) alone; the twin cross pair equals the self pair, so row A is twice it.
        var sphere = SphereRule.Product(7);
        var twins = TwinSpecies(sphere);
        var single = BoltzmannOperator.Create(Grid, new CollisionKernel(0.0, AngularFunction.VariableSoftSphere(1.5), 1.0), 1.0, new BoltzmannOptions { Sphere = sphere });
        var random = new Random(3);
        var f = BoltzmannTestCases.Sample(Grid, BoltzmannOracles.RandomMaxwellianSum(random, 1.6, 0.4));
        var g = BoltzmannTestCases.Sample(Grid, BoltzmannOracles.RandomMaxwellianSum(random, 1.6, 0.4));
        double[] both = twins.EvaluateBilinear([.. f, .. f], [.. g, .. g]);
        double[] alone = single.EvaluateBilinear(f, g);
        double scale = BoltzmannTestCases.MaxAbs(alone), worst = 0;
        for (int p = 0; p < Grid.Count; p++)
        {
            worst = Math.Max(worst, Math.Abs(both[p] - (2.0 * alone[p])));
        }

        Assert.True(scale > 0 && worst <= 2e-13 * scale, $"bilinear self vs cross: {worst / scale:E2}");
    }
}
