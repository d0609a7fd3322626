using System.Numerics.Tensors;
using Kinetics.Grids;

namespace Kinetics.Weights;

/// <summary>
/// Polynomial velocity weights ⟨v⟩^ℓ, with ⟨v⟩ = 1 + |v| or √(1 + |v|²) chosen by an explicit
/// <see cref="BracketConvention"/>: pointwise, on a Cartesian grid and on a radial grid.
/// </summary>
public static class JapaneseBracket
{
    /// <summary>⟨v⟩ for a speed r = |v| ≥ 0 in the given convention.</summary>
    /// <param name="speed">r = |v| ≥ 0.</param>
    /// <param name="convention">1 + r or √(1 + r²).</param>
    public static double Evaluate(double speed, BracketConvention convention)
    {
        Guard.NonNegative(speed);
        return convention switch
        {
            BracketConvention.OnePlusNorm => 1.0 + speed,
            BracketConvention.SquareRootOnePlusSquare => Math.Sqrt(1.0 + (speed * speed)),
            _ => throw InvalidConvention(convention),
        };
    }

    /// <summary>⟨v⟩ in the given convention.</summary>
    /// <param name="v">Velocity (finite).</param>
    /// <param name="convention">1 + |v| or √(1 + |v|²).</param>
    public static double Evaluate(Velocity3 v, BracketConvention convention) => Evaluate(Norm(v), convention);

    /// <summary>⟨v⟩^ℓ in the given convention.</summary>
    /// <param name="v">Velocity (finite).</param>
    /// <param name="exponent">ℓ (any finite real; negative ℓ gives a decaying weight).</param>
    /// <param name="convention">1 + |v| or √(1 + |v|²).</param>
    public static double Power(Velocity3 v, double exponent, BracketConvention convention)
    {
        Guard.Finite(exponent);
        return Math.Pow(Evaluate(Norm(v), convention), exponent);
    }

    /// <summary>
    /// Writes ⟨v_p⟩^ℓ at every point of <paramref name="grid"/> into <paramref name="destination"/> (flattened grid order).
    /// </summary>
    /// <param name="grid">The Cartesian grid.</param>
    /// <param name="exponent">ℓ (finite).</param>
    /// <param name="convention">1 + |v| or √(1 + |v|²).</param>
    /// <param name="destination">N³ values.</param>
    public static void Fill(CartesianGrid grid, double exponent, BracketConvention convention, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(grid);
        Guard.Finite(exponent);
        EnsureDefined(convention);
        grid.FillSquaredSpeeds(destination);
        FromSquaredSpeeds(destination, exponent, convention);
    }

    /// <summary>Writes ⟨rᵢ⟩^ℓ at every radius of <paramref name="grid"/> into <paramref name="destination"/>.</summary>
    /// <param name="grid">The radial grid.</param>
    /// <param name="exponent">ℓ (finite).</param>
    /// <param name="convention">1 + r or √(1 + r²).</param>
    /// <param name="destination">n values.</param>
    public static void Fill(RadialGrid grid, double exponent, BracketConvention convention, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(grid);
        Guard.Finite(exponent);
        EnsureDefined(convention);
        Guard.Length(destination.Length, grid.Count, nameof(destination));
        TensorPrimitives.Multiply(grid.Radii, grid.Radii, destination);
        FromSquaredSpeeds(destination, exponent, convention);
    }

    // In place: r² ↦ ⟨r⟩^ℓ.
    private static void FromSquaredSpeeds(Span<double> values, double exponent, BracketConvention convention)
    {
        if (convention == BracketConvention.OnePlusNorm)
        {
            // (1 + √(r²))^ℓ
            TensorPrimitives.Sqrt(values, values);
            TensorPrimitives.Add(values, 1.0, values);
            TensorPrimitives.Pow(values, exponent, values);
        }
        else
        {
            // (1 + r²)^{ℓ/2}
            TensorPrimitives.Add(values, 1.0, values);
            TensorPrimitives.Pow(values, 0.5 * exponent, values);
        }
    }

    private static double Norm(Velocity3 v)
    {
        if (!v.IsFinite)
        {
            throw new ArgumentOutOfRangeException(nameof(v), v, $"v must be finite (was {v}).");
        }

        return v.Length;
    }

    private static void EnsureDefined(BracketConvention convention)
    {
        if (convention is not (BracketConvention.OnePlusNorm or BracketConvention.SquareRootOnePlusSquare))
        {
            throw InvalidConvention(convention);
        }
    }

    private static ArgumentOutOfRangeException InvalidConvention(BracketConvention convention) =>
        new(nameof(convention), convention, $"convention must be {BracketConvention.OnePlusNorm} or {BracketConvention.SquareRootOnePlusSquare} (was {(int)convention}).");
}
