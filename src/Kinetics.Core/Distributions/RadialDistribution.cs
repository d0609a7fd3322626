using Kinetics.Grids;

namespace Kinetics.Distributions;

/// <summary>
/// Values g(rᵢ) of one species' isotropic distribution function F(v) = g(|v|) at the radii of a
/// <see cref="RadialGrid"/>. The radial counterpart of <see cref="DistributionFunction"/>: it knows its grid, so
/// operators reject data from a different grid instead of silently misreading it.
/// </summary>
/// <remarks>The value buffer is owned by this object and mutable through <see cref="Values"/>; operators in Kinetics
/// never write into the distributions they are given. An isotropic distribution has zero bulk velocity.</remarks>
public sealed class RadialDistribution
{
    private readonly double[] _values;

    /// <summary>Creates a zero distribution on <paramref name="grid"/>.</summary>
    /// <param name="grid">The radial grid.</param>
    public RadialDistribution(RadialGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        Grid = grid;
        _values = new double[grid.Count];
    }

    /// <summary>Creates a distribution on <paramref name="grid"/> holding a copy of <paramref name="values"/>.</summary>
    /// <param name="grid">The radial grid.</param>
    /// <param name="values">n finite values, one per radius.</param>
    /// <exception cref="ArgumentException">Wrong length or non-finite entries.</exception>
    public RadialDistribution(RadialGrid grid, ReadOnlySpan<double> values)
    {
        ArgumentNullException.ThrowIfNull(grid);
        Guard.Length(values.Length, grid.Count, nameof(values));
        Guard.AllFinite(values);
        Grid = grid;
        _values = values.ToArray();
    }

    /// <summary>Creates a distribution by sampling g at every radius.</summary>
    /// <param name="grid">The radial grid.</param>
    /// <param name="function">g(r); must return finite values.</param>
    /// <exception cref="ArgumentException">The function returned a non-finite value.</exception>
    public static RadialDistribution Sample(RadialGrid grid, Func<double, double> function)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(function);
        var result = new RadialDistribution(grid);
        for (int i = 0; i < grid.Count; i++)
        {
            double r = grid.Radii[i];
            double value = function(r);
            if (!double.IsFinite(value))
            {
                throw new ArgumentException($"function returned {value} at r = {r}; values must be finite.", nameof(function));
            }

            result._values[i] = value;
        }

        return result;
    }

    /// <summary>The grid the values live on.</summary>
    public RadialGrid Grid { get; }

    /// <summary>The n values g(rᵢ).</summary>
    public Span<double> Values => _values;

    /// <summary>Read-only view of the values.</summary>
    public ReadOnlySpan<double> ReadOnlyValues => _values;

    /// <summary>A deep copy.</summary>
    public RadialDistribution Clone() => new(Grid, _values);

    /// <summary>Throws unless every value is finite; names <paramref name="paramName"/>.</summary>
    /// <param name="paramName">Parameter name used in the exception.</param>
    public void EnsureFinite(string paramName)
    {
        ReadOnlySpan<double> values = _values;
        Guard.AllFinite(values, paramName);
    }
}
