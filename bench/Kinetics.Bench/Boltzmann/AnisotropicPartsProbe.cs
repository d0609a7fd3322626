using System.Diagnostics;
using System.Numerics;
using Kinetics.Boltzmann;
using Kinetics.Kernels;
using Kinetics.Quadrature;

namespace Kinetics.Bench.Boltzmann;

/// <summary>
/// Probes of the anisotropic weight path: `anisotropic-parts N` times its parts for one radial node; `anisotropic-cost
/// SECONDS N…` times the three cases of <see cref="AnisotropicCostBenchmarks"/> in alternating rounds in one process
/// (<see cref="Benchmarking.SteadyStateTiming"/>) and prints the median per-round ratios to the isotropic case.
/// </summary>
internal static class AnisotropicPartsProbe
{
    // anisotropic-cost SECONDS N… [series]: isotropic, VSS per σ (orbit weights, the path before shared passes) and VSS with
    // shared passes, in alternating rounds; "series" adds the per-point series. anisotropic-batch SECONDS N B…: the shared
    // path with B products per batch, against isotropic.
    public static int RunCost(string[] args)
    {
        double seconds = double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
        bool series = args[^1] == "series";
        foreach (string size in series ? args[2..^1] : args[2..])
        {
            var cases = new AnisotropicCostBenchmarks { N = int.Parse(size, System.Globalization.CultureInfo.InvariantCulture) };
            cases.Setup();
            Action[] runs = series
                ? [cases.Isotropic, cases.VssOrbitWeights, cases.VssSharedPasses, cases.VssSeriesPerPoint]
                : [cases.Isotropic, cases.VssOrbitWeights, cases.VssSharedPasses];
            var result = Benchmarking.SteadyStateTiming.Measure(runs, seconds);
            var (iso, before, shared) = (result.Cases[0], result.Cases[1], result.Cases[2]);
            Console.WriteLine(
                $"N {cases.N}: isotropic {iso.MedianMs:F1} ms (min {iso.MinMs:F1}), VSS per σ {before.MedianMs:F1} ms (min {before.MinMs:F1}), " +
                $"VSS shared passes {shared.MedianMs:F1} ms (min {shared.MinMs:F1}); ratios to isotropic (median per round) {result.RatiosToFirst[1]:F2}, " +
                $"{result.RatiosToFirst[2]:F2}" + (series ? $"; series per point {result.Cases[3].MedianMs:F1} ms, {result.RatiosToFirst[3]:F2}" : "") +
                $"; {result.TimedRounds} rounds after {result.WarmupRounds} warm-up, tiered up {result.TieredUp}");
        }

        return 0;
    }

    // anisotropic-cpu SECONDS WARMUP N V…: as anisotropic-batch, timed by the thread's CPU time (ThreadCpuTime), which does
    // not count waits for a core on a shared machine. V is B (products per batch, 0 for the default), B/K (and K partial
    // transforms) or B/planes (each product plane stored, then transformed: the path before the products in the z pass).
    public static int RunCpu(string[] args)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        double seconds = double.Parse(args[1], culture);
        int warmup = int.Parse(args[2], culture), n = int.Parse(args[3], culture);
        var runs = new List<Action>();
        var baseline = new AnisotropicCostBenchmarks { N = n };
        baseline.Setup();
        runs.Add(baseline.Isotropic);
        foreach (string b in args[4..])
        {
            string[] parts = b.Split('/');
            var cases = new AnisotropicCostBenchmarks
            {
                N = n,
                Batch = int.Parse(parts[0], culture),
                Buffers = parts.Length > 1 && parts[1] != "planes" ? int.Parse(parts[1], culture) : 0,
                ProductPlanes = parts[^1] == "planes",
            };
            cases.Setup();
            runs.Add(cases.VssSharedPasses);
        }

