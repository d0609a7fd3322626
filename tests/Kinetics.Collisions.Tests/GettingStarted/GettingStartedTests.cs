using Kinetics.Boltzmann;
using Kinetics.Distributions;
using Kinetics.Dynamics;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Mixtures;
using Kinetics.Moments;

namespace Kinetics.Tests.GettingStarted;

/// <summary>
/// The code of docs/getting-started.md, verbatim in its steps, so that the page cannot drift from the API: if this file
/// stops compiling or passing, the page is wrong.
/// </summary>
public class GettingStartedTests
{
    [Fact]
    public void GettingStarted_EvaluateIntegrateAndBatch()
    {
        // 1. Mixture, grid, kernel, plan.
        var mixture = new Mixture(new Species("N2", mass: 1.0), new Species("O2", mass: 8.0 / 7.0));
        var grid = new CartesianGrid(pointsPerAxis: 24, halfWidth: 8.0);
        var kernels = CollisionKernelTable.Uniform(mixture, new CollisionKernel(gamma: -1.0, AngularFunction.AbsoluteCosine(1.0)));
        var op = BoltzmannOperator.Create(grid, kernels);
        var workspace = op.CreateWorkspace();

        // 2. Distributions, stacked species-major: f[α·N³ + p].
        double[] f = new double[mixture.Count * grid.Count];
        Maxwellian.Fill(grid, new MacroscopicState(0.78, temperature: 1.3), mixture[0].Mass, f.AsSpan(0, grid.Count));
        Maxwellian.Fill(grid, new MacroscopicState(0.21, temperature: 0.9), mixture[1].Mass, f.AsSpan(grid.Count, grid.Count));

        // 3. Q = (Σ_β Q^{αβ}(F^α, F^β))_α, then the conservative correction.
        double[] q = new double[f.Length];
        var report = op.EvaluateConservative(f, q, workspace);

        // 4. Exchange rates and entropy production.
        var rates = new ExchangeRate[mixture.Count * mixture.Count];
        op.ExchangeRates(f, rates, workspace);
        double production = op.EntropyProduction(f, workspace);

        // 5. Space-homogeneous time integration.
        var solver = SpaceHomogeneousSolver.Create(op, new SpaceHomogeneousOptions { Courant = 0.5 });
        var result = solver.Run(f, finalTime: 0.2);
        var moments = MixtureMoments.Of(mixture, grid, result.State);                 // n, u, T per species and mixture
        var flux = StressHeatFlux.OfMixture(grid, result.State, mixture.Masses());     // P_ab and q about the mixture u
        var h = Entropy.Of(grid, result.State);                                         // Σ∫F log F, negative part reported

        // 6. Many spatial cells with one plan (an inhomogeneous solver's collision step).
        int cells = 3;
        double[] batch = new double[cells * f.Length];
        for (int c = 0; c < cells; c++)
        {
            f.CopyTo(batch, c * f.Length);
        }

        double[] batchQ = new double[batch.Length];
        int cellCount = cells;
        var step = BatchedCollisionStep.Create(op);          // any ICollisionOperator; options: parallel workers, Strict policy
        var reports = new CellReport[cellCount];
        step.Evaluate(batch, batchQ, reports);               // Q per cell, projected per cell with W = |F|, one report per cell

        // What the page claims, checked: conservation after correction, pairwise momentum/energy exchange, the H-theorem
        // sign, energy flowing from the hot to the cold species, and identical cells giving identical results.
        Assert.True(report.ResidualAfter < 1e-13, $"report.ResidualAfter < 1e-13: {report.ResidualAfter} vs 1e-13");
        Assert.True(Math.Abs(rates[1].Energy + rates[2].Energy) < 1e-3 * Math.Abs(rates[1].Energy), $"Math.Abs(rates[1].Energy + rates[2].Energy) < 1e-3 * Math.Abs(rates[1].Energy): {(Math.Abs(rates[1].Energy + rates[2].Energy))} vs {(1e-3 * Math.Abs(rates[1].Energy))}");
        Assert.True(rates[1].Energy < 0 && rates[2].Energy > 0, "rates[1].Energy < 0 && rates[2].Energy > 0");
        Assert.True(production < 0, $"production < 0: {production} vs 0");
        Assert.True(moments.Species[0].Temperature < 1.3 && moments.Species[1].Temperature > 0.9, "moments.Species[0].Temperature < 1.3 && moments.Species[1].Temperature > 0.9");
        Assert.Equal(3 * moments.Density * moments.Temperature, flux.Stress.Trace, 1e-10);
        Assert.True(h.Value < Entropy.Of(grid, f).Value, "h.Value < Entropy.Of(grid, f).Value");
        double[] single = new double[f.Length];
        op.EvaluateConservative(f, single, workspace);
        for (int c = 0; c < cells; c++)
        {
            for (int p = 0; p < f.Length; p++)
            {
                Assert.Equal(single[p], batchQ[(c * f.Length) + p], 12);
            }
        }
    }
}
