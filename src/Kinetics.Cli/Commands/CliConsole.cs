using Spectre.Console;

namespace Kinetics.Cli.Commands;

/// <summary>
/// The terminal conventions of the command: colour and other escape sequences only on an interactive terminal without
/// <c>NO_COLOR</c> (https://no-color.org: set and non-empty disables colour), and a fixed line width when the output is
/// piped or redirected, so that captured output wraps the same way on every machine.
/// </summary>
internal static class CliConsole
{
    /// <summary>Line width used when the output is not a terminal (wide enough that tables and report lines never wrap).</summary>
    public const int PipedWidth = 200;

    /// <summary>True when the environment asks for no colour (<c>NO_COLOR</c> set to a non-empty value).</summary>
    public static bool NoColor => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>Creates the Spectre console writing to standard output or standard error.</summary>
    /// <param name="standardError">True for standard error, false for standard output.</param>
    public static IAnsiConsole Create(bool standardError)
    {
        bool redirected = standardError ? Console.IsErrorRedirected : Console.IsOutputRedirected;
        bool plain = redirected || NoColor;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
            Out = new AnsiConsoleOutput(standardError ? Console.Error : Console.Out),
        });
        if (redirected)
        {
            console.Profile.Width = PipedWidth;
        }

        return console;
    }
}
