using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace Kinetics.Cli.Commands;

/// <summary>
/// The output contract of every `kinetics` subcommand: with <c>--json</c>, exactly one JSON object on standard output
/// and all human-readable text (tables, progress bars, notes) on standard error; without it, human-readable text on
/// standard output. Warnings go to standard error and into the object's <c>warnings</c> array.
/// </summary>
/// <remarks>
/// Usage in a subcommand: add <see cref="CreateOption"/> to the command, build <c>new JsonOutput(parse.GetValue(json))</c>
/// in the action, write tables and progress to <see cref="Human"/>, report results that fail their own sanity check with
/// <see cref="Warn"/>, and finish with <see cref="WriteResult"/>, which prints the JSON object in JSON mode and nothing
/// otherwise. Errors are exceptions: <see cref="CommandLineApp"/> turns them into a message, a non-zero exit code and,
/// under <c>--json</c>, the object <c>{"error": …}</c>. JSON uses snake_case property names and writes NaN/±∞ as the
/// strings "NaN", "Infinity", "-Infinity". Every result object carries <c>warnings</c> (possibly empty).
/// </remarks>
internal sealed class JsonOutput
{
    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static TextWriter _standardOutput = Console.Out;
    private readonly List<string> _warnings = [];

    /// <summary>Creates the output for one command invocation.</summary>
    /// <param name="json">True when <c>--json</c> was given.</param>
    public JsonOutput(bool json)
    {
        IsJson = json;
        Human = CliConsole.Create(standardError: json);
        Current = this;
    }

    /// <summary>The output of the running invocation (one per process), read by <see cref="CommandLineApp"/>.</summary>
    internal static JsonOutput? Current { get; private set; }

    /// <summary>True in JSON mode.</summary>
    public bool IsJson { get; }

    /// <summary>The console for human-readable output: standard output normally, standard error in JSON mode.</summary>
    public IAnsiConsole Human { get; }

    /// <summary>True once the result (or error) object has been written.</summary>
    public bool Written { get; private set; }

    /// <summary>True when a warning marked the result as meaningless; the command then exits with code 3.</summary>
    public bool Failed { get; private set; }

    /// <summary>The warnings reported so far.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>The shared <c>--json</c> option.</summary>
    public static Option<bool> CreateOption() =>
        new("--json") { Description = "Print exactly one JSON object on standard output; human-readable text goes to standard error." };

    /// <summary>Reports a result that fails its own sanity check: a line on standard error and an entry of <c>warnings</c>.</summary>
    /// <param name="message">What failed and by how much, e.g. "fitted slope −0.06 is outside [−0.75, −0.25] around the expected −0.5".</param>
    /// <param name="meaningless">True when the result cannot be used at all (e.g. NaN): the command exits with code 3 and
    /// the JSON object carries an <c>error</c> field as well.</param>
    public void Warn(string message, bool meaningless = false)
    {
        _warnings.Add(message);
        Failed |= meaningless;
        Console.Error.WriteLine($"warning: {message}");
    }

    /// <summary>In JSON mode, serialises <paramref name="result"/> as the command's single JSON object on standard output,
    /// with the <c>warnings</c> array (and <c>error</c> when a warning marked the result meaningless).</summary>
    /// <param name="result">An object (anonymous types and dictionaries are fine) holding every reported figure.</param>
    /// <exception cref="InvalidOperationException">Called twice for one invocation.</exception>
    public void WriteResult(object result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (Written)
        {
            throw new InvalidOperationException("A command must write exactly one JSON object.");
        }

        Written = true;
        if (!IsJson)
        {
            return;
        }

        var node = JsonSerializer.SerializeToNode(result, result.GetType(), SerializerOptions) as JsonObject
            ?? throw new InvalidOperationException("The JSON result of a command must be an object.");
        node["warnings"] = new JsonArray(_warnings.Select(w => (JsonNode?)JsonValue.Create(w)).ToArray());
        if (Failed && !node.ContainsKey("error"))
        {
            node["error"] = "the result failed its sanity check: " + string.Join("; ", _warnings);
        }

        WriteObject(node);
    }

    /// <summary>Writes the error object of a failed invocation (once; nothing if a result object was already written).</summary>
    internal static void WriteError(string command, string message, int exitCode)
    {
        if (Current is { Written: true })
        {
            return;
        }

        var node = new JsonObject
        {
            ["command"] = command,
            ["error"] = message,
            ["exit_code"] = exitCode,
            ["warnings"] = new JsonArray((Current?.Warnings ?? []).Select(w => (JsonNode?)JsonValue.Create(w)).ToArray()),
        };
        if (Current is not null)
        {
            Current.Written = true;
        }

        WriteObject(node);
    }

    /// <summary>Keeps the real standard output for the JSON object; <see cref="CommandLineApp"/> points
    /// <see cref="Console.Out"/> at standard error in JSON mode so stray text cannot corrupt the object.</summary>
    internal static void ReserveStandardOutput(TextWriter standardOutput) => _standardOutput = standardOutput;

    private static void WriteObject(JsonObject node)
    {
        _standardOutput.WriteLine(node.ToJsonString(SerializerOptions));
        _standardOutput.Flush();
    }
}
