using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using Kinetics.Boltzmann;
using Kinetics.Grids;
using Kinetics.Limits;
using Kinetics.Linearized;
using Kinetics.Mixtures;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.Transport;
using Spectre.Console;

namespace Kinetics.Cli.Commands.Limits;

/// <summary>
/// `kinetics limit wave-damping`: small-amplitude shear, sound and temperature waves of a single Boltzmann gas (Maxwell
/// molecules) and a concentration wave of a binary mixture in a periodic box at Knudsen number ε, their measured decay
/// rates against the linearised Navier–Stokes–Fourier rates with the library's Chapman–Enskog viscosity and conductivity
/// and against the Maxwell–Stefan diffusion rate (docs/limits.md).
/// </summary>
internal static class WaveDampingLimit
{
    private const double VelocityHalfWidth = 6.0;
    private const double Decay = 0.3;
    private const double HeavyMass = 2.0;
    private static readonly string[] Waves = ["shear", "sound", "temperature", "concentration"];

    public static Command Create()
    {
        var eps = new Option<string>("--eps") { Description = "Knudsen numbers ε (comma-separated, at least 2, each in [0.01, 1]).", DefaultValueFactory = _ => "0.2,0.1,0.05" }.NumberList(2, 8, 0.01, 1.0);
        var cells = new Option<int>("--cells") { Description = "Cells of the periodic 1-D mesh (one wavelength 2π).", DefaultValueFactory = _ => 32 }.InRange(8, 256);
        var n = new Option<int>("--n") { Description = "Velocity points per axis (3-D grid on [−6, 6]³; even, 2^a·3^b·5^c).", DefaultValueFactory = _ => 16 }.GridSize(12, 24);
        var amplitude = new Option<double>("--amplitude") { Description = "Relative amplitude δ of the waves.", DefaultValueFactory = _ => 1e-3 }.InRange(1e-8, 0.1);
        var waves = new Option<string>("--waves") { Description = "Waves to run (comma-separated: shear, sound, temperature, concentration).", DefaultValueFactory = _ => "shear,sound,temperature,concentration" };
        waves.Validators.Add(result =>
        {
            string[] names = (result.GetValueOrDefault<string>() ?? string.Empty).Split(',', StringSplitOptions.TrimEntries);
            if (names.Length == 0 || names.Any(w => !Waves.Contains(w)) || names.Distinct().Count() != names.Length)
            {
                result.AddError($"--waves must list distinct names from shear, sound, temperature, concentration (was '{result.GetValueOrDefault<string>()}').");
            }
        });
        var json = JsonOutput.CreateOption();
        var command = new Command("wave-damping", "Shear, sound and temperature waves of a Boltzmann gas and a concentration wave of a binary mixture at decreasing ε: kinetic decay rates against linearised Navier–Stokes–Fourier and Maxwell–Stefan.")
        {
            eps, cells, n, amplitude, waves, json,
        };
        command.SetAction(parse => Run(
            new JsonOutput(parse.GetValue(json)),
            LimitTable.ParseEpsilons(parse.GetValue(eps)!),
            parse.GetValue(cells),
            parse.GetValue(n),
            parse.GetValue(amplitude),
            parse.GetValue(waves)!.Split(',', StringSplitOptions.TrimEntries)));
        return command;
    }

