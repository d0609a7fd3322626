using Kinetics.PhaseSpace.Boundaries;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.PhaseSpace.Parallel;
using Kinetics.PhaseSpace.States;
using Kinetics.PhaseSpace.Velocities;

namespace Kinetics.PhaseSpace.Transport;

/// <summary>
/// Free transport ∂_t F + v·∇ₓF = 0 on a uniform mesh by conservative second-order finite volumes: one
/// flux-limited Lax–Wendroff (MUSCL–Hancock) sweep per spatial axis (<see cref="LimitedFlux"/>), periodic
/// boundaries or walls at both ends of the slow axis (<see cref="BoundaryCondition"/>), the slow axis split over
/// processes with two halo rows each side. See docs/phase-space.md.
/// </summary>
/// <remarks>
/// Every species is advected with the velocities of its own grid (a shared grid, or one per species: the plan holds one
/// grid per species, and a wall needs every grid symmetric in the normal velocity, i.e. centred at 0 along that axis).
/// A step of length Δt is stable and TVD when the Courant number max|v_a|Δt/Δ_a ≤ 1 on every axis
/// (<see cref="MaxStableStep"/>). Mass is conserved to round-off with periodic boundaries: every face flux is
/// computed once per side from bitwise identical inputs, so the sum of the updates telescopes. In 2-D the x sweep
/// follows the y sweep (the two exact flows commute). The plan is immutable and thread-safe.
/// </remarks>
public sealed class FreeTransport
{
    private readonly VelocityGrid[] _grids;

    private FreeTransport(UniformMesh mesh, VelocityGrid[] grids, SlopeLimiter limiter, BoundaryCondition? low, BoundaryCondition? high)
    {
        Mesh = mesh;
        _grids = grids;

        Limiter = limiter;
        LowBoundary = low;
        HighBoundary = high;
    }

    /// <summary>The boundary at the low end of the slow axis (null: periodic).</summary>
    public BoundaryCondition? LowBoundary { get; }

    /// <summary>The boundary at the high end of the slow axis (null: periodic).</summary>
    public BoundaryCondition? HighBoundary { get; }

    /// <summary>The spatial mesh.</summary>
    public UniformMesh Mesh { get; }

    /// <summary>The velocity grid shared by every species.</summary>
    /// <exception cref="InvalidOperationException">The plan holds a grid per species (<see cref="SpeciesVelocities"/>).</exception>
    public VelocityGrid Velocities => _grids.All(g => g.Equals(_grids[0]))
        ? _grids[0]
        : throw new InvalidOperationException("This plan advects species on their own velocity grids (SpeciesVelocities).");

    /// <summary>The velocity grid of every species (one entry for a plan on one shared grid).</summary>
    public IReadOnlyList<VelocityGrid> SpeciesVelocities => _grids;

    /// <summary>The slope limiter.</summary>
    public SlopeLimiter Limiter { get; }

    /// <summary>Plans free transport on <paramref name="mesh"/> × <paramref name="velocities"/>.</summary>
    /// <param name="mesh">The spatial mesh.</param>
    /// <param name="velocities">The velocity grid; its dimension must be at least the mesh's.</param>
    /// <param name="limiter">The slope limiter (default van Leer).</param>
    /// <param name="lowBoundary">The boundary at the low end of the slow axis (null with <paramref name="highBoundary"/> null: periodic).</param>
    /// <param name="highBoundary">The boundary at the high end of the slow axis.</param>
    /// <exception cref="ArgumentException">The velocity grid has fewer components than the mesh has axes, or only one boundary is given.</exception>
    public static FreeTransport Create(
        UniformMesh mesh, VelocityGrid velocities, SlopeLimiter limiter = SlopeLimiter.VanLeer, BoundaryCondition? lowBoundary = null, BoundaryCondition? highBoundary = null)
    {
        if ((lowBoundary is null) != (highBoundary is null))
        {
            throw new ArgumentException("lowBoundary and highBoundary must both be given (bounded) or both be null (periodic).", nameof(highBoundary));
        }

        ArgumentNullException.ThrowIfNull(mesh);
        ArgumentNullException.ThrowIfNull(velocities);
        return Create(mesh, [velocities], limiter, lowBoundary, highBoundary, nameof(velocities));
    }

