using System.Diagnostics;
using System.Text.Json;

namespace Kinetics.Cli.Tests;

/// <summary>Runs the built `kinetics` tool (kinetics.dll beside the tests) in a child process.</summary>
internal static class KineticsProcess
{
    public static (int ExitCode, string StandardOutput, string StandardError) Run(params string[] arguments) =>
        RunWithEnvironment(new Dictionary<string, string?>(), arguments);

    /// <summary>Runs the tool with extra environment variables (a null value removes the variable).</summary>
    public static (int ExitCode, string StandardOutput, string StandardError) RunWithEnvironment(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        string tool = Path.Combine(AppContext.BaseDirectory, "kinetics.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(tool);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kinetics {string.Join(' ', arguments)} did not finish in 3 minutes.");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs a command with --json and parses standard output, which must be exactly one JSON object.</summary>
    public static JsonElement RunJson(params string[] arguments)
    {
        var (code, stdout, stderr) = Run([.. arguments, "--json"]);
        Assert.True(code == 0, $"exit code {code}; stderr: {stderr}");
        using var document = JsonDocument.Parse(stdout);
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        return document.RootElement.Clone();
    }
}
