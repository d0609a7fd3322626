using System.Diagnostics;
using System.Text.Json;

namespace Kinetics.Cli.Tests;

public class FlowCommandTests
{
    [Fact]
    public void LandauDamping_Json_MatchesLinearTheoryWithinOnePercent()
    {
        var json = KineticsProcess.RunJson("flow", "landau-damping");
        double rate = json.GetProperty("damping_rate").GetDouble(), theoryRate = json.GetProperty("theory_damping_rate").GetDouble();
        double frequency = json.GetProperty("frequency").GetDouble(), theoryFrequency = json.GetProperty("theory_frequency").GetDouble();

        // The tabulated least-damped root at k = 0.5 (four decimals): ω = 1.4156, γ = −0.1533.
        Assert.InRange(theoryFrequency, 1.41555, 1.41575);
        Assert.InRange(theoryRate, -0.15345, -0.15325);

        // Observed 1.7e−3 and 2.7e−4.
        Assert.True(Math.Abs(rate - theoryRate) <= 1e-2 * Math.Abs(theoryRate), $"rate {rate} vs {theoryRate}");
        Assert.True(Math.Abs(frequency - theoryFrequency) <= 1e-2 * theoryFrequency, $"frequency {frequency} vs {theoryFrequency}");
        Assert.Matches("^[0-9a-f]{64}$", json.GetProperty("fingerprint").GetString());
    }

    [Fact]
    public void TwoStream_Json_MatchesDispersionRelationWithinTwoPercent()
    {
        var json = KineticsProcess.RunJson("flow", "two-stream");
        double rate = json.GetProperty("growth_rate").GetDouble(), theory = json.GetProperty("theory_growth_rate").GetDouble();
        Assert.True(theory > 0.2 && Math.Abs(rate - theory) <= 2e-2 * theory, $"growth rate {rate} vs {theory}");
    }

    [Fact]
    public void FreeStreaming_Json_ObservedOrderAtLeast1Point8()
    {
        var json = KineticsProcess.RunJson("flow", "free-streaming");
        var errors = json.GetProperty("errors").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(4, errors.Length);
        Assert.True(errors.Zip(errors.Skip(1)).All(p => p.First > 3 * p.Second), string.Join(", ", errors));

        // Observed 2.04.
        Assert.True(json.GetProperty("observed_order").GetDouble() >= 1.8);
    }

    [Fact]
    public void Couette_FreeMolecularShearStress_MatchesClosedForm()
    {
        string prefix = Path.Combine(Path.GetTempPath(), $"couette-{Guid.NewGuid():N}");
        var json = KineticsProcess.RunJson("flow", "couette", "--output", prefix);

        // Closed form computed here: P_xy = −U Σ n̄ √(mT/2π) for masses 1, 4, densities 0.5, 0.5, U = 1, T = 1.
        double theory = -(0.5 * Math.Sqrt(1 / (2 * Math.PI)) + (0.5 * Math.Sqrt(4 / (2 * Math.PI))));
        Assert.Equal(theory, json.GetProperty("theory_shear_stress").GetDouble(), 12);

        // Observed 4.9e−3 relative (velocity quadrature of the half-range Maxwellians, h = 0.2).
        double stress = json.GetProperty("shear_stress").GetDouble();
        Assert.True(Math.Abs(stress - theory) <= 2e-2 * Math.Abs(theory), $"{stress} vs {theory}");
        Assert.True(json.GetProperty("mass_drift").GetDouble() < 1e-13);
        Assert.True(File.Exists(prefix + ".csv") && File.Exists(prefix + ".svg"));

        // Free-molecular: no Chapman–Enskog comparison, the field is null.
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("viscosity_ce_error").ValueKind);

