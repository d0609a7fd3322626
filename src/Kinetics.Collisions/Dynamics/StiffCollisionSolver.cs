using Kinetics.Conservation;
using Kinetics.Distributions;

namespace Kinetics.Dynamics;

/// <summary>
/// Steps of the stiff space-homogeneous problem ∂_t F = (1/ε) 𝒞(F) whose size does not shrink with ε: the Filbet–Jin
/// BGK-penalised step and the implicit Euler step (<see cref="StiffScheme"/>; the choice is discussed in
/// docs/limits.md). Any <see cref="ICollisionOperator"/> works: Boltzmann or Landau, mixtures with unequal
/// masses.
/// </summary>
/// <remarks>
/// <para>Conservation: every evaluation of 𝒞 is projected by <see cref="ConservativeProjection"/>, and the increment of
/// each step is projected once more (weights |F^{n+1}|), so species masses, total momentum and total energy are kept to
/// round-off whatever the fixed-point tolerance.</para>
/// <para>Implicit step: the penalised fixed point is pseudo-time relaxation with collision steps of length about 1/β, so it
/// converges (near equilibrium like (1 − λ/β)^k for the linearised modes λ ∈ [λ_gap, ν_max]) at a rate that does not
/// depend on ε; Anderson acceleration cuts the iteration count several-fold (docs/limits.md). A Newton–GMRES solve with
/// the Jacobian at the non-equilibrium iterate was tried first and stalled for Δt/ε ≳ 10² (its linearisation is not
/// dissipative away from equilibrium).</para>
/// <para>Penalty (<see cref="StiffOptions.Penalty"/>): the BGK operator by default; <see cref="StiffPenalty.FokkerPlanck"/>
/// (Jin–Yan) penalises with the linear Fokker–Planck operator β∇·((θ/m_α)∇F + (v − u)F) at the u, θ of F^n, β from the
/// operator's <see cref="IDiffusionBound"/> (Landau), inverted by preconditioned conjugate gradients; for Landau it keeps β
/// of the order of the bulk rates where the BGK β grows like h⁻² (docs/limits.md, "Fokker–Planck penalisation").</para>
/// <para>A solver is immutable; <see cref="Step"/> allocates its buffers per call and may be called concurrently if the
/// operator allows it.</para>
/// </remarks>
public sealed class StiffCollisionSolver
{
    private readonly double[] _masses;
    private readonly PenalisedStepper _stepper;

    /// <summary>Creates the solver.</summary>
    /// <param name="collisionOperator">𝒞 (quadratic in F).</param>
    /// <param name="options">Options (default: implicit Euler, ε = 1, Δt = 0.1).</param>
    /// <returns>The solver; immutable.</returns>
    public static StiffCollisionSolver Create(ICollisionOperator collisionOperator, StiffOptions? options = null) =>
        new(collisionOperator, options);

    private StiffCollisionSolver(ICollisionOperator collisionOperator, StiffOptions? options)
    {
        ArgumentNullException.ThrowIfNull(collisionOperator);
        Operator = collisionOperator;
        Options = options ?? new StiffOptions();
        Options.Validate();
        _masses = collisionOperator.Masses.ToArray();
        int count = collisionOperator.Grid.Count;
        var offsets = Enumerable.Range(0, _masses.Length + 1).Select(a => a * count).ToArray();
        _stepper = new PenalisedStepper(
            Options,
            ConservativeProjection.Create(collisionOperator.Grid, _masses),
            (state, destination) => collisionOperator.Evaluate(state, destination),
            collisionOperator as ICollisionFrequency,
            offsets,
            (state, destination) => Equilibrium(state, destination),
            Options.Penalty == StiffPenalty.FokkerPlanck ? FokkerPlanckPenalty.Create(collisionOperator.Grid, _masses) : null,
            Options.Penalty == StiffPenalty.FokkerPlanck ? DiffusionBound(collisionOperator) : null);
    }

    private static IDiffusionBound DiffusionBound(object collisionOperator) => collisionOperator as IDiffusionBound
        ?? throw new ArgumentException("The Fokker–Planck penalty needs an operator that reports its diffusion (IDiffusionBound: the Landau operators).", nameof(collisionOperator));

    /// <summary>The operator 𝒞.</summary>
    public ICollisionOperator Operator { get; }

    /// <summary>The options.</summary>
    public StiffOptions Options { get; }

    private int Length => _masses.Length * Operator.Grid.Count;

    /// <summary>Advances <paramref name="state"/> by one step Δt = <see cref="StiffOptions.Step"/> into <paramref name="next"/>.</summary>
    /// <param name="state">S·N³ stacked distributions F^n, finite, every species with positive density and a positive
    /// mixture temperature (not modified).</param>
    /// <param name="next">F^{n+1}; must not overlap <paramref name="state"/>.</param>
    /// <param name="step">Δt of this step (default: <see cref="StiffOptions.Step"/>), &gt; 0.</param>
    /// <exception cref="InvalidOperationException">An iterate of the step left what the operator accepts, a penalty solve
    /// spent its budget, or the step produced non-finite values (Δt/ε too large for this grid).</exception>
    public StiffStepReport Step(ReadOnlySpan<double> state, Span<double> next, double? step = null)
    {
        Guard.Length(state.Length, Length, nameof(state));
        Guard.Length(next.Length, Length, nameof(next));
        Guard.AllFinite(state);
        double dt = step ?? Options.Step;
        Guard.Positive(dt, nameof(step));
        if (state.Overlaps(next))
        {
            throw new ArgumentException("next must not overlap state.", nameof(next));
        }

        _ = CommonState(state, nameof(state));
        return _stepper.Step(state, next, dt);
    }

