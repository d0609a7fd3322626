using System.Text.Json;

namespace Kinetics.Cli.Tests;

public class InfoCommandTests
{
    [Fact]
    public void Info_Json_ReportsSimdAndAResolvedMaxwellian()
    {
        JsonElement json = KineticsProcess.RunJson("info");
        Assert.Equal("info", json.GetProperty("command").GetString());
        Assert.Contains(json.GetProperty("simd").GetProperty("vector128").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });

        // All three packages report the same version (the tool's).
        var versions = json.GetProperty("versions");
        string tool = versions.GetProperty("kinetics").GetString()!;
        Assert.All(["Kinetics.Core", "Kinetics.Collisions", "Kinetics.PhaseSpace"], name => Assert.Equal(tool, versions.GetProperty(name).GetString()));

        // The finest sanity grid resolves the Maxwellian: density to spectral accuracy (well below 1e-8).
        var grids = json.GetProperty("sanity").GetProperty("cartesian").EnumerateArray().ToList();
        Assert.NotEmpty(grids);
        Assert.True(grids[^1].GetProperty("density_relative_error").GetDouble() < 1e-8);
    }

    [Fact]
    public void BenchFft_Json_HasTheDocumentedFields()
    {
        JsonElement json = KineticsProcess.RunJson("bench", "fft", "--n", "16");
        Assert.Equal(16, json.GetProperty("n").GetInt32());
        Assert.True(json.GetProperty("forward_ms").GetDouble() > 0);
        Assert.Equal(0, json.GetProperty("allocated_bytes").GetInt64());
    }

    [Fact]
    public void UnknownOption_FailsWithNonZeroExitCode()
    {
        var (code, _, stderr) = KineticsProcess.Run("info", "--no-such-option");
        Assert.NotEqual(0, code);
        Assert.Contains("--no-such-option", stderr, StringComparison.Ordinal);
    }
}
