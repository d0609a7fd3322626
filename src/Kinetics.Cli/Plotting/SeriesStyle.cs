namespace Kinetics.Cli.Plotting;

/// <summary>How a series is drawn (the legend swatch shows the same: a line, a marker, or both).</summary>
internal enum SeriesStyle
{
    /// <summary>Solid line, no markers.</summary>
    Line,

    /// <summary>Markers only (measured or sampled values).</summary>
    Markers,

    /// <summary>Dashed line, no markers (reference curves: closed forms, fits).</summary>
    Dashed,

    /// <summary>Solid line with markers at the samples.</summary>
    LineMarkers,

    /// <summary>Thin dashed black line drawn over the data (an exact or closed-form reference).</summary>
    Reference,
}
