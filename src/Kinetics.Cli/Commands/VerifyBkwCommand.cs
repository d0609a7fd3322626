using System.CommandLine;
using System.Globalization;
using Kinetics.Benchmarking;
using Kinetics.Boltzmann;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Quadrature;
using Spectre.Console;

namespace Kinetics.Cli.Commands;

/// <summary>
/// `kinetics verify bkw --n N [--radial R] [--sphere M] [--half-width L] [--json]`: the fast spectral Boltzmann operator on
/// the BKW profile (Maxwell molecules, b_σ = 1/(4π), n = T = m = 1) at K = 0.7 (t = 6 ln(10/3), where f &gt; 0) against the
/// exact Q(f, f) = (1 − K)/6 ∂_K f (docs/math#exact-oracles): L∞ and L¹ errors, time per evaluation (steady state: warm-up until tier-up, then median and minimum) and FFTs per
/// evaluation.
/// </summary>
internal static class VerifyBkwCommand
{
    private const double K = 0.7;

    /// <summary>The `bkw` subcommand (the lead attaches it under `verify`).</summary>
    public static Command Create()
    {
        var n = new Option<int>("--n") { Description = "Points per axis N (even, factors 2, 3, 5).", DefaultValueFactory = _ => 32 }.GridSize(8, 256);
        var radial = new Option<int>("--radial") { Description = "Gauss–Jacobi radial nodes of every pair (0: the per-pair default, N/2 or from N = 32 on N/2 − 2 for self and equal-mass pairs).", DefaultValueFactory = _ => 0 }.InRange(0, 512);
        var sphere = new Option<int>("--sphere") { Description = "Sphere points: 6, 12, 14, 26, 32 (symmetric rules) or 2p² (p × 2p product rule).", DefaultValueFactory = _ => 12 };
        var halfWidth = new Option<double>("--half-width") { Description = "Box half-width L in thermal speeds, 0 or in [4, 16] (0: a size-dependent default; below 4 the BKW profile is cut off by the box, above 16 the grid no longer resolves it).", DefaultValueFactory = _ => 0 };
        halfWidth.Validators.Add(result =>
        {
            double value = result.GetValueOrDefault<double>();
            if (value != 0 && !(value >= 4 && value <= 16))
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"--half-width must be 0 (default) or in [4, 16] (was {value:G6})."));
            }
        });
        var json = JsonOutput.CreateOption();
        var command = new Command("bkw", "Accuracy of the fast Boltzmann operator on the exact BKW solution.") { n, radial, sphere, halfWidth, json };
        command.SetAction(parse => Run(parse.GetValue(n), parse.GetValue(radial), parse.GetValue(sphere), parse.GetValue(halfWidth), new JsonOutput(parse.GetValue(json))));
        return command;
    }

    /// <summary>Default box half-width for the BKW check (balances truncation at R = 0.906 L against resolution; docs/boltzmann.md).</summary>
    internal static double DefaultHalfWidth(int n) => n switch { <= 16 => 6.0, <= 24 => 6.5, <= 32 => 7.0, _ => 8.0 };

    /// <summary>The sphere rule with <paramref name="points"/> points, or null when no offered rule has that many.</summary>
    internal static SphereRule? SphereWithPoints(int points)
    {
        switch (points)
        {
            case 6: return SphereRule.Octahedron;
            case 12: return SphereRule.Icosahedron;
            case 14: return SphereRule.Octahedral14;
            case 26: return SphereRule.Octahedral26;
            case 32: return SphereRule.Icosahedral32;
        }

        // Product(2p − 1): p Gauss nodes × 2p azimuths (antipodal because 2p is even).
        int p = (int)Math.Round(Math.Sqrt(points / 2.0));
        return p >= 1 && p <= 64 && 2 * p * p == points ? SphereRule.Product((2 * p) - 1) : null;
    }

    private static int Run(int n, int radial, int spherePoints, double halfWidth, JsonOutput output)
    {
        var sphere = SphereWithPoints(spherePoints)
            ?? throw new ArgumentException($"--sphere must be 6, 12, 14, 26, 32 or 2p² for p in [1, 64] (was {spherePoints}).");

        double l = halfWidth > 0 ? halfWidth : DefaultHalfWidth(n);
        var grid = new CartesianGrid(n, l);
        var kernel = CollisionKernel.MaxwellMolecules(AngularFunction.Isotropic(1.0 / (4.0 * Math.PI)));
        var op = BoltzmannOperator.Create(grid, kernel, 1.0, new BoltzmannOptions { RadialPoints = radial, Sphere = sphere });
        var f = new double[grid.Count];
        var exact = new double[grid.Count];
        for (int p = 0; p < grid.Count; p++)
        {
            f[p] = BkwSolution.Evaluate(K, grid.Point(p));
            exact[p] = BkwSolution.CollisionTerm(K, grid.Point(p));
        }

        var q = new double[grid.Count];
        var workspace = op.CreateWorkspace();
        // Steady state (bench/Shared/SteadyStateTiming.cs): warm-up until tier-up, then about 1 s of timed calls; the
        // median is the figure, the minimum the least disturbed call.
        var timing = SteadyStateTiming.Measure([() => op.Evaluate(f, q, workspace)], seconds: 1.0, minRounds: 5);
        double ms = timing.Cases[0].MedianMs;
        double linf = 0, l1 = 0;
        for (int p = 0; p < grid.Count; p++)
        {
            double e = Math.Abs(q[p] - exact[p]);
            linf = Math.Max(linf, e);
            l1 += e * grid.CellVolume;
        }

        output.Human.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"BKW (K = {K}) N = {n}, L = {l}, {op.RadialPoints} radial nodes, {sphere.Name}: L∞ {linf:E3}, L¹ {l1:E3}, {ms:F3} ms per evaluation (median; min {timing.Cases[0].MinMs:F3}, {timing.TimedRounds} calls after {timing.WarmupRounds} warm-up calls), {op.FftsPerEvaluation} FFTs"));
        output.WriteResult(new
        {
            n,
            linf,
            l1,
            ms_per_eval = ms,
            ms_min = timing.Cases[0].MinMs,
            ms_median = ms,
            timed_calls = timing.TimedRounds,
            warmup_calls = timing.WarmupRounds,
            tiered_up = timing.TieredUp,
            ffts_per_eval = op.FftsPerEvaluation,
            half_width = l,
            radial = op.RadialPoints,
            sphere_points = sphere.Count,
        });
        return 0;
    }
}