    private static int Run(JsonOutput output, double[] epsilons, int cells, int points, double delta, string[] waves)
    {
        var clock = Stopwatch.StartNew();
        var inv = CultureInfo.InvariantCulture;
        var gas = new Mixture(new Species("gas", 1.0));
        var binary = new Mixture(new Species("A", 1.0), new Species("B", HeavyMass));
        var grid = new CartesianGrid(points, VelocityHalfWidth);
        var mesh = UniformMesh.Create1D(cells, 2 * Math.PI);

        // μ and κ at ε = 1 (Maxwell molecules, B = 1/(4π)); the scaling 1/ε of the collisions gives με and κε. Also the
        // velocity grid's own μ_h and κ_h (L⁻¹ of the discrete linearized operator), whose NSF rates the kinetic rates
        // approach as ε → 0 on this grid; and the binary Maxwell–Stefan Δ_AB (n = 1: 𝒟_AB = Δ_AB, the concentration rate 𝒟k²).
        var unit = ChapmanEnskog.Create(WaveDampingRun.Kernels(gas, 1.0), [1.0]).Converged();
        var (muGrid, kappaGrid) = GridCoefficients(grid, gas);
        var pair = WaveDampingRun.Kernels(binary, 1.0);
        double diffusion = MaxwellStefan.Coefficient(pair[0, 1], 1.0, HeavyMass, 1.0);
        output.Human.WriteLine(string.Create(inv, $"Single gas, m = 1, Maxwell molecules B = 1/(4πε); n = 1, θ = 1 on [0, 2π), k = 1, δ = {delta}; {cells} cells, N = {points} on [−6, 6]³ ({WaveDampingRun.Sphere.Name} sphere rule), explicit collisions (SSP-RK3)"));
        output.Human.WriteLine(string.Create(inv, $"Chapman–Enskog at ε = 1: μ = {unit.Viscosity:G6}, κ = {unit.ThermalConductivity:G6}; on the velocity grid μ_h = {muGrid:G6}, κ_h = {kappaGrid:G6}; binary A (m = 1) + B (m = {HeavyMass}), n_A = n_B = 1/2: Δ_AB = {diffusion:G6}"));
        output.Human.WriteLine(string.Create(inv, $"The rate is fitted from t = 10ε until the NSF amplitude has fallen by e^−{Decay} more (longitudinal waves: projection on the NSF mode's left eigenvector)"));
        var result = new Dictionary<string, object>();
        foreach (string wave in waves)
        {
            output.Human.WriteLine($"{wave} wave");
            output.Human.WriteLine($"{"ε",8} {"kinetic rate",14} {"NSF rate",14} {"rel. error",11} {"NSF(μ_h, κ_h)",14} {"rel. error",11} {"steps",7} {"time s",8}");
            var kinetic = new List<double>();
            var nsf = new List<double>();
            var errors = new List<double>();
            var nsfGrid = new List<double>();
            var errorsGrid = new List<double>();
            var steps = new List<int>();
            var frequencies = new List<double>();
            foreach (double eps in epsilons)
            {
                var watch = Stopwatch.StartNew();
                var modes = NavierStokesFourier1D.LinearModes(1.0, 1.0, 1.0, eps * unit.Viscosity, eps * unit.ThermalConductivity, 1.0);
                Complex root = wave switch
                {
                    "shear" => -modes.ShearRate,
                    "sound" => modes.LongitudinalRoots[0],
                    "temperature" => -modes.ThermalDampingRate,
                    _ => -eps * diffusion,
                };
                var target = new WaveDampingRun.Target(root, 2.0 / 3.0 * eps * unit.ThermalConductivity, eps * unit.Viscosity, eps * unit.ThermalConductivity);
                var (rate, frequency, count) = WaveDampingRun.Measure(wave == "concentration" ? binary : gas, grid, mesh, eps, wave, target, delta, Decay);
                double gridRate = double.NaN;
                if (wave != "concentration" && double.IsFinite(muGrid) && double.IsFinite(kappaGrid))
                {
                    var gridModes = NavierStokesFourier1D.LinearModes(1.0, 1.0, 1.0, eps * muGrid, eps * kappaGrid, 1.0);
                    gridRate = wave switch { "shear" => gridModes.ShearRate, "sound" => gridModes.SoundDampingRate, _ => gridModes.ThermalDampingRate };
                }

                kinetic.Add(rate);
                nsf.Add(-root.Real);
                errors.Add(Math.Abs(rate - (-root.Real)) / -root.Real);
                nsfGrid.Add(gridRate);
                errorsGrid.Add(Math.Abs(rate - gridRate) / gridRate);
                steps.Add(count);
                frequencies.Add(frequency);
                output.Human.WriteLine(string.Create(inv, $"{eps,8:G4} {rate,14:E5} {-root.Real,14:E5} {errors[^1],11:E3} {gridRate,14:E5} {errorsGrid[^1],11:E3} {count,7} {watch.Elapsed.TotalSeconds,8:F1}"));
            }

            double order = LimitTable.ObservedOrder(epsilons, errors);
            double orderGrid = wave == "concentration" ? double.NaN : LimitTable.ObservedOrder(epsilons, errorsGrid);
            output.Human.WriteLine(string.Create(inv, $"observed order of the relative error (least squares): {order:F3} against {(wave == "concentration" ? "Maxwell–Stefan 𝒟_AB k²" : "NSF(μ, κ)")}{(wave == "concentration" ? string.Empty : string.Create(inv, $", {orderGrid:F3} against NSF(μ_h, κ_h)"))}"));
            var entry = new Dictionary<string, object>
            {
                ["kinetic_rate"] = kinetic,
                ["nsf_rate"] = nsf,
                ["error"] = errors,
                ["observed_order"] = order,
                ["steps"] = steps,
            };
            if (wave != "concentration")
            {
                entry["nsf_rate_grid"] = nsfGrid;
                entry["error_grid"] = errorsGrid;
                entry["observed_order_grid"] = orderGrid;
            }

            if (wave == "sound")
            {
                entry["kinetic_frequency"] = frequencies;
                entry["nsf_frequency"] = epsilons.Select(e => NavierStokesFourier1D.LinearModes(1.0, 1.0, 1.0, e * unit.Viscosity, e * unit.ThermalConductivity, 1.0).SoundFrequency).ToArray();
            }

            result[wave] = entry;
        }

        result["eps"] = epsilons;
        result["viscosity"] = unit.Viscosity;
        result["conductivity"] = unit.ThermalConductivity;
        result["viscosity_grid"] = muGrid;
        result["conductivity_grid"] = kappaGrid;
        result["diffusion"] = diffusion;
        result["heavy_mass"] = HeavyMass;
        result["cells"] = cells;
        result["velocity_points"] = points;
        result["amplitude"] = delta;
        result["error_norm"] = "|kinetic decay rate − linearised NSF (concentration: Maxwell–Stefan) rate| / that rate; kinetic rate fitted to log|mode amplitude| from t = 10ε (after the initial layer) over a decay of e^-0.3; sound and temperature amplitudes projected on the NSF mode's left eigenvector";
        result["wall_s"] = clock.Elapsed.TotalSeconds;
        output.WriteResult(result);
        return 0;
    }

