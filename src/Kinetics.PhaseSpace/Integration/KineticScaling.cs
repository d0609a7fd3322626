namespace Kinetics.PhaseSpace.Integration;

/// <summary>The scaling of the kinetic equation solved by <see cref="AsymptoticPreservingSolver"/> (docs/limits.md).</summary>
public enum KineticScaling
{
    /// <summary>
    /// Euler (hyperbolic) scaling ∂_t F + v·∇ₓF + (q/m)E·∇ᵥF = (1/ε) 𝒞(F): as ε → 0 the moments solve the compressible
    /// Euler (Euler–Poisson) equations of the mixture.
    /// </summary>
    Hyperbolic = 1,

    /// <summary>
    /// Diffusive scaling ∂_t F + (1/ε)(v·∇ₓF + (q/m)E·∇ᵥF) = (1/ε²) 𝒞(F): as ε → 0 the species densities solve the
    /// Maxwell–Stefan equations.
    /// </summary>
    Diffusive = 2,
}
