using System.Text.Json;

namespace Kinetics.Cli.Tests;

/// <summary>The seed scenarios (`kinetics scenario …`) on small quick configurations.</summary>
public class ScenarioCommandTests
{
    [Fact]
    public void TwoTemperature_MaxwellMoleculesEqualMasses_FittedRateMatchesExchangeRateAtTimeZero()
    {
        string svg = Path.Combine(Path.GetTempPath(), $"kinetics-two-temperature-{Guid.NewGuid():N}.svg");
        JsonElement json = KineticsProcess.RunJson("scenario", "two-temperature", "--ratios", "1:1", "--gammas", "0", "--n", "24", "--output", svg);
        var cases = json.GetProperty("cases");
        Assert.Equal(1, cases.GetArrayLength());
        var c = cases[0];
        Assert.Equal("1:1", c.GetProperty("ratio").GetString());
        double rate = c.GetProperty("rate").GetDouble(), initial = c.GetProperty("rate_t0").GetDouble();
        Assert.True(initial > 0, $"k(0) = {initial}");

        // Maxwell molecules, equal masses: T_A − T_B decays exactly exponentially, so the rate fitted over the run equals
        // the instantaneous rate from the energy exchange at t = 0 up to the time and grid error: 3.6e-4 at N = 24
        // (1.9e-4 at N = 20, 7.3e-3 at the under-resolved N = 16; docs/scenarios.md). 2e-3 fails for any wrong factor in
        // the temperature or the exchange rate.
        Assert.InRange(rate / initial, 0.998, 1.002);

        // The closed form (TemperatureRelaxation.Rate) is π here; the operator's k(0) is 8.7e-4 below it because it truncates
        // |g| ≤ R = 6.45 = 4.6 standard deviations of the 1:1 relative speed (the truncated closed form agrees to 1e-5), so
        // 2e-3.
        Assert.Equal(Math.PI, c.GetProperty("rate_exact").GetDouble(), 12);
        Assert.InRange(initial / Math.PI, 0.998, 1.002);

        // The projection keeps energy and mass at round-off over ~10 steps.
        Assert.InRange(c.GetProperty("max_energy_drift").GetDouble(), 0, 1e-12);
        Assert.InRange(c.GetProperty("max_mass_drift").GetDouble(), 0, 1e-12);
        Assert.Contains("<svg", File.ReadAllText(svg), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.ChangeExtension(svg, ".png")));
    }

    [Fact]
    public void TwoTemperature_MassRatio1to16_RunsOnPerSpeciesGridsByDefault()
    {
        // --grids auto picks per-species grids at 1:16 (thermal speeds 4.9× apart). Maxwell molecules: T_A − T_B decays
        // exactly like e^{−kt}; over 0.3 e-folds (5 steps) at N = 24 per species the fit is within 1e-3 of k(0) and k(0)
        // within 1.0e-4 of the closed form (observed; 1:16 on the shared N = 64 grid took minutes per row).
        string svg = Path.Combine(Path.GetTempPath(), $"kinetics-two-temperature-{Guid.NewGuid():N}.svg");
        JsonElement json = KineticsProcess.RunJson("scenario", "two-temperature", "--ratios", "1:16", "--gammas", "0", "--e-folds", "0.3", "--output", svg);
        var c = json.GetProperty("cases")[0];
        Assert.Equal("per-species", c.GetProperty("grids").GetString());
        Assert.Equal(24, c.GetProperty("n").GetInt32());
        double rate = c.GetProperty("rate").GetDouble(), initial = c.GetProperty("rate_t0").GetDouble(), exact = c.GetProperty("rate_exact").GetDouble();
        Assert.InRange(initial / exact, 1 - 1e-3, 1 + 1e-3);
        Assert.InRange(rate / initial, 1 - 1e-2, 1 + 1e-2);
        Assert.InRange(c.GetProperty("max_energy_drift").GetDouble(), 0, 1e-13);
        Assert.InRange(c.GetProperty("max_mass_drift").GetDouble(), 0, 1e-13);
    }

    [Fact]
    public void TwoTemperature_RejectsMalformedRatio()
    {
        var (code, _, stderr) = KineticsProcess.Run("scenario", "two-temperature", "--ratios", "1-4");
        Assert.Equal(2, code);
        Assert.Contains("--ratios: '1-4' is not of the form a:b", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoTemperature_RejectsCourantOutOfRange()
    {
        var (code, _, stderr) = KineticsProcess.Run("scenario", "two-temperature", "--courant", "3");
        Assert.Equal(2, code);
        Assert.Contains("--courant must be in (0, 2] (was 3)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void IonElectron_SpectralRateMatchesClosedFormAndScalesAsEpsilon()
    {
        JsonElement json = KineticsProcess.RunJson("scenario", "ion-electron", "--epsilons", "0.5,0.4", "--n", "32");
        foreach (var c in json.GetProperty("cases").EnumerateArray())
        {
            // Spectral accuracy at h/σ₊ ≤ 0.72: 1.2e-6 (ε = 0.5) and 7.8e-5 (ε = 0.4) on N = 32; 5e-4 fails for any wrong
            // mass weight (those change the rate by O(1)).
            Assert.InRange(c.GetProperty("relative_error").GetDouble(), 0, 5e-4);

            // Energy lost by the ions is gained by the electrons (uncorrected operator: spectrally small).
            Assert.InRange(Math.Abs(c.GetProperty("balance").GetDouble()), 0, 5e-4);
        }

        // T₊ = 2 > T₋ = 1: the ions lose energy. Seed-note 004 §2.2 limit W₊/ε → 2√(2/π)(1 − 2) (typed formula).
        Assert.True(json.GetProperty("cases")[0].GetProperty("rate").GetDouble() < 0);
        Assert.Equal(-2 * Math.Sqrt(2 / Math.PI), json.GetProperty("rate_over_epsilon_limit").GetDouble(), 12);

        // O(ε) law: with the exact O(ε³) factor (1 + ε²T₊/T₋)^{−3/2} removed the slope is 1 up to the 8e-5 rate error
        // over a log-range of 0.22 (≤ 1e-3).
        Assert.InRange(json.GetProperty("slope_compensated").GetDouble(), 0.997, 1.003);
    }

    [Fact]
    public void IonElectron_Hydrogen_OnPerSpeciesGrids_MatchesClosedForm()
    {
        // ε = √(1/1836): per-species grids (the default) at N = 32 each; one shared grid would need N ≈ 360.
        JsonElement json = KineticsProcess.RunJson("scenario", "ion-electron", "--epsilons", "0.0233380");
        Assert.Equal("species", json.GetProperty("grids").GetString());
        var c = json.GetProperty("cases")[0];

        // Observed 1.3e-8 (rate) and 2.5e-6 (balance, uncorrected operator).
        Assert.InRange(c.GetProperty("relative_error").GetDouble(), 0, 1e-7);
        Assert.InRange(Math.Abs(c.GetProperty("balance").GetDouble()), 0, 2e-5);
    }

    [Fact]
    public void IonElectron_RejectsEpsilonOutOfRange()
    {
        var (code, _, stderr) = KineticsProcess.Run("scenario", "ion-electron", "--epsilons", "0.3,1.5");
        Assert.Equal(2, code);
        Assert.Contains("--epsilons must all be in (0, 1]", stderr, StringComparison.Ordinal);
    }
}
