using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Kinetics.Boltzmann;
using Kinetics.Cli.Plotting;
using Kinetics.Distributions;
using Kinetics.Dynamics;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Landau;
using Kinetics.Mixtures;
using Kinetics.Moments;
using Spectre.Console;

namespace Kinetics.Cli.Commands;

/// <summary>
/// `kinetics relax`: the library's main demonstration. Relaxes a gas mixture from independent Maxwellians (different
/// temperatures and drifts) to the common equilibrium with the multi-species Boltzmann operator (or the Landau operator),
/// integrated by SSP-RK3 with the conservative projection, and reports temperatures, entropy and conservation drift over
/// time.
/// </summary>
/// <remarks>Defaults: N₂/O₂ (mass ratio 7:8, densities 0.78/0.21, temperatures 1.5/0.5), soft potential γ = −1 with
/// b_ω = |cos θ| as in Wang, Wang and Wu, a 32³ grid.</remarks>
internal static class RelaxCommand
{
    private static readonly string[] KernelChoices = ["abs-cos", "hard-spheres", "maxwell"];

    public static Command Create()
    {
        var names = new Option<string>("--names") { Description = "Species names [A, B, …], comma-separated.", DefaultValueFactory = _ => "N2,O2" };
        var masses = new Option<string>("--masses") { Description = "Mass of each species [A, B, …] as ratios; normalised so that the first species has m = 1.", DefaultValueFactory = _ => "7,8" };
        var densities = new Option<string>("--densities") { Description = "Number density of each species [A, B, …] (non-dimensional).", DefaultValueFactory = _ => "0.78,0.21" };
        var temperatures = new Option<string>("--temperatures") { Description = "Initial temperature of each species [A, B, …] (k_B = 1, non-dimensional).", DefaultValueFactory = _ => "1.5,0.5" };
        var drifts = new Option<string>("--drifts") { Description = "Initial drift velocity of each species along x [A, B, …].", DefaultValueFactory = _ => "0,0" };
        var gamma = new Option<double?>("--gamma") { Description = "Exponent γ of |v − v*|^γ: Boltzmann (−3, 1], default −1 (ignored by hard-spheres, γ = 1); Landau [−3, 1], default −3 (Coulomb)." };
        var collision = new Option<string>("--operator") { Description = "Collision operator: boltzmann (fast spectral, b_ω ∝ |cos θ|) or landau (spectral, Φ = |z|^(γ+2) Π(z), unit couplings, Flynn & Guo's normalisation).", DefaultValueFactory = _ => "boltzmann" };
        collision.AcceptOnlyFromAmong("boltzmann", "landau");
        var kernel = new Option<string>("--kernel") { Description = "Angular kernel: abs-cos (b_ω = |cos θ|, the kernel of Wang, Wang & Wu), hard-spheres (γ = 1, unit diameter), maxwell (γ = 0, b_ω = |cos θ|).", DefaultValueFactory = _ => "abs-cos" };
        kernel.AcceptOnlyFromAmong(KernelChoices);
        var n = new Option<int>("--n") { Description = "Grid points per axis N (even, 2^a·3^b·5^c).", DefaultValueFactory = _ => 32 }.GridSize(8, 256);
        var halfWidth = new Option<double?>("--half-width") { Description = "Half-width L of the velocity box [−L, L]³ (default: GridSelection.ForPoints for the initial and equilibrium states at this N, balancing the box against the spacing)." }.InRange(0, 1e4, minOpen: true);
        var finalTime = new Option<double>("--t-final") { Description = "Final time (non-dimensional).", DefaultValueFactory = _ => 8.0 }.InRange(0, 1e6, minOpen: true);
        var outputs = new Option<int>("--rows") { Description = "Rows of the table over time.", DefaultValueFactory = _ => 9 }.InRange(2, 1000);
        var output = OutputPrefix.Create("relax", "PREFIX.csv (history), PREFIX.png and PREFIX.svg (temperatures and entropy)");
        var snapshot = OutputPrefix.CreateFile("--snapshot", "HDF5 file of the final distributions (species, grid, time, moments), e.g. out/relax.h5.");
        var checkpoint = OutputPrefix.CreateFile("--checkpoint", "HDF5 checkpoint rewritten every --checkpoint-every steps and at the end; continue an interrupted run with --restart.");
        var checkpointEvery = new Option<int>("--checkpoint-every") { Description = "Accepted steps between checkpoints.", DefaultValueFactory = _ => 10 }.InRange(1, 1_000_000);
        var restart = new Option<string?>("--restart") { Description = "Continue from this checkpoint (same options as the interrupted run); the result equals the uninterrupted run's bit for bit." };
        var maxSteps = new Option<int>("--max-steps") { Description = "Budget of accepted steps (restarts included); the run stops there with a warning, resumable from its checkpoint.", DefaultValueFactory = _ => 1_000_000 }.InRange(1, 1_000_000);
        var grids = new Option<string>("--grids") { Description = $"Velocity grids: auto (default) = one grid per species when the species' widest thermal speeds √(T/m) (initial or equilibrium) differ by more than {GridSelection.PerSpeciesThreshold:G2}× and --half-width is not given, else one shared grid; per-species = always (each species on N³ points, its box from GridSelection.ForSpecies; no checkpoints or snapshots); shared = one grid for all species (docs/species-grids.md).", DefaultValueFactory = _ => "auto" };
        grids.AcceptOnlyFromAmong("auto", "per-species", "shared");
        var json = JsonOutput.CreateOption();
        var command = new Command("relax", "Relax a gas mixture to equilibrium with the multi-species Boltzmann or Landau operator (the main demonstration).")
        {
            names, masses, densities, temperatures, drifts, collision, gamma, kernel, n, halfWidth, grids, finalTime, outputs, output, snapshot, checkpoint, checkpointEvery, restart, maxSteps, json,
        };
        command.SetAction(parse =>
        {
            var io = new JsonOutput(parse.GetValue(json));
            var settings = RelaxSettings.Parse(
                parse.GetValue(names)!, parse.GetValue(masses)!, parse.GetValue(densities)!, parse.GetValue(temperatures)!, parse.GetValue(drifts)!,
                parse.GetValue(collision)!, parse.GetValue(gamma), parse.GetValue(kernel)!, parse.GetValue(n), parse.GetValue(halfWidth), parse.GetValue(finalTime),
                parse.GetValue(outputs), OutputPrefix.Normalize(parse.GetValue(output)!), parse.GetValue(grids)!);
            var files = new RelaxFiles(parse.GetValue(snapshot), parse.GetValue(checkpoint), parse.GetValue(checkpointEvery), parse.GetValue(restart), parse.GetValue(maxSteps));
            return Run(settings, files, io);
        });
        return command;
    }

