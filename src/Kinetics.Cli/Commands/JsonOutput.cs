using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace Kinetics.Cli.Commands;

/// <summary>
/// The output contract of every `kinetics` subcommand that reports figures: with <c>--json</c>, exactly one JSON object
/// on standard output and all human-readable text (tables, progress bars, notes) on standard error; without it,
/// human-readable text on standard output.
/// </summary>
/// <remarks>
/// Usage in a subcommand: add <see cref="CreateOption"/> to the command, build <c>new JsonOutput(parse.GetValue(json))</c>
/// in the action, write tables and progress to <see cref="Human"/>, and finish with <see cref="WriteResult"/>, which
/// prints the JSON object in JSON mode and nothing otherwise. JSON uses snake_case property names (the convention of every documented command output) and allows NaN/±∞
/// as the named literals "NaN", "Infinity", "-Infinity".
/// </remarks>
internal sealed class JsonOutput
{
    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = true,
    };

    private bool _written;

    /// <summary>Creates the output for one command invocation.</summary>
    /// <param name="json">True when <c>--json</c> was given.</param>
    public JsonOutput(bool json)
    {
        IsJson = json;
        Human = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(json ? Console.Error : Console.Out),
        });
    }

    /// <summary>True in JSON mode.</summary>
    public bool IsJson { get; }

    /// <summary>The console for human-readable output: standard output normally, standard error in JSON mode.</summary>
    public IAnsiConsole Human { get; }

    /// <summary>The shared <c>--json</c> option.</summary>
    public static Option<bool> CreateOption() =>
        new("--json") { Description = "Print exactly one JSON object on standard output; human-readable text goes to standard error." };

    /// <summary>In JSON mode, serialises <paramref name="result"/> as the command's single JSON object on standard output.</summary>
    /// <param name="result">An object (anonymous types are fine) holding every reported figure.</param>
    /// <exception cref="InvalidOperationException">Called twice for one invocation.</exception>
    public void WriteResult(object result)
    {
        if (_written)
        {
            throw new InvalidOperationException("A command must write exactly one JSON object.");
        }

        _written = true;
        if (IsJson)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(result, result.GetType(), SerializerOptions));
        }
    }
}
