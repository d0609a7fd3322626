using Kinetics.Mixtures;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.PhaseSpace.Velocities;

namespace Kinetics.PhaseSpace.States;

/// <summary>
/// The distribution functions F^α(x, v) of every species of a mixture on a spatial mesh × velocity grids, in one
/// contiguous array: for each cell, for each species, the N_α^d velocity values on that species' grid. Every species
/// may share one velocity grid (the classic layout) or have its own (centre, half-width and N per species, for
/// disparate masses: docs/phase-space.md, "Per-species velocity grids"). A state may hold only a block of rows of the
/// mesh (the part owned by one process of a distributed run).
/// </summary>
/// <remarks>
/// Storage: entry <c>c·<see cref="CellLength"/> + <see cref="SpeciesOffset"/>(α) + p</c> is F^α at local cell c and
/// node p of α's grid, with local cell c = global cell − <see cref="FirstCell"/>; on a shared grid this is
/// <c>((c·S) + α)·N_v + p</c>. Cell-major order makes the Σ_α N_α^d values of one cell contiguous — exactly the
/// species-major input of an <see cref="Kinetics.Dynamics.ICollisionOperator"/> (shared grid) or of an
/// <see cref="Kinetics.Dynamics.ISpeciesGridCollisionOperator"/> (per-species grids) — so collisions run on the state
/// without copies, and transport sweeps read whole velocity rows at a time. F is a phase-space density: the number of
/// particles of species α in a cell is Δx(Δy)·h_α^d·Σ_p F.
/// </remarks>
public sealed class PhaseSpaceState
{
    private readonly double[] _data;
    private readonly double[] _masses;
    private readonly double[] _charges;
    private readonly VelocityGrid[] _grids;
    private readonly int[] _offsets;

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
        : this(mesh, Repeat(velocities, mixture), mixture, firstRow, rowCount, nameof(velocities))
    {
    }

    /// <summary>Creates a zero state on all cells of <paramref name="mesh"/> with a velocity grid per species.</summary>
    /// <param name="mesh">The spatial mesh.</param>
    /// <param name="velocities">One velocity grid per species (species order), all of the same dimension; equal grids
    /// give the shared-grid layout.</param>
    /// <param name="mixture">The species (masses and charges).</param>
    public PhaseSpaceState(UniformMesh mesh, IReadOnlyList<VelocityGrid> velocities, Mixture mixture)
        : this(mesh, velocities, mixture, 0, mesh?.RowCount ?? 0)
    {
    }

    /// <summary>Creates a zero state on the rows [firstRow, firstRow + rowCount) with a velocity grid per species.</summary>
    /// <param name="mesh">The spatial mesh.</param>
    /// <param name="velocities">One velocity grid per species (species order), all of the same dimension.</param>
    /// <param name="mixture">The species (masses and charges).</param>
    /// <param name="firstRow">First owned row of the slow axis, in [0, rows).</param>
    /// <param name="rowCount">Owned rows, in [1, rows − firstRow].</param>
    /// <exception cref="ArgumentException">Not one grid per species, or grids of different dimensions.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Rows outside the mesh, or a state of more than 2^31 values.</exception>
    public PhaseSpaceState(UniformMesh mesh, IReadOnlyList<VelocityGrid> velocities, Mixture mixture, int firstRow, int rowCount)
        : this(mesh, CopyGrids(velocities, mixture), mixture, firstRow, rowCount, nameof(velocities))
    {
    }

    private PhaseSpaceState(UniformMesh mesh, VelocityGrid[] grids, Mixture mixture, int firstRow, int rowCount, string gridsName)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        Guard.InRange(firstRow, 0, mesh.RowCount - 1);
        Guard.InRange(rowCount, 1, mesh.RowCount - firstRow);
        _offsets = new int[grids.Length + 1];
        for (int s = 0; s < grids.Length; s++)
        {
            if (grids[s].Dimension != grids[0].Dimension)
            {
                throw new ArgumentException($"Every species' velocity grid must have the same dimension ({gridsName}[0] is {grids[0].Dimension}-D, [{s}] is {grids[s].Dimension}-D).", gridsName);
            }

            _offsets[s + 1] = checked(_offsets[s] + grids[s].Count);
        }

