using System.CommandLine;

namespace Kinetics.Cli.Commands;

/// <summary>
/// The <c>--output PREFIX</c> option of every command that writes files: PREFIX is the path prefix of the files written
/// (<c>--output out/relax</c> writes <c>out/relax.csv</c>, <c>out/relax.png</c>, <c>out/relax.svg</c>, …). Before the
/// command computes anything, <see cref="CommandLineApp"/> creates a missing directory and checks that it is writable;
/// a failure is a clear error (exit code 2), not a lost computation.
/// </summary>
internal static class OutputPrefix
{
    private static readonly HashSet<Option> Registered = [];
    private static readonly string[] KnownExtensions = [".csv", ".png", ".svg", ".h5", ".json"];

    /// <summary>Creates the <c>--output</c> option.</summary>
    /// <param name="defaultPrefix">The default prefix (files in the working directory), e.g. "relax".</param>
    /// <param name="files">What is written, e.g. "PREFIX.csv (history), PREFIX.png and PREFIX.svg (plot)".</param>
    public static Option<string> Create(string defaultPrefix, string files)
    {
        var option = new Option<string>("--output")
        {
            Description = $"Path prefix of the files written: {files}. A missing directory is created.",
            DefaultValueFactory = _ => defaultPrefix,
            HelpName = "PREFIX",
        };
        lock (Registered)
        {
            Registered.Add(option);
        }

        return option;
    }

    /// <summary>Creates an optional single-file output option (null: not written), checked like a prefix before computing.</summary>
    /// <param name="name">The option name, e.g. "--snapshot".</param>
    /// <param name="description">What is written.</param>
    public static Option<string?> CreateFile(string name, string description)
    {
        var option = new Option<string?>(name) { Description = description + " A missing directory is created.", HelpName = "PATH" };
        lock (Registered)
        {
            Registered.Add(option);
        }

        return option;
    }

    /// <summary>True for options made by <see cref="Create"/> or <see cref="CreateFile"/>.</summary>
    internal static bool IsOutputOption(Option option)
    {
        lock (Registered)
        {
            return Registered.Contains(option);
        }
    }

    /// <summary>The prefix with a trailing known extension removed (<c>gap.svg</c> → <c>gap</c>), so a file name also works.</summary>
    public static string Normalize(string prefix)
    {
        foreach (string extension in KnownExtensions)
        {
            if (prefix.EndsWith(extension, StringComparison.OrdinalIgnoreCase) && prefix.Length > extension.Length)
            {
                return prefix[..^extension.Length];
            }
        }

        return prefix;
    }

    /// <summary>Creates the directory of <paramref name="prefix"/> if missing and checks that a file can be written there.</summary>
    /// <param name="option">The option's name, for the message.</param>
    /// <param name="prefix">The prefix given.</param>
    /// <exception cref="ArgumentException">The prefix is empty, names a directory, or its directory cannot be created or written.</exception>
    public static void Prepare(string option, string prefix)
    {
        if (string.IsNullOrWhiteSpace(prefix))
        {
            throw new ArgumentException($"{option} must be a path prefix such as out/relax (was empty).");
        }

        string full;
        try
        {
            full = Path.GetFullPath(Normalize(prefix));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ArgumentException($"{option} '{prefix}' is not a valid path: {e.Message}");
        }

        if (Path.EndsInDirectorySeparator(prefix) || Directory.Exists(full))
        {
            throw new ArgumentException($"{option} '{prefix}' is a directory; give a path prefix such as {Path.Combine(prefix, "run")} (files PREFIX.csv, PREFIX.png, …).");
        }

        string directory = Path.GetDirectoryName(full) ?? full;
        string probe = Path.Combine(directory, $".kinetics-write-test-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(directory);
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new ArgumentException($"{option} '{prefix}': the directory '{directory}' cannot be created or written ({e.Message}).");
        }
    }
}
