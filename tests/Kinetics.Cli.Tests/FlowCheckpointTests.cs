using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Kinetics.Cli.Tests;

/// <summary>
/// Checkpoint and restart of the `kinetics flow` commands: a run stopped by its step budget (or by Ctrl+C) and restarted
/// from its checkpoint ends bit for bit where the uninterrupted run ends — the state fingerprint and the fitted rate from
/// the carried field-energy history; damaged or foreign checkpoints are refused before computing (exit 2, one JSON error).
/// </summary>
public sealed class FlowCheckpointTests
{
    private static string NewDirectory()
    {
        string directory = Path.Combine(Path.GetTempPath(), $"kinetics-flow-restart-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        return directory;
    }

    // A small Landau-damping run (66 steps, < 1 s) whose field energy has enough maxima to fit.
    private static string[] Landau(string directory, int velocities = 64) =>
        ["flow", "landau-damping", "--cells", "16", "--velocities", $"{velocities}", "--t-final", "10", "--fit-from", "0.5", "--output", Path.Combine(directory, "ld")];

    [Fact]
    public void LandauDamping_StoppedByTheStepBudgetAndRestarted_EndsBitwiseLikeTheUninterruptedRun()
    {
        string directory = NewDirectory();
        string checkpoint = Path.Combine(directory, "run.ckpt");
        JsonElement whole = KineticsProcess.RunJson(Landau(directory));
        int steps = whole.GetProperty("steps").GetInt32();
        Assert.True(steps >= 20, $"{steps} steps");

        JsonElement stopped = KineticsProcess.RunJson([.. Landau(directory), "--checkpoint", checkpoint, "--checkpoint-every", "7", "--max-steps", "20"]);
        Assert.True(stopped.GetProperty("stopped").GetBoolean());
        Assert.Equal(20, stopped.GetProperty("steps_taken").GetInt32());
        Assert.Contains("--max-steps 20", stopped.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
        Assert.NotEqual(whole.GetProperty("fingerprint").GetString(), stopped.GetProperty("fingerprint").GetString());

        JsonElement resumed = KineticsProcess.RunJson([.. Landau(directory), "--restart", checkpoint]);
        Assert.Equal(whole.GetProperty("fingerprint").GetString(), resumed.GetProperty("fingerprint").GetString());
        Assert.Equal(steps, resumed.GetProperty("steps").GetInt32());
        Assert.Equal(whole.GetProperty("damping_rate").GetDouble(), resumed.GetProperty("damping_rate").GetDouble());
        Assert.Equal(whole.GetProperty("energy_drift").GetDouble(), resumed.GetProperty("energy_drift").GetDouble());
    }

    [Fact]
    public void Couette_StoppedAndRestartedTwice_EndsBitwiseLikeTheUninterruptedRun()
    {
        string directory = NewDirectory();
        string checkpoint = Path.Combine(directory, "couette.ckpt");
        string[] common = ["flow", "couette", "--cells", "8", "--velocities", "16", "--t-final", "1", "--output", Path.Combine(directory, "c")];
        JsonElement whole = KineticsProcess.RunJson(common);
        KineticsProcess.RunJson([.. common, "--checkpoint", checkpoint, "--max-steps", "10"]);
        KineticsProcess.RunJson([.. common, "--checkpoint", checkpoint, "--restart", checkpoint, "--max-steps", "25"]);
        JsonElement resumed = KineticsProcess.RunJson([.. common, "--restart", checkpoint]);
        Assert.Equal(whole.GetProperty("fingerprint").GetString(), resumed.GetProperty("fingerprint").GetString());
        Assert.Equal(whole.GetProperty("shear_stress").GetDouble(), resumed.GetProperty("shear_stress").GetDouble());
        Assert.Equal(whole.GetProperty("mass_drift").GetDouble(), resumed.GetProperty("mass_drift").GetDouble());
    }

    [Fact]
    public void Restart_FromBadCheckpoints_IsRefusedWithOneJsonError()
    {
        string directory = NewDirectory();
        string good = Path.Combine(directory, "good.ckpt");
        KineticsProcess.RunJson([.. Landau(directory, velocities: 32), "--checkpoint", good, "--max-steps", "3"]);
        byte[] bytes = File.ReadAllBytes(good);

        void Refused(string name, byte[] content, string expected, string[]? arguments = null)
        {
            string path = Path.Combine(directory, name);
            File.WriteAllBytes(path, content);
            var (code, stdout, stderr) = KineticsProcess.Run([.. arguments ?? Landau(directory, velocities: 32), "--restart", path, "--json"]);
            CommandContractTests.AssertErrorContract(code, stdout, stderr, 2);
            Assert.Contains(expected, stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("%", stderr, StringComparison.Ordinal);
        }

        Refused("truncated.ckpt", bytes[..(bytes.Length / 2)], "truncated");
        byte[] version = [.. bytes];
        BitConverter.TryWriteBytes(version.AsSpan(8), 99);
        Refused("version.ckpt", version, "format version 99");
        Refused("text.ckpt", "not a checkpoint"u8.ToArray(), "Not a Kinetics phase-space checkpoint");
        Refused("grid.ckpt", bytes, "velocity grid", Landau(directory, velocities: 64));
        Refused("time.ckpt", bytes, "--t-final", [.. Landau(directory, velocities: 32)[..^6], "--t-final", "12", "--fit-from", "0.5", "--output", Path.Combine(directory, "ld")]);
        Refused("limiter.ckpt", bytes, "settings", [.. Landau(directory, velocities: 32), "--limiter", "minmod"]);

        var (missingCode, missingOut, missingErr) = KineticsProcess.Run([.. Landau(directory), "--restart", Path.Combine(directory, "missing.ckpt"), "--json"]);
        CommandContractTests.AssertErrorContract(missingCode, missingOut, missingErr, 2);
    }

    [Fact]
    public async Task LandauDamping_CtrlC_WritesTheCheckpointExits130_AndTheRestartEndsBitwise()
    {
        string directory = NewDirectory();
        string checkpoint = Path.Combine(directory, "int.ckpt");
        string[] common = ["flow", "landau-damping", "--cells", "32", "--velocities", "128", "--t-final", "200", "--fit-from", "0.5", "--output", Path.Combine(directory, "ld")];
        JsonElement whole = KineticsProcess.RunJson(common);

        string tool = Path.Combine(AppContext.BaseDirectory, "kinetics.dll");
        // A process started in the background (nohup, `&`, many CI runners) inherits SIGINT ignored, and .NET then
        // leaves it ignored, as a background job should. `env --default-signal=INT` restores the default disposition
        // before exec'ing the tool (same process id), so the test behaves as an interactive Ctrl+C wherever it runs.
        var start = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in (string[])["--default-signal=INT", "dotnet", "exec", tool, .. common, "--checkpoint", checkpoint, "--checkpoint-every", "5", "--json"])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        while (!File.Exists(checkpoint) && !process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(20);
        }

        Assert.False(process.HasExited, "the run finished before it could be interrupted");
        // The signal goes straight from this process (no `kill` child to spawn), and the run is ~1,900 steps long, so
        // it arrives well before the end even when the machine is busy.
        Assert.Equal(0, SendSignal(process.Id, SignalInterrupt));

        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)));
        string output = await stdout, errors = await stderr;
        CommandContractTests.AssertErrorContract(process.ExitCode, output, errors, 130);
        Assert.Contains("--restart", errors, StringComparison.Ordinal);

        JsonElement resumed = KineticsProcess.RunJson([.. common, "--restart", checkpoint]);
        Assert.Equal(whole.GetProperty("fingerprint").GetString(), resumed.GetProperty("fingerprint").GetString());
        Assert.Equal(whole.GetProperty("damping_rate").GetDouble(), resumed.GetProperty("damping_rate").GetDouble());
    }

    private const int SignalInterrupt = 2;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SendSignal(int pid, int signal);
}
