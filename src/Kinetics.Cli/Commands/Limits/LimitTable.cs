using System.Diagnostics;
using System.Globalization;
using Kinetics.PhaseSpace.Integration;
using Kinetics.PhaseSpace.Moments;
using Kinetics.PhaseSpace.States;
using Spectre.Console;

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

    /// <summary>
    /// Runs <paramref name="run"/> for every ε, prints the table and the fitted order, warns where the error does not fall,
    /// and returns the common result fields (eps, error, observed_order, local_orders, steps, max_species_mass_drift).
    /// </summary>
    public static Dictionary<string, object> Sweep(JsonOutput output, double[] epsilons, Func<double, LimitRun> run, string errorText, string floorText)
    {
        var inv = CultureInfo.InvariantCulture;
        output.Human.WriteLine($"{"ε",10} {"error",14} {"order",8} {"steps",7} {"time s",8}");
        var errors = new List<double>();
        var steps = new List<int>();
        double drift = 0;
        foreach (double eps in epsilons)
        {
            var watch = Stopwatch.StartNew();
            var result = run(eps);
            errors.Add(result.Error);
            steps.Add(result.Steps);
            drift = Math.Max(drift, result.MassDrift);
            int i = errors.Count - 1;
            double? order = i > 0 ? Math.Log(errors[i - 1] / errors[i]) / Math.Log(epsilons[i - 1] / eps) : null;
            output.Human.WriteLine(Row(eps, errors[i], order, steps[i], watch.Elapsed.TotalSeconds));
        }

        double observed = ObservedOrder(epsilons, errors);
        output.Human.WriteLine(string.Create(inv, $"observed order (least squares) {observed:F3}; error = {errorText}"));
        for (int i = 1; i < errors.Count; i++)
        {
            if (errors[i] >= errors[i - 1])
            {
                output.Warn(string.Create(inv, $"the error does not decrease from ε = {epsilons[i - 1]} to {epsilons[i]} ({errors[i - 1]:E3} → {errors[i]:E3}): {floorText}"));
            }
        }

        return new Dictionary<string, object>
        {
            ["eps"] = epsilons,
            ["error"] = errors,
            ["observed_order"] = observed,
            ["local_orders"] = LocalOrders(epsilons, errors),
            ["steps"] = steps,
            ["max_species_mass_drift"] = drift,
        };
    }

    /// <summary>
    /// Advances <paramref name="state"/> to <paramref name="finalTime"/> and measures the relative L² distance of every species'
    /// density from <paramref name="reference"/> (species-major cell values) and the largest relative species-mass drift.
    /// </summary>
    public static LimitRun Measure(AsymptoticPreservingSolver solver, PhaseSpaceState state, double finalTime, double? step, double[] reference, double norm)
    {
        var before = solver.Explicit.Diagnose(state).Masses.ToArray();
        int steps = solver.Run(state, finalTime, step);
        var after = solver.Explicit.Diagnose(state).Masses.ToArray();
        return new LimitRun(Distance(state, reference, norm), steps, before.Zip(after, (b, a) => Math.Abs(a - b) / b).Max());
    }

    /// <summary>The L² distance over cells and species of the state's densities from <paramref name="reference"/> (species-major cell values), divided by <paramref name="norm"/>.</summary>
    public static double Distance(PhaseSpaceState state, double[] reference, double norm)
    {
        int cells = state.CellCount;
        double sum = 0;
        var density = new double[cells];
        for (int s = 0; s < state.SpeciesCount; s++)
        {
            CellMoments.Densities(state, s, density);
            for (int c = 0; c < cells; c++)
            {
                double d = density[c] - reference[(s * cells) + c];
                sum += d * d;
            }
        }

        return Math.Sqrt(sum) / norm;
    }
}

/// <summary>One kinetic run of a limit table.</summary>
/// <param name="Error">The relative distance from the limit solution.</param>
/// <param name="Steps">Time steps taken.</param>
/// <param name="MassDrift">Largest relative change of a species' total number.</param>
internal readonly record struct LimitRun(double Error, int Steps, double MassDrift);
