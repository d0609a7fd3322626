using System.CommandLine;
using System.Diagnostics;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Landau;
using Kinetics.Landau.Plasma;
using Kinetics.Cli.Plotting;
using Kinetics.Mixtures;
using Spectre.Console;
using static Kinetics.Cli.Commands.Scenarios.ScenarioMath;

namespace Kinetics.Cli.Commands.Scenarios;

/// <summary>
/// `kinetics scenario massless-electron`: the homogeneous ion–electron Landau system of Flynn and Guo at decreasing
/// ε = √(m₋/m₊) against its ε → 0 limit. Non-Maxwellian ions (two anisotropic bumps) and Maxwell–Boltzmann electrons
/// (μ_β in ξ = εv, β = 1) are relaxed to t_final with every species on its own grid (<see cref="PlasmaLandauOperator"/>,
/// exact or expanded cross term per its switch) by SSP-RK3 with the conservative projection; the limit system is the ions
/// alone under Q(F, F) (no ion–electron collision survives, and β stays constant in the homogeneous case), integrated
/// with the same steps. The rescaled system in ion time is the physical one with m₊ = 1, m₋ = ε² (docs/massless-electrons.md).
/// </summary>
internal static class MasslessElectronScenario
{
    public static Command Create()
    {
        var epsilons = new Option<string>("--epsilons") { Description = "Values of ε = √(m₋/m₊), each in (0, 0.5], comma-separated, at least two.", DefaultValueFactory = _ => "0.2,0.1,0.05,0.025" };
        var n = new Option<int>("--n") { Description = "Grid points per axis of each species' grid (boxes of 8 thermal speeds).", DefaultValueFactory = _ => 16 }.GridSize(8, 48);
        var finalTime = new Option<double>("--t-final") { Description = "Final time in ion units, in (0, 10].", DefaultValueFactory = _ => 0.25 };
        var courant = new Option<double>("--courant") { Description = "Step as a fraction of SSP-RK3's stability limit for the electrons' diffusion, in (0, 1].", DefaultValueFactory = _ => 0.5 };
        var output = OutputPrefix.Create("massless-electron", "PREFIX.png and PREFIX.svg (the ions' error against ε, log–log, with an O(ε) reference line)");
        var problem = new Option<string>("--problem") { Description = "homogeneous (default) or vpl-1d (the 1-D Vlasov–Poisson–Landau problem against ions with Maxwell–Boltzmann electrons; its defaults: --epsilons 0.3,0.1,0.03,0.02334,0.01 (0.02334 = hydrogen), --t-final 1).", DefaultValueFactory = _ => "homogeneous" };
        problem.AcceptOnlyFromAmong("homogeneous", "vpl-1d");
        var cells = new Option<int>("--cells") { Description = "vpl-1d: cells of the periodic line (one wavelength), of the form 2^a·3^b·5^c in [8, 128].", DefaultValueFactory = _ => 16 };
        var amplitude = new Option<double>("--amplitude") { Description = "vpl-1d: the ions' initial density 1 + δcos kx, δ in (0, 0.5].", DefaultValueFactory = _ => 0.2 };
        var wavenumber = new Option<double>("--wavenumber") { Description = "vpl-1d: k in [0.05, 5] (the line is 2π/k long).", DefaultValueFactory = _ => 0.5 };
        var ionTemperature = new Option<double>("--t-ion") { Description = "vpl-1d: the ions' initial temperature in [0.05, 5] (electrons at T₋ = 1).", DefaultValueFactory = _ => 0.5 };
        var limiter = new Option<string>("--limiter") { Description = "vpl-1d: slope limiter of transport and force, unlimited (Fromm; default) or van-leer.", DefaultValueFactory = _ => "unlimited" };
        limiter.AcceptOnlyFromAmong("unlimited", "van-leer");
        var electronBox = new Option<double>("--electron-box") { Description = "vpl-1d: half-width of the electrons' grid in thermal speeds of ξ, in [4, 10].", DefaultValueFactory = _ => 5.5 };
        var cfl = new Option<double>("--cfl") { Description = "vpl-1d: Courant number of the transport half-steps, in (0, 1] (the step is 2·cfl·Δx/max|v|, set by the electrons).", DefaultValueFactory = _ => 0.8 };
        var electronPoints = new Option<int?>("--n-electron") { Description = "vpl-1d: grid points per axis of the electrons' grid (default: --n); their error is set by this resolution (docs/massless-electrons.md)." }.GridSize(8, 48);
        var electronAnisotropy = new Option<double>("--electron-anisotropy") { Description = "homogeneous: the electrons' initial T⊥/T∥ at T = 1, in [0.25, 4]; 1 (default) is the well-prepared Maxwellian, other values ill-prepared data.", DefaultValueFactory = _ => 1.0 };
        var wellBalanced = new Option<string>("--electrons") { Description = "vpl-1d: the electrons' scheme, well-balanced (default: equilibrium-preserving collisions and Vlasov part, docs/massless-electrons.md) or plain (the scheme before, not asymptotic-preserving).", DefaultValueFactory = _ => "well-balanced" };
        var json = JsonOutput.CreateOption();
        var command = new Command("massless-electron", "The ions' solution of the ion–electron Landau system at decreasing ε = √(m₋/m₊) against the ε → 0 limit (ions alone; Flynn & Guo), with the observed order.")
        {
            epsilons, n, finalTime, courant, output, problem, cells, amplitude, wavenumber, ionTemperature, limiter, electronBox, cfl, electronPoints, electronAnisotropy, wellBalanced, json,
        };
        command.SetAction(parse =>
        {
            var io = new JsonOutput(parse.GetValue(json));
            bool vpl = parse.GetValue(problem) == "vpl-1d";
            double[] list = Numbers(vpl && parse.GetResult(epsilons) is null or { Implicit: true } ? "0.3,0.1,0.03,0.02334,0.01" : parse.GetValue(epsilons)!, "--epsilons");
            if (list.Any(e => !(e > 0 && e <= 0.5)) || list.Distinct().Count() < 2)
            {
                throw new ArgumentException("--epsilons needs at least two distinct values, each in (0, 0.5].");
            }

            double t = vpl && parse.GetResult(finalTime) is null or { Implicit: true } ? 1.0 : parse.GetValue(finalTime), c = parse.GetValue(courant);
            if (!(t > 0 && t <= 10))
            {
                throw new ArgumentException($"--t-final must be in (0, 10] (was {t}).");
            }

            if (!(c > 0 && c <= 1))
            {
                throw new ArgumentException($"--courant must be in (0, 1] (was {c}).");
            }

            if (vpl)
            {
                var settings = new MasslessElectronVpl1D.Settings(parse.GetValue(n), parse.GetValue(cells), parse.GetValue(wavenumber), parse.GetValue(amplitude), parse.GetValue(ionTemperature), 1.0, t,
                    parse.GetValue(limiter) == "van-leer" ? Kinetics.PhaseSpace.Transport.SlopeLimiter.VanLeer : Kinetics.PhaseSpace.Transport.SlopeLimiter.Unlimited,
                    parse.GetValue(electronBox), parse.GetValue(cfl), parse.GetValue(electronPoints) ?? 0, ElectronScheme(parse.GetValue(wellBalanced)!));
                return MasslessElectronVpl1DReport.Run([.. list.OrderByDescending(e => e)], settings, OutputPrefix.Normalize(parse.GetValue(output)!), io);
            }

            double r = parse.GetValue(electronAnisotropy);
            if (!(r >= 0.25 && r <= 4))
            {
                throw new ArgumentException($"--electron-anisotropy must be in [0.25, 4] (was {r}).");
            }

            return Run([.. list.OrderByDescending(e => e)], parse.GetValue(n), t, c, OutputPrefix.Normalize(parse.GetValue(output)!), io, r);
        });
        return command;
    }

