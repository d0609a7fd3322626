namespace Kinetics.PhaseSpace.Integration;

/// <summary>Options of an <see cref="AsymptoticPreservingSolver"/>.</summary>
public sealed record AsymptoticPreservingOptions
{
    /// <summary>ε ∈ [1e−8, 1e3], the Knudsen number of the scaling.</summary>
    public double Epsilon { get; init; } = 1.0;

    /// <summary>The scaling (default <see cref="KineticScaling.Hyperbolic"/>).</summary>
    public KineticScaling Scaling { get; init; } = KineticScaling.Hyperbolic;

    /// <summary>
    /// β of the BGK penalisation of each cell as a multiple of that cell's largest collision frequency (operators that do
    /// not report one use the largest relative rate |𝒞(F)|/F), in [0.5, 1000] (default 1).
    /// </summary>
    public double PenaltyFactor { get; init; } = 1.0;

    /// <summary>
    /// The penalty operator (default <see cref="Dynamics.StiffPenalty.Bgk"/>). <see cref="Dynamics.StiffPenalty.FokkerPlanck"/>
    /// (hyperbolic scaling only) penalises each cell with its linear Fokker–Planck operator, β from the operator's
    /// <see cref="Dynamics.IDiffusionBound"/> (the Landau operators), and solves (κ − βΔtP*)F^{n+1} = κF^* + ΔtR^n per cell by
    /// preconditioned conjugate gradients (docs/limits.md, "Fokker–Planck penalisation").
    /// </summary>
    public Dynamics.StiffPenalty Penalty { get; init; } = Dynamics.StiffPenalty.Bgk;

    /// <summary>
    /// χ of the explicit collision remainder: 𝒞(F) − 𝒞(M[F]) is weighted by M/(M + χ·max M) per species and a BGK term
    /// of the cell's collision frequency takes the rest, so the tails where the equilibrium is below about χ of its peak
    /// relax by BGK, in [0, 1e−2]
    /// (default 1e−4; docs/limits.md explains why the spectral operators need it).
    /// </summary>
    public double TailCutoff { get; init; } = 1e-4;

    /// <summary>
    /// Options of the explicit (collisionless transport and field) part; their <see cref="PhaseSpaceOptions.Collisions"/>
    /// must be null. The Courant number applies to the transport velocity v/ε in the diffusive scaling.
    /// </summary>
    public PhaseSpaceOptions Explicit { get; init; } = new();

    internal void Validate()
    {
        Guard.InRange(Epsilon, 1e-8, 1e3, nameof(Epsilon));
        Guard.Defined(Scaling, nameof(Scaling));
        Guard.InRange(PenaltyFactor, 0.5, 1e3, nameof(PenaltyFactor));
        Guard.Defined(Penalty, nameof(Penalty));
        if (Penalty == Dynamics.StiffPenalty.FokkerPlanck && Scaling == KineticScaling.Diffusive)
        {
            throw new ArgumentException("The Fokker–Planck penalty is implemented for the hyperbolic scaling only.", nameof(Penalty));
        }
        Guard.InRange(TailCutoff, 0.0, 1e-2, nameof(TailCutoff));
        ArgumentNullException.ThrowIfNull(Explicit, nameof(Explicit));
        if (Explicit.Collisions is not null)
        {
            throw new ArgumentException("Explicit.Collisions must be null: the collisions are the implicit part of the asymptotic-preserving step.", nameof(Explicit));
        }
    }
}
