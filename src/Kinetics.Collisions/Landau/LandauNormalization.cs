namespace Kinetics.Landau;

/// <summary>
/// Which constant multiplies the Landau kernel |z|^{γ+2} Π(z), Π(z) = I − ẑẑᵀ. The two source papers differ by 8π
/// (docs/math#landau-normalisations): every field and operator of this namespace is linear in this constant.
/// </summary>
public enum LandauNormalization
{
    /// <summary>
    /// Gualdani and Winter: Φ(z) = (1/8π)|z|^{γ+2}Π(z), so that for Coulomb (γ = −3) the field
    /// A[F] = Φ * F has trace a[F] = (−Δ)⁻¹F (the Newtonian potential), ∇·A = ∇a, ΔA-trace = −F and
    /// Q(F, G) = A[F]:∇²G + FG.
    /// </summary>
    GualdaniWinter,

    /// <summary>
    /// Flynn and Guo: Φ(z) = |z|^{γ+2}Π(z) without prefactor, so that σ = Φ * μ = 8π A[μ] and
    /// Q₀₀₄ = 8π Q₀₀₃; for Coulomb ∇·b[G] = −8πG.
    /// </summary>
    FlynnGuo,
}

/// <summary>Constants attached to a <see cref="LandauNormalization"/>.</summary>
public static class LandauNormalizationExtensions
{
    /// <summary>The kernel prefactor p in Φ(z) = p |z|^{γ+2}Π(z): 1/(8π) for Gualdani–Winter, 1 for Flynn–Guo.</summary>
    /// <param name="normalization">The normalisation.</param>
    /// <returns>p.</returns>
    public static double Prefactor(this LandauNormalization normalization) => normalization switch
    {
        LandauNormalization.GualdaniWinter => 1.0 / (8.0 * Math.PI),
        LandauNormalization.FlynnGuo => 1.0,
        _ => throw new ArgumentOutOfRangeException(nameof(normalization), normalization, $"{nameof(normalization)} must be GualdaniWinter or FlynnGuo (was {normalization})."),
    };
}
