using System.Text.Json;

namespace Kinetics.Cli.Tests;

/// <summary>The JSON contracts of the operator commands, on small quick configurations.</summary>
public class OperatorCommandTests
{
    [Fact]
    public void Relax_Json_ConservesAndIsEntropyMonotone()
    {
        string prefix = Path.Combine(Path.GetTempPath(), $"kinetics-relax-{Guid.NewGuid():N}");
        JsonElement json = KineticsProcess.RunJson(
            "relax", "--n", "16", "--temperatures", "1.2,0.8", "--t-final", "0.3", "--output", prefix);
        Assert.Equal(0.3, json.GetProperty("t_final").GetDouble(), 12);
        Assert.Equal(2, json.GetProperty("T").GetArrayLength());
        Assert.True(json.GetProperty("entropy_monotone").GetBoolean());

        // The projection keeps every invariant at round-off (a few hundred updates of O(1) values).
        Assert.True(json.GetProperty("max_mass_drift").GetDouble() < 1e-12);
        Assert.True(json.GetProperty("max_momentum_drift").GetDouble() < 1e-12);
        Assert.True(json.GetProperty("max_energy_drift").GetDouble() < 1e-12);
        Assert.True(json.GetProperty("wall_s").GetDouble() > 0);
        Assert.True(File.Exists(prefix + ".csv") && File.Exists(prefix + ".svg") && File.Exists(prefix + ".png"));
        Assert.Contains("<svg", File.ReadAllText(prefix + ".svg"), StringComparison.Ordinal);
    }

    [Fact]
    public void Relax_RejectsMismatchedSpeciesCounts()
    {
        var (code, _, stderr) = KineticsProcess.Run("relax", "--masses", "1,2,3");
        Assert.Equal(2, code);
        Assert.Contains("--masses has 3 values but --names has 2 species", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyBkw_Json_HasTheDocumentedFields()
    {
        JsonElement json = KineticsProcess.RunJson("verify", "bkw", "--n", "16");
        Assert.Equal(16, json.GetProperty("n").GetInt32());

        // BKW at N = 16 is accurate to about 2e-5 (docs/boltzmann.md); 1e-3 fails for any wrong constant.
        Assert.InRange(json.GetProperty("linf").GetDouble(), 0, 1e-3);
        Assert.True(json.GetProperty("l1").GetDouble() >= 0);
        Assert.True(json.GetProperty("ms_per_eval").GetDouble() > 0);
        Assert.True(json.GetProperty("ffts_per_eval").GetInt32() > 0);
    }

    [Fact]
    public void VerifyLandau_Json_HasTheDocumentedFields()
    {
        JsonElement json = KineticsProcess.RunJson("verify", "landau", "--n", "16");
        foreach (string field in new[] { "n", "a_rel_err", "lambda1_rel_err", "lambda2_rel_err", "equilibrium_residual", "mass_err", "momentum_err", "energy_err", "ms_per_eval" })
        {
            Assert.True(json.TryGetProperty(field, out _), $"missing {field}");
        }

        // After the conservative correction the invariants are at round-off.
        Assert.True(json.GetProperty("mass_err").GetDouble() < 1e-12);
        Assert.True(json.GetProperty("energy_err").GetDouble() < 1e-12);
    }
}
