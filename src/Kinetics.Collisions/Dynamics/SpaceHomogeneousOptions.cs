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

    /// <summary>The weight of that projection (default <see cref="Dynamics.ProjectionWeight.Uniform"/>; use
    /// <see cref="Dynamics.ProjectionWeight.Distribution"/> when a species is much narrower than the box, e.g. large mass
    /// ratios).</summary>
    public ProjectionWeight ProjectionWeight { get; init; } = ProjectionWeight.Uniform;

    /// <summary>What to do with negative values (default <see cref="PositivityPolicy.Monitor"/>).</summary>
    public PositivityPolicy Positivity { get; init; } = PositivityPolicy.Monitor;

    /// <summary>Relative threshold below which a value counts as negative (default 1e−10).</summary>
    public double PositivityTolerance { get; init; } = 1e-10;

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
