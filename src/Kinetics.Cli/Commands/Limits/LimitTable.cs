using System.Globalization;

namespace Kinetics.Cli.Commands.Limits;

/// <summary>The error-versus-ε table of a limit command and its fitted order.</summary>
internal static class LimitTable
{
    /// <summary>The least-squares slope of log error against log ε (the observed order p of error ≈ C ε^p).</summary>
    public static double ObservedOrder(IReadOnlyList<double> eps, IReadOnlyList<double> error)
    {
        int n = eps.Count;
        if (n < 2)
        {
            return double.NaN;
        }

        double mx = 0, my = 0;
        for (int i = 0; i < n; i++)
        {
            mx += Math.Log(eps[i]) / n;
            my += Math.Log(error[i]) / n;
        }

        double sxy = 0, sxx = 0;
        for (int i = 0; i < n; i++)
        {
            double dx = Math.Log(eps[i]) - mx;
            sxy += dx * (Math.Log(error[i]) - my);
            sxx += dx * dx;
        }

        return sxy / sxx;
    }

    /// <summary>Parses and checks the ε list: distinct positive values, sorted decreasing.</summary>
    public static double[] ParseEpsilons(string text)
    {
        double[] eps = EstimateCommand.ParseList(text, "--eps");
        if (eps.Length < 2 || eps.Distinct().Count() != eps.Length)
        {
            throw new ArgumentException($"--eps needs at least 2 distinct values (was '{text}').");
        }

        return eps.OrderByDescending(e => e).ToArray();
    }

    /// <summary>The local orders log(e_i/e_{i+1})/log(ε_i/ε_{i+1}) between consecutive rows.</summary>
    public static double[] LocalOrders(IReadOnlyList<double> eps, IReadOnlyList<double> error) =>
        Enumerable.Range(1, eps.Count - 1).Select(i => Math.Log(error[i - 1] / error[i]) / Math.Log(eps[i - 1] / eps[i])).ToArray();

    /// <summary>One formatted row.</summary>
    public static string Row(double eps, double error, double? order, int steps, double seconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{eps,10:G4} {error,14:E4} {(order is { } p ? p.ToString("F3", CultureInfo.InvariantCulture) : "—"),8} {steps,7} {seconds,8:F1}");
}
