using System.Globalization;
using Kinetics.Grids;

namespace Kinetics.PhaseSpace.Velocities;

/// <summary>
/// A uniform cell-centred velocity grid in 1, 2 or 3 dimensions: N nodes per axis on [−L, L], node i at
/// −L + (i + ½)h, h = 2L/N. The 3-D grid is the collision operators' <see cref="CartesianGrid"/> with the same storage
/// order; the 1-D and 2-D grids are the reduced velocity spaces of Vlasov–Poisson runs (1D-1V, 2D-2V).
/// </summary>
/// <remarks>
/// Flattened index: 1-D i; 2-D i·N + j; 3-D (i·N + j)·N + k, with i the v_x index (the slowest), exactly as
/// <see cref="CartesianGrid.Index"/>. Quadrature is the midpoint rule with weight h^d per node. Immutable.
/// </remarks>
public sealed class VelocityGrid : IEquatable<VelocityGrid>
{
    private readonly double[] _axis;

    /// <summary>Creates the grid.</summary>
    /// <param name="dimension">d in [1, 3].</param>
    /// <param name="pointsPerAxis">N in [4, 1024] (N^d at most 2^26).</param>
    /// <param name="halfWidth">L &gt; 0, finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument outside its range.</exception>
    public VelocityGrid(int dimension, int pointsPerAxis, double halfWidth)
    {
        Guard.InRange(dimension, 1, 3);
        Guard.InRange(pointsPerAxis, CartesianGrid.MinPointsPerAxis, CartesianGrid.MaxPointsPerAxis);
        Guard.Positive(halfWidth);
        if (Math.Pow(pointsPerAxis, dimension) > (1 << 26))
        {
            throw new ArgumentOutOfRangeException(nameof(pointsPerAxis), pointsPerAxis, "pointsPerAxis^dimension must be at most 2^26.");
        }

        Dimension = dimension;
        PointsPerAxis = pointsPerAxis;
        HalfWidth = halfWidth;
        Spacing = 2.0 * halfWidth / pointsPerAxis;
        Count = (int)Math.Pow(pointsPerAxis, dimension);
        _axis = new double[pointsPerAxis];
        for (int i = 0; i < pointsPerAxis; i++)
        {
            _axis[i] = -halfWidth + ((i + 0.5) * Spacing);
        }
    }

    /// <summary>d, the number of velocity components.</summary>
    public int Dimension { get; }

    /// <summary>N, nodes per axis.</summary>
    public int PointsPerAxis { get; }

    /// <summary>L, the half-width.</summary>
    public double HalfWidth { get; }

    /// <summary>h = 2L/N.</summary>
    public double Spacing { get; }

    /// <summary>N^d, the number of nodes.</summary>
    public int Count { get; }

    /// <summary>h^d, the quadrature weight of every node.</summary>
    public double Weight => Math.Pow(Spacing, Dimension);

    /// <summary>The N node coordinates of one axis, ascending.</summary>
    public ReadOnlySpan<double> Axis => _axis;

    /// <summary>Largest |v_a| on the grid: L − h/2.</summary>
    public double MaxSpeed => HalfWidth - (0.5 * Spacing);

    /// <summary>The 3-D grid as the collision operators' <see cref="CartesianGrid"/>.</summary>
    /// <param name="grid">A Cartesian grid.</param>
    public static VelocityGrid FromCartesian(CartesianGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return new VelocityGrid(3, grid.PointsPerAxis, grid.HalfWidth);
    }

    /// <summary>This 3-D grid as a <see cref="CartesianGrid"/> (same nodes, same order).</summary>
    /// <exception cref="InvalidOperationException">The grid is not 3-D.</exception>
    public CartesianGrid ToCartesian() => Dimension == 3
        ? new CartesianGrid(PointsPerAxis, HalfWidth)
        : throw new InvalidOperationException($"Only a 3-D velocity grid is a CartesianGrid (this one is {Dimension}-D).");

    /// <summary>Distance in the flattened order between neighbours along <paramref name="axis"/>: N^(d−1−axis).</summary>
    /// <param name="axis">In [0, d).</param>
    public int Stride(int axis)
    {
        Guard.InRange(axis, 0, Dimension - 1);
        int stride = 1;
        for (int a = axis + 1; a < Dimension; a++)
        {
            stride *= PointsPerAxis;
        }

        return stride;
    }

    /// <summary>v_axis at the node with flattened index <paramref name="index"/>; 0 for an axis beyond d.</summary>
    /// <param name="index">In [0, N^d).</param>
    /// <param name="axis">In [0, 2].</param>
    public double Component(int index, int axis)
    {
        Guard.InRange(index, 0, Count - 1);
        Guard.InRange(axis, 0, 2);
        if (axis >= Dimension)
        {
            return 0.0;
        }

        return _axis[index / Stride(axis) % PointsPerAxis];
    }

    /// <summary>Fills <paramref name="destination"/> with v_axis at every node (zeros for an axis beyond d).</summary>
    /// <param name="axis">In [0, 2].</param>
    /// <param name="destination">N^d values.</param>
    public void FillComponent(int axis, Span<double> destination)
    {
        Guard.InRange(axis, 0, 2);
        Guard.Length(destination.Length, Count, nameof(destination));
        if (axis >= Dimension)
        {
            destination.Clear();
            return;
        }

        int stride = Stride(axis);
        for (int p = 0; p < Count; p++)
        {
            destination[p] = _axis[p / stride % PointsPerAxis];
        }
    }

    /// <inheritdoc/>
    public bool Equals(VelocityGrid? other) =>
        other is not null && Dimension == other.Dimension && PointsPerAxis == other.PointsPerAxis && HalfWidth.Equals(other.HalfWidth);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as VelocityGrid);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Dimension, PointsPerAxis, HalfWidth);

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"VelocityGrid({Dimension}V, N = {PointsPerAxis}, [-{HalfWidth:G6}, {HalfWidth:G6}], h = {Spacing:G6})");
}