        long length = (long)rowCount * mesh.RowLength * _offsets[^1];
        if (length > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(rowCount), rowCount, $"the state would hold {length} values (at most {Array.MaxLength}).");
        }

        Mesh = mesh;
        _grids = grids;
        HasSharedVelocities = grids.All(g => g.Equals(grids[0]));
        Mixture = mixture;
        FirstRow = firstRow;
        RowCount = rowCount;
        _masses = mixture.Masses();
        _charges = mixture.Select(s => s.Charge).ToArray();
        _data = new double[length];
    }

    /// <summary>The spatial mesh (all of it, also when this state holds a block).</summary>
    public UniformMesh Mesh { get; }

    /// <summary>The velocity grid shared by every species.</summary>
    /// <exception cref="InvalidOperationException">The species have their own grids (<see cref="SpeciesVelocities"/>).</exception>
    public VelocityGrid Velocities => HasSharedVelocities
        ? _grids[0]
        : throw new InvalidOperationException("The species of this state have their own velocity grids (SpeciesVelocities); this operation needs one shared grid.");

    /// <summary>True when every species has the same velocity grid (<see cref="Velocities"/>).</summary>
    public bool HasSharedVelocities { get; }

    /// <summary>The velocity grid of every species, in species order (all the same on a shared grid).</summary>
    public IReadOnlyList<VelocityGrid> SpeciesVelocities => _grids;

    /// <summary>The dimension d of the velocity grids (the same for every species).</summary>
    public int VelocityDimension => _grids[0].Dimension;

    /// <summary>Species <paramref name="species"/>'s velocity grid.</summary>
    /// <param name="species">α in [0, S).</param>
    public VelocityGrid VelocitiesOf(int species)
    {
        Guard.InRange(species, 0, SpeciesCount - 1);
        return _grids[species];
    }

    /// <summary>Start of species <paramref name="species"/> within a cell's values (α·N_v on a shared grid).</summary>
    /// <param name="species">α in [0, S].</param>
    public int SpeciesOffset(int species)
    {
        Guard.InRange(species, 0, SpeciesCount);
        return _offsets[species];
    }

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

    /// <summary>Σ_α N_α^d (S·N_v on a shared grid), the values of one cell.</summary>
    public int CellLength => _offsets[^1];

    /// <summary>All values, in the documented order.</summary>
    public Span<double> Data => _data;

    /// <summary>The <see cref="CellLength"/> values of local cell <paramref name="cell"/> (species-major).</summary>
    /// <param name="cell">Local cell in [0, <see cref="CellCount"/>).</param>
    public Span<double> Cell(int cell)
    {
        Guard.InRange(cell, 0, CellCount - 1);
        return _data.AsSpan(cell * CellLength, CellLength);
    }

    /// <summary>F^α at local cell <paramref name="cell"/>: the N_α^d values on α's grid.</summary>
    /// <param name="cell">Local cell in [0, <see cref="CellCount"/>).</param>
    /// <param name="species">α in [0, S).</param>
    public Span<double> Distribution(int cell, int species)
    {
        Guard.InRange(cell, 0, CellCount - 1);
        Guard.InRange(species, 0, SpeciesCount - 1);
        return _data.AsSpan((cell * CellLength) + _offsets[species], _grids[species].Count);
    }

    /// <summary>True when <paramref name="other"/> has this state's mesh, owned rows, species count and velocity grids.</summary>
    /// <param name="other">Another state.</param>
    public bool HasLayoutOf(PhaseSpaceState other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Mesh.Equals(other.Mesh) && FirstRow == other.FirstRow && RowCount == other.RowCount && SpeciesCount == other.SpeciesCount
            && _grids.AsSpan().SequenceEqual(other._grids);
    }

    /// <summary>A state with the same layout and a copy of the values.</summary>
    public PhaseSpaceState Clone()
    {
        var copy = new PhaseSpaceState(Mesh, _grids, Mixture, FirstRow, RowCount, nameof(Clone));
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
        var grid = _grids[species];
        int nv = grid.Count;
        var v = new Velocity3[nv];
        for (int p = 0; p < nv; p++)
        {
            v[p] = new Velocity3(grid.Component(p, 0), grid.Component(p, 1), grid.Component(p, 2));
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

    private static VelocityGrid[] Repeat(VelocityGrid velocities, Mixture mixture)
    {
        ArgumentNullException.ThrowIfNull(velocities);
        ArgumentNullException.ThrowIfNull(mixture);
        return Enumerable.Repeat(velocities, mixture.Count).ToArray();
    }

    private static VelocityGrid[] CopyGrids(IReadOnlyList<VelocityGrid> velocities, Mixture mixture)
    {
        ArgumentNullException.ThrowIfNull(velocities);
        ArgumentNullException.ThrowIfNull(mixture);
        if (velocities.Count != mixture.Count)
        {
            throw new ArgumentException($"velocities must hold one grid per species ({mixture.Count}; was {velocities.Count}).", nameof(velocities));
        }

        var grids = velocities.ToArray();
        for (int s = 0; s < grids.Length; s++)
        {
            ArgumentNullException.ThrowIfNull(grids[s], $"{nameof(velocities)}[{s}]");
        }

        return grids;
    }
}
