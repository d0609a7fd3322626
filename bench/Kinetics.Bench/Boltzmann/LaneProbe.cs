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
        // A fifth argument replaces "one group per lane" by that many gain groups (the comparison of group counts).
        int otherGroups = args.Length > 4 && args[4] is not ("cpu" or "floor") ? int.Parse(args[4], culture) : 2;
        var fixedLanes = Case(new BoltzmannOptions { MaxDegreeOfParallelism = 2, GainGroups = otherGroups });
        var other = Case(new BoltzmannOptions());
        void Concurrent() => Parallel.Invoke(serial, other);
        if (args.Length > 4 && args[4] == "floor")
        {
            // The order of `kinetics bench boltzmann --threads 2` (lanes, the FFT floor, serial) with a second serial plan
            // timed right after the lanes: does the floor case change the serial time that follows it?
            var op = BoltzmannOperator.Create(grid, table);
            var fft = op.Plan;
            var fftWorkspace = fft.CreateWorkspace();
            var spectrum = new System.Numerics.Complex[fft.HalfSpectrumCount];
            var real = f.AsSpan(0, grid.Count).ToArray();
            int transforms = op.FftsPerEvaluation;
            void Floor()
            {
                for (int t = 0; t + 1 < transforms; t += 2)
                {
                    fft.ForwardReal(real, spectrum, fftWorkspace);
                    fft.InverseRealOverwritingInput(spectrum, real, fftWorkspace);
                }
            }

            var timing = Benchmarking.SteadyStateTiming.Measure([grouped, other, Floor, serial], seconds);
            var q = timing.RatiosToFirst;
            Console.WriteLine(
                $"N {n}, {species} species: lanes {timing.Cases[0].MedianMs:F1} ms; serial right after the lanes {timing.Cases[1].MedianMs:F1} ms (speed-up {q[1]:F2}); " +
                $"serial right after the FFT floor {timing.Cases[3].MedianMs:F1} ms (speed-up {q[3]:F2}); {timing.TimedRounds} rounds");
            return 0;
        }

        if (args.Length > 4 && args[4] == "cpu")
        {
            // Process CPU time per evaluation (both threads, and the caller's spinning while it waits): the work a parallel
            // evaluation adds over the serial one, which bounds its speed-up on an idle machine.
            var process = System.Diagnostics.Process.GetCurrentProcess();
            Action[] timed = [serial, grouped, fixedLanes];
            var cpu = timed.Select(_ => new List<double>()).ToArray();
            for (int round = 0; round < 60 + 30; round++)
            {
                for (int c = 0; c < timed.Length; c++)
                {
                    process.Refresh();
                    var start = process.TotalProcessorTime;
                    timed[c]();
                    process.Refresh();
                    if (round >= 30)
                    {
                        cpu[c].Add((process.TotalProcessorTime - start).TotalMilliseconds);
                    }
                }
            }

            static double Median(List<double> v) => v.Order().ElementAt(v.Count / 2);
            Console.WriteLine(
                $"N {n}, {species} species, process CPU ms per evaluation (median of 60): serial {Median(cpu[0]):F1}, two lanes with groups " +
                $"{Median(cpu[1]):F1} ({Median(cpu[1]) / Median(cpu[0]):F3}×), one group per lane {Median(cpu[2]):F1} ({Median(cpu[2]) / Median(cpu[0]):F3}×)");
            return 0;
        }

        var result = Benchmarking.SteadyStateTiming.Measure([grouped, serial, fixedLanes, Concurrent], seconds);
        var r = result.RatiosToFirst;
        Console.WriteLine(
            $"N {n}, {species} species: serial {result.Cases[1].MedianMs:F1} ms; two lanes, groups {result.Cases[0].MedianMs:F1} ms " +
            $"(speed-up {r[1]:F2}), {otherGroups} groups {result.Cases[2].MedianMs:F1} ms (speed-up {r[1] / r[2]:F2}); two serial " +
            $"evaluations at once {result.Cases[3].MedianMs:F1} ms (throughput {2 * r[1] / r[3]:F2}× one); {result.TimedRounds} rounds, tiered up {result.TieredUp}");
        return 0;
    }
}
