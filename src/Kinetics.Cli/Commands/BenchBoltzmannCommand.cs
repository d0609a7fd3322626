using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Kinetics.Boltzmann;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Mixtures;
using Spectre.Console;

namespace Kinetics.Cli.Commands;

/// <summary>
/// `kinetics bench boltzmann --n N --species 1|2 [--json]`: one thread, time per evaluation of the fast spectral operator
/// (hard spheres; one species, or the 1:4 mixture), its FFT count, the FFT-bound floor (FFT count × measured time of one
/// real transform, timed in rounds alternating with the evaluations) and bytes allocated per evaluation.
/// </summary>
internal static class BenchBoltzmannCommand
{
    /// <summary>The `boltzmann` subcommand (the lead attaches it under `bench`).</summary>
    public static Command Create()
    {
        var n = new Option<int>("--n") { Description = "Points per axis N (even, factors 2, 3, 5).", DefaultValueFactory = _ => 32 }.GridSize(8, 256);
        var species = new Option<int>("--species") { Description = "1 (one gas) or 2 (masses 1 and 4).", DefaultValueFactory = _ => 1 }.InRange(1, 2);
        var radial = new Option<int>("--radial") { Description = "Gauss–Jacobi radial nodes (0: N/2).", DefaultValueFactory = _ => 0 }.InRange(0, 512);
        var threads = new Option<int>("--threads") { Description = "Parallel lanes over radial nodes within one evaluation (1: serial).", DefaultValueFactory = _ => 1 }.InRange(1, 64);
        var json = JsonOutput.CreateOption();
        var command = new Command("boltzmann", "Time the fast spectral Boltzmann operator against its FFT-bound floor.") { n, species, radial, threads, json };
        command.SetAction(parse => Run(parse.GetValue(n), parse.GetValue(species), parse.GetValue(radial), parse.GetValue(threads), new JsonOutput(parse.GetValue(json))));
        return command;
    }

    private static int Run(int n, int speciesCount, int radial, int threads, JsonOutput output)
    {
        double[] masses = speciesCount == 1 ? [1.0] : [1.0, 4.0];
        var mixture = new Mixture(masses.Select((m, i) => new Species($"s{i}", m)));
        var grid = new CartesianGrid(n, 7.0);
        var op = BoltzmannOperator.Create(grid, CollisionKernelTable.Uniform(mixture, CollisionKernel.HardSpheres(1.0)), new BoltzmannOptions { RadialPoints = radial, MaxDegreeOfParallelism = threads });
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
        // data, so no copy is timed). Evaluation and floor are timed in alternating rounds, so that both see the same
        // machine load (this VM is shared); each figure is the median over the rounds, the ratio the median of the
        // per-round ratios.
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

        Floor();
        var (evaluation, floor, ratio) = AlternatingMedians(() => op.Evaluate(f, q, workspace), Floor, 3.0);
        double transform = floor / transforms;

        output.Human.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Boltzmann N = {n}, {speciesCount} species, {op.RadialPoints} radial nodes, {threads} lane(s): {evaluation:F2} ms per evaluation, {op.FftsPerEvaluation} FFTs, " +
            $"floor {floor:F2} ms ({transform:F4} ms per real FFT), ratio {ratio:F2}, {allocated} bytes allocated"));
        output.WriteResult(new
        {
            n,
            species = speciesCount,
            radial = op.RadialPoints,
            threads,
            ms_per_eval = evaluation,
            ffts_per_eval = op.FftsPerEvaluation,
            ms_per_fft = transform,
            fft_floor_ms = floor,
            ratio_to_floor = ratio,
            allocated_bytes = allocated,
        });
        return 0;
    }

    // Medians (ms) of the two actions' times and of their per-round ratio, over alternating rounds for about `seconds`
    // (at least 5 rounds).
    private static (double First, double Second, double Ratio) AlternatingMedians(Action first, Action second, double seconds)
    {
        var a = new List<double>();
        var b = new List<double>();
        var ratios = new List<double>();
        long start = Stopwatch.GetTimestamp();
        while (a.Count < 5 || (Stopwatch.GetElapsedTime(start).TotalSeconds < seconds && a.Count < 2001))
        {
            long t = Stopwatch.GetTimestamp();
            first();
            double x = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            t = Stopwatch.GetTimestamp();
            second();
            double y = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            a.Add(x);
            b.Add(y);
            ratios.Add(x / y);
        }

        return (Median(a), Median(b), Median(ratios));
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
