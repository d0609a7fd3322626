using System.CommandLine;
using System.Globalization;
using Kinetics.Benchmarking;
using Kinetics.Boltzmann;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Mixtures;
using Kinetics.Quadrature;
using Spectre.Console;

namespace Kinetics.Cli.Commands;

/// <summary>
/// `kinetics bench boltzmann --n N --species S [--kernel isotropic|vss] [--sphere RULE] [--radial R] [--threads T] [--json]`:
/// time per evaluation of the fast spectral operator (one species, or the mixture of masses 1, 4, 2, 8 cut to S species),
/// its FFT count, the FFT-bound floor (FFT count × measured time of one real transform) and bytes allocated per
/// evaluation. Steady state (bench/Shared/SteadyStateTiming.cs): warm-up until tier-up, then alternating rounds of the
/// evaluation, the floor and, with T &gt; 1, the serial evaluation, so that `speedup` (serial / T lanes, median of the
/// per-round ratios) is measured in the same run.
/// </summary>
internal static class BenchBoltzmannCommand
{
    private static readonly double[] MixtureMasses = [1.0, 4.0, 2.0, 8.0];

    /// <summary>The `boltzmann` subcommand (the lead attaches it under `bench`).</summary>
    public static Command Create()
    {
        var n = new Option<int>("--n") { Description = "Points per axis N (even, factors 2, 3, 5).", DefaultValueFactory = _ => 32 }.GridSize(8, 256);
        var species = new Option<int>("--species") { Description = "Species count 1–4 (masses 1, 4, 2, 8 in that order).", DefaultValueFactory = _ => 1 }.InRange(1, MixtureMasses.Length);
        var kernel = new Option<string>("--kernel") { Description = "isotropic (hard spheres, b_σ = 1/4) or vss (γ = 1, VSS scattering α = 1.5, same total cross-section).", DefaultValueFactory = _ => "isotropic" };
        kernel.Validators.Add(result =>
        {
            string value = result.GetValueOrDefault<string>() ?? string.Empty;
            if (value is not ("isotropic" or "vss"))
            {
                result.AddError($"--kernel must be isotropic or vss (was '{value}').");
            }
        });
        var sphere = new Option<string>("--sphere") { Description = "Sphere rule of every pair: default (per pair), product:D (odd D), lebedev:50, icosahedral:12, icosahedral:32, octahedral:6, octahedral:14, octahedral:26.", DefaultValueFactory = _ => "default" };
        sphere.Validators.Add(result =>
        {
            string value = result.GetValueOrDefault<string>() ?? string.Empty;
            if (!TryParseSphere(value, out _))
            {
                result.AddError($"--sphere must be default, product:D with odd D in [1, 63], lebedev:50, icosahedral:12, icosahedral:32, octahedral:6, octahedral:14 or octahedral:26 (was '{value}').");
            }
        });
        var radial = new Option<int>("--radial") { Description = "Gauss–Jacobi radial nodes of every pair (0: the per-pair default, N/2 or from N = 32 on N/2 − 2 for self and equal-mass pairs).", DefaultValueFactory = _ => 0 }.InRange(0, 512);
        var threads = new Option<int>("--threads") { Description = "Parallel lanes within one evaluation (1: serial); above 1 the serial evaluation is timed in the same rounds and `speedup` printed.", DefaultValueFactory = _ => 1 }.InRange(1, 64);
        var seconds = new Option<double>("--seconds") { Description = "Duration of the timed rounds (after the warm-up).", DefaultValueFactory = _ => 3.0 }.InRange(0.0, 600.0);
        var json = JsonOutput.CreateOption();
        var command = new Command("boltzmann", "Time the fast spectral Boltzmann operator (steady state) against its FFT-bound floor.") { n, species, kernel, sphere, radial, threads, seconds, json };
        command.SetAction(parse =>
        {
            _ = TryParseSphere(parse.GetValue(sphere)!, out var rule); // validated above
            return Run(new Settings(parse.GetValue(n), parse.GetValue(species), parse.GetValue(kernel)!, rule, parse.GetValue(radial), parse.GetValue(threads), parse.GetValue(seconds)), new JsonOutput(parse.GetValue(json)));
        });
        return command;
    }

