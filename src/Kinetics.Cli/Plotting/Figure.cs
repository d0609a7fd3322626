using ScottPlot;
using SkiaSharp;

namespace Kinetics.Cli.Plotting;

/// <summary>
/// One panel of a figure drawn with ScottPlot: titled axes, any number of series, optional horizontal reference lines,
/// linear or logarithmic axes fitted to the data, and a legend outside the data area (it never covers or clips). Every
/// figure is written twice, as PREFIX.png and PREFIX.svg (<see cref="Save"/>, <see cref="SaveStacked"/>).
/// </summary>
/// <remarks>Labels are plain Unicode (ν, λ, ⟨v⟩, subscripts ₀₁, superscripts ⁻¹ᐟ²); there is no TeX renderer.</remarks>
internal sealed class Figure
{
    private static readonly Color[] Palette =
    [
        Color.FromHex("#1f77b4"), Color.FromHex("#d62728"), Color.FromHex("#2ca02c"), Color.FromHex("#ff7f0e"),
        Color.FromHex("#9467bd"), Color.FromHex("#8c564b"), Color.FromHex("#e377c2"), Color.FromHex("#17becf"),
    ];

    private static readonly MarkerShape[] Markers = [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond];

    private readonly List<PlotSeries> _series = [];
    private readonly List<(double Y, string Name)> _references = [];

    static Figure() => FontSetup.Ensure();

    /// <summary>Panel title.</summary>
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
    public int Width { get; init; } = 800;

    /// <summary>Height in pixels.</summary>
    public int Height { get; init; } = 480;

    /// <summary>Adds a series; returns this figure for chaining.</summary>
    public Figure Add(PlotSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.X.Count != series.Y.Count)
        {
            throw new ArgumentException($"series '{series.Name}' has {series.X.Count} x values but {series.Y.Count} y values.", nameof(series));
        }

