using System.Globalization;
using Kinetics.Grids;

namespace Kinetics.Cli.Commands.Scenarios;

/// <summary>Grid choice, fits and option parsing shared by the scenario commands (moments come from Core's SpeciesMoments).</summary>
internal static class ScenarioMath
{
    // FFT-friendly sizes (2^a·3^b·5^c) the scenarios choose from.
    private static readonly int[] GridSizes = [16, 20, 24, 30, 32, 36, 40, 48, 54, 60, 64, 80, 96, 120, 128, 144, 160];

    /// <summary>The smallest listed N ≤ <paramref name="maxN"/> with spacing 2L/N ≤ <paramref name="maxSpacing"/> (else <paramref name="maxN"/>'s largest listed size).</summary>
    public static int SmallestGrid(double halfWidth, double maxSpacing, int maxN) =>
        GridSizes.Where(size => size <= maxN).FirstOrDefault(size => 2 * halfWidth / size <= maxSpacing, GridSizes.Where(size => size <= maxN).Max());

    /// <summary>Least-squares slope of y against x.</summary>
    public static double Slope(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0;
        for (int i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }

        return sxy / sxx;
    }

    /// <summary>Parses a comma-separated list of finite numbers; the message names the option.</summary>
    public static double[] Numbers(string text, string option)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            throw new ArgumentException($"{option} needs at least one value.");
        }

        return parts.Select(part => double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? value
            : throw new ArgumentException($"{option}: '{part}' is not a finite number.")).ToArray();
    }

    public static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
