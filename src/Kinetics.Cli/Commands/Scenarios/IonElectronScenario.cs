using System.CommandLine;
using System.Diagnostics;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Landau;
using Kinetics.Mixtures;
using Kinetics.Moments;
using Spectre.Console;
using static Kinetics.Cli.Commands.Scenarios.ScenarioMath;

namespace Kinetics.Cli.Commands.Scenarios;

/// <summary>
/// `kinetics scenario ion-electron`: Coulomb-Landau ion–electron energy exchange with m₊ = 1, m₋ = ε² (docs/math#massless-electron-scaling).
/// For each ε the ion and electron Maxwellians (unit densities, temperatures T₊, T₋, at rest) are put on one grid, the
/// spectral Landau operator is applied once, and the measured rate W₊ = ∫(m₊/2)|v|² Q₊₋ dv is compared with the
/// closed form <see cref="LandauMaxwellian.EnergyExchangeRate"/> (docs/landau.md) and with the O(ε) law of
/// docs/math#massless-electron-scaling (fitted slope of log|W₊| against log ε).
/// </summary>
internal static class IonElectronScenario
{
    public static Command Create()
    {
        var epsilons = new Option<string>("--epsilons") { Description = "Values of ε = √(m₋/m₊), each in (0, 1], comma-separated.", DefaultValueFactory = _ => "0.3,0.2,0.1" };
        var ionTemperature = new Option<double>("--t-ion") { Description = "Ion temperature T₊ = 1/β₊ (k_B = 1).", DefaultValueFactory = _ => 2.0 };
        var electronTemperature = new Option<double>("--t-electron") { Description = "Electron temperature T₋ = 1/β₋ (k_B = 1).", DefaultValueFactory = _ => 1.0 };
        var n = new Option<int?>("--n") { Description = "Grid points per axis N for every ε (--grids species: per species, default 32; --grids shared: default per ε the smallest size with h ≤ 0.75 ion thermal speeds, the box [−L, L]³ having L = 6.5 electron thermal speeds √(T₋)/ε)." }.GridSize(8, 128);
        var grids = new Option<string>("--grids") { Description = "species: each species on its own N³ grid (L = 8 thermal speeds; N default 32, any ε); shared: one grid for both.", DefaultValueFactory = _ => "species" };
        grids.AcceptOnlyFromAmong("species", "shared");
        var json = JsonOutput.CreateOption();
        var command = new Command("ion-electron", "Landau ion–electron energy exchange at t = 0 against the closed form, and its O(ε) scaling in the mass ratio m₋/m₊ = ε² (Flynn & Guo, massless-electron limit of Vlasov–Poisson–Landau).")
        {
            epsilons, ionTemperature, electronTemperature, n, grids, json,
        };
        command.SetAction(parse =>
        {
            var io = new JsonOutput(parse.GetValue(json));
            double[] list = Numbers(parse.GetValue(epsilons)!, "--epsilons");
            if (list.Any(e => !(e > 0 && e <= 1)))
            {
                throw new ArgumentException("--epsilons must all be in (0, 1].");
            }

            double ti = parse.GetValue(ionTemperature), te = parse.GetValue(electronTemperature);
            if (!(ti > 0 && te > 0))
            {
                throw new ArgumentException($"--t-ion and --t-electron must be > 0 (were {ti} and {te}).");
            }

            return Run(list, ti, te, parse.GetValue(n), parse.GetValue(grids) == "species", io);
        });
        return command;
    }

