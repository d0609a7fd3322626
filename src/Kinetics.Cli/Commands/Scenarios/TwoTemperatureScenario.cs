using System.CommandLine;
using System.Diagnostics;
using Kinetics.Boltzmann;
using Kinetics.Cli.Plotting;
using Kinetics.Distributions;
using Kinetics.Dynamics;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Mixtures;
using Kinetics.Moments;
using Kinetics.Transport;
using Spectre.Console;
using static Kinetics.Cli.Commands.Scenarios.ScenarioMath;

namespace Kinetics.Cli.Commands.Scenarios;

/// <summary>
/// `kinetics scenario two-temperature`: a binary mixture (densities 0.5/0.5) started at T_A = 1.2, T_B = 0.8 relaxed by
/// the fast spectral Boltzmann operator (b_ω = |cos θ|, |g|^γ) with SSP-RK3 and the conservative projection, for
/// several mass ratios and γ. Reports the relaxation rate k of T_A − T_B ∝ e^{−kt} fitted over the run, the
/// instantaneous rate at t = 0 from <see cref="BoltzmannOperator.ExchangeRates"/> and from the closed form
/// <see cref="TemperatureRelaxation.Rate"/>, and the conservation drift.
/// </summary>
/// <remarks>
/// Two solver settings make large mass ratios (1:16) trustworthy (docs/scenarios.md): the projection is weighted by
/// |F| (a uniform correction deposits energy in the far field of the narrow heavy species), and the relative-rate part
/// of the step control only looks at the bulk (F &gt; 1e−3 max F; in the far tails of the narrow species the spectral
/// ringing of Q over F ≈ 1e−6 max F fakes rates of ~100 ≫ ν), the stiffness itself coming from the collision frequency.
/// </remarks>
internal static class TwoTemperatureScenario
{
    private const double TemperatureA = 1.2, TemperatureB = 0.8, Density = 0.5;

    // --grids auto: per-species grids when the thermal speeds differ by more than this factor (docs/species-grids.md).
    private const double PerSpeciesThreshold = 2.0;

    // N per species on per-species grids (docs/species-grids.md, "Two-temperature relaxation on per-species grids").
    private const int PerSpeciesPoints = 24;

    public static Command Create()
    {
        var gammas = new Option<string>("--gammas") { Description = "Exponents γ of |g|^γ (each in (−3, 1]), comma-separated.", DefaultValueFactory = _ => "-1,0,1" };
        var ratios = new Option<string>("--ratios") { Description = "Mass ratios m_A:m_B, comma-separated.", DefaultValueFactory = _ => "1:1,7:8,1:4" };
        var n = new Option<int?>("--n") { Description = "Grid points per axis for every case (shared grid default: per case, the smallest size with h ≤ 0.75·min thermal speed, at most 64; per-species grids: N per species, default 32)." }.GridSize(8, 128);
        var eFolds = new Option<double>("--e-folds") { Description = "Length of each run in e-folding times 1/k(0) of the temperature gap (the fit measures the initial rate).", DefaultValueFactory = _ => 1.0 };
        var courant = new Option<double>("--courant") { Description = "Step Δt = c/ν_max (SSP-RK3: positive for c ≤ 1, stable for c ≤ 2.5); in (0, 2].", DefaultValueFactory = _ => 0.5 };
        var grids = new Option<string>("--grids") { Description = $"auto (default): one grid per species when their thermal speeds differ by more than {PerSpeciesThreshold:G2}× (mass ratios beyond about 1:3 here), else one shared grid; per-species: always (each species on N³ points over 8 of its thermal speeds, N default {PerSpeciesPoints}; docs/species-grids.md); shared: one grid for both.", DefaultValueFactory = _ => "auto" };
        grids.AcceptOnlyFromAmong("auto", "per-species", "shared");
        var output = OutputPrefix.Create("two-temperature", "PREFIX.png and PREFIX.svg (log(T_A − T_B) against t)");
        var json = JsonOutput.CreateOption();
        var command = new Command("two-temperature", "Two-temperature relaxation of a binary mixture across mass ratios and γ (Boltzmann, b_ω = |cos θ|).")
        {
            gammas, ratios, n, eFolds, courant, grids, output, json,
        };
        command.SetAction(parse =>
        {
            var io = new JsonOutput(parse.GetValue(json));
            double[] gammaList = Numbers(parse.GetValue(gammas)!, "--gammas");
            var ratioList = ParseRatios(parse.GetValue(ratios)!);
            double folds = parse.GetValue(eFolds);
            if (!(folds > 0 && folds <= 10))
            {
                throw new ArgumentException($"--e-folds must be in (0, 10] (was {folds}).");
            }

            double c = parse.GetValue(courant);
            if (!(c > 0 && c <= 2))
            {
                throw new ArgumentException($"--courant must be in (0, 2] (was {c}).");
            }

            return Run(gammaList, ratioList, parse.GetValue(n), folds, c, parse.GetValue(grids)!, OutputPrefix.Normalize(parse.GetValue(output)!), io);
        });
        return command;
    }

