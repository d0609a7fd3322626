using System.CommandLine;
using System.Globalization;
using Kinetics.Kernels;
using Kinetics.Mixtures;
using Kinetics.Transport;
using Spectre.Console;

namespace Kinetics.Cli.Commands;

/// <summary>
/// `kinetics transport coefficients`: Chapman–Enskog viscosity, thermal conductivity, diffusion matrix and thermal diffusion
/// of a mixture from its collision kernels, with the Sonine convergence table (docs/transport.md).
/// </summary>
internal static class TransportCoefficientsCommand
{
    public static Command Create()
    {
        var kernel = new Option<string>("--kernel") { Description = "hard-spheres (B = (d_ij²/4)|g|), maxwell (B = d_ij²/4) or power (B = (d_ij²/4)|g|^γ with --gamma); isotropic b_σ.", DefaultValueFactory = _ => "hard-spheres" };
        var gamma = new Option<double>("--gamma") { Description = "γ ∈ (−3, 1] for --kernel power.", DefaultValueFactory = _ => 0.5 }.InRange(-3, 1, minOpen: true);
        var masses = new Option<string>("--masses") { Description = "Species masses m1,m2,… (code units).", DefaultValueFactory = _ => "1" }.NumberList(1, 16, 0, 1e12, minOpen: true);
        var densities = new Option<string?>("--densities") { Description = "Number densities n1,n2,… (default all 1)." };
        var diameters = new Option<string?>("--diameters") { Description = "Diameters σ1,σ2,… (default all 1); d_ij = (σ_i + σ_j)/2." };
        var temperature = new Option<double>("--temperature") { Description = "Temperature θ > 0 (k_B = 1).", DefaultValueFactory = _ => 1.0 }.InRange(0, 1e6, minOpen: true);
        var order = new Option<int>("--order") { Description = "Highest Sonine approximation order m ∈ [1, 12].", DefaultValueFactory = _ => 8 }.InRange(1, 12);
        var json = JsonOutput.CreateOption();
        var command = new Command("coefficients", "Chapman–Enskog transport coefficients (Sonine expansion with exact brackets) and their convergence with the order.")
        {
            kernel, gamma, masses, densities, diameters, temperature, order, json,
        };
        command.SetAction(parse => Run(parse, new JsonOutput(parse.GetValue(json)), kernel, gamma, masses, densities, diameters, temperature, order));
        return command;
    }

    private static int Run(
        ParseResult parse, JsonOutput output, Option<string> kernelOption, Option<double> gammaOption, Option<string> massesOption,
        Option<string?> densitiesOption, Option<string?> diametersOption, Option<double> temperatureOption, Option<int> orderOption)
    {
        double[] m = EstimateCommand.ParseList(parse.GetValue(massesOption) ?? "1", "--masses");
        int s = m.Length;
        if (s == 0)
        {
            throw new ArgumentException("--masses needs at least one mass.");
        }

        double[] n = ListOrOnes(parse.GetValue(densitiesOption), "--densities", s);
        double[] d = ListOrOnes(parse.GetValue(diametersOption), "--diameters", s);
        double theta = parse.GetValue(temperatureOption), g = parse.GetValue(gammaOption);
        int maxOrder = parse.GetValue(orderOption);
        string kind = parse.GetValue(kernelOption) ?? "hard-spheres";
        double exponent = kind switch
        {
            "hard-spheres" => 1.0,
            "maxwell" => 0.0,
            "power" => g,
            _ => throw new ArgumentException($"--kernel must be hard-spheres, maxwell or power (was '{kind}')."),
        };
        foreach (var (values, name) in new[] { (m, "--masses"), (n, "--densities"), (d, "--diameters") })
        {
            if (values.Any(x => !(x > 0.0) || double.IsInfinity(x)))
            {
                throw new ArgumentException($"{name} must be finite and > 0.");
            }
        }

        var mixture = new Mixture(Enumerable.Range(0, s).Select(i => new Species($"s{i}", m[i])));
        var kernels = CollisionKernelTable.FromPairs(mixture, (i, j) =>
        {
            double dij = (d[i] + d[j]) / 2.0;
            return new CollisionKernel(exponent, AngularFunction.Isotropic(dij * dij / 4.0));
        });

        var plan = ChapmanEnskog.Create(kernels, n, theta, maxOrder);
        var first = plan.Coefficients(1);
        var table = new List<Dictionary<string, object>>();
        var inv = CultureInfo.InvariantCulture;
        output.Human.WriteLine(string.Create(inv, $"{kind} (γ = {exponent}), θ = {theta}, masses {string.Join(",", m)}, densities {string.Join(",", n)}"));
        output.Human.WriteLine($"{"order",5} {"viscosity",16} {"conductivity",16} {"η/η₁",12} {"λ/λ₁",12}");
        TransportCoefficients last = first;
        for (int k = 1; k <= maxOrder; k++)
        {
            last = plan.Coefficients(k);
            double fe = last.Viscosity / first.Viscosity, fl = last.ThermalConductivity / first.ThermalConductivity;
            table.Add(new Dictionary<string, object> { ["order"] = k, ["viscosity"] = last.Viscosity, ["conductivity"] = last.ThermalConductivity, ["viscosity_factor"] = fe, ["conductivity_factor"] = fl });
            output.Human.WriteLine(string.Create(inv, $"{k,5} {last.Viscosity,16:G10} {last.ThermalConductivity,16:G10} {fe,12:F7} {fl,12:F7}"));
        }

        var diffusion = Enumerable.Range(0, s).Select(a => Enumerable.Range(0, s).Select(b => last.Diffusion(a, b)).ToArray()).ToArray();
        var thermal = Enumerable.Range(0, s).Select(last.ThermalDiffusion).ToArray();
        if (s > 1)
        {
            output.Human.WriteLine("diffusion matrix D_ij (V_i = −Σ_j D_ij d_j − D_T^i ∇ln θ):");
            foreach (var row in diffusion)
            {
                output.Human.WriteLine("  " + string.Join(" ", row.Select(x => x.ToString("G8", inv).PadLeft(16))));
            }

            output.Human.WriteLine("thermal diffusion D_T: " + string.Join(" ", thermal.Select(x => x.ToString("G8", inv))));
        }

        output.WriteResult(new Dictionary<string, object>
        {
            ["kernel"] = kind,
            ["gamma"] = exponent,
            ["temperature"] = theta,
            ["masses"] = m,
            ["densities"] = n,
            ["order"] = maxOrder,
            ["viscosity_factor"] = last.Viscosity / first.Viscosity,
            ["conductivity_factor"] = last.ThermalConductivity / first.ThermalConductivity,
            ["viscosity"] = last.Viscosity,
            ["conductivity"] = last.ThermalConductivity,
            ["viscosity_first"] = first.Viscosity,
            ["conductivity_first"] = first.ThermalConductivity,
            ["diffusion_matrix"] = diffusion,
            ["thermal_diffusion"] = thermal,
            ["convergence"] = table,
        });
        return 0;
    }

    private static double[] ListOrOnes(string? text, string option, int count)
    {
        double[] values = text is null ? Enumerable.Repeat(1.0, count).ToArray() : EstimateCommand.ParseList(text, option);
        if (values.Length != count)
        {
            throw new ArgumentException($"{option} has {values.Length} entries but --masses has {count}.");
        }

        return values;
    }
}
