namespace Kinetics.Dynamics;

/// <summary>Options of <see cref="SpaceHomogeneousSolver"/>.</summary>
public sealed record SpaceHomogeneousOptions
{
    /// <summary>The Runge–Kutta scheme (default SSP-RK3).</summary>
    public TimeScheme Scheme { get; init; } = TimeScheme.SspRk3;

    /// <summary>
    /// Courant-like number c of the adaptive step Δt = c / ν̂, where ν̂ = max_p |𝒞(F)_p| / F_p over the points whose
    /// F_p exceeds <see cref="RateFloor"/> times the species maximum (the local relative relaxation rate, an estimate
    /// of the collision frequency). Default 0.25.
    /// </summary>
    public double Courant { get; init; } = 0.25;

    /// <summary>A fixed step Δt &gt; 0; when set, the adaptive rule is not used.</summary>
    public double? FixedStep { get; init; }

    /// <summary>Largest allowed step (default +∞).</summary>
    public double MaxStep { get; init; } = double.PositiveInfinity;

    /// <summary>Relative floor of the points that enter ν̂ (default 1e−6).</summary>
    public double RateFloor { get; init; } = 1e-6;

    /// <summary>Project every stage's collision term onto mass/momentum/energy conservation (default true).</summary>
    public bool ConservativeProjection { get; init; } = true;

    /// <summary>The weight of that projection (default <see cref="Dynamics.ProjectionWeight.Distribution"/>, W = |F^α|:
    /// the correction stays where each species lives; docs/boltzmann.md, "Projection weight").</summary>
    public ProjectionWeight ProjectionWeight { get; init; } = ProjectionWeight.Distribution;

    /// <summary>
    /// Steady-state preserving evaluation (default false; `kinetics relax` turns it on): every stage uses 𝒞(F) − 𝒞(𝓜_eq), where 𝓜_eq is the discrete
    /// equilibrium of the run (<see cref="Distributions.DiscreteMaxwellian"/> with each species' density and the common
    /// bulk velocity and temperature fixed by the conserved total momentum and energy), computed once per run. The
    /// discrete operator's own equilibrium then is 𝓜_eq exactly, so temperatures converge to the equilibrium temperature
    /// and stay there at coarse grids (Filbet, Pareschi and Rey, "On steady-state preserving spectral methods for
    /// homogeneous Boltzmann equations", C. R. Math. 353 (2015); docs/boltzmann.md, "Long runs at coarse grids"). The
    /// subtracted term is the operator's discretisation error on a Maxwellian: ~1e−10 of max F on resolved grids.
    /// Meant for conservative collision operators (Boltzmann, Landau), whose equilibria are these Maxwellians.
    /// </summary>
    public bool SteadyStatePreserving { get; init; }

    /// <summary>
    /// The equilibrium limiter (default false; `kinetics relax` turns it on): after each step the state F is replaced by 𝓜_eq + θ(F − 𝓜_eq), θ ∈ [0, 1]
    /// as large as possible such that the entropy does not increase and the negative mass fraction stays within
    /// <see cref="NegativeTolerance"/>; 𝓜_eq has the conserved moments of the run, so conservation is unaffected. θ = 1
    /// (no change) whenever the step is entropy-stable and positive enough, which is every step on resolved grids;
    /// <see cref="SpaceHomogeneousResult.LimitedSteps"/> counts the others (docs/boltzmann.md, "Long runs at coarse grids").
    /// </summary>
    public bool EquilibriumLimiter { get; init; }

    /// <summary>The largest negative mass fraction max_α ∫max(−F^α, 0)/∫|F^α| the equilibrium limiter lets through
    /// (default 1e−3).</summary>
    public double NegativeTolerance { get; init; } = 1e-3;

    /// <summary>What to do with negative values (default <see cref="PositivityPolicy.Monitor"/>).</summary>
    public PositivityPolicy Positivity { get; init; } = PositivityPolicy.Monitor;

    /// <summary>Relative threshold below which a value counts as negative (default 1e−10).</summary>
    public double PositivityTolerance { get; init; } = 1e-10;

    /// <summary>
    /// What a failure during integration does (default false: it throws, as before). When true, a step that fails — the
    /// operator's resolution check refuses the state (<see cref="ArgumentException"/>, <see cref="UnresolvedSpeciesException"/>),
    /// the operator returns non-finite values, or <see cref="PositivityPolicy.ReduceStep"/> runs out of halvings — ends the
    /// run, and the result holds the last accepted state and the diagnostics so far, with
    /// <see cref="SpaceHomogeneousResult.Stop"/> = <see cref="SolverStop.Failed"/> and the message in
    /// <see cref="SpaceHomogeneousResult.StopReason"/>. Input errors (checked before the first step) and
    /// <see cref="PositivityPolicy.Throw"/> still throw. `kinetics relax` turns it on.
    /// </summary>
    public bool PartialResultOnFailure { get; init; }

    /// <summary>Upper bound on the number of steps (default 1 000 000).</summary>
    public int MaxSteps { get; init; } = 1_000_000;

    internal void Validate()
    {
        Guard.Positive(Courant);
        if (FixedStep is double dt)
        {
            Guard.Positive(dt, nameof(FixedStep));
        }

        if (!(MaxStep > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxStep), MaxStep, $"MaxStep must be > 0 (was {MaxStep}).");
        }

        Guard.InRange(RateFloor, 0.0, 1.0);
        Guard.InRange(PositivityTolerance, 0.0, 1.0);
        Guard.InRange(NegativeTolerance, 0.0, 1.0);
        Guard.InRange(MaxSteps, 1, int.MaxValue);
        if (!Enum.IsDefined(ProjectionWeight))
        {
            throw new ArgumentOutOfRangeException(nameof(ProjectionWeight), ProjectionWeight, $"ProjectionWeight must be one of {string.Join(", ", Enum.GetNames<ProjectionWeight>())} (was {ProjectionWeight}).");
        }

        if (!Enum.IsDefined(Positivity))
        {
            throw new ArgumentOutOfRangeException(nameof(Positivity), Positivity, $"Positivity must be one of {string.Join(", ", Enum.GetNames<PositivityPolicy>())} (was {Positivity}).");
        }

        if (!Enum.IsDefined(Scheme))
        {
            throw new ArgumentOutOfRangeException(nameof(Scheme), Scheme, $"Scheme must be one of {string.Join(", ", Enum.GetNames<TimeScheme>())} (was {Scheme}).");
        }
    }
}
