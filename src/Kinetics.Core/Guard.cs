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

    /// <summary>
    /// Throws unless every entry of <paramref name="values"/> is finite; names the first offending index. The scan is
    /// vectorised (x − x is 0 for finite x and NaN for NaN and ±∞, so one SIMD sum decides), about one memory pass;
    /// the index search runs only on failure.
    /// </summary>
    public static void AllFinite(ReadOnlySpan<double> values, [CallerArgumentExpression(nameof(values))] string? paramName = null)
    {
        if (!IsAllFinite(values))
        {
            ThrowNotFinite(values, paramName);
        }
    }

    /// <summary>True when every entry is finite (vectorised; see <see cref="AllFinite"/>).</summary>
    public static bool IsAllFinite(ReadOnlySpan<double> values)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<double>.Count)
        {
            var acc = Vector<double>.Zero;
            ReadOnlySpan<Vector<double>> vectors = System.Runtime.InteropServices.MemoryMarshal.Cast<double, Vector<double>>(values);
            for (int v = 0; v < vectors.Length; v++)
            {
                // x − x = 0 for finite x, NaN otherwise; NaN is absorbing in the sum.
                acc += vectors[v] - vectors[v];
            }

            if (!double.IsFinite(Vector.Sum(acc)))
            {
                return false;
            }

            i = vectors.Length * Vector<double>.Count;
        }

        for (; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Throws unless 0 ≤ index &lt; count, naming the parameter and the range.</summary>
    public static void Index(int index, int count, [CallerArgumentExpression(nameof(index))] string? paramName = null)
    {
        if ((uint)index >= (uint)count)
        {
            throw new ArgumentOutOfRangeException(paramName, index, $"{paramName} must be in [0, {count - 1}] (was {index}).");
        }
    }

    /// <summary>Throws unless <paramref name="value"/> is a named member of its enum type.</summary>
    public static void Defined<TEnum>(TEnum value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be one of {string.Join(", ", Enum.GetNames<TEnum>())} (was {value}).");
        }
    }

    /// <summary>Throws unless the vector is finite (every component).</summary>
    public static void Finite(Velocity3 value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!value.IsFinite)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must have finite components (was {value}).");
        }
    }

    /// <summary>
    /// The product of array sizes as an <see cref="int"/> element count, or an <see cref="ArgumentOutOfRangeException"/>
    /// naming the parameter when it exceeds <see cref="Array.MaxLength"/>.
    /// </summary>
    public static int Size(long first, long second, string paramName)
    {
        long product = first * second;
        if (first < 0 || second < 0 || (first != 0 && product / first != second) || product > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(paramName, $"{paramName}: {first}·{second} values exceed the largest array ({Array.MaxLength} elements).");
        }

        return (int)product;
    }

    [DoesNotReturn]
    private static void ThrowNotFinite(ReadOnlySpan<double> values, string? paramName)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"{paramName} must contain only finite values (entry {i} was {values[i]}).", paramName);
            }
        }

        throw new ArgumentException($"{paramName} must contain only finite values.", paramName);
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
