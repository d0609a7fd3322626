using Kinetics.Conservation;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Moments;

namespace Kinetics.Dynamics;

/// <summary>
/// Steps of the stiff space-homogeneous problem ∂_t F = (1/ε) 𝒞(F) whose size does not shrink with ε, for a mixture
/// whose species live on their own velocity grids (<see cref="ISpeciesGridCollisionOperator"/>: Boltzmann or Landau,
/// any mass ratio): the schemes of <see cref="StiffCollisionSolver"/> (<see cref="StiffScheme"/>: the Filbet–Jin
/// BGK-penalised step and implicit Euler by its Anderson-accelerated fixed point) with every moment taken on the
/// species' own grid (docs/species-grids.md, "Stiff steps on per-species grids").
/// </summary>
/// <remarks>
/// <para>Penalty: P(F) = β(M[F] − F) with M[F] the mixture equilibrium of <see cref="Equilibrium"/> — species α's
/// Maxwellian on α's grid, with α's density and the mixture's common velocity and temperature — and one β for all
/// species (the operator's largest collision frequency × <see cref="StiffOptions.PenaltyFactor"/>). A common β makes P
/// conserve species masses, total momentum and total energy, so M[F^{n+1}] = M[F^n] in the homogeneous problem and the
/// penalty cancels from the step: F^{n+1} = F^n + (Δt/ε)𝒞(F^n)/(1 + βΔt/ε), stable for any Δt/ε.</para>
/// <para>With <see cref="StiffOptions.Penalty"/> = <see cref="StiffPenalty.FokkerPlanck"/> the penalty is instead species α's
/// linear Fokker–Planck operator β∇·((θ/m_α)∇F_α + (v − u)F_α) on α's own grid, with the mixture's u, θ and one β
/// (docs/limits.md, "Fokker–Planck penalisation"); the operator must implement <see cref="IDiffusionBound"/>.</para>
/// <para>Conservation: every evaluation of 𝒞 is projected by <see cref="ConservativeProjection"/> over the species'
/// grids, and so is the increment of each step (weights |F^{n+1}|): species masses, total momentum and total energy, each
/// species' moments on its own grid, are kept to round-off whatever the fixed-point tolerance.</para>
/// <para>On one shared grid (<see cref="SpeciesGrids.Shared"/>) the steps are those of <see cref="StiffCollisionSolver"/>
/// with the same operator. Immutable; <see cref="Step"/> allocates its buffers per call and may be called concurrently if
/// the operator allows it.</para>
/// </remarks>
public sealed class SpeciesGridStiffSolver
{
    private readonly double[] _masses;
    private readonly PenalisedStepper _stepper;

    /// <summary>Creates the solver.</summary>
    /// <param name="collisionOperator">𝒞 on per-species grids (quadratic in F).</param>
    /// <param name="options">Options (default: implicit Euler, ε = 1, Δt = 0.1).</param>
    /// <returns>The solver; immutable.</returns>
    public static SpeciesGridStiffSolver Create(ISpeciesGridCollisionOperator collisionOperator, StiffOptions? options = null) =>
        new(collisionOperator, options);

    private SpeciesGridStiffSolver(ISpeciesGridCollisionOperator collisionOperator, StiffOptions? options)
    {
        ArgumentNullException.ThrowIfNull(collisionOperator);
        Operator = collisionOperator;
        Options = options ?? new StiffOptions();
        Options.Validate();
        _masses = collisionOperator.Masses.ToArray();
        var grids = collisionOperator.Grids;
        var offsets = new int[grids.SpeciesCount + 1];
        for (int a = 0; a < grids.SpeciesCount; a++)
        {
            offsets[a] = grids.Offset(a);
        }

        offsets[^1] = grids.TotalCount;
        _stepper = new PenalisedStepper(
            Options,
            ConservativeProjection.Create(grids, _masses),
            (state, destination) => collisionOperator.Evaluate(state, destination),
            collisionOperator as ICollisionFrequency,
            offsets,
            (state, destination) => Equilibrium(state, destination),
            Options.Penalty == StiffPenalty.FokkerPlanck ? FokkerPlanckPenalty.Create(grids, _masses) : null,
            Options.Penalty == StiffPenalty.FokkerPlanck ? DiffusionBound(collisionOperator) : null);
    }

    private static IDiffusionBound DiffusionBound(object collisionOperator) => collisionOperator as IDiffusionBound
        ?? throw new ArgumentException("The Fokker–Planck penalty needs an operator that reports its diffusion (IDiffusionBound: the Landau operators).", nameof(collisionOperator));

    /// <summary>The operator 𝒞.</summary>
    public ISpeciesGridCollisionOperator Operator { get; }

    /// <summary>The options.</summary>
    public StiffOptions Options { get; }

