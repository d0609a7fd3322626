using System.Globalization;

namespace Kinetics.PhaseSpace.Meshes;

/// <summary>
/// A uniform cell-centred spatial mesh in one or two dimensions: the box [0, Lx) (× [0, Ly)) split into Nx (× Ny) equal
/// cells. One type for both dimensions: a 1-D mesh is a 2-D mesh with one row (Ny = 1).
/// </summary>
/// <remarks>
/// Cell (ix, iy) has flattened index <c>iy·Nx + ix</c> and centre ((ix + ½)Δx, (iy + ½)Δy). The last axis (x in 1-D,
/// y in 2-D) is the <em>slow</em> axis: its rows are contiguous blocks of cells, which is the axis a distributed run
/// splits over processes (<see cref="Parallel.DomainDecomposition"/>). Immutable and thread-safe.
/// </remarks>
public sealed class UniformMesh : IEquatable<UniformMesh>
{
    /// <summary>The largest number of cells along an axis.</summary>
    public const int MaxCellsPerAxis = 1 << 16;

    private UniformMesh(int dimension, int cellsX, int cellsY, double lengthX, double lengthY)
    {
        Dimension = dimension;
        CellsX = cellsX;
        CellsY = cellsY;
        LengthX = lengthX;
        LengthY = lengthY;
    }

    /// <summary>Number of spatial dimensions (1 or 2).</summary>
    public int Dimension { get; }

    /// <summary>Nx, cells along x.</summary>
    public int CellsX { get; }

    /// <summary>Ny, cells along y (1 for a 1-D mesh).</summary>
    public int CellsY { get; }

    /// <summary>Lx, the length of the box along x.</summary>
    public double LengthX { get; }

    /// <summary>Ly, the length of the box along y (1 for a 1-D mesh, so that cell "areas" are lengths).</summary>
    public double LengthY { get; }

    /// <summary>Δx = Lx/Nx.</summary>
    public double SpacingX => LengthX / CellsX;

    /// <summary>Δy = Ly/Ny (1 for a 1-D mesh).</summary>
    public double SpacingY => LengthY / CellsY;

    /// <summary>Nx·Ny.</summary>
    public int CellCount => CellsX * CellsY;

    /// <summary>The cell measure Δx (1-D) or Δx·Δy (2-D).</summary>
    public double CellVolume => SpacingX * SpacingY;

    /// <summary>The slow axis (0 = x for 1-D, 1 = y for 2-D), the one split across processes.</summary>
    public int SlowAxis => Dimension - 1;

    /// <summary>Cells in one row of the slow axis (1 in 1-D, Nx in 2-D).</summary>
    public int RowLength => Dimension == 1 ? 1 : CellsX;

    /// <summary>Rows along the slow axis (Nx in 1-D, Ny in 2-D).</summary>
    public int RowCount => Dimension == 1 ? CellsX : CellsY;

    /// <summary>A 1-D mesh of <paramref name="cells"/> cells on [0, <paramref name="length"/>).</summary>
    /// <param name="cells">Nx in [2, 65536].</param>
    /// <param name="length">Lx &gt; 0, finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument outside its range.</exception>
    public static UniformMesh Create1D(int cells, double length)
    {
        Guard.InRange(cells, 2, MaxCellsPerAxis);
        Guard.Positive(length);
        return new UniformMesh(1, cells, 1, length, 1.0);
    }

    /// <summary>A 2-D mesh of Nx × Ny cells on [0, Lx) × [0, Ly).</summary>
    /// <param name="cellsX">Nx in [2, 65536].</param>
    /// <param name="cellsY">Ny in [2, 65536].</param>
    /// <param name="lengthX">Lx &gt; 0, finite.</param>
    /// <param name="lengthY">Ly &gt; 0, finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument outside its range.</exception>
    public static UniformMesh Create2D(int cellsX, int cellsY, double lengthX, double lengthY)
    {
        Guard.InRange(cellsX, 2, MaxCellsPerAxis);
        Guard.InRange(cellsY, 2, MaxCellsPerAxis);
        Guard.Positive(lengthX);
        Guard.Positive(lengthY);
        if ((long)cellsX * cellsY > int.MaxValue / 2)
        {
            throw new ArgumentOutOfRangeException(nameof(cellsY), cellsY, "cellsX·cellsY must stay below 2^30.");
        }

        return new UniformMesh(2, cellsX, cellsY, lengthX, lengthY);
    }

    /// <summary>Cells along <paramref name="axis"/> (0 = x, 1 = y).</summary>
    /// <param name="axis">0 or 1 (1 only for a 2-D mesh).</param>
    public int Cells(int axis) => CheckAxis(axis) == 0 ? CellsX : CellsY;

    /// <summary>Spacing along <paramref name="axis"/> (0 = x, 1 = y).</summary>
    /// <param name="axis">0 or 1 (1 only for a 2-D mesh).</param>
    public double Spacing(int axis) => CheckAxis(axis) == 0 ? SpacingX : SpacingY;

    /// <summary>Box length along <paramref name="axis"/> (0 = x, 1 = y).</summary>
    /// <param name="axis">0 or 1 (1 only for a 2-D mesh).</param>
    public double Length(int axis) => CheckAxis(axis) == 0 ? LengthX : LengthY;

    /// <summary>Flattened index iy·Nx + ix.</summary>
    /// <param name="ix">Cell along x, in [0, Nx).</param>
    /// <param name="iy">Cell along y, in [0, Ny) (0 in 1-D).</param>
    public int Index(int ix, int iy = 0)
    {
        Guard.InRange(ix, 0, CellsX - 1);
        Guard.InRange(iy, 0, CellsY - 1);
        return (iy * CellsX) + ix;
    }

    /// <summary>x of the centre of column <paramref name="ix"/>: (ix + ½)Δx.</summary>
    /// <param name="ix">Cell along x, in [0, Nx).</param>
    public double CenterX(int ix)
    {
        Guard.InRange(ix, 0, CellsX - 1);
        return (ix + 0.5) * SpacingX;
    }

    /// <summary>y of the centre of row <paramref name="iy"/>: (iy + ½)Δy.</summary>
    /// <param name="iy">Cell along y, in [0, Ny) (0 in 1-D).</param>
    public double CenterY(int iy)
    {
        Guard.InRange(iy, 0, CellsY - 1);
        return (iy + 0.5) * SpacingY;
    }

    /// <inheritdoc/>
    public bool Equals(UniformMesh? other) =>
        other is not null && Dimension == other.Dimension && CellsX == other.CellsX && CellsY == other.CellsY
        && LengthX.Equals(other.LengthX) && LengthY.Equals(other.LengthY);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as UniformMesh);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Dimension, CellsX, CellsY, LengthX, LengthY);

    /// <inheritdoc/>
    public override string ToString() => Dimension == 1
        ? string.Create(CultureInfo.InvariantCulture, $"UniformMesh(1-D, Nx = {CellsX}, Lx = {LengthX:G6})")
        : string.Create(CultureInfo.InvariantCulture, $"UniformMesh(2-D, {CellsX} × {CellsY}, {LengthX:G6} × {LengthY:G6})");

    private int CheckAxis(int axis)
    {
        if (axis < 0 || axis >= Dimension)
        {
            throw new ArgumentOutOfRangeException(nameof(axis), axis, $"axis must be in [0, {Dimension - 1}] for a {Dimension}-D mesh (was {axis}).");
        }

        return axis;
    }
}
