using System.Diagnostics;

namespace Kinetics.Bench.SpeciesGrids;

/// <summary>
/// `species-grids [N …]`: the cases of <see cref="SpeciesGridBoltzmannBenchmarks"/> in alternating rounds (shared 1:1,
/// then every mass ratio, per round), timed in CPU time of the process so that a loaded shared machine distorts the
/// ratios less than wall time; prints per case the median CPU ms and the median (min–max) over rounds of the ratio to the
/// shared 1:1 evaluation of the same round.
/// </summary>
internal static class SpeciesGridCostComparison
{
    private static readonly double[] Ratios = [1, 4, 16, 100, 400];

    public static int Run(string[] args)
    {
        int[] sizes = args.Skip(1).Select(int.Parse).DefaultIfEmpty(32).ToArray();
        const int rounds = 7;
        foreach (int n in sizes)
        {
            var cases = Ratios.Select(r => new SpeciesGridBoltzmannBenchmarks { N = n, Ratio = r }).ToArray();
            foreach (var c in cases)
            {
                c.Setup();
            }

            for (int w = 0; w < 3; w++)
            {
                cases[0].SharedEqualMass();
                foreach (var c in cases)
                {
                    c.PerSpecies();
                }
            }

            var shared = new List<double>();
            var times = Ratios.Select(_ => new List<double>()).ToArray();
            var ratios = Ratios.Select(_ => new List<double>()).ToArray();
            for (int round = 0; round < rounds; round++)
            {
                double baseline = Cpu(cases[0].SharedEqualMass);
                shared.Add(baseline);
                for (int i = 0; i < cases.Length; i++)
                {
                    double t = Cpu(cases[i].PerSpecies);
                    times[i].Add(t);
                    ratios[i].Add(t / baseline);
                }
            }

            Console.WriteLine($"N = {n}: shared 1:1 {Median(shared):F1} ms CPU (median of {rounds} alternating rounds)");
            for (int i = 0; i < cases.Length; i++)
            {
                Console.WriteLine($"  1:{Ratios[i]}: {Median(times[i]):F1} ms CPU, ratio {Median(ratios[i]):F2} ({ratios[i].Min():F2}–{ratios[i].Max():F2})");
            }
        }

        return 0;
    }

    private static double Cpu(Action action)
    {
        TimeSpan before = Process.GetCurrentProcess().TotalProcessorTime;
        action();
        return (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted[sorted.Length / 2];
    }
}
