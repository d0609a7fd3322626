namespace Kinetics.Cli.Plotting;

/// <summary>One named (x, y) series of a <see cref="Figure"/>.</summary>
/// <param name="Name">Legend text (plain Unicode: subscripts and superscripts as characters, no TeX).</param>
/// <param name="X">Abscissae.</param>
/// <param name="Y">Ordinates (same length).</param>
/// <param name="Style">How it is drawn.</param>
/// <param name="Color">Palette index shared by related series (a closed form and its measured points); null: the series' own.</param>
internal sealed record PlotSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y, SeriesStyle Style = SeriesStyle.Line, int? Color = null);
