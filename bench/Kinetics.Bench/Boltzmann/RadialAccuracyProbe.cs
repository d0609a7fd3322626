using System.Globalization;
using Kinetics.Boltzmann;
using Kinetics.Conservation;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Mixtures;
using Kinetics.Moments;

namespace Kinetics.Bench.Boltzmann;

/// <summary>
/// `radial-accuracy N mA:mB GAMMA DATA K1,K2,…`: how the fast operator's accuracy on one shared grid depends on the radial
/// node count, per ordered pair, on non-Maxwellian drifting anisotropic data (docs/boltzmann.md, "Radial nodes").
/// DATA is `exchange` (the two-bump mixture of `kinetics verify exchange`: 0.3𝓜[0.4c e, 0.9T] + 0.2𝓜[−0.3c e, 1.1T],
/// T = 0.7 for the lighter and 1.3 for the heavier species, L = 6.5 thermal speeds beyond the farthest drift),
/// `hard` (drifts 0.6c e and −0.9c e', temperatures 0.7T and 1.1T) or `bench` (the mixture of `kinetics bench
/// boltzmann`, L = 7). Printed per K: max |Q_K^{αβ} − Q_ref^{αβ}| / max |Q_ref^{αβ}| for each ordered pair (Q_ref: 48
/// nodes), the largest deviation from <see cref="BoltzmannReferenceEvaluator"/> at three points per pair relative to
/// max |Q^{αβ}| there, the leaks before projection and the temperature-rate error after the default projection (the
/// definitions of `kinetics verify exchange`).
/// </summary>
internal static class RadialAccuracyProbe
{
    public static int Run(string[] args)
    {
        int n = int.Parse(args[1], CultureInfo.InvariantCulture);
        double[] masses = args[2].Split(':').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        double gamma = double.Parse(args[3], CultureInfo.InvariantCulture);
        string data = args[4];
        int[] counts = args[5].Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        var mixture = new Mixture(masses.Select((m, i) => new Species($"s{i}", m)));
        var bumps = Bumps(mixture, data);
        double halfWidth = data == "bench" ? 7.0 : bumps.Max(b => b.Drift.Length + (6.5 * Math.Sqrt(b.Temperature / masses[b.Species])));
        var grid = new CartesianGrid(n, halfWidth);
        int s = masses.Length, count = grid.Count;
        var f = new double[s * count];
        var component = new double[count];
        foreach (var (species, density, drift, temperature) in bumps)
        {
            Maxwellian.Fill(grid, new MacroscopicState(density, drift, temperature), masses[species], component);
            for (int p = 0; p < count; p++)
            {
                f[(species * count) + p] += component[p];
            }
        }

        var kernel = new CollisionKernel(gamma, AngularFunction.AbsoluteCosine(1.0));
        var table = CollisionKernelTable.Uniform(mixture, kernel);
        Console.WriteLine(FormattableString.Invariant($"N = {n}, L = {halfWidth:F3}, h = {grid.Spacing:F3}, masses {args[2]}, γ = {gamma}, data {data}; thermal speeds {string.Join(", ", bumps.Select(b => Math.Sqrt(b.Temperature / masses[b.Species]).ToString("F3", CultureInfo.InvariantCulture)))}"));

        double[] reference = Pairs(grid, table, f, 48, out _);

        // Reference evaluator at three points per ordered pair (one at the centre, two off it).
        int h = n / 2;
        int[] samples = [grid.Index(h, h, h), grid.Index(h + 2, h - 1, h + 1), grid.Index(h - 3, h + 2, h)];
        var exact = new double[s * s * samples.Length];
        var functions = Enumerable.Range(0, s).Select(a => (Func<Velocity3, double>)(v => bumps.Where(b => b.Species == a)
            .Sum(b => Maxwellian.Evaluate(new MacroscopicState(b.Density, b.Drift, b.Temperature), masses[a], v)))).ToArray();
        double truncation = BoltzmannOperator.Create(grid, table).TruncationRadius;
        for (int a = 0; a < s; a++)
        {
            for (int b = 0; b < s; b++)
            {
                var evaluator = BoltzmannReferenceEvaluator.Create(kernel, masses[a], masses[b], truncation, 48, 16);
                for (int i = 0; i < samples.Length; i++)
                {
                    exact[(((a * s) + b) * samples.Length) + i] = evaluator.Evaluate(functions[a], functions[b], grid.Point(samples[i]));
                }
            }
        }

        Console.WriteLine("K  | radial error per ordered pair (vs 48 nodes)        | vs reference evaluator per pair                 | mass_leak energy_leak rate_error | FFTs");
        foreach (int k in counts.Append(48))
        {
            double[] q = Pairs(grid, table, f, k, out int ffts);
            var line = new List<string>();
            var refLine = new List<string>();
            for (int slot = 0; slot < s * s; slot++)
            {
                var own = q.AsSpan(slot * count, count);
                var other = reference.AsSpan(slot * count, count);
                double diff = 0, scale = 0;
                for (int p = 0; p < count; p++)
                {
                    diff = Math.Max(diff, Math.Abs(own[p] - other[p]));
                    scale = Math.Max(scale, Math.Abs(other[p]));
                }

                line.Add((diff / scale).ToString("E2", CultureInfo.InvariantCulture));
                double worst = 0, refScale = 0;
                for (int i = 0; i < samples.Length; i++)
                {
                    double e = exact[(slot * samples.Length) + i];
                    worst = Math.Max(worst, Math.Abs(e - own[samples[i]]));
                    refScale = Math.Max(refScale, Math.Abs(e));
                }

                refLine.Add((worst / refScale).ToString("E2", CultureInfo.InvariantCulture));
            }

            var (massLeak, energyLeak, rateError) = Leaks(grid, masses, f, q);
            Console.WriteLine(FormattableString.Invariant($"{k,2} | {string.Join(" ", line),-50} | {string.Join(" ", refLine),-48} | {massLeak:E2} {energyLeak:E2} {rateError:E2} | {ffts}"));
        }

        return 0;
    }

