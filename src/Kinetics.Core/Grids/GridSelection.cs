using Kinetics.Spectral;

namespace Kinetics.Grids;

/// <summary>A velocity grid chosen for a mixture by <see cref="GridSelection"/>, with the error indicators behind it.</summary>
/// <param name="PointsPerAxis">N (even, no prime factor above 5).</param>
/// <param name="HalfWidth">L, the half-width of the box [−L, L]³.</param>
/// <param name="RelativeSpeedCutoff">R, the relative speed up to which collisions are resolved (set it on an operator
/// independently of L; a Boltzmann operator needs L ≥ (3 + √2)/4 · R).</param>
/// <param name="BoxIndicator">max_α exp(−(L − |u^α|)²/(2c_α²)), c_α = √(T^α/m^α): the Maxwellian's value at the box
/// face relative to its peak.</param>
/// <param name="ResolutionIndicator">max_α exp(−π²c_α²/(2h²)), h = 2L/N: the Maxwellian's Fourier coefficient at the
/// Nyquist frequency relative to the mean (the interpolation error of shifted copies).</param>
/// <param name="CutoffIndicator">max over pairs of exp(−(R − |u^α − u^β|)²/(2(c_α² + c_β²))): the weight of relative speeds
/// beyond R.</param>
public readonly record struct GridChoice(
    int PointsPerAxis, double HalfWidth, double RelativeSpeedCutoff, double BoxIndicator, double ResolutionIndicator, double CutoffIndicator)
{
    /// <summary>The grid itself.</summary>
    public CartesianGrid ToGrid() => new(PointsPerAxis, HalfWidth);
}

/// <summary>
/// Chooses N, L and the relative-speed cutoff R for a mixture of Maxwellian-like species (masses, temperatures, drifts)
/// from three error indicators: the box (the species must decay before the box face), the resolution (the spacing must
/// resolve the narrowest species) and the relative-speed cutoff (docs/boltzmann.md, "Grid selection", with the
/// accuracy-vs-(N, L) table that calibrates them).
/// </summary>
/// <remarks>
/// For a Maxwellian of thermal speed c the box indicator is exp(−(L − |u|)²/(2c²)) and the resolution indicator
/// exp(−π²c²/(2h²)) (its Fourier transform at π/h): the first falls and the second grows with L at fixed N.
/// <see cref="ForPoints"/> balances them (the L where they are equal), <see cref="ForAccuracy"/> meets a target with the
/// smallest admissible N. Pass each species' extreme temperatures (initial and equilibrium) when they differ: the widest
/// sets the box and the narrowest the spacing.
/// </remarks>
public static partial class GridSelection
{
    private const double BoltzmannAliasingFactor = (3.0 + 1.4142135623730951) / 4.0;

    /// <summary>The L that balances the box and resolution indicators at <paramref name="pointsPerAxis"/> points per axis.</summary>
    /// <param name="pointsPerAxis">N, even, no prime factor above 5.</param>
    /// <param name="masses">m^α &gt; 0.</param>
    /// <param name="temperatures">T^α &gt; 0 (same count; a species may appear more than once with different T).</param>
    /// <param name="drifts">u^α (same count).</param>
    public static GridChoice ForPoints(int pointsPerAxis, ReadOnlySpan<double> masses, ReadOnlySpan<double> temperatures, ReadOnlySpan<Velocity3> drifts)
    {
        CheckSize(pointsPerAxis);
        var (c, u) = Validate(masses, temperatures, drifts);

        // log box(L) decreases and log resolution(L) increases in L: bisect on their difference.
        double lo = u.Zip(c).Max(x => x.First + (0.5 * x.Second)), hi = u.Zip(c).Max(x => x.First + (40 * x.Second));
        for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (LogBox(mid, c, u) > LogResolution(mid, pointsPerAxis, c))
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        double halfWidth = 0.5 * (lo + hi);
        return Choice(pointsPerAxis, halfWidth, c, u, Math.Exp(LogBox(halfWidth, c, u)));
    }

