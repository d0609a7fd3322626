namespace Kinetics.Boltzmann;

/// <summary>
/// The Bobylev–Krook–Wu exact solution of the space-homogeneous Boltzmann equation for Maxwell molecules with isotropic
/// scattering b_σ = 1/(4π) (γ = 0, C = 1), one species with n = T = m = 1 (docs/math#exact-oracles):
/// f(t, v) = (2πK)^{−3/2} e^{−|v|²/(2K)} [(5K − 3)/(2K) + (1 − K)|v|²/(2K²)], K = 1 − e^{−t/6}, and Q(f, f) = ∂_t f.
/// </summary>
/// <remarks>f is a probability density with unit temperature for every K; it is non-negative for K ≥ 3/5
/// (t ≥ 6 ln(5/2)). Used by <c>kinetics verify bkw</c> to measure the operator's error.</remarks>
public static class BkwSolution
{
    /// <summary>3/5, the smallest K for which f ≥ 0.</summary>
    public const double SmallestPositiveParameter = 0.6;

    /// <summary>K(t) = 1 − e^{−t/6}.</summary>
    /// <param name="time">t ≥ 0.</param>
    public static double Parameter(double time)
    {
        Guard.NonNegative(time);
        return -double.ExpM1(-time / 6.0);
    }

    /// <summary>f at parameter K and velocity v.</summary>
    /// <param name="parameter">K ∈ [3/5, 1].</param>
    /// <param name="velocity">v.</param>
    public static double Evaluate(double parameter, Velocity3 velocity)
    {
        Guard.InRange(parameter, SmallestPositiveParameter, 1.0);
        double k = parameter, v2 = velocity.LengthSquared;
        return Gaussian(k, v2) * Polynomial(k, v2);
    }

    /// <summary>
    /// Q(f, f) = ∂_t f = (1 − K)/6 · ∂_K f with ∂_K f = A E [(−3/(2K) + |v|²/(2K²)) P + 3/(2K²) + |v|²(K − 2)/(2K³)], where
    /// A E is the Gaussian factor and P the bracket of <see cref="Evaluate"/>.
    /// </summary>
    /// <param name="parameter">K ∈ [3/5, 1].</param>
    /// <param name="velocity">v.</param>
    public static double CollisionTerm(double parameter, Velocity3 velocity)
    {
        Guard.InRange(parameter, SmallestPositiveParameter, 1.0);
        double k = parameter, v2 = velocity.LengthSquared, p = Polynomial(k, v2);
        double derivative = Gaussian(k, v2) * ((((-3.0 / (2.0 * k)) + (v2 / (2.0 * k * k))) * p) + (3.0 / (2.0 * k * k)) + (v2 * (k - 2.0) / (2.0 * k * k * k)));
        return (1.0 - k) / 6.0 * derivative;
    }

    private static double Gaussian(double k, double v2) => Math.Pow(2.0 * Math.PI * k, -1.5) * Math.Exp(-v2 / (2.0 * k));

    private static double Polynomial(double k, double v2) => (((5.0 * k) - 3.0) / (2.0 * k)) + ((1.0 - k) * v2 / (2.0 * k * k));
}
