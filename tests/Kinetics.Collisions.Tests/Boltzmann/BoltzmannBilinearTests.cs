using FsCheck;
using FsCheck.Fluent;
using Kinetics.Boltzmann;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Mixtures;
using Xunit.Abstractions;

namespace Kinetics.Tests.Boltzmann;

public class BoltzmannBilinearTests(ITestOutputHelper output)
{
    // Round-off of a sum of O(10³) FFT-based terms relative to the largest value of Q; the bilinear path takes different
    // (but mathematically equal) routes through the σ sums, so agreement is to round-off, not bitwise.
    private const double RoundOff = 1e-12;

    // The random Maxwellian sums (temperatures up to 1.3) fall to ~2e-5 of their peak on the boundary of [−6, 6]³; the
    // identities tested here hold for any data, and the reference comparison is of the same truncated operator.
    private static readonly BoltzmannOptions Options = new() { ResolutionTolerance = 1e-4 };

    public static TheoryData<double, double, bool> Mixtures() => new()
    {
        { 1.0, 0.0, false }, // one species
        { 1.0, 1.0, false },
        { 1.0, 4.0, false },
        { 1.0, 4.0, true }, // anisotropic b_σ (σ–ξ weight path)
    };

    [Theory]
    [MemberData(nameof(Mixtures))]
    public void EvaluateBilinear_OnTheDiagonal_EqualsEvaluate(double massA, double massB, bool anisotropic)
    {
        // The anisotropic σ–ξ path costs seconds per evaluation at N = 12; the identity holds for any data, so N = 8 there.
        var op = Create(new CartesianGrid(anisotropic ? 8 : 12, 6.0), massA, massB, -1.0, anisotropic);
        for (int trial = 0; trial < 3; trial++)
        {
            double[] f = RandomMixture(op, new Random(10 + trial));
            double[] expected = op.Evaluate(f);
            double[] actual = op.EvaluateBilinear(f, f);
            double scale = BoltzmannTestCases.MaxAbs(expected), worst = MaxDifference(expected, actual);
            output.WriteLine($"m = {massA}:{massB}, anisotropic = {anisotropic}: max |Q(F, F) − Q(F)| / max |Q| = {worst / scale:E2}");
            Assert.True(worst <= RoundOff * scale, $"{worst / scale:E2}");
        }
    }

    [Fact]
    public void EvaluateBilinear_IsBilinear_ForRandomDataAndScalars()
    {
        // Property over random seeds, scalars c ∈ [−2, 2] and mass ratios: Q(F + cF', G) = Q(F, G) + cQ(F', G) and
        // Q(F, G + cG') = Q(F, G) + cQ(F, G'), to round-off (1e-12 of the sum of the magnitudes).
        // Bilinearity is an identity of the discrete operator for any data, resolved by the box or not. The data include
        // signed combinations F + cF′ (c < 0) whose peaks cancel while their tails (other temperatures and drifts) do
        // not, so the resolution guard (max |F| on the box boundary ≤ tolerance · max |F|) rejects some of them for a
        // reason unrelated to the identity. Seed-audit counter-examples (docs/verification.md): boundary/peak = 1.8e-4
        // and 1.0e-4 > 1e-4 for c = −1.53 and −0.22, mass ratio 1:4 (KINETICS_PROPERTY_SEED=906860593671764224 and
        // 7464711687798322324). So these operators run with the guard off (ResolutionTolerance = +∞).
        var grid = new CartesianGrid(12, 6.0);
        var unguarded = new BoltzmannOptions { ResolutionTolerance = double.PositiveInfinity };
        var operators = new[] { 1.0, 4.0, 0.5 }.Select(m => Build(grid, 1.0, m, -1.0, anisotropic: false, unguarded)).ToArray();
        var cases = Gen.Choose(0, 100_000).SelectMany(seed => Gen.Choose(-200, 200).SelectMany(c => Gen.Choose(0, 2).Select(k => (seed, c / 100.0, k))));
        PropertyCheck.Run(6, Prop.ForAll(cases.ToArbitrary(), t =>
        {
            var (seed, c, k) = t;
            var op = operators[k];
            var random = new Random(seed);
            double[] f = RandomMixture(op, random), f2 = RandomMixture(op, random), g = RandomMixture(op, random);
            double[] combination = f.Zip(f2, (x, y) => x + (c * y)).ToArray();
            double[] a = op.EvaluateBilinear(f, g), b = op.EvaluateBilinear(f2, g);
            double[] left = op.EvaluateBilinear(combination, g), right = a.Zip(b, (x, y) => x + (c * y)).ToArray();
            double[] a2 = op.EvaluateBilinear(g, f), b2 = op.EvaluateBilinear(g, f2);
            double[] left2 = op.EvaluateBilinear(g, combination), right2 = a2.Zip(b2, (x, y) => x + (c * y)).ToArray();
            double scale = BoltzmannTestCases.MaxAbs(a) + BoltzmannTestCases.MaxAbs(b) + BoltzmannTestCases.MaxAbs(a2) + BoltzmannTestCases.MaxAbs(b2);
            return MaxDifference(left, right) <= RoundOff * scale && MaxDifference(left2, right2) <= RoundOff * scale;
        }));
    }

