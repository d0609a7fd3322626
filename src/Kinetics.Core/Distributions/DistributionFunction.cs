using Kinetics.Grids;

namespace Kinetics.Distributions;

/// <summary>
/// Values of one species' distribution function F(v) at the points of a <see cref="CartesianGrid"/>, in the grid's
/// flattened order. The distribution knows its grid, so operators can reject data from a different grid instead of
/// silently misreading it.
/// </summary>
/// <remarks>The value buffer is owned by this object and mutable through <see cref="Values"/>; operators in Kinetics
/// never write into the distributions they are given.</remarks>
public sealed class DistributionFunction
{
    private readonly double[] _values;

    /// <summary>Creates a zero distribution on <paramref name="grid"/>.</summary>
    /// <param name="grid">The velocity grid.</param>
    public DistributionFunction(CartesianGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        Grid = grid;
        _values = new double[grid.Count];
    }

    /// <summary>Creates a distribution on <paramref name="grid"/> holding a copy of <paramref name="values"/>.</summary>
    /// <param name="grid">The velocity grid.</param>
    /// <param name="values">N³ finite values in the grid's flattened order.</param>
    /// <exception cref="ArgumentException">Wrong length or non-finite entries.</exception>
    public DistributionFunction(CartesianGrid grid, ReadOnlySpan<double> values)
    {
        ArgumentNullException.ThrowIfNull(grid);
        Guard.Length(values.Length, grid.Count, nameof(values));
        Guard.AllFinite(values);
        Grid = grid;
        _values = values.ToArray();
    }

    /// <summary>Creates a distribution by sampling <paramref name="function"/> at every grid point.</summary>
    /// <param name="grid">The velocity grid.</param>
    /// <param name="function">F(v); must return finite values.</param>
    /// <exception cref="ArgumentException">The function returned a non-finite value.</exception>
    public static DistributionFunction Sample(CartesianGrid grid, Func<Velocity3, double> function)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(function);
        var result = new DistributionFunction(grid);
        for (int p = 0; p < grid.Count; p++)
        {
            double value = function(grid.Point(p));
            if (!double.IsFinite(value))
            {
                throw new ArgumentException($"function returned {value} at v = {grid.Point(p)}; values must be finite.", nameof(function));
            }

            result._values[p] = value;
        }

        return result;
    }

    /// <summary>The grid the values live on.</summary>
    public CartesianGrid Grid { get; }

    /// <summary>The N³ values in flattened (i·N + j)·N + k order.</summary>
    public Span<double> Values => _values;

    /// <summary>Read-only view of the values.</summary>
    public ReadOnlySpan<double> ReadOnlyValues => _values;

    /// <summary>A deep copy.</summary>
    public DistributionFunction Clone() => new(Grid, _values);

    /// <summary>Throws unless every value is finite; names <paramref name="paramName"/>.</summary>
    /// <param name="paramName">Parameter name used in the exception.</param>
    public void EnsureFinite(string paramName)
    {
        ReadOnlySpan<double> values = _values;
        Guard.AllFinite(values, paramName);
    }
}
