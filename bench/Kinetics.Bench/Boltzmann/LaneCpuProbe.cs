using Kinetics.Boltzmann;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Mixtures;

namespace Kinetics.Bench.Boltzmann;

/// <summary>
/// <c>lanes-cpu SECONDS N [S] [LANES] [layout | layout-reverse | cellsC]</c>: where the extra CPU work of a parallel
/// evaluation goes, measurable on a shared machine (CPU time does not count the time a thread waits for a core).
/// Alternating rounds of: the serial evaluation; the evaluation on LANES (default 2) lanes with GainLaneRunner's counters
/// attached (jobs and their CPU time per thread, per-group CPU time, the caller's wait at each phase end in wall and CPU
/// time, its wake-up latency after another thread's last job); the same plan with the caller running every job alone (the
/// cost of the groups themselves — clears, copies, the sum — without a second thread); two independent serial evaluations
/// at once (what two busy cores cost without any scheme); one gain group run by the caller alone. Per case the median over
/// rounds of the process CPU time per evaluation and of its ratio to the serial one in the same round. The settings of
/// <c>kinetics bench boltzmann --n N --species S --threads 2</c>. <c>layout</c> times six identical serial plans (the
/// spread of this method between identical cases), <c>layout-reverse</c> the same in the opposite order, <c>cellsC</c>
/// the batch path (EvaluateCells over C cells on one and on LANES threads). docs/boltzmann.md, "The extra CPU work of two
/// lanes".
/// </summary>
internal static class LaneCpuProbe
{
    public static int Run(string[] args)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        double seconds = double.Parse(args[1], culture);
        int n = int.Parse(args[2], culture), species = args.Length > 3 ? int.Parse(args[3], culture) : 2;
        int lanes = args.Length > 4 ? int.Parse(args[4], culture) : 2;
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

        (BoltzmannOperator Op, BoltzmannWorkspace Workspace, double[] Q) Case(BoltzmannOptions options)
        {
            var op = BoltzmannOperator.Create(grid, table, options);
            return (op, op.CreateWorkspace(), new double[f.Length]);
        }

        if (args.Length > 5 && args[5].StartsWith("layout", StringComparison.Ordinal))
        {
            // Several serial plans and workspaces, created with a few KB of padding allocated in between: their CPU time
            // per evaluation differs only by where the buffers landed.
            var copies = new List<(BoltzmannOperator Op, BoltzmannWorkspace Workspace, double[] Q)>();
            var keep = new List<byte[]>();
            for (int c = 0; c < 6; c++)
            {
                keep.Add(new byte[1 + (c * 1000)]);
                copies.Add(Case(new BoltzmannOptions()));
            }

            // "layout-reverse": the same plans timed in the opposite order within each round (position against creation order).
            if (args[5] == "layout-reverse")
            {
                copies.Reverse();
            }

            var times = ThreadCpuTime.Measure(copies.Select(c => (Action)(() => c.Op.Evaluate(f, c.Q, c.Workspace))).ToArray(), seconds, warmup: 10);
            Console.WriteLine($"N {n}, {species} species, six serial workspaces ({args[5]}), thread CPU ms (median): {string.Join(", ", times.Median.Select(m => m.ToString("F2", culture)))}; " +
                $"ratio to the first: {string.Join(", ", times.RatioToFirst.Select(m => m.ToString("F3", culture)))}; {times.Rounds} rounds");
            GC.KeepAlive(keep);
            return 0;
        }

        if (args.Length > 5 && args[5].StartsWith("cells", StringComparison.Ordinal))
        {
            int cellCount = args[5].Length > 5 ? int.Parse(args[5][5..], culture) : 4;
            return CompareCells(seconds, lanes, cellCount, f, BoltzmannOperator.Create(grid, table));
        }

        var serial = Case(new BoltzmannOptions());
        var other = Case(new BoltzmannOptions());
        var parallel = Case(new BoltzmannOptions { MaxDegreeOfParallelism = lanes });
        var alone = Case(new BoltzmannOptions { MaxDegreeOfParallelism = lanes });
        var oneGroup = Case(new BoltzmannOptions { MaxDegreeOfParallelism = lanes, GainGroups = 1 });
        var counters = new LaneCounters(lanes, ThreadCpuTime.Milliseconds);
        parallel.Workspace.Runner!.Counters = counters;
        alone.Workspace.Runner!.CallerOnly = true;
        oneGroup.Workspace.Runner!.CallerOnly = true;
        var aloneCounters = new LaneCounters(lanes, ThreadCpuTime.Milliseconds);
        alone.Workspace.Runner!.Counters = aloneCounters;
        var perGroup = new List<double[]>();
        var aloneGroupCpu = new List<double[]>();

