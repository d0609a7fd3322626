using FsCheck;
using FsCheck.Fluent;
using Kinetics.Conservation;
using Kinetics.Grids;

namespace Kinetics.Tests.Conservation;

public class ConservativeProjectionTests
{
    private static readonly CartesianGrid Grid = new(12, 6.0);

    private static double[] RandomCollision(int seed, int species, CartesianGrid grid)
    {
        var random = new Random(seed);
        var q = new double[species * grid.Count];
        for (int a = 0; a < species; a++)
        {
            for (int p = 0; p < grid.Count; p++)
            {
                var v = grid.Point(p);
                q[(a * grid.Count) + p] = (random.NextDouble() - 0.5) * Math.Exp(-0.3 * v.LengthSquared);
            }
        }

        return q;
    }

    [Fact]
    public void Apply_ConservesMassMomentumAndEnergyToRoundOff()
    {
        var prop = Prop.ForAll(
            Gen.Choose(0, 1_000_000).ToArbitrary(),
            Gen.Choose(1, 3).ToArbitrary(),
            (seed, species) =>
            {
                var random = new Random(seed);
                double[] masses = Enumerable.Range(0, species).Select(_ => 0.25 + (4 * random.NextDouble())).ToArray();
                var projection = ConservativeProjection.Create(Grid, masses);
                double[] q = RandomCollision(seed, species, Grid);
                double before = IndependentMoments.RelativeDefect(Grid, masses, q);
                projection.Apply(q);

                // Random data violate conservation visibly; afterwards only round-off may remain, both recomputed here by
                // direct sums.
                return before > 1e-6 && IndependentMoments.RelativeDefect(Grid, masses, q) < 1e-13;
            });
        PropertyCheck.Run(25, prop);
    }

    [Fact]
    public void Apply_IsIdempotentAndLeavesConservativeDataUnchanged()
    {
        var projection = ConservativeProjection.Create(Grid, [1.0, 4.0]);
        double[] q = RandomCollision(7, 2, Grid);
        projection.Apply(q);
        double[] again = (double[])q.Clone();
        var report = projection.Apply(again);

        // Second projection sees only round-off defects, so its correction is at round-off relative to Q.
        Assert.True(report.RelativeCorrection < 1e-13, $"relative correction {report.RelativeCorrection}");
        for (int p = 0; p < q.Length; p++)
        {
            Assert.Equal(q[p], again[p], 1e-14);
        }
    }

    [Fact]
    public void Apply_IsTheSmallestCorrection()
    {
        // Any other conservative Q' differs from Q by at least the projection's correction: compare against
        // Q̃ + t·η for random conservative perturbations η (projected noise) — ‖Q − (Q̃ + tη)‖ ≥ ‖Q − Q̃‖.
        var projection = ConservativeProjection.Create(Grid, [1.0, 2.0]);
        double[] q = RandomCollision(11, 2, Grid);
        double[] projected = (double[])q.Clone();
        double best = projection.Apply(projected).CorrectionNorm;
        double[] eta = RandomCollision(12, 2, Grid);
        projection.Apply(eta);
        foreach (double t in new[] { -1e-2, -1e-4, 1e-4, 1e-2 })
        {
            double sum = 0;
            for (int p = 0; p < q.Length; p++)
            {
                double d = q[p] - (projected[p] + (t * eta[p]));
                sum += d * d;
            }

            Assert.True(Math.Sqrt(sum * Grid.CellVolume) >= best * (1 - 1e-12), $"Math.Sqrt(sum * Grid.CellVolume) >= best * (1 - 1e-12): {(Math.Sqrt(sum * Grid.CellVolume))} vs {(best * (1 - 1e-12))}");
        }
    }

    [Fact]
    public void Apply_WithDistributionWeight_CorrectionVanishesWhereWeightVanishes()
    {
        var projection = ConservativeProjection.Create(Grid, [1.0]);
        double[] q = RandomCollision(3, 1, Grid);
        double[] w = new double[Grid.Count];
        for (int p = 0; p < Grid.Count; p++)
        {
            w[p] = Grid.Point(p).Length < 3 ? 1.0 : 0.0;
        }

        double[] original = (double[])q.Clone();
        projection.Apply(q, w);
        double after = IndependentMoments.RelativeDefect(Grid, [1.0], q);
        Assert.True(after < 1e-13, $"invariant defect after the weighted projection {after:E2} (recomputed by direct sums)");
        for (int p = 0; p < Grid.Count; p++)
        {
            if (w[p] == 0)
            {
                Assert.Equal(original[p], q[p]);
            }
        }
    }

    [Fact]
    public void Create_RejectsInvalidMasses()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ConservativeProjection.Create(Grid, [1.0, -2.0]));
        Assert.Contains("masses", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => ConservativeProjection.Create(Grid, []));
    }

    [Fact]
    public void Apply_RejectsWrongLengthAndNonFiniteInput()
    {
        var projection = ConservativeProjection.Create(Grid, [1.0]);
        Assert.Throws<ArgumentException>(() => projection.Apply(new double[10]));
        double[] q = new double[Grid.Count];
        q[5] = double.NaN;
        var error = Assert.Throws<ArgumentException>(() => projection.Apply(q));
        Assert.Contains("collision", error.Message, StringComparison.Ordinal);
    }
}
