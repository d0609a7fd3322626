using FsCheck;
using FsCheck.Fluent;
using Kinetics.Boltzmann;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Mixtures;
using Kinetics.Quadrature;

namespace Kinetics.Tests.Boltzmann;

/// <summary>
/// The anisotropic b_σ path with shared x and y passes (σ in batches, each product forward transformed plane by plane,
/// the orbit weights applied per batch, the tables stored at Create) against the path before it: every σ through its own
/// two modulated inverse transforms and one forward transform, the tables filled per node (<c>PerSigmaShifts</c>); and the
/// products formed in the z pass against product planes transformed after (<c>AnisotropicProductPlanes</c>).
/// </summary>
public class AnisotropicSharedPassesTests
{
    // The same factors, transforms and weights in another grouping of the passes and another order of the σ sum, so the
    // two agree to round-off (observed ≤ 1e−14 relative to max |Q|). A product weighted by the wrong σ's table, a σ dropped
    // or counted twice, or a term sent to the wrong gain changes Q by O(max |Q|/M) ≥ 1e−3.
    private const double Tolerance = 1e-13;

    private static readonly Gen<double[]> Masses = Gen.OneOf(
        Gen.Constant(new[] { 1.0 }),
        Gen.Constant(new[] { 1.0, 4.0 }),
        Gen.Constant(new[] { 0.875, 1.0 }),
        Gen.Choose(30, 100).Three().Select(t => new[] { t.Item1 / 100.0, t.Item2 / 100.0, t.Item3 / 100.0 }));

    // Null: the anisotropic default, Product(11). The others have other orbits and x/y repetitions (Product(5): no x ↔ y
    // swap; Lebedev50 and the 32-point rule: octahedral and icosahedral patterns).
    private static readonly Gen<SphereRule?> Spheres = Gen.Elements<SphereRule?>(
        null, SphereRule.Product(5), SphereRule.Product(7), SphereRule.Lebedev50, SphereRule.Icosahedral32);

    private static readonly Arbitrary<(double[] Masses, double Gamma, double Alpha, SphereRule? Sphere, int Batch, int Buffers, int Seed)> Cases =
        (from masses in Masses
         from gamma in Gen.Elements(-1.0, 0.0, 1.0)
         from alpha in Gen.Elements(1.2, 1.5, 2.0)
         from sphere in Spheres
         from batch in Gen.Elements(1, 2, 3, 8, 16)
         from buffers in Gen.Elements(2, 3, 6)
         from seed in Gen.Choose(0, 100_000)
         select (masses, gamma, alpha, sphere, batch, buffers, seed)).ToArbitrary();

    [Fact]
    public void Shared_EqualsPerSigma_RandomMixturesRulesAndBatches()
    {
        PropertyCheck.Run(14, Prop.ForAll(Cases, c =>
        {
            var grid = new CartesianGrid(10, 6.0);
            var kernels = CollisionKernelTable.Uniform(
                new Mixture(c.Masses.Select((m, i) => new Species($"s{i}", m))), new CollisionKernel(c.Gamma, AngularFunction.VariableSoftSphere(c.Alpha), 1.0));
            var shared = BoltzmannOperator.Create(grid, kernels, new BoltzmannOptions { Sphere = c.Sphere, AnisotropicBatch = c.Batch, PartialBuffers = c.Buffers });
            var reference = BoltzmannOperator.Create(grid, kernels, new BoltzmannOptions { Sphere = c.Sphere, PerSigmaShifts = true });
            var random = new Random(c.Seed);
            var f = BoltzmannTestCases.Sample(grid, c.Masses.Select(_ => BoltzmannOracles.RandomMaxwellianSum(random, 1.4, 0.4)).ToArray());
            var g = BoltzmannTestCases.Sample(grid, c.Masses.Select(_ => BoltzmannOracles.RandomMaxwellianSum(random, 1.4, 0.4)).ToArray());
            int s = c.Masses.Length;
            double full = Deviation(reference, shared, (op, q) => op.Evaluate(f, q, op.CreateWorkspace()), s * grid.Count);
            double pairs = Deviation(reference, shared, (op, q) => op.EvaluatePairs(f, q, op.CreateWorkspace()), s * s * grid.Count);
            double bilinear = Deviation(reference, shared, (op, q) => op.EvaluateBilinear(f, g, q, op.CreateWorkspace()), s * grid.Count);
            return (shared.AnisotropicTableBytes > 0 && reference.AnisotropicTableBytes == 0 && full <= Tolerance && pairs <= Tolerance && bilinear <= Tolerance)
                .Label($"masses [{string.Join(", ", c.Masses)}], γ = {c.Gamma}, α = {c.Alpha}, {c.Sphere?.ToString() ?? "Product(11)"}, batch {c.Batch}, " +
                       $"K = {c.Buffers}: Q {full:E2}, pairs {pairs:E2}, bilinear {bilinear:E2}, stored {shared.AnisotropicTableBytes} B");
        }));
    }

