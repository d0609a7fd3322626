using Kinetics.Kernels;
using MathNet.Numerics;

namespace Kinetics.Transport;

/// <summary>
/// Energy exchange between two Maxwellians of different temperatures and the same bulk velocity, in closed form for
/// B = C b_σ(cos χ) |g|^γ (any γ ∈ (−3, 1], any angular function):
/// W^{AB} = ∫ (m_A/2)|v|² Q^{AB}(𝓜_A, 𝓜_B) dv = −n_A n_B C λ (2 m_A m_B/M²) (T_A − T_B) (2s)^{γ/2} Γ((5+γ)/2)/Γ(3/2),
/// with M = m_A + m_B, s = T_A/m_A + T_B/m_B and λ = 2π∫₋₁¹ b_σ(x)(1 − x) dx (<see cref="AngularFunction.MomentumTransfer"/>).
/// </summary>
/// <remarks>
/// <para>Derivation (weak form in the σ-representation, docs/math#boltzmann-operator): with g = v − v*, V = (m_A v + m_B v*)/M,
/// v' − v = (m_B/M)(|g|σ − g), so |v'|² − |v|² = 2(m_B/M) V·(|g|σ − g), and ∫ b_σ(σ·ĝ)(|g|σ − g) dσ = −λ g. Hence
/// W^{AB} = −m_A (m_B/M) C λ ⟨|g|^γ V·g⟩ over F^A F^B. For Maxwellians at rest g ~ 𝒩(0, s I) and V − E[V | g] is
/// independent of g with E[V | g] = g (T_A − T_B)/(M s) (Cov(V, g) = (T_A − T_B)/M · I), so
/// ⟨|g|^γ V·g⟩ = n_A n_B (T_A − T_B)/(M s) · ⟨|g|^{γ+2}⟩ and ⟨|g|^p⟩ = (2s)^{p/2} Γ((3+p)/2)/Γ(3/2). At equal temperatures
/// s = θ/μ and the prefactor is that of the Maxwell–Stefan coefficient (<see cref="MaxwellStefan"/>).</para>
/// <para>The energy balance is exact: W^{BA} = −W^{AB}. The temperature gap then relaxes at the instantaneous rate
/// k = −d(T_A − T_B)/dt/(T_A − T_B) = (2/3)(1/n_A + 1/n_B)(−W^{AB})/(T_A − T_B) (<see cref="Rate"/>); for Maxwell
/// molecules (γ = 0) k does not depend on the temperatures, so T_A − T_B ∝ e^{−kt} exactly. These are the oracles of
/// the two-temperature scenario (docs/scenarios.md) and of the unequal-mass exchange tests of the spectral operator.</para>
/// </remarks>
public static class TemperatureRelaxation
{
    /// <summary>W^{AB} = ∫ (m_A/2)|v|² Q^{AB}(𝓜[n_A, u, T_A; m_A], 𝓜[n_B, u, T_B; m_B]) dv, the energy species A gains from B.</summary>
    /// <param name="kernel">B^{AB} = C b_σ |g|^γ (untruncated in |g|).</param>
    /// <param name="massA">m_A &gt; 0.</param>
    /// <param name="densityA">n_A ≥ 0.</param>
    /// <param name="temperatureA">T_A &gt; 0.</param>
    /// <param name="massB">m_B &gt; 0.</param>
    /// <param name="densityB">n_B ≥ 0.</param>
    /// <param name="temperatureB">T_B &gt; 0.</param>
    /// <returns>W^{AB} (negative when T_A &gt; T_B); W^{BA} = −W^{AB}.</returns>
    public static double EnergyExchangeRate(
        CollisionKernel kernel, double massA, double densityA, double temperatureA, double massB, double densityB, double temperatureB)
    {
        Guard.NonNegative(densityA);
        Guard.NonNegative(densityB);
        return -densityA * densityB * (temperatureA - temperatureB) * Coefficient(kernel, massA, temperatureA, massB, temperatureB);
    }

    /// <summary>
    /// k = −d(T_A − T_B)/dt/(T_A − T_B) = (2/3)(1/n_A + 1/n_B) n_A n_B C λ (2 m_A m_B/M²)(2s)^{γ/2} Γ((5+γ)/2)/Γ(3/2), the
    /// instantaneous relaxation rate of the temperature gap of a binary mixture of Maxwellians (no other species, same bulk
    /// velocity); well defined at T_A = T_B.
    /// </summary>
    /// <param name="kernel">B^{AB} = C b_σ |g|^γ.</param>
    /// <param name="massA">m_A &gt; 0.</param>
    /// <param name="densityA">n_A &gt; 0.</param>
    /// <param name="temperatureA">T_A &gt; 0.</param>
    /// <param name="massB">m_B &gt; 0.</param>
    /// <param name="densityB">n_B &gt; 0.</param>
    /// <param name="temperatureB">T_B &gt; 0.</param>
    public static double Rate(
        CollisionKernel kernel, double massA, double densityA, double temperatureA, double massB, double densityB, double temperatureB)
    {
        Guard.Positive(densityA);
        Guard.Positive(densityB);
        return 2.0 / 3.0 * (densityA + densityB) * Coefficient(kernel, massA, temperatureA, massB, temperatureB);
    }

    // C λ (2 m_A m_B/M²)(2s)^{γ/2} Γ((5+γ)/2)/Γ(3/2): W^{AB} = −n_A n_B (T_A − T_B) · this.
    private static double Coefficient(CollisionKernel kernel, double massA, double temperatureA, double massB, double temperatureB)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        Guard.Positive(massA);
        Guard.Positive(temperatureA);
        Guard.Positive(massB);
        Guard.Positive(temperatureB);
        double total = massA + massB, s = (temperatureA / massA) + (temperatureB / massB), gamma = kernel.Gamma;
        return kernel.Strength * kernel.Angular.MomentumTransfer * 2.0 * massA * massB / (total * total)
            * Math.Pow(2.0 * s, gamma / 2.0) * SpecialFunctions.Gamma((5.0 + gamma) / 2.0) / SpecialFunctions.Gamma(1.5);
    }
}
