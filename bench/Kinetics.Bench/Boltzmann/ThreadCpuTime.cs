using System.Runtime.InteropServices;

namespace Kinetics.Bench.Boltzmann;

/// <summary>
/// CPU time of the calling thread (Linux clock_gettime(CLOCK_THREAD_CPUTIME_ID)): on a machine shared with other
/// processes a single-threaded case's CPU time does not count the time it waited for a core, so ratios between cases
/// measured this way are steadier than wall-clock ratios (they still see the other processes' cache pollution).
/// </summary>
internal static partial class ThreadCpuTime
{
    private const int ClockThreadCpuTimeId = 3;
    private const int ClockProcessCpuTimeId = 2;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>Milliseconds of CPU time the calling thread has used.</summary>
    public static double Milliseconds()
    {
        if (ClockGetTime(ClockThreadCpuTimeId, out var time) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed.");
        }

        return (time.Seconds * 1e3) + (time.Nanoseconds * 1e-6);
    }

    /// <summary>Milliseconds of CPU time all threads of the process have used (CLOCK_PROCESS_CPUTIME_ID).</summary>
    public static double ProcessMilliseconds()
    {
        if (ClockGetTime(ClockProcessCpuTimeId, out var time) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_PROCESS_CPUTIME_ID) failed.");
        }

        return (time.Seconds * 1e3) + (time.Nanoseconds * 1e-6);
    }

    /// <summary>
    /// Alternating rounds of <paramref name="cases"/> (each called once per round, after <paramref name="warmup"/> warm-up
    /// rounds) for <paramref name="seconds"/> of wall time: per case the median and minimum CPU milliseconds, and per case
    /// the median over rounds of its CPU time over case 0's.
    /// </summary>
    public static (double[] Median, double[] Min, double[] RatioToFirst, int Rounds) Measure(IReadOnlyList<Action> cases, double seconds, int warmup = 40)
    {
        for (int round = 0; round < warmup; round++)
        {
            foreach (var action in cases)
            {
                action();
            }
        }

        var times = cases.Select(_ => new List<double>()).ToArray();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < seconds || times[0].Count < 5)
        {
            for (int c = 0; c < cases.Count; c++)
            {
                double start = Milliseconds();
                cases[c]();
                times[c].Add(Milliseconds() - start);
            }
        }

        static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]);
        }

        return (
            times.Select(Median).ToArray(),
            times.Select(t => t.Min()).ToArray(),
            times.Select(t => Median(t.Select((v, i) => v / times[0][i]))).ToArray(),
            times[0].Count);
    }
}
