using Kinetics.Dynamics;
using Kinetics.PhaseSpace.States;

namespace Kinetics.PhaseSpace.Integration;

/// <summary>The batched path of <see cref="CollisionStep"/> (docs/phase-space.md, "Collisions").</summary>
public sealed partial class CollisionStep
{
    private readonly BatchedCollisionStep? _batched;
    private readonly int _substeps;
    private CellReport[] _reports;
    private double[] _start = [];
    private double[] _rate = [];
    private double[] _stage = [];

    private CollisionStep(ICollisionOperator collisionOperator, BatchedCollisionStep batched, int substeps)
        : this(collisionOperator, new SpaceHomogeneousOptions())
    {
        _batched = batched;
        _substeps = substeps;
    }

    /// <summary>True when the step runs through <see cref="BatchedCollisionStep"/> (<see cref="CreateBatched"/>).</summary>
    public bool IsBatched => _batched is not null;

    /// <summary>
    /// Per owned cell, the report of the last batched evaluation (the final Runge–Kutta stage of the last
    /// <see cref="Advance"/>): conservation residual before and after the projection, min F, resolution indicators.
    /// Empty before the first batched step and for the per-cell path.
    /// </summary>
    public ReadOnlySpan<CellReport> Reports => _reports;

    /// <summary>
    /// A collision step that advances all owned cells together by SSP-RK3 with a fixed number of sub-steps per call,
    /// every stage one <see cref="BatchedCollisionStep.Evaluate"/> over the cells: each cell's collision term is
    /// projected onto its conservation laws (weight |F|), so every stage, and the step, conserves each cell's species
    /// masses, momentum and energy to round-off. The sub-step count does not depend on the state or on the process
    /// layout, so distributed runs stay bitwise reproducible; stability comes from the solver's step choice
    /// (Δt·ν_max ≤ <see cref="PhaseSpaceOptions.CollisionCourant"/>, gathered over all processes).
    /// </summary>
    /// <param name="collisionOperator">The operator (its grid must be the state's 3-D velocity grid).</param>
    /// <param name="options">Options of the batched step (null: projection on, resolution reported, one worker).</param>
    /// <param name="substeps">SSP-RK3 sub-steps per <see cref="Advance"/>, in [1, 10000] (default 1).</param>
    /// <remarks>The batched step keeps its stage buffers: one <see cref="Advance"/> at a time (the per-cell path is
    /// thread-safe); its threads are <see cref="BatchedCollisionStepOptions.MaxDegreeOfParallelism"/>, not the
    /// <c>maxDegreeOfParallelism</c> argument of <see cref="Advance"/>.</remarks>
    public static CollisionStep CreateBatched(ICollisionOperator collisionOperator, BatchedCollisionStepOptions? options = null, int substeps = 1)
    {
        ArgumentNullException.ThrowIfNull(collisionOperator);
        Guard.InRange(substeps, 1, 10_000);
        return new CollisionStep(collisionOperator, BatchedCollisionStep.Create(collisionOperator, options), substeps);
    }

    // The settings that decide the arithmetic, for checkpoints (PhaseSpaceSolver.Settings).
    internal string Describe() => _stiff is not null ? $"stiff {_stiff}"
        : _penalized is not null ? $"penalized plasma factor {_penalized.PenaltyFactor} with {_penalizedSubsteps} sub-steps"
        : _batched is null ? (SpeciesGridOperator is null ? Options.ToString() : $"species grids {Options}")
        : $"batched {(SpeciesGridOperator is null ? "" : "species grids ")}{_batched.Options} with {_substeps} SSP-RK3 sub-steps";

    // SSP-RK3 (Shu–Osher) on all owned cells at once: u¹ = u + hQ(u), u² = ¾u + ¼(u¹ + hQ(u¹)), u ← ⅓u + ⅔(u² + hQ(u²)).
    private void AdvanceBatched(PhaseSpaceState state, double step)
    {
        var batched = _batched!;
        Span<double> u = state.Data;
        if (_start.Length != u.Length)
        {
            _start = new double[u.Length];
            _rate = new double[u.Length];
            _stage = new double[u.Length];
            _reports = new CellReport[state.CellCount];
        }

        double[] stage = _stage;
        double h = step / _substeps;
        for (int sub = 0; sub < _substeps; sub++)
        {
            u.CopyTo(_start);
            batched.Evaluate(_start, _rate, _reports);
            for (int i = 0; i < u.Length; i++)
            {
                stage[i] = _start[i] + (h * _rate[i]);
            }

            batched.Evaluate(stage, _rate, _reports);
            for (int i = 0; i < u.Length; i++)
            {
                stage[i] = (0.75 * _start[i]) + (0.25 * (stage[i] + (h * _rate[i])));
            }

            batched.Evaluate(stage, _rate, _reports);
            for (int i = 0; i < u.Length; i++)
            {
                u[i] = (_start[i] / 3.0) + (2.0 / 3.0 * (stage[i] + (h * _rate[i])));
            }
        }
    }
}
