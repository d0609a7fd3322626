using Kinetics.Distributions;

namespace Kinetics.Tests.Boltzmann;

/// <summary>Closed forms used as independent oracles by the Boltzmann tests (MATH.md §2 "Exact oracles").</summary>
internal static class BoltzmannOracles
{
    /// <summary>BKW profile f(K, v) = (2πK)^{−3/2} e^{−|v|²/(2K)} [(5K−3)/(2K) + (1−K)|v|²/(2K²)] (n = T = m = 1).</summary>
    public static double Bkw(double k, Velocity3 v)
    {
        double v2 = v.LengthSquared;
        return Math.Pow(2 * Math.PI * k, -1.5) * Math.Exp(-v2 / (2 * k)) * (((5 * k) - 3) / (2 * k) + ((1 - k) * v2 / (2 * k * k)));
    }

    /// <summary>Q(f, f) for the BKW profile with b_σ = 1/(4π), γ = 0: (1 − K)/6 · ∂_K f, ∂_K f differentiated by hand:
    /// ∂_K f = A E [(−3/(2K) + |v|²/(2K²)) P + 3/(2K²) + |v|²(K − 2)/(2K³)].</summary>
    public static double BkwCollision(double k, Velocity3 v)
    {
        double v2 = v.LengthSquared;
        double ae = Math.Pow(2 * Math.PI * k, -1.5) * Math.Exp(-v2 / (2 * k));
        double p = (((5 * k) - 3) / (2 * k)) + ((1 - k) * v2 / (2 * k * k));
        double dp = (3 / (2 * k * k)) + (v2 * (k - 2) / (2 * k * k * k));
        double dk = ae * ((((-3 / (2 * k)) + (v2 / (2 * k * k))) * p) + dp);
        return (1 - k) / 6 * dk;
    }

    /// <summary>
    /// ν(v) = E|v − X|^γ, X ~ 𝓜[1, 0, 1; m] (per unit C b₀): (2/m)^{γ/2} Γ((3+γ)/2)/Γ(3/2) ₁F₁(−γ/2; 3/2; −m|v|²/2)
    /// (seed-note 000 §1.8), with ₁F₁(a; b; −z) = e^{−z} ₁F₁(b − a; b; z) summed as a positive series.
    /// </summary>
    public static double CollisionFrequencyPerUnitStrength(double gamma, double mass, double speed)
    {
        double z = mass * speed * speed / 2, a = 1.5 + (gamma / 2), b = 1.5;
        double term = 1, sum = 1;
        for (int n = 0; n < 400 && term > 1e-18 * sum; n++)
        {
            term *= (a + n) / (b + n) * z / (n + 1);
            sum += term;
        }

        double hypergeometric = Math.Exp(-z) * sum;
        return Math.Pow(2 / mass, gamma / 2) * MathNet.Numerics.SpecialFunctions.Gamma((3 + gamma) / 2)
            / MathNet.Numerics.SpecialFunctions.Gamma(1.5) * hypergeometric;
    }

    /// <summary>A random positive distribution: a sum of 1–3 (at least <paramref name="minimumTerms"/>) Maxwellians of mass
    /// m with moderate drifts and temperatures.</summary>
    public static Func<Velocity3, double> RandomMaxwellianSum(Random random, double mass, double driftScale = 0.5, int minimumTerms = 1)
    {
        int terms = minimumTerms + random.Next(4 - minimumTerms);
        var states = new MacroscopicState[terms];
        for (int t = 0; t < terms; t++)
        {
            var drift = new Velocity3(random.NextDouble() - 0.5, random.NextDouble() - 0.5, random.NextDouble() - 0.5) * (2 * driftScale);
            states[t] = new MacroscopicState(0.3 + random.NextDouble(), drift, 0.7 + (0.6 * random.NextDouble()));
        }

        return v =>
        {
            double sum = 0;
            foreach (var s in states)
            {
                sum += Maxwellian.Evaluate(s, mass, v);
            }

            return sum;
        };
    }
}
