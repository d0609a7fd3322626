using System.Diagnostics;
using Kinetics.Grids;
using Kinetics.Spectral;

namespace Kinetics.Bench.SpeciesGrids;

/// <summary>
/// `transfer-sets [N]`: CPU time of one radial node's 32 shifted transfers (icosahedral σ, the 1:100 boxes of
/// <see cref="SpeciesGridBoltzmannBenchmarks"/>) stored dense and compressed, in alternating rounds: the check of the
/// operation-count rule of <see cref="ShiftedTransferSet"/> (docs/species-grids.md, "Cost").
/// </summary>
internal static class ShiftedTransferTiming
{
    public static int Run(string[] args)
    {
        int n = args.Length > 1 ? int.Parse(args[1]) : 32;
        foreach (double ratio in new[] { 4.0, 16.0, 100.0, 400.0 })
        {
            var wide = new SpeciesGrid(new CartesianGrid(n, 8 * Math.Sqrt(1.3)));
            var narrow = new SpeciesGrid(new CartesianGrid(n, 8 * Math.Sqrt(0.7 / ratio)));
            var rule = Kinetics.Quadrature.SphereRule.Icosahedral32;
            Velocity3[] shifts = rule.Points.ToArray().Select(s => 0.6 * wide.HalfWidth * s).ToArray();
            var dense = ShiftedTransferSet.Create(wide, narrow, shifts, compress: false);
            var compressed = ShiftedTransferSet.Create(wide, narrow, shifts, compress: true);
            double[] source = Enumerable.Range(0, wide.Count).Select(p => Math.Exp(-wide.Point(p).LengthSquared / 2.6)).ToArray();
            var destination = new double[narrow.Count];
            var scratch = new double[Math.Max(dense.ScratchLength, compressed.ScratchLength)];
            var times = new List<double>[] { new(), new() };
            for (int round = 0; round < 12; round++)
            {
                foreach (var (set, index) in new[] { (dense, 0), (compressed, 1) })
                {
                    TimeSpan before = Process.GetCurrentProcess().TotalProcessorTime;
                    for (int p = 0; p < set.Count; p++)
                    {
                        set.Apply(p, source, destination, scratch);
                    }

                    times[index].Add((Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds);
                }
            }

            double Median(List<double> v) => v.Skip(2).OrderBy(x => x).ElementAt((v.Count - 2) / 2);
            Console.WriteLine($"N = {n}, 1:{ratio}: rank {compressed.Rank}, {dense.ZPasses} z and {dense.YPasses} y passes; 32 transfers dense {Median(times[0]):F2} ms, compressed {Median(times[1]):F2} ms CPU (median of 10 rounds)");
        }

        return 0;
    }
}
