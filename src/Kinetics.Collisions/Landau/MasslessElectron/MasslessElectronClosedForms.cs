using Kinetics.Distributions;
using Kinetics.Landau.Plasma;

namespace Kinetics.Landau.MasslessElectron;

/// <summary>
/// Closed forms of the rescaled ion–electron exchange (Flynn and Guo's variables: m₊ = 1, electrons in ξ = εv, unit
/// densities and couplings, Flynn–Guo kernel) for Maxwellian electrons μ_{β₋}(ξ) at rest and Maxwellian ions, exact in ε
/// and to leading order (docs/massless-electrons.md).
/// </summary>
public static class MasslessElectronClosedForms
{
    /// <summary>
    /// d/dt ∫|v|²/2 F₊ = ∫|v|²/2 Q^ε₋₊(μ_{β₋}, μ_{β₊}) dv, exactly (Spitzer's form in the physical variables m₊ = 1,
    /// m₋ = ε², T = 1/β).
    /// </summary>
    /// <param name="epsilon">ε in (0, 1].</param>
    /// <param name="electronBeta">β₋ &gt; 0.</param>
    /// <param name="ionBeta">β₊ &gt; 0.</param>
    /// <returns>The ions' energy rate.</returns>
    public static double EnergyExchangeRate(double epsilon, double electronBeta, double ionBeta)
    {
        Check(epsilon, electronBeta, ionBeta);
        return LandauMaxwellian.EnergyExchangeRate(1.0, new MacroscopicState(1.0, 1.0 / ionBeta), 1.0, new MacroscopicState(1.0, 1.0 / electronBeta), epsilon * epsilon, LandauNormalization.FlynnGuo);
    }

    /// <summary>The O(ε) leading term of <see cref="EnergyExchangeRate"/>: 2ε√(2β₋/π)(1 − β₋/β₊) (relative correction O(ε²)).</summary>
    /// <param name="epsilon">ε in (0, 1].</param>
    /// <param name="electronBeta">β₋ &gt; 0.</param>
    /// <param name="ionBeta">β₊ &gt; 0.</param>
    /// <returns>The leading-order ions' energy rate.</returns>
    public static double EnergyExchangeRateLeading(double epsilon, double electronBeta, double ionBeta)
    {
        Check(epsilon, electronBeta, ionBeta);
        return 2.0 * epsilon * Math.Sqrt(2.0 * electronBeta / Math.PI) * (1.0 - (electronBeta / ionBeta));
    }

    /// <summary>
    /// d/dt ∫v F₊ = ∫v Q^ε₋₊(μ_{β₋}, μ_{β₊}(· − u)) dv, exactly: the friction of <see cref="CoulombRelaxation.FrictionRate"/>
    /// with m₊ = 1, m₋ = ε².
    /// </summary>
    /// <param name="epsilon">ε in (0, 1].</param>
    /// <param name="electronBeta">β₋ &gt; 0.</param>
    /// <param name="ionBeta">β₊ &gt; 0.</param>
    /// <param name="ionDrift">u, the ions' mean velocity.</param>
    /// <returns>The ions' momentum rate.</returns>
    public static Velocity3 MomentumFriction(double epsilon, double electronBeta, double ionBeta, Velocity3 ionDrift)
    {
        Check(epsilon, electronBeta, ionBeta);
        Guard.Finite(ionDrift);
        return CoulombRelaxation.FrictionRate(1.0, 1.0, new MacroscopicState(1.0, ionDrift, 1.0 / ionBeta), epsilon * epsilon, new MacroscopicState(1.0, 1.0 / electronBeta));
    }

    /// <summary>The O(ε) leading term of <see cref="MomentumFriction"/>: −ε(2/3)β₋√(2β₋/π)u (relative correction O(ε²)).</summary>
    /// <param name="epsilon">ε in (0, 1].</param>
    /// <param name="electronBeta">β₋ &gt; 0.</param>
    /// <param name="ionDrift">u.</param>
    /// <returns>The leading-order ions' momentum rate.</returns>
    public static Velocity3 MomentumFrictionLeading(double epsilon, double electronBeta, Velocity3 ionDrift)
    {
        Check(epsilon, electronBeta, 1.0);
        Guard.Finite(ionDrift);
        return (-epsilon * 2.0 / 3.0 * electronBeta * Math.Sqrt(2.0 * electronBeta / Math.PI)) * ionDrift;
    }

    private static void Check(double epsilon, double electronBeta, double ionBeta)
    {
        if (!(epsilon > 0 && epsilon <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, $"epsilon must be in (0, 1] (was {epsilon}).");
        }

        Guard.Positive(electronBeta);
        Guard.Positive(ionBeta);
    }
}