    [Theory]
    [MemberData(nameof(Mixtures))]
    public void EvaluateBilinear_Symmetrisation_MatchesPolarisationOfEvaluate(double massA, double massB, bool anisotropic)
    {
        // Q(F, G) + Q(G, F) = Q(F + G) − Q(F) − Q(G): ties the off-diagonal bilinear form to the quadratic operator.
        // The anisotropic σ–ξ path costs seconds per evaluation at N = 12; the identity holds for any data, so N = 8 there.
        var op = Create(new CartesianGrid(anisotropic ? 8 : 12, 6.0), massA, massB, -1.0, anisotropic);
        var random = new Random(8);
        double[] f = RandomMixture(op, random), g = RandomMixture(op, random);
        double[] sum = f.Zip(g, (x, y) => x + y).ToArray();
        double[] qs = op.Evaluate(sum), qf = op.Evaluate(f), qg = op.Evaluate(g);
        double[] fg = op.EvaluateBilinear(f, g), gf = op.EvaluateBilinear(g, f);
        double worst = 0;
        for (int p = 0; p < fg.Length; p++)
        {
            worst = Math.Max(worst, Math.Abs(fg[p] + gf[p] - (qs[p] - qf[p] - qg[p])));
        }

        double scale = BoltzmannTestCases.MaxAbs(qs);
        output.WriteLine($"m = {massA}:{massB}: polarisation defect {worst / scale:E2}");
        Assert.True(worst <= RoundOff * scale, $"{worst / scale:E2}");
    }

    // Observed relative deviations (spectral in N: 1:1, γ = −1: 5.2e-3, 2.9e-4, 2.3e-5 at N = 16, 20, 24; 1:4, γ = −1:
    // 2.2e-3 at 16, 1.8e-5 at 24): at N = 20, 2.9e-4 (1:1) and at N = 16, γ = 0, 4.1e-4 (1:4); tolerance 1e-3, about 3×.
    [Theory]
    [InlineData(1.0, 4.0, -1.0, 20, 1e-3)]
    [InlineData(1.0, 1.0, -1.0, 20, 1e-3)]
    [InlineData(1.0, 4.0, 0.0, 16, 1e-3)]
    public void EvaluateBilinear_MatchesReferenceEvaluator(double massA, double massB, double gamma, int n, double tolerance)
    {
        // F ≠ G (independent random Maxwellian sums, thermal speeds ≈ 1) against Σ_β of the direct quadrature of
        // Q^{αβ}(F^α, G^β) of the same truncated operator (R = 2R_S). The tolerance is of the order of the quadratic operator's
        // reference test (the fast method's spectral error), see the observed values above.
        var grid = new CartesianGrid(n, 6.0);
        var op = BoltzmannTestCases.TwoSpecies(grid, massA, massB, gamma, Options);
        var random = new Random(21);
        var f = new[] { BoltzmannOracles.RandomMaxwellianSum(random, 1.0, 0.4), BoltzmannOracles.RandomMaxwellianSum(random, 1.2, 0.4) };
        var g = new[] { BoltzmannOracles.RandomMaxwellianSum(random, 0.8, 0.4), BoltzmannOracles.RandomMaxwellianSum(random, 1.0, 0.4) };
        double[] q = op.EvaluateBilinear(BoltzmannTestCases.Sample(grid, f), BoltzmannTestCases.Sample(grid, g));
        double[] masses = op.Kernels.Mixture.Masses();
        int h = n / 2;
        int[] samples = [grid.Index(h, h, h), grid.Index(h + 2, h - 1, h + 1)];
        double worst = 0, scale = 0;
        for (int a = 0; a < 2; a++)
        {
            foreach (int p in samples)
            {
                double exact = 0;
                for (int b = 0; b < 2; b++)
                {
                    exact += BoltzmannReferenceEvaluator.Create(op.Kernels[a, b], masses[a], masses[b], op.TruncationRadius, 24, 12)
                        .Evaluate(f[a], g[b], grid.Point(p));
                }

                worst = Math.Max(worst, Math.Abs(exact - q[(a * grid.Count) + p]));
                scale = Math.Max(scale, Math.Abs(exact));
            }
        }

        output.WriteLine($"m = {massA}:{massB}, γ = {gamma}, N = {n}: max |Q(F, G) − reference| / max |reference| = {worst / scale:E2}");
        Assert.True(worst <= tolerance * scale, $"{worst / scale:E2}");
    }

