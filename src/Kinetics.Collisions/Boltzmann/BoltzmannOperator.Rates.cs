using Kinetics.Dynamics;

namespace Kinetics.Boltzmann;

/// <summary>What the operator does to the moments: exchange rates per ordered pair and the entropy production.</summary>
public sealed partial class BoltzmannOperator
{
    /// <summary>
    /// Per ordered pair (α, β), entry α·S + β: the mass, momentum and energy rates of Q^{αβ}(F^α, F^β) (weight h³).
    /// Pairwise conservation reads rates[αβ].Momentum + rates[βα].Momentum ≈ 0 (spectrally small before correction).
    /// </summary>
    /// <param name="distributions">S·N³ values F^α(v_p).</param>
    /// <param name="rates">S² entries.</param>
    /// <param name="workspace">Scratch from <see cref="CreateWorkspace"/>.</param>
    public void ExchangeRates(ReadOnlySpan<double> distributions, Span<ExchangeRate> rates, BoltzmannWorkspace workspace)
    {
        int s = SpeciesCount, count = Grid.Count;
        Guard.Length(rates.Length, s * s, nameof(rates));
        ArgumentNullException.ThrowIfNull(workspace);
        Span<double> pairs = workspace.Pairs;
        EvaluatePairs(distributions, pairs, workspace);
        for (int slot = 0; slot < s * s; slot++)
        {
            // The rates of Q^{αβ} are its species moments with the mass of α (Core's marginal-based moment pass).
            var moments = Moments.SpeciesMoments.Of(Grid, pairs.Slice(slot * count, count), _masses[slot / s]);
            rates[slot] = new ExchangeRate(moments.Density, moments.Momentum, moments.Energy);
        }
    }

    /// <summary>
    /// The entropy production D(F) = Σ_α ∫ Q^α log F^α dv (weight h³), ≤ 0 by the H-theorem; grid points where
    /// F^α ≤ 0 (underflow in the tails) are skipped.
    /// </summary>
    /// <param name="distributions">S·N³ values F^α(v_p).</param>
    /// <param name="workspace">Scratch from <see cref="CreateWorkspace"/>.</param>
    public double EntropyProduction(ReadOnlySpan<double> distributions, BoltzmannWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        int total = SpeciesCount * Grid.Count;
        Span<double> q = workspace.Pairs.AsSpan(0, total);
        Evaluate(distributions, q, workspace);
        double sum = 0;
        for (int p = 0; p < total; p++)
        {
            double f = distributions[p];
            if (f > 0)
            {
                sum += q[p] * Math.Log(f);
            }
        }

        return sum * Grid.CellVolume;
    }
}
