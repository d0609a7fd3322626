using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Kinetics.Boltzmann;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Limits;
using Kinetics.Mixtures;
using Kinetics.PhaseSpace.Integration;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.PhaseSpace.Moments;
using Kinetics.PhaseSpace.States;
using Kinetics.PhaseSpace.Transport;
using Kinetics.PhaseSpace.Velocities;
using Kinetics.Quadrature;
using Kinetics.Transport;
using Spectre.Console;

namespace Kinetics.Cli.Commands.Limits;

/// <summary>
/// `kinetics limit maxwell-stefan`: a ternary Boltzmann mixture (masses 1, 1.5, 2) in diffusive scaling with Knudsen
/// number ε, advanced by the asymptotic-preserving phase-space step (micro–macro, one step Δt for every ε), against the
/// Maxwell–Stefan solution with the library's Δ_ij; the error-versus-ε table and the fitted order (docs/limits.md, including
/// the discretisation floor the error reaches as ε → 0). <c>--gas h2-n2-co2</c> runs the masses of H₂, N₂ and CO₂ (2, 28, 44)
/// on per-species velocity grids, with N₂ initially uniform, and reports its uphill diffusion.
/// </summary>
internal static class MaxwellStefanLimit
{
    private const double VelocityHalfWidth = 6.0;

    // The default model mixture and the H₂/N₂/CO₂ one: masses, mean concentrations and the amplitudes of the cos x wave.
    private static readonly Gas Model = new("model", [1.0, 1.5, 2.0], [0.4, 0.3, 0.3], [0.1, -0.1, 0.0]);
    private static readonly Gas Hydrogen = new("h2-n2-co2", [2.0, 28.0, 44.0], [0.3, 0.4, 0.3], [0.15, 0.0, -0.15]);

    public static Command Create()
    {
        var eps = new Option<string>("--eps") { Description = "Knudsen numbers ε (comma-separated, at least 2, each in [1e−6, 1]); default 0.2,0.1,0.05,0.025, and 0.04,0.02,0.01,0.005 with --gas h2-n2-co2 (its O(ε) regime, docs/limits.md).", DefaultValueFactory = _ => "0.2,0.1,0.05,0.025" }.NumberList(2, 12, 1e-6, 1.0);
        var cells = new Option<int>("--cells") { Description = "Cells of the periodic 1-D mesh (one wavelength 2π).", DefaultValueFactory = _ => 32 }.InRange(8, 256);
        var n = new Option<int>("--n") { Description = "Velocity points per axis (3-D grid on [−6, 6]³; even, 2^a·3^b·5^c, in [8, 24], at least 10 for --gas model); default 16, and 12 with --gas h2-n2-co2.", DefaultValueFactory = _ => 16 }.GridSize(8, 24);
        var finalTime = new Option<double>("--t-final") { Description = "Final (diffusive) time.", DefaultValueFactory = _ => 0.3 }.InRange(0, 5, minOpen: true);
        var step = new Option<double>("--step") { Description = "Time step Δt, the same for every ε (at most the solver's stable step at each ε).", DefaultValueFactory = _ => 0.005 }.InRange(1e-5, 0.1);
        var gas = new Option<string>("--gas")
        {
            Description = "model: masses 1, 1.5, 2 on one velocity grid [−6, 6]³ (default); h2-n2-co2: masses 2, 28, 44 on per-species grids (6 thermal speeds each), N₂ initially uniform (uphill diffusion).",
            DefaultValueFactory = _ => "model",
        };
        gas.AcceptOnlyFromAmong("model", "h2-n2-co2");
        var json = JsonOutput.CreateOption();
        var command = new Command("maxwell-stefan", "Ternary Boltzmann mixture in diffusive scaling at decreasing ε against Maxwell–Stefan: error table and observed order.")
        {
            eps, cells, n, finalTime, step, gas, json,
        };
        command.SetAction(parse => Run(
            new JsonOutput(parse.GetValue(json)),
            parse.GetValue(gas) != "h2-n2-co2" && parse.GetValue(n) < 10
                ? throw new ArgumentException($"--n must be at least 10 with --gas model (was {parse.GetValue(n)}): N = 8 on [−6, 6]³ cannot carry the mass-2 species' Maxwellian.")
                : parse.GetValue(gas) == "h2-n2-co2" ? Hydrogen : Model,
            LimitTable.ParseEpsilons(Defaulted(parse, eps, parse.GetValue(gas) == "h2-n2-co2", "0.04,0.02,0.01,0.005")),
            parse.GetValue(cells),
            parse.GetValue(gas) == "h2-n2-co2" && parse.GetResult(n) is null or { Implicit: true } ? 12 : parse.GetValue(n),
            parse.GetValue(finalTime),
            parse.GetValue(step)));
        return command;
    }

