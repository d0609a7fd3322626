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

    /// <summary>
    /// The penalty operator (default <see cref="StiffPenalty.Bgk"/>). <see cref="StiffPenalty.FokkerPlanck"/> needs an operator
    /// that implements <see cref="IDiffusionBound"/> (the Landau operators).
    /// </summary>
    public StiffPenalty Penalty { get; init; } = StiffPenalty.Bgk;

    /// <summary>
    /// β as a multiple of its reference value, in [0.5, 1000] (default 1): for <see cref="StiffPenalty.Bgk"/> the operator's
    /// largest collision frequency; for <see cref="StiffPenalty.FokkerPlanck"/> (π²/8)·max_α m_α λ̄(D_α)/θ, the smallest β for
    /// which the explicit remainder's grid-scale diffusion is damped by the implicit penalty (docs/limits.md).
    /// </summary>
    public double PenaltyFactor { get; init; } = 1.0;

    /// <summary>
    /// Relative residual at which the conjugate-gradient solve of the Fokker–Planck penalty stops, in [1e−15, 1e−6]
    /// (default 1e−13; the increment is conservatively projected afterwards whatever the residual).
    /// </summary>
    public double PenaltyTolerance { get; init; } = 1e-13;

    /// <summary>
    /// Conjugate-gradient iterations allowed per solve of the Fokker–Planck penalty, in [1, 10000] (default 50; the
    /// preconditioner is the solve's exact inverse up to round-off, so 1–3 are used). Exhausting it is an error.
    /// </summary>
    public int PenaltyIterations { get; init; } = 50;

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

        if (!Enum.IsDefined(Penalty))
        {
            throw new ArgumentOutOfRangeException(nameof(Penalty), Penalty, "unknown stiff penalty.");
        }

        Guard.InRange(PenaltyFactor, 0.5, 1e3);
        Guard.InRange(PenaltyTolerance, 1e-15, 1e-6);
        Guard.InRange(PenaltyIterations, 1, 10000);
        Guard.InRange(MaxIterations, 1, 10000);
        Guard.InRange(Tolerance, 1e-15, 1e-2);
        Guard.InRange(AndersonDepth, 0, 20);
    }
}
