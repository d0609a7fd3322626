using System.Text.Json;

namespace Kinetics.Cli.Tests;

/// <summary>
/// The error contract of every command (docs: README "Command-line contract"): invalid input is rejected before any
/// computation with a non-zero exit code, no stack trace, and under --json exactly one JSON object with an "error" field
/// on standard output.
/// </summary>
public class CommandContractTests
{
    // The failing invocations of the bad-input campaign (issue acceptance commands) plus parse-level failures.
    public static TheoryData<string[]> InvalidInvocations => new()
    {
        new[] { "relax", "--n", "-4" },
        new[] { "relax", "--output", "/proc/forbidden/x" },
        new[] { "relax", "--half-width", "1e308" },
        new[] { "relax", "--t-final", "-1" },
        new[] { "relax", "--t-final=-1" },
        new[] { "relax", "--t-final", "NaN" },
        new[] { "relax", "--masses", "1,2,3" },
        new[] { "relax", "--no-such-option" },
        new[] { "verify", "bkw", "--half-width", "0.5" },
        new[] { "verify", "bkw", "--sphere", "7" },
        new[] { "bench", "fft", "--reps", "-1" },
        new[] { "bench", "fft", "--n", "7" },
        new[] { "estimate", "kernel-decay", "--gamma", "0.5" },
        new[] { "estimate", "kernel-decay", "--gamma", "-1", "--masses", "1,x" },
        new[] { "estimate", "gap", "--gamma", "-1.5", "--masses", "1,4", "--radii", "8" },
        new[] { "transport", "maxwell-stefan", "--masses", "1" },
        new[] { "transport", "maxwell-stefan", "--masses", "1,4", "--diameters", "1" },
        new[] { "scenario", "two-temperature", "--courant", "3" },
        new[] { "scenario", "ion-electron", "--epsilons", "0.3,1.5" },
        new[] { "verify", "exchange", "--masses", "1" },
        new[] { "verify", "exchange", "--n", "14" },
        new[] { "verify", "exchange", "--grids", "pairwise" },
        new[] { "verify", "exchange", "--half-width", "8" },
        new[] { "verify" },
        new[] { "no-such-command" },

        // Fourth campaign: the options added since (per-ion temperatures and densities, vpl-1d electrons, walls, the real gas).
        new[] { "scenario", "plasma", "--t-ion", "1e308" },
        new[] { "scenario", "plasma", "--t-electron", "1e-300" },
        new[] { "scenario", "plasma", "--t-ion", "NaN" },
        new[] { "scenario", "plasma", "--ions", "1:1,2:1", "--t-ion", "1,2,3" },
        new[] { "scenario", "plasma", "--ions", "1:1,2:1", "--ion-densities", "1,0" },
        new[] { "scenario", "plasma", "--ion-densities", "1,2" },
        new[] { "scenario", "plasma", "--time-evaluations", "--steps", "0" },
        new[] { "scenario", "plasma", "--t-electron", "1e-6", "--t-ion", "1", "--n", "8", "--steps", "2" },
        new[] { "scenario", "massless-electron", "--problem", "vpl-1d", "--electrons", "nope" },
        new[] { "scenario", "massless-electron", "--problem", "vpl-1d", "--electrons", "plain", "--cells", "7" },
        new[] { "limit", "euler-poisson", "--boundary", "nope" },
        new[] { "limit", "euler-poisson", "--boundary", "walls", "--amplitude", "0.5" },
        new[] { "limit", "euler-poisson", "--boundary", "walls", "--n", "8" },
        new[] { "limit", "euler-poisson", "--boundary", "walls", "--step", "5e-324" },
        new[] { "limit", "maxwell-stefan", "--gas", "nope" },
        new[] { "limit", "maxwell-stefan", "--gas", "h2-n2-co2", "--eps", "0.1" },
        new[] { "limit", "maxwell-stefan", "--gas", "h2-n2-co2", "--t-final", "1e300" },
        new[] { "limit", "maxwell-stefan", "--n", "8" },
    };