    /// <summary>Plans free transport on <paramref name="mesh"/> with a velocity grid per species.</summary>
    /// <param name="mesh">The spatial mesh.</param>
    /// <param name="velocities">One velocity grid per species (species order; <see cref="PhaseSpaceState.SpeciesVelocities"/>),
    /// each with at least the mesh's dimension; with walls, every grid centred at 0 along the slow axis.</param>
    /// <param name="limiter">The slope limiter (default van Leer).</param>
    /// <param name="lowBoundary">The boundary at the low end of the slow axis (null with <paramref name="highBoundary"/> null: periodic).</param>
    /// <param name="highBoundary">The boundary at the high end of the slow axis.</param>
    /// <exception cref="ArgumentException">No grid, a grid with fewer components than the mesh has axes, a wall with a grid
    /// not symmetric in the normal velocity, or only one boundary given.</exception>
    public static FreeTransport Create(
        UniformMesh mesh, IReadOnlyList<VelocityGrid> velocities, SlopeLimiter limiter = SlopeLimiter.VanLeer, BoundaryCondition? lowBoundary = null, BoundaryCondition? highBoundary = null)
    {
        if ((lowBoundary is null) != (highBoundary is null))
        {
            throw new ArgumentException("lowBoundary and highBoundary must both be given (bounded) or both be null (periodic).", nameof(highBoundary));
        }

        ArgumentNullException.ThrowIfNull(mesh);
        ArgumentNullException.ThrowIfNull(velocities);
        Guard.InRange(velocities.Count, 1, 1024, nameof(velocities) + ".Count");
        return Create(mesh, velocities.ToArray(), limiter, lowBoundary, highBoundary, nameof(velocities));
    }

    private static FreeTransport Create(UniformMesh mesh, VelocityGrid[] grids, SlopeLimiter limiter, BoundaryCondition? low, BoundaryCondition? high, string name)
    {
        for (int s = 0; s < grids.Length; s++)
        {
            var grid = grids[s];
            ArgumentNullException.ThrowIfNull(grid, $"{name}[{s}]");
            if (grid.Dimension < mesh.Dimension)
            {
                throw new ArgumentException($"{name} must have at least {mesh.Dimension} components for a {mesh.Dimension}-D mesh (has {grid.Dimension}).", name);
            }

            if ((low is WallBoundary || high is WallBoundary) && grid.Centre[mesh.SlowAxis] != 0.0)
            {
                throw new ArgumentException(
                    $"A wall reflects the normal velocity, so every grid must be centred at 0 along it: {name}[{s}] is centred at {grid.Centre} (component {mesh.SlowAxis} must be 0).", name);
            }
        }

        if (!Enum.IsDefined(limiter))
        {
            throw new ArgumentOutOfRangeException(nameof(limiter), limiter, $"limiter must be a defined {nameof(SlopeLimiter)} (was {limiter}).");
        }

        return new FreeTransport(mesh, grids, limiter, low, high);
    }

    /// <summary>The largest stable step: min over axes a and species α of Δ_a / max|v_a| on α's grid.</summary>
    public double MaxStableStep
    {
        get
        {
            double step = double.PositiveInfinity;
            foreach (var grid in _grids)
            {
                step = Math.Min(step, Mesh.SpacingX / grid.MaxSpeedAlong(0));
                if (Mesh.Dimension == 2)
                {
                    step = Math.Min(step, Mesh.SpacingY / grid.MaxSpeedAlong(1));
                }
            }

            return step;
        }
    }

    /// <summary>A workspace for states with the layout of <paramref name="state"/>.</summary>
    /// <param name="state">A state on this plan's mesh and grid.</param>
    public TransportWorkspace CreateWorkspace(PhaseSpaceState state)
    {
        CheckState(state);
        return new TransportWorkspace(this, state);
    }