    [Fact]
    public void StoredTables_GiveTheBitsOfTablesFilledPerNode_WithinTheBudgetOnly()
    {
        // The stored tables are the per-node fill, run once at Create: the results must be equal to the last bit. The
        // budget is all or nothing: one byte short of the tables' size keeps none.
        var grid = new CartesianGrid(12, 6.0);
        var kernels = CollisionKernelTable.Uniform(
            new Mixture(new Species("a", 1.0), new Species("b", 4.0)), new CollisionKernel(1.0, AngularFunction.VariableSoftSphere(1.5), 1.0));
        var stored = BoltzmannOperator.Create(grid, kernels);
        long bytes = stored.AnisotropicTableBytes;

        // Two self pairs (side 0 only, real) and one cross pair (both sides, complex), 6 representatives of Product(11),
        // 8 radial nodes, (N + 1)²(N/2 + 1) values each.
        Assert.Equal(8L * 6 * 8 * 13 * 13 * 7 * (1 + 1 + (2 * 2)), bytes);
        var filled = BoltzmannOperator.Create(grid, kernels, new BoltzmannOptions { AnisotropicTableBytes = bytes - 1 });
        Assert.Equal(0, filled.AnisotropicTableBytes);
        Assert.Equal(bytes, BoltzmannOperator.Create(grid, kernels, new BoltzmannOptions { AnisotropicTableBytes = bytes }).AnisotropicTableBytes);

        var random = new Random(3);
        var f = BoltzmannTestCases.Sample(grid, BoltzmannOracles.RandomMaxwellianSum(random, 1.4, 0.4), BoltzmannOracles.RandomMaxwellianSum(random, 1.4, 0.4));
        var g = BoltzmannTestCases.Sample(grid, BoltzmannOracles.RandomMaxwellianSum(random, 1.4, 0.4), BoltzmannOracles.RandomMaxwellianSum(random, 1.4, 0.4));
        Assert.Equal(filled.Evaluate(f), stored.Evaluate(f));
        Assert.Equal(filled.EvaluateBilinear(f, g), stored.EvaluateBilinear(f, g));
        var pairsStored = new double[4 * grid.Count];
        var pairsFilled = new double[4 * grid.Count];
        stored.EvaluatePairs(f, pairsStored, stored.CreateWorkspace());
        filled.EvaluatePairs(f, pairsFilled, filled.CreateWorkspace());
        Assert.Equal(pairsFilled, pairsStored);

        var ex = Assert.ThrowsAny<ArgumentException>(() => BoltzmannOperator.Create(grid, kernels, new BoltzmannOptions { AnisotropicTableBytes = -1 }));
        Assert.Contains("AnisotropicTableBytes", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10, 1)]
    [InlineData(12, 2)]
    [InlineData(16, 3)]
    public void ProductsInTheZPass_GiveTheBitsOfProductPlanes(int n, int species)
    {
        // Forming each product inside the z pass's scratch does per element what storing the product plane and transforming
        // it did (PlaneForwardTests checks one plane on every instruction set), so the operator's results are the same bits
        // in every form of the evaluation; a product lost, taken from the wrong copy or left unscaled changes Q by O(max |Q|).
        var grid = new CartesianGrid(n, 6.0);
        double[] masses = [1.0, 4.0, 2.0];
        var kernels = CollisionKernelTable.Uniform(
            new Mixture(masses[..species].Select((m, i) => new Species($"s{i}", m))), new CollisionKernel(1.0, AngularFunction.VariableSoftSphere(1.5), 1.0));
        var fused = BoltzmannOperator.Create(grid, kernels);
        var planes = BoltzmannOperator.Create(grid, kernels, new BoltzmannOptions { AnisotropicProductPlanes = true });
        var random = new Random(n);
        var f = BoltzmannTestCases.Sample(grid, masses[..species].Select(_ => BoltzmannOracles.RandomMaxwellianSum(random, 1.4, 0.4)).ToArray());
        var g = BoltzmannTestCases.Sample(grid, masses[..species].Select(_ => BoltzmannOracles.RandomMaxwellianSum(random, 1.4, 0.4)).ToArray());
        double[] q = fused.Evaluate(f);
        Assert.True(BoltzmannTestCases.MaxAbs(q) > 0);
        Assert.Equal(planes.Evaluate(f), q);
        Assert.Equal(planes.EvaluateBilinear(f, g), fused.EvaluateBilinear(f, g));
        var pairsFused = new double[species * species * grid.Count];
        var pairsPlanes = new double[pairsFused.Length];
        fused.EvaluatePairs(f, pairsFused, fused.CreateWorkspace());
        planes.EvaluatePairs(f, pairsPlanes, planes.CreateWorkspace());
        Assert.Equal(pairsPlanes, pairsFused);
    }

