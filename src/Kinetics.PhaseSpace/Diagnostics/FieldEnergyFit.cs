namespace Kinetics.PhaseSpace.Diagnostics;

/// <summary>
/// Rates and frequencies read from a sampled field-energy history W(t) = ½∫|E|²: a damped or growing oscillation
/// E ∝ e^{γt} cos(ωt + φ) gives W ∝ e^{2γt} cos²(ωt + φ), whose maxima are π/ω apart and lie on e^{2γt}
/// (the constant shift of the maxima by e^{2γt} does not change either). A purely growing mode gives log W linear in t.
/// </summary>
public static class FieldEnergyFit
{
    /// <summary>The local maxima of W for t ≥ <paramref name="from"/>, each refined by a parabola through log W at three samples.</summary>
    /// <param name="times">Sample times, increasing.</param>
    /// <param name="energies">W at those times (positive).</param>
    /// <param name="from">First time considered.</param>
    /// <param name="to">Last time considered.</param>
    /// <returns>(t, log W) of every interior maximum in [from, to].</returns>
    public static IReadOnlyList<(double Time, double LogEnergy)> Maxima(ReadOnlySpan<double> times, ReadOnlySpan<double> energies, double from, double to)
    {
        CheckSamples(times, energies, from, to);

        var peaks = new List<(double, double)>();
        for (int i = 1; i + 1 < times.Length; i++)
        {
            if (times[i] < from || times[i] > to || !(energies[i] > energies[i - 1] && energies[i] >= energies[i + 1]) || energies[i - 1] <= 0.0 || energies[i + 1] <= 0.0)
            {
                continue;
            }

            double y0 = Math.Log(energies[i - 1]), y1 = Math.Log(energies[i]), y2 = Math.Log(energies[i + 1]);
            double h = times[i] - times[i - 1];

            // Vertex of the parabola through (−h, y0), (0, y1), (h, y2) (uniform sampling).
            double curvature = y0 - (2 * y1) + y2;
            double shift = curvature < 0.0 ? 0.5 * h * (y0 - y2) / curvature : 0.0;
            double top = y1 - (0.125 * (y0 - y2) * (y0 - y2) / (curvature < 0.0 ? curvature : double.NegativeInfinity));
            peaks.Add((times[i] + shift, top));
        }

        return peaks;
    }

    /// <summary>
    /// The rate γ and frequency ω of a damped (or growing) oscillation from the maxima of W in [from, to]: γ is half the
    /// least-squares slope of log W at the maxima, ω = π / (least-squares spacing of the maxima).
    /// </summary>
    /// <param name="times">Sample times, increasing and uniform.</param>
    /// <param name="energies">W at those times.</param>
    /// <param name="from">First time considered.</param>
    /// <param name="to">Last time considered.</param>
    /// <exception cref="InvalidOperationException">Fewer than 3 maxima in the window.</exception>
    public static (double Rate, double Frequency, int Maxima) Oscillation(ReadOnlySpan<double> times, ReadOnlySpan<double> energies, double from, double to)
    {
        var peaks = Maxima(times, energies, from, to);
        if (peaks.Count < 3)
        {
            throw new InvalidOperationException($"Only {peaks.Count} maxima of the field energy in [{from}, {to}]; at least 3 are needed.");
        }

        double slope = Slope(peaks.Select(p => p.Time).ToArray(), peaks.Select(p => p.LogEnergy).ToArray());
        double spacing = Slope(Enumerable.Range(0, peaks.Count).Select(i => (double)i).ToArray(), peaks.Select(p => p.Time).ToArray());
        return (0.5 * slope, Math.PI / spacing, peaks.Count);
    }

    /// <summary>The growth rate γ = ½ d(log W)/dt by least squares over the samples in [from, to].</summary>
    /// <param name="times">Sample times.</param>
    /// <param name="energies">W at those times (positive in the window).</param>
    /// <param name="from">First time of the window.</param>
    /// <param name="to">Last time of the window.</param>
    /// <exception cref="InvalidOperationException">Fewer than 3 samples in the window.</exception>
    public static double GrowthRate(ReadOnlySpan<double> times, ReadOnlySpan<double> energies, double from, double to)
    {
        CheckSamples(times, energies, from, to);

        var t = new List<double>();
        var y = new List<double>();
        for (int i = 0; i < times.Length; i++)
        {
            if (times[i] >= from && times[i] <= to && energies[i] > 0.0)
            {
                t.Add(times[i]);
                y.Add(Math.Log(energies[i]));
            }
        }

        if (t.Count < 3)
        {
            throw new InvalidOperationException($"Only {t.Count} samples in [{from}, {to}]; at least 3 are needed.");
        }

        return 0.5 * Slope(t.ToArray(), y.ToArray());
    }

    private static double Slope(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0.0, sxx = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }

        return sxy / sxx;
    }

    // Equal lengths, finite samples, a finite window with to > from.
    private static void CheckSamples(ReadOnlySpan<double> times, ReadOnlySpan<double> energies, double from, double to)
    {
        Guard.Length(energies.Length, times.Length, nameof(energies));
        Guard.AllFinite(times);
        Guard.AllFinite(energies);
        Guard.Finite(from);
        Guard.Finite(to);
        if (!(to > from))
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"to must exceed from ({from}) (was {to}).");
        }
    }
}