        _series.Add(series);
        return this;
    }

    /// <summary>Adds a dashed grey horizontal reference line y = <paramref name="y"/> with a legend entry.</summary>
    public Figure AddReference(double y, string name)
    {
        _references.Add((y, name));
        return this;
    }

    /// <summary>Writes PREFIX.png and PREFIX.svg; returns their paths.</summary>
    public IReadOnlyList<string> Save(string prefix) => SaveStacked(prefix, this);

    /// <summary>Writes the panels stacked vertically (sharing the width of the first) as PREFIX.png and PREFIX.svg.</summary>
    public static IReadOnlyList<string> SaveStacked(string prefix, params Figure[] panels)
    {
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Length == 0)
        {
            throw new ArgumentException("at least one panel is needed.", nameof(panels));
        }

        int width = panels[0].Width, height = panels.Sum(p => p.Height);
        var plots = panels.Select(p => p.Build()).ToArray();
        string png = prefix + ".png", svg = prefix + ".svg";

        using (var surface = SKSurface.Create(new SKImageInfo(width, height)))
        {
            Draw(surface.Canvas, plots, panels, width);
            using var image = surface.Snapshot();
            using var data = image.Encode(SKEncodedImageFormat.Png, 100);
            using var file = File.Create(png);
            data.SaveTo(file);
        }

        NativeOutput.WithoutNativeStandardError(() =>
        {
            using var file = File.Create(svg);
            using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), file))
            {
                Draw(canvas, plots, panels, width);
            }
        });

        return [png, svg];
    }

    private static void Draw(SKCanvas canvas, Plot[] plots, Figure[] panels, int width)
    {
        canvas.Clear(SKColors.White);
        float top = 0;
        for (int i = 0; i < plots.Length; i++)
        {
            // ScottPlot clears the canvas before drawing: clip and translate so each panel clears only its own band.
            canvas.Save();
            canvas.ClipRect(new SKRect(0, top, width, top + panels[i].Height));
            canvas.Translate(0, top);
            plots[i].Render(canvas, new PixelRect(0, width, panels[i].Height, 0));
            canvas.Restore();
            top += panels[i].Height;
        }
    }

    private Plot Build()
    {
        var plot = new Plot();
        plot.Title(Title, 15);
        plot.XLabel(XLabel, 14);
        plot.YLabel(YLabel, 14);
        var xs = new List<double>();
        var ys = new List<double>();
        var occupied = new List<(double X, double Y)>();
        for (int i = 0; i < _series.Count; i++)
        {
            var s = _series[i];
            var points = Enumerable.Range(0, s.X.Count)
                .Select(k => (X: Transform(s.X[k], XScale), Y: Transform(s.Y[k], YScale)))
                .Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y))
                .ToArray();
            if (points.Length == 0)
            {
                continue;
            }

            int color = s.Color ?? i;
            var scatter = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray(), s.Style is SeriesStyle.Reference ? Colors.Black : Palette[color % Palette.Length]);
            scatter.LegendText = s.Name;
            scatter.LineWidth = s.Style switch { SeriesStyle.Markers => 0, SeriesStyle.Reference => 1.5f, _ => 2 };
            scatter.LinePattern = s.Style is SeriesStyle.Dashed or SeriesStyle.Reference ? LinePattern.Dashed : LinePattern.Solid;
            scatter.MarkerSize = s.Style is SeriesStyle.Markers ? 9 : s.Style is SeriesStyle.LineMarkers ? 6 : 0;
            scatter.MarkerShape = Markers[color % Markers.Length];
            xs.AddRange(points.Select(p => p.X));
            ys.AddRange(points.Select(p => p.Y));
            occupied.AddRange(points);
            if (s.Style is not SeriesStyle.Markers)
            {
                // Lines cover the segments between samples too.
                for (int k = 1; k < points.Length; k++)
                {
                    for (int sub = 1; sub < 8; sub++)
                    {
                        double w = sub / 8.0;
                        occupied.Add((points[k - 1].X + (w * (points[k].X - points[k - 1].X)), points[k - 1].Y + (w * (points[k].Y - points[k - 1].Y))));
                    }
                }
            }
        }

        foreach (var (y, name) in _references)
        {
            double value = Transform(y, YScale);
            if (double.IsFinite(value))
            {
                var line = plot.Add.HorizontalLine(value, 1.5f, Colors.Gray, LinePattern.Dashed);
                line.LegendText = name;
                ys.Add(value);
                if (xs.Count > 0)
                {
                    double low = xs.Min(), high = xs.Max();
                    occupied.AddRange(Enumerable.Range(0, 41).Select(k => (low + ((high - low) * k / 40.0), value)));
                }
            }
        }

        if (xs.Count > 0)
        {
            var (x0, x1) = Padded(xs.Min(), xs.Max());
            var (y0, y1) = Padded(ys.Min(), ys.Max());
            plot.Axes.SetLimits(x0, x1, y0, y1);
            if (XScale == AxisScale.Log10)
            {
                plot.Axes.Bottom.TickGenerator = LogTickGenerator(x0, x1);
            }

            if (YScale == AxisScale.Log10)
            {
                plot.Axes.Left.TickGenerator = LogTickGenerator(y0, y1);
            }
        }

        bool outside = PlaceLegend(plot, occupied, _series.Count + _references.Count);
        FitTitle(plot, outside);
        return plot;
    }

    // One entry needs no legend (the axis label says it). Otherwise the legend goes into the corner of the data area
    // holding no data point (legend box ≈ 40 % of the width, one line ≈ 7 % of the height, in axis fractions); when
    // every corner holds data it goes outside, right of the axes, where it cannot cover anything.
    private static bool PlaceLegend(Plot plot, List<(double X, double Y)> occupied, int entries)
    {
        if (entries <= 1 || occupied.Count == 0)
        {
            plot.HideLegend();
            return false;
        }

        var limits = plot.Axes.GetLimits();
        double boxWidth = 0.42, boxHeight = Math.Min(0.9, 0.05 + (0.075 * entries));
        var corners = new (Alignment Alignment, double X0, double Y0)[]
        {
            (Alignment.UpperRight, 1 - boxWidth, 1 - boxHeight), (Alignment.UpperLeft, 0, 1 - boxHeight),
            (Alignment.LowerRight, 1 - boxWidth, 0), (Alignment.LowerLeft, 0, 0),
        };
        foreach (var (alignment, x0, y0) in corners)
        {
            bool empty = true;
            foreach (var (x, y) in occupied)
            {
                double u = (x - limits.Left) / (limits.Right - limits.Left), v = (y - limits.Bottom) / (limits.Top - limits.Bottom);
                if (u >= x0 - 0.02 && u <= x0 + boxWidth + 0.02 && v >= y0 - 0.02 && v <= y0 + boxHeight + 0.02)
                {
                    empty = false;
                    break;
                }
            }

            if (empty)
            {
                plot.ShowLegend(alignment);
                return false;
            }
        }

        plot.ShowLegend(Edge.Right);
        return true;
    }

    // ScottPlot centres the title over the data area, so a legend outside narrows the room for it: shrink the title's
    // font until its estimated width (0.6 em per character) fits the data area (legend ≈ 0.55 em per character + 60 px).
    private void FitTitle(Plot plot, bool legendOutside)
    {
        float size = 15;
        double legend = legendOutside ? 60 + (0.55 * 12 * _series.Select(s => s.Name.Length).Concat(_references.Select(r => r.Name.Length)).DefaultIfEmpty(0).Max()) : 0;
        double room = Width - legend - 90;
        while (size > 10 && Title.Length * 0.6 * size > room)
        {
            size -= 0.5f;
        }

        plot.Title(Title, size);
    }

    private static double Transform(double value, AxisScale scale) =>
        scale == AxisScale.Log10 ? (value > 0 ? Math.Log10(value) : double.NaN) : value;

    private static (double Low, double High) Padded(double low, double high)
    {
        double span = high - low;
        double pad = span > 0 ? 0.05 * span : Math.Max(0.05 * Math.Abs(low), 0.5);
        return (low - pad, high + pad);
    }

    private static ScottPlot.TickGenerators.NumericManual LogTickGenerator(double logLow, double logHigh)
    {
        var (major, minor) = LogTicks.Within(Math.Pow(10, logLow), Math.Pow(10, logHigh));
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (double value in major)
        {
            ticks.AddMajor(Math.Log10(value), LogTicks.Label(value));
        }

        foreach (double value in minor)
        {
            ticks.AddMinor(Math.Log10(value));
        }

        return ticks;
    }
}
