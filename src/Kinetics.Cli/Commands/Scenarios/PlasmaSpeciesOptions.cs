using System.Globalization;

namespace Kinetics.Cli.Commands.Scenarios;

/// <summary>The parsing of `scenario plasma`'s per-ion-species options (--ions, --t-ion, --ion-densities).</summary>
internal static class PlasmaSpeciesOptions
{
    // One value per ion species (or, with broadcast, one value for all), each in [low, high] (described by range).
    public static double[] PerIon(string text, string option, int count, bool broadcast, double low, double high, string range)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var values = parts.Select(part => double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) ? x : double.NaN).ToArray();
        if (!(values.Length == count || (broadcast && values.Length == 1)) || values.Any(x => !(x >= low && x <= high)))
        {
            throw new ArgumentException($"{option} needs {(broadcast ? "one value or " : "")}{count} comma-separated value(s), one per ion species, each {range} (was '{text}').");
        }

        return values.Length == count ? values : Enumerable.Repeat(values[0], count).ToArray();
    }

    public static (double Mass, double Charge)[] Ions(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 0 or > 3)
        {
            throw new ArgumentException($"--ions needs one to three mass:charge pairs (was '{text}').");
        }

        return parts.Select(part =>
        {
            var pair = part.Split(':');
            if (pair.Length != 2
                || !double.TryParse(pair[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double m)
                || !double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double z)
                || !(m >= 0.1 && m <= 1e4) || !(z >= 1 && z <= 100))
            {
                throw new ArgumentException($"--ions: '{part}' is not mass:charge with mass in [0.1, 1e4] proton masses and charge in [1, 100].");
            }

            return (m, z);
        }).ToArray();
    }
}