    /// <summary>Advances <paramref name="state"/> (in place) by Δt of free transport with periodic boundaries.</summary>
    /// <param name="state">The state (all cells, or this rank's block when <paramref name="communicator"/> has several ranks).</param>
    /// <param name="step">Δt with Courant number ≤ 1 on every axis (<see cref="MaxStableStep"/>).</param>
    /// <param name="communicator">The halo exchange (<see cref="SerialCommunicator.Instance"/> for one process).</param>
    /// <param name="workspace">Scratch from <see cref="CreateWorkspace"/>.</param>
    /// <param name="maxDegreeOfParallelism">Threads over rows (−1: the runtime's default).</param>
    /// <exception cref="ArgumentOutOfRangeException">Δt negative, not finite, or above the stable step.</exception>
    public void Advance(PhaseSpaceState state, double step, IDomainCommunicator communicator, TransportWorkspace workspace, int maxDegreeOfParallelism = -1)
    {
        CheckState(state);
        ArgumentNullException.ThrowIfNull(communicator);
        ArgumentNullException.ThrowIfNull(workspace);
        using var lease = workspace.Gate.Enter(this, nameof(workspace));
        workspace.Check(state, nameof(workspace));
        Guard.NonNegative(step);
        if (step > MaxStableStep * (1.0 + 1e-12))
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, $"step must be at most the stable step {MaxStableStep:R} (was {step:R}).");
        }

        if (state.RowCount < 2)
        {
            throw new ArgumentException("Each process must own at least 2 rows of the slow axis.", nameof(state));
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        SweepSlowAxis(state, step, communicator, workspace, options);
        if (Mesh.Dimension == 2)
        {
            SweepX(state, step, workspace, options);
        }
    }

    private void SweepSlowAxis(PhaseSpaceState state, double step, IDomainCommunicator communicator, TransportWorkspace ws, ParallelOptions options)
    {
        int rowValues = Mesh.RowLength * state.CellLength;
        int rows = state.RowCount;
        Span<double> data = state.Data;
        data.CopyTo(ws.Old);
        data[..(2 * rowValues)].CopyTo(ws.SendLow);
        data.Slice((rows - 2) * rowValues, 2 * rowValues).CopyTo(ws.SendHigh);
        communicator.ExchangeHalo(ws.SendLow, ws.SendHigh, ws.GhostLow, ws.GhostHigh);

        FillCourant(state, ws.Courant, Mesh.SlowAxis, step / Mesh.Spacing(Mesh.SlowAxis));
        bool atLow = LowBoundary is not null && state.FirstRow == 0;
        bool atHigh = HighBoundary is not null && state.FirstRow + rows == Mesh.RowCount;
        BoundaryContext? lowContext = atLow ? new BoundaryContext(state.SpeciesVelocities.ToArray(), Offsets(state), state.Masses.ToArray(), Mesh.SlowAxis, ws.Courant, IsLow: true) : null;
        BoundaryContext? highContext = atHigh ? new BoundaryContext(state.SpeciesVelocities.ToArray(), Offsets(state), state.Masses.ToArray(), Mesh.SlowAxis, ws.Courant, IsLow: false) : null;
        if (lowContext is not null)
        {
            // Interior [row 0, row 1]; ghosts come back adjacent-first ([−1, −2]) and are stored as [−2, −1].
            Span<double> ghosts = ws.SendHigh;
            LowBoundary!.FillGhosts(data[..(2 * rowValues)], ghosts, lowContext);
            ghosts[..rowValues].CopyTo(ws.GhostLow.AsSpan(rowValues));
            ghosts[rowValues..].CopyTo(ws.GhostLow);
        }

        if (highContext is not null)
        {
            // Interior [row R − 1, row R − 2]; ghosts adjacent-first ([R, R + 1]), stored in that order.
            Span<double> interior = ws.SendLow;
            data.Slice((rows - 1) * rowValues, rowValues).CopyTo(interior);
            data.Slice((rows - 2) * rowValues, rowValues).CopyTo(interior[rowValues..]);
            HighBoundary!.FillGhosts(interior, ws.GhostHigh, highContext);
        }

        int cellLength = state.CellLength, rowLength = Mesh.RowLength;
        double[] old = ws.Old, flux = ws.Flux, courant = ws.Courant, low = ws.GhostLow, high = ws.GhostHigh;
        SlopeLimiter limiter = Limiter;

        // Face r lies between rows r − 1 and r (r = 0 … R); rows −2, −1 and R, R + 1 are halo rows.
        System.Threading.Tasks.Parallel.For(0, rows + 1, options, r =>
        {
            for (int ix = 0; ix < rowLength; ix++)
            {
                int offset = ix * cellLength;
                LimitedFlux.Compute(
                    limiter,
                    courant,
                    Row(old, low, high, rows, rowValues, r - 2).Slice(offset, cellLength),
                    Row(old, low, high, rows, rowValues, r - 1).Slice(offset, cellLength),
                    Row(old, low, high, rows, rowValues, r).Slice(offset, cellLength),
                    Row(old, low, high, rows, rowValues, r + 1).Slice(offset, cellLength),
                    flux.AsSpan((r * rowValues) + offset, cellLength));
            }
        });

        for (int ix = 0; ix < rowLength; ix++)
        {
            if (lowContext is not null)
            {
                LowBoundary!.ApplyFaceFlux(flux.AsSpan(ix * cellLength, cellLength), lowContext);
            }

            if (highContext is not null)
            {
                HighBoundary!.ApplyFaceFlux(flux.AsSpan((rows * rowValues) + (ix * cellLength), cellLength), highContext);
            }
        }

        double[] target = ws.Old;
        System.Threading.Tasks.Parallel.For(0, rows, options, r =>
        {
            Span<double> row = target.AsSpan(r * rowValues, rowValues);
            ReadOnlySpan<double> left = flux.AsSpan(r * rowValues, rowValues);
            ReadOnlySpan<double> right = flux.AsSpan((r + 1) * rowValues, rowValues);
            for (int q = 0; q < row.Length; q++)
            {
                row[q] -= right[q] - left[q];
            }
        });
        ws.Old.AsSpan(0, data.Length).CopyTo(data);
    }

    private void SweepX(PhaseSpaceState state, double step, TransportWorkspace ws, ParallelOptions options)
    {
        int nx = Mesh.CellsX, cellLength = state.CellLength, rowValues = nx * cellLength;
        Span<double> data = state.Data;
        data.CopyTo(ws.Old);
        FillCourant(state, ws.Courant, 0, step / Mesh.SpacingX);
        double[] old = ws.Old, flux = ws.Flux, courant = ws.Courant;
        SlopeLimiter limiter = Limiter;
        int rows = state.RowCount;
        System.Threading.Tasks.Parallel.For(0, rows, options, r =>
        {
            // Face ix lies between cells ix − 1 and ix of the row (periodic); the row's fluxes use one row of the buffer.
            int baseOffset = r * rowValues;
            Span<double> rowFlux = flux.AsSpan(baseOffset, rowValues);
            for (int ix = 0; ix < nx; ix++)
            {
                LimitedFlux.Compute(
                    limiter,
                    courant,
                    old.AsSpan(baseOffset + (Wrap(ix - 2, nx) * cellLength), cellLength),
                    old.AsSpan(baseOffset + (Wrap(ix - 1, nx) * cellLength), cellLength),
                    old.AsSpan(baseOffset + (ix * cellLength), cellLength),
                    old.AsSpan(baseOffset + (Wrap(ix + 1, nx) * cellLength), cellLength),
                    rowFlux.Slice(ix * cellLength, cellLength));
            }

            Span<double> row = old.AsSpan(baseOffset, rowValues);
            for (int ix = 0; ix < nx; ix++)
            {
                ReadOnlySpan<double> left = rowFlux.Slice(ix * cellLength, cellLength);
                ReadOnlySpan<double> right = rowFlux.Slice(Wrap(ix + 1, nx) * cellLength, cellLength);
                Span<double> cell = row.Slice(ix * cellLength, cellLength);
                for (int q = 0; q < cellLength; q++)
                {
                    cell[q] -= right[q] - left[q];
                }
            }
        });
        ws.Old.AsSpan(0, data.Length).CopyTo(data);
    }

    private static ReadOnlySpan<double> Row(double[] old, double[] low, double[] high, int rows, int rowValues, int r) =>
        r < 0 ? low.AsSpan((r + 2) * rowValues, rowValues)
        : r >= rows ? high.AsSpan((r - rows) * rowValues, rowValues)
        : old.AsSpan(r * rowValues, rowValues);

    private static int Wrap(int i, int n) => i < 0 ? i + n : i >= n ? i - n : i;

    // ν per value of a cell (species-major, each species with its own grid's velocities): the same values, elementwise,
    // as one period of N_v values repeated over the species on a shared grid.
    private static void FillCourant(PhaseSpaceState state, double[] courant, int axis, double stepOverSpacing)
    {
        for (int s = 0; s < state.SpeciesCount; s++)
        {
            var grid = state.VelocitiesOf(s);
            grid.FillComponent(axis, courant.AsSpan(state.SpeciesOffset(s), grid.Count));
        }

        for (int p = 0; p < courant.Length; p++)
        {
            courant[p] *= stepOverSpacing;
        }
    }

    private static int[] Offsets(PhaseSpaceState state) => Enumerable.Range(0, state.SpeciesCount + 1).Select(state.SpeciesOffset).ToArray();

    private void CheckState(PhaseSpaceState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        bool grids = _grids.Length == 1
            ? state.HasSharedVelocities && state.SpeciesVelocities[0].Equals(_grids[0])
            : state.SpeciesCount == _grids.Length && state.SpeciesVelocities.SequenceEqual(_grids);
        if (!state.Mesh.Equals(Mesh) || !grids)
        {
            throw new ArgumentException("state must live on this plan's mesh and velocity grid(s).", nameof(state));
        }
    }
}
