using System.Diagnostics;
using System.Numerics;

namespace Kinetics.Benchmarking;

/// <summary>
/// The timing harness shared by `kinetics bench fft` and the benchmark project's `compare-fft` quick mode (linked into
/// both): reproducible random input and round-robin medians after a warm-up until tier-up (<see cref="SteadyStateTiming"/>).
/// </summary>
internal static class FftTiming
{
    /// <summary>N values with real and imaginary parts uniform in [−½, ½) from a fixed seed.</summary>
    public static Complex[] RandomInput(int count, int seed = 12345)
    {
        var rng = new Random(seed);
        var input = new Complex[count];
        for (int i = 0; i < input.Length; i++)
        {
            input[i] = new Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5);
        }

        return input;
    }

    /// <summary>
    /// Median wall time in ms of each case's run, each call preceded by its untimed prepare. The cases are timed
    /// round-robin (one call of each per repetition, the first case rotating from one repetition to the next), so a busy
    /// period of the machine hits all of them alike, no case always follows the same other one, and the ratios stay
    /// meaningful on a shared machine.
    /// </summary>
    public static double[] Medians(int reps, IReadOnlyList<(Action Prepare, Action Run)> cases)
    {
        // Warm-up until tier-up (SteadyStateTiming: ≥ 30 calls of each case, then a JIT-quiet period), and at least
        // 50 rounds and 0.5 s as before.
        var warm = new Action[cases.Count];
        for (int c = 0; c < cases.Count; c++)
        {
            var (prepare, run) = cases[c];
            warm[c] = () =>
            {
                prepare();
                run();
            };
        }

        SteadyStateTiming.WarmUp(warm, 10.0);
        long warmStart = Stopwatch.GetTimestamp();
        for (int i = 0; i < 50 || Stopwatch.GetElapsedTime(warmStart).TotalMilliseconds < 500; i++)
        {
            foreach (var action in warm)
            {
                action();
            }
        }

        var times = new double[cases.Count][];
        for (int c = 0; c < cases.Count; c++)
        {
            times[c] = new double[reps];
        }

        // The first case of a round rotates with the round: the call after another library's transform runs on a cache
        // that transform left behind, so a fixed order would charge that position to one case every time.
        for (int i = 0; i < reps; i++)
        {
            for (int k = 0; k < cases.Count; k++)
            {
                int c = (i + k) % cases.Count;
                cases[c].Prepare();
                long start = Stopwatch.GetTimestamp();
                cases[c].Run();
                times[c][i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }

        bool fastest = Environment.GetEnvironmentVariable("KINETICS_BENCH_MIN") == "1"; // tuning: least disturbed run
        var result = new double[cases.Count];
        for (int c = 0; c < cases.Count; c++)
        {
            Array.Sort(times[c]);
            result[c] = fastest ? times[c][0] : times[c][reps / 2];
        }

        return result;
    }
}