        var (median, min, ratio, rounds) = ThreadCpuTime.Measure(runs, seconds, warmup);
        Console.WriteLine($"N {n} (CPU ms): isotropic {median[0]:F1} (min {min[0]:F1}); " + string.Join(", ", args[4..].Select((b, i) =>
            $"{b}: {median[i + 1]:F1} (min {min[i + 1]:F1}) ratio {ratio[i + 1]:F3}, of minima {min[i + 1] / min[0]:F3}")) + $"; {rounds} rounds");
        return 0;
    }

    // orbit-batch N REPS: CPU milliseconds (minimum over REPS) of weighting one batch of 8 products of a cross pair at the
    // largest radial node (AccumulateOrbitBatch, both sides), and of one forward real transform, for scale; and of a self
    // pair's folded weights from the real table against the same weights as a complex table (the layout before 2026-12-08).
    public static int RunOrbitBatch(string[] args)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        int n = int.Parse(args[1], culture), reps = int.Parse(args[2], culture);
        var kernel = new CollisionKernel(1.0, AngularFunction.VariableSoftSphere(1.5, Math.PI));
        var sigmas = SphereRule.Product(11).Points.ToArray();
        double halfWidth = 7.0, rs = 2 * halfWidth / (3 + Math.Sqrt(2));
        var radial = RadialPowerRule.Create(n / 2, 2 * rs, 3.0);
        var w = new AnisotropicGainWeights(kernel, radial.Nodes.ToArray(), radial.Weights.ToArray(), 0.8, 0.2, n, halfWidth, sigmas);
        int count = n * n * ((n / 2) + 1), batch = 8;
        var table = new double[w.OrbitTableLength];
        w.FillOrbitWeights((n / 2) - 1, false, table);
        var random = new Random(1);
        var products = new Complex[batch * count];
        for (int i = 0; i < products.Length; i++)
        {
            products[i] = new Complex(random.NextDouble(), random.NextDouble());
        }

        var ab = new Complex[count];
        var ba = new Complex[count];
        int[] virtualSigmas = w.Orbits!.Order.ToArray()[..batch];
        var fft = Kinetics.Spectral.Fft3DPlan.Create(n);
        var fftWorkspace = fft.CreateWorkspace();
        var real = new double[n * n * n];
        var spectrum = new Complex[count];
        // A self pair's folded weights (real) as the real table it now reads and as the complex table with zero imaginary
        // parts it read before (the complex row kernel on side 0 only).
        var folded = new double[w.FoldedTableLength];
        w.FillOrbitWeights((n / 2) - 1, true, folded);
        var foldedComplex = new double[w.OrbitTableLength / 2];
        for (int i = 0; i < folded.Length; i++)
        {
            foldedComplex[2 * i] = folded[i];
        }

        double weigh = double.MaxValue, transform = double.MaxValue, real1 = double.MaxValue, complex1 = double.MaxValue;
        for (int r = 0; r < reps; r++)
        {
            double start = ThreadCpuTime.Milliseconds();
            w.AccumulateOrbitBatch(virtualSigmas, sigmas.Length, table, products, ab, ba, default, default);
            double middle = ThreadCpuTime.Milliseconds();
            fft.ForwardReal(real, spectrum, fftWorkspace);
            double end = ThreadCpuTime.Milliseconds();
            w.AccumulateOrbitBatch(virtualSigmas, sigmas.Length, folded, products, ab, default, default, default, folded: true);
            double foldedEnd = ThreadCpuTime.Milliseconds();
            w.AccumulateOrbitBatch(virtualSigmas, sigmas.Length, foldedComplex, products, ab, default, default, default);
            double complexEnd = ThreadCpuTime.Milliseconds();
            weigh = Math.Min(weigh, middle - start);
            transform = Math.Min(transform, end - middle);
            real1 = Math.Min(real1, foldedEnd - end);
            complex1 = Math.Min(complex1, complexEnd - foldedEnd);
        }

        Console.WriteLine($"N {n}: folded self-pair weights (one side), per product: real table {real1 / batch:F4} ms, complex table with zero imaginary parts {complex1 / batch:F4} ms");

        Console.WriteLine($"N {n}: weighting a batch of {batch} products (both sides) {weigh:F3} ms = {weigh / batch:F4} ms per product; one forward real transform {transform:F4} ms");
        return 0;
    }

    // weight-rank N: the numerical rank of one radial node's weight matrix W_a(k, σ_m) (M σ × N²(N/2 + 1) points, cross pair
    // 1:4, VSS α = 1.5, Product(11)) by Gram–Schmidt with pivoting: how many combined products a low-rank expansion in σ
    // would need per node at relative tolerances 1e−3 … 1e−12 of the largest row.
    public static int RunRank(string[] args)
    {
        int n = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
        var kernel = new CollisionKernel(1.0, AngularFunction.VariableSoftSphere(1.5, Math.PI));
        var sigmas = SphereRule.Product(11).Points.ToArray();
        double halfWidth = 7.0, rs = 2 * halfWidth / (3 + Math.Sqrt(2));
        var radial = RadialPowerRule.Create(n / 2, 2 * rs, 3.0);
        var w = new AnisotropicGainWeights(kernel, radial.Nodes.ToArray(), radial.Weights.ToArray(), 0.8, 0.2, n, halfWidth, sigmas);
        int count = n * n * ((n / 2) + 1), m = sigmas.Length;
        var table = new double[w.OrbitTableLength];
        var ones = Enumerable.Repeat(Complex.One, count).ToArray();
        double[] tolerances = [1e-3, 1e-6, 1e-9, 1e-12];
        foreach (int node in new[] { 0, (n / 8), (n / 4), (3 * n / 8), (n / 2) - 1 })
        {
            w.FillOrbitWeights(node, false, table);
            var rows = new Complex[m][];
            for (int s = 0; s < m; s++)
            {
                rows[s] = new Complex[count];
                w.AccumulateOrbitSigma(s, table, ones, rows[s], default);
            }

            double Norm(Complex[] v) => Math.Sqrt(v.Sum(c => (c.Real * c.Real) + (c.Imaginary * c.Imaginary)));
            double largest = rows.Max(Norm);
            var left = Enumerable.Range(0, m).ToList();
            var residuals = new List<double>();
            while (left.Count > 0)
            {
                int best = left.MaxBy(s => Norm(rows[s]));
                double norm = Norm(rows[best]);
                residuals.Add(norm / largest);
                left.Remove(best);
                if (norm == 0)
                {
                    break;
                }

                var q = rows[best].Select(c => c / norm).ToArray();
                foreach (int s in left)
                {
                    Complex dot = Complex.Zero;
                    for (int p = 0; p < count; p++)
                    {
                        dot += Complex.Conjugate(q[p]) * rows[s][p];
                    }

                    for (int p = 0; p < count; p++)
                    {
                        rows[s][p] -= dot * q[p];
                    }
                }
            }

            Console.WriteLine($"N {n}, node {node} (r = {radial.Nodes[node]:F3}): rank of the {m} σ rows at " +
                string.Join(", ", tolerances.Select(t => $"{t:E0}: {residuals.Count(r => r > t)}")));
        }

        return 0;
    }

    public static int RunBatches(string[] args)
    {
        double seconds = double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
        int n = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
        var runs = new List<Action>();
        var baseline = new AnisotropicCostBenchmarks { N = n };
        baseline.Setup();
        runs.Add(baseline.Isotropic);
        foreach (string b in args[3..])
        {
            // B or B/K: B products and K partial transforms per batch.
            string[] parts = b.Split('/');
            var cases = new AnisotropicCostBenchmarks
            {
                N = n,
                Batch = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture),
                Buffers = parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 0,
            };
            cases.Setup();
            runs.Add(cases.VssSharedPasses);
        }

        var result = Benchmarking.SteadyStateTiming.Measure([.. runs], seconds);
        Console.WriteLine($"N {n}: isotropic {result.Cases[0].MedianMs:F1} ms; " + string.Join(", ", args[3..].Select((b, i) =>
            $"batch {b}: {result.Cases[i + 1].MedianMs:F1} ms ({result.RatiosToFirst[i + 1]:F2})")) + $"; {result.TimedRounds} rounds");
        return 0;
    }

    public static int Run(string[] args)
    {
        int n = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
        var kernel = new CollisionKernel(1.0, AngularFunction.VariableSoftSphere(1.5, Math.PI));
        var sphere = SphereRule.Product(11);
        var sigmas = sphere.Points.ToArray();
        double halfWidth = 7.0, rs = 2 * halfWidth / (3 + Math.Sqrt(2));
        var radial = RadialPowerRule.Create(n / 2, 2 * rs, 3.0);
        var w = new AnisotropicGainWeights(kernel, radial.Nodes.ToArray(), radial.Weights.ToArray(), 0.8, 0.2, n, halfWidth, sigmas);
        int lanes = AnisotropicGainWeights.LaneCount, h = (n / 2) + 1, count = n * n * h, m = sigmas.Length;
        Console.WriteLine($"N {n}: {w.Orbits!.OrbitCount} σ orbits of {m}, table {w.OrbitTableLength * 8 / 1e6:F2} MB, order {w.Order}");
        var k2 = new int[count];
        for (int i = 0, p = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                for (int k = 0; k < h; k++, p++)
                {
                    int ki = i < n / 2 ? i : i - n, kj = j < n / 2 ? j : j - n;
                    k2[p] = (ki * ki) + (kj * kj) + (k * k);
                }
            }
        }

        var random = new Random(1);
        var re = new double[count * lanes];
        var im = new double[count * lanes];
        for (int i = 0; i < re.Length; i++)
        {
            (re[i], im[i]) = (random.NextDouble(), random.NextDouble());
        }

        var table = new double[w.OrbitTableLength];
        var spectrum = new Complex[count];
        var ab = new Complex[count];
        var ba = new Complex[count];
        double[] sx = new double[lanes], sy = new double[lanes], sz = new double[lanes];
        for (int l = 0; l < lanes; l++)
        {
            (sx[l], sy[l], sz[l]) = (sigmas[l].X, sigmas[l].Y, sigmas[l].Z);
        }

        int groups = (m + lanes - 1) / lanes, node = (n / 2) - 1;
        double Time(Action action)
        {
            var watch = Stopwatch.StartNew();
            action();
            return watch.Elapsed.TotalMilliseconds;
        }

        double bestFill = double.MaxValue, bestAccumulate = double.MaxValue, bestSeries = double.MaxValue;
        for (int round = 0; round < 20; round++)
        {
            double fill = Time(() => w.FillOrbitWeights(node, false, table));
            double accumulate = Time(() =>
            {
                foreach (int s in w.Orbits!.Order)
                {
                    w.AccumulateOrbitSigma(s, table, spectrum, ab, ba);
                }
            });
            double series = Time(() =>
            {
                for (int g = 0; g < groups; g++)
                {
                    w.AccumulateLanes(re, im, sx, sy, sz, node, k2, n, ab, ba);
                }
            });
            (bestFill, bestAccumulate, bestSeries) = (Math.Min(bestFill, fill), Math.Min(bestAccumulate, accumulate), Math.Min(bestSeries, series));
        }

        Console.WriteLine($"node {node}, {m} σ, minima of 20 rounds: fill {bestFill:F2} ms, orbit accumulate {bestAccumulate:F2} ms, series per point {bestSeries:F2} ms");

        return 0;
    }
}
