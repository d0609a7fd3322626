using Kinetics.Mixtures;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.PhaseSpace.Velocities;

namespace Kinetics.PhaseSpace.States;

/// <summary>
/// The distribution functions F^α(x, v) of every species of a mixture on a spatial mesh × velocity grid, in one
/// contiguous array: for each cell, for each species, the N^d velocity values. A state may hold only a block of rows
/// of the mesh (the part owned by one process of a distributed run).
/// </summary>
/// <remarks>
/// Storage: entry <c>((c·S) + α)·N_v + p</c> is F^α at local cell c and velocity node p, with local cell c = global
/// cell − <see cref="FirstCell"/>. Cell-major order makes the S·N_v values of one cell contiguous — exactly the
/// species-major input of an <see cref="Kinetics.Dynamics.ICollisionOperator"/> — so collisions run on the state
/// without copies, and transport sweeps read whole velocity rows at a time. F is a phase-space density: the number
/// of particles of species α in a cell is Δx(Δy)·h^d·Σ_p F.
/// </remarks>
public sealed class PhaseSpaceState
{
    private readonly double[] _data;
    private readonly double[] _masses;
    private readonly double[] _charges;

    /// <summary>Creates a zero state on all cells of <paramref name="mesh"/>.</summary>
    /// <param name="mesh">The spatial mesh.</param>
    /// <param name="velocities">The velocity grid (shared by every species).</param>
    /// <param name="mixture">The species (masses and charges).</param>
    public PhaseSpaceState(UniformMesh mesh, VelocityGrid velocities, Mixture mixture)
        : this(mesh, velocities, mixture, 0, mesh?.RowCount ?? 0)
    {
    }

    /// <summary>Creates a zero state on the rows [firstRow, firstRow + rowCount) of the slow axis of <paramref name="mesh"/>.</summary>
    /// <param name="mesh">The spatial mesh.</param>
    /// <param name="velocities">The velocity grid (shared by every species).</param>
    /// <param name="mixture">The species (masses and charges).</param>
    /// <param name="firstRow">First owned row of the slow axis (<see cref="UniformMesh.SlowAxis"/>), in [0, rows).</param>
    /// <param name="rowCount">Owned rows, in [1, rows − firstRow].</param>
    /// <exception cref="ArgumentOutOfRangeException">Rows outside the mesh, or a state of more than 2^31 values.</exception>
    public PhaseSpaceState(UniformMesh mesh, VelocityGrid velocities, Mixture mixture, int firstRow, int rowCount)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        ArgumentNullException.ThrowIfNull(velocities);
        ArgumentNullException.ThrowIfNull(mixture);
        Guard.InRange(firstRow, 0, mesh.RowCount - 1);
        Guard.InRange(rowCount, 1, mesh.RowCount - firstRow);
        long length = (long)rowCount * mesh.RowLength * mixture.Count * velocities.Count;
        if (length > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(rowCount), rowCount, $"the state would hold {length} values (at most {Array.MaxLength}).");
        }

        Mesh = mesh;
        Velocities = velocities;
        Mixture = mixture;
        FirstRow = firstRow;
        RowCount = rowCount;
        _masses = mixture.Masses();
        _charges = mixture.Select(s => s.Charge).ToArray();
        _data = new double[length];
    }

    /// <summary>The spatial mesh (all of it, also when this state holds a block).</summary>
    public UniformMesh Mesh { get; }

    /// <summary>The velocity grid.</summary>
    public VelocityGrid Velocities { get; }

    /// <summary>The species.</summary>
    public Mixture Mixture { get; }

    /// <summary>S, the number of species.</summary>
    public int SpeciesCount => _masses.Length;

    /// <summary>Masses m^α in species order.</summary>
    public ReadOnlySpan<double> Masses => _masses;

    /// <summary>Charges q^α in species order.</summary>
    public ReadOnlySpan<double> Charges => _charges;

    /// <summary>First owned row of the slow axis.</summary>
    public int FirstRow { get; }

    /// <summary>Owned rows of the slow axis.</summary>
    public int RowCount { get; }

    /// <summary>Global index of the first owned cell.</summary>
    public int FirstCell => FirstRow * Mesh.RowLength;

    /// <summary>Owned cells.</summary>
    public int CellCount => RowCount * Mesh.RowLength;

    /// <summary>True when the state holds every cell of the mesh.</summary>
    public bool IsWholeMesh => RowCount == Mesh.RowCount;

    /// <summary>S·N_v, the values of one cell.</summary>
    public int CellLength => SpeciesCount * Velocities.Count;

    /// <summary>All values, in the documented order.</summary>
    public Span<double> Data => _data;

    /// <summary>The S·N_v values of local cell <paramref name="cell"/> (species-major).</summary>
    /// <param name="cell">Local cell in [0, <see cref="CellCount"/>).</param>
    public Span<double> Cell(int cell)
    {
        Guard.InRange(cell, 0, CellCount - 1);
        return _data.AsSpan(cell * CellLength, CellLength);
    }

    /// <summary>F^α at local cell <paramref name="cell"/>: N_v values.</summary>
    /// <param name="cell">Local cell in [0, <see cref="CellCount"/>).</param>
    /// <param name="species">α in [0, S).</param>
    public Span<double> Distribution(int cell, int species)
    {
        Guard.InRange(cell, 0, CellCount - 1);
        Guard.InRange(species, 0, SpeciesCount - 1);
        return _data.AsSpan(((cell * SpeciesCount) + species) * Velocities.Count, Velocities.Count);
    }

    /// <summary>A state with the same layout and a copy of the values.</summary>
    public PhaseSpaceState Clone()
    {
        var copy = new PhaseSpaceState(Mesh, Velocities, Mixture, FirstRow, RowCount);
        _data.CopyTo(copy._data, 0);
        return copy;
    }

    /// <summary>Sets F^α(x, v) = g(x, y, v) on every owned cell, evaluating g at the cell centre and velocity node.</summary>
    /// <param name="species">α in [0, S).</param>
    /// <param name="density">g(x, y, v) with v = (v_x, v_y, v_z) (components beyond d are 0); finite.</param>
    public void Fill(int species, Func<double, double, Velocity3, double> density)
    {
        Guard.InRange(species, 0, SpeciesCount - 1);
        ArgumentNullException.ThrowIfNull(density);
        int nv = Velocities.Count;
        var v = new Velocity3[nv];
        for (int p = 0; p < nv; p++)
        {
            v[p] = new Velocity3(Velocities.Component(p, 0), Velocities.Component(p, 1), Velocities.Component(p, 2));
        }

        for (int c = 0; c < CellCount; c++)
        {
            int global = FirstCell + c;
            double x = Mesh.CenterX(global % Mesh.CellsX);
            double y = Mesh.Dimension == 2 ? Mesh.CenterY(global / Mesh.CellsX) : 0.0;
            Span<double> f = Distribution(c, species);
            for (int p = 0; p < nv; p++)
            {
                double value = density(x, y, v[p]);
                if (!double.IsFinite(value))
                {
                    throw new ArgumentException($"density returned {value} at x = {x}, y = {y}, v = {v[p]}: values must be finite.", nameof(density));
                }

                f[p] = value;
            }
        }
    }
}