    /// <summary>Integrates from t = 0 to <paramref name="finalTime"/> with the fixed step (the last one shortened).</summary>
    /// <param name="initial">S·N³ stacked initial distributions, finite, with positive densities and temperature (not modified).</param>
    /// <param name="finalTime">t_final ≥ 0, at most 10⁶ steps of <see cref="StiffOptions.Step"/>.</param>
    /// <param name="observer">Called with the initial state and after each step (optional).</param>
    /// <param name="cancellationToken">Stops between steps; the result holds the last state.</param>
    public SpaceHomogeneousResult Run(ReadOnlySpan<double> initial, double finalTime, StepObserver? observer = null, CancellationToken cancellationToken = default)
    {
        Guard.Length(initial.Length, Length, nameof(initial));
        Guard.AllFinite(initial);
        Guard.NonNegative(finalTime);
        Guard.Finite(finalTime);
        _stepper.CheckStepCount(finalTime);
        _ = CommonState(initial, nameof(initial));
        return _stepper.Run(initial, finalTime, observer, cancellationToken);
    }

    /// <summary>
    /// The equilibrium M[F] with the conserved moments of <paramref name="state"/>: Maxwellians of the species densities
    /// n^α with the mixture velocity u and temperature θ (grid quadrature of the moments), the limit of a step as ε → 0.
    /// </summary>
    /// <param name="state">S·N³ stacked distributions, finite, every species with positive density and a positive mixture temperature.</param>
    /// <param name="destination">S·N³ values.</param>
    public void Equilibrium(ReadOnlySpan<double> state, Span<double> destination)
    {
        Guard.Length(state.Length, Length, nameof(state));
        Guard.Length(destination.Length, Length, nameof(destination));
        Guard.AllFinite(state);
        var (n, u, theta) = CommonState(state, nameof(state));
        var grid = Operator.Grid;
        int count = grid.Count;
        for (int a = 0; a < _masses.Length; a++)
        {
            Maxwellian.Fill(grid, new MacroscopicState(n[a], u, theta), _masses[a], destination.Slice(a * count, count));
        }
    }

    // The species densities and the mixture's u and θ (grid quadrature); a state without positive densities and
    // temperature has no equilibrium and no conservative projection, so it is refused by name.
    private (double[] Densities, Velocity3 U, double Theta) CommonState(ReadOnlySpan<double> state, string paramName)
    {
        var grid = Operator.Grid;
        int count = grid.Count, s = _masses.Length;
        var n = new double[s];
        double rho = 0, energy = 0, mx = 0, my = 0, mz = 0;
        for (int a = 0; a < s; a++)
        {
            for (int p = 0; p < count; p++)
            {
                double f = state[(a * count) + p] * grid.CellVolume;
                var v = grid.Point(p);
                n[a] += f;
                mx += _masses[a] * v.X * f;
                my += _masses[a] * v.Y * f;
                mz += _masses[a] * v.Z * f;
                energy += 0.5 * _masses[a] * v.LengthSquared * f;
            }

            if (!(n[a] > 0))
            {
                throw new ArgumentException($"{paramName}: species {a} has density {n[a]:G6}; it must be > 0.", paramName);
            }

            rho += _masses[a] * n[a];
        }

        var u = new Velocity3(mx / rho, my / rho, mz / rho);
        double theta = 2.0 / 3.0 * (energy - (0.5 * rho * u.LengthSquared)) / n.Sum();
        if (!(theta > 0) || !double.IsFinite(theta))
        {
            throw new ArgumentException($"{paramName}: mixture temperature {theta:G6}; it must be finite and > 0.", paramName);
        }

        return (n, u, theta);
    }
}

/// <summary>Diagnostics of one stiff step.</summary>
/// <param name="Evaluations">Evaluations of 𝒞.</param>
/// <param name="Iterations">Fixed-point iterations of the implicit step (0 for the penalised scheme).</param>
/// <param name="Residual">Final fixed-point residual ‖Φ(F) − F‖/‖F^n‖, Φ the penalised step map (for the BGK penalty
/// ‖F^n − F + (Δt/ε)𝒞(F)‖/((1 + βΔt/ε)‖F^n‖)); NaN for the penalised scheme.</param>
/// <param name="Penalty">β of the penalty (<see cref="StiffOptions.Penalty"/>).</param>
public readonly record struct StiffStepReport(int Evaluations, int Iterations, double Residual, double Penalty)
{
    /// <summary>Conjugate-gradient iterations of the Fokker–Planck penalty's solves in this step (0 for the BGK penalty).</summary>
    public int PenaltySolveIterations { get; init; }
}
