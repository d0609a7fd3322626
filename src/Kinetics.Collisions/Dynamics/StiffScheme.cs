namespace Kinetics.Dynamics;

/// <summary>Time discretisations of the stiff space-homogeneous problem ∂_t F = (1/ε) 𝒞(F) (docs/limits.md).</summary>
public enum StiffScheme
{
    /// <summary>
    /// Filbet–Jin penalisation: 𝒞 = [𝒞 − P] + P with the BGK operator P(F) = β(M[F] − F) implicit and the remainder
    /// explicit. One evaluation of 𝒞 per step; stable for any step when β ≥ the collision frequency, but the
    /// non-equilibrium part decays by about (1 − ν/β) per step when Δt ≫ ε, not to zero in one step.
    /// </summary>
    Penalized = 1,

    /// <summary>
    /// Implicit Euler F^{n+1} = F^n + (Δt/ε) 𝒞(F^{n+1}), solved by the penalised fixed point
    /// F ← [F^n + (Δt/ε)(𝒞(F) + βF)]/(1 + βΔt/ε) (the Filbet–Jin step iterated) with Anderson acceleration. L-stable and
    /// strongly asymptotic-preserving: as Δt/ε → ∞ a step lands on the equilibrium with the conserved moments of F^n.
    /// </summary>
    ImplicitEuler = 2,
}
