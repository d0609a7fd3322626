using System.Text.Json;

namespace Kinetics.Cli.Tests;

/// <summary>The JSON contract of `kinetics bench boltzmann` on tiny grids (no timing is asserted, only the fields and their
/// relations).</summary>
public class BenchCommandTests
{
    [Fact]
    public void BenchBoltzmann_Threads_PrintsSpeedupAgainstTheSerialRunOfTheSameRounds()
    {
        JsonElement json = KineticsProcess.RunJson("bench", "boltzmann", "--n", "12", "--species", "3", "--threads", "2", "--seconds", "0");
        Assert.Equal(3, json.GetProperty("species").GetInt32());
        Assert.Equal(2, json.GetProperty("threads").GetInt32());

        // Six pairs: Lebedev 50 for the three self pairs, 32 points for the three cross pairs (pair order (0,0), (0,1), (0,2), (1,1), …).
        Assert.Equal([50, 32, 32, 50, 32, 50], json.GetProperty("sphere_points").EnumerateArray().Select(e => e.GetInt32()));
        double median = json.GetProperty("ms_median").GetDouble(), min = json.GetProperty("ms_min").GetDouble();
        Assert.True(min > 0 && min <= median, $"min {min} median {median}");
        Assert.True(json.GetProperty("speedup").GetDouble() > 0);
        Assert.True(json.GetProperty("ms_per_eval_serial").GetDouble() > 0);
        Assert.True(json.GetProperty("timed_rounds").GetInt32() >= 5);
        Assert.True(json.GetProperty("warmup_rounds").GetInt32() >= 2);
    }

    [Fact]
    public void BenchBoltzmann_VssWithProductRule_UsesTheRuleForEveryPairAndSpeedupIsNullSerially()
    {
        JsonElement json = KineticsProcess.RunJson("bench", "boltzmann", "--n", "12", "--species", "2", "--kernel", "vss", "--sphere", "product:5", "--seconds", "0");
        Assert.Equal("vss", json.GetProperty("kernel").GetString());

        // Product(5): 3 Gauss nodes × 6 azimuths = 18 points for every pair.
        Assert.Equal([18, 18, 18], json.GetProperty("sphere_points").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("speedup").ValueKind);
        Assert.Equal(0, json.GetProperty("allocated_bytes").GetInt64());
    }

    [Theory]
    [InlineData("--sphere", "product:4", "--sphere must be")]
    [InlineData("--sphere", "lebedev:51", "--sphere must be")]
    [InlineData("--kernel", "lennard-jones", "--kernel")]
    [InlineData("--species", "5", "--species")]
    public void BenchBoltzmann_RejectsBadOptionsWithAJsonError(string option, string value, string message)
    {
        var (code, stdout, _) = KineticsProcess.Run("bench", "boltzmann", "--n", "12", option, value, "--json");
        Assert.Equal(2, code);
        using var document = JsonDocument.Parse(stdout);
        Assert.Contains(message, document.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyBkw_Json_ReportsSteadyStateMinAndMedian()
    {
        JsonElement json = KineticsProcess.RunJson("verify", "bkw", "--n", "12");
        double median = json.GetProperty("ms_median").GetDouble(), min = json.GetProperty("ms_min").GetDouble();
        Assert.Equal(median, json.GetProperty("ms_per_eval").GetDouble());
        Assert.True(min > 0 && min <= median, $"min {min} median {median}");

        // Warm-up until tier-up: at least the runtime's 30 calls before any call is timed.
        Assert.True(json.GetProperty("warmup_calls").GetInt32() >= 30);
    }
}