        // Per round: process CPU of each case, and for the lanes the caller's CPU and the counters.
        string[] names = ["serial", $"{lanes} lanes", $"{lanes} lanes, caller alone", "2 serial at once (per eval)", "one group, caller alone"];
        var cpu = names.Select(_ => new List<double>()).ToArray();
        var ratio = names.Select(_ => new List<double>()).ToArray();
        var caller = new List<double>();
        var serialCaller = new List<double>();
        var jobCpu = new List<double>[lanes, 2];
        var jobs = new List<double>[lanes, 2];
        for (int l = 0; l < lanes; l++)
        {
            for (int k = 0; k < 2; k++)
            {
                (jobCpu[l, k], jobs[l, k]) = (new List<double>(), new List<double>());
            }
        }

        var waitWall = new[] { new List<double>(), new List<double>() };
        var waitCpu = new[] { new List<double>(), new List<double>() };
        var spins = new[] { new List<double>(), new List<double>() };
        var idle = new List<double>();
        var wakeUp = new List<double>();
        var wall = new[] { new List<double>(), new List<double>() };
        void Concurrent() => Parallel.Invoke(
            () => serial.Op.Evaluate(f, serial.Q, serial.Workspace),
            () => other.Op.Evaluate(f, other.Q, other.Workspace));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        int warmup = 20;
        for (int round = 0; round < warmup || watch.Elapsed.TotalSeconds < seconds || cpu[0].Count < 5; round++)
        {
            bool keep = round >= warmup;
            if (round == warmup)
            {
                watch.Restart();
            }

            double[] spent = new double[names.Length];
            double start = ThreadCpuTime.ProcessMilliseconds(), thread = ThreadCpuTime.Milliseconds();
            long time = System.Diagnostics.Stopwatch.GetTimestamp();
            serial.Op.Evaluate(f, serial.Q, serial.Workspace);
            spent[0] = ThreadCpuTime.ProcessMilliseconds() - start;
            double serialThread = ThreadCpuTime.Milliseconds() - thread;

            double serialWall = System.Diagnostics.Stopwatch.GetElapsedTime(time).TotalMilliseconds;
            counters.Clear();
            start = ThreadCpuTime.ProcessMilliseconds();
            thread = ThreadCpuTime.Milliseconds();
            time = System.Diagnostics.Stopwatch.GetTimestamp();
            parallel.Op.Evaluate(f, parallel.Q, parallel.Workspace);
            double lanesWall = System.Diagnostics.Stopwatch.GetElapsedTime(time).TotalMilliseconds;
            spent[1] = ThreadCpuTime.ProcessMilliseconds() - start;
            double callerThread = ThreadCpuTime.Milliseconds() - thread;

            aloneCounters.Clear();
            start = ThreadCpuTime.ProcessMilliseconds();
            alone.Op.Evaluate(f, alone.Q, alone.Workspace);
            spent[2] = ThreadCpuTime.ProcessMilliseconds() - start;

            start = ThreadCpuTime.ProcessMilliseconds();
            Concurrent();
            spent[3] = 0.5 * (ThreadCpuTime.ProcessMilliseconds() - start);

            start = ThreadCpuTime.ProcessMilliseconds();
            oneGroup.Op.Evaluate(f, oneGroup.Q, oneGroup.Workspace);
            spent[4] = ThreadCpuTime.ProcessMilliseconds() - start;
            if (!keep)
            {
                continue;
            }

            for (int c = 0; c < names.Length; c++)
            {
                cpu[c].Add(spent[c]);
                ratio[c].Add(spent[c] / spent[0]);
            }

            serialCaller.Add(serialThread);
            caller.Add(callerThread);
            for (int l = 0; l < lanes; l++)
            {
                for (int k = 0; k < 2; k++)
                {
                    jobCpu[l, k].Add(counters.JobCpuMilliseconds[l, k]);
                    jobs[l, k].Add(counters.Jobs[l, k]);
                }
            }

            for (int k = 0; k < 2; k++)
            {
                waitWall[k].Add(counters.WaitMilliseconds[k]);
                waitCpu[k].Add(counters.WaitCpuMilliseconds[k]);
                spins[k].Add(counters.Spins[k]);
            }

            idle.Add(counters.IdleWorkers);
            wall[0].Add(serialWall);
            wall[1].Add(lanesWall);
            for (int k = 0; k < 2; k++)
            {
                if (counters.Overshoots[k] > 0)
                {
                    wakeUp.Add(counters.OvershootMilliseconds[k] / counters.Overshoots[k]);
                }
            }
            perGroup.Add((double[])counters.GroupCpuMilliseconds.Clone());
            aloneGroupCpu.Add((double[])aloneCounters.GroupCpuMilliseconds.Clone());
        }

        static double Median(List<double> v) => v.Order().ElementAt(v.Count / 2);
        static double Mean(List<double> v) => v.Average();
        Console.WriteLine($"N {n}, {species} species, {lanes} lanes: {cpu[0].Count} rounds; process CPU ms per evaluation (median; median ratio to serial in the same round)");
        for (int c = 0; c < names.Length; c++)
        {
            Console.WriteLine($"  {names[c],-30} {Median(cpu[c]),9:F2} ms  ratio {Median(ratio[c]):F3}  (mean {Mean(cpu[c]):F2})");
        }

