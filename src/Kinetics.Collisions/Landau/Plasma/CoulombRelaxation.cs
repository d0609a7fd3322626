using Kinetics.Distributions;
using MathNet.Numerics;

namespace Kinetics.Landau.Plasma;

/// <summary>
/// Closed forms for the Coulomb-Landau exchange between two Maxwellian species, in the form of the NRL Plasma
/// Formulary (Spitzer's temperature equilibration and the friction between drifting Maxwellians), in the units of
/// <see cref="SpeciesGridLandauOperator"/>: ∂_t F_a = Σ_b c_ab Q_ab(F_a, F_b) with the mass-weighted operator
/// Q_ab = (1/m_a)∇·∫Φ(v−v'){F_b'∇F_a/m_a − F_a∇'F_b'/m_b}dv', kernel prefactor p of the normalisation, k_B = 1.
/// </summary>
/// <remarks>
/// With the Coulomb couplings c_ab = 2π e_a²e_b² lnΛ of <see cref="LandauCouplings.Coulomb"/> (Flynn–Guo, p = 1) the
/// equilibration frequency below is the NRL formulary's ν̄_ε^{a|b} = 1.8·10⁻¹⁹ (m_am_b)^{1/2}Z_a²Z_b²n_b lnΛ/(m_aT_b +
/// m_bT_a)^{3/2} s⁻¹ (masses in g, n in cm⁻³, T in eV): the prefactor (8/3)√(2π) e⁴ = 3.558·10⁻³⁷ (cgs) divided by
/// (1 eV)^{3/2} = 2.028·10⁻¹⁸ erg^{3/2} is 1.75·10⁻¹⁹, which the formulary rounds to 1.8·10⁻¹⁹
/// (docs/massless-electrons.md).
/// </remarks>
public static class CoulombRelaxation
{
    /// <summary>
    /// The temperature equilibration frequency ν_ab with dT_a/dt = ν_ab (T_b − T_a) for two Maxwellians with a common
    /// bulk velocity: ν_ab = (4/3)√(2/π) p c_ab n_b √(m_am_b) / (m_aT_b + m_bT_a)^{3/2} (the NRL ν̄_ε^{a|b}).
    /// </summary>
    /// <param name="coupling">c_ab ≥ 0.</param>
    /// <param name="massA">m_a &gt; 0.</param>
    /// <param name="temperatureA">T_a &gt; 0.</param>
    /// <param name="massB">m_b &gt; 0.</param>
    /// <param name="temperatureB">T_b &gt; 0.</param>
    /// <param name="densityB">n_b ≥ 0.</param>
    /// <param name="normalization">Kernel prefactor convention (p).</param>
    /// <returns>ν_ab.</returns>
    public static double EquilibrationFrequency(double coupling, double massA, double temperatureA, double massB, double temperatureB, double densityB, LandauNormalization normalization = LandauNormalization.FlynnGuo)
    {
        Guard.NonNegative(coupling);
        Guard.Positive(massA);
        Guard.Positive(temperatureA);
        Guard.Positive(massB);
        Guard.Positive(temperatureB);
        Guard.NonNegative(densityB);
        return 4.0 / 3.0 * Math.Sqrt(2.0 / Math.PI) * normalization.Prefactor() * coupling * densityB * Math.Sqrt(massA * massB)
            / Math.Pow((massA * temperatureB) + (massB * temperatureA), 1.5);
    }

    /// <summary>dT_a/dt = ν_ab (T_b − T_a) (see <see cref="EquilibrationFrequency"/>) for one partner b.</summary>
    /// <param name="coupling">c_ab ≥ 0.</param>
    /// <param name="massA">m_a &gt; 0.</param>
    /// <param name="temperatureA">T_a &gt; 0.</param>
    /// <param name="massB">m_b &gt; 0.</param>
    /// <param name="temperatureB">T_b &gt; 0.</param>
    /// <param name="densityB">n_b ≥ 0.</param>
    /// <param name="normalization">Kernel prefactor convention (p).</param>
    /// <returns>The rate of change of T_a.</returns>
    public static double TemperatureRate(double coupling, double massA, double temperatureA, double massB, double temperatureB, double densityB, LandauNormalization normalization = LandauNormalization.FlynnGuo) =>
        EquilibrationFrequency(coupling, massA, temperatureA, massB, temperatureB, densityB, normalization) * (temperatureB - temperatureA);