    private static int Run(double[] epsilons, double ionTemperature, double electronTemperature, int? fixedN, bool perSpecies, JsonOutput io)
    {
        io.Human.Profile.Width = Math.Max(io.Human.Profile.Width, 150);
        var kernel = LandauKernel.Coulomb(LandauNormalization.FlynnGuo);
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("ε", "N", "L", "h/σ₊", "W₊ spectral", "W₊ closed form", "rel. error", "(W₊ + W₋)/|W₊|", "W₊/ε", "wall s");
        var cases = new List<Dictionary<string, object>>();
        var measured = new List<double>();
        var closed = new List<double>();
        var total = Stopwatch.StartNew();
        foreach (double epsilon in epsilons)
        {
            var clock = Stopwatch.StartNew();
            var mixture = new Mixture([new Species("ion", 1.0), new Species("electron", epsilon * epsilon)]);
            var ion = new MacroscopicState(1.0, Velocity3.Zero, ionTemperature);
            var electron = new MacroscopicState(1.0, Velocity3.Zero, electronTemperature);

            int n;
            double halfWidth, resolution, wIon, wElectron;
            if (perSpecies)
            {
                // docs/species-grids.md: each species on N³ points over 8 of its own thermal speeds.
                n = fixedN ?? 32;
                var species = SpeciesGrids.ForMaxwellians(mixture, [ionTemperature, electronTemperature], default, n);
                var op = SpeciesGridLandauOperator.Create(species, mixture, LandauCouplings.Uniform(2, 1.0), kernel);
                double[] f = new double[species.TotalCount], qIon = new double[species.Count(0)], qElectron = new double[species.Count(1)];
                Maxwellian.Fill(species[0].Grid, ion, 1.0, species.Slice(f.AsSpan(), 0));
                Maxwellian.Fill(species[1].Grid, electron, mixture[1].Mass, species.Slice(f.AsSpan(), 1));
                var workspace = op.CreateWorkspace();
                op.EvaluatePair(0, 1, f, qIon, workspace);
                op.EvaluatePair(1, 0, f, qElectron, workspace);
                wIon = SpeciesMoments.Of(species[0].Grid, qIon, 1.0).Energy;
                wElectron = SpeciesMoments.Of(species[1].Grid, qElectron, mixture[1].Mass).Energy;
                halfWidth = species[1].HalfWidth;
                resolution = species[0].Spacing / Math.Sqrt(ionTemperature);
            }
            else
            {
                // One box for both: 6.5 thermal speeds of the faster species (electrons unless T₋/ε² < T₊).
                halfWidth = 6.5 * Math.Max(Math.Sqrt(electronTemperature) / epsilon, Math.Sqrt(ionTemperature));
                // Spacing ≤ 0.75 σ₊: the exchange rate is then accurate to ~1e−4 (docs/scenarios.md: 3e−6 at h/σ₊ = 0.64,
                // 1.5e−3 at 0.96, 1.6e−2 at 1.28).
                n = fixedN ?? SmallestGrid(halfWidth, 0.75 * Math.Sqrt(ionTemperature), 160);
                var grid = new CartesianGrid(n, halfWidth);
                var op = SpectralLandauOperator.Create(grid, mixture, LandauCouplings.Uniform(2, 1.0), kernel);
                double[] fIon = new double[grid.Count], fElectron = new double[grid.Count], q = new double[grid.Count];
                Maxwellian.Fill(grid, ion, 1.0, fIon);
                Maxwellian.Fill(grid, electron, mixture[1].Mass, fElectron);
                var workspace = op.CreateWorkspace();
                op.EvaluatePair(0, 1, fIon, fElectron, q, workspace);
                wIon = SpeciesMoments.Of(grid, q, 1.0).Energy;
                op.EvaluatePair(1, 0, fElectron, fIon, q, workspace);
                wElectron = SpeciesMoments.Of(grid, q, mixture[1].Mass).Energy;
                resolution = grid.Spacing / Math.Sqrt(ionTemperature);
            }

            double exact = LandauMaxwellian.EnergyExchangeRate(1.0, ion, 1.0, electron, mixture[1].Mass, LandauNormalization.FlynnGuo);
            double relative = Math.Abs(wIon - exact) / Math.Abs(exact);
            double balance = (wIon + wElectron) / Math.Abs(wIon);
            double wall = clock.Elapsed.TotalSeconds;
            if (!double.IsFinite(wIon) || !(relative <= 1e-2))
            {
                io.Warn(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"ε = {epsilon}: the exchange rate W₊ = {wIon:E3} is off the closed form by {relative:E1} (> 1e−2): the grid (N = {n}, h/σ₊ = {resolution:F2}) does not resolve the ions; use a larger --n."), meaningless: !double.IsFinite(wIon));
            }

            measured.Add(wIon);
            closed.Add(exact);
            table.AddRow(F(epsilon, "G4"), n.ToString(System.Globalization.CultureInfo.InvariantCulture), F(halfWidth, "F2"), F(resolution, "F3"),
                F(wIon, "E6"), F(exact, "E6"), F(relative, "0.0E+0"), F(balance, "+0.0E+0;-0.0E+0"), F(wIon / epsilon, "F5"), F(wall, "F1"));
            cases.Add(new Dictionary<string, object>
            {
                ["epsilon"] = epsilon,
                ["n"] = n,
                ["half_width"] = halfWidth,
                ["h_over_ion_thermal_speed"] = resolution,
                ["rate"] = wIon,
                ["rate_closed_form"] = exact,
                ["relative_error"] = relative,
                ["electron_rate"] = wElectron,
                ["balance"] = balance,
                ["wall_s"] = wall,
            });
        }