        Console.WriteLine($"  serial: caller thread {Median(serialCaller):F2} ms; lanes: caller thread {Median(caller):F2} ms (means {Mean(serialCaller):F2}, {Mean(caller):F2})");
        string[] kinds = ["groups", "output slots"];
        for (int k = 0; k < 2; k++)
        {
            for (int l = 0; l < lanes; l++)
            {
                Console.WriteLine($"  {kinds[k]}, slot {l}: jobs mean {Mean(jobs[l, k]):F2}, job CPU mean {Mean(jobCpu[l, k]):F2} ms (median {Median(jobCpu[l, k]):F2})");
            }

            Console.WriteLine($"  {kinds[k]}: caller wait wall mean {Mean(waitWall[k]):F3} ms (median {Median(waitWall[k]):F3}), wait CPU mean {Mean(waitCpu[k]):F3} ms, spins mean {Mean(spins[k]):F1}");
        }

        double groupCpu = Enumerable.Range(0, lanes).Sum(l => Mean(jobCpu[l, 0])), sumCpu = Enumerable.Range(0, lanes).Sum(l => Mean(jobCpu[l, 1]));
        Console.WriteLine($"  means: all group jobs {groupCpu:F2} ms, all output-slot jobs {sumCpu:F2} ms, waits {Mean(waitCpu[0]) + Mean(waitCpu[1]):F3} ms; " +
            $"process − jobs − caller outside jobs: {Mean(cpu[1]) - groupCpu - sumCpu - (Mean(caller) - Mean(jobCpu[0, 0]) - Mean(jobCpu[0, 1])):F2} ms (other threads' CPU outside jobs); idle work items {Mean(idle):F2}");
        Console.WriteLine($"  wall ms (median): serial {Median(wall[0]):F2}, lanes {Median(wall[1]):F2} (meaningful on an idle machine only); " +
            $"caller's wake-up after another thread's last job of a phase: median {(wakeUp.Count > 0 ? Median(wakeUp) : double.NaN):F3} ms over {wakeUp.Count} waits");
        int groups = Enumerable.Range(0, 64).Count(g => perGroup.Any(r => r[g] > 0));
        foreach (var (label, rows) in new[] { ("per group CPU ms, lanes", perGroup), ("per group CPU ms, caller alone", aloneGroupCpu) })
        {
            var medians = Enumerable.Range(0, groups).Select(g => Median(rows.Select(r => r[g]).ToList())).ToArray();
            Console.WriteLine($"  {label} (medians): {string.Join(", ", medians.Select(m => m.ToString("F2", culture)))}; max/mean {medians.Max() / medians.Average():F3}");
        }

        return 0;
    }

    // The batch path: EvaluateCells over `cellCount` copies of F on one thread and on `lanes` threads, alternating: wall and
    // process CPU time per cell evaluation.
    private static int CompareCells(double seconds, int lanes, int cellCount, double[] f, BoltzmannOperator op)
    {
        var cells = new double[cellCount * f.Length];
        for (int c = 0; c < cellCount; c++)
        {
            f.CopyTo(cells, c * f.Length);
        }

        var q = new double[cells.Length];
        int[] threads = [1, lanes];
        var wall = threads.Select(_ => new List<double>()).ToArray();
        var cpu = threads.Select(_ => new List<double>()).ToArray();
        var ratio = new List<double>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (int round = 0; round < 5 || watch.Elapsed.TotalSeconds < seconds || wall[0].Count < 5; round++)
        {
            if (round == 5)
            {
                watch.Restart();
            }

            for (int c = 0; c < threads.Length; c++)
            {
                double start = ThreadCpuTime.ProcessMilliseconds();
                long time = System.Diagnostics.Stopwatch.GetTimestamp();
                op.EvaluateCells(cells, q, threads[c]);
                double elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(time).TotalMilliseconds, spent = ThreadCpuTime.ProcessMilliseconds() - start;
                if (round >= 5)
                {
                    wall[c].Add(elapsed / cellCount);
                    cpu[c].Add(spent / cellCount);
                }
            }

            if (round >= 5)
            {
                ratio.Add(cpu[1][^1] / cpu[0][^1]);
            }
        }

        static double Median(List<double> v) => v.Order().ElementAt(v.Count / 2);
        Console.WriteLine($"EvaluateCells, {cellCount} cells, {wall[0].Count} rounds, per cell (medians): 1 thread wall {Median(wall[0]):F2} ms, CPU {Median(cpu[0]):F2} ms; " +
            $"{lanes} threads wall {Median(wall[1]):F2} ms, CPU {Median(cpu[1]):F2} ms; CPU ratio {Median(ratio):F3} (median of per-round ratios); wall speed-up {Median(wall[0]) / Median(wall[1]):F2}");
        return 0;
    }
}
