using System.CommandLine;
using System.Globalization;
using Kinetics.Cli.Plotting;
using Kinetics.Kernels;
using Kinetics.Transport;

namespace Kinetics.Cli.Commands;

/// <summary>`kinetics transport …`: transport coefficients derived from the collision kernels (docs/math#transport).</summary>
internal static class TransportCommand
{
    public static Command Create()
    {
        var command = new Command("transport", "Transport coefficients from the collision kernels.");
        command.Subcommands.Add(MaxwellStefanCommand());
        command.Subcommands.Add(TransportCoefficientsCommand.Create());
        return command;
    }

    private static Command MaxwellStefanCommand()
    {
        var masses = new Option<string>("--masses") { Description = "Species masses m1,m2,… (at least two, code units).", Required = true }.NumberList(2, 64, 0, 1e12, minOpen: true);
        var diameters = new Option<string?>("--diameters") { Description = "Species diameters σ1,σ2,… (default all 1); d_ij = (σ_i + σ_j)/2." };
        var gamma = new Option<double>("--gamma") { Description = "γ ∈ (−3, 1] of B = (d_ij²/4)|g|^γ, isotropic b_σ (γ = 1: hard spheres).", DefaultValueFactory = _ => 1.0 }.InRange(-3, 1, minOpen: true);
        var temperature = new Option<double>("--temperature") { Description = "Temperature θ > 0 (k_B = 1, code units).", DefaultValueFactory = _ => 1.0 }.InRange(0, 1e6, minOpen: true);
        var output = OutputPrefix.Create("maxwell-stefan", "PREFIX.png and PREFIX.svg (Δ_ij(θ), log–log)");
        var json = JsonOutput.CreateOption();
        var command = new Command("maxwell-stefan", "Binary Maxwell–Stefan coefficients Δ_ij: closed form against the momentum exchange of the collision integral.")
        {
            masses, diameters, gamma, temperature, output, json,
        };
        command.SetAction(parse => EstimateCommand.ReportingBadInput("transport maxwell-stefan", () =>
        {
            var io = new JsonOutput(parse.GetValue(json));
            double[] m = EstimateCommand.ParseList(parse.GetValue(masses) ?? string.Empty, "--masses");
            string? dText = parse.GetValue(diameters);
            double[] d = dText is null ? Enumerable.Repeat(1.0, m.Length).ToArray() : EstimateCommand.ParseList(dText, "--diameters");
            if (d.Length != m.Length)
            {
                throw new ArgumentException($"--diameters has {d.Length} entries but --masses has {m.Length}.", nameof(diameters));
            }

            double g = parse.GetValue(gamma), theta = parse.GetValue(temperature);
            CollisionKernel Kernel(int i, int j)
            {
                double dij = (d[i] + d[j]) / 2;
                return new CollisionKernel(g, AngularFunction.Isotropic(dij * dij / 4));
            }

            var pairs = new List<Dictionary<string, object>>();
            for (int i = 0; i < m.Length; i++)
            {
                for (int j = i + 1; j < m.Length; j++)
                {
                    double closed = MaxwellStefan.Coefficient(Kernel(i, j), m[i], m[j], theta);
                    double numeric = 1.0 / MaxwellStefan.InverseCoefficientFromMomentumExchange(Kernel(i, j), m[i], m[j], theta);
                    pairs.Add(new Dictionary<string, object>
                    {
                        ["i"] = i,
                        ["j"] = j,
                        ["delta_closed_form"] = closed,
                        ["delta_momentum_exchange"] = numeric,
                        ["relative_difference"] = Math.Abs(numeric - closed) / closed,
                    });
                }
            }

            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(inv, $"θ = {theta}, γ = {g}, B_ij = (d_ij²/4)|g|^γ (isotropic b_σ)"));
            Console.WriteLine($"{"pair",-8} {"Δ_ij closed form",20} {"Δ_ij momentum exch.",22} {"rel. diff",12}");
            foreach (var p in pairs)
            {
                Console.WriteLine(string.Create(inv, $"{$"({p["i"]},{p["j"]})",-8} {(double)p["delta_closed_form"],20:G10} {(double)p["delta_momentum_exchange"],22:G10} {(double)p["relative_difference"],12:E2}"));
            }

            var plot = new Figure { Title = string.Create(inv, $"Maxwell–Stefan coefficients Δᵢⱼ(θ), γ = {g}"), XLabel = "temperature θ", YLabel = "Δᵢⱼ", XScale = AxisScale.Log10, YScale = AxisScale.Log10 };
            double[] thetas = Enumerable.Range(0, 41).Select(k => 0.25 * Math.Pow(16.0, k / 40.0)).ToArray();
            double[] marks = [0.25, 1.0, 4.0];
            int pair = 0;
            for (int i = 0; i < m.Length; i++)
            {
                for (int j = i + 1; j < m.Length; j++)
                {
                    var kernel = Kernel(i, j);
                    plot.Add(new PlotSeries($"Δ{Subscript(i)}{Subscript(j)} closed form", thetas, thetas.Select(t => MaxwellStefan.Coefficient(kernel, m[i], m[j], t)).ToArray(), SeriesStyle.Line, pair));
                    plot.Add(new PlotSeries($"Δ{Subscript(i)}{Subscript(j)} from the collision integral", marks, marks.Select(t => 1.0 / MaxwellStefan.InverseCoefficientFromMomentumExchange(kernel, m[i], m[j], t)).ToArray(), SeriesStyle.Markers, pair));
                    pair++;
                }
            }

            var files = plot.Save(OutputPrefix.Normalize(parse.GetValue(output)!));
            Console.WriteLine($"plots written to {string.Join(" and ", files)}");
            io.WriteResult(new Dictionary<string, object> { ["temperature"] = theta, ["gamma"] = g, ["pairs"] = pairs, ["png"] = files[0], ["svg"] = files[1] });
            return 0;
        }));
        return command;
    }

    private static string Subscript(int index) => string.Concat(index.ToString(CultureInfo.InvariantCulture).Select(c => "₀₁₂₃₄₅₆₇₈₉"[c - '0']));
}
