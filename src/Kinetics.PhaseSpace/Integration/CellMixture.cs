using Kinetics.Conservation;
using Kinetics.Distributions;
using Kinetics.Dynamics;
using Kinetics.Grids;
using Kinetics.Moments;
using Kinetics.PhaseSpace.States;

namespace Kinetics.PhaseSpace.Integration;

/// <summary>
/// What the stiff phase-space steps need of one cell's velocity layout, for one shared grid or a grid per species
/// (docs/species-grids.md, "Stiff steps on per-species grids"): the collision operator, its frequency, the conservative
/// projection, the species' slices, the physical velocity of every stacked point, each species' cell volume and the
/// mixture equilibrium M[F] (species densities, common velocity and temperature, each species a discrete Maxwellian on its
/// own grid with exactly the grid moments). On a shared grid every operation is the former shared-grid code's, in the same
/// order.
/// </summary>
internal sealed class CellMixture
{
    private readonly ICollisionOperator? _shared;
    private readonly ISpeciesGridCollisionOperator? _perSpecies;
    private readonly CartesianGrid? _grid;
    private readonly SpeciesGrids? _grids;

    private CellMixture(ICollisionOperator? shared, ISpeciesGridCollisionOperator? perSpecies, double[] masses, int[] offsets, IReadOnlyList<SpeciesGrid> grids, ConservativeProjection projection)
    {
        _shared = shared;
        _perSpecies = perSpecies;
        _grid = shared?.Grid;
        _grids = perSpecies?.Grids;
        Masses = masses;
        Offsets = offsets;
        Projection = projection;
        int length = offsets[^1];
        VelocityX = new double[length];
        VelocityY = new double[length];
        VelocityZ = new double[length];
        CellVolumes = new double[masses.Length];
        for (int a = 0; a < masses.Length; a++)
        {
            var grid = grids[a];
            CellVolumes[a] = grid.CellVolume;
            for (int p = 0; p < grid.Count; p++)
            {
                var v = grid.Point(p);
                VelocityX[offsets[a] + p] = v.X;
                VelocityY[offsets[a] + p] = v.Y;
                VelocityZ[offsets[a] + p] = v.Z;
            }
        }
    }

    /// <summary>Species masses.</summary>
    public double[] Masses { get; }

    /// <summary>S + 1 offsets of the species' slices in a cell; the last is the cell length.</summary>
    public int[] Offsets { get; }

    /// <summary>Species masses, total momentum and energy, each species on its own grid.</summary>
    public ConservativeProjection Projection { get; }

    /// <summary>Physical v_x, v_y, v_z of every stacked point.</summary>
    public double[] VelocityX { get; }

    /// <inheritdoc cref="VelocityX"/>
    public double[] VelocityY { get; }

    /// <inheritdoc cref="VelocityX"/>
    public double[] VelocityZ { get; }

    /// <summary>h_α³ of every species.</summary>
    public double[] CellVolumes { get; }

    /// <summary>The operator (for diagnostics and checks).</summary>
    public object Operator => (object?)_shared ?? _perSpecies!;

    public int Length => Offsets[^1];

    public int SpeciesCount => Masses.Length;

    public static CellMixture Shared(ICollisionOperator collisionOperator)
    {
        double[] masses = collisionOperator.Masses.ToArray();
        var grid = collisionOperator.Grid;
        int[] offsets = Enumerable.Range(0, masses.Length + 1).Select(a => a * grid.Count).ToArray();
        var species = Enumerable.Repeat(new SpeciesGrid(grid), masses.Length).ToArray();
        return new CellMixture(collisionOperator, null, masses, offsets, species, ConservativeProjection.Create(grid, masses));
    }

    public static CellMixture PerSpecies(ISpeciesGridCollisionOperator collisionOperator)
    {
        double[] masses = collisionOperator.Masses.ToArray();
        var grids = collisionOperator.Grids;
        int[] offsets = new int[masses.Length + 1];
        var species = new SpeciesGrid[masses.Length];
        for (int a = 0; a < masses.Length; a++)
        {
            offsets[a] = grids.Offset(a);
            species[a] = grids[a];
        }

        offsets[^1] = grids.TotalCount;
        return new CellMixture(null, collisionOperator, masses, offsets, species, ConservativeProjection.Create(grids, masses));
    }

    /// <summary>Checks that <paramref name="state"/> holds this layout's species on 3-D grids equal to the operator's.</summary>
    public bool Matches(PhaseSpaceState state)
    {
        if (state.SpeciesCount != SpeciesCount || state.VelocityDimension != 3 || !state.Masses.SequenceEqual(Masses))
        {
            return false;
        }

        for (int a = 0; a < SpeciesCount; a++)
        {
            var velocities = state.VelocitiesOf(a);
            bool same = _grids is null
                ? state.HasSharedVelocities && velocities.IsCentred && velocities.ToCartesian().Equals(_grid)
                : velocities.ToSpeciesGrid().Equals(_grids[a]);
            if (!same)
            {
                return false;
            }
        }

        return true;
    }

    public void Evaluate(ReadOnlySpan<double> f, Span<double> destination)
    {
        if (_shared is not null)
        {
            _shared.Evaluate(f, destination);
        }
        else
        {
            _perSpecies!.Evaluate(f, destination);
        }
    }

    public double Frequency(ReadOnlySpan<double> f, ReadOnlySpan<double> collision) => PenalisedRemainder.Frequency(Operator, Offsets, f, collision);

    public void Remainder(double tailCutoff, double frequency, ReadOnlySpan<double> f, ReadOnlySpan<double> equilibrium, ReadOnlySpan<double> defect, Span<double> collision) =>
        PenalisedRemainder.Apply(Offsets, Projection, tailCutoff, frequency, f, equilibrium, defect, collision);

    /// <summary>M[F] of one cell.</summary>
    public void Equilibrium(ReadOnlySpan<double> cell, Span<double> destination)
    {
        if (_grid is not null)
        {
            MixtureEquilibrium.Fill(_grid, Masses, cell, destination);
            return;
        }

        var grids = _grids!;
        Span<double> densities = stackalloc double[SpeciesCount];
        var momentum = Velocity3.Zero;
        double energy = 0;
        for (int a = 0; a < SpeciesCount; a++)
        {
            var moments = SpeciesMoments.Of(grids[a], cell.Slice(Offsets[a], grids.Count(a)), Masses[a]);
            densities[a] = moments.Density;
            momentum += moments.Momentum;
            energy += moments.Energy;
        }

        FillFromMoments(densities, momentum, energy, destination);
    }

    /// <summary>The equilibrium with species densities, total momentum density and total energy density given.</summary>
    public void FillFromMoments(ReadOnlySpan<double> densities, Velocity3 momentum, double energy, Span<double> destination)
    {
        if (_grid is not null)
        {
            MixtureEquilibrium.FillFromMoments(_grid, Masses, densities, momentum, energy, destination);
            return;
        }

        var grids = _grids!;
        var (u, theta) = MixtureEquilibrium.CommonState(Masses, densities, momentum, energy);
        for (int a = 0; a < SpeciesCount; a++)
        {
            DiscreteMaxwellian.Fill(grids[a].Grid, new MacroscopicState(densities[a], u - grids[a].Centre, theta), Masses[a], destination.Slice(Offsets[a], grids.Count(a)));
        }
    }
}
