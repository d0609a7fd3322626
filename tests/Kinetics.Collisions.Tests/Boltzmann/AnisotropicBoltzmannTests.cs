using Kinetics.Boltzmann;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Mixtures;
using Xunit.Abstractions;

namespace Kinetics.Tests.Boltzmann;

public class AnisotropicBoltzmannTests(ITestOutputHelper output)
{
    [Fact]
    public void SphericalBessel_MatchesClosedForms()
    {
        // j_0 = sin x/x, j_1 = sin x/x² − cos x/x, j_2 = (3/x² − 1) sin x/x − 3cos x/x²; the downward recurrence is
        // normalised by one of the first two, so j_2 and the high orders test the recurrence (round-off, 1e-13; x ≥ 0.3
        // because the closed forms of j_1, j_2 cancel catastrophically for small x).
        Span<double> j = stackalloc double[60];
        foreach (double x in new[] { 0.3, 0.5, 3.0, 17.3, 55.0 })
        {
            AnisotropicGainWeights.SphericalBessel(x, j);
            double s = Math.Sin(x), c = Math.Cos(x);
            Assert.Equal(s / x, j[0], 13);
            Assert.Equal((s / (x * x)) - (c / x), j[1], 13);
            Assert.Equal((((3 / (x * x)) - 1) * s / x) - (3 * c / (x * x)), j[2], 12);

            // Upward recurrence is stable below n ≈ x: cross-check the orders up to x.
            double previous = s / x, current = (s / (x * x)) - (c / x);
            for (int n = 1; n + 1 < Math.Min(x, 59); n++)
            {
                double next = (((2 * n) + 1) / x * current) - previous;
                previous = current;
                current = next;
                Assert.True(Math.Abs(current - j[n + 1]) <= 1e-10, $"x = {x}, n = {n + 1}: {current} vs {j[n + 1]}");
            }
        }
    }

    [Fact]
    public void Evaluate_AnisotropicKernel_AllocatesNothing_AndParallelLanesMatchSerial()
    {
        // The lane buffers of the σ–ξ weight path live in the workspace (one set per radial lane): serial evaluation with
        // an explicit workspace allocates nothing, and two lanes give the serial result up to the order of the radial sum.
        var grid = new CartesianGrid(12, 6.0);
        var kernel = new CollisionKernel(-1.0, AngularFunction.VariableSoftSphere(1.5), 1.0);
        var mixture = new Mixture(new Species("A", 0.875), new Species("B", 1.0));
        var serial = BoltzmannOperator.Create(grid, CollisionKernelTable.Uniform(mixture, kernel));
        var parallel = BoltzmannOperator.Create(grid, CollisionKernelTable.Uniform(mixture, kernel), new BoltzmannOptions { MaxDegreeOfParallelism = 2 });
        var random = new Random(5);
        var f = BoltzmannTestCases.Sample(grid, BoltzmannOracles.RandomMaxwellianSum(random, 1.6, 0.4), BoltzmannOracles.RandomMaxwellianSum(random, 1.6, 0.4));
        var q = new double[f.Length];
        var workspace = serial.CreateWorkspace();
        AllocationCheck.AssertNone(() => serial.Evaluate(f, q, workspace), "anisotropic Evaluate");
        double[] expected = serial.Evaluate(f), actual = parallel.Evaluate(f);
        double scale = BoltzmannTestCases.MaxAbs(expected), worst = expected.Zip(actual, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst <= 1e-13 * scale, $"two lanes vs serial: {worst / scale:E2}");
    }

    [Theory]
    [InlineData(0.875, 1.0, 0.0, 12)]
    [InlineData(0.25, 1.0, -1.0, 16)]
    public void AccumulateLanes_EqualsPerSigmaSeries(double massA, double massB, double gamma, int n)
    {
        // The vectorised accumulation (L directions per pass, Legendre recurrence across lanes, series cut at each point's
        // own n_max) against the per-σ scalar series over all n_max terms, for random product spectra and random σ
        // (fewer than L in the last group, so a zero lane is included), on both sides and on each side alone. The cut
        // drops terms with j_n(ρ) < 1e−16, so the two agree to round-off: 1e−12 relative to the largest |gain|.
        const double halfWidth = 6.0;
        int lanes = AnisotropicGainWeights.LaneCount, h = (n / 2) + 1, count = n * n * h;
        var kernel = new CollisionKernel(gamma, AngularFunction.VariableSoftSphere(1.5), 1.0);
        double total = massA + massB;
        double[] radii = [0.3, 2.1, 5.0], weights = [0.7, 1.3, 0.4];
        var gains = new AnisotropicGainWeights(kernel, radii, weights, massB / total, massA / total, n, halfWidth);
        var k2 = new int[count];
        for (int i = 0, p = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                for (int k = 0; k < h; k++, p++)
                {
                    int ki = i <= n / 2 ? i : i - n, kj = j <= n / 2 ? j : j - n;
                    k2[p] = (ki * ki) + (kj * kj) + (k * k);
                }
            }
        }

