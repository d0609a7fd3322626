using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Kinetics.Cli.Commands;

/// <summary>
/// Progress of a long command with an estimated time to completion. On an interactive terminal: a Spectre progress bar
/// with percentage, elapsed and remaining time. Otherwise (piped, redirected, CI logs): one plain line on standard error
/// at every tenth of the work, "relaxing: 30% (2.1 s elapsed, ETA 4.9 s)", so logs stay readable and stdout clean.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>Runs <paramref name="work"/>, which reports its progress as a fraction in [0, 1].</summary>
    /// <param name="io">The command's output (its human console decides between the bar and plain lines).</param>
    /// <param name="description">What is running, e.g. "relaxing".</param>
    /// <param name="work">The computation; it calls the given action with the fraction done.</param>
    public static void Run(JsonOutput io, string description, Action<Action<double>> work)
    {
        ArgumentNullException.ThrowIfNull(io);
        ArgumentNullException.ThrowIfNull(work);
        if (io.Human.Profile.Capabilities.Interactive && io.Human.Profile.Capabilities.Ansi)
        {
            io.Human.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask(Markup.Escape(description), maxValue: 1.0);
                    work(fraction => task.Value = Math.Clamp(fraction, 0, 1));
                    task.Value = 1.0;
                });
            return;
        }

        var clock = Stopwatch.StartNew();
        int reported = 0;
        work(fraction =>
        {
            int tenth = (int)Math.Floor(Math.Clamp(fraction, 0, 1) * 10);
            if (tenth > reported && tenth < 10)
            {
                reported = tenth;
                Console.Error.WriteLine(Line(description, fraction, clock.Elapsed.TotalSeconds));
            }
        });
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{description}: 100% ({clock.Elapsed.TotalSeconds:F1} s)"));
    }

    /// <summary>The plain progress line: percentage, elapsed time and the estimated time remaining at the mean rate so far.</summary>
    internal static string Line(string description, double fraction, double elapsedSeconds)
    {
        double remaining = fraction > 0 ? elapsedSeconds * (1 - fraction) / fraction : double.NaN;
        return string.Create(CultureInfo.InvariantCulture, $"{description}: {fraction * 100:F0}% ({elapsedSeconds:F1} s elapsed, ETA {remaining:F1} s)");
    }
}
