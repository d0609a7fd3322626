namespace Kinetics.Landau;

/// <summary>
/// The blow-down scenario of Gualdani and Winter (docs/math#blow-down), Gualdani–Winter normalisation,
/// unit mass: initial data F_in = 𝓜 + δ^α 𝓜_δ, the explicit profile E(t, v) = m(t) 𝓜_{T(t)}(v) with
/// T(t) = δ + 2c₀t and m(t) = δ^α e^{2𝓜(0)t}, which solves the linear problem ∂_tE = c₀ΔE + 2𝓜(0)E exactly, and the
/// equilibrium 𝓜_eq = (1 + δ^α) 𝓜_{(1+δ^{1+α})/(1+δ^α)} with the mass and energy of F_in.
/// Here 𝓜_T(v) = (2πT)^{−3/2} e^{−|v|²/(2T)} and 𝓜 = 𝓜₁. Immutable.
/// </summary>
/// <remarks>The theorem of Gualdani and Winter needs α ∈ (1/4, 1/2) and small δ; this type accepts δ ∈ (0, 1), α ∈ (0, 1).</remarks>
public sealed class BlowdownProfile
{
    /// <summary>Creates the scenario.</summary>
    /// <param name="delta">δ ∈ (0, 1): the variance of the initial bump.</param>
    /// <param name="alpha">α ∈ (0, 1): the bump has mass δ^α (the theorem needs α ∈ (1/4, 1/2)).</param>
    public BlowdownProfile(double delta, double alpha)
    {
        if (!(delta > 0 && delta < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, $"delta must be in (0, 1) (was {delta}).");
        }

        if (!(alpha > 0 && alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, $"alpha must be in (0, 1) (was {alpha}).");
        }
        Delta = delta;
        Alpha = alpha;
        BumpMass = Math.Pow(delta, alpha);
        EquilibriumDensity = 1.0 + BumpMass;
        EquilibriumTemperature = (1.0 + Math.Pow(delta, 1.0 + alpha)) / (1.0 + BumpMass);
    }

    /// <summary>δ.</summary>
    public double Delta { get; }

    /// <summary>α.</summary>
    public double Alpha { get; }

    /// <summary>δ^α, the mass of the initial bump.</summary>
    public double BumpMass { get; }

    /// <summary>𝓜(0) = (2π)^{−3/2}; 2𝓜(0) is the growth rate of the mass of E.</summary>
    public static double MaxwellianAtOrigin { get; } = Math.Pow(2.0 * Math.PI, -1.5);

    /// <summary>1 + δ^α, the density of 𝓜_eq.</summary>
    public double EquilibriumDensity { get; }

    /// <summary>(1 + δ^{1+α})/(1 + δ^α), the temperature of 𝓜_eq.</summary>
    public double EquilibriumTemperature { get; }

    /// <summary>n 𝓜_T(ρ) = n (2πT)^{−3/2} e^{−ρ²/(2T)}.</summary>
    /// <param name="density">n.</param>
    /// <param name="temperature">T &gt; 0.</param>
    /// <param name="rho">ρ = |v|.</param>
    /// <returns>The Maxwellian value.</returns>
    public static double Maxwellian(double density, double temperature, double rho)
    {
        Guard.NonNegative(density);
        Guard.Positive(temperature);
        Guard.NonNegative(rho);
        return density * Math.Pow(2.0 * Math.PI * temperature, -1.5) * Math.Exp(-0.5 * rho * rho / temperature);
    }

    /// <summary>T(t) = δ + 2c₀t.</summary>
    /// <param name="time">t ≥ 0.</param>
    /// <returns>The variance of E at time t.</returns>
    public double Temperature(double time)
    {
        Guard.NonNegative(time);
        return Delta + (2.0 * LandauMaxwellian.C0 * time);
    }

    /// <summary>m(t) = δ^α e^{2𝓜(0)t} = ∫E(t).</summary>
    /// <param name="time">t ≥ 0.</param>
    /// <returns>The mass of E at time t.</returns>
    public double Mass(double time)
    {
        Guard.NonNegative(time);
        return BumpMass * Math.Exp(2.0 * MaxwellianAtOrigin * time);
    }

    /// <summary>E(t, ρ) = m(t) 𝓜_{T(t)}(ρ).</summary>
    /// <param name="time">t ≥ 0.</param>
    /// <param name="rho">ρ = |v|.</param>
    /// <returns>E.</returns>
    public double Profile(double time, double rho) => Maxwellian(Mass(time), Temperature(time), rho);

    /// <summary>F_in(ρ) = 𝓜(ρ) + δ^α 𝓜_δ(ρ).</summary>
    /// <param name="rho">ρ = |v|.</param>
    /// <returns>F_in.</returns>
    public double Initial(double rho) => Maxwellian(1.0, 1.0, rho) + Maxwellian(BumpMass, Delta, rho);

    /// <summary>𝓜_eq(ρ).</summary>
    /// <param name="rho">ρ = |v|.</param>
    /// <returns>𝓜_eq.</returns>
    public double Equilibrium(double rho) => Maxwellian(EquilibriumDensity, EquilibriumTemperature, rho);

    /// <summary>‖E(t)‖²_{L²(𝓜^{−1})} = m(t)² [T(2 − T)]^{−3/2}, finite for T(t) &lt; 2 (docs/math#blow-down).</summary>
    /// <param name="time">t with T(t) &lt; 2.</param>
    /// <returns>The squared weighted norm.</returns>
    public double ProfileWeightedNormSquared(double time)
    {
        double t = Temperature(time);
        Guard.InRange(t, 0.0, 2.0 - 1e-12, nameof(time) + " (through T(t))");
        double m = Mass(time);
        return m * m * Math.Pow(t * (2.0 - t), -1.5);
    }
}
