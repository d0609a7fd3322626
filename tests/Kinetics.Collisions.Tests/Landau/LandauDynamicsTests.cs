using Kinetics.Distributions;
using Kinetics.Dynamics;
using Kinetics.Grids;
using Kinetics.Landau;
using Kinetics.Mixtures;
using Kinetics.Moments;

namespace Kinetics.Tests.Landau;

public class LandauDynamicsTests
{
    [Fact]
    public void Solver_WithLandau_RelaxesTemperaturesConservativelyAndStably()
    {
        var mixture = new Mixture(new Species("A", 1.0), new Species("B", 2.0));
        var grid = new CartesianGrid(16, 6.0);
        var op = SpectralLandauOperator.Create(grid, mixture, LandauCouplings.Uniform(2, 1.0), LandauKernel.Coulomb());
        var initial = Maxwellian.Independent(grid, mixture, [new MacroscopicState(1.0, 1.2), new MacroscopicState(1.0, 0.8)]);
        double[] f0 = initial.SelectMany(d => d.Values.ToArray()).ToArray();

        // The parabolic stiffness bound is far above the relative rate |Q|/F of near-Maxwellian data; the step must follow it.
        double stiffness = op.MaxCollisionFrequency(f0);
        Assert.True(stiffness > 1.0, $"stiffness {stiffness}");

        var entropies = new List<double>();
        var result = SpaceHomogeneousSolver.Create(op, new SpaceHomogeneousOptions { Courant = 0.5 })
            .Run(f0, 1.0, (t, step, state) => entropies.Add(Entropy.Of(Split(grid, state)).Value));
        Assert.True(result.Steps >= stiffness, "Δt = 0.5/stiffness: at least stiffness·t_final/0.5 /2 steps as the state relaxes");

        // Stable: spectral Gibbs undershoot in the tails stays at the 1e-5 level (an unstable step would grow without bound).
        Assert.True(result.MinimumRelativeValue > -1e-3, $"min F/max F = {result.MinimumRelativeValue}");

        var before = MixtureMoments.Of(mixture, initial);
        var after = MixtureMoments.Of(mixture, Split(grid, result.State));
        Assert.Equal(before.Energy, after.Energy, 12);
        Assert.Equal(before.Species[1].Density, after.Species[1].Density, 13);

        // The temperature gap shrinks (energy flows from the hot to the cold species; in the 1/(8π) normalisation the exchange
        // time is ≈ 50, so by t = 1 the gap of 0.4 has closed by ≈ 2 %) and H decreases monotonically.
        double gap = after.Species[0].Temperature - after.Species[1].Temperature;
        Assert.InRange(gap, 0.3, 0.4 * (1 - 5e-3));
        for (int i = 1; i < entropies.Count; i++)
        {
            Assert.True(entropies[i] <= entropies[i - 1] + 1e-12, $"H increased at step {i}");
        }

        // The ICollisionOperator view agrees with the workspace evaluation.
        double[] viaInterface = new double[f0.Length];
        ((ICollisionOperator)op).Evaluate(f0, viaInterface);
        Assert.Equal(op.Evaluate(f0), viaInterface);
    }

    private static DistributionFunction[] Split(CartesianGrid grid, ReadOnlySpan<double> state) =>
        [new DistributionFunction(grid, state[..grid.Count]), new DistributionFunction(grid, state[grid.Count..])];
}
