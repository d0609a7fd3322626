using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Kinetics;

/// <summary>
/// The single guard vocabulary of Kinetics: argument checks at public entry points whose messages name the
/// parameter, the allowed range and the value that was passed ("order must be in [2, 64] (was 1)").
/// </summary>
internal static class Guard
{
    /// <summary>Throws unless <paramref name="value"/> is finite (not NaN, not ±∞).</summary>
    public static void Finite(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!double.IsFinite(value))
        {
            ThrowOutOfRange(paramName, value, "must be a finite number");
        }
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and strictly positive.</summary>
    public static void Positive(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            ThrowOutOfRange(paramName, value, "must be finite and > 0");
        }
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and ≥ 0.</summary>
    public static void NonNegative(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!(value >= 0) || !double.IsFinite(value))
        {
            ThrowOutOfRange(paramName, value, "must be finite and >= 0");
        }
    }

    /// <summary>Throws unless min ≤ value ≤ max (NaN is rejected).</summary>
    public static void InRange<T>(T value, T min, T max, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        where T : INumber<T>
    {
        if (!(value >= min && value <= max))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be in [{min}, {max}] (was {value}).");
        }
    }

    /// <summary>Throws unless min &lt; value ≤ max (NaN is rejected).</summary>
    public static void InHalfOpenRange<T>(T value, T min, T max, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        where T : INumber<T>
    {
        if (!(value > min && value <= max))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be in ({min}, {max}] (was {value}).");
        }
    }

    /// <summary>Throws unless every entry of <paramref name="values"/> is finite; names the first offending index.</summary>
    public static void AllFinite(ReadOnlySpan<double> values, [CallerArgumentExpression(nameof(values))] string? paramName = null)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"{paramName} must contain only finite values (entry {i} was {values[i]}).", paramName);
            }
        }
    }

    /// <summary>Throws unless <paramref name="actual"/> equals <paramref name="expected"/>.</summary>
    public static void Length(int actual, int expected, [CallerArgumentExpression(nameof(actual))] string? paramName = null)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"{paramName} must have length {expected} (was {actual}).", paramName);
        }
    }

    [DoesNotReturn]
    private static void ThrowOutOfRange(string? paramName, double value, string rule) =>
        throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} {rule} (was {value}).");
}
