using System.CommandLine;
using System.Globalization;
using Kinetics.Cli.Plotting;
using Kinetics.Landau;
using Spectre.Console;

namespace Kinetics.Cli.Commands;

/// <summary>
/// `kinetics blowdown`: the radial Landau–Coulomb solver on the blow-down data of Gualdani and Winter, F_in = 𝓜 + δ^α𝓜_δ,
/// compared with the explicit profile 𝓜 + E(t) for t ≤ 1/2 and with 𝓜_eq afterwards.
/// </summary>
internal static class BlowdownCommand
{
    private static readonly double[] NearTimes = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5];
    private static readonly double[] LateTimes = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];
    private static readonly double[] PlotTimes = [0, 0.005, 0.05, 0.5, 5, 50];

    public static Command Create()
    {
        var delta = new Option<double>("--delta") { Description = "δ, the variance of the initial bump δ^α𝓜_δ (0 < δ < 1; the bump width is √δ).", DefaultValueFactory = _ => 1e-4 }.InRange(0, 1, minOpen: true, maxOpen: true);
        var alpha = new Option<double>("--alpha") { Description = "α, the bump mass is δ^α (the blow-down theorem of Gualdani & Winter needs 1/4 < α < 1/2).", DefaultValueFactory = _ => 0.3 }.InRange(0, 1, minOpen: true, maxOpen: true);
        var cells = new Option<int>("--cells") { Description = "Radial cells (sinh grid refined to width √δ near the origin).", DefaultValueFactory = _ => 400 }.InRange(16, 100_000);
        var radius = new Option<double>("--radius") { Description = "Outer radius of the velocity ball, in thermal speeds of 𝓜.", DefaultValueFactory = _ => 8.0 }.InRange(2, 64);
        var endTime = new Option<double>("--t-end") { Description = "Final time (the blow-down window is t ≤ 1/2; relaxation to 𝓜_eq is slow, stretched-exponential).", DefaultValueFactory = _ => 2000.0 }.InRange(0.5, 1e6);
        var svg = OutputPrefix.Create("blowdown", "PREFIX.png and PREFIX.svg (F(t, |v|) at several times)");
        var json = JsonOutput.CreateOption();
        var command = new Command("blowdown", "Radial Landau–Coulomb blow-down (Gualdani & Winter): a narrow bump δ^α𝓜_δ on a Maxwellian 𝓜 first spreads like the explicit profile E(t), then relaxes to equilibrium.")
        {
            delta, alpha, cells, radius, endTime, svg, json,
        };
        command.SetAction(parse =>
        {
            var output = new JsonOutput(parse.GetValue(json));
            var report = Run(parse.GetValue(delta), parse.GetValue(alpha), parse.GetValue(cells), parse.GetValue(radius), parse.GetValue(endTime), OutputPrefix.Normalize(parse.GetValue(svg)!) + ".svg");
            output.Human.WriteLine(report.Describe());
            output.WriteResult(report.ToJson());

            return 0;
        });
        return command;
    }

    internal static BlowdownReport Run(double delta, double alpha, int cells, double radius, double endTime, string svgPath)
    {
        var profile = new BlowdownProfile(delta, alpha);
        if (!(endTime >= 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(endTime), endTime, "--t-end must be >= 0.5 (was " + endTime.ToString(CultureInfo.InvariantCulture) + ").");
        }

        var grid = new RadialLandauGrid(cells, radius, Math.Sqrt(delta));
        var solver = RadialLandauSolver.Create(grid);
        var workspace = new RadialLandauWorkspace(grid);
        double[] f = grid.Sample(profile.Initial);
        double mass0 = grid.Moment(f), energy0 = grid.SecondMoment(f);
        double[] maxwellian = grid.Sample(r => BlowdownProfile.Maxwellian(1, 1, r));
        double[] equilibrium = grid.Sample(profile.Equilibrium);

        // Accuracy control: a fixed fraction of the bump's own time scale T(t)/(2c₀), capped at 5.
        double MaxStep(double t) => Math.Min(5.0, 0.005 * profile.Temperature(t) / (2 * LandauMaxwellian.C0));

        var near = new List<(double T, double Ratio)>();
        var late = new List<(double T, double Distance)>();
        var snapshots = new List<(double T, double[] F)> { (0.0, (double[])f.Clone()) };
        var times = NearTimes.Concat(LateTimes.Where(t => t < endTime)).Append(endTime).Concat(PlotTimes.Where(t => t > 0 && t <= endTime)).Distinct().Order().ToArray();
        double now = 0, weightedAtHalf = double.NaN;
        int steps = 0, rejections = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (double target in times)
        {
            var advance = solver.Advance(f, now, target, MaxStep, workspace);
            steps += advance.Steps;
            rejections += advance.Rejections;
            now = target;
            if (target <= 0.5)
            {
                // ‖F − 𝓜 − E‖ / ‖E‖ in L² over the ball |v| ≤ 3√T(t), where E lives.
                double ball = 3 * Math.Sqrt(profile.Temperature(target)), num = 0, den = 0;
                for (int i = 0; i < grid.Count && grid.Centers[i] <= ball; i++)
                {
                    double e = profile.Profile(target, grid.Centers[i]);
                    double d = f[i] - maxwellian[i] - e;
                    num += d * d * grid.Volumes[i];
                    den += e * e * grid.Volumes[i];
                }

                near.Add((target, Math.Sqrt(num / den)));
            }

            if (target == 0.5)
            {
                double sum = 0;
                for (int i = 0; i < grid.Count; i++)
                {
                    double d = f[i] - maxwellian[i];
                    sum += d * d / maxwellian[i] * grid.Volumes[i];
                }

                weightedAtHalf = Math.Sqrt(4 * Math.PI * sum);
            }

            if (target >= 1)
            {
                double sum = 0;
                for (int i = 0; i < grid.Count; i++)
                {
                    double d = f[i] - equilibrium[i];
                    sum += d * d * grid.Volumes[i];
                }

                late.Add((target, Math.Sqrt(4 * Math.PI * sum)));
            }

            if (PlotTimes.Contains(target))
            {
                snapshots.Add((target, (double[])f.Clone()));
            }
        }

        double seconds = clock.Elapsed.TotalSeconds;
        var plot = new Figure
        {
            Title = string.Create(CultureInfo.InvariantCulture, $"Landau–Coulomb blow-down, δ = {delta:G3}, α = {alpha:G3}"),
            XLabel = "|v|",
            YLabel = "F(t, |v|)",
            XScale = AxisScale.Log10,
            YScale = AxisScale.Log10,
        };
        var xs = grid.Centers.ToArray().Where(r => r <= 5).ToArray();
        foreach (var (t, values) in snapshots)
        {
            plot.Add(new PlotSeries(string.Create(CultureInfo.InvariantCulture, $"t = {t:G3}"), xs, values.Take(xs.Length).ToArray()));
        }

        plot.Add(new PlotSeries("equilibrium Maxwellian", xs, equilibrium.Take(xs.Length).ToArray(), SeriesStyle.Reference));
        plot.Save(OutputPrefix.Normalize(svgPath));

        return new BlowdownReport(
            delta, alpha, cells, radius, endTime, near, weightedAtHalf, Math.Sqrt(profile.ProfileWeightedNormSquared(0.5)), Math.Pow(delta, alpha - 0.25),
            late, (grid.Moment(f) - mass0) / mass0, (grid.SecondMoment(f) - energy0) / energy0, steps, rejections, seconds, svgPath);
    }

    internal sealed record BlowdownReport(
        double Delta,
        double Alpha,
        int Cells,
        double Radius,
        double EndTime,
        IReadOnlyList<(double T, double Ratio)> NearOrigin,
        double WeightedDistanceAtHalf,
        double ProfileWeightedNormAtHalf,
        double DeltaPower,
        IReadOnlyList<(double T, double Distance)> Relaxation,
        double MassDrift,
        double EnergyDrift,
        int Steps,
        int Rejections,
        double Seconds,
        string SvgPath)
    {
        public string Describe()
        {
            var s = new System.Text.StringBuilder();
            s.Append(CultureInfo.InvariantCulture, $"blow-down: δ = {Delta:G3}, α = {Alpha:G3}, {Cells} radial cells on [0, {Radius:G3}], t ≤ {EndTime:G4}: {Steps} steps ({Rejections} rejected), {Seconds:F2} s\n");
            s.Append("  t        ‖F − 𝓜 − E‖/‖E‖ (L², |v| ≤ 3√T(t))\n");
            foreach (var (t, r) in NearOrigin)
            {
                s.Append(CultureInfo.InvariantCulture, $"  {t,-8:G4} {r:E3}\n");
            }

            s.Append(CultureInfo.InvariantCulture, $"  ‖F(1/2) − 𝓜‖_L²(𝓜⁻¹) = {WeightedDistanceAtHalf:E4}   (‖E(1/2)‖_L²(𝓜⁻¹) = {ProfileWeightedNormAtHalf:E4}, δ^(α−1/4) = {DeltaPower:E4})\n");
            s.Append("  t        ‖F − 𝓜_eq‖_L²\n");
            foreach (var (t, d) in Relaxation)
            {
                s.Append(CultureInfo.InvariantCulture, $"  {t,-8:G5} {d:E3}\n");
            }

            s.Append(CultureInfo.InvariantCulture, $"  relative drift: mass {MassDrift:E2}, energy {EnergyDrift:E2}; plot: {SvgPath}");
            return s.ToString();
        }

        public Dictionary<string, object> ToJson() => new()
        {
            ["delta"] = Delta,
            ["alpha"] = Alpha,
            ["cells"] = Cells,
            ["radius"] = Radius,
            ["t_end"] = EndTime,
            ["near_origin"] = NearOrigin.Select(p => new Dictionary<string, double> { ["t"] = p.T, ["relative_deviation"] = p.Ratio }).ToArray(),
            ["max_relative_deviation"] = NearOrigin.Max(p => p.Ratio),
            ["weighted_distance_at_half"] = WeightedDistanceAtHalf,
            ["profile_weighted_norm_at_half"] = ProfileWeightedNormAtHalf,
            ["delta_power_alpha_minus_quarter"] = DeltaPower,
            ["relaxation"] = Relaxation.Select(p => new Dictionary<string, double> { ["t"] = p.T, ["l2_distance_to_equilibrium"] = p.Distance }).ToArray(),
            ["mass_drift"] = MassDrift,
            ["energy_drift"] = EnergyDrift,
            ["steps"] = Steps,
            ["rejected_steps"] = Rejections,
            ["seconds"] = Seconds,
            ["svg"] = SvgPath,
        };
    }
}