    [Theory]
    [InlineData("scenario plasma --t-ion 1e308", "--t-electron and --t-ion must be in [1e-6, 1e6]")]
    [InlineData("scenario plasma --t-electron 1e-6 --t-ion 1 --n 8 --steps 2", "electron's initial Maxwellian (n = 1, T = 1E-06) is not resolved by its grid")]
    [InlineData("limit euler-poisson --boundary walls --n 8", "--n must be even, in [10, 24]")]
    [InlineData("limit maxwell-stefan --n 8", "--n must be at least 10 with --gas model")]
    public void InvalidInvocation_NamesTheOption(string arguments, string expected)
    {
        var (code, stdout, stderr) = KineticsProcess.Run([.. arguments.Split(' '), "--json"]);
        AssertErrorContract(code, stdout, stderr, 2);
        using var document = JsonDocument.Parse(stdout);
        Assert.Contains(expected, document.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InvalidInvocations))]
    public void InvalidInvocation_Json_PrintsOneErrorObjectAndNoStackTrace(string[] arguments)
    {
        var (code, stdout, stderr) = KineticsProcess.Run([.. arguments, "--json"]);
        AssertErrorContract(code, stdout, stderr, 2);
    }

    [Theory]
    [MemberData(nameof(InvalidInvocations))]
    public void InvalidInvocation_Text_NamesTheProblemOnStandardErrorOnly(string[] arguments)
    {
        var (code, stdout, stderr) = KineticsProcess.Run(arguments);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.StartsWith("kinetics", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void NegativeValue_SeparateAndJoinedForms_AreTheSameError()
    {
        var separate = KineticsProcess.Run("relax", "--t-final", "-1", "--json");
        var joined = KineticsProcess.Run("relax", "--t-final=-1", "--json");
        Assert.Equal(separate, joined);
        Assert.Contains("--t-final must be in (0, 1000000] (was -1)", separate.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void NegativeValue_IsAcceptedWhereValid()
    {
        JsonElement json = KineticsProcess.RunJson("verify", "landau", "--n", "8", "--gamma", "-2");
        Assert.Equal(8, json.GetProperty("n").GetInt32());
        Assert.Equal(0, json.GetProperty("warnings").GetArrayLength());
    }

    /// <summary>Every leaf command, found from the help text, fails cleanly on an unknown option and (when it writes files)
    /// on an unwritable output directory, before computing.</summary>
    [Fact]
    public void EveryCommand_FailureJson_FollowsTheContract()
    {
        var commands = LeafCommands([]);
        Assert.Contains(["relax"], commands, new SequenceComparer());
        Assert.True(commands.Count >= 13, $"found only {commands.Count} commands");
        foreach (var command in commands)
        {
            var (code, stdout, stderr) = KineticsProcess.Run([.. command, "--no-such-option", "--json"]);
            AssertErrorContract(code, stdout, stderr, 2, string.Join(' ', command));
            var (_, help, _) = KineticsProcess.Run([.. command, "--help"]);
            if (help.Contains("--output", StringComparison.Ordinal))
            {
                (code, stdout, stderr) = KineticsProcess.Run([.. command, "--output", "/proc/forbidden/x", "--json"]);
                AssertErrorContract(code, stdout, stderr, 2, string.Join(' ', command));
                Assert.True(
                    stdout.Contains("/proc/forbidden", StringComparison.Ordinal) || stdout.Contains("is required", StringComparison.Ordinal),
                    $"{string.Join(' ', command)}: {stdout}");
            }
        }
    }

    [Fact]
    public void MissingOutputDirectory_IsCreated()
    {
        string directory = Path.Combine(Path.GetTempPath(), $"kinetics-out-{Guid.NewGuid():N}", "nested");
        var (code, stdout, stderr) = KineticsProcess.Run("transport", "maxwell-stefan", "--masses", "1,4", "--output", Path.Combine(directory, "ms"), "--json");
        Assert.True(code == 0, stderr);
        using var document = JsonDocument.Parse(stdout);
        Assert.True(Directory.Exists(directory));
    }

    internal static void AssertErrorContract(int code, string stdout, string stderr, int expectedCode, string? context = null)
    {
        Assert.True(code == expectedCode, $"{context}: exit code {code}, expected {expectedCode}; stderr: {stderr}");
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", stderr, StringComparison.Ordinal);

        // Exactly one JSON value on standard output, an object with a non-empty "error" string.
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(stdout), new JsonReaderOptions { AllowMultipleValues = true });
        using var document = JsonDocument.ParseValue(ref reader);
        Assert.False(reader.Read(), $"{context}: more than one JSON value on standard output: {stdout}");
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(document.RootElement.GetProperty("error").GetString()), context);
        Assert.Equal(expectedCode, document.RootElement.GetProperty("exit_code").GetInt32());
    }

    // Walks `kinetics [path] --help`: the "Commands:" section lists subcommands; a command without one is a leaf.
    private static List<string[]> LeafCommands(string[] path)
    {
        var (_, help, _) = KineticsProcess.Run([.. path, "--help"]);
        var names = new List<string>();
        bool inCommands = false;
        foreach (string line in help.Split('\n'))
        {
            if (line.StartsWith("Commands:", StringComparison.Ordinal))
            {
                inCommands = true;
            }
            else if (inCommands && line.StartsWith("  ", StringComparison.Ordinal) && line.Trim().Length > 0 && !line.StartsWith("   ", StringComparison.Ordinal))
            {
                names.Add(line.Trim().Split(' ')[0]);
            }
            else if (inCommands && line.Trim().Length == 0)
            {
                inCommands = false;
            }
        }

        if (names.Count == 0)
        {
            return [path];
        }

        return names.SelectMany(name => LeafCommands([.. path, name])).ToList();
    }

    private sealed class SequenceComparer : IEqualityComparer<string[]>
    {
        public bool Equals(string[]? x, string[]? y) => x is not null && y is not null && x.SequenceEqual(y);

        public int GetHashCode(string[] obj) => obj.Length;
    }
}