    private static List<(double A, double B)> ParseRatios(string text)
    {
        var list = new List<(double, double)>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            string[] sides = part.Split(':');
            double[] values = sides.Length == 2 ? Numbers(sides[0] + "," + sides[1], "--ratios") : throw new ArgumentException($"--ratios: '{part}' is not of the form a:b.");
            if (!(values[0] > 0 && values[1] > 0))
            {
                throw new ArgumentException($"--ratios: masses in '{part}' must be > 0.");
            }

            list.Add((values[0], values[1]));
        }

        return list.Count > 0 ? list : throw new ArgumentException("--ratios needs at least one a:b.");
    }

    private static int Run(double[] gammas, List<(double A, double B)> ratios, int? fixedN, double eFolds, double courant, string gridMode, string prefix, JsonOutput io)
    {
        io.Human.Profile.Width = Math.Max(io.Human.Profile.Width, 200);
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("m_A:m_B", "γ", "N", "L", "t_end", "steps", "k (fit)", "k(0) exchange", "k(0) exact", "k (closure)", "fit/k(0) − 1", "fit/closure − 1", "k(0)/exact − 1", "T_A(end)", "T_B(end)", "max ΔE", "wall s");
        var plot = new Figure
        {
            Title = "Two-temperature relaxation, ΔT = T(A) − T(B)",
            XLabel = "k₀ t  (k₀: closed-form relaxation rate at t = 0)",
            YLabel = "ΔT(t) / ΔT(0)",
            YScale = AxisScale.Log10,
        };
        double longest = 0;
        var cases = new List<Dictionary<string, object>>();
        var total = Stopwatch.StartNew();
        foreach (var (ma, mb) in ratios)
        {
            foreach (double gamma in gammas)
            {
                var result = RunCase(ma, mb, gamma, fixedN, eFolds, courant, gridMode);
                string label = $"{F(ma, "G4")}:{F(mb, "G4")}";
                table.AddRow(label, F(gamma, "G3"), result.N.ToString(System.Globalization.CultureInfo.InvariantCulture), result.PerSpecies ? string.Join("/", result.HalfWidths.Select(l => F(l, "F2"))) : F(result.HalfWidth, "F2"), F(result.Times[^1], "F4"),
                    result.Steps.ToString(System.Globalization.CultureInfo.InvariantCulture), F(result.Rate, "F5"), F(result.InitialRate, "F5"), F(result.ExactRate, "F5"), F(result.ClosureRate, "F5"),
                    F((result.Rate / result.InitialRate) - 1, "+0.0E+0;-0.0E+0"), F((result.Rate / result.ClosureRate) - 1, "+0.0E+0;-0.0E+0"), F((result.InitialRate / result.ExactRate) - 1, "+0.0E+0;-0.0E+0"), F(result.FinalA, "F6"), F(result.FinalB, "F6"),
                    F(result.MaxEnergyDrift, "0.0E+0"), F(result.Wall, "F1"));
                // At most ~24 markers per curve (the runs take hundreds of steps).
                int stride = Math.Max(1, result.Times.Count / 24);
                var samples = Enumerable.Range(0, result.Times.Count).Where(i => i % stride == 0 || i == result.Times.Count - 1).ToArray();
                plot.Add(new PlotSeries(
                    $"masses {label}, γ = {F(gamma, "G3")}",
                    samples.Select(i => result.ExactRate * result.Times[i]).ToArray(),
                    samples.Select(i => result.Gaps[i] / result.Gaps[0]).ToArray(),
                    SeriesStyle.LineMarkers));
                longest = Math.Max(longest, result.ExactRate * result.Times[^1]);
                cases.Add(new Dictionary<string, object>
                {
                    ["ratio"] = label,
                    ["mass_a"] = 1.0,
                    ["mass_b"] = mb / ma,
                    ["gamma"] = gamma,
                    ["n"] = result.N,
                    ["half_width"] = result.HalfWidth,
                    ["grids"] = result.PerSpecies ? "per-species" : "shared",
                    ["half_widths"] = result.HalfWidths,
                    ["t_final"] = result.Times[^1],
                    ["steps"] = result.Steps,
                    ["rate"] = result.Rate,
                    ["rate_t0"] = result.InitialRate,
                    ["rate_exact"] = result.ExactRate,
                    ["rate_closure"] = result.ClosureRate,
                    ["t_a_final"] = result.FinalA,
                    ["t_b_final"] = result.FinalB,
                    ["max_energy_drift"] = result.MaxEnergyDrift,
                    ["max_mass_drift"] = result.MaxMassDrift,
                    ["wall_s"] = result.Wall,
                });
            }
        }

        io.Human.MarkupLine("[bold]kinetics scenario two-temperature[/]: " + Markup.Escape($"n_A = n_B = {Density}, T_A = {TemperatureA}, T_B = {TemperatureB}, b_ω = |cos θ|, SSP-RK3 (Courant {F(courant, "G3")}) with |F|-weighted projection, each run over {F(eFolds, "G3")} e-fold(s) of T_A − T_B, t ∈ [0, {F(eFolds, "G3")}/k(0)]."));
        io.Human.Write(table);
        io.Human.WriteLine("k (fit): least-squares slope of log(T_A − T_B) over the run; k(0): −d(T_A − T_B)/dt/(T_A − T_B) at t = 0 from the operator's energy exchange rates; exact: the closed form (TemperatureRelaxation.Rate);" +
            " closure: the same fit of the Maxwellian two-temperature ODE with the closed-form exchange.");
        double[] reference = Enumerable.Range(0, 33).Select(i => longest * i / 32.0).ToArray();
        plot.Add(new PlotSeries("closed form exp(−k₀t)", reference, reference.Select(x => Math.Exp(-x)).ToArray(), SeriesStyle.Reference));
        var files = plot.Save(prefix);
        io.Human.MarkupLine($"Wrote [blue]{Markup.Escape(files[0])}[/] and [blue]{Markup.Escape(files[1])}[/]; total {F(total.Elapsed.TotalSeconds, "F1")} s.");
        io.WriteResult(new Dictionary<string, object> { ["cases"] = cases, ["e_folds"] = eFolds, ["courant"] = courant, ["png"] = files[0], ["svg"] = files[1], ["wall_s"] = total.Elapsed.TotalSeconds });
        return 0;
    }

    private sealed record CaseResult(bool PerSpecies, double[] HalfWidths, int N, double HalfWidth, int Steps, double Rate, double InitialRate, double ExactRate, double ClosureRate, double FinalA, double FinalB,
        double MaxEnergyDrift, double MaxMassDrift, double Wall, List<double> Times, List<double> Gaps);

    private static CaseResult RunCase(double ma, double mb, double gamma, int? fixedN, double eFolds, double courant, string gridMode)
    {
        var clock = Stopwatch.StartNew();
        var mixture = new Mixture([new Species("A", 1.0), new Species("B", mb / ma)]);
        double[] temperatures = [TemperatureA, TemperatureB];
        double[] thermal = [Math.Sqrt(TemperatureA / mixture[0].Mass), Math.Sqrt(TemperatureB / mixture[1].Mass)];
        bool perSpecies = gridMode == "per-species" || (gridMode == "auto" && thermal.Max() > PerSpeciesThreshold * thermal.Min());
        var kernel = new CollisionKernel(gamma, AngularFunction.AbsoluteCosine(1.0));
        var table = CollisionKernelTable.Uniform(mixture, kernel);
        var options = new BoltzmannOptions { ResolutionTolerance = 1e-4, MaxDegreeOfParallelism = Math.Clamp(Environment.ProcessorCount, 1, 4) };
        var solverOptions = new SpaceHomogeneousOptions
        {
            Scheme = TimeScheme.SspRk3, Courant = courant, ProjectionWeight = ProjectionWeight.Distribution, RateFloor = 1e-3,
        };

        SpeciesGrids grids;
        int n;
        double halfWidth;
        Func<double[], double[]> energyRates; // W^{αβ} at α·2 + β
        Func<double[], double, StepObserver, SpaceHomogeneousResult> run;
        if (perSpecies)
        {
            // docs/species-grids.md: each species on N³ points over 8 of its own thermal speeds.
            n = fixedN ?? PerSpeciesPoints;
            grids = SpeciesGrids.ForMaxwellians(mixture, temperatures, default, n);
            halfWidth = grids[0].HalfWidth;
            var op = SpeciesGridBoltzmannOperator.Create(grids, table, options);
            var workspace = op.CreateWorkspace();
            energyRates = state =>
            {
                double[] w = new double[4];
                for (int a = 0; a < 2; a++)
                {
                    double[] q = new double[grids.Count(a)];
                    for (int b = 0; b < 2; b++)
                    {
                        op.EvaluatePair(a, b, state, q, workspace);
                        w[(2 * a) + b] = SpeciesMoments.Of(grids[a], q, mixture[a].Mass).Energy;
                    }
                }

                return w;
            };
            var solver = SpeciesGridSolver.Create(op, solverOptions);
            run = (initial, time, observer) => solver.Run(initial, time, observer);
        }
        else
        {
            // Box: 6.5 thermal speeds of the wider species (tail e^{−21}); spacing ≤ 0.75 of the narrower thermal speed
            // (the trapezoidal moments of a Gaussian are then exact to ~e^{−2π²/0.75²}·poly ≈ 1e−13 relative), at most N = 64:
            // 1:16 gets N = 64, h = 1.0 heavy thermal speed, where k(0) is within 5e−5 of the closed form (docs/scenarios.md).
            halfWidth = 6.5 * thermal.Max();
            n = fixedN ?? SmallestGrid(halfWidth, 0.75 * thermal.Min(), 64);
            var grid = new CartesianGrid(n, halfWidth);
            grids = SpeciesGrids.Shared(grid, 2);
            var op = BoltzmannOperator.Create(grid, table, options);
            energyRates = state =>
            {
                var rates = new ExchangeRate[4];
                op.ExchangeRates(state, rates, op.CreateWorkspace());
                return rates.Select(r => r.Energy).ToArray();
            };
            var solver = SpaceHomogeneousSolver.Create(op, solverOptions);
            run = (initial, time, observer) => solver.Run(initial, time, observer);
        }

        double[] initial = new double[grids.TotalCount];
        for (int a = 0; a < 2; a++)
        {
            Maxwellian.Fill(grids[a].Grid, new MacroscopicState(Density, Velocity3.Zero, temperatures[a]), mixture[a].Mass, grids.Slice(initial.AsSpan(), a));
        }

        // k(0) = −(dT_A/dt − dT_B/dt)/(T_A − T_B) with dT_α/dt = (2/3)(Σ_β W^{αβ})/n_α (no drift develops by symmetry).
        double[] w = energyRates(initial);
        var start = Moments(grids, mixture, initial);
        double dTa = 2.0 / 3.0 * (w[0] + w[1]) / start.Na;
        double dTb = 2.0 / 3.0 * (w[2] + w[3]) / start.Nb;
        double initialRate = -(dTa - dTb) / (start.Ta - start.Tb);
        double exactRate = TemperatureRelaxation.Rate(kernel, mixture[0].Mass, Density, TemperatureA, mixture[1].Mass, Density, TemperatureB);

        var times = new List<double>();
        var gaps = new List<double>();
        double maxEnergy = 0, maxMass = 0, finalA = 0, finalB = 0;
        var result = run(initial, eFolds / initialRate, (t, _, state) =>
        {
            var m = Moments(grids, mixture, state);
            times.Add(t);
            gaps.Add(m.Ta - m.Tb);
            maxEnergy = Math.Max(maxEnergy, Math.Abs(m.Energy - start.Energy) / start.Energy);
            maxMass = Math.Max(maxMass, Math.Max(Math.Abs(m.Na - start.Na) / start.Na, Math.Abs(m.Nb - start.Nb) / start.Nb));
            (finalA, finalB) = (m.Ta, m.Tb);
        });
        double rate = -Slope(times, gaps.Select(g => Math.Log(g)).ToList());
        double odeRate = MaxwellianClosureRate(kernel, mixture, start, times);
        double[] halfWidths = [grids[0].HalfWidth, grids[1].HalfWidth];
        return new CaseResult(perSpecies, halfWidths, n, halfWidth, result.Steps, rate, initialRate, exactRate, odeRate, finalA, finalB, maxEnergy, maxMass, clock.Elapsed.TotalSeconds, times, gaps);
    }

    // The same fit applied to the Maxwellian closure dT_A/dt = (2/3)W^{AB}(T_A, T_B)/n_A, dT_B/dt = −(2/3)W^{AB}/n_B with the
    // closed-form W (both species kept Maxwellian: exact for γ = 0, where it gives k(0) exactly), sampled at the run's
    // times (RK4, 16 substeps per interval: error ≪ 1e−8).
    private static double MaxwellianClosureRate(CollisionKernel kernel, Mixture mixture, (double Na, double Nb, double Ta, double Tb, double Energy) start, List<double> times)
    {
        (double A, double B) Derivative(double ta, double tb)
        {
            double w = TemperatureRelaxation.EnergyExchangeRate(kernel, mixture[0].Mass, start.Na, ta, mixture[1].Mass, start.Nb, tb);
            return (2.0 / 3.0 * w / start.Na, -2.0 / 3.0 * w / start.Nb);
        }

        double a = start.Ta, b = start.Tb;
        var logs = new List<double> { Math.Log(a - b) };
        for (int i = 1; i < times.Count; i++)
        {
            double h = (times[i] - times[i - 1]) / 16;
            for (int sub = 0; sub < 16; sub++)
            {
                var k1 = Derivative(a, b);
                var k2 = Derivative(a + (h / 2 * k1.A), b + (h / 2 * k1.B));
                var k3 = Derivative(a + (h / 2 * k2.A), b + (h / 2 * k2.B));
                var k4 = Derivative(a + (h * k3.A), b + (h * k3.B));
                a += h / 6 * (k1.A + (2 * k2.A) + (2 * k3.A) + k4.A);
                b += h / 6 * (k1.B + (2 * k2.B) + (2 * k3.B) + k4.B);
            }

            logs.Add(Math.Log(a - b));
        }

        return -Slope(times, logs);
    }

    private static (double Na, double Nb, double Ta, double Tb, double Energy) Moments(SpeciesGrids grids, Mixture mixture, ReadOnlySpan<double> state)
    {
        var a = SpeciesMoments.Of(grids[0], grids.Slice(state, 0), mixture[0].Mass);
        var b = SpeciesMoments.Of(grids[1], grids.Slice(state, 1), mixture[1].Mass);
        return (a.Density, b.Density, a.Temperature, b.Temperature, a.Energy + b.Energy);
    }
}
