using Kinetics.Conservation;
using Kinetics.Distributions;
using Kinetics.Dynamics;
using Kinetics.Grids;
using Kinetics.Landau;
using Kinetics.Mixtures;
using Kinetics.Moments;

namespace Kinetics.Tests.Dynamics;

/// <summary><see cref="BatchedCollisionStep"/> over an operator on per-species grids (1:100, each species on its own box).</summary>
public class BatchedCollisionStepSpeciesGridsTests
{
    private static readonly Mixture Pair = new(new Species("light", 1.0), new Species("heavy", 100.0));

    // Light on N = 12 over [−6, 6]³ about 0.1 x̂; heavy on N = 16 over 0.75 of the light box scaled by 1/10, off-centre.
    private static readonly SpeciesGrids Grids = new(
    [
        new SpeciesGrid(new CartesianGrid(12, 6.0), new Velocity3(0.1, 0, 0)),
        new SpeciesGrid(new CartesianGrid(16, 0.75), new Velocity3(-0.02, 0.01, 0)),
    ]);

    // Cells of two-bump anisotropic species (drifts and temperatures drawn per cell), each sampled on its own grid.
    private static double[] Cells(int seed, int cellCount)
    {
        var random = new Random(seed);
        double[] cells = new double[cellCount * Grids.TotalCount];
        for (int c = 0; c < cellCount; c++)
        {
            Span<double> cell = cells.AsSpan(c * Grids.TotalCount, Grids.TotalCount);
            for (int a = 0; a < 2; a++)
            {
                double c0 = 1 / Math.Sqrt(Pair[a].Mass);
                Span<double> slice = Grids.Slice(cell, a);
                double[] bump = new double[slice.Length];
                for (int k = 0; k < 2; k++)
                {
                    var u = new Velocity3(random.NextDouble() - 0.5, random.NextDouble() - 0.5, random.NextDouble() - 0.5) * (0.6 * c0);
                    double t = 0.6 + (0.5 * random.NextDouble()), n = 0.2 + (0.3 * random.NextDouble());
                    Maxwellian.Fill(Grids[a].Grid, new MacroscopicState(n, u - Grids[a].Centre, t), Pair[a].Mass, bump);
                    for (int p = 0; p < slice.Length; p++)
                    {
                        slice[p] += bump[p];
                    }
                }
            }
        }

        return cells;
    }

    [Fact]
    public void EvaluatesEachCellOnItsSpeciesGrids_ConservesThere_AndMatchesSerial()
    {
        var op = SpeciesGridLandauOperator.Create(Grids, Pair, LandauCouplings.Uniform(2, 1.0), LandauKernel.Coulomb());
        const int cellCount = 3;
        double[] cells = Cells(7, cellCount);
        var serial = BatchedCollisionStep.Create(op);
        var parallel = BatchedCollisionStep.Create(op, new BatchedCollisionStepOptions { MaxDegreeOfParallelism = 2 });
        Assert.Same(op, serial.SpeciesGridOperator);
        Assert.Equal(Grids.TotalCount, serial.CellLength);
        Assert.Throws<InvalidOperationException>(() => serial.Operator);

        double[] q = new double[cells.Length], q2 = new double[cells.Length];
        var reports = new CellReport[cellCount];
        var species = new SpeciesResolution[cellCount * 2];
        serial.Evaluate(cells, q, reports, species);
        parallel.Evaluate(cells, q2, new CellReport[cellCount]);
        Assert.Equal(q, q2);

        var projection = ConservativeProjection.Create(Grids, Pair.Masses());
        for (int c = 0; c < cellCount; c++)
        {
            ReadOnlySpan<double> f = cells.AsSpan(c * Grids.TotalCount, Grids.TotalCount);
            ReadOnlySpan<double> qc = q.AsSpan(c * Grids.TotalCount, Grids.TotalCount);

            // The operator's own evaluation, projected with weight |F| on the species' grids.
            double[] direct = new double[Grids.TotalCount];
            op.Evaluate(f, direct);
            projection.ApplyDistributionWeighted(direct, f);
            Assert.Equal(direct, qc.ToArray());

            // Invariants recomputed in physical velocities on each species' own grid (SpeciesMoments), relative to the
            // same moments of |Q|: round-off (observed ≤ 2.0e-16 over the three cells; bound 10× that).
            double mass = 0, energy = 0, energyScale = 0;
            Velocity3 momentum = Velocity3.Zero;
            double momentumScale = 0;
            for (int a = 0; a < 2; a++)
            {
                ReadOnlySpan<double> slice = Grids.Slice(qc, a);
                var m = SpeciesMoments.Of(Grids[a], slice, Pair[a].Mass);
                var abs = SpeciesMoments.Of(Grids[a], slice.ToArray().Select(Math.Abs).ToArray(), Pair[a].Mass);
                mass = Math.Max(mass, Math.Abs(m.Density) / abs.Density);
                momentum += m.Momentum;
                momentumScale += abs.MassDensity * Math.Sqrt(2 * abs.Energy / abs.MassDensity);
                energy += m.Energy;
                energyScale += abs.Energy;
            }

            Assert.InRange(mass, 0, 2e-15);
            Assert.InRange(momentum.Length / momentumScale, 0, 2e-15);
            Assert.InRange(Math.Abs(energy) / energyScale, 0, 2e-15);
            Assert.InRange(reports[c].ResidualAfter, 0, 2e-15);
            Assert.True(reports[c].ResidualBefore > reports[c].ResidualAfter, $"reports[c].ResidualBefore > reports[c].ResidualAfter: {(reports[c].ResidualBefore)} vs {(reports[c].ResidualAfter)}");

            // Resolution is measured on each species' own grid: the heavy species (thermal speed ≈ 0.1) has h/σ = 0.93–1.13 here (observed),
            // where on the light box (h = 1) it would be ≈ 10.
            for (int a = 0; a < 2; a++)
            {
                Assert.InRange(species[(c * 2) + a].SpacingRatio, 0.3, 2.0);
            }
        }
    }
}