    private static int Run(RelaxSettings settings, RelaxFiles files, JsonOutput io)
    {
        var mixture = settings.Mixture;
        var history = new List<Sample>();
        var clock = Stopwatch.StartNew();
        Func<IProgress<SolverProgress>, CancellationToken, SpaceHomogeneousResult> run;
        if (settings.SpeciesGrids is { } speciesGrids)
        {
            RelaxPerSpecies.Validate(files);
            run = RelaxPerSpecies.Prepare(settings, speciesGrids, files, io, (t, _, state) => history.Add(Sample.Of(t, mixture, speciesGrids, state)));
        }
        else
        {
            run = PrepareShared(settings, files, io, history);
        }

        // Ctrl+C stops between steps; the checkpoint (if any) is written before the command exits with code 130.
        SpaceHomogeneousResult? result = null;
        using var interrupt = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            interrupt.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            ProgressDisplay.Run(io, "relaxing", report => result = run(new InlineProgress(p => report(p.Fraction)), interrupt.Token));
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }

        if (result!.Stop == SolverStop.Failed)
        {
            // The solver returned what it computed before the failure: the history so far is written and reported, and
            // the result is marked meaningless (exit code 3, an `error` field under --json).
            io.Warn(string.Create(CultureInfo.InvariantCulture, $"the run stopped at t = {result.Time:G6} < --t-final {settings.FinalTime:G6}: {result.StopReason}; the output holds the {result.Steps} steps computed before."), meaningless: true);
        }
        else if (result.Time < settings.FinalTime)
        {
            string how = files.Checkpoint is null ? "add --checkpoint to be able to continue it" : $"continue it with --restart {files.Checkpoint}";
            io.Warn(string.Create(CultureInfo.InvariantCulture, $"the step budget --max-steps {files.MaxSteps} stopped the run at t = {result.Time:G6} < --t-final {settings.FinalTime:G6}; {how}."));
        }

        if (files.Snapshot is not null)
        {
            Kinetics.Cli.Snapshots.SnapshotFile.Write(files.Snapshot, RelaxCheckpoints.ToSnapshot(result, mixture, new CartesianGrid(settings.N, settings.HalfWidth), withCounters: false));
        }
        double wall = clock.Elapsed.TotalSeconds;

