namespace Kinetics.Dynamics;

/// <summary>
/// The entropy and positivity limiter of <see cref="SpaceHomogeneousSolver"/>: a step result F is replaced by
/// 𝓜_eq + θ(F − 𝓜_eq) with the largest θ ∈ [0, 1] for which the entropy does not exceed its value before the step and
/// the negative mass fraction max_α ∫max(−F^α, 0)/∫|F^α| stays within a tolerance.
/// </summary>
/// <remarks>
/// 𝓜_eq is the run's discrete equilibrium, whose grid moments equal the conserved moments of F, so every convex
/// combination conserves species masses, momentum and energy to round-off. 𝓜_eq (nearly) minimises the discrete entropy
/// under these constraints and the entropy is convex, so θ = 0 satisfies both conditions and the admissible θ form an
/// interval [0, θ*], found by bisection (at most 40 halvings). The idea is the scaling limiter of Zhang and Shu ("On
/// maximum-principle-satisfying high order schemes for scalar conservation laws", J. Comput. Phys. 229 (2010)), with the
/// local average replaced by the equilibrium of the same moments (docs/boltzmann.md, "Long runs at coarse grids").
/// </remarks>
internal static class EquilibriumLimiter
{
    private const int MaxBisections = 40;

    /// <summary>H = h³ Σ_{F &gt; 0} F log F over all species (the rule of <see cref="Moments.Entropy"/>).</summary>
    public static double Entropy(ReadOnlySpan<double> f, double cellVolume)
    {
        double sum = 0;
        foreach (double value in f)
        {
            if (value > 0)
            {
                sum += value * Math.Log(value);
            }
        }

        return sum * cellVolume;
    }

    /// <summary>max_α ∫max(−F^α, 0)/∫|F^α|.</summary>
    public static double NegativeFraction(ReadOnlySpan<double> f, int species)
    {
        int count = f.Length / species;
        double worst = 0;
        for (int a = 0; a < species; a++)
        {
            double negative = 0, total = 0;
            foreach (double value in f.Slice(a * count, count))
            {
                total += Math.Abs(value);
                negative += Math.Max(-value, 0);
            }

            worst = Math.Max(worst, total > 0 ? negative / total : 0);
        }

        return worst;
    }

    /// <summary>Limits <paramref name="state"/> in place; returns θ (1 when nothing was changed).</summary>
    public static double Apply(
        Span<double> state, ReadOnlySpan<double> equilibrium, Span<double> scratch, double entropyBefore, double negativeTolerance, int species, double cellVolume)
    {
        double slack = 1e-13 * Math.Abs(entropyBefore);
        if (Entropy(state, cellVolume) <= entropyBefore + slack && NegativeFraction(state, species) <= negativeTolerance)
        {
            return 1.0;
        }

        double lo = 0, hi = 1;
        for (int i = 0; i < MaxBisections; i++)
        {
            double theta = 0.5 * (lo + hi);
            Combine(state, equilibrium, theta, scratch);
            if (Entropy(scratch, cellVolume) <= entropyBefore + slack && NegativeFraction(scratch, species) <= negativeTolerance)
            {
                lo = theta;
            }
            else
            {
                hi = theta;
            }
        }

        Combine(state, equilibrium, lo, scratch);
        scratch.CopyTo(state);
        return lo;
    }

    private static void Combine(ReadOnlySpan<double> state, ReadOnlySpan<double> equilibrium, double theta, Span<double> destination)
    {
        for (int p = 0; p < state.Length; p++)
        {
            destination[p] = equilibrium[p] + (theta * (state[p] - equilibrium[p]));
        }
    }
}