        var random = new Random(n);
        int used = Math.Max(1, lanes - 1);
        var products = new System.Numerics.Complex[used][];
        var sigmas = new Velocity3[used];
        var re = new double[count * lanes];
        var im = new double[count * lanes];
        double[] sx = new double[lanes], sy = new double[lanes], sz = new double[lanes];
        for (int l = 0; l < used; l++)
        {
            products[l] = Enumerable.Range(0, count).Select(_ => new System.Numerics.Complex(random.NextDouble() - 0.5, random.NextDouble() - 0.5)).ToArray();
            var v = new Velocity3(random.NextDouble() - 0.5, random.NextDouble() - 0.5, random.NextDouble() - 0.5);
            sigmas[l] = v / v.Length;
            (sx[l], sy[l], sz[l]) = (sigmas[l].X, sigmas[l].Y, sigmas[l].Z);
            for (int p = 0; p < count; p++)
            {
                re[(p * lanes) + l] = products[l][p].Real;
                im[(p * lanes) + l] = products[l][p].Imaginary;
            }
        }

        foreach (int node in new[] { 0, 2 })
        {
            var expectedAB = new System.Numerics.Complex[count];
            var expectedBA = new System.Numerics.Complex[count];
            for (int l = 0; l < used; l++)
            {
                gains.Accumulate(products[l], sigmas[l], node, k2, n, expectedAB, expectedBA);
            }

            var bothAB = new System.Numerics.Complex[count];
            var bothBA = new System.Numerics.Complex[count];
            gains.AccumulateLanes(re, im, sx, sy, sz, node, k2, n, bothAB, bothBA);
            var onlyAB = new System.Numerics.Complex[count];
            gains.AccumulateLanes(re, im, sx, sy, sz, node, k2, n, onlyAB, default);
            var onlyBA = new System.Numerics.Complex[count];
            gains.AccumulateLanes(re, im, sx, sy, sz, node, k2, n, default, onlyBA);
            foreach (var (actual, expected, name) in new[] { (bothAB, expectedAB, "AB"), (bothBA, expectedBA, "BA"), (onlyAB, expectedAB, "AB alone"), (onlyBA, expectedBA, "BA alone") })
            {
                double scale = expected.Max(z => z.Magnitude), worst = actual.Zip(expected, (a, e) => (a - e).Magnitude).Max();
                Assert.True(scale > 0 && worst <= 1e-12 * scale, $"node {node}, {name}: {worst:E2} against max |gain| {scale:E2}");
            }
        }
    }

    [Theory]
    [InlineData(0.25, 1.0, 0.0, 16, 4e-3)]
    [InlineData(0.875, 1.0, -1.0, 20, 4e-4)]
    public void Evaluate_AnisotropicKernel_MatchesReferenceEvaluator(double massA, double massB, double gamma, int size, double tolerance)
    {
        // VSS scattering b_σ ∝ (1 + cos χ)^{0.5}: the σ–ξ weight path against the direct quadrature of the same truncated
        // operator (the reference integrates b_σ(cos χ) by Gauss–Legendre in cos χ around ĝ), on [−6, 6]³. Observed
        // relative errors: 7:8, γ = −1: 2.1e-3 at N = 16 and 1.7e-4 at N = 20 (spectral); 1:4, γ = 0: 2.2e-3 at N = 16.
        // Tolerances are twice the observed values.
        var grid = new CartesianGrid(size, 6.0);
        var kernel = new CollisionKernel(gamma, AngularFunction.VariableSoftSphere(1.5), 1.0);
        var mixture = new Mixture(new Species("A", massA), new Species("B", massB));
        var op = BoltzmannOperator.Create(grid, CollisionKernelTable.Uniform(mixture, kernel));
        var (worst, scale) = BoltzmannTestCases.DeviationFromReference(op, 2);
        output.WriteLine($"VSS α = 1.5, m = {massA}:{massB}, γ = {gamma}, N = {size}: max |fast − reference| {worst:E2}, relative {worst / scale:E2}");
        Assert.True(worst < tolerance * scale, $"worst < tolerance * scale: {worst} vs {(tolerance * scale)}");
    }

    [Fact]
    public void Evaluate_AnisotropicKernel_VanishesSpectrallyOnCommonMaxwellians()
    {
        var kernel = new CollisionKernel(-1.0, AngularFunction.VariableSoftSphere(1.5), 1.0);
        var mixture = new Mixture(new Species("A", 0.875), new Species("B", 1.0));
        var u = new Velocity3(0.2, -0.1, 0.1);
        double previous = double.PositiveInfinity;
        foreach (int n in new[] { 12, 16, 20 })
        {
            var grid = new CartesianGrid(n, 6.0);
            var op = BoltzmannOperator.Create(grid, CollisionKernelTable.Uniform(mixture, kernel));
            double[] q = op.Evaluate(BoltzmannTestCases.Sample(
                grid, v => Maxwellian.Evaluate(new MacroscopicState(1.3, u, 0.6), 0.875, v), v => Maxwellian.Evaluate(new MacroscopicState(0.4, u, 0.6), 1.0, v)));
            double residual = BoltzmannTestCases.MaxAbs(q);
            output.WriteLine($"VSS, 7:8 common (u, T), N = {n}: max |Q| {residual:E2}");

            // Same spectral decay as the isotropic path (factor ≥ 2.5 per 4 points).
            Assert.True(residual < previous / 2.5, $"residual < previous / 2.5: {residual} vs {(previous / 2.5)}");
            previous = residual;
        }
    }
}
