using Kinetics.Cli.Plotting;

namespace Kinetics.Cli.Commands.Scenarios;

/// <summary>The figure of `kinetics scenario plasma`: each species' kinetic temperature against ν_ie·t (markers) with the
/// NRL/Spitzer temperature equations integrated alongside (dashed, same colour).</summary>
internal static class PlasmaPlot
{
    /// <summary>Builds the figure from the run's history (entries with "t", "temperatures" and "temperatures_nrl").</summary>
    /// <param name="names">Species names, in the order of the history's arrays.</param>
    /// <param name="nu">ν_ie, the initial ion–electron equilibration frequency (the time axis is ν_ie·t).</param>
    /// <param name="history">The recorded steps.</param>
    public static Figure Temperatures(string[] names, double nu, IReadOnlyList<Dictionary<string, object>> history)
    {
        var figure = new Figure { Title = "Electron–ion temperature relaxation", XLabel = "ν_ie·t", YLabel = "T" };
        double[] time = history.Select(h => nu * (double)h["t"]).ToArray();
        int stride = Math.Max(1, time.Length / 40);
        int[] samples = Enumerable.Range(0, time.Length).Where(i => i % stride == 0 || i == time.Length - 1).ToArray();
        for (int a = 0; a < names.Length; a++)
        {
            int species = a;
            figure.Add(new PlotSeries($"{names[a]} (kinetic)", samples.Select(i => time[i]).ToArray(), samples.Select(i => ((double[])history[i]["temperatures"])[species]).ToArray(), SeriesStyle.Markers, a));
            figure.Add(new PlotSeries($"{names[a]} (NRL equations)", time, history.Select(h => ((double[])h["temperatures_nrl"])[species]).ToArray(), SeriesStyle.Dashed, a));
        }

        return figure;
    }
}
