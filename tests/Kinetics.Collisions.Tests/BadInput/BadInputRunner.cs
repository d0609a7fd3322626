using System.Collections.Concurrent;
using FsCheck;
using FsCheck.Fluent;

namespace Kinetics.Tests.BadInput;

/// <summary>What a probe must do.</summary>
internal enum Expect
{
    /// <summary>Throw an <see cref="ArgumentException"/> (or subclass) whose ParamName is the probe's parameter.</summary>
    ArgumentError,

    /// <summary>Throw an <see cref="InvalidOperationException"/> or <see cref="InsufficientMemoryException"/> with a message (budgets, concurrent use, memory).</summary>
    StateError,

    /// <summary>Return without NaN (a valid extreme); +∞ is allowed only where the probe says it is documented.</summary>
    Finite,

    /// <summary>Return without NaN or ±∞, or throw a clear state error (valid but extreme input, e.g. a huge step).</summary>
    FiniteOrStateError,
}

/// <summary>One call: its inputs (hashed before and after: nothing may be mutated) and the call itself.</summary>
internal sealed record Case(string Description, double[][] Inputs, Func<double[]> Call)
{
    public override string ToString() => Description;
}

/// <summary>A public entry point, the parameter under attack and a generator of calls.</summary>
internal sealed record Probe(string EntryPoint, string Parameter, Gen<Case> Cases, Expect Expect = Expect.ArgumentError, bool InfinityAllowed = false);

/// <summary>The tally of a sweep (docs/verification.md records it).</summary>
internal sealed class Tally
{
    public int Probes;
    public int Calls;
    public int ClearErrors;
    public int Accepted;
    public int Unclear;
    public int SilentNaN;
    public int Hangs;
    public int Mutations;
    public ConcurrentBag<string> Failures { get; } = [];

    public override string ToString() =>
        $"{Probes} probes, {Calls} calls: {ClearErrors} clear errors, {Accepted} valid extremes accepted without NaN, " +
        $"{Unclear} unclear, {SilentNaN} silent NaN/garbage, {Hangs} hangs, {Mutations} mutated inputs";
}

/// <summary>Runs probes under FsCheck (seeded by <see cref="PropertyCheck"/>) with a timeout per call.</summary>
internal static class BadInputRunner
{
    /// <summary>A call that takes longer than this is a hang (the slowest valid probe takes ~0.1 s).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Runs every probe (<paramref name="cases"/> calls for argument errors, one for state errors and valid extremes),
    /// writes the tally and every failure to <paramref name="log"/>, and fails unless every call behaved.
    /// </summary>
    public static Tally Sweep(IEnumerable<Probe> probes, int cases, Action<string> log)
    {
        var tally = new Tally();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var probe in probes)
        {
            try
            {
                Run(probe, probe.Expect is Expect.ArgumentError or Expect.FiniteOrStateError ? cases : 1, tally);
            }
            catch (Xunit.Sdk.XunitException)
            {
                // Recorded in tally.Failures; keep sweeping so the report lists every failing probe.
            }
        }

        log($"{tally} in {watch.Elapsed.TotalSeconds:F1} s");
        foreach (string failure in tally.Failures)
        {
            log(failure);
        }

        Assert.True(tally.Failures.IsEmpty, $"{tally}{Environment.NewLine}{string.Join(Environment.NewLine, tally.Failures)}");
        Assert.Equal(0, tally.SilentNaN + tally.Hangs + tally.Unclear + tally.Mutations);
        return tally;
    }

    public static void Run(Probe probe, int cases, Tally tally)
    {
        Interlocked.Increment(ref tally.Probes);
        PropertyCheck.Run(cases, Prop.ForAll(probe.Cases.ToArbitrary(), c => Classify(probe, c, tally)));
    }

    private static void Classify(Probe probe, Case c, Tally tally)
    {
        Interlocked.Increment(ref tally.Calls);
        long[] before = c.Inputs.Select(Hash).ToArray();
        Exception? error = null;
        double[]? result = null;
        var task = Task.Run(() => result = c.Call());
        bool finished;
        try
        {
            finished = task.Wait(Timeout);
        }
        catch (AggregateException ex)
        {
            finished = true;
            error = ex.InnerException;
        }

        string where = $"{probe.EntryPoint} [{probe.Parameter}] on {c.Description}";
        if (!finished)
        {
            Interlocked.Increment(ref tally.Hangs);
            Fail(tally, $"hang: {where} ran longer than {Timeout.TotalSeconds} s");
            return;
        }

        if (!c.Inputs.Select(Hash).SequenceEqual(before))
        {
            Interlocked.Increment(ref tally.Mutations);
            Fail(tally, $"mutated input: {where}");
        }

        switch (probe.Expect)
        {
            case Expect.ArgumentError when error is ArgumentException arg && arg.ParamName == probe.Parameter && arg.Message.Length > 0:
            case Expect.StateError or Expect.FiniteOrStateError when error is InvalidOperationException or InsufficientMemoryException && error.Message.Length > 0:
                Interlocked.Increment(ref tally.ClearErrors);
                return;
            case Expect.Finite or Expect.FiniteOrStateError when error is null && result is not null && result.All(x => !double.IsNaN(x) && (probe.InfinityAllowed || double.IsFinite(x))):
                Interlocked.Increment(ref tally.Accepted);
                return;
            case Expect.Finite or Expect.FiniteOrStateError when error is null:
            case Expect.ArgumentError or Expect.StateError when error is null:
                Interlocked.Increment(ref tally.SilentNaN);
                Fail(tally, $"silent result: {where} returned [{string.Join(", ", (result ?? []).Take(4))}…] without an error");
                return;
            default:
                Interlocked.Increment(ref tally.Unclear);
                Fail(tally, $"unclear: {where} threw {error?.GetType().Name} (ParamName {(error as ArgumentException)?.ParamName ?? "-"}): {error?.Message}");
                return;
        }
    }

    private static void Fail(Tally tally, string message)
    {
        tally.Failures.Add(message);
        throw new Xunit.Sdk.XunitException(message);
    }

    // Bitwise hash of an input array (NaN payloads and signed zeros included).
    private static long Hash(double[] values)
    {
        var hash = new HashCode();
        foreach (double x in values)
        {
            hash.Add(BitConverter.DoubleToInt64Bits(x));
        }

        return hash.ToHashCode() ^ ((long)values.Length << 32);
    }
}
