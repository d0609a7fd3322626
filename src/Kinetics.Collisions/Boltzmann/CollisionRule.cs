namespace Kinetics.Boltzmann;

/// <summary>
/// Post-collision velocities of an elastic binary collision between a particle of species α (mass m^α, velocity v)
/// and one of species β (mass m^β, velocity v*), in both angular representations (docs/math#collision-rules; the paper's
/// conservation law at its line 29 attaches the masses to the wrong velocities and is not used).
/// </summary>
/// <remarks>
/// <para>ω-representation: v' = v − (2m^β/M)((v − v*)·ω)ω, v*' = v* + (2m^α/M)((v − v*)·ω)ω with M = m^α + m^β.</para>
/// <para>σ-representation: with g = v − v* and the centre of mass V = (m^α v + m^β v*)/M,
/// v' = V + (m^β/M)|g|σ, v*' = V − (m^α/M)|g|σ.</para>
/// <para>Both conserve m^α v + m^β v* and m^α|v|² + m^β|v*|², keep |v' − v*'| = |v − v*|, and agree when
/// σ = ĝ − 2(ĝ·ω)ω (<see cref="SigmaFromOmega"/>). For fixed ω the map is a linear involution with determinant −1.</para>
/// </remarks>
public static class CollisionRule
{
    /// <summary>Post-collision velocities in the ω-representation.</summary>
    /// <param name="velocity">v (species α).</param>
    /// <param name="partnerVelocity">v* (species β).</param>
    /// <param name="omega">ω, a unit vector (any sign; only ωωᵀ enters).</param>
    /// <param name="massAlpha">m^α &gt; 0.</param>
    /// <param name="massBeta">m^β &gt; 0.</param>
    /// <returns>(v', v*').</returns>
    /// <exception cref="ArgumentOutOfRangeException">A mass is not positive, or ω is not a unit vector (|ω| differs from 1 by more than 1e−10).</exception>
    public static PostCollisionVelocities Omega(Velocity3 velocity, Velocity3 partnerVelocity, Velocity3 omega, double massAlpha, double massBeta)
    {
        Guard.Positive(massAlpha);
        Guard.Positive(massBeta);
        EnsureUnit(omega);
        double total = massAlpha + massBeta;
        double projection = Velocity3.Dot(velocity - partnerVelocity, omega);
        return new PostCollisionVelocities(
            velocity - ((2.0 * massBeta / total * projection) * omega),
            partnerVelocity + ((2.0 * massAlpha / total * projection) * omega));
    }

    /// <summary>Post-collision velocities in the σ-representation.</summary>
    /// <param name="velocity">v (species α).</param>
    /// <param name="partnerVelocity">v* (species β).</param>
    /// <param name="sigma">σ, the unit direction of the outgoing relative velocity v' − v*'.</param>
    /// <param name="massAlpha">m^α &gt; 0.</param>
    /// <param name="massBeta">m^β &gt; 0.</param>
    /// <returns>(v', v*').</returns>
    /// <exception cref="ArgumentOutOfRangeException">A mass is not positive, or σ is not a unit vector.</exception>
    public static PostCollisionVelocities Sigma(Velocity3 velocity, Velocity3 partnerVelocity, Velocity3 sigma, double massAlpha, double massBeta)
    {
        Guard.Positive(massAlpha);
        Guard.Positive(massBeta);
        EnsureUnit(sigma);
        double total = massAlpha + massBeta;
        var centre = ((massAlpha / total) * velocity) + ((massBeta / total) * partnerVelocity);
        double speed = (velocity - partnerVelocity).Length;
        return new PostCollisionVelocities(
            centre + ((massBeta / total * speed) * sigma),
            centre - ((massAlpha / total * speed) * sigma));
    }

    /// <summary>
    /// σ = ĝ − 2(ĝ·ω)ω, the outgoing relative direction produced by ω for the relative velocity g (the 2-to-1 map
    /// ω ↦ σ with dσ = 4|cos θ| dω, cos χ = σ·ĝ = 1 − 2cos²θ).
    /// </summary>
    /// <param name="relativeVelocity">g = v − v*, non-zero.</param>
    /// <param name="omega">ω, a unit vector.</param>
    /// <exception cref="ArgumentException">g = 0 (σ is then undefined).</exception>
    public static Velocity3 SigmaFromOmega(Velocity3 relativeVelocity, Velocity3 omega)
    {
        EnsureUnit(omega);
        double speed = relativeVelocity.Length;
        if (!(speed > 0) || !double.IsFinite(speed))
        {
            throw new ArgumentException($"relativeVelocity must be finite and non-zero (was {relativeVelocity}).", nameof(relativeVelocity));
        }

        var unit = relativeVelocity / speed;
        return unit - ((2.0 * Velocity3.Dot(unit, omega)) * omega);
    }

    private static void EnsureUnit(Velocity3 direction, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(direction))] string? paramName = null)
    {
        double length = direction.Length;
        if (!(Math.Abs(length - 1.0) <= 1e-10))
        {
            throw new ArgumentOutOfRangeException(paramName, length, $"{paramName} must be a unit vector (|{paramName}| was {length}).");
        }
    }
}
