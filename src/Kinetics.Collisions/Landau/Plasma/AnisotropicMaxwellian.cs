namespace Kinetics.Landau.Plasma;

/// <summary>
/// A Maxwellian at rest with one temperature along the z axis and another across it (a gyrotropic, two-temperature
/// Maxwellian, often called bi-Maxwellian in plasma physics — not the two-species equilibrium this library calls
/// bi-Maxwellian, docs/math.md#conventions): F(v) = n (m/2π)^{3/2} T⊥⁻¹ T∥^{−1/2} exp(−m(v_x² + v_y²)/(2T⊥) − m v_z²/(2T∥)),
/// so that T∥ = m∫v_z²F/n and T⊥ = m∫(v_x² + v_y²)F/(2n), k_B = 1.
/// </summary>
public readonly record struct AnisotropicMaxwellian
{
    /// <summary>Creates the state, validating n ≥ 0 and both temperatures finite and &gt; 0.</summary>
    /// <param name="density">n ≥ 0.</param>
    /// <param name="parallelTemperature">T∥ &gt; 0 (along z).</param>
    /// <param name="perpendicularTemperature">T⊥ &gt; 0 (across z).</param>
    public AnisotropicMaxwellian(double density, double parallelTemperature, double perpendicularTemperature)
    {
        Guard.NonNegative(density);
        Guard.Positive(parallelTemperature);
        Guard.Positive(perpendicularTemperature);
        Density = density;
        ParallelTemperature = parallelTemperature;
        PerpendicularTemperature = perpendicularTemperature;
    }

    /// <summary>Number density n.</summary>
    public double Density { get; }

    /// <summary>T∥, the temperature along z.</summary>
    public double ParallelTemperature { get; }

    /// <summary>T⊥, the temperature across z.</summary>
    public double PerpendicularTemperature { get; }

    /// <summary>The scalar temperature (T∥ + 2T⊥)/3 (the moments convention of docs/math.md).</summary>
    public double Temperature => (ParallelTemperature + (2.0 * PerpendicularTemperature)) / 3.0;

    /// <summary>F(v) for particles of mass <paramref name="mass"/>.</summary>
    /// <param name="mass">m &gt; 0.</param>
    /// <param name="velocity">v.</param>
    /// <returns>F(v).</returns>
    public double Evaluate(double mass, Velocity3 velocity)
    {
        Guard.Positive(mass);
        double across = (velocity.X * velocity.X) + (velocity.Y * velocity.Y);
        double exponent = -mass * ((across / (2.0 * PerpendicularTemperature)) + (velocity.Z * velocity.Z / (2.0 * ParallelTemperature)));
        return Density * Math.Pow(mass / (2.0 * Math.PI), 1.5) / (PerpendicularTemperature * Math.Sqrt(ParallelTemperature)) * Math.Exp(exponent);
    }
}
