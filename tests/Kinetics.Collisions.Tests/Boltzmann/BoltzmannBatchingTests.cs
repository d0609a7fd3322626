using FsCheck;
using FsCheck.Fluent;
using Kinetics.Boltzmann;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Mixtures;
using Kinetics.Quadrature;

namespace Kinetics.Tests.Boltzmann;

/// <summary>
/// The batched shifted products (x and y passes shared between copies with equal factors, σ in batches of at most K
/// partial transforms, finished plane by plane) against the per-σ path they replaced: each σ through two fused
/// modulated inverse transforms, nothing shared (the internal <c>PerSigmaShifts</c> option).
/// </summary>
public class BoltzmannBatchingTests
{
    // Both paths multiply the same factors and transform the same data, in a different grouping of the three axis passes
    // and of the phase products, so they agree to FFT round-off. A copy that read the wrong partial transform or y plane,
    // or a σ that was dropped or counted twice, changes Q by O(max |Q|/M).
    private const double Tolerance = 1e-13;

    private static readonly Gen<double[]> Masses = Gen.OneOf(
        Gen.Constant(new[] { 1.0 }),
        Gen.Constant(new[] { 0.875, 1.0 }),
        Gen.Constant(new[] { 0.25, 1.0 }),
        Gen.Choose(20, 100).Two().Select(t => new[] { t.Item1 / 100.0, t.Item2 / 100.0 }),
        Gen.Choose(30, 100).Three().Select(t => new[] { t.Item1 / 100.0, t.Item2 / 100.0, t.Item3 / 100.0 }));

    // Null: the per-pair defaults (icosahedron, 32-point rule). The octahedral and product rules repeat σ_x and σ_y in
    // other patterns than the icosahedral ones.
    private static readonly Gen<SphereRule?> Spheres = Gen.Elements<SphereRule?>(
        null, SphereRule.Icosahedron, SphereRule.Icosahedral32, SphereRule.Octahedral26, SphereRule.Product(5));

    private static readonly Arbitrary<(double[] Masses, double Gamma, SphereRule? Sphere, int Buffers, int Points, int Seed)> Cases =
        (from masses in Masses
         from gamma in Gen.Elements(-2.0, -1.0, 0.0, 1.0)
         from sphere in Spheres
         from buffers in Gen.Elements(2, 3, 4, 6, 9)
         from points in Gen.Elements(10, 12, 16)
         from seed in Gen.Choose(0, 100_000)
         select (masses, gamma, sphere, buffers, points, seed)).ToArbitrary();

    [Fact]
    public void Batched_EqualsPerSigma_RandomMixturesSpheresAndBatchSizes()
    {
        PropertyCheck.Run(24, Prop.ForAll(Cases, c =>
        {
            var grid = new CartesianGrid(c.Points, 6.0);
            var mixture = new Mixture(c.Masses.Select((m, i) => new Species($"s{i}", m)));
            var kernels = CollisionKernelTable.Uniform(mixture, new CollisionKernel(c.Gamma, AngularFunction.AbsoluteCosine(), 1.0));
            var batched = BoltzmannOperator.Create(grid, kernels, new BoltzmannOptions { Sphere = c.Sphere, PartialBuffers = c.Buffers });
            var reference = BoltzmannOperator.Create(grid, kernels, new BoltzmannOptions { Sphere = c.Sphere, PerSigmaShifts = true });
            var random = new Random(c.Seed);
            var f = BoltzmannTestCases.Sample(grid, c.Masses.Select(m => BoltzmannOracles.RandomMaxwellianSum(random, 1.6, 0.4)).ToArray());
            var g = BoltzmannTestCases.Sample(grid, c.Masses.Select(m => BoltzmannOracles.RandomMaxwellianSum(random, 1.6, 0.4)).ToArray());
            int s = c.Masses.Length;

            double Deviation(Action<BoltzmannOperator, double[]> run, int length)
            {
                var expected = new double[length];
                var actual = new double[length];
                run(reference, expected);
                run(batched, actual);
                double worst = 0;
                for (int p = 0; p < length; p++)
                {
                    worst = Math.Max(worst, Math.Abs(actual[p] - expected[p]));
                }

                return worst / BoltzmannTestCases.MaxAbs(expected);
            }

            double full = Deviation((op, q) => op.Evaluate(f, q, op.CreateWorkspace()), s * grid.Count);
            double pairs = Deviation((op, q) => op.EvaluatePairs(f, q, op.CreateWorkspace()), s * s * grid.Count);
            double bilinear = Deviation((op, q) => op.EvaluateBilinear(f, g, q, op.CreateWorkspace()), s * grid.Count);
            return (full <= Tolerance && pairs <= Tolerance && bilinear <= Tolerance)
                .Label($"masses [{string.Join(", ", c.Masses)}], γ = {c.Gamma}, {c.Sphere?.ToString() ?? "default spheres"}, K = {c.Buffers}, " +
                       $"N = {c.Points}: Q {full:E2}, pairs {pairs:E2}, bilinear {bilinear:E2}");
        }));
    }
}