    // Two anisotropic bumps at ±(1, 0, 0), each with variances (0.6, 1, 1), total density 1.
    private static bool ElectronScheme(string value) => value switch
    {
        "well-balanced" => true,
        "plain" => false,
        _ => throw new ArgumentException($"--electrons must be well-balanced or plain (was {value})."),
    };

    private static double InitialIons(Velocity3 v)
    {
        static double Bump(Velocity3 w) => Math.Exp(-(w.X * w.X / 1.2) - (w.Y * w.Y / 2) - (w.Z * w.Z / 2)) / Math.Pow(2 * Math.PI, 1.5) / Math.Sqrt(0.6);
        return 0.5 * (Bump(v - new Velocity3(1, 0, 0)) + Bump(v + new Velocity3(1, 0, 0)));
    }

    private static int Run(double[] epsilons, int n, double finalTime, double courant, string prefix, JsonOutput io, double anisotropy = 1.0)
    {
        var total = Stopwatch.StartNew();
        var kernel = LandauKernel.Coulomb(LandauNormalization.FlynnGuo);
        var ionGrid = new SpeciesGrid(new CartesianGrid(n, 8.0));
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("ε", "cross form", "steps", "Δt", "‖F₊^ε − F₊⁰‖₁/‖F₊⁰‖₁", "order", "ΔE₊/ε", "wall s");
        var errors = new List<double>();
        double ionTemperature = 0;
        var cases = new List<Dictionary<string, object>>();
        foreach (double epsilon in epsilons)
        {
            var clock = Stopwatch.StartNew();
            var mixture = new Mixture(new Species("ion", 1.0, 1.0), new Species("electron", epsilon * epsilon, -1.0));
            var grids = new SpeciesGrids([ionGrid, new SpeciesGrid(new CartesianGrid(n, 8.0 / epsilon))]);
            var op = PlasmaLandauOperator.Create(grids, mixture, LandauCouplings.Uniform(2), kernel);
            var limitOp = PlasmaLandauOperator.Create(new SpeciesGrids([ionGrid]), new Mixture(new Species("ion", 1.0, 1.0)), LandauCouplings.Uniform(1), kernel);
            var system = new SpeciesGridStepper(op);
            var limit = new SpeciesGridStepper(limitOp);

            double[] f = new double[grids.TotalCount], g = new double[ionGrid.Count];
            Span<double> ions = grids.Slice(f.AsSpan(), 0);
            for (int p = 0; p < ions.Length; p++)
            {
                ions[p] = InitialIons(ionGrid.Point(p));
            }

            ions.CopyTo(g);
            if (anisotropy == 1.0)
            {
                Maxwellian.Fill(grids[1].Grid, new MacroscopicState(1.0, 1.0), epsilon * epsilon, grids.Slice(f.AsSpan(), 1));
            }
            else
            {
                // Ill-prepared electrons: T⊥/T∥ = R at T = 1. Even in ξ, so Q⁰₋₊(G, ·) = 0 and the limit (ions alone, β = 1)
                // is unchanged; the electrons relax on their own time ε (docs/massless-electrons.md, "Ill-prepared data").
                var start = new AnisotropicMaxwellian(1.0, 3.0 / (1 + (2 * anisotropy)), 3.0 * anisotropy / (1 + (2 * anisotropy)));
                Span<double> electrons = grids.Slice(f.AsSpan(), 1);
                for (int p = 0; p < electrons.Length; p++)
                {
                    electrons[p] = start.Evaluate(epsilon * epsilon, grids[1].Point(p));
                }
            }

            var initial = SpeciesGridStepper.Moments(ionGrid, ions, 1.0);
            double energy0 = initial.Energy;
            ionTemperature = 2.0 / 3.0 * (energy0 - (initial.Momentum.LengthSquared / (2 * initial.Density))) / initial.Density;

            double stable = SpeciesGridStepper.StableStep(op.Exact, [1.0, 1.0], [1.0, 1.0], courant);
            int steps = (int)Math.Ceiling(finalTime / stable);
            double dt = finalTime / steps;
            for (int step = 0; step < steps; step++)
            {
                system.Step(f, dt);
                limit.Step(g, dt);
            }

            ReadOnlySpan<double> final = grids.Slice((ReadOnlySpan<double>)f, 0);
            double diff = 0, norm = 0;
            for (int p = 0; p < g.Length; p++)
            {
                diff += Math.Abs(final[p] - g[p]);
                norm += Math.Abs(g[p]);
            }

            double error = diff / norm, heating = (SpeciesGridStepper.Moments(ionGrid, final, 1.0).Energy - energy0) / epsilon;
            double? order = errors.Count > 0 ? Math.Log(errors[^1] / error) / Math.Log(epsilons[errors.Count - 1] / epsilon) : null;
            errors.Add(error);
            if (!double.IsFinite(error))
            {
                io.Warn($"ε = {epsilon}: the run produced non-finite values.", meaningless: true);
            }

            double wall = clock.Elapsed.TotalSeconds;
            table.AddRow(F(epsilon, "G4"), op.Form(1, 0).ToString(), steps.ToString(System.Globalization.CultureInfo.InvariantCulture), F(dt, "E2"), F(error, "E3"), order is double o ? F(o, "F2") : "", F(heating, "E3"), F(wall, "F1"));
            cases.Add(new Dictionary<string, object>
            {
                ["epsilon"] = epsilon,
                ["cross_form"] = op.Form(1, 0).ToString(),
                ["steps"] = steps,
                ["dt"] = dt,
                ["ion_error"] = error,
                ["ion_energy_change_over_epsilon"] = heating,
                ["wall_s"] = wall,
            });
        }

        double observed = Slope(epsilons.Select(e => Math.Log(e)).ToList(), errors.Select(e => Math.Log(e)).ToList());
        bool falls = errors.Zip(errors.Skip(1), (a, b) => b < a).All(x => x);
        if (!falls)
        {
            io.Warn("the ions' error does not fall monotonically as ε falls.");
        }

        if (observed < 0.8)
        {
            io.Warn($"observed order {F(observed, "F2")} < 0.8.");
        }

        io.Human.MarkupLine("[bold]kinetics scenario massless-electron[/]: " + Markup.Escape(
            $"ions (two anisotropic bumps) and Maxwell–Boltzmann electrons (β = 1), N = {n} per species, t = {F(finalTime, "G4")}; limit: ions alone under Q(F, F)."));
        io.Human.Write(table);
        // ε → 0: the ions' energy moves by the O(ε) Fokker–Planck term ε∇·(σ_β(0)(βv + ∇)F₊), so ΔE₊/ε → t·2√(2β/π)(1 − βT₊)
        // with T₊ the ions' (then constant) temperature (docs/massless-electrons.md).
        double heatingLimit = finalTime * 2 * Math.Sqrt(2 / Math.PI) * (1 - ionTemperature);
        io.Human.WriteLine($"Observed order of ‖F₊^ε − F₊⁰‖₁ in ε (least squares): {F(observed, "F3")} (Flynn & Guo: O(ε) for well-prepared data). ΔE₊/ε → {F(heatingLimit, "E3")} as ε → 0 (T₊ = {F(ionTemperature, "F4")}).");
        var files = Plot(epsilons, errors, observed, n, finalTime).Save(prefix);
        io.Human.MarkupLine($"Wrote [blue]{Markup.Escape(files[0])}[/] and [blue]{Markup.Escape(files[1])}[/].");
        io.WriteResult(new Dictionary<string, object?>
        {
            ["png"] = files[0],
            ["svg"] = files[1],
            ["eps"] = epsilons,
            ["ion_error"] = errors,
            ["observed_order"] = observed,
            ["error_falls"] = falls,
            ["ion_energy_change_over_epsilon_limit"] = heatingLimit,
            ["ion_temperature"] = ionTemperature,
            ["n"] = n,
            ["t_final"] = finalTime,
            ["initial_electron_anisotropy"] = anisotropy,
            ["cases"] = cases,
            ["wall_s"] = total.Elapsed.TotalSeconds,
        });
        return 0;
    }
    // The ions' error against ε on log–log axes, with the O(ε) line through the smallest ε's error for reference.
    private static Figure Plot(double[] epsilons, List<double> errors, double observed, int n, double finalTime)
    {
        double anchor = errors[^1] / epsilons[^1];
        return new Figure
        {
            Title = $"Ions against the ε → 0 limit (N = {n} per species, t = {F(finalTime, "G4")}): observed order {F(observed, "F2")}",
            XLabel = "ε = √(m₋/m₊)",
            YLabel = "‖F₊^ε − F₊⁰‖₁ / ‖F₊⁰‖₁",
            XScale = AxisScale.Log10,
            YScale = AxisScale.Log10,
        }
            .Add(new PlotSeries("kinetic ions (ion–electron Landau)", epsilons, errors, SeriesStyle.LineMarkers, 0))
            .Add(new PlotSeries("O(ε) reference", epsilons, epsilons.Select(e => anchor * e).ToArray(), SeriesStyle.Dashed, 1));
    }
}
