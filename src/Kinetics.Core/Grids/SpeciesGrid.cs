namespace Kinetics.Grids;

/// <summary>
/// One species' velocity grid: a <see cref="CartesianGrid"/> in local coordinates placed at a centre c, so that grid
/// point p sits at the physical velocity c + v_p. Values of a distribution on it are stored in the grid's flattened
/// order, exactly as on the <see cref="CartesianGrid"/> itself.
/// </summary>
/// <remarks>Every collision operator in the library is translation invariant (Q(F(· − c), G(· − c)) = Q(F, G)(· − c)),
/// so an operator built on <see cref="Grid"/> acts on a species grid unchanged when all its arguments share the centre;
/// per-species operators (<c>SpeciesGridLandauOperator</c>) transfer data between grids with different centres, spacings
/// and sizes. Immutable; compares by value (grid and centre).</remarks>
public sealed record SpeciesGrid
{
    /// <summary>Creates the grid <paramref name="grid"/> centred at <paramref name="centre"/>.</summary>
    /// <param name="grid">The local grid on [−L, L]³.</param>
    /// <param name="centre">c, finite.</param>
    public SpeciesGrid(CartesianGrid grid, Velocity3 centre = default)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (!centre.IsFinite)
        {
            throw new ArgumentOutOfRangeException(nameof(centre), centre, $"centre must be finite (was {centre}).");
        }

        Grid = grid;
        Centre = centre;
    }

    /// <summary>The local grid on [−L, L]³.</summary>
    public CartesianGrid Grid { get; }

    /// <summary>c, the velocity of the box centre.</summary>
    public Velocity3 Centre { get; }

    /// <summary>N, the number of points per axis.</summary>
    public int PointsPerAxis => Grid.PointsPerAxis;

    /// <summary>L, the half-width.</summary>
    public double HalfWidth => Grid.HalfWidth;

    /// <summary>h = 2L/N.</summary>
    public double Spacing => Grid.Spacing;

    /// <summary>N³.</summary>
    public int Count => Grid.Count;

    /// <summary>h³, the quadrature weight of every point.</summary>
    public double CellVolume => Grid.CellVolume;

    /// <summary>Physical velocity c + v_p of the point with flattened index <paramref name="index"/>.</summary>
    /// <param name="index">Flattened index in [0, N³).</param>
    public Velocity3 Point(int index) => Centre + Grid.Point(index);

    /// <summary>Physical coordinate c_axis + v_i of axis index <paramref name="i"/> along <paramref name="axis"/>.</summary>
    /// <param name="axis">0 = x, 1 = y, 2 = z.</param>
    /// <param name="i">Axis index in [0, N).</param>
    public double Coordinate(int axis, int i) => Centre[axis] + Grid.Coordinate(i);

    /// <inheritdoc />
    public override string ToString() => $"{Grid} centred at {Centre}";
}