        var first = history[0];
        double maxMass = history.Max(h => h.MassDrift(first));
        double maxMomentum = history.Max(h => h.MomentumDrift(first));
        double maxEnergy = history.Max(h => h.EnergyDrift(first));
        double maxNegative = history.Max(h => h.NegativeFraction);
        bool monotone = history.Zip(history.Skip(1)).All(pair => pair.Second.Entropy <= pair.First.Entropy + (1e-12 * Math.Abs(pair.First.Entropy)));
        var last = history[^1];
        double equilibrium = EquilibriumTemperature(first);

        WriteTable(io.Human, history, settings, mixture);
        CheckSanity(io, history, monotone, maxMass, maxMomentum, maxEnergy);
        string csv = settings.OutputPrefix + ".csv";
        WriteCsv(csv, history, mixture);
        var figures = WritePlot(settings.OutputPrefix, history, mixture, equilibrium);
        string png = figures[0], svg = figures[1];
        io.Human.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"t = {last.Time:G4}: T = [{string.Join(", ", last.Temperatures.Select(t => t.ToString("F6", CultureInfo.InvariantCulture)))}], equilibrium T = {equilibrium:F6}; " +
            $"{result!.Steps} steps, {result.Evaluations} evaluations, {wall:F1} s. Entropy monotone: {monotone}. " +
            $"Max drift: mass {maxMass:E2}, momentum {maxMomentum:E2}, energy {maxEnergy:E2}."));
        io.Human.MarkupLine($"Wrote [blue]{Markup.Escape(csv)}[/], [blue]{Markup.Escape(png)}[/] and [blue]{Markup.Escape(svg)}[/].");

        io.WriteResult(new Dictionary<string, object?>
        {
            ["t_final"] = last.Time,
            ["T"] = last.Temperatures,
            ["T_equilibrium"] = equilibrium,
            ["entropy_monotone"] = monotone,
            ["max_mass_drift"] = maxMass,
            ["max_momentum_drift"] = maxMomentum,
            ["max_energy_drift"] = maxEnergy,
            ["max_negative_fraction"] = maxNegative,
            ["steps"] = result.Steps,
            ["limited_steps"] = result.LimitedSteps,
            ["smallest_limiter_factor"] = result.SmallestLimiterFactor,
            ["evaluations"] = result.Evaluations,
            ["wall_s"] = wall,
            ["grids"] = settings.SpeciesGrids is null ? "shared" : "per-species",
            ["state_sha256"] = RelaxCheckpoints.Fingerprint(result.State),
            ["snapshot"] = files.Snapshot,
            ["checkpoint"] = files.Checkpoint,
            ["csv"] = csv,
            ["png"] = png,
            ["svg"] = svg,
        });
        return 0;
    }

    private static Func<IProgress<SolverProgress>, CancellationToken, SpaceHomogeneousResult> PrepareShared(RelaxSettings settings, RelaxFiles files, JsonOutput io, List<Sample> history)
    {
        var mixture = settings.Mixture;
        int s = mixture.Count;
        var grid = new CartesianGrid(settings.N, settings.HalfWidth);
        var start = RelaxCheckpoints.ReadRestart(files.Restart, mixture, grid);
        ICollisionOperator op;
        string description;
        if (settings.Landau is LandauKernel landau)
        {
            op = SpectralLandauOperator.Create(grid, mixture, LandauCouplings.Uniform(s, 1.0), landau);
            description = $"Landau, Φ = |z|^({landau.Gamma:G4}+2) Π(z)";
        }
        else
        {
            // The operator's input check is off: the solver measures resolution itself and reports it (ResolutionPolicy);
            // the default box balances the box against the spacing, so at N = 16 the tails reach ~1e−3 of the peak at the face.
            var boltzmann = BoltzmannOperator.Create(
                grid,
                CollisionKernelTable.Uniform(mixture, settings.Kernel),
                new BoltzmannOptions { ResolutionTolerance = double.PositiveInfinity, MaxDegreeOfParallelism = Math.Clamp(Environment.ProcessorCount, 1, 4) });
            op = boltzmann;
            description = $"Boltzmann, {settings.Kernel}, {boltzmann.FftsPerEvaluation} FFTs per evaluation";
        }

        // Δt = 1/ν_max from the operator's stiffness (Boltzmann: collision frequency, SSP-RK3 keeps positivity of the
        // loss part for ν Δt ≤ 1; Landau: the parabolic bound of its diffusion on the grid).
        // The relative-rate part of the step control looks at the bulk only (F > 1e−3 max F): in the far tails spectral
        // ringing fakes rates far above ν, and the collision frequency already bounds the stiffness. Steady-state preserving
        // evaluation and the equilibrium limiter keep coarse grids (N = 16) stable over long runs (docs/boltzmann.md,
        // "Long runs at coarse grids").
        var solver = SpaceHomogeneousSolver.Create(op, new SpaceHomogeneousOptions
        {
            Scheme = TimeScheme.SspRk3, Courant = 1.0, RateFloor = 1e-3, SteadyStatePreserving = true, EquilibriumLimiter = true,
            MaxSteps = files.MaxSteps, PartialResultOnFailure = true,
        });

        double[] initial = new double[s * grid.Count];
        for (int a = 0; a < s; a++)
        {
            DiscreteMaxwellian.Fill(grid, settings.States[a], mixture[a].Mass, initial.AsSpan(a * grid.Count, grid.Count));
        }

        io.Human.MarkupLine(CultureInfo.InvariantCulture, $"[bold]kinetics relax[/]: {Markup.Escape(mixture.ToString())}, {Markup.Escape(description)}, {Markup.Escape(grid.ToString())}");
        if (start is not null)
        {
            history.Add(Sample.Of(start.Time, mixture, grid, start.State));
            io.Human.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Restarting from {files.Restart} at t = {start.Time:G6} after {start.Steps} steps."));
        }

        return (progress, token) => RelaxCheckpoints.Run(
            solver, initial, start, settings.FinalTime, files, mixture, grid,
            (t, step, state) => history.Add(Sample.Of(t, mixture, grid, state)),
            progress,
            token);
    }

    // The run checks itself: NaN makes the result meaningless (exit code 3); an entropy increase or an invariant drift
    // beyond round-off (1e−10 after a few hundred projected stages of O(1) values) is a warning.
    private static void CheckSanity(JsonOutput io, List<Sample> history, bool monotone, double mass, double momentum, double energy)
    {
        var last = history[^1];
        if (!last.Temperatures.All(double.IsFinite) || !double.IsFinite(last.Entropy))
        {
            io.Warn("the final state is not finite (NaN or ∞ in the temperatures or the entropy): the run diverged; reduce --t-final or refine --n.", meaningless: true);
            return;
        }

        if (!monotone)
        {
            io.Warn("the entropy increased during the run (the H-theorem is violated): the grid does not resolve the distributions; increase --n or --half-width.");
        }

        if (Math.Max(mass, Math.Max(momentum, energy)) > 1e-10)
        {
            io.Warn(string.Create(CultureInfo.InvariantCulture, $"conservation drift beyond round-off (mass {mass:E1}, momentum {momentum:E1}, energy {energy:E1})."));
        }
    }

    // Common temperature of the equilibrium with the same total mass, momentum and energy: (3/2) n T = E − ½ρ|u|².
    private static double EquilibriumTemperature(Sample s)
    {
        double n = s.Densities.Sum(), rho = s.MassDensity;
        Velocity3 u = s.Momentum / rho;
        return (s.Energy - (0.5 * rho * u.LengthSquared)) / (1.5 * n);
    }

    private static void WriteTable(IAnsiConsole console, List<Sample> history, RelaxSettings settings, Mixture mixture)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("t");
        foreach (var species in mixture)
        {
            table.AddColumn($"T {Markup.Escape(species.Name)}");
        }

        table.AddColumns("H", "Δmass", "Δmomentum", "Δenergy");
        var first = history[0];
        for (int row = 0; row < settings.Rows; row++)
        {
            double target = settings.FinalTime * row / Math.Max(1, settings.Rows - 1);
            var sample = history.MinBy(h => Math.Abs(h.Time - target))!;
            var cells = new List<string> { sample.Time.ToString("F3", CultureInfo.InvariantCulture) };
            cells.AddRange(sample.Temperatures.Select(t => t.ToString("F6", CultureInfo.InvariantCulture)));
            cells.Add(sample.Entropy.ToString("F6", CultureInfo.InvariantCulture));
            cells.Add(sample.MassDrift(first).ToString("0.0E+0", CultureInfo.InvariantCulture));
            cells.Add(sample.MomentumDrift(first).ToString("0.0E+0", CultureInfo.InvariantCulture));
            cells.Add(sample.EnergyDrift(first).ToString("0.0E+0", CultureInfo.InvariantCulture));
            table.AddRow(cells.ToArray());
        }

        console.Write(table);
    }

    private static void WriteCsv(string path, List<Sample> history, Mixture mixture)
    {
        var csv = new StringBuilder();
        csv.Append("t,").Append(string.Join(',', mixture.Select(s => "T_" + s.Name))).Append(",entropy,mass_drift,momentum_drift,energy_drift\n");
        var first = history[0];
        foreach (var h in history)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{h.Time:R},{string.Join(',', h.Temperatures.Select(t => t.ToString("R", CultureInfo.InvariantCulture)))},{h.Entropy:R},{h.MassDrift(first):R},{h.MomentumDrift(first):R},{h.EnergyDrift(first):R}\n");
        }

        File.WriteAllText(path, csv.ToString());
    }

    private static IReadOnlyList<string> WritePlot(string prefix, List<Sample> history, Mixture mixture, double equilibrium)
    {
        var times = history.Select(h => h.Time).ToList();
        var temperatures = new Figure { Title = "Species temperatures", XLabel = "t", YLabel = "T", Height = 380 };
        for (int a = 0; a < mixture.Count; a++)
        {
            int species = a;
            temperatures.Add(new PlotSeries($"T {mixture[a].Name}", times, history.Select(h => h.Temperatures[species]).ToList()));
        }

        temperatures.AddReference(equilibrium, "common equilibrium T");
        var entropy = new Figure { Title = "Entropy H = Σ ∫ F log F dv (non-increasing)", XLabel = "t", YLabel = "H", Height = 320 };
        entropy.Add(new PlotSeries("H", times, history.Select(h => h.Entropy).ToList()));
        return Figure.SaveStacked(prefix, temperatures, entropy);
    }

    private sealed class InlineProgress(Action<SolverProgress> report) : IProgress<SolverProgress>
    {
        public void Report(SolverProgress value) => report(value);
    }

    internal sealed record Sample(double Time, double[] Densities, double[] Temperatures, double MassDensity, Velocity3 Momentum, double Energy, double Entropy, double NegativeFraction)
    {
        public static Sample Of(double time, Mixture mixture, CartesianGrid grid, ReadOnlySpan<double> state)
        {
            int s = mixture.Count;
            var distributions = new DistributionFunction[s];
            for (int a = 0; a < s; a++)
            {
                distributions[a] = new DistributionFunction(grid, state.Slice(a * grid.Count, grid.Count));
            }

            var moments = MixtureMoments.Of(mixture, distributions);
            return new Sample(
                time,
                moments.Species.Select(m => m.Density).ToArray(),
                moments.Species.Select(m => m.Temperature).ToArray(),
                moments.MassDensity,
                moments.Momentum,
                moments.Energy,
                Kinetics.Moments.Entropy.Of(distributions).Value,
                NegativeFractionOf(state, s, grid.Count));
        }

        /// <summary>The sample of a state on per-species grids: every moment and the entropy on the species' own grid, in
        /// physical velocities.</summary>
        public static Sample Of(double time, Mixture mixture, SpeciesGrids grids, ReadOnlySpan<double> state)
        {
            int s = mixture.Count;
            var moments = new SpeciesMoments[s];
            var entropy = default(Kinetics.Moments.Entropy);
            double worstNegative = 0;
            for (int a = 0; a < s; a++)
            {
                ReadOnlySpan<double> slice = grids.Slice(state, a);
                moments[a] = SpeciesMoments.Of(grids[a], slice, mixture[a].Mass);
                entropy += Kinetics.Moments.Entropy.Of(new DistributionFunction(grids[a].Grid, slice));
                worstNegative = Math.Max(worstNegative, NegativeFractionOf(slice, 1, slice.Length));
            }

            return new Sample(
                time,
                moments.Select(m => m.Density).ToArray(),
                moments.Select(m => m.Temperature).ToArray(),
                moments.Sum(m => m.MassDensity),
                moments.Aggregate(Velocity3.Zero, (sum, m) => sum + m.Momentum),
                moments.Sum(m => m.Energy),
                entropy.Value,
                worstNegative);
        }

        // max over species of ∫max(−F, 0) / ∫|F|.
        private static double NegativeFractionOf(ReadOnlySpan<double> state, int species, int count)
        {
            double worst = 0;
            for (int a = 0; a < species; a++)
            {
                double negative = 0, total = 0;
                foreach (double value in state.Slice(a * count, count))
                {
                    total += Math.Abs(value);
                    negative += Math.Max(-value, 0);
                }

                worst = Math.Max(worst, total > 0 ? negative / total : 0);
            }

            return worst;
        }

        public double MassDrift(Sample first) => Densities.Zip(first.Densities).Max(d => Math.Abs(d.First - d.Second) / d.Second);

        // Relative to the momentum scale ρ·c, c = √(2E/ρ) the energy speed of the mixture.
        public double MomentumDrift(Sample first) => (Momentum - first.Momentum).Length / (first.MassDensity * Math.Sqrt(2 * first.Energy / first.MassDensity));

        public double EnergyDrift(Sample first) => Math.Abs(Energy - first.Energy) / first.Energy;
    }
}