    [Fact]
    public void SharedPath_AllocatesNothing_AndLanesAreReproducible()
    {
        // Every form of the evaluation (Evaluate with stored folded tables, EvaluatePairs, EvaluateBilinear, whose self pairs
        // fill their tables per node) allocates nothing with an explicit workspace; with 2 and 3 lanes the result is the
        // same bits on every call and the serial result up to the order of the radial sum.
        var grid = new CartesianGrid(12, 6.0);
        var kernels = CollisionKernelTable.Uniform(
            new Mixture(new Species("a", 1.0), new Species("b", 4.0)), new CollisionKernel(0.0, AngularFunction.VariableSoftSphere(1.5), 1.0));
        var serial = BoltzmannOperator.Create(grid, kernels);
        var random = new Random(9);
        var f = BoltzmannTestCases.Sample(grid, BoltzmannOracles.RandomMaxwellianSum(random, 1.4, 0.4), BoltzmannOracles.RandomMaxwellianSum(random, 1.4, 0.4));
        var g = BoltzmannTestCases.Sample(grid, BoltzmannOracles.RandomMaxwellianSum(random, 1.4, 0.4), BoltzmannOracles.RandomMaxwellianSum(random, 1.4, 0.4));
        var workspace = serial.CreateWorkspace();
        var q = new double[f.Length];
        var pairs = new double[2 * f.Length];
        AllocationCheck.AssertNone(() => serial.Evaluate(f, q, workspace), "anisotropic Evaluate");
        AllocationCheck.AssertNone(() => serial.EvaluatePairs(f, pairs, workspace), "anisotropic EvaluatePairs");
        AllocationCheck.AssertNone(() => serial.EvaluateBilinear(f, g, q, workspace), "anisotropic EvaluateBilinear");

        double[] expected = serial.Evaluate(f);
        foreach (int lanes in new[] { 2, 3 })
        {
            var parallel = BoltzmannOperator.Create(grid, kernels, new BoltzmannOptions { MaxDegreeOfParallelism = lanes });
            var laneWorkspace = parallel.CreateWorkspace();
            var first = new double[f.Length];
            var again = new double[f.Length];
            parallel.Evaluate(f, first, laneWorkspace);
            for (int call = 0; call < 3; call++)
            {
                parallel.Evaluate(f, again, laneWorkspace);
                Assert.Equal(first, again);
            }

            double scale = BoltzmannTestCases.MaxAbs(expected), worst = expected.Zip(first, (a, b) => Math.Abs(a - b)).Max();
            Assert.True(worst <= 1e-13 * scale, $"{lanes} lanes vs serial: {worst / scale:E2}");
        }
    }

    private static double Deviation(BoltzmannOperator reference, BoltzmannOperator actual, Action<BoltzmannOperator, double[]> run, int length)
    {
        var expected = new double[length];
        var result = new double[length];
        run(reference, expected);
        run(actual, result);
        double worst = 0;
        for (int p = 0; p < length; p++)
        {
            worst = Math.Max(worst, Math.Abs(result[p] - expected[p]));
        }

        return worst / BoltzmannTestCases.MaxAbs(expected);
    }
}
