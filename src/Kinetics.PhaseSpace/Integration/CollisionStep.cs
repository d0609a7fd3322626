using Kinetics.Dynamics;
using Kinetics.PhaseSpace.States;

namespace Kinetics.PhaseSpace.Integration;

/// <summary>
/// The collision part ∂_t F = 𝒞(F) of a phase-space step, cell by cell, for any <see cref="ICollisionOperator"/>
/// (Boltzmann, Landau, user): each cell's S·N³ values (contiguous in <see cref="PhaseSpaceState"/>) are advanced over Δt
/// by the library's space-homogeneous integrator (<see cref="SpaceHomogeneousSolver"/>: SSP Runge–Kutta, conservative
/// projection at every stage, sub-steps chosen from the operator's collision frequency unless
/// <see cref="SpaceHomogeneousOptions.FixedStep"/> is set). This is the one adapter between the phase-space layer and
/// the collision layer. <see cref="CreateBatched"/> runs the same equation through <see cref="BatchedCollisionStep"/>
/// instead: all owned cells per Runge–Kutta stage, conservative per cell, with per-cell reports.
/// </summary>
/// <remarks>
/// Because the phase-space state of a spatially uniform gas is left bitwise unchanged by the transport sweeps, a uniform
/// state advanced by <see cref="PhaseSpaceSolver"/> with collisions equals the space-homogeneous solution with the same
/// steps to the last bit. Thread-safe (cells run in parallel; the operator must be thread-safe, as its contract says).
/// </remarks>
public sealed partial class CollisionStep
{
    private readonly SpaceHomogeneousSolver? _solver;
    private readonly ICollisionOperator? _operator;

    private CollisionStep(ICollisionOperator collisionOperator, SpaceHomogeneousOptions options)
    {
        _operator = collisionOperator;
        Options = options;
        _solver = SpaceHomogeneousSolver.Create(collisionOperator, options);
        _reports = [];
    }

    /// <summary>The collision operator on one shared grid.</summary>
    /// <exception cref="InvalidOperationException">The step evaluates an operator on per-species grids (<see cref="SpeciesGridOperator"/>).</exception>
    public ICollisionOperator Operator => _operator
        ?? throw new InvalidOperationException("This step evaluates an operator on per-species grids; see SpeciesGridOperator.");

    /// <summary>The space-homogeneous integrator's options.</summary>
    public SpaceHomogeneousOptions Options { get; }

    /// <summary>Creates the step.</summary>
    /// <param name="collisionOperator">The operator (its grid must be the state's 3-D velocity grid).</param>
    /// <param name="options">Options of the per-cell integrator (null: SSP-RK3, projection, Courant 0.25).</param>
    public static CollisionStep Create(ICollisionOperator collisionOperator, SpaceHomogeneousOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(collisionOperator);
        return new CollisionStep(collisionOperator, options ?? new SpaceHomogeneousOptions());
    }

    /// <summary>The largest collision frequency over the owned cells (0 when the operator does not report one).</summary>
    /// <param name="state">The state.</param>
    public double MaxCollisionFrequency(PhaseSpaceState state)
    {
        Check(state);
        if (((object?)_operator ?? SpeciesGridOperator) is not ICollisionFrequency frequency)
        {
            return 0.0;
        }

        double max = 0.0;
        for (int c = 0; c < state.CellCount; c++)
        {
            max = Math.Max(max, frequency.MaxCollisionFrequency(state.Cell(c)));
        }

        return max;
    }

    /// <summary>Advances every owned cell of <paramref name="state"/> by Δt of ∂_t F = 𝒞(F).</summary>
    /// <param name="state">The state (modified in place).</param>
    /// <param name="step">Δt ≥ 0.</param>
    /// <param name="maxDegreeOfParallelism">Threads over cells (−1: the runtime's default).</param>
    public void Advance(PhaseSpaceState state, double step, int maxDegreeOfParallelism = -1)
    {
        Check(state);
        Guard.NonNegative(step);
        if (step == 0.0)
        {
            return;
        }

        if (_batched is not null)
        {
            AdvanceBatched(state, step);
            return;
        }

        if (_stiff is not null)
        {
            AdvanceStiff(state, step, maxDegreeOfParallelism);
            return;
        }

        if (_penalized is not null)
        {
            AdvancePenalized(state, step, maxDegreeOfParallelism);
            return;
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        if (_speciesSolver is not null)
        {
            var speciesSolver = _speciesSolver;
            CellLoop.For(state.CellCount, options, c =>
            {
                var result = speciesSolver.Run(state.Cell(c), step);
                result.State.CopyTo(state.Cell(c));
            });
            return;
        }

        var solver = _solver!;
        CellLoop.For(state.CellCount, options, c =>
        {
            var result = solver.Run(state.Cell(c), step);
            result.State.CopyTo(state.Cell(c));
        });
    }

    private void Check(PhaseSpaceState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (_penalized is not null)
        {
            CheckPenalized(state);
            return;
        }

        if (SpeciesGridOperator is { } speciesOperator)
        {
            CheckSpeciesGrids(state, speciesOperator);
            return;
        }

        if (!state.HasSharedVelocities || state.VelocityDimension != 3 || !state.Velocities.IsCentred || !state.Velocities.ToCartesian().Equals(Operator.Grid)
            || state.SpeciesCount != Operator.Masses.Length)
        {
            throw new ArgumentException("state must have the operator's velocity grid (3-D, shared by every species) and species count.", nameof(state));
        }
    }
}