    /// <summary>
    /// The friction (momentum exchange) m_a∫v c_ab Q_ab(F_a, F_b) dv between two Maxwellians with densities n, temperatures
    /// T and bulk velocities u_a, u_b: −2p c_ab (1/m_a + 1/m_b) n_a n_b E(U), U = u_a − u_b, where
    /// E(U) = ∫ z|z|⁻³ 𝒩(z; U, S) dz is the field of a unit Gaussian charge of variance S = T_a/m_a + T_b/m_b per axis:
    /// E(U) = (U/|U|³)[erf(x) − (2x/√π)e^{−x²}], x = |U|/√(2S) (Chandrasekhar's function; small |U|:
    /// E ≈ √(2/π) U / (3 S^{3/2})). Exact for every |U|, not only slow drifts.
    /// </summary>
    /// <param name="coupling">c_ab ≥ 0.</param>
    /// <param name="massA">m_a &gt; 0.</param>
    /// <param name="stateA">(n_a, u_a, T_a).</param>
    /// <param name="massB">m_b &gt; 0.</param>
    /// <param name="stateB">(n_b, u_b, T_b).</param>
    /// <param name="normalization">Kernel prefactor convention (p).</param>
    /// <returns>The rate of change of species a's momentum (species b's is its negative).</returns>
    public static Velocity3 FrictionRate(double coupling, double massA, MacroscopicState stateA, double massB, MacroscopicState stateB, LandauNormalization normalization = LandauNormalization.FlynnGuo)
    {
        Guard.NonNegative(coupling);
        Guard.Positive(massA);
        Guard.Positive(massB);
        Guard.Positive(stateA.Temperature, "stateA.Temperature");
        Guard.Positive(stateB.Temperature, "stateB.Temperature");
        double s = (stateA.Temperature / massA) + (stateB.Temperature / massB);
        Velocity3 u = stateA.BulkVelocity - stateB.BulkVelocity;
        double scale = -2.0 * normalization.Prefactor() * coupling * ((1.0 / massA) + (1.0 / massB)) * stateA.Density * stateB.Density;
        return scale * GaussianChargeField(u, s);
    }

    /// <summary>E(U) = ∫ z|z|⁻³ 𝒩(z; U, S·I) dz, the Coulomb field (up to sign) of a unit Gaussian charge centred at U
    /// with variance S per axis, evaluated stably for small |U| by its series.</summary>
    /// <param name="u">Centre U.</param>
    /// <param name="variance">S &gt; 0.</param>
    /// <returns>E(U) (parallel to U).</returns>
    public static Velocity3 GaussianChargeField(Velocity3 u, double variance)
    {
        Guard.Finite(u);
        Guard.Positive(variance);
        double r = u.Length, x = r / Math.Sqrt(2.0 * variance);
        double factor;
        if (x < 1e-2)
        {
            // erf(x) − (2x/√π)e^{−x²} = (4/(3√π)) x³ (1 − 3x²/5 + 3x⁴/14 − …).
            double x2 = x * x;
            factor = 4.0 / (3.0 * Math.Sqrt(Math.PI)) * (1.0 - (0.6 * x2) + (3.0 / 14.0 * x2 * x2)) / Math.Pow(2.0 * variance, 1.5);
        }
        else
        {
            factor = (SpecialFunctions.Erf(x) - (2.0 * x / Math.Sqrt(Math.PI) * Math.Exp(-x * x))) / (r * r * r);
        }

        return factor * u;
    }
}
