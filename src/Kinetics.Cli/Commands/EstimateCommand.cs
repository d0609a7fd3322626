using System.CommandLine;
using System.Globalization;
using Kinetics.Cli.Plotting;
using Kinetics.Estimates;
using Kinetics.Kernels;
using Kinetics.Linearized;
using Kinetics.Mixtures;

namespace Kinetics.Cli.Commands;

/// <summary>`kinetics estimate …`: the kernel estimates of Wang, Wang and Wu computed numerically (docs/math#kernel-estimates).</summary>
internal static class EstimateCommand
{
    public static Command Create()
    {
        var command = new Command("estimate", "Numerical kernel estimates of the linearized Boltzmann operator for gas mixtures with unequal masses (Wang, Wang & Wu).");
        command.Subcommands.Add(KernelDecay());
        command.Subcommands.Add(Coercivity());
        command.Subcommands.Add(Gap());
        return command;
    }

    private static Command Coercivity()
    {
        var gamma = new Option<double>("--gamma") { Description = "Kinetic exponent γ ∈ (−3, 1] of B = |cos θ|·|v − v*|^γ.", Required = true }.InRange(-3, 1, minOpen: true);
        var masses = new Option<string>("--masses") { Description = "The two species masses mA,mB (code units).", Required = true }.NumberList(2, 2, 0, 1e12, minOpen: true);
        var degree = new Option<int>("--degree") { Description = "Polynomial degree D ∈ [2, 4] of the Galerkin space (cost grows fast with D).", DefaultValueFactory = _ => 2 }.InRange(2, 4);
        var output = OutputPrefix.Create("coercivity", "PREFIX.png and PREFIX.svg (eigenvalues of the discrete L)");
        var json = JsonOutput.CreateOption();
        var command = new Command("coercivity", "Discrete L (Galerkin, √μ·polynomials): null-space dimension, L² gap and coercivity δ in |·|_ν, ⟨v⟩ = 1 + |v|.")
        {
            gamma, masses, degree, output, json,
        };
        command.SetAction(parse => ReportingBadInput("estimate coercivity", () =>
        {
            var io = new JsonOutput(parse.GetValue(json));
            double g = parse.GetValue(gamma);
            var (m, table) = TwoSpecies(g, parse.GetValue(masses));
            var estimate = GalerkinLinearizedOperator.Create(table, parse.GetValue(degree)).Coercivity();
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(inv, $"γ = {g}, masses {m[0]}:{m[1]}, b = |cos θ|, Galerkin degree {estimate.Degree} ({estimate.BasisSize} functions)"));
            Console.WriteLine(string.Create(inv, $"dim ker L           {estimate.NullSpaceDimension} (expected 6)"));
            Console.WriteLine(string.Create(inv, $"L² gap              {estimate.L2Gap:G6}"));
            Console.WriteLine(string.Create(inv, $"δ (w = (1+|v|)^γ)   {estimate.Delta:G6}"));
            Console.WriteLine(string.Create(inv, $"δ_ν (w = ν)         {estimate.DeltaNu:G6}"));
            var index = Enumerable.Range(1, estimate.Eigenvalues.Count).Select(i => (double)i).ToArray();
            var files = new Figure { Title = string.Create(inv, $"Spectrum of the discrete L, γ = {g}, masses {m[0]}:{m[1]}"), XLabel = "index (ascending)", YLabel = "eigenvalue of G⁻¹ᐟ² L G⁻¹ᐟ² (L²)" }
                .Add(new PlotSeries("eigenvalues", index, estimate.Eigenvalues, SeriesStyle.Markers))
                .AddReference(0, "0 (null space: 6 expected)")
                .Save(OutputPrefix.Normalize(parse.GetValue(output)!));
            Console.WriteLine($"plots written to {string.Join(" and ", files)}");
            io.WriteResult(new Dictionary<string, object>
            {
                ["gamma"] = g,
                ["degree"] = estimate.Degree,
                ["basis_size"] = estimate.BasisSize,
                ["null_space_dimension"] = estimate.NullSpaceDimension,
                ["expected_null_space_dimension"] = 6,
                ["l2_gap"] = estimate.L2Gap,
                ["delta"] = estimate.Delta,
                ["delta_nu"] = estimate.DeltaNu,
                ["png"] = files[0],
                ["svg"] = files[1],
            });
            return 0;
        }));
        return command;
    }

    private static Command Gap()
    {
        var gamma = new Option<double>("--gamma") { Description = "Kinetic exponent γ ∈ (−2, 1] of B = |cos θ|·|v − v*|^γ.", Required = true }.InRange(-2, 1, minOpen: true);
        var masses = new Option<string>("--masses") { Description = "The two species masses mA,mB (code units).", Required = true }.NumberList(2, 2, 0, 1e12, minOpen: true);
        var radii = new Option<string>("--radii") { Description = "Ball radii V, ascending, comma-separated (each a panel breakpoint).", DefaultValueFactory = _ => "8,11.3137,16,22.6274,32" }.NumberList(2, 64, 0, 1e4, minOpen: true);
        var maxDegree = new Option<int>("--max-degree") { Description = "Largest spherical-harmonic sector ℓ in [1, 32].", DefaultValueFactory = _ => 4 }.InRange(1, 32);
        var panelWidth = new Option<double>("--panel-width") { Description = "Radial panel width in (0, 4] (code units) up to r = 8·width, growing ∝ r beyond.", DefaultValueFactory = _ => 1.5 }.InRange(0, 4, minOpen: true);
        var order = new Option<int>("--order") { Description = "Gauss–Legendre points per radial panel in [2, 16].", DefaultValueFactory = _ => 8 }.InRange(2, 16);
        var output = OutputPrefix.Create("gap", "PREFIX.png and PREFIX.svg (λ(V), ν(V) and δ_ν(V), log–log)");
        var json = JsonOutput.CreateOption();
        var command = new Command("gap", "L² gap of L compressed to velocity balls |v| ≤ V (per spherical-harmonic sector): λ(V), ν(V) and the fitted slope of λ(V) (→ min(γ, 0)).")
        {
            gamma, masses, radii, maxDegree, panelWidth, order, output, json,
        };
        command.SetAction(parse => ReportingBadInput("estimate gap", () =>
        {
            var io = new JsonOutput(parse.GetValue(json));
            double g = parse.GetValue(gamma);
            var (m, table) = TwoSpecies(g, parse.GetValue(masses));
            double[] v = ParseList(parse.GetValue(radii) ?? string.Empty, "--radii");
            if (v.Length < 2)
            {
                throw new ArgumentException($"--radii needs at least two radii for the fit (got {v.Length}).", nameof(radii));
            }

            var gap = KernelEstimates.BoundedDomainGap(table, v, parse.GetValue(maxDegree), parse.GetValue(panelWidth), parse.GetValue(order));
            var fit = gap.Fit;
            WarnIfSlopeOff(io, "slope of the gap λ(V)", fit, gap.ExpectedSlope, "min(γ, 0)", "the radii do not reach the regime where λ(V) ∝ V^min(γ, 0): use larger --radii or a finer --panel-width");
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(inv, $"γ = {g}, masses {m[0]}:{m[1]}, b = |cos θ|, sectors ℓ ≤ {gap.MaxDegree}, {gap.NodeCount} radial nodes per species"));
            Console.WriteLine(string.Create(inv, $"{"V",10} {"λ(V)",12} {"ℓ",3} {"ν(V)",12} {"λ/ν",8} {"δ_ν",10} {"δ",10} {"‖Lχ‖/‖νχ‖",12}"));
            foreach (var p in gap.Points)
            {
                Console.WriteLine(string.Create(inv, $"{p.Radius,10:G6} {p.Gap,12:G6} {p.GapDegree,3} {p.MinimumFrequency,12:G6} {p.GapToFrequency,8:F4} {p.DeltaNu,10:G5} {p.Delta,10:G5} {p.NullSpaceResidual,12:E2}"));
            }

            Console.WriteLine(string.Create(inv, $"slope of λ(V): {fit.Slope:F4}  95% CI [{fit.ConfidenceLow:F4}, {fit.ConfidenceHigh:F4}]  expected min(γ, 0) = {gap.ExpectedSlope}  (ν(V): {gap.FrequencyFit.Slope:F4})"));
            Console.WriteLine(string.Create(inv, $"discrete K asymmetry before symmetrisation {gap.KernelAsymmetry:E2}"));
            var x = gap.Points.Select(p => p.Radius).ToArray();
            var files = new Figure
            {
                Title = string.Create(inv, $"L² gap on the ball |v| ≤ V, γ = {g}, masses {m[0]}:{m[1]} (expected slope {gap.ExpectedSlope})"),
                XLabel = "V",
                YLabel = "eigenvalue",
                XScale = AxisScale.Log10,
                YScale = AxisScale.Log10,
            }
                .Add(new PlotSeries("gap λ(V)", x, gap.Points.Select(p => p.Gap).ToArray(), SeriesStyle.Markers, 0))
                .Add(new PlotSeries("min ν on the ball, ν(V)", x, gap.Points.Select(p => p.MinimumFrequency).ToArray(), SeriesStyle.LineMarkers, 1))
                .Add(new PlotSeries("coercivity δ in the ν-weighted norm", x, gap.Points.Select(p => p.DeltaNu).ToArray(), SeriesStyle.Markers, 2))
                .Add(new PlotSeries(string.Create(inv, $"fit: slope {fit.Slope:F2}"), x, x.Select(r => Math.Exp(fit.Intercept + (fit.Slope * Math.Log(r)))).ToArray(), SeriesStyle.Dashed, 0))
                .Save(OutputPrefix.Normalize(parse.GetValue(output)!));
            Console.WriteLine($"plots written to {string.Join(" and ", files)}");
            io.WriteResult(new Dictionary<string, object>
            {
                ["gamma"] = g,
                ["masses"] = m,
                ["slope"] = fit.Slope,
                ["slope_ci_low"] = fit.ConfidenceLow,
                ["slope_ci_high"] = fit.ConfidenceHigh,
                ["expected_slope"] = gap.ExpectedSlope,
                ["frequency_slope"] = gap.FrequencyFit.Slope,
                ["radii"] = gap.Points.Select(p => p.Radius).ToArray(),
                ["gaps"] = gap.Points.Select(p => p.Gap).ToArray(),
                ["gap_sectors"] = gap.Points.Select(p => p.GapDegree).ToArray(),
                ["frequencies"] = gap.Points.Select(p => p.MinimumFrequency).ToArray(),
                ["gap_to_frequency"] = gap.Points.Select(p => p.GapToFrequency).ToArray(),
                ["delta_nu"] = gap.Points.Select(p => p.DeltaNu).ToArray(),
                ["delta"] = gap.Points.Select(p => p.Delta).ToArray(),
                ["null_space_residual"] = gap.Points.Max(p => p.NullSpaceResidual),
                ["kernel_asymmetry"] = gap.KernelAsymmetry,
                ["node_count"] = gap.NodeCount,
                ["max_degree"] = gap.MaxDegree,
                ["png"] = files[0],
                ["svg"] = files[1],
            });
            return 0;
        }));
        return command;
    }

    // Two species A, B with the given masses and B = |cos θ|·|v − v*|^γ for every pair (the kernel of Wang, Wang and Wu).
    private static (double[] Masses, CollisionKernelTable Table) TwoSpecies(double gamma, string? massesText)
    {
        double[] m = ParseList(massesText ?? string.Empty, "--masses");
        if (m.Length != 2)
        {
            throw new ArgumentException($"--masses needs exactly two masses (got {m.Length}).", nameof(massesText));
        }

        var mixture = new Mixture(new Species("A", m[0]), new Species("B", m[1]));
        return (m, CollisionKernelTable.Uniform(mixture, new CollisionKernel(gamma, AngularFunction.AbsoluteCosine())));
    }

    // A fitted exponent whose 95 % interval misses the theoretical one by more than 0.1 is reported as a warning: the
    // numbers are right for the range fitted, but they do not show the asymptotic law the command is about.
    private static void WarnIfSlopeOff(JsonOutput io, string what, SlopeFit fit, double expected, string law, string hint)
    {
        double distance = expected < fit.ConfidenceLow ? fit.ConfidenceLow - expected : expected > fit.ConfidenceHigh ? expected - fit.ConfidenceHigh : 0;
        if (distance > 0.1 || !double.IsFinite(fit.Slope))
        {
            io.Warn(string.Create(
                CultureInfo.InvariantCulture,
                $"{what} is {fit.Slope:F3} (95% CI [{fit.ConfidenceLow:F3}, {fit.ConfidenceHigh:F3}]) but {law} = {expected:G4}: {hint}."));
        }
    }

    // Kept as the call site of each estimate action; the error contract itself is CommandLineApp's.
    internal static int ReportingBadInput(string command, Func<int> action) => action();

    internal static double[] ParseList(string text, string option)
    {
        try
        {
            return text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"{option} must be a comma-separated list of numbers (was '{text}').", option, e);
        }
    }

    private static Command KernelDecay()
    {
        var gamma = new Option<double>("--gamma") { Description = "Kinetic exponent γ ∈ (−3, 0) of B = |cos θ|·|v − v*|^γ (soft potentials).", Required = true }.InRange(-3, 0, minOpen: true, maxOpen: true);
        var masses = new Option<string>("--masses") { Description = "The two species masses mA,mB (code units, e.g. 7,8 or 1,4).", Required = true }.NumberList(2, 2, 0, 1e12, minOpen: true);
        var weight = new Option<double>("--weight") { Description = "Polynomial weight exponent ℓ ≥ 0 in ∫⟨v⟩^ℓ/⟨w⟩^ℓ|k^χ(v,w)|dw, ⟨v⟩ = 1 + |v|.", DefaultValueFactory = _ => 0.0 }.InRange(0, 20);
        var output = OutputPrefix.Create("kernel-decay", "PREFIX.png and PREFIX.svg (ν and the K row integral against |v|, log–log)");
        var json = JsonOutput.CreateOption();
        var command = new Command("kernel-decay", "Fitted decay exponents of ν (→ γ) and of the χ_ε-cut gain kernel row integral (→ γ − 2), and the hybrid Gaussian rate (→ c_h).")
        {
            gamma, masses, weight, output, json,
        };
        command.SetAction(parse => ReportingBadInput("estimate kernel-decay", () =>
        {
            var io = new JsonOutput(parse.GetValue(json));
            double g = parse.GetValue(gamma), ell = parse.GetValue(weight);
            var (m, table) = TwoSpecies(g, parse.GetValue(masses));
            var frequency = CollisionFrequency.Create(table);
            var cutoff = new SoftCutoff(0.1);
            double[] nuSpeeds = KernelEstimates.GeometricSpeeds(8, 64, 8);
            double[] kSpeeds = KernelEstimates.GeometricSpeeds(16, 64, 5);
            var nuFit = KernelEstimates.CollisionFrequencySlope(frequency, 0, nuSpeeds);
            var kFit = KernelEstimates.GainKernelDecay(table, 0, kSpeeds, cutoff, ell);

            // Hybrid rate: lighter species α against the heavier β, at speeds where c_h|v|² ≈ 200 (capped at |v| = 256).
            int light = m[0] <= m[1] ? 0 : 1, heavy = 1 - light;
            double ch = KernelEstimates.HybridRate(m[light], m[heavy]);
            double? hybridRate = null;
            if (ch > 0)
            {
                double top = Math.Min(256.0, Math.Sqrt(200.0 / ch));
                hybridRate = KernelEstimates.HybridDecayRate(table, light, heavy, [0.875 * top, 0.9375 * top, top]).Slope;
            }

            WarnIfSlopeOff(io, "slope of ν(v)", nuFit, g, "γ", "the speeds 8…64 are not yet asymptotic for these masses");
            WarnIfSlopeOff(io, "slope of the K row integral", kFit, g - 2, "γ − 2", "the speeds 16…64 are not yet asymptotic for these masses and weight");
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(inv, $"γ = {g}, masses {m[0]}:{m[1]}, ℓ = {ell}, ⟨v⟩ = 1 + |v|, χ_ε with ε = 0.1, b = |cos θ|"));
            Console.WriteLine(string.Create(inv, $"{"quantity",-34} {"fitted slope",14} {"95% CI",24} {"expected",10}"));
            Console.WriteLine(string.Create(inv, $"{"ν^A(v), |v| ∈ [8, 64]",-34} {nuFit.Slope,14:F4} {$"[{nuFit.ConfidenceLow:F4}, {nuFit.ConfidenceHigh:F4}]",24} {g,10:F4}"));
            Console.WriteLine(string.Create(inv, $"{"∫⟨v⟩^ℓ/⟨w⟩^ℓ k^χ dw, |v| ∈ [16, 64]",-34} {kFit.Slope,14:F4} {$"[{kFit.ConfidenceLow:F4}, {kFit.ConfidenceHigh:F4}]",24} {g - 2,10:F4}"));
            Console.WriteLine(string.Create(inv, $"{"hybrid rate −dlog H/d|v|²",-34} {(hybridRate is double h ? h.ToString("F5", inv) : "n/a"),14} {"",24} {ch,10:F5}"));

            var plot = new Figure
            {
                Title = string.Create(inv, $"Kernel decay, γ = {g}, masses {m[0]}:{m[1]}, ℓ = {ell}"),
                XLabel = "|v|",
                YLabel = "ν(v) and the row integral of K",
                XScale = AxisScale.Log10,
                YScale = AxisScale.Log10,
            };
            plot.Add(new PlotSeries("collision frequency ν(v) of species A", nuFit.X.Select(Math.Exp).ToArray(), nuFit.Y.Select(Math.Exp).ToArray(), SeriesStyle.Markers, 0));
            plot.Add(new PlotSeries(string.Create(inv, $"fit: slope {nuFit.Slope:F3} (expected γ = {g})"), nuSpeeds, nuSpeeds.Select(s => Math.Exp(nuFit.Intercept + (nuFit.Slope * Math.Log(s)))).ToArray(), SeriesStyle.Dashed, 0));
            plot.Add(new PlotSeries("row integral ∫ |kᵡ(v, w)| ((1+|v|)/(1+|w|))ˡ dw", kFit.X.Select(Math.Exp).ToArray(), kFit.Y.Select(Math.Exp).ToArray(), SeriesStyle.Markers, 1));
            plot.Add(new PlotSeries(string.Create(inv, $"fit: slope {kFit.Slope:F3} (expected γ − 2 = {g - 2})"), kSpeeds, kSpeeds.Select(s => Math.Exp(kFit.Intercept + (kFit.Slope * Math.Log(s)))).ToArray(), SeriesStyle.Dashed, 1));
            var files = plot.Save(OutputPrefix.Normalize(parse.GetValue(output)!));
            Console.WriteLine($"plots written to {string.Join(" and ", files)}");
            var result = new Dictionary<string, object?>
            {
                ["gamma"] = g,
                ["nu_slope"] = nuFit.Slope,
                ["k_slope"] = kFit.Slope,
                ["expected_k_slope"] = g - 2,
                ["hybrid_rate"] = hybridRate,
                ["expected_hybrid_rate"] = ch,
                ["png"] = files[0],
                ["svg"] = files[1],
            };
            io.WriteResult(result);
            return 0;
        }));
        return command;
    }
}
