namespace Kinetics.Linearized;

/// <summary>
/// The unequal-mass collision rule in the ω-representation (seed-note 000 §1.3, MATH.md §2):
/// v' = v − (2m^β/M)((v − v*)·ω)ω, v*' = v* + (2m^α/M)((v − v*)·ω)ω, M = m^α + m^β. Conserves m-weighted momentum and energy.
/// </summary>
internal static class CollisionRule
{
    /// <summary>Post-collision velocities (v', v*').</summary>
    public static (Velocity3 V, Velocity3 VStar) Apply(double massAlpha, double massBeta, Velocity3 v, Velocity3 vStar, Velocity3 omega)
    {
        double m = massAlpha + massBeta;
        double projection = Velocity3.Dot(v - vStar, omega);
        return (v - ((2.0 * massBeta / m * projection) * omega), vStar + ((2.0 * massAlpha / m * projection) * omega));
    }
}
