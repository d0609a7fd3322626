using System.Diagnostics;
using System.Runtime;

namespace Kinetics.Benchmarking;

/// <summary>
/// The steady-state timing harness shared by the timing commands (`kinetics bench boltzmann`, `kinetics verify bkw`,
/// `kinetics bench fft` through <see cref="FftTiming"/>) and linked into the benchmark project: a warm-up that lasts until
/// the JIT has tiered up, then timed rounds in which the cases alternate, reported as minimum and median per case and as
/// the median of the per-round ratios to the first case.
/// </summary>
/// <remarks>
/// Tier-up: .NET compiles a method first at tier 0, counts 30 calls, and after a 100 ms quiet period recompiles it at
/// tier 1 in the background (methods with hot loops are patched earlier by on-stack replacement). The warm-up therefore
/// runs rounds until every case has been called at least <see cref="TierUpCalls"/> times (or the warm-up budget is spent)
/// and, after that, no new method has been compiled (<see cref="JitInfo.GetCompiledMethodCount"/>, all threads) for at least
/// <see cref="QuietSeconds"/>; <see cref="Result.TieredUp"/> tells whether that state was reached within the budget.
/// Alternating rounds make a busy spell of a shared machine hit every case alike, so the ratios stay meaningful when the
/// absolute times do not.
/// </remarks>
internal static class SteadyStateTiming
{
    /// <summary>Calls after which the runtime promotes a method to tier 1 (the runtime's call-count threshold).</summary>
    public const int TierUpCalls = 30;

    /// <summary>Seconds without a newly compiled method that count as "tiered up" (3× the runtime's 100 ms delay).</summary>
    public const double QuietSeconds = 0.3;

    /// <summary>Minimum and median wall time (ms) of one case over the timed rounds.</summary>
    /// <param name="MinMs">The fastest call (the least disturbed one on a shared machine).</param>
    /// <param name="MedianMs">The median call.</param>
    public readonly record struct Figure(double MinMs, double MedianMs);

    /// <summary>The outcome of <see cref="Measure"/>.</summary>
    /// <param name="Cases">Per case, min and median (ms).</param>
    /// <param name="RatiosToFirst">Per case, the median over rounds of (time of the case) / (time of case 0) in the same round.</param>
    /// <param name="WarmupRounds">Rounds run before timing (each calls every case once).</param>
    /// <param name="TimedRounds">Rounds timed.</param>
    /// <param name="TieredUp">True when the warm-up ended with the JIT quiet (false: the budget ran out first).</param>
    public sealed record Result(Figure[] Cases, double[] RatiosToFirst, int WarmupRounds, int TimedRounds, bool TieredUp);

    /// <summary>
    /// Warms up (see the remarks of <see cref="SteadyStateTiming"/>), then times rounds of the cases, one call of each per
    /// round in order, for about <paramref name="seconds"/> (at least <paramref name="minRounds"/> rounds, at most
    /// <paramref name="maxRounds"/>).
    /// </summary>
    /// <param name="cases">The actions to time (non-empty).</param>
    /// <param name="seconds">Target duration of the timed phase.</param>
    /// <param name="minRounds">Fewest timed rounds (≥ 1).</param>
    /// <param name="maxRounds">Most timed rounds.</param>
    /// <param name="warmupBudgetSeconds">Most seconds spent warming up.</param>
    public static Result Measure(IReadOnlyList<Action> cases, double seconds, int minRounds = 5, int maxRounds = 2001, double warmupBudgetSeconds = 20.0)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentOutOfRangeException.ThrowIfZero(cases.Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(minRounds, 1);
        maxRounds = Math.Max(maxRounds, minRounds);

        var (warmupRounds, tieredUp) = WarmUp(cases, warmupBudgetSeconds);

        // Timed rounds, buffers allocated up front so the harness allocates nothing while timing.
        var times = new double[cases.Count][];
        var ratios = new double[cases.Count][];
        for (int c = 0; c < cases.Count; c++)
        {
            times[c] = new double[maxRounds];
            ratios[c] = new double[maxRounds];
        }

        int rounds = 0;
        long start = Stopwatch.GetTimestamp();
        while (rounds < minRounds || (rounds < maxRounds && Stopwatch.GetElapsedTime(start).TotalSeconds < seconds))
        {
            for (int c = 0; c < cases.Count; c++)
            {
                long t = Stopwatch.GetTimestamp();
                cases[c]();
                times[c][rounds] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            }

            for (int c = 0; c < cases.Count; c++)
            {
                ratios[c][rounds] = times[c][rounds] / times[0][rounds];
            }

            rounds++;
        }

        var figures = new Figure[cases.Count];
        var medianRatios = new double[cases.Count];
        for (int c = 0; c < cases.Count; c++)
        {
            Span<double> own = times[c].AsSpan(0, rounds);
            own.Sort();
            figures[c] = new Figure(own[0], Median(own));
            Span<double> r = ratios[c].AsSpan(0, rounds);
            r.Sort();
            medianRatios[c] = Median(r);
        }

        return new Result(figures, medianRatios, warmupRounds, rounds, tieredUp);
    }

    /// <summary>
    /// Runs rounds of the cases until each has been called <see cref="TierUpCalls"/> times (or <paramref name="budgetSeconds"/>
    /// has passed) and then no method has been compiled for <see cref="QuietSeconds"/>; stops at the budget in any case.
    /// </summary>
    /// <param name="cases">The actions.</param>
    /// <param name="budgetSeconds">Most seconds to spend.</param>
    /// <returns>The rounds run and whether the JIT was quiet at the end.</returns>
    public static (int Rounds, bool TieredUp) WarmUp(IReadOnlyList<Action> cases, double budgetSeconds)
    {
        ArgumentNullException.ThrowIfNull(cases);
        long start = Stopwatch.GetTimestamp();
        long compiled = JitInfo.GetCompiledMethodCount(currentThread: false);
        long lastChange = start;
        int rounds = 0;
        while (true)
        {
            foreach (var action in cases)
            {
                action();
            }

            rounds++;
            long now = Stopwatch.GetTimestamp();
            long count = JitInfo.GetCompiledMethodCount(currentThread: false);
            if (count != compiled)
            {
                compiled = count;
                lastChange = now;
            }

            double elapsed = Stopwatch.GetElapsedTime(start, now).TotalSeconds;
            bool called = rounds >= TierUpCalls || elapsed >= budgetSeconds / 2;
            bool quiet = rounds >= 2 && Stopwatch.GetElapsedTime(lastChange, now).TotalSeconds >= QuietSeconds;
            if (called && quiet)
            {
                return (rounds, true);
            }

            if (elapsed >= budgetSeconds)
            {
                return (rounds, false);
            }

            if (called && rounds >= 2)
            {
                // The last calls are done; give background tier-1 compilation its quiet period without burning a core.
                Thread.Sleep(TimeSpan.FromSeconds(QuietSeconds / 3));
            }
        }
    }

    private static double Median(ReadOnlySpan<double> sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]);
}
