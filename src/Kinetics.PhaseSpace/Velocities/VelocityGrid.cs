using System.Globalization;
using Kinetics.Grids;

namespace Kinetics.PhaseSpace.Velocities;

/// <summary>
/// A uniform cell-centred velocity grid in 1, 2 or 3 dimensions: N nodes per axis on [c_a − L, c_a + L], node i at
/// c_a − L + (i + ½)h, h = 2L/N, with the centre c = 0 unless given (a species' own grid, <see cref="SpeciesGrid"/>).
/// The 3-D grid is the collision operators' <see cref="CartesianGrid"/> (centred: <see cref="SpeciesGrid"/>) with the
/// same storage order; the 1-D and 2-D grids are the reduced velocity spaces of Vlasov–Poisson runs (1D-1V, 2D-2V).
/// </summary>
/// <remarks>
/// Flattened index: 1-D i; 2-D i·N + j; 3-D (i·N + j)·N + k, with i the v_x index (the slowest), exactly as
/// <see cref="CartesianGrid.Index"/>. Quadrature is the midpoint rule with weight h^d per node. Immutable; compares by
/// value (dimension, N, L and centre).
/// </remarks>
public sealed class VelocityGrid : IEquatable<VelocityGrid>
{
    private readonly double[] _axis;
    private readonly double[][] _coordinates;

    /// <summary>Creates the grid centred at 0.</summary>
    /// <param name="dimension">d in [1, 3].</param>
    /// <param name="pointsPerAxis">N in [4, 1024] (N^d at most 2^26).</param>
    /// <param name="halfWidth">L &gt; 0, finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument outside its range.</exception>
    public VelocityGrid(int dimension, int pointsPerAxis, double halfWidth)
        : this(dimension, pointsPerAxis, halfWidth, Velocity3.Zero)
    {
    }

    /// <summary>Creates the grid centred at <paramref name="centre"/> (a species' own grid).</summary>
    /// <param name="dimension">d in [1, 3].</param>
    /// <param name="pointsPerAxis">N in [4, 1024] (N^d at most 2^26).</param>
    /// <param name="halfWidth">L &gt; 0, finite.</param>
    /// <param name="centre">c, finite, with zero components beyond d.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument outside its range.</exception>
    public VelocityGrid(int dimension, int pointsPerAxis, double halfWidth, Velocity3 centre)
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

        Guard.Finite(centre, nameof(centre));
        for (int a = dimension; a < 3; a++)
        {
            if (centre[a] != 0.0)
            {
                throw new ArgumentOutOfRangeException(nameof(centre), centre, $"centre must have zero components beyond the grid's {dimension} dimension(s) (was {centre}).");
            }
        }