        // The mixture velocity profile is antisymmetric about the centre and bounded by the wall speeds.
        var u = json.GetProperty("mixture_velocity").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.True(u[0] < 0 && u[^1] > 0 && u.All(v => Math.Abs(v) < 0.5), string.Join(", ", u));
    }

    [Fact]
    public void Couette_OneToSixteen_RunsOnPerSpeciesGrids_AndMatchesClosedForm()
    {
        // Masses 1 and 16: thermal speeds 4× apart, so --grids auto takes a grid per species (the heavy one on a box 4×
        // narrower, the same N). Closed form computed here: P_xy = −U Σ n̄ √(mT/2π), U = 1, T = 1.
        string prefix = Path.Combine(Path.GetTempPath(), $"couette16-{Guid.NewGuid():N}");
        var json = KineticsProcess.RunJson("flow", "couette", "--masses", "1,16", "--velocities", "48", "--t-final", "40", "--output", prefix);
        Assert.Equal("per-species", json.GetProperty("grids").GetString());
        double theory = -(0.5 * Math.Sqrt(1 / (2 * Math.PI)) + (0.5 * Math.Sqrt(16 / (2 * Math.PI))));
        double stress = json.GetProperty("shear_stress").GetDouble();

        // Observed 4.7e−3 relative (N = 48; 5.4e−4 at N = 80, where one shared grid on [−8, 8] stays at 2.3e−2: its
        // spacing 0.2 is 0.8 of the heavy species' thermal speed).
        Assert.True(Math.Abs(stress - theory) <= 1e-2 * Math.Abs(theory), $"{stress} vs {theory}");
        Assert.True(json.GetProperty("mass_drift").GetDouble() < 1e-13);
    }

    [Fact]
    public void Couette_Collisional_CoarseGrid_RunsToTheEnd()
    {
        // Kn = 1 on a 16³ grid over [−7, 7]: the Runge–Kutta stages ring on the box faces above 1e−4 of the peak (observed
        // 1.6e−4), which a fixed operator check turned into exit code 2 after a few steps. The run now completes, with
        // the species masses conserved (observed drift 4.2e−15) and the under-resolution reported instead of thrown.
        string prefix = Path.Combine(Path.GetTempPath(), $"couette-kn-{Guid.NewGuid():N}");
        var json = KineticsProcess.RunJson(
            "flow", "couette", "--masses", "1,2", "--kn", "1", "--velocities", "16", "--half-width", "7", "--cells", "8", "--t-final", "0.2", "--output", prefix);
        Assert.False(json.TryGetProperty("error", out _));
        Assert.Equal(7, json.GetProperty("steps").GetInt32());
        Assert.True(json.GetProperty("mass_drift").GetDouble() < 1e-13);

        // The shear stress has the sign of the wall motion's drag and stays below the free-molecular value in magnitude.
        double stress = json.GetProperty("shear_stress").GetDouble();
        double freeMolecular = -((0.5 * Math.Sqrt(1 / (2 * Math.PI))) + (0.5 * Math.Sqrt(2 / (2 * Math.PI))));
        Assert.True(stress < 0 && stress > freeMolecular, $"{stress} vs free-molecular {freeMolecular}");

        // The batched step's resolution report (ResolutionPolicy.Report), worst over cells and steps: the tails on the box
        // faces (observed 4.6e−4 of the peak) and h/σ of the heavy species, h = 14/16, σ = √(T/m) = √(1/2) at T ≈ 1
        // (observed within 1.4e−4 of 1.2374); both above the step's limits (1e−6, 1), so both are warned about.
        double edge = json.GetProperty("max_edge_ratio").GetDouble();
        Assert.True(edge > 1e-6 && edge < 1e-2, $"edge ratio {edge}");
        double spacing = json.GetProperty("max_spacing_ratio").GetDouble();
        Assert.True(Math.Abs(spacing - (0.875 / Math.Sqrt(0.5))) < 1e-2 * spacing, $"h/σ {spacing}");
        Assert.Equal(2, json.GetProperty("warnings").GetArrayLength());

        // viscosity_ce_error: the mid-gap viscosity against Chapman–Enskog, η_eff/η_CE − 1 of the two fields beside it.
        double effective = json.GetProperty("effective_viscosity").GetDouble(), ce = json.GetProperty("chapman_enskog_viscosity").GetDouble();
        Assert.Equal((effective / ce) - 1, json.GetProperty("viscosity_ce_error").GetDouble(), 14);
    }

    [Fact]
    public void Fourier_FreeMolecularHeatFlux_MatchesClosedForm()
    {
        string prefix = Path.Combine(Path.GetTempPath(), $"fourier-{Guid.NewGuid():N}");
        var json = KineticsProcess.RunJson("flow", "fourier", "--output", prefix);

        // 2V: q = Σ (3/2)·Γ (T₁ − T₂), Γ = 2n̄√(T₁T₂)/((√T₁ + √T₂)√(2πm)), T₁ = 1, T₂ = 2, masses 1, 4, n̄ = 0.5 each.
        double Gamma(double m) => 2 * 0.5 * Math.Sqrt(2) / ((1 + Math.Sqrt(2)) * Math.Sqrt(2 * Math.PI * m));
        double theory = 1.5 * (Gamma(1) + Gamma(4)) * (1 - 2);
        Assert.Equal(theory, json.GetProperty("theory_heat_flux").GetDouble(), 12);

        // Observed 1.9e−3 relative.
        double flux = json.GetProperty("heat_flux").GetDouble();
        Assert.True(Math.Abs(flux - theory) <= 1e-2 * Math.Abs(theory), $"{flux} vs {theory}");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("conductivity_ce_error").ValueKind);
    }

    [Fact]
    public void Fourier_Collisional_ReportsTheConductivityAgainstChapmanEnskog()
    {
        // A short collisional run (7 steps, coarse grid): conductivity_ce_error is λ_eff/λ_CE − 1 of the two fields beside it.
        string prefix = Path.Combine(Path.GetTempPath(), $"fourier-kn-{Guid.NewGuid():N}");
        var json = KineticsProcess.RunJson(
            "flow", "fourier", "--masses", "1,2", "--kn", "1", "--velocities", "16", "--half-width", "7", "--cells", "8", "--t-final", "0.2", "--output", prefix);
        Assert.False(json.TryGetProperty("error", out _));
        double effective = json.GetProperty("effective_conductivity").GetDouble(), ce = json.GetProperty("chapman_enskog_conductivity").GetDouble();
        Assert.Equal((effective / ce) - 1, json.GetProperty("conductivity_ce_error").GetDouble(), 14);
    }

    [Theory]
    [InlineData("couette", "--masses", "1,4,9")]
    [InlineData("landau-damping", "--k", "-1")]
    [InlineData("two-stream", "--limiter", "superbee")]
    [InlineData("free-streaming", "--cells", "32,x")]
    [InlineData("landau-damping", "--output", "/proc/forbidden/x")]
    public void BadInput_PrintsOneJsonErrorAndExitsNonZero(string scenario, string option, string value)
    {
        var (code, stdout, stderr) = KineticsProcess.Run("flow", scenario, option, value, "--json");
        Assert.NotEqual(0, code);
        using var document = JsonDocument.Parse(stdout);
        string error = document.RootElement.GetProperty("error").GetString()!;
        Assert.True(error.Contains(option, StringComparison.Ordinal) || error.Contains(value, StringComparison.Ordinal) || error.Contains("--densities", StringComparison.Ordinal), error);
        Assert.Equal(2, document.RootElement.GetProperty("exit_code").GetInt32());
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [MpiFact]
    public void LandauDamping_OnTwoMpiRanks_HasTheSingleProcessFingerprint()
    {
        string single = KineticsProcess.RunJson("flow", "landau-damping", "--t-final", "10").GetProperty("fingerprint").GetString()!;
        string tool = Path.Combine(AppContext.BaseDirectory, "kinetics.dll");
        var start = new ProcessStartInfo("mpirun.mpich") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in new[] { "-np", "2", "dotnet", tool, "flow", "landau-damping", "--t-final", "10", "--json" })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "mpirun did not finish in 3 minutes");
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {stderr.Result}");
        using var document = JsonDocument.Parse(stdout.Result);
        Assert.Equal(2, document.RootElement.GetProperty("ranks").GetInt32());
        Assert.Equal(single, document.RootElement.GetProperty("fingerprint").GetString());
    }
}

/// <summary>A fact that needs MPICH's <c>mpirun.mpich</c>; reported as skipped where it is not installed.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class MpiFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> unless <c>mpirun.mpich</c> is on the PATH.</summary>
    public MpiFactAttribute()
    {
        bool found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, "mpirun.mpich")));
        if (!found)
        {
            Skip = "MPICH is not installed (apt-get install mpich libmpich-dev).";
        }
    }
}
