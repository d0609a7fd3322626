using Kinetics.Boltzmann;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Mixtures;

namespace Kinetics.Bench.Boltzmann;

/// <summary>
/// <c>lanes SECONDS N [S]</c>: one evaluation on two lanes with the default gain groups, serially, on two lanes with one
/// fixed group per lane (the scheme before the groups), and two independent serial evaluations run at the same time on
/// two threads (what two cores give without any reduction or imbalance), in alternating rounds. The settings of
/// <c>kinetics bench boltzmann --n N --species S --threads 2</c> (docs/boltzmann.md, "Two lanes").
/// </summary>
internal static class LaneProbe
{
    public static int Run(string[] args)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        double seconds = double.Parse(args[1], culture);
        int n = int.Parse(args[2], culture), species = args.Length > 3 ? int.Parse(args[3], culture) : 2;
        double[] masses = new[] { 1.0, 4.0, 2.0, 8.0 }[..species];
        var mixture = new Mixture(masses.Select((m, i) => new Species($"s{i}", m)));
        var grid = new CartesianGrid(n, 7.0);
        var table = CollisionKernelTable.Uniform(mixture, CollisionKernel.HardSpheres(1.0));
        var f = new double[species * grid.Count];
        for (int a = 0; a < species; a++)
        {
            var left = new MacroscopicState(0.6, new Velocity3(-0.5, 0, 0), 0.6 * masses[a]);
            var right = new MacroscopicState(0.4, new Velocity3(0.5, 0.2, 0), 0.7 * masses[a]);
            for (int p = 0; p < grid.Count; p++)
            {
                f[(a * grid.Count) + p] = Maxwellian.Evaluate(left, masses[a], grid.Point(p)) + Maxwellian.Evaluate(right, masses[a], grid.Point(p));
            }
        }

        Action Case(BoltzmannOptions options)
        {
            var op = BoltzmannOperator.Create(grid, table, options);
            var workspace = op.CreateWorkspace();
            var q = new double[f.Length];
            return () => op.Evaluate(f, q, workspace);
        }

        var grouped = Case(new BoltzmannOptions { MaxDegreeOfParallelism = 2 });
        var serial = Case(new BoltzmannOptions());
        var fixedLanes = Case(new BoltzmannOptions { MaxDegreeOfParallelism = 2, GainGroups = 2 });
        var other = Case(new BoltzmannOptions());
        void Concurrent() => Parallel.Invoke(serial, other);
        var result = Benchmarking.SteadyStateTiming.Measure([grouped, serial, fixedLanes, Concurrent], seconds);
        var r = result.RatiosToFirst;
        Console.WriteLine(
            $"N {n}, {species} species: serial {result.Cases[1].MedianMs:F1} ms; two lanes, groups {result.Cases[0].MedianMs:F1} ms " +
            $"(speed-up {r[1]:F2}), one group per lane {result.Cases[2].MedianMs:F1} ms (speed-up {r[1] / r[2]:F2}); two serial " +
            $"evaluations at once {result.Cases[3].MedianMs:F1} ms (throughput {2 * r[1] / r[3]:F2}× one); {result.TimedRounds} rounds, tiered up {result.TieredUp}");
        return 0;
    }
}
