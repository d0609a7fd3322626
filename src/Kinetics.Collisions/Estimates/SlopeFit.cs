using MathNet.Numerics.Distributions;

namespace Kinetics.Estimates;

/// <summary>
/// A least-squares line y = Intercept + Slope·x through sample points, with the 95 % confidence interval of the slope
/// (Student t with n − 2 degrees of freedom). Used for log–log decay exponents and log-vs-|v|² Gaussian rates.
/// </summary>
/// <param name="Slope">Fitted slope.</param>
/// <param name="Intercept">Fitted intercept.</param>
/// <param name="StandardError">Standard error of the slope (0 for two points).</param>
/// <param name="ConfidenceLow">Lower end of the 95 % interval.</param>
/// <param name="ConfidenceHigh">Upper end of the 95 % interval.</param>
/// <param name="X">Abscissae used (after transformation).</param>
/// <param name="Y">Ordinates used (after transformation).</param>
public sealed record SlopeFit(double Slope, double Intercept, double StandardError, double ConfidenceLow, double ConfidenceHigh, IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    /// <summary>Fits y against x.</summary>
    /// <param name="x">At least two distinct abscissae.</param>
    /// <param name="y">Ordinates (finite), same length.</param>
    public static SlopeFit Linear(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        Guard.Length(y.Count, x.Count);
        Guard.InRange(x.Count, 2, int.MaxValue);
        int n = x.Count;
        double mx = x.Average(), my = y.Average(), sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++)
        {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }

        double slope = sxy / sxx, intercept = my - (slope * mx);
        double se = 0, half = 0;
        if (n > 2)
        {
            double rss = 0;
            for (int i = 0; i < n; i++)
            {
                double r = y[i] - intercept - (slope * x[i]);
                rss += r * r;
            }

            se = Math.Sqrt(rss / (n - 2) / sxx);
            half = StudentT.InvCDF(0, 1, n - 2, 0.975) * se;
        }

        return new SlopeFit(slope, intercept, se, slope - half, slope + half, x.ToArray(), y.ToArray());
    }

    /// <summary>Fits log y against log x (a power law y ∝ x^Slope).</summary>
    /// <param name="x">Positive abscissae.</param>
    /// <param name="y">Positive ordinates.</param>
    public static SlopeFit LogLog(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        return Linear(x.Select(t => Math.Log(t)).ToArray(), y.Select(t => Math.Log(t)).ToArray());
    }
}