    /// <summary>The smallest admissible N (and its L) with both indicators at most <paramref name="accuracy"/>.</summary>
    /// <param name="accuracy">Target in (0, 0.5).</param>
    /// <param name="masses">m^α &gt; 0.</param>
    /// <param name="temperatures">T^α &gt; 0.</param>
    /// <param name="drifts">u^α.</param>
    /// <param name="maxPointsPerAxis">Largest N allowed (default 256).</param>
    /// <exception cref="ArgumentException">No N ≤ <paramref name="maxPointsPerAxis"/> meets the target.</exception>
    public static GridChoice ForAccuracy(
        double accuracy, ReadOnlySpan<double> masses, ReadOnlySpan<double> temperatures, ReadOnlySpan<Velocity3> drifts, int maxPointsPerAxis = 256)
    {
        Guard.InHalfOpenRange(accuracy, 0.0, 0.5);
        Guard.InRange(maxPointsPerAxis, 4, 1024);
        var (c, u) = Validate(masses, temperatures, drifts);
        double k = Math.Sqrt(2 * Math.Log(1 / accuracy));
        double halfWidth = u.Zip(c).Max(x => x.First + (k * x.Second));
        double spacing = c.Min() * Math.PI / k;
        for (int n = 4; n <= maxPointsPerAxis; n += 2)
        {
            if (Fft3DPlan.IsSupportedSize(n) && 2 * halfWidth / n <= spacing)
            {
                return Choice(n, halfWidth, c, u, accuracy);
            }
        }

        throw new ArgumentException(
            $"accuracy {accuracy:G3} needs h ≤ {spacing:G4} on [−{halfWidth:G4}, {halfWidth:G4}]³, i.e. N > {maxPointsPerAxis} (maxPointsPerAxis); " +
            "relax the target or use per-species grids.",
            nameof(accuracy));
    }

    private static GridChoice Choice(int n, double halfWidth, double[] c, double[] u, double target)
    {
        // R: the relative speed beyond which pairs carry less than the target, capped by the Boltzmann aliasing bound.
        double k = Math.Sqrt(2 * Math.Log(1 / Math.Min(0.5, Math.Max(target, 1e-300))));
        double needed = 0, cutoffLog = double.NegativeInfinity;
        for (int a = 0; a < c.Length; a++)
        {
            for (int b = a; b < c.Length; b++)
            {
                needed = Math.Max(needed, Math.Abs(u[a] - u[b]) + (k * Math.Sqrt((c[a] * c[a]) + (c[b] * c[b]))));
            }
        }

        double cutoff = Math.Min(needed, halfWidth / BoltzmannAliasingFactor);
        for (int a = 0; a < c.Length; a++)
        {
            for (int b = a; b < c.Length; b++)
            {
                double excess = Math.Max(0, cutoff - Math.Abs(u[a] - u[b]));
                cutoffLog = Math.Max(cutoffLog, -excess * excess / (2 * ((c[a] * c[a]) + (c[b] * c[b]))));
            }
        }

        return new GridChoice(n, halfWidth, cutoff, Math.Exp(LogBox(halfWidth, c, u)), Math.Exp(LogResolution(halfWidth, n, c)), Math.Exp(cutoffLog));
    }

    private static double LogBox(double halfWidth, double[] c, double[] u)
    {
        double worst = double.NegativeInfinity;
        for (int a = 0; a < c.Length; a++)
        {
            double d = Math.Max(0, halfWidth - u[a]);
            worst = Math.Max(worst, -d * d / (2 * c[a] * c[a]));
        }

        return worst;
    }

    private static double LogResolution(double halfWidth, int n, double[] c)
    {
        double h = 2 * halfWidth / n;
        return -Math.PI * Math.PI * c.Min() * c.Min() / (2 * h * h);
    }

    private static void CheckSize(int pointsPerAxis)
    {
        if (pointsPerAxis < 4 || pointsPerAxis > CartesianGrid.MaxPointsPerAxis || pointsPerAxis % 2 != 0 || !Fft3DPlan.IsSupportedSize(pointsPerAxis))
        {
            throw new ArgumentOutOfRangeException(
                nameof(pointsPerAxis), pointsPerAxis, $"pointsPerAxis must be even, in [4, {CartesianGrid.MaxPointsPerAxis}], with no prime factor above 5 (was {pointsPerAxis}).");
        }
    }

    private static (double[] ThermalSpeeds, double[] DriftSpeeds) Validate(ReadOnlySpan<double> masses, ReadOnlySpan<double> temperatures, ReadOnlySpan<Velocity3> drifts)
    {
        Guard.InRange(masses.Length, 1, 1024, nameof(masses) + ".Length");
        Guard.Length(temperatures.Length, masses.Length, nameof(temperatures));
        Guard.Length(drifts.Length, masses.Length, nameof(drifts));
        var c = new double[masses.Length];
        var u = new double[masses.Length];
        for (int a = 0; a < masses.Length; a++)
        {
            Guard.Positive(masses[a], nameof(masses));
            Guard.Positive(temperatures[a], nameof(temperatures));
            if (!double.IsFinite(drifts[a].LengthSquared))
            {
                throw new ArgumentException($"drifts must be finite (was {drifts[a]}).", nameof(drifts));
            }

            c[a] = Math.Sqrt(temperatures[a] / masses[a]);
            u[a] = Math.Max(Math.Abs(drifts[a].X), Math.Max(Math.Abs(drifts[a].Y), Math.Abs(drifts[a].Z)));
        }

        return (c, u);
    }
}