    /// <summary>Advances <paramref name="state"/> by one step Δt into <paramref name="next"/>.</summary>
    /// <param name="state">Σ N_α³ stacked distributions F^n, finite, every species with positive density and a positive
    /// mixture temperature (not modified).</param>
    /// <param name="next">F^{n+1}; must not overlap <paramref name="state"/>.</param>
    /// <param name="step">Δt of this step (default: <see cref="StiffOptions.Step"/>), &gt; 0.</param>
    /// <returns>Evaluations, fixed-point iterations and residual, and β.</returns>
    /// <exception cref="InvalidOperationException">An iterate of the step left what the operator accepts, a penalty solve
    /// spent its budget, or the step produced non-finite values (Δt/ε too large for these grids).</exception>
    public StiffStepReport Step(ReadOnlySpan<double> state, Span<double> next, double? step = null)
    {
        Guard.Length(state.Length, _stepper.Length, nameof(state));
        Guard.Length(next.Length, _stepper.Length, nameof(next));
        Guard.AllFinite(state);
        double dt = step ?? Options.Step;
        Guard.Positive(dt, nameof(step));
        Guard.Finite(dt, nameof(step));
        if (state.Overlaps(next))
        {
            throw new ArgumentException("next must not overlap state.", nameof(next));
        }

        _ = CommonState(state, nameof(state));
        return _stepper.Step(state, next, dt);
    }

    /// <summary>Integrates from t = 0 to <paramref name="finalTime"/> with the fixed step (the last one shortened).</summary>
    /// <param name="initial">Σ N_α³ stacked initial distributions, finite, with positive densities and temperature (not modified).</param>
    /// <param name="finalTime">t_final ≥ 0, finite, at most 10⁶ steps of <see cref="StiffOptions.Step"/>.</param>
    /// <param name="observer">Called with the initial state and after each step (optional).</param>
    /// <param name="cancellationToken">Stops between steps; the result holds the last state.</param>
    /// <returns>The final state and the step and evaluation counts.</returns>
    public SpaceHomogeneousResult Run(ReadOnlySpan<double> initial, double finalTime, StepObserver? observer = null, CancellationToken cancellationToken = default)
    {
        Guard.Length(initial.Length, _stepper.Length, nameof(initial));
        Guard.AllFinite(initial);
        Guard.NonNegative(finalTime);
        Guard.Finite(finalTime);
        _stepper.CheckStepCount(finalTime);
        _ = CommonState(initial, nameof(initial));
        return _stepper.Run(initial, finalTime, observer, cancellationToken);
    }

    /// <summary>
    /// The mixture equilibrium M[F] with the conserved moments of <paramref name="state"/>, the limit of a step as ε → 0:
    /// for each species α the discrete Maxwellian (<see cref="DiscreteMaxwellian"/>) on α's own grid of α's density n^α,
    /// the mixture velocity u = Σ m^α n^α u^α/ρ and temperature θ = (2/3)(E − ρ|u|²/2)/Σ n^α, all moments by the quadrature
    /// of each species' own grid. Its species densities, total momentum and total energy equal those of the state to
    /// round-off.
    /// </summary>
    /// <param name="state">Σ N_α³ stacked distributions, finite, with positive densities and temperature.</param>
    /// <param name="destination">Σ N_α³ values.</param>
    /// <exception cref="ArgumentException">The state has no positive density or temperature, or a species' grid cannot
    /// carry its Maxwellian (<see cref="DiscreteMaxwellian.Fill"/>).</exception>
    public void Equilibrium(ReadOnlySpan<double> state, Span<double> destination)
    {
        var grids = Operator.Grids;
        Guard.Length(state.Length, grids.TotalCount, nameof(state));
        Guard.Length(destination.Length, grids.TotalCount, nameof(destination));
        Guard.AllFinite(state);
        var (densities, u, theta) = CommonState(state, nameof(state));
        int s = _masses.Length;
        for (int a = 0; a < s; a++)
        {
            var state0 = new MacroscopicState(densities[a], u - grids[a].Centre, theta);
            DiscreteMaxwellian.Fill(grids[a].Grid, state0, _masses[a], grids.Slice(destination, a));
        }
    }

    // The species densities and the mixture's u and θ, each species' moments on its own grid; a state without positive
    // densities and temperature has no equilibrium and no conservative projection, so it is refused by name.
    private (double[] Densities, Velocity3 U, double Theta) CommonState(ReadOnlySpan<double> state, string paramName)
    {
        var grids = Operator.Grids;
        int s = _masses.Length;
        var densities = new double[s];
        double rho = 0, total = 0, energy = 0;
        var momentum = Velocity3.Zero;
        for (int a = 0; a < s; a++)
        {
            var moments = SpeciesMoments.Of(grids[a], grids.Slice(state, a), _masses[a]);
            densities[a] = moments.Density;
            if (!(moments.Density > 0))
            {
                throw new ArgumentException($"{paramName}: species {a} has density {moments.Density:G6}; it must be > 0.", paramName);
            }

            rho += _masses[a] * moments.Density;
            total += moments.Density;
            momentum += moments.Momentum;
            energy += moments.Energy;
        }

        var u = (1.0 / rho) * momentum;
        double theta = 2.0 / 3.0 * (energy - (0.5 * rho * u.LengthSquared)) / total;
        if (!(theta > 0) || !double.IsFinite(theta))
        {
            throw new ArgumentException($"{paramName}: mixture temperature {theta:G6}; it must be finite and > 0.", paramName);
        }

        return (densities, u, theta);
    }
}