    private static int Run(JsonOutput output, Gas gas, double[] epsilons, int cells, int points, double finalTime, double step)
    {
        var clock = Stopwatch.StartNew();
        const double length = 2 * Math.PI;
        var inv = CultureInfo.InvariantCulture;
        double[] masses = gas.Masses;
        var mixture = new Mixture(masses.Select((m, i) => new Species($"s{i + 1}", m)));

        // Maxwell molecules, B = 1/(4π) for every pair: Δ_ij = θ/μ_ij (docs/limits.md), distinct for the three pairs.
        var kernels = CollisionKernelTable.Uniform(mixture, new CollisionKernel(0.0, AngularFunction.Isotropic(1.0 / (4 * Math.PI))));
        var coefficients = MaxwellStefan.Coefficients(kernels, 1.0);
        var delta = new double[9];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                delta[(i * 3) + j] = i == j ? 0.0 : coefficients[i, j];
            }
        }

        // The step must be stable at every ε (checked before computing anything).
        var mesh = UniformMesh.Create1D(cells, length);
        var boltzmann = new BoltzmannOptions { Sphere = SphereRule.Octahedron, RadialPoints = 4, ResolutionTolerance = 1e-3 };
        var options = new AsymptoticPreservingOptions { Scaling = KineticScaling.Diffusive, Explicit = new PhaseSpaceOptions { Limiter = SlopeLimiter.Unlimited } };
        Kinetic kinetic = gas == Model ? Kinetic.Shared(mesh, mixture, new CartesianGrid(points, VelocityHalfWidth), kernels, boltzmann) : Kinetic.PerSpecies(mesh, mixture, points, VelocityHalfWidth, kernels, boltzmann);

        // Per-species grids: the smallest tail cut-off (1e−4, 1e−3, 1e−2) at which the linearised remainder has no growing mode at
        // the mean and extreme concentrations of the data (DiscreteMaxwellStefan.GrowthFactor ≤ 1; docs/limits.md, "The growing
        // mode of the heavy species"): the diffusive step multiplies such a mode by the factor every step as ε → 0.
        double growth = double.NaN;
        if (gas != Model)
        {
            (double cutoff, growth) = kinetic.DissipativeCutoff(gas);
            options = options with { TailCutoff = cutoff };
        }
        foreach (double e in epsilons)
        {
            double stable = kinetic.Solver(kinetic.NewState(), options with { Epsilon = e }).StableStep;
            if (step > stable * (1 + 1e-12))
            {
                throw new ArgumentException(string.Create(inv, $"--step {step} is above the stable step {stable:G4} at ε = {e} with {cells} cells and N = {points}; lower it."));
            }
        }

        // The limit: Maxwell–Stefan on 8× the cells, averaged onto the kinetic cells (at t/2 too, for the uphill check).
        const int refinement = 8;
        int fine = cells * refinement;
        var (limit, referenceHalf, referenceMode, referenceSteps) = Reference(gas, delta, cells, refinement, length, finalTime);

        // --gas h2-n2-co2: also against Maxwell–Stefan with the velocity grids' own Δ_ij (DiscreteMaxwellStefan at the mean
        // concentrations, θ = 1): the limit the scheme converges to as ε → 0, without the velocity discretisation's error.
        double[]? deltaGrid = null;
        double[]? limitGrid = null;
        double deltaFit = double.NaN;
        if (gas != Model)
        {
            deltaGrid = new double[9];
            deltaFit = kinetic.DiscreteDelta(options.TailCutoff, gas.Mean, deltaGrid);
            limitGrid = Reference(gas, deltaGrid, cells, refinement, length, finalTime).Limit;
        }

        int wave = Array.FindIndex(gas.Amplitude, a => a != 0.0);
        double norm = Math.Sqrt(Enumerable.Range(0, cells).Sum(k => Math.Pow(gas.Initial(wave, k * length / cells, (k + 1) * length / cells) - gas.Mean[wave], 2)));
        output.Human.WriteLine(string.Create(inv, $"Ternary mixture, masses {string.Join(", ", masses)}, Maxwell molecules (Δ12 = {delta[1]:G5}, Δ13 = {delta[2]:G5}, Δ23 = {delta[5]:G5}); {gas.Describe()}, θ = 1, u = 0 on [0, 2π)"));
        output.Human.WriteLine(string.Create(inv, $"diffusive scaling, {cells} cells, N = {points} {kinetic.Describe}, Δt = {step} for every ε, t = {finalTime}; Maxwell–Stefan reference on {fine} cells ({referenceSteps} steps)"));
        if (gas != Model)
        {
            output.Human.WriteLine(string.Create(inv, $"tail cut-off {options.TailCutoff:G2}: the smallest of 1e−4, 1e−3, 1e−2 at which the linearised remainder has no growing mode (growth factor per step {growth:F4} at the mean and extreme concentrations)"));
        }
        var modes = new List<double>();
        var halves = new List<double>();
        var gridErrors = new List<double>();
        var result = LimitTable.Sweep(output, epsilons, eps =>
        {
            var state = kinetic.NewState();
            for (int k = 0; k < cells; k++)
            {
                for (int s = 0; s < 3; s++)
                {
                    kinetic.FillMaxwellian(state, k, s, gas.Initial(s, k * length / cells, (k + 1) * length / cells));
                }
            }

            var solver = kinetic.Solver(state, options with { Epsilon = eps });
            if (gas == Model)
            {
                return LimitTable.Measure(solver, state, finalTime, step, limit, norm);
            }

            // Two halves: the N₂ cos-mode a at t/2 and t (uphill diffusion: N₂ starts uniform, |a| grows with J·∂ₓc > 0).
            var before = solver.Explicit.Diagnose(state).Masses.ToArray();
            int first = solver.Run(state, 0.5 * finalTime, step);
            halves.Add(CosineMode(Densities(state, 1)));
            var run = LimitTable.Measure(solver, state, 0.5 * finalTime, step, limit, norm);
            gridErrors.Add(LimitTable.Distance(state, limitGrid!, norm));
            modes.Add(CosineMode(Densities(state, 1)));
            var after = solver.Explicit.Diagnose(state).Masses.ToArray();
            return run with { Steps = first + run.Steps, MassDrift = before.Zip(after, (b, a) => Math.Abs(a - b) / b).Max() };
        }, string.Create(inv, $"‖(c_1, c_2, c_3) − Maxwell–Stefan‖₂ / ‖c_{wave + 1}(0) − {gas.Mean[wave]}‖₂ at t = {finalTime}"), gas == Model
            ? "the error has reached the scheme's discretisation floor (about 1.1e−2 at 32 cells, N = 16: the centred stencil and the velocity grid's linearised operator; docs/limits.md)."
            : "the error has reached the scheme's discretisation floor (the centred stencil and the per-species velocity grids' linearised operator; docs/limits.md).");
        result["t_final"] = finalTime;
        result["step"] = step;
        result["cells"] = cells;
        result["velocity_points"] = points;
        result["delta"] = new[] { delta[1], delta[2], delta[5] };
        result["reference_cells"] = fine;
        result["error_norm"] = string.Create(inv, $"L2 over cells of (c_1, c_2, c_3) minus the Maxwell–Stefan cell averages, relative to the L2 norm of c_{wave + 1}(0) − {gas.Mean[wave]}");
        if (gas != Model)
        {
            result["gas"] = gas.Name;
            result["masses"] = masses;
            result["grids"] = "per-species";
            result["n2_mode"] = modes;
            result["n2_mode_half"] = halves;
            result["uphill"] = modes.Zip(halves, (a, h) => a * (a - h) > 0 && Math.Abs(a) > 1e-6).ToArray();
            result["ms_n2_mode"] = referenceMode;
            result["ms_n2_mode_half"] = referenceHalf;
            result["tail_cutoff"] = options.TailCutoff;
            result["growth_factor"] = growth;
            result["delta_grid"] = new[] { deltaGrid![1], deltaGrid[2], deltaGrid[5] };
            result["delta_grid_fit_residual"] = deltaFit;
            result["error_grid_delta"] = gridErrors;
            result["observed_order_grid_delta"] = LimitTable.ObservedOrder(epsilons, gridErrors);
            result["local_orders_grid_delta"] = LimitTable.LocalOrders(epsilons, gridErrors);
            output.Human.WriteLine(string.Create(inv, $"Against Maxwell–Stefan with the velocity grids' own Δ_ij (DiscreteMaxwellStefan: Δ12 = {deltaGrid[1]:G5}, Δ13 = {deltaGrid[2]:G5}, Δ23 = {deltaGrid[5]:G5}; fit residual {deltaFit:E2}): error {string.Join(", ", gridErrors.Select(e => e.ToString("E4", inv)))}, observed order {LimitTable.ObservedOrder(epsilons, gridErrors):F3}."));
            output.Human.WriteLine(string.Create(inv, $"N₂ (uniform at t = 0) cos-mode at t/2 and t: Maxwell–Stefan {referenceHalf:E4}, {referenceMode:E4}; kinetic {string.Join("; ", halves.Zip(modes, (h, a) => $"{h:E4}, {a:E4}"))} — |a| growing with J·∂ₓc > 0 is uphill diffusion (Fick's law keeps a uniform species uniform)."));
        }

        result["wall_s"] = clock.Elapsed.TotalSeconds;
        output.WriteResult(result);
        return 0;
    }

    // The option's value, or the per-species gas's own default when the user gave none.
    private static string Defaulted(ParseResult parse, Option<string> option, bool perSpeciesGas, string perSpeciesDefault) =>
        perSpeciesGas && parse.GetResult(option) is null or { Implicit: true } ? perSpeciesDefault : parse.GetValue(option)!;

    // Maxwell–Stefan with the coefficients delta on refinement × cells cells from the gas's initial data, averaged onto the
    // kinetic cells at finalTime; and the N₂ cos-mode at t/2 and t (per-species gas only) and the steps taken.
    private static (double[] Limit, double Half, double Mode, int Steps) Reference(Gas gas, double[] delta, int cells, int refinement, double length, double finalTime)
    {
        int fine = cells * refinement;
        var reference = MaxwellStefan1D.Create(delta, fine, length, LimitBoundary.Periodic);
        var c = new double[3 * fine];
        for (int s = 0; s < 3; s++)
        {
            for (int j = 0; j < fine; j++)
            {
                c[(s * fine) + j] = gas.Initial(s, j * length / fine, (j + 1) * length / fine);
            }
        }

        int steps = reference.Advance(c, gas == Model ? finalTime : 0.5 * finalTime);
        double half = CosineMode(c.AsSpan(fine, fine));
        steps += gas == Model ? 0 : reference.Advance(c, 0.5 * finalTime);
        double mode = CosineMode(c.AsSpan(fine, fine));
        var limit = new double[3 * cells];
        for (int s = 0; s < 3; s++)
        {
            for (int k = 0; k < cells; k++)
            {
                for (int j = 0; j < refinement; j++)
                {
                    limit[(s * cells) + k] += c[(s * fine) + (k * refinement) + j] / refinement;
                }
            }
        }

        return (limit, half, mode, steps);
    }

    // (2/n) Σ_k c_k cos x_k over the cell values.
    private static double CosineMode(ReadOnlySpan<double> values)
    {
        double sum = 0;
        for (int k = 0; k < values.Length; k++)
        {
            sum += values[k] * Math.Cos((k + 0.5) * 2 * Math.PI / values.Length);
        }

        return 2.0 * sum / values.Length;
    }

    private static double[] Densities(PhaseSpaceState state, int species)
    {
        var density = new double[state.CellCount];
        CellMoments.Densities(state, species, density);
        return density;
    }

    // A ternary mixture: masses, mean concentrations and the amplitudes of the cos x wave (cell averages of the initial data).
    private sealed record Gas(string Name, double[] Masses, double[] Mean, double[] Amplitude)
    {
        public double Initial(int species, double x0, double x1) => Mean[species] + (Amplitude[species] * (Math.Sin(x1) - Math.Sin(x0)) / (x1 - x0));

        public string Describe() => string.Join(", ", Enumerable.Range(0, 3).Select(s => Amplitude[s] == 0
            ? string.Create(CultureInfo.InvariantCulture, $"c_{s + 1} = {Mean[s]}")
            : string.Create(CultureInfo.InvariantCulture, $"c_{s + 1} = {Mean[s]} {(Amplitude[s] > 0 ? "+" : "−")} {Math.Abs(Amplitude[s])} cos x")));
    }

    // The kinetic side: one shared velocity grid with the shared-grid operator, or a grid per species with the per-species one.
    private sealed class Kinetic
    {
        private readonly UniformMesh _mesh;
        private readonly Mixture _mixture;
        private readonly VelocityGrid[] _velocities;
        private readonly BoltzmannOperator? _shared;
        private readonly SpeciesGridBoltzmannOperator? _perSpecies;

        private Kinetic(UniformMesh mesh, Mixture mixture, VelocityGrid[] velocities, BoltzmannOperator? shared, SpeciesGridBoltzmannOperator? perSpecies, string describe)
        {
            _mesh = mesh;
            _mixture = mixture;
            _velocities = velocities;
            _shared = shared;
            _perSpecies = perSpecies;
            Describe = describe;
        }

        public string Describe { get; }

        public static Kinetic Shared(UniformMesh mesh, Mixture mixture, CartesianGrid grid, CollisionKernelTable kernels, BoltzmannOptions options) =>
            new(mesh, mixture, [VelocityGrid.FromCartesian(grid)], BoltzmannOperator.Create(grid, kernels, options), null, string.Create(CultureInfo.InvariantCulture, $"on [−{grid.HalfWidth}, {grid.HalfWidth}]³"));

        public static Kinetic PerSpecies(UniformMesh mesh, Mixture mixture, int points, double thermalSpeeds, CollisionKernelTable kernels, BoltzmannOptions options)
        {
            var grids = SpeciesGrids.ForMaxwellians(mixture, [1.0, 1.0, 1.0], default, points, thermalSpeeds);
            string describe = string.Create(CultureInfo.InvariantCulture, $"per species over {thermalSpeeds} thermal speeds (half-widths {string.Join(", ", Enumerable.Range(0, 3).Select(s => grids[s].HalfWidth.ToString("G3", CultureInfo.InvariantCulture)))})");
            return new(mesh, mixture, VelocityGrid.FromSpeciesGrids(grids), null, SpeciesGridBoltzmannOperator.Create(grids, kernels, options), describe);
        }

        public PhaseSpaceState NewState() => _shared is not null ? new PhaseSpaceState(_mesh, _velocities[0], _mixture) : new PhaseSpaceState(_mesh, _velocities, _mixture);

        public AsymptoticPreservingSolver Solver(PhaseSpaceState state, AsymptoticPreservingOptions options) => _shared is not null
            ? AsymptoticPreservingSolver.Create(state, _shared, options)
            : AsymptoticPreservingSolver.CreateOnSpeciesGrids(state, _perSpecies!, options);

        // The first cut-off of 1e−4, 1e−3, 1e−2 whose growth factor is at most 1 at the gas's mean and extreme concentrations (or
        // 1e−2), and the largest factor there.
        public (double Cutoff, double Growth) DissipativeCutoff(Gas gas)
        {
            double[][] states = [gas.Mean, gas.Mean.Select((c, s) => c + gas.Amplitude[s]).ToArray(), gas.Mean.Select((c, s) => c - gas.Amplitude[s]).ToArray()];
            double growth = double.NaN;
            foreach (double cutoff in new[] { 1e-4, 1e-3, 1e-2 })
            {
                var measure = DiscreteMaxwellStefan.CreateOnSpeciesGrids(_perSpecies!, cutoff);
                growth = states.Max(c => measure.GrowthFactor(c, 1.0));
                if (growth <= 1.0)
                {
                    return (cutoff, growth);
                }
            }

            return (1e-2, growth);
        }

        // Δ_ij of the per-species operator as the diffusive step sees it (DiscreteMaxwellStefan), θ = 1; returns the fit residual.
        public double DiscreteDelta(double tailCutoff, double[] concentrations, double[] delta) =>
            DiscreteMaxwellStefan.CreateOnSpeciesGrids(_perSpecies!, tailCutoff).Evaluate(concentrations, 1.0, delta);

        public void FillMaxwellian(PhaseSpaceState state, int cell, int species, double density)
        {
            var grid = state.VelocitiesOf(species);
            var local = new MacroscopicState(density, Velocity3.Zero - grid.Centre, 1.0);
            DiscreteMaxwellian.Fill(grid.ToCartesian(), local, _mixture[species].Mass, state.Distribution(cell, species));
        }
    }
}