    /// <summary>The sphere rule named by <paramref name="text"/> (null rule for "default"); false when unknown.</summary>
    internal static bool TryParseSphere(string text, out SphereRule? rule)
    {
        rule = null;
        string[] parts = text.Trim().ToLowerInvariant().Split(':');
        if (parts is ["default"])
        {
            return true;
        }

        if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int value))
        {
            return false;
        }

        rule = (parts[0], value) switch
        {
            ("product", >= 1 and <= 63) when value % 2 == 1 => SphereRule.Product(value),
            ("lebedev", 50) => SphereRule.Lebedev50,
            ("icosahedral", 12) => SphereRule.Icosahedron,
            ("icosahedral", 32) => SphereRule.Icosahedral32,
            ("octahedral", 6) => SphereRule.Octahedron,
            ("octahedral", 14) => SphereRule.Octahedral14,
            ("octahedral", 26) => SphereRule.Octahedral26,
            _ => null,
        };
        return rule is not null;
    }

    private sealed record Settings(int N, int Species, string Kernel, SphereRule? Sphere, int Radial, int Threads, double Seconds);

    private static int Run(Settings settings, JsonOutput output)
    {
        int n = settings.N, speciesCount = settings.Species, threads = settings.Threads;
        double[] masses = MixtureMasses[..speciesCount];
        var mixture = new Mixture(masses.Select((m, i) => new Species($"s{i}", m)));
        var grid = new CartesianGrid(n, 7.0);

        // Hard spheres of diameter 1 (b_σ = 1/4, ∫ b_σ dσ = π), or the same γ and total cross-section with VSS scattering.
        var kernel = settings.Kernel == "vss"
            ? new CollisionKernel(1.0, AngularFunction.VariableSoftSphere(1.5, Math.PI))
            : CollisionKernel.HardSpheres(1.0);
        var table = CollisionKernelTable.Uniform(mixture, kernel);
        var options = new BoltzmannOptions { RadialPoints = settings.Radial, Sphere = settings.Sphere, MaxDegreeOfParallelism = threads };
        var op = BoltzmannOperator.Create(grid, table, options);
        var serial = threads > 1 ? BoltzmannOperator.Create(grid, table, options with { MaxDegreeOfParallelism = 1 }) : null;
        var f = new double[speciesCount * grid.Count];
        for (int a = 0; a < speciesCount; a++)
        {
            // Two displaced bumps per species (non-equilibrium), thermal speed ≈ 0.8.
            var left = new MacroscopicState(0.6, new Velocity3(-0.5, 0, 0), 0.6 * masses[a]);
            var right = new MacroscopicState(0.4, new Velocity3(0.5, 0.2, 0), 0.7 * masses[a]);
            for (int p = 0; p < grid.Count; p++)
            {
                f[(a * grid.Count) + p] = Maxwellian.Evaluate(left, masses[a], grid.Point(p)) + Maxwellian.Evaluate(right, masses[a], grid.Point(p));
            }
        }

        var q = new double[f.Length];
        var workspace = op.CreateWorkspace();
        op.Evaluate(f, q, workspace);
        op.Evaluate(f, q, workspace);
        long before = GC.GetAllocatedBytesForCurrentThread();
        op.Evaluate(f, q, workspace);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The floor: FFT count × time of one real transform, timed as forward/inverse round trips (x → X → x keeps the
        // data, so no copy is timed).
        var fft = op.Plan;
        var fftWorkspace = fft.CreateWorkspace();
        var spectrum = new System.Numerics.Complex[fft.HalfSpectrumCount];
        var real = f.AsSpan(0, grid.Count).ToArray();
        int transforms = op.FftsPerEvaluation;
        void Floor()
        {
            for (int t = 0; t + 1 < transforms; t += 2)
            {
                fft.ForwardReal(real, spectrum, fftWorkspace);
                fft.InverseRealOverwritingInput(spectrum, real, fftWorkspace);
            }

            if (transforms % 2 == 1)
            {
                fft.ForwardReal(real, spectrum, fftWorkspace);
            }
        }

        // Alternating rounds: evaluation, floor and (threads > 1) the serial evaluation, each with its own workspace.
        var cases = new List<Action> { () => op.Evaluate(f, q, workspace), Floor };
        if (serial is not null)
        {
            var serialWorkspace = serial.CreateWorkspace();
            var serialResult = new double[f.Length];
            cases.Add(() => serial.Evaluate(f, serialResult, serialWorkspace));
        }

        var timing = SteadyStateTiming.Measure(cases, settings.Seconds);
        double evaluation = timing.Cases[0].MedianMs, floor = timing.Cases[1].MedianMs;
        double ratio = 1.0 / timing.RatiosToFirst[1];
        double transform = floor / transforms;
        double? speedup = serial is null ? null : timing.RatiosToFirst[2];
        double? serialMs = serial is null ? null : timing.Cases[2].MedianMs;
        string spheres = string.Join(", ", Enumerable.Range(0, speciesCount).SelectMany(a => Enumerable.Range(a, speciesCount - a).Select(b => $"({a},{b}) {op.SphereFor(a, b).Count}")));

        output.Human.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Boltzmann N = {n}, {speciesCount} species, {settings.Kernel} kernel, sphere points {spheres}, {op.RadialPoints} radial nodes, {threads} lane(s): " +
            $"{evaluation:F2} ms per evaluation (min {timing.Cases[0].MinMs:F2}), {op.FftsPerEvaluation} FFTs, floor {floor:F2} ms ({transform:F4} ms per real FFT), ratio {ratio:F2}, " +
            $"{allocated} bytes allocated{(speedup is { } s ? string.Create(CultureInfo.InvariantCulture, $", serial {serialMs:F2} ms, speed-up {s:F2}") : string.Empty)}" +
            $" ({timing.TimedRounds} rounds after {timing.WarmupRounds} warm-up rounds{(timing.TieredUp ? string.Empty : ", warm-up budget spent before the JIT was quiet")})"));
        output.WriteResult(new
        {
            n,
            species = speciesCount,
            kernel = settings.Kernel,
            sphere = settings.Sphere?.Name ?? "default",
            sphere_points = Enumerable.Range(0, speciesCount).SelectMany(a => Enumerable.Range(a, speciesCount - a).Select(b => op.SphereFor(a, b).Count)).ToArray(), // pairs (0,0), (0,1), …, (1,1), …
            radial = op.RadialPoints,
            threads,
            ms_per_eval = evaluation,
            ms_min = timing.Cases[0].MinMs,
            ms_median = evaluation,
            ms_per_eval_serial = serialMs,
            speedup,
            ffts_per_eval = op.FftsPerEvaluation,
            ms_per_fft = transform,
            fft_floor_ms = floor,
            ratio_to_floor = ratio,
            allocated_bytes = allocated,
            warmup_rounds = timing.WarmupRounds,
            timed_rounds = timing.TimedRounds,
            tiered_up = timing.TieredUp,
        });
        return 0;
    }
}
