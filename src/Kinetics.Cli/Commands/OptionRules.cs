using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Kinetics.Cli.Commands;

/// <summary>
/// Declarative checks of option values, run by the parser before any command computes: a violation is a parse error
/// that <see cref="CommandLineApp"/> reports with the option's name, the allowed range and the value given (exit code 2,
/// and the <c>{"error": …}</c> object under <c>--json</c>). Every <c>double</c> option is also checked to be finite
/// (<see cref="CommandLineApp"/> adds that check to all of them).
/// </summary>
/// <remarks>Intervals are written as in mathematics: [a, b] closed, (a, b) open.</remarks>
internal static class OptionRules
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Accepts integers in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Option<int> InRange(this Option<int> option, int min, int max)
    {
        option.Validators.Add(result =>
        {
            int value = result.GetValueOrDefault<int>();
            if (value < min || value > max)
            {
                result.AddError(string.Create(Inv, $"{option.Name} must be in [{min}, {max}] (was {value})."));
            }
        });
        return option;
    }

    /// <summary>Accepts integers in [<paramref name="min"/>, <paramref name="max"/>] when given (null = the command's default).</summary>
    public static Option<int?> InRange(this Option<int?> option, int min, int max)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is int value && (value < min || value > max))
            {
                result.AddError(string.Create(Inv, $"{option.Name} must be in [{min}, {max}] (was {value})."));
            }
        });
        return option;
    }

    /// <summary>Accepts grid sizes: even, in [<paramref name="min"/>, <paramref name="max"/>], with no prime factor above 5
    /// (the sizes the FFT supports).</summary>
    public static Option<int> GridSize(this Option<int> option, int min, int max)
    {
        option.Validators.Add(result => CheckGridSize(result, option.Name, result.GetValueOrDefault<int>(), min, max));
        return option;
    }

    /// <summary>As <see cref="GridSize(Option{int}, int, int)"/>, for an optional size (null = chosen by the command).</summary>
    public static Option<int?> GridSize(this Option<int?> option, int min, int max)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is int value)
            {
                CheckGridSize(result, option.Name, value, min, max);
            }
        });
        return option;
    }

    /// <summary>Accepts finite reals in the interval from <paramref name="min"/> to <paramref name="max"/>, each end open or closed.</summary>
    public static Option<double> InRange(this Option<double> option, double min, double max, bool minOpen = false, bool maxOpen = false)
    {
        option.Validators.Add(result => CheckReal(result, option.Name, result.GetValueOrDefault<double>(), min, max, minOpen, maxOpen));
        return option;
    }

    /// <summary>As <see cref="InRange(Option{double}, double, double, bool, bool)"/>, for an optional value.</summary>
    public static Option<double?> InRange(this Option<double?> option, double min, double max, bool minOpen = false, bool maxOpen = false)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is double value)
            {
                CheckReal(result, option.Name, value, min, max, minOpen, maxOpen);
            }
        });
        return option;
    }

    /// <summary>Accepts a comma-separated list of <paramref name="minCount"/>…<paramref name="maxCount"/> finite numbers,
    /// each in the interval from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<string> NumberList(this Option<string> option, int minCount, int maxCount, double min, double max, bool minOpen = false, bool maxOpen = false)
    {
        option.Validators.Add(result =>
        {
            string text = result.GetValueOrDefault<string>() ?? string.Empty;
            string[] parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < minCount || parts.Length > maxCount)
            {
                string count = minCount == maxCount ? $"exactly {minCount}" : maxCount == int.MaxValue ? $"at least {minCount}" : $"{minCount} to {maxCount}";
                result.AddError(string.Create(Inv, $"{option.Name} needs {count} comma-separated values (got {parts.Length}: '{text}')."));
                return;
            }

            foreach (string part in parts)
            {
                if (!double.TryParse(part, NumberStyles.Float, Inv, out double value) || !double.IsFinite(value))
                {
                    result.AddError($"{option.Name}: '{part}' is not a finite number.");
                    return;
                }

                CheckReal(result, option.Name, value, min, max, minOpen, maxOpen);
            }
        });
        return option;
    }

    /// <summary>Rejects NaN and ±∞ (added by <see cref="CommandLineApp"/> to every double option).</summary>
    internal static void RequireFinite(Option option)
    {
        if (option.ValueType == typeof(double))
        {
            option.Validators.Add(result =>
            {
                double value = result.GetValueOrDefault<double>();
                if (!double.IsFinite(value))
                {
                    result.AddError(string.Create(Inv, $"{option.Name} must be a finite number (was {value})."));
                }
            });
        }
        else if (option.ValueType == typeof(double?))
        {
            option.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<double?>() is double value && !double.IsFinite(value))
                {
                    result.AddError(string.Create(Inv, $"{option.Name} must be a finite number (was {value})."));
                }
            });
        }
    }

    private static void CheckGridSize(OptionResult result, string name, int value, int min, int max)
    {
        if (value < min || value > max || value % 2 != 0 || !Kinetics.Spectral.Fft3DPlan.IsSupportedSize(value))
        {
            result.AddError(string.Create(Inv, $"{name} must be even, in [{min}, {max}], with no prime factor other than 2, 3 and 5 (was {value})."));
        }
    }

    private static void CheckReal(OptionResult result, string name, double value, double min, double max, bool minOpen, bool maxOpen)
    {
        bool below = minOpen ? !(value > min) : !(value >= min);
        bool above = maxOpen ? !(value < max) : !(value <= max);
        if (double.IsFinite(value) && (below || above))
        {
            result.AddError(string.Create(Inv, $"{name} must be in {(minOpen ? '(' : '[')}{min}, {max}{(maxOpen ? ')' : ']')} (was {value})."));
        }
    }
}
