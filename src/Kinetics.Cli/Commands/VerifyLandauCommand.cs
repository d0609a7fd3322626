using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Kinetics.Conservation;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Landau;
using Spectre.Console;
using Kinetics.Mixtures;

namespace Kinetics.Cli.Commands;

/// <summary>
/// `kinetics verify landau`: the 3-D spectral Landau operator against the closed forms of the unit Maxwellian
/// (Coulomb; for other γ against the pointwise reference quadrature), the equilibrium residual Q(𝓜, 𝓜), and the
/// conservation of a random non-Maxwellian mixture after the conservative correction.
/// </summary>
internal static class VerifyLandauCommand
{
    private const double HalfWidth = 8.0;
    private const double CompareRadius = 3.0;

    public static Command Create()
    {
        var n = new Option<int>("--n") { Description = "Grid points per axis (factors 2, 3, 5; box [−8, 8]³, kernel truncated at R = 8).", DefaultValueFactory = _ => 16 }.GridSize(8, 128);
        var gamma = new Option<double>("--gamma") { Description = "Kernel exponent γ ∈ [−3, 1] (−3 = Coulomb; closed forms exist only for Coulomb).", DefaultValueFactory = _ => -3.0 }.InRange(-3, 1);
        var json = JsonOutput.CreateOption();
        var command = new Command("landau", "Verify the spectral Landau operator: A[𝓜], a[𝓜] vs closed forms, Q(𝓜, 𝓜) = 0, conservation after correction, timing.")
        {
            n, gamma, json,
        };
        command.SetAction(parse =>
        {
            var output = new JsonOutput(parse.GetValue(json));
            var result = Run(parse.GetValue(n), parse.GetValue(gamma));
            foreach (var (key, value) in result)
            {
                output.Human.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key,-22} {value:G6}"));
            }

            output.WriteResult(result);

            return 0;
        });
        return command;
    }

    internal static Dictionary<string, double> Run(int n, double gamma)
    {
        var grid = new CartesianGrid(n, HalfWidth);
        var kernel = new LandauKernel(gamma);
        var single = new Mixture(new Species("unit", 1.0));
        var op = SpectralLandauOperator.Create(grid, single, LandauCouplings.Uniform(1), kernel);
        var ws = op.CreateWorkspace();
        int count = grid.Count;
        var m = Maxwellian.OnGrid(grid, MacroscopicState.Unit, 1.0);
        var k = new double[6 * count];
        var b = new double[3 * count];
        op.ComputeFields(m.ReadOnlyValues, k, b, ws);

        // Fields against the closed forms (Coulomb) or the reference quadrature (other γ, at up to 12 points).
        double errA = 0, err1 = 0, err2 = 0, scaleA = 0, scale1 = 0, scale2 = 0;
        int sampled = 0;
        var analytic = AnalyticDistribution.Maxwellian(MacroscopicState.Unit, 1.0);
        for (int p = 0; p < count; p++)
        {
            var v = grid.Point(p);
            double rho = v.Length;
            if (rho > CompareRadius || (!kernel.IsCoulomb && (p % 97 != 0 || sampled >= 12)))
            {
                continue;
            }

            sampled++;
            var numeric = new SymmetricMatrix3(k[p], k[count + p], k[(2 * count) + p], k[(3 * count) + p], k[(4 * count) + p], k[(5 * count) + p]);
            SymmetricMatrix3 exact = kernel.IsCoulomb
                ? LandauMaxwellian.DiffusionMatrix(v, MacroscopicState.Unit, 1.0)
                : LandauReferenceEvaluator.Fields(kernel, analytic.Value, v, HalfWidth).Diffusion;
            var unit = v / rho;
            double l1 = exact.Quadratic(unit), l2 = (exact.Trace - l1) / 2;
            errA = Math.Max(errA, Math.Abs(numeric.Trace - exact.Trace));
            err1 = Math.Max(err1, Math.Abs(numeric.Quadratic(unit) - l1));
            err2 = Math.Max(err2, Math.Abs(((numeric.Trace - numeric.Quadratic(unit)) / 2) - l2));
            scaleA = Math.Max(scaleA, Math.Abs(exact.Trace));
            scale1 = Math.Max(scale1, Math.Abs(l1));
            scale2 = Math.Max(scale2, Math.Abs(l2));
        }

        // Equilibrium residual, relative to max F · max tr K (the size of each term of Q).
        var q = new double[count];
        var clock = Stopwatch.StartNew();
        op.Evaluate(m.ReadOnlyValues, q, ws);
        double residual = 0, traceMax = 0;
        for (int p = 0; p < count; p++)
        {
            if (grid.Point(p).Length <= CompareRadius)
            {
                residual = Math.Max(residual, Math.Abs(q[p]));
            }

            traceMax = Math.Max(traceMax, k[p] + k[(3 * count) + p] + k[(5 * count) + p]);
        }

        residual /= m.ReadOnlyValues.ToArray().Max() * traceMax;

        // Random non-Maxwellian mixture (masses 1 : 4, variances T/m ≈ 1), conservation after the projection.
        var pair = new Mixture(new Species("light", 1.0, 1.0), new Species("heavy", 4.0, 2.0));
        var mixture = SpectralLandauOperator.Create(grid, pair, LandauCouplings.Coulomb(pair, 1.0), kernel);
        var mixtureWs = mixture.CreateWorkspace();
        var random = new Random(20261121);
        var values = new double[2 * count];
        for (int a = 0; a < 2; a++)
        {
            double mass = pair[a].Mass;
            for (int bump = 0; bump < 2; bump++)
            {
                var state = new MacroscopicState(0.3 + random.NextDouble(), new Velocity3(random.NextDouble() - 0.5, random.NextDouble() - 0.5, random.NextDouble() - 0.5), mass * (0.7 + (0.6 * random.NextDouble())));
                Maxwellian.Fill(grid, state, mass, q);
                for (int p = 0; p < count; p++)
                {
                    values[(a * count) + p] += q[p];
                }
            }
        }

        var collision = new double[2 * count];
        int evaluations = 0;
        // Warm-up until tiered JIT has promoted the hot loops (≥ 30 calls or 1 s), then time.
        clock.Restart();
        for (int warm = 0; warm < 40 && clock.Elapsed.TotalSeconds < 1.0; warm++)
        {
            mixture.Evaluate(values, collision, mixtureWs);
        }

        clock.Restart();
        do
        {
            mixture.Evaluate(values, collision, mixtureWs);
            evaluations++;
        }
        while (clock.Elapsed.TotalSeconds < 0.5 && evaluations < 20);
        double msPerEval = clock.Elapsed.TotalMilliseconds / evaluations;

        var projection = ConservativeProjection.Create(grid, pair.Masses());
        projection.Apply(collision);
        var rates = new double[6];
        projection.Measure(collision, rates);
        double massScale = 0, momentumScale = 0, energyScale = 0;
        for (int a = 0; a < 2; a++)
        {
            double mass = pair[a].Mass;
            for (int p = 0; p < count; p++)
            {
                double abs = Math.Abs(collision[(a * count) + p]) * grid.CellVolume, speed2 = grid.Point(p).LengthSquared;
                massScale += abs;
                momentumScale += mass * Math.Sqrt(speed2) * abs;
                energyScale += 0.5 * mass * speed2 * abs;
            }
        }

        return new Dictionary<string, double>
        {
            ["n"] = n,
            ["a_rel_err"] = errA / scaleA,
            ["lambda1_rel_err"] = err1 / scale1,
            ["lambda2_rel_err"] = err2 / scale2,
            ["equilibrium_residual"] = residual,
            ["mass_err"] = Math.Max(Math.Abs(rates[0]), Math.Abs(rates[1])) / massScale,
            ["momentum_err"] = Math.Sqrt((rates[2] * rates[2]) + (rates[3] * rates[3]) + (rates[4] * rates[4])) / momentumScale,
            ["energy_err"] = Math.Abs(rates[5]) / energyScale,
            ["ms_per_eval"] = msPerEval,
        };
    }
}