    [Fact]
    public void EvaluateBilinear_AllocatesNothing()
    {
        // Serial plan with an explicit workspace: the span overload must not allocate (warm-up call first for the JIT).
        var op = Create(new CartesianGrid(12, 6.0), 1.0, 4.0, 0.0, anisotropic: false);
        var random = new Random(2);
        double[] f = RandomMixture(op, random), g = RandomMixture(op, random);
        var destination = new double[f.Length];
        var workspace = op.CreateWorkspace();
        AllocationCheck.AssertNone(() => op.EvaluateBilinear(f, g, destination, workspace), "EvaluateBilinear");
    }

    [Fact]
    public void EvaluateBilinear_RejectsBadArguments()
    {
        var op = Create(new CartesianGrid(12, 6.0), 1.0, 4.0, 0.0, anisotropic: false);
        double[] f = RandomMixture(op, new Random(1));
        var workspace = op.CreateWorkspace();
        var destination = new double[f.Length];
        var error = Assert.Throws<ArgumentException>(() => op.EvaluateBilinear(f, new double[f.Length - 1], destination, workspace));
        Assert.Contains("second", error.Message, StringComparison.Ordinal);
        double[] wide = Enumerable.Repeat(1.0, f.Length).ToArray();
        error = Assert.Throws<ArgumentException>(() => op.EvaluateBilinear(f, wide, destination, workspace));
        Assert.Contains("second", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => op.EvaluateBilinear(f, f, f, workspace));
    }

    // Plans are immutable: share them between tests (the anisotropic σ–ξ tables take seconds to build).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int, double, double, double, double, bool), BoltzmannOperator> Plans = new();

    private static BoltzmannOperator Create(CartesianGrid grid, double massA, double massB, double gamma, bool anisotropic) =>
        Plans.GetOrAdd((grid.PointsPerAxis, grid.HalfWidth, massA, massB, gamma, anisotropic), _ => Build(grid, massA, massB, gamma, anisotropic));

    private static BoltzmannOperator Build(CartesianGrid grid, double massA, double massB, double gamma, bool anisotropic, BoltzmannOptions? options = null)
    {
        var angular = anisotropic ? AngularFunction.VariableSoftSphere(1.5) : AngularFunction.AbsoluteCosine();
        var kernel = new CollisionKernel(gamma, angular, 1.0);
        var mixture = massB > 0 ? new Mixture(new Species("A", massA), new Species("B", massB)) : new Mixture(new Species("A", massA));
        return BoltzmannOperator.Create(grid, CollisionKernelTable.Uniform(mixture, kernel), options ?? Options);
    }

    // Positive non-equilibrium species (random Maxwellian sums with thermal speeds ≈ 1).
    private static double[] RandomMixture(BoltzmannOperator op, Random random) =>
        BoltzmannTestCases.Sample(op.Grid, Enumerable.Range(0, op.SpeciesCount).Select(_ => BoltzmannOracles.RandomMaxwellianSum(random, 1.0, 0.4)).ToArray());

    private static double MaxDifference(double[] x, double[] y) => x.Zip(y, (a, b) => Math.Abs(a - b)).Max();
}
