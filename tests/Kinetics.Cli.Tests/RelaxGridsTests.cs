using System.Text.Json;

namespace Kinetics.Cli.Tests;

/// <summary>`kinetics relax --grids`: the default rule (auto), a per-species run, and the options per-species grids refuse.</summary>
public class RelaxGridsTests
{
    private static string Prefix() => Path.Combine(Path.GetTempPath(), $"kinetics-relax-grids-{Guid.NewGuid():N}");

    [Fact]
    public void Auto_UsesPerSpeciesGridsAtDisparateMasses_AndConserves()
    {
        // 1:16 Landau: widest thermal speeds √1.2 and √(1/16) (equilibrium T = 1), spread 4.4 > 3.
        JsonElement json = KineticsProcess.RunJson(
            "relax", "--operator", "landau", "--masses", "1,16", "--densities", "0.5,0.5", "--temperatures", "1.2,0.8", "--n", "16", "--t-final", "0.5", "--output", Prefix());
        Assert.Equal("per-species", json.GetProperty("grids").GetString());
        Assert.True(json.GetProperty("entropy_monotone").GetBoolean());

        // Species masses, total momentum and energy, each on the species' own grid, at round-off (observed ≤ 2.2e-16 over the 2 steps; bound 9× that).
        Assert.InRange(json.GetProperty("max_mass_drift").GetDouble(), 0, 2e-15);
        Assert.InRange(json.GetProperty("max_momentum_drift").GetDouble(), 0, 2e-15);
        Assert.InRange(json.GetProperty("max_energy_drift").GetDouble(), 0, 2e-15);

        // Energy flows from the hot light species to the cold heavy one.
        double[] t = json.GetProperty("T").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.True(t[0] < 1.2 && t[1] > 0.8, $"T = [{t[0]}, {t[1]}]");
    }

    [Fact]
    public void Auto_KeepsTheSharedGridForTheDefaultMixture()
    {
        JsonElement json = KineticsProcess.RunJson("relax", "--n", "16", "--t-final", "0.1", "--output", Prefix());
        Assert.Equal("shared", json.GetProperty("grids").GetString());
    }

    [Theory]
    [InlineData("--checkpoint")]
    [InlineData("--snapshot")]
    public void PerSpecies_RefusesOneGridFiles(string option)
    {
        string prefix = Prefix();
        var (code, stdout, _) = KineticsProcess.Run(
            "relax", "--masses", "1,16", "--n", "16", "--t-final", "0.1", "--grids", "per-species", option, prefix + ".h5", "--output", prefix, "--json");
        Assert.NotEqual(0, code);
        string error = JsonDocument.Parse(stdout).RootElement.GetProperty("error").GetString()!;
        Assert.Contains(option, error, StringComparison.Ordinal);
        Assert.Contains("--grids shared", error, StringComparison.Ordinal);
        Assert.False(File.Exists(prefix + ".csv"));
    }

    [Fact]
    public void PerSpecies_RefusesHalfWidth()
    {
        var (code, stdout, _) = KineticsProcess.Run("relax", "--masses", "1,16", "--grids", "per-species", "--half-width", "6", "--json");
        Assert.NotEqual(0, code);
        Assert.Contains("--half-width", JsonDocument.Parse(stdout).RootElement.GetProperty("error").GetString()!, StringComparison.Ordinal);
    }
}