    // μ_h = ⟨g, L⁻¹g⟩ with g = √μ v_x v_y and κ_h = ⟨a, L⁻¹a⟩ with a = √μ (|v|²/2 − 5/2)v_x (m = θ = 1), L the grid's
    // linearized operator about the unit Maxwellian (docs/transport.md).
    private static (double Viscosity, double Conductivity) GridCoefficients(CartesianGrid grid, Mixture mixture)
    {
        var collision = BoltzmannOperator.Create(grid, WaveDampingRun.Kernels(mixture, 1.0), new BoltzmannOptions { Sphere = WaveDampingRun.Sphere, RadialPoints = WaveDampingRun.RadialPoints, ResolutionTolerance = double.PositiveInfinity });
        var inverse = LinearizedInverse.Create(SpectralLinearizedOperator.Create(collision));
        var root = inverse.Operator.SqrtMaxwellian.Span;
        var shear = new double[grid.Count];
        var heat = new double[grid.Count];
        for (int p = 0; p < grid.Count; p++)
        {
            var v = grid.Point(p);
            shear[p] = v.X * v.Y * root[p];
            heat[p] = ((0.5 * v.LengthSquared) - 2.5) * v.X * root[p];
        }

        double Bracket(double[] source)
        {
            var solution = new double[source.Length];
            var report = inverse.Solve(source, solution, 1e-10, 400);
            double sum = 0;
            for (int p = 0; p < source.Length; p++)
            {
                sum += source[p] * solution[p];
            }

            // NaN when GMRES did not converge or the bracket is not positive (coarse grids: at N = 12 the heat-flux bracket
            // came out negative, the discrete L not being dissipative on that mode).
            return report.RelativeResidual <= 1e-8 && sum > 0 ? sum * grid.CellVolume : double.NaN;
        }

        return (Bracket(shear), Bracket(heat));
    }
}
