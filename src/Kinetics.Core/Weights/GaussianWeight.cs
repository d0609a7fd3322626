using System.Numerics.Tensors;
using Kinetics.Grids;

namespace Kinetics.Weights;

/// <summary>
/// Exponential velocity weights e^{q|v|²}: q &gt; 0 gives the growing weights of exponentially weighted norms,
/// q &lt; 0 a Gaussian. Pointwise, on a Cartesian grid and on a radial grid.
/// </summary>
/// <remarks>No clipping: for q &gt; 0 values overflow to +∞ once q|v|² exceeds ≈ 709.78 (the caller chooses q and the
/// grid).</remarks>
public static class GaussianWeight
{
    /// <summary>e^{q|v|²}.</summary>
    /// <param name="v">Velocity (finite).</param>
    /// <param name="rate">q (finite, any sign).</param>
    public static double Evaluate(Velocity3 v, double rate)
    {
        Guard.Finite(rate);
        if (!v.IsFinite)
        {
            throw new ArgumentOutOfRangeException(nameof(v), v, $"v must be finite (was {v}).");
        }

        return Math.Exp(rate * v.LengthSquared);
    }

    /// <summary>Writes e^{q|v_p|²} at every point of <paramref name="grid"/> into <paramref name="destination"/> (flattened grid order).</summary>
    /// <param name="grid">The Cartesian grid.</param>
    /// <param name="rate">q (finite).</param>
    /// <param name="destination">N³ values.</param>
    public static void Fill(CartesianGrid grid, double rate, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(grid);
        Guard.Finite(rate);
        grid.FillSquaredSpeeds(destination);
        TensorPrimitives.Multiply(destination, rate, destination);
        TensorPrimitives.Exp(destination, destination);
    }

    /// <summary>Writes e^{q rᵢ²} at every radius of <paramref name="grid"/> into <paramref name="destination"/>.</summary>
    /// <param name="grid">The radial grid.</param>
    /// <param name="rate">q (finite).</param>
    /// <param name="destination">n values.</param>
    public static void Fill(RadialGrid grid, double rate, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(grid);
        Guard.Finite(rate);
        Guard.Length(destination.Length, grid.Count, nameof(destination));
        TensorPrimitives.Multiply(grid.Radii, grid.Radii, destination);
        TensorPrimitives.Multiply(destination, rate, destination);
        TensorPrimitives.Exp(destination, destination);
    }
}
