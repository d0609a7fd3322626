using System.Text.Json;

namespace Kinetics.Cli.Tests;

/// <summary>Terminal hygiene of the command: no escape codes when piped or with NO_COLOR, wrapping independent of the
/// terminal width, progress with an ETA, warnings in the JSON object.</summary>
public class TerminalOutputTests
{
    private const char Escape = '\u001b';

    [Theory]
    [InlineData("1", "xterm-256color")]
    [InlineData(null, "xterm-256color")]
    [InlineData(null, "dumb")]
    public void Info_PipedOrNoColor_HasNoEscapeCharacter(string? noColor, string term)
    {
        var environment = new Dictionary<string, string?> { ["NO_COLOR"] = noColor, ["TERM"] = term, ["COLORTERM"] = "truecolor" };
        var (code, stdout, stderr) = KineticsProcess.RunWithEnvironment(environment, "info");
        Assert.Equal(0, code);
        Assert.Contains("Versions", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Escape, stdout);
        Assert.DoesNotContain(Escape, stderr);
    }

    [Fact]
    public void PipedOutput_WrapsTheSameWhateverTheTerminalWidth()
    {
        var narrow = KineticsProcess.RunWithEnvironment(new Dictionary<string, string?> { ["COLUMNS"] = "30" }, "info");
        var wide = KineticsProcess.RunWithEnvironment(new Dictionary<string, string?> { ["COLUMNS"] = "300" }, "info");
        Assert.Equal(wide.StandardOutput, narrow.StandardOutput);

        // The report line of bench fft (about 150 characters) stays one line.
        var (_, _, stderr) = KineticsProcess.Run("bench", "fft", "--n", "8", "--reps", "11", "--json");
        Assert.Contains(stderr.Split('\n'), line => line.StartsWith("3-D FFT N = 8", StringComparison.Ordinal) && line.Contains("bytes allocated per transform", StringComparison.Ordinal));
    }

    [Fact]
    public void Relax_Piped_ReportsProgressWithEta_AndWritesRealPngAndSvg()
    {
        string directory = Path.Combine(Path.GetTempPath(), $"kinetics-relax-{Guid.NewGuid():N}");
        var (code, stdout, stderr) = KineticsProcess.Run("relax", "--n", "16", "--t-final", "0.3", "--output", Path.Combine(directory, "relax"), "--json");
        Assert.True(code == 0, stderr);
        Assert.Contains(stderr.Split('\n'), line => line.StartsWith("relaxing: ", StringComparison.Ordinal) && line.Contains("elapsed, ETA ", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(0, json.RootElement.GetProperty("warnings").GetArrayLength());

        byte[] png = File.ReadAllBytes(Path.Combine(directory, "relax.png"));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        string svg = File.ReadAllText(Path.Combine(directory, "relax.svg"));
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("</svg>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void IonElectron_SingleEpsilon_WarnsAndReportsNullSlopesInsteadOfNaN()
    {
        var (code, stdout, stderr) = KineticsProcess.Run("scenario", "ion-electron", "--epsilons", "0.3", "--json");
        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("NaN", stdout, StringComparison.Ordinal);
        Assert.Contains("warning: the O(ε) law needs at least two distinct values", stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("slope").ValueKind);
        var warnings = json.RootElement.GetProperty("warnings");
        Assert.Equal(1, warnings.GetArrayLength());
        Assert.Contains("--epsilons", warnings[0].GetString(), StringComparison.Ordinal);
    }
}
