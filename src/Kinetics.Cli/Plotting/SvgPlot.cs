using System.Globalization;
using System.Security;
using System.Text;

namespace Kinetics.Cli.Plotting;

/// <summary>Axis scaling of an <see cref="SvgPlot"/>.</summary>
internal enum AxisScale
{
    /// <summary>Linear axis.</summary>
    Linear,

    /// <summary>Base-10 logarithmic axis (non-positive values are dropped from the series).</summary>
    Log10,
}

/// <summary>How a series is drawn.</summary>
internal enum SeriesStyle
{
    /// <summary>Polyline.</summary>
    Line,

    /// <summary>Markers only.</summary>
    Markers,

    /// <summary>Dashed polyline.</summary>
    Dashed,
}

/// <summary>One named (x, y) series of a plot.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="X">Abscissae.</param>
/// <param name="Y">Ordinates (same length).</param>
/// <param name="Style">How it is drawn.</param>
internal sealed record PlotSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y, SeriesStyle Style = SeriesStyle.Line);

/// <summary>
/// A small self-contained SVG line-plot writer (no plotting package is available here): one panel, any number of
/// series, linear or log axes with "nice" ticks, title, axis labels and a legend. Output is deterministic text.
/// </summary>
internal sealed class SvgPlot
{
    private static readonly string[] Palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"];
    private readonly List<PlotSeries> _series = [];

    /// <summary>Plot title.</summary>
    public string Title { get; init; } = string.Empty;

    /// <summary>x-axis label.</summary>
    public string XLabel { get; init; } = "x";

    /// <summary>y-axis label.</summary>
    public string YLabel { get; init; } = "y";

    /// <summary>x-axis scaling.</summary>
    public AxisScale XScale { get; init; } = AxisScale.Linear;

    /// <summary>y-axis scaling.</summary>
    public AxisScale YScale { get; init; } = AxisScale.Linear;

    /// <summary>Width in pixels.</summary>
    public int Width { get; init; } = 720;

    /// <summary>Height in pixels.</summary>
    public int Height { get; init; } = 440;

    /// <summary>Adds a series; returns this plot for chaining.</summary>
    /// <param name="series">The series.</param>
    public SvgPlot Add(PlotSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.X.Count != series.Y.Count)
        {
            throw new ArgumentException($"series '{series.Name}' has {series.X.Count} x values but {series.Y.Count} y values.", nameof(series));
        }

