using System.Numerics.Tensors;

namespace Kinetics.Grids;

/// <summary>
/// The resolution check of distributions on a <see cref="CartesianGrid"/>: spectral operators assume F decays inside
/// the box, so max |F| over the outermost layer of cells must not exceed a tolerance times max |F|. Cost: one pass
/// over the 6N² boundary cells plus one vectorised max over N³ values.
/// </summary>
internal static class GridResolution
{
    /// <summary>max |F| on the outermost layer of cells divided by max |F| (0 for F ≡ 0).</summary>
    public static double BoundaryRatio(CartesianGrid grid, ReadOnlySpan<double> values)
    {
        int n = grid.PointsPerAxis;
        // MaxMagnitude returns the signed element of largest magnitude: take |·|.
        double peak = Math.Abs(TensorPrimitives.MaxMagnitude(values)), edge = 0;
        if (peak == 0)
        {
            return 0;
        }

        for (int i = 0, p = 0; i < n; i++)
        {
            bool faceI = i == 0 || i == n - 1;
            for (int j = 0; j < n; j++, p += n)
            {
                edge = faceI || j == 0 || j == n - 1
                    ? Math.Max(edge, Math.Abs(TensorPrimitives.MaxMagnitude(values.Slice(p, n))))
                    : Math.Max(edge, Math.Max(Math.Abs(values[p]), Math.Abs(values[p + n - 1])));
            }
        }

        return edge / peak;
    }

    /// <summary>Throws unless <see cref="BoundaryRatio"/> ≤ <paramref name="tolerance"/> (+∞ disables the check).</summary>
    public static void Ensure(CartesianGrid grid, ReadOnlySpan<double> values, double tolerance, string paramName, int species = -1)
    {
        if (double.IsPositiveInfinity(tolerance))
        {
            return;
        }

        double ratio = BoundaryRatio(grid, values);
        if (ratio > tolerance)
        {
            string which = species >= 0 ? $"species {species}" : "the distribution";
            throw new ArgumentException(
                $"{paramName}: {which} is not resolved by the grid: |F| on the box boundary is {ratio:G3} of its maximum (allowed: {tolerance:G3}); enlarge L = {grid.HalfWidth:G6} or check the data.",
                paramName);
        }
    }

    /// <summary><see cref="Ensure"/> for each of <paramref name="speciesCount"/> species-major blocks of N³ values.</summary>
    public static void EnsureSpecies(CartesianGrid grid, ReadOnlySpan<double> values, int speciesCount, double tolerance, string paramName)
    {
        int count = grid.Count;
        for (int a = 0; a < speciesCount; a++)
        {
            Ensure(grid, values.Slice(a * count, count), tolerance, paramName, a);
        }
    }
}
