namespace Kinetics.Boltzmann;

/// <summary>
/// What collisions with species β do to the moments of species α per unit time: the moments of Q^{αβ}(F^α, F^β)
/// with quadrature weight h³.
/// </summary>
/// <param name="Mass">∫ Q^{αβ} dv (zero for the exact operator).</param>
/// <param name="Momentum">m^α ∫ v Q^{αβ} dv (for the exact operator the (β, α) rate is its negative).</param>
/// <param name="Energy">∫ (m^α/2)|v|² Q^{αβ} dv (for the exact operator the (β, α) rate is its negative).</param>
public readonly record struct ExchangeRate(double Mass, Velocity3 Momentum, double Energy);