        _series.Add(series);
        return this;
    }

    /// <summary>Writes the SVG document to <paramref name="path"/> (creating its directory).</summary>
    /// <param name="path">Output file.</param>
    public void Save(string path)
    {
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, Render());
    }

    /// <summary>Writes several panels stacked vertically into one SVG document at <paramref name="path"/>.</summary>
    /// <param name="path">Output file.</param>
    /// <param name="panels">The panels, top to bottom (each keeps its own width and height).</param>
    public static void SaveStacked(string path, params SvgPlot[] panels)
    {
        ArgumentNullException.ThrowIfNull(panels);
        int width = panels.Max(p => p.Width), height = panels.Sum(p => p.Height);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">\n");
        int y = 0;
        foreach (var panel in panels)
        {
            // Each panel is a complete <svg>; nested with a y offset it becomes one row of the figure.
            svg.Append(CultureInfo.InvariantCulture, $"<svg x=\"0\" y=\"{y}\"")
               .Append(panel.Render().AsSpan("<svg".Length));
            y += panel.Height;
        }

        svg.Append("</svg>\n");
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, svg.ToString());
    }

    /// <summary>The SVG document.</summary>
    public string Render()
    {
        const double left = 78, right = 170, top = 40, bottom = 58;
        double plotW = Width - left - right, plotH = Height - top - bottom;
        var points = _series.Select(s => Visible(s).ToList()).ToList();
        var all = points.SelectMany(p => p).ToList();
        if (all.Count == 0)
        {
            all.Add((1, 1));
        }

        var (x0, x1) = Range(all.Select(p => p.X), XScale);
        var (y0, y1) = Range(all.Select(p => p.Y), YScale);
        double Px(double x) => left + (plotW * (T(x, XScale) - x0) / (x1 - x0));
        double Py(double y) => top + plotH - (plotH * (T(y, YScale) - y0) / (y1 - y0));

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + (plotW / 2):F1}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">{Escape(Title)}</text>\n");

        foreach (var (value, label) in Ticks(x0, x1, XScale))
        {
            double px = left + (plotW * (value - x0) / (x1 - x0));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{px:F1}\" y1=\"{top:F1}\" x2=\"{px:F1}\" y2=\"{top + plotH:F1}\" stroke=\"#e5e5e5\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{px:F1}\" y=\"{top + plotH + 16:F1}\" text-anchor=\"middle\">{label}</text>\n");
        }

        foreach (var (value, label) in Ticks(y0, y1, YScale))
        {
            double py = top + plotH - (plotH * (value - y0) / (y1 - y0));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left:F1}\" y1=\"{py:F1}\" x2=\"{left + plotW:F1}\" y2=\"{py:F1}\" stroke=\"#e5e5e5\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6:F1}\" y=\"{py + 4:F1}\" text-anchor=\"end\">{label}</text>\n");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left:F1}\" y=\"{top:F1}\" width=\"{plotW:F1}\" height=\"{plotH:F1}\" fill=\"none\" stroke=\"black\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + (plotW / 2):F1}\" y=\"{Height - 14:F1}\" text-anchor=\"middle\">{Escape(XLabel)}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"18\" y=\"{top + (plotH / 2):F1}\" text-anchor=\"middle\" transform=\"rotate(-90 18 {top + (plotH / 2):F1})\">{Escape(YLabel)}</text>\n");

        for (int s = 0; s < _series.Count; s++)
        {
            string color = Palette[s % Palette.Length];
            var series = _series[s];
            var coords = points[s].Select(p => FormattableString.Invariant($"{Px(p.X):F2},{Py(p.Y):F2}")).ToList();
            if (series.Style == SeriesStyle.Markers)
            {
                foreach (var p in points[s])
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{Px(p.X):F2}\" cy=\"{Py(p.Y):F2}\" r=\"3\" fill=\"{color}\"/>\n");
                }
            }
            else if (coords.Count > 0)
            {
                string dash = series.Style == SeriesStyle.Dashed ? " stroke-dasharray=\"6,4\"" : string.Empty;
                svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"1.8\"{dash} points=\"{string.Join(' ', coords)}\"/>\n");
            }

            double ly = top + 14 + (s * 20);
            double lx = left + plotW + 12;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{lx:F1}\" y1=\"{ly:F1}\" x2=\"{lx + 22:F1}\" y2=\"{ly:F1}\" stroke=\"{color}\" stroke-width=\"2.5\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{lx + 28:F1}\" y=\"{ly + 4:F1}\">{Escape(series.Name)}</text>\n");
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private IEnumerable<(double X, double Y)> Visible(PlotSeries series)
    {
        for (int i = 0; i < series.X.Count; i++)
        {
            double x = series.X[i], y = series.Y[i];
            bool ok = double.IsFinite(x) && double.IsFinite(y)
                && (XScale == AxisScale.Linear || x > 0) && (YScale == AxisScale.Linear || y > 0);
            if (ok)
            {
                yield return (x, y);
            }
        }
    }

    private static double T(double value, AxisScale scale) => scale == AxisScale.Log10 ? Math.Log10(value) : value;

    // Range in transformed coordinates, padded and snapped to decades (log) or nice steps (linear).
    private static (double Low, double High) Range(IEnumerable<double> values, AxisScale scale)
    {
        var t = values.Select(v => T(v, scale)).ToList();
        double lo = t.Min(), hi = t.Max();
        if (scale == AxisScale.Log10)
        {
            lo = Math.Floor(lo);
            hi = Math.Ceiling(hi);
            return hi > lo ? (lo, hi) : (lo - 1, hi + 1);
        }

        if (hi == lo)
        {
            double pad = lo == 0 ? 1 : Math.Abs(lo) * 0.1;
            return (lo - pad, hi + pad);
        }

        double step = NiceStep((hi - lo) / 6);
        return (Math.Floor(lo / step) * step, Math.Ceiling(hi / step) * step);
    }

    private static IEnumerable<(double Value, string Label)> Ticks(double lo, double hi, AxisScale scale)
    {
        if (scale == AxisScale.Log10)
        {
            int stride = Math.Max(1, (int)Math.Ceiling((hi - lo) / 8));
            for (double e = lo; e <= hi + 1e-9; e += stride)
            {
                yield return (e, FormattableString.Invariant($"1e{e:F0}"));
            }

            yield break;
        }

        double step = NiceStep((hi - lo) / 6);
        for (double v = Math.Ceiling(lo / step) * step; v <= hi + (step * 1e-9); v += step)
        {
            double rounded = Math.Abs(v) < step * 1e-9 ? 0 : v;
            yield return (rounded, rounded.ToString("G4", CultureInfo.InvariantCulture));
        }
    }

    private static double NiceStep(double raw)
    {
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double f = raw / magnitude;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * magnitude;
    }

    private static string Escape(string text) => SecurityElement.Escape(text) ?? string.Empty;
}
