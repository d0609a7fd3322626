using System.Globalization;

namespace Kinetics.Cli.Plotting;

/// <summary>
/// Tick positions for a base-10 logarithmic axis fitted to the data: several decades get ticks at powers of ten (with
/// minor ticks at 2…9), 1.6 to 2.5 decades get 1-2-5 ticks, up to 1.6 decades get the mantissas 1, 2, 3, 4, 5, 6, 8 — so a range such
/// as 0.06…0.4 is labelled 0.06, 0.08, 0.1, 0.2, 0.3, 0.4 instead of being stretched to 0.01…1.
/// </summary>
internal static class LogTicks
{
    /// <summary>Major and minor tick values (not logarithms) within [<paramref name="low"/>, <paramref name="high"/>], 0 &lt; low &lt; high.</summary>
    public static (double[] Major, double[] Minor) Within(double low, double high)
    {
        double decades = Math.Log10(high / low);
        int step = decades > 6 ? (int)Math.Ceiling(decades / 6) : 1;
        double[] majorMantissas = decades > 2.5 ? [1] : decades > 1.6 ? [1, 2, 5] : [1, 2, 3, 4, 5, 6, 8];
        double[] minorMantissas = decades > 2.5 ? [2, 3, 4, 5, 6, 7, 8, 9] : decades > 1.6 ? [3, 4, 6, 7, 8, 9] : [1.5, 2.5, 3.5, 4.5, 7, 9];
        var major = new List<double>();
        var minor = new List<double>();
        int first = (int)Math.Floor(Math.Log10(low)), last = (int)Math.Ceiling(Math.Log10(high));
        for (int exponent = first; exponent <= last; exponent++)
        {
            double scale = Math.Pow(10, exponent);
            bool majorDecade = (exponent - first) % step == 0;
            foreach (double m in majorMantissas)
            {
                Add(majorDecade ? major : minor, m * scale);
            }

            foreach (double m in minorMantissas)
            {
                Add(minor, m * scale);
            }
        }

        return (major.ToArray(), minor.ToArray());

        void Add(List<double> list, double value)
        {
            if (value >= low * (1 - 1e-12) && value <= high * (1 + 1e-12))
            {
                list.Add(value);
            }
        }
    }

    /// <summary>Label of a tick value: plain decimals from 1e−3 to 1e4, otherwise m·10ⁿ written as "me±n" without TeX.</summary>
    public static string Label(double value)
    {
        double magnitude = Math.Abs(value);
        if (magnitude == 0 || (magnitude >= 1e-3 && magnitude < 1e4))
        {
            return value.ToString("G4", CultureInfo.InvariantCulture);
        }

        int exponent = (int)Math.Floor(Math.Log10(magnitude));
        double mantissa = value / Math.Pow(10, exponent);
        string power = "10" + Superscript(exponent);
        return Math.Abs(mantissa - 1) < 1e-9 ? power : $"{mantissa.ToString("G3", CultureInfo.InvariantCulture)}·{power}";
    }

    private static string Superscript(int exponent)
    {
        const string digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        string text = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
        return (exponent < 0 ? "⁻" : string.Empty) + string.Concat(text.Select(c => digits[c - '0']));
    }
}
