using System.Globalization;
using System.Diagnostics;
using FsCheck;
using Microsoft.FSharp.Core;

namespace Kinetics.Tests;

/// <summary>
/// Runs FsCheck properties reproducibly: every property test of both test projects goes through <see cref="Run"/>
/// (this file is compiled into Kinetics.Collisions.Tests too, as a link).
/// </summary>
/// <remarks>
/// The environment variable <c>KINETICS_PROPERTY_SEED</c> chooses the random stream (docs/verification.md,
/// "Random inputs: fixed seeds in CI, random seeds on demand"):
/// <list type="bullet">
/// <item>unset or empty: the fixed <see cref="DefaultSeed"/>, so the default test run (CI) draws the same cases
/// every time and never fails by chance;</item>
/// <item><c>random</c>: a fresh seed per property check, named in the failure message with the command that replays
/// it;</item>
/// <item>a decimal unsigned 64-bit number: that seed (replays a reported failure).</item>
/// </list>
/// <c>KINETICS_PROPERTY_REPEAT=k</c> (with <c>random</c>) checks each property with k fresh seeds in one process,
/// collecting every failing seed: this is how the flakiness audit of docs/verification.md was run.
/// A seed is FsCheck's <see cref="Rnd"/> seed with its default ("golden") gamma.
/// </remarks>
internal static class PropertyCheck
{
    /// <summary>The environment variable that selects the seed.</summary>
    public const string SeedVariable = "KINETICS_PROPERTY_SEED";

    /// <summary>The environment variable that repeats each property with fresh seeds (audit runs).</summary>
    public const string RepeatVariable = "KINETICS_PROPERTY_REPEAT";

    /// <summary>The environment variable naming a file to which each check appends "test, cases, runs, failures, seeds".</summary>
    public const string LogVariable = "KINETICS_PROPERTY_LOG";

    private static readonly Lock LogLock = new();

    /// <summary>The seed of the default (CI) run. Any fixed value would do; this one is the date the policy began.</summary>
    public const ulong DefaultSeed = 20261121;

    /// <summary>
    /// Checks <paramref name="property"/> on <paramref name="maxTest"/> generated cases with the seed chosen by
    /// <c>KINETICS_PROPERTY_SEED</c>, throwing on failure with the seed and how to replay it.
    /// </summary>
    public static void Run(int maxTest, Property property)
    {
        string? setting = Environment.GetEnvironmentVariable(SeedVariable);
        bool random = string.Equals(setting, "random", StringComparison.OrdinalIgnoreCase);
        int repeat = random && int.TryParse(Environment.GetEnvironmentVariable(RepeatVariable), CultureInfo.InvariantCulture, out int k) && k > 1 ? k : 1;
        var failures = new List<(ulong Seed, Exception Error)>();
        for (int run = 0; run < repeat; run++)
        {
            ulong seed = random ? unchecked((ulong)Random.Shared.NextInt64()) : ParseSeed(setting);
            var config = Config.QuickThrowOnFailure
                .WithMaxTest(maxTest)
                .WithQuietOnSuccess(true)
                .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed), FSharpOption<int>.None)));
            try
            {
                Check.One(config, property);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                failures.Add((seed, error));
            }
        }

        string seeds = string.Join(", ", failures.Select(f => f.Seed.ToString(CultureInfo.InvariantCulture)));
        string? log = Environment.GetEnvironmentVariable(LogVariable);
        if (!string.IsNullOrEmpty(log))
        {
            lock (LogLock)
            {
                File.AppendAllText(log, $"{TestName()}\t{maxTest}\t{repeat}\t{failures.Count}\t{seeds}\n");
            }
        }

        if (failures.Count > 0)
        {
            string caller = TestName();
            throw new Xunit.Sdk.XunitException(
                $"Property in {caller} failed for {failures.Count} of {repeat} seed(s) with {SeedVariable}: {seeds}. " +
                $"Replay the first with `{SeedVariable}={failures[0].Seed.ToString(CultureInfo.InvariantCulture)} dotnet test -c Release --filter \"FullyQualifiedName~{caller}\"`.{Environment.NewLine}" +
                failures[0].Error.Message,
                failures[0].Error);
        }
    }

    // The xunit test (a method marked [Fact], [Theory] or [LongFact]) on the stack, as Class.Method for --filter.
    private static string TestName()
    {
        var test = new StackTrace().GetFrames()
            .Select(frame => frame.GetMethod())
            .FirstOrDefault(method => method is not null && method.IsDefined(typeof(FactAttribute), inherit: true));
        return test is null ? "(unknown test)" : $"{test.DeclaringType?.Name}.{test.Name}";
    }

    private static ulong ParseSeed(string? setting) =>
        string.IsNullOrEmpty(setting) ? DefaultSeed
        : ulong.TryParse(setting, NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed) ? seed
        : throw new InvalidOperationException($"{SeedVariable} must be empty, 'random' or an unsigned 64-bit decimal seed (was '{setting}').");
}
