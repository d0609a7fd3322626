using System.Globalization;
using Kinetics.Boltzmann;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Mixtures;

namespace Kinetics.Bench.Boltzmann;

/// <summary>
/// `radial-cost N S SECONDS`: the default plan (radial nodes per pair) against the same plan with N/2 nodes for every pair
/// (the default before 2026-12-08), on the mixture and data of `kinetics bench boltzmann` (masses 1, 4, 2, 8 cut to S,
/// hard spheres, L = 7), one thread, alternating rounds in one process timed by thread CPU time (docs/boltzmann.md,
/// "Radial nodes per pair").
/// </summary>
internal static class RadialCostProbe
{
    public static int Run(string[] args)
    {
        int n = int.Parse(args[1], CultureInfo.InvariantCulture), s = int.Parse(args[2], CultureInfo.InvariantCulture);
        double seconds = double.Parse(args[3], CultureInfo.InvariantCulture);
        double[] masses = new[] { 1.0, 4.0, 2.0, 8.0 }[..s];
        var mixture = new Mixture(masses.Select((m, i) => new Species($"s{i}", m)));
        var grid = new CartesianGrid(n, 7.0);
        var table = CollisionKernelTable.Uniform(mixture, CollisionKernel.HardSpheres(1.0));
        var f = new double[s * grid.Count];
        for (int a = 0; a < s; a++)
        {
            var left = new MacroscopicState(0.6, new Velocity3(-0.5, 0, 0), 0.6 * masses[a]);
            var right = new MacroscopicState(0.4, new Velocity3(0.5, 0.2, 0), 0.7 * masses[a]);
            for (int p = 0; p < grid.Count; p++)
            {
                f[(a * grid.Count) + p] = Maxwellian.Evaluate(left, masses[a], grid.Point(p)) + Maxwellian.Evaluate(right, masses[a], grid.Point(p));
            }
        }

        var plans = new[] { BoltzmannOperator.Create(grid, table), BoltzmannOperator.Create(grid, table, new BoltzmannOptions { RadialPoints = Math.Max(8, n / 2) }) };
        var workspaces = plans.Select(p => p.CreateWorkspace()).ToArray();
        var q = new double[f.Length];
        var cases = new List<Action> { () => plans[0].Evaluate(f, q, workspaces[0]), () => plans[1].Evaluate(f, q, workspaces[1]) };
        var (median, min, ratio, rounds) = ThreadCpuTime.Measure(cases, seconds, warmup: 10);
        Console.WriteLine(FormattableString.Invariant(
            $"N = {n}, S = {s}: per pair (FFTs {plans[0].FftsPerEvaluation}) median {median[0]:F1} ms (min {min[0]:F1}); N/2 for every pair (FFTs {plans[1].FftsPerEvaluation}) median {median[1]:F1} ms (min {min[1]:F1}); old/new median per-round ratio {ratio[1]:F3}; {rounds} rounds"));
        return 0;
    }
}
