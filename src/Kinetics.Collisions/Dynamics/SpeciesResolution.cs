using System.Globalization;
using System.Numerics.Tensors;
using Kinetics.Grids;
using Kinetics.Spectral;

namespace Kinetics.Dynamics;

/// <summary>
/// How well one species' distribution is resolved by a <see cref="CartesianGrid"/>: the box-edge ratio, the spacing
/// relative to the thermal speed, and the most negative value.
/// </summary>
/// <param name="EdgeRatio">max |F| on the outermost layer of grid points / max |F| (the box is too small when this is not
/// negligible; a Maxwellian gives exp(−(L − |u|)²/(2σ²))).</param>
/// <param name="SpacingRatio">h/σ with σ = √(T/m) from the grid moments of F (the spacing resolves the species when this is
/// below about 0.7; at h = σ shifted copies and the operators' conservation lose 1e−4 … 1e−2, docs/boltzmann.md).</param>
/// <param name="MinimumValue">min F / max F (negative values from aliasing and Gibbs ringing).</param>
public readonly record struct SpeciesResolution(double EdgeRatio, double SpacingRatio, double MinimumValue)
{
    /// <summary>The spacing ratio h/σ below which a species counts as resolved by default.</summary>
    public const double DefaultMaxSpacingRatio = 1.0;

    /// <summary>Measures the indicators of one species (allocates nothing).</summary>
    /// <param name="grid">The velocity grid.</param>
    /// <param name="distribution">N³ values of F.</param>
    /// <param name="mass">m &gt; 0.</param>
    public static SpeciesResolution Measure(CartesianGrid grid, ReadOnlySpan<double> distribution, double mass)
    {
        ArgumentNullException.ThrowIfNull(grid);
        Guard.Length(distribution.Length, grid.Count, nameof(distribution));
        double edge = GridResolution.BoundaryRatio(grid, distribution);
        var moments = Moments.SpeciesMoments.Of(grid, distribution, mass);
        double sigma = Math.Sqrt(moments.Temperature / mass);
        double spacing = sigma > 0 && double.IsFinite(sigma) ? grid.Spacing / sigma : double.PositiveInfinity;
        double peak = TensorPrimitives.Max(distribution);
        double minimum = peak > 0 ? TensorPrimitives.Min(distribution) / peak : 0;
        return new SpeciesResolution(edge, spacing, minimum);
    }

    /// <summary>
    /// The remedy for an unresolved species: the L that brings the edge ratio to <paramref name="tolerance"/> (Gaussian
    /// tail model: L' = L·√(ln(1/tol)/ln(1/edge))), and the N that keeps h/σ ≤ <paramref name="maxSpacingRatio"/> on
    /// [−L', L']³.
    /// </summary>
    /// <param name="grid">The current grid.</param>
    /// <param name="tolerance">The admissible edge ratio.</param>
    /// <param name="maxSpacingRatio">The admissible h/σ.</param>
    public string Remedy(CartesianGrid grid, double tolerance, double maxSpacingRatio)
    {
        ArgumentNullException.ThrowIfNull(grid);
        double length = grid.HalfWidth;
        if (EdgeRatio > tolerance && EdgeRatio < 1)
        {
            length *= Math.Sqrt(Math.Log(1 / tolerance) / Math.Log(1 / EdgeRatio));
        }

        double sigma = grid.Spacing / SpacingRatio;
        int needed = grid.PointsPerAxis;
        while (2 * length / needed > maxSpacingRatio * sigma || !Fft3DPlan.IsSupportedSize(needed))
        {
            needed += 2;
            if (needed > 4096)
            {
                break;
            }
        }

        var culture = CultureInfo.InvariantCulture;
        return needed == grid.PointsPerAxis
            ? string.Create(culture, $"set L ≥ {length:G4} (now {grid.HalfWidth:G4}) at N = {grid.PointsPerAxis}")
            : length > grid.HalfWidth * (1 + 1e-12)
                ? string.Create(culture, $"set L ≥ {length:G4} and N ≥ {needed} (now L = {grid.HalfWidth:G4}, N = {grid.PointsPerAxis}): a larger L alone would make h/σ exceed {maxSpacingRatio:G3}")
                : string.Create(culture, $"increase N to ≥ {needed} (now {grid.PointsPerAxis}) at L = {grid.HalfWidth:G4}");
    }
}