    private static double[] Pairs(CartesianGrid grid, CollisionKernelTable table, double[] f, int radial, out int ffts)
    {
        var op = BoltzmannOperator.Create(grid, table, new BoltzmannOptions { RadialPoints = radial, ResolutionTolerance = 1e-3 });
        ffts = op.FftsPerEvaluation;
        int s = table.SpeciesCount;
        var q = new double[s * s * grid.Count];
        op.EvaluatePairs(f, q, op.CreateWorkspace());
        return q;
    }

    // The figures of `kinetics verify exchange` on one shared grid: mass leak per species, energy leak per unordered pair,
    // and the temperature-rate error of the |F|-weighted projection against the cross pairs.
    private static (double Mass, double Energy, double Rate) Leaks(CartesianGrid grid, double[] masses, double[] f, double[] pairs)
    {
        int s = masses.Length, count = grid.Count;
        var moments = Enumerable.Range(0, s).Select(a => SpeciesMoments.Of(grid, f.AsSpan(a * count, count), masses[a])).ToArray();
        SpeciesMoments Pair(int a, int b) => SpeciesMoments.Of(grid, pairs.AsSpan(((a * s) + b) * count, count), masses[a]);
        var total = new double[s * count];
        for (int a = 0; a < s; a++)
        {
            for (int b = 0; b < s; b++)
            {
                for (int p = 0; p < count; p++)
                {
                    total[(a * count) + p] += pairs[(((a * s) + b) * count) + p];
                }
            }
        }

        double mass = 0, energy = 0;
        for (int a = 0; a < s; a++)
        {
            mass = Math.Max(mass, Math.Abs(SpeciesMoments.Of(grid, total.AsSpan(a * count, count), masses[a]).Density) / moments[a].Density);
            for (int b = a; b < s; b++)
            {
                double e = Pair(a, b).Energy + (a == b ? 0 : Pair(b, a).Energy);
                energy = Math.Max(energy, Math.Abs(e) / (moments[a].Energy + (a == b ? 0 : moments[b].Energy)));
            }
        }

        double rate = 0;
        if (s == 2)
        {
            ConservativeProjection.Create(grid, masses).ApplyDistributionWeighted(total, f);
            for (int a = 0; a < 2; a++)
            {
                double cross = TemperatureRate(moments[a], Pair(a, 1 - a));
                double projected = TemperatureRate(moments[a], SpeciesMoments.Of(grid, total.AsSpan(a * count, count), masses[a]));
                rate = Math.Max(rate, Math.Abs(projected - cross) / Math.Abs(cross));
            }
        }

        return (mass, energy, rate);
    }

    // dT/dt from the moments of F and of Q: (3/2) n T = E − |J|²/(2ρ) (as `kinetics verify exchange`).
    private static double TemperatureRate(SpeciesMoments f, SpeciesMoments q)
    {
        double n = f.Density, rho = f.MassDensity;
        var j = f.Momentum;
        double dRho = q.Density * f.Mass;
        double inner = q.Energy - (Velocity3.Dot(j, q.Momentum) / rho) + (j.LengthSquared * dRho / (2 * rho * rho));
        return (inner - (1.5 * q.Density * f.Temperature)) / (1.5 * n);
    }

    private static (int Species, double Density, Velocity3 Drift, double Temperature)[] Bumps(Mixture mixture, string data)
    {
        var random = new Random(2026);
        var bumps = new List<(int, double, Velocity3, double)>();
        double lightest = mixture.Masses().Min();
        for (int a = 0; a < mixture.Count; a++)
        {
            double m = mixture[a].Mass;
            var e = new Velocity3(random.NextDouble() - 0.5, random.NextDouble() - 0.5, random.NextDouble() - 0.5);
            e /= e.Length;
            var e2 = new Velocity3(random.NextDouble() - 0.5, random.NextDouble() - 0.5, random.NextDouble() - 0.5);
            e2 /= e2.Length;
            double t = m == lightest && mixture.Count > 1 ? 0.7 : 1.3;
            double c = Math.Sqrt(t / m);
            switch (data)
            {
                case "exchange":
                    bumps.Add((a, 0.3, 0.4 * c * e, 0.9 * t));
                    bumps.Add((a, 0.2, -0.3 * c * e, 1.1 * t));
                    break;
                case "hard":
                    bumps.Add((a, 0.3, 0.6 * c * e, 0.7 * t));
                    bumps.Add((a, 0.2, -0.9 * c * e2, 1.1 * t));
                    break;
                default:
                    bumps.Add((a, 0.6, new Velocity3(-0.5, 0, 0), 0.6 * m));
                    bumps.Add((a, 0.4, new Velocity3(0.5, 0.2, 0), 0.7 * m));
                    break;
            }
        }

        return [.. bumps];
    }
}
