namespace Kinetics.Dynamics;

/// <summary>
/// The weight W of the conservative projection applied to every stage by <see cref="SpaceHomogeneousSolver"/>
/// (<see cref="Conservation.ConservativeProjection"/>: the smallest Σ (Q̃ − Q)²/W change that restores the conservation
/// laws).
/// </summary>
/// <remarks>
/// With <see cref="Uniform"/> the correction of species α has the shape a^α + b·m^α v + c m^α|v|²/2 over the whole box;
/// the energy row of a heavy species dominates the Gram system (its weight grows like (m^α)²), so for a species much
/// narrower than the box (mass ratios ≳ 1:8) the correction deposits energy into that species' far field, where
/// F^α ≈ 0, and the temperatures drift (measured in docs/scenarios.md, two-temperature relaxation at 1:16, γ = 0, N = 64:
/// the rate fitted over one e-fold is 15 % below the exact rate with <see cref="Uniform"/>, 0.2 % above it with
/// <see cref="Distribution"/>). With <see cref="Distribution"/> (W = |F^α| at the stage) the correction is
/// (a^α + b·m^α v + c m^α|v|²/2)|F^α| and vanishes where the species does.
/// </remarks>
public enum ProjectionWeight
{
    /// <summary>W ≡ 1 (Gamba–Tharkabhushanam; precomputed Gram matrix, the cheaper choice).</summary>
    Uniform = 1,

    /// <summary>W = |F^α| at the evaluated stage (a Gram system per evaluation; S + 4 weighted moment passes). The default.</summary>
    Distribution = 2,
}