        // Physical node coordinates per axis; a zero centre component leaves the axis bitwise as it was (x + 0 is not
        // always x: −0 + 0 = +0), so it is added only where it is non-zero.
        Centre = centre;
        _coordinates = new double[dimension][];
        for (int a = 0; a < dimension; a++)
        {
            double c = centre[a];
            _coordinates[a] = c == 0.0 ? _axis : _axis.Select(v => c + v).ToArray();
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

    /// <summary>c, the centre of the box (zero components beyond d).</summary>
    public Velocity3 Centre { get; }

    /// <summary>True when the centre is 0.</summary>
    public bool IsCentred => Centre == Velocity3.Zero;

    /// <summary>The N node coordinates of one axis relative to the centre, ascending: −L + (i + ½)h.</summary>
    public ReadOnlySpan<double> Axis => _axis;

    /// <summary>The N physical node coordinates c_a − L + (i + ½)h along <paramref name="axis"/>, ascending.</summary>
    /// <param name="axis">In [0, d).</param>
    public ReadOnlySpan<double> Coordinates(int axis)
    {
        Guard.InRange(axis, 0, Dimension - 1);
        return _coordinates[axis];
    }

    /// <summary>Largest |v_a| on the grid over its axes: max_a |c_a| + L − h/2 (L − h/2 when centred).</summary>
    public double MaxSpeed
    {
        get
        {
            double largest = 0.0;
            for (int a = 0; a < Dimension; a++)
            {
                largest = Math.Max(largest, Math.Abs(Centre[a]));
            }

            return largest + (HalfWidth - (0.5 * Spacing));
        }
    }

    /// <summary>Largest |v_a| on the grid along <paramref name="axis"/>: |c_a| + L − h/2 (0 beyond d).</summary>
    /// <param name="axis">In [0, 2].</param>
    public double MaxSpeedAlong(int axis)
    {
        Guard.InRange(axis, 0, 2);
        return axis >= Dimension ? 0.0 : Math.Abs(Centre[axis]) + (HalfWidth - (0.5 * Spacing));
    }

    /// <summary>The 3-D grid as the collision operators' <see cref="CartesianGrid"/>.</summary>
    /// <param name="grid">A Cartesian grid.</param>
    public static VelocityGrid FromCartesian(CartesianGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return new VelocityGrid(3, grid.PointsPerAxis, grid.HalfWidth);
    }

    /// <summary>The 3-D grid of a species' own <see cref="SpeciesGrid"/> (same nodes, centre and order).</summary>
    /// <param name="grid">A species grid.</param>
    public static VelocityGrid FromSpeciesGrid(SpeciesGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return new VelocityGrid(3, grid.PointsPerAxis, grid.HalfWidth, grid.Centre);
    }

    /// <summary>One 3-D grid per species of <paramref name="grids"/>, in species order (for a per-species <c>PhaseSpaceState</c>).</summary>
    /// <param name="grids">The species' grids.</param>
    public static VelocityGrid[] FromSpeciesGrids(SpeciesGrids grids)
    {
        ArgumentNullException.ThrowIfNull(grids);
        var result = new VelocityGrid[grids.SpeciesCount];
        for (int a = 0; a < result.Length; a++)
        {
            result[a] = FromSpeciesGrid(grids[a]);
        }

        return result;
    }

    /// <summary>This 3-D grid as a <see cref="CartesianGrid"/> (same nodes relative to the centre, same order).</summary>
    /// <exception cref="InvalidOperationException">The grid is not 3-D, or not centred at 0 (see <see cref="ToSpeciesGrid"/>).</exception>
    public CartesianGrid ToCartesian() => Dimension != 3
        ? throw new InvalidOperationException($"Only a 3-D velocity grid is a CartesianGrid (this one is {Dimension}-D).")
        : !IsCentred ? throw new InvalidOperationException($"This grid is centred at {Centre}; a CartesianGrid is centred at 0 (use ToSpeciesGrid).")
        : new CartesianGrid(PointsPerAxis, HalfWidth);

    /// <summary>This 3-D grid as a <see cref="SpeciesGrid"/> (a <see cref="CartesianGrid"/> placed at <see cref="Centre"/>).</summary>
    /// <exception cref="InvalidOperationException">The grid is not 3-D.</exception>
    public SpeciesGrid ToSpeciesGrid() => Dimension == 3
        ? new SpeciesGrid(new CartesianGrid(PointsPerAxis, HalfWidth), Centre)
        : throw new InvalidOperationException($"Only a 3-D velocity grid is a SpeciesGrid (this one is {Dimension}-D).");

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

        return _coordinates[axis][index / Stride(axis) % PointsPerAxis];
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
        double[] coordinates = _coordinates[axis];
        for (int p = 0; p < Count; p++)
        {
            destination[p] = coordinates[p / stride % PointsPerAxis];
        }
    }

    /// <inheritdoc/>
    public bool Equals(VelocityGrid? other) =>
        other is not null && Dimension == other.Dimension && PointsPerAxis == other.PointsPerAxis && HalfWidth.Equals(other.HalfWidth)
        && Centre.Equals(other.Centre);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as VelocityGrid);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Dimension, PointsPerAxis, HalfWidth, Centre);

    /// <inheritdoc/>
    public override string ToString() => IsCentred
        ? string.Create(CultureInfo.InvariantCulture, $"VelocityGrid({Dimension}V, N = {PointsPerAxis}, [-{HalfWidth:G6}, {HalfWidth:G6}], h = {Spacing:G6})")
        : string.Create(CultureInfo.InvariantCulture, $"VelocityGrid({Dimension}V, N = {PointsPerAxis}, centre ({Centre.X:G6}, {Centre.Y:G6}, {Centre.Z:G6}), ±{HalfWidth:G6}, h = {Spacing:G6})");
}
