namespace Kinetics.Dynamics;

/// <summary>Options of <see cref="StiffCollisionSolver"/>.</summary>
public sealed record StiffOptions
{
    /// <summary>ε ∈ [1e−12, 1e6], the scale of ∂_t F = (1/ε) 𝒞(F) (Knudsen number in collision units).</summary>
    public double Epsilon { get; init; } = 1.0;

    /// <summary>The time step Δt &gt; 0 (fixed; it does not need to resolve ε).</summary>
    public double Step { get; init; } = 0.1;

    /// <summary>The scheme (default <see cref="StiffScheme.ImplicitEuler"/>).</summary>
    public StiffScheme Scheme { get; init; } = StiffScheme.ImplicitEuler;

    /// <summary>β of the BGK penalisation as a multiple of the operator's largest collision frequency (≥ 0.5, default 1).</summary>
    public double PenaltyFactor { get; init; } = 1.0;

    /// <summary>Fixed-point iterations per implicit step, in [1, 10000] (default 300).</summary>
    public int MaxIterations { get; init; } = 300;

    /// <summary>The implicit step stops when the fixed-point residual ‖F^n − F + (Δt/ε)𝒞(F)‖/(1 + βΔt/ε) is at most this × ‖F^n‖ (default 1e−11).</summary>
    public double Tolerance { get; init; } = 1e-11;

    /// <summary>Anderson acceleration depth m ∈ [0, 20] (0: plain penalised fixed point; default 5).</summary>
    public int AndersonDepth { get; init; } = 5;

    /// <summary>Project every collision term onto the conservative subspace (species masses, total momentum and energy; default true).</summary>
    public bool ConservativeProjection { get; init; } = true;

    /// <summary>
    /// Evaluate 𝒞̃(F) = 𝒞(F) − 𝒞(M) instead of 𝒞(F), M the solver's equilibrium with the conserved moments of the step's
    /// start (one more evaluation per step). The discrete operator does not vanish on the discrete Maxwellian; without
    /// this the implicit step tends, as ε → 0, to the discrete operator's own equilibrium, with it to M
    /// (docs/species-grids.md, "Stiff steps on per-species grids"). Default false.
    /// </summary>
    public bool RemoveEquilibriumDefect { get; init; }

    internal void Validate()
    {
        Guard.InRange(Epsilon, 1e-12, 1e6);
        Guard.Positive(Step);
        Guard.Finite(Step);
        if (!Enum.IsDefined(Scheme))
        {
            throw new ArgumentOutOfRangeException(nameof(Scheme), Scheme, "unknown stiff scheme.");
        }

        Guard.InRange(PenaltyFactor, 0.5, 1e3);
        Guard.InRange(MaxIterations, 1, 10000);
        Guard.InRange(Tolerance, 1e-15, 1e-2);
        Guard.InRange(AndersonDepth, 0, 20);
    }
}
