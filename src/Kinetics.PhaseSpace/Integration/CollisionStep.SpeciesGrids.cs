using Kinetics.Dynamics;
using Kinetics.PhaseSpace.States;

namespace Kinetics.PhaseSpace.Integration;

/// <summary>The per-species-grid path of <see cref="CollisionStep"/> (docs/phase-space.md, "Per-species velocity grids").</summary>
public sealed partial class CollisionStep
{
    private readonly SpeciesGridSolver? _speciesSolver;

    private CollisionStep(ISpeciesGridCollisionOperator collisionOperator, SpaceHomogeneousOptions options)
    {
        SpeciesGridOperator = collisionOperator;
        Options = options;
        _speciesSolver = SpeciesGridSolver.Create(collisionOperator, options);
        _reports = [];
    }

    private CollisionStep(ISpeciesGridCollisionOperator collisionOperator, BatchedCollisionStep batched, int substeps)
        : this(collisionOperator, new SpaceHomogeneousOptions())
    {
        _batched = batched;
        _substeps = substeps;
    }

    /// <summary>The collision operator on per-species grids (null for an operator on one shared grid, <see cref="Operator"/>).</summary>
    public ISpeciesGridCollisionOperator? SpeciesGridOperator { get; }

    /// <summary>
    /// The collision step on per-species velocity grids: each cell's Σ_α N_α³ values (species α on its own grid, as a
    /// <see cref="PhaseSpaceState"/> with <see cref="PhaseSpaceState.SpeciesVelocities"/> stores them) are advanced over Δt
    /// by <see cref="SpeciesGridSolver"/> (SSP Runge–Kutta, every stage projected by
    /// <see cref="Kinetics.Conservation.ConservativeProjection"/> with each moment on the species' own grid, sub-steps from
    /// the operator's collision frequency and relative rate unless <see cref="SpaceHomogeneousOptions.FixedStep"/> is set).
    /// A uniform state therefore follows the space-homogeneous <see cref="SpeciesGridSolver"/> run to the last bit.
    /// </summary>
    /// <param name="collisionOperator">The operator (<c>SpeciesGridBoltzmannOperator</c>, <c>SpeciesGridLandauOperator</c>, …);
    /// its grids must be the state's 3-D species grids (<see cref="Velocities.VelocityGrid.FromSpeciesGrids"/>).</param>
    /// <param name="options">Options of the per-cell integrator (null: SSP-RK3, projection with weight |F|, Courant 0.25); the
    /// steady-state-preserving form and the equilibrium limiter are not supported on per-species grids.</param>
    /// <exception cref="ArgumentException">The options ask for the steady-state-preserving form or the equilibrium limiter.</exception>
    public static CollisionStep CreateOnSpeciesGrids(ISpeciesGridCollisionOperator collisionOperator, SpaceHomogeneousOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(collisionOperator);
        return new CollisionStep(collisionOperator, options ?? new SpaceHomogeneousOptions());
    }

    /// <summary>
    /// The batched collision step on per-species velocity grids: all owned cells per SSP-RK3 stage through
    /// <see cref="BatchedCollisionStep.Create(ISpeciesGridCollisionOperator, BatchedCollisionStepOptions?)"/>, each cell's
    /// collision term projected onto its species masses, momentum and energy (each on the species' own grid), a fixed number
    /// of sub-steps per call (bitwise reproducible over processes), as <see cref="CreateBatched"/>.
    /// </summary>
    /// <param name="collisionOperator">The operator on the state's species grids.</param>
    /// <param name="options">Options of the batched step (null: projection on, resolution reported, one worker).</param>
    /// <param name="substeps">SSP-RK3 sub-steps per <see cref="Advance"/>, in [1, 10000] (default 1).</param>
    public static CollisionStep CreateBatchedOnSpeciesGrids(ISpeciesGridCollisionOperator collisionOperator, BatchedCollisionStepOptions? options = null, int substeps = 1)
    {
        ArgumentNullException.ThrowIfNull(collisionOperator);
        Guard.InRange(substeps, 1, 10_000);
        return new CollisionStep(collisionOperator, BatchedCollisionStep.Create(collisionOperator, options), substeps);
    }

    private static void CheckSpeciesGrids(PhaseSpaceState state, ISpeciesGridCollisionOperator speciesOperator)
    {
        var grids = speciesOperator.Grids;
        if (state.SpeciesCount != grids.SpeciesCount || state.VelocityDimension != 3)
        {
            throw new ArgumentException(
                $"state must have the operator's {grids.SpeciesCount} species on 3-D velocity grids (has {state.SpeciesCount} on {state.VelocityDimension}-D grids).", nameof(state));
        }

        for (int s = 0; s < grids.SpeciesCount; s++)
        {
            if (!state.VelocitiesOf(s).ToSpeciesGrid().Equals(grids[s]))
            {
                throw new ArgumentException($"state's species {s} is on {state.VelocitiesOf(s)}; the operator's grid is {grids[s]}.", nameof(state));
            }
        }

        if (!state.Masses.SequenceEqual(speciesOperator.Masses))
        {
            throw new ArgumentException("state's species masses must be the operator's.", nameof(state));
        }
    }
}
