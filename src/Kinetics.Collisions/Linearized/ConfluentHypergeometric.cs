using MathNet.Numerics;

namespace Kinetics.Linearized;

/// <summary>
/// The special functions behind the closed-form collision frequency (docs/math#collision-frequency): Kummer's ₁F₁ at a negative
/// argument, Dawson's integral and the exponentially scaled Bessel function e^{−x}I₀(x).
/// </summary>
internal static class ConfluentHypergeometric
{
    // Beyond this argument the asymptotic series of ₁F₁(a; b; −x) is used: its smallest term is ≈ e^{−x} ≤ 2e−16
    // and the neglected exponentially small branch is O(e^{−x}) as well.
    private const double AsymptoticThreshold = 38.0;

    /// <summary>
    /// ₁F₁(a; b; −x) for x ≥ 0 and b − a &gt; 0, b &gt; 0. Small x: Kummer's transform e^{−x}₁F₁(b − a; b; x), whose series has
    /// positive terms, summed in log space (no cancellation, no overflow). Large x: the algebraic asymptotic series
    /// Γ(b)/Γ(b − a) x^{−a} Σ (a)_s (a − b + 1)_s / s! x^{−s}, truncated at its smallest term (DLMF 13.7.2).
    /// </summary>
    public static double KummerNegative(double a, double b, double x)
    {
        if (x < AsymptoticThreshold)
        {
            return Math.Exp(LogKummerPositiveSeries(b - a, b, x) - x);
        }

        double sum = 1.0, term = 1.0, previous = double.PositiveInfinity;
        for (int s = 0; s < 200; s++)
        {
            double next = term * (a + s) * (a - b + 1 + s) / ((s + 1) * x);
            if (Math.Abs(next) >= Math.Abs(previous) || next == 0)
            {
                break;
            }

            sum += next;
            previous = term = next;
            if (Math.Abs(next) < 1e-17 * Math.Abs(sum))
            {
                break;
            }
        }

        return Math.Exp(SpecialFunctions.GammaLn(b) - SpecialFunctions.GammaLn(b - a) - (a * Math.Log(x))) * sum;
    }

    /// <summary>log ₁F₁(a; b; x), x ≥ 0, a, b &gt; 0, from the positive series Σ (a)_n/(b)_n xⁿ/n! (log-sum-exp).</summary>
    private static double LogKummerPositiveSeries(double a, double b, double x)
    {
        if (x == 0)
        {
            return 0.0;
        }

        double logX = Math.Log(x);
        return LogPositiveSeries(0.0, new KummerRatio(a, b, logX), x);
    }

    /// <summary>
    /// log Σ_{n≥0} t_n for positive terms given by log t₀ and log(t_{n+1}/t_n): summed relative to the running maximum (terms
    /// rise to a peak near n ≈ <paramref name="peak"/> and then fall), stopped when a term past the peak is below 1e−17 of the sum.
    /// </summary>
    private static double LogPositiveSeries<TRatio>(double logFirst, TRatio logRatio, double peak)
        where TRatio : struct, ILogRatio
    {
        double logTerm = logFirst, logMax = logFirst, scaledSum = 1.0;
        for (int n = 0; n < 10000; n++)
        {
            logTerm += logRatio.At(n);
            if (logTerm > logMax)
            {
                scaledSum = (scaledSum * Math.Exp(logMax - logTerm)) + 1.0;
                logMax = logTerm;
            }
            else
            {
                double rel = Math.Exp(logTerm - logMax);
                scaledSum += rel;
                if (n > peak && rel < 1e-17 * scaledSum)
                {
                    break;
                }
            }
        }

        return logMax + Math.Log(scaledSum);
    }

    /// <summary>
    /// Dawson's integral D(x) = e^{−x²}∫₀ˣ e^{t²} dt for x ≥ 0: the positive series e^{−x²}Σ x^{2n+1}/(n!(2n+1)) in log space for
    /// x ≤ 6, the asymptotic series (1/(2x)) Σ (2n−1)!!/(2x²)ⁿ (truncated at its smallest term) beyond.
    /// </summary>
    public static double Dawson(double x)
    {
        if (x < 0)
        {
            return -Dawson(-x);
        }

        if (x == 0)
        {
            return 0.0;
        }

        double x2 = x * x;
        if (x <= 6.0)
        {
            // term_n = x^{2n+1}/(n!(2n+1)); ratio term_{n+1}/term_n = x²(2n+1)/((n+1)(2n+3)).
            double logX2 = Math.Log(x2);
            return Math.Exp(LogPositiveSeries(Math.Log(x), new DawsonRatio(logX2), x2) - x2);
        }

        double sum = 1.0, term = 1.0;
        for (int n = 1; n < 100; n++)
        {
            double next = term * ((2.0 * n) - 1.0) / (2.0 * x2);
            if (next >= term)
            {
                break;
            }

            sum += next;
            term = next;
            if (next < 1e-17 * sum)
            {
                break;
            }
        }

        return sum / (2.0 * x);
    }

    /// <summary>e^{−x} I₀(x) for x ≥ 0 (MathNet's I₀ below 600, Hankel's asymptotic series above).</summary>
    public static double ScaledBesselI0(double x)
    {
        if (x < 600.0)
        {
            return SpecialFunctions.BesselI0(x) * Math.Exp(-x);
        }

        // I₀(x) e^{−x} ~ (2πx)^{−1/2} Σ ((2k−1)!!)² / (k! (8x)^k); at x ≥ 600 four terms reach round-off.
        double inv = 1.0 / (8.0 * x);
        double series = 1.0 + (inv * (1.0 + (inv * (9.0 / 2.0 * (1.0 + (inv * 25.0 / 3.0))))));
        return series / Math.Sqrt(2.0 * Math.PI * x);
    }

    /// <summary>log(t_{n+1}/t_n) of a positive series (a struct, so the series allocates nothing).</summary>
    private interface ILogRatio
    {
        double At(int n);
    }

    // (a)_n/(b)_n xⁿ/n!.
    private readonly struct KummerRatio(double a, double b, double logX) : ILogRatio
    {
        public double At(int n) => Math.Log((a + n) / (b + n)) + logX - Math.Log(n + 1);
    }

    // x^{2n+1}/(n!(2n+1)).
    private readonly struct DawsonRatio(double logX2) : ILogRatio
    {
        public double At(int n) => logX2 + Math.Log((2.0 * n) + 1.0) - Math.Log((n + 1.0) * ((2.0 * n) + 3.0));
    }
}