        // The O(ε) law: slope of log|W₊| against log ε (needs two or more ε); the closed form's own slope shows the
        // O(ε³) correction (1 + ε²T₊/T₋)^{−3/2} of docs/math#massless-electron-scaling.
        // The compensated slope removes that factor from the measured rates: exactly 1 for the closed form.
        double? slope = null, closedSlope = null, compensatedSlope = null;
        if (epsilons.Distinct().Count() < 2)
        {
            io.Warn("the O(ε) law needs at least two distinct values of --epsilons; the fitted slopes are not reported.");
        }
        else
        {
            var logs = epsilons.Select(e => Math.Log(e)).ToList();
            slope = Slope(logs, measured.Select(w => Math.Log(Math.Abs(w))).ToList());
            closedSlope = Slope(logs, closed.Select(w => Math.Log(Math.Abs(w))).ToList());
            compensatedSlope = Slope(logs, measured.Select((w, i) => Math.Log(Math.Abs(w)) + (1.5 * Math.Log(1 + (epsilons[i] * epsilons[i] * ionTemperature / electronTemperature)))).ToList());
        }

        // The limit (docs/math#massless-electron-scaling) of W₊/ε as ε → 0 (p = c = 1, unit densities): 2√(2β₋/π)(1 − β₋/β₊).
        double limit = 2 * Math.Sqrt(2 / (Math.PI * electronTemperature)) * (1 - (ionTemperature / electronTemperature));
        io.Human.MarkupLine("[bold]kinetics scenario ion-electron[/]: " + Markup.Escape(
            $"Coulomb Landau (p = c = 1), m₊ = 1, m₋ = ε², n₊ = n₋ = 1, T₊ = {F(ionTemperature, "G4")}, T₋ = {F(electronTemperature, "G4")}, " +
            (perSpecies ? "one grid per species (L = electron box)." : "one grid per ε.")));
        io.Human.Write(table);
        io.Human.WriteLine($"W₊ = ∫(m₊/2)|v|² Q₊₋ dv at t = 0; h/σ₊ = grid spacing over the ion thermal speed. Fitted slope of log|W₊| vs log ε: {Maybe(slope)} (closed form: {Maybe(closedSlope)}; compensated by (1 + ε²T₊/T₋)^(3/2): {Maybe(compensatedSlope)}); W₊/ε → {F(limit, "F5")} as ε → 0 (leading order of the closed form).");
        io.WriteResult(new Dictionary<string, object?>
        {
            ["t_ion"] = ionTemperature,
            ["t_electron"] = electronTemperature,
            ["grids"] = perSpecies ? "species" : "shared",
            ["cases"] = cases,
            ["slope"] = slope,
            ["slope_closed_form"] = closedSlope,
            ["slope_compensated"] = compensatedSlope,
            ["rate_over_epsilon_limit"] = limit,
            ["wall_s"] = total.Elapsed.TotalSeconds,
        });
        return 0;

        static string Maybe(double? value) => value is double v ? F(v, "F4") : "n/a (one ε)";
    }
}
