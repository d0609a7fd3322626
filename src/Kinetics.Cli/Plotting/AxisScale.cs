namespace Kinetics.Cli.Plotting;

/// <summary>Axis scaling of a <see cref="Figure"/>.</summary>
internal enum AxisScale
{
    /// <summary>Linear axis.</summary>
    Linear,

    /// <summary>Base-10 logarithmic axis fitted to the data (non-positive values are dropped from the series).</summary>
    Log10,
}
