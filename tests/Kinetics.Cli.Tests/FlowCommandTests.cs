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

    [Theory]
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
        Assert.True(error.Contains(option, StringComparison.Ordinal) || error.Contains(value, StringComparison.Ordinal), error);
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
