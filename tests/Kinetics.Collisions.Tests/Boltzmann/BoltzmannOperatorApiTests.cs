using Kinetics.Boltzmann;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Mixtures;

namespace Kinetics.Tests.Boltzmann;

public class BoltzmannOperatorApiTests
{
    private static readonly CartesianGrid Grid = new(8, 6.0);

    private static double[] Distributions(int seed, int species)
    {
        var random = new Random(seed);
        return BoltzmannTestCases.Sample(Grid, Enumerable.Range(0, species).Select(_ => BoltzmannOracles.RandomMaxwellianSum(random, 1.6, 0.3)).ToArray());
    }

    [Fact]
    public void EvaluateCells_EqualsCellByCellEvaluation()
    {
        var op = BoltzmannTestCases.TwoSpecies(Grid, 0.25, 1.0, -1.0);
        int block = 2 * Grid.Count;
        var cells = new double[3 * block];
        for (int c = 0; c < 3; c++)
        {
            Distributions(c, 2).CopyTo(cells, c * block);
        }

        var batched = new double[cells.Length];
        op.EvaluateCells(cells, batched);
        for (int c = 0; c < 3; c++)
        {
            double[] single = op.Evaluate(cells.AsSpan(c * block, block));

            // Same plan, same arithmetic in the same order: bit-identical.
            Assert.Equal(single, batched.AsSpan(c * block, block).ToArray());
        }
    }

    [Fact]
    public void ParallelRadialLanes_MatchSerialToRoundOff()
    {
        var serial = BoltzmannTestCases.TwoSpecies(Grid, 0.875, 1.0, 0.0);
        var parallel = BoltzmannTestCases.TwoSpecies(Grid, 0.875, 1.0, 0.0, new BoltzmannOptions { MaxDegreeOfParallelism = 2 });
        double[] f = Distributions(1, 2);
        double[] a = serial.Evaluate(f), b = parallel.Evaluate(f);

        // Only the summation order of the radial contributions differs: round-off relative to max |Q|.
        double scale = BoltzmannTestCases.MaxAbs(a);
        for (int p = 0; p < a.Length; p++)
        {
            Assert.True(Math.Abs(a[p] - b[p]) <= 1e-13 * scale, $"Math.Abs(a[p] - b[p]) <= 1e-13 * scale: {(Math.Abs(a[p] - b[p]))} vs {(1e-13 * scale)}");
        }
    }

    [Fact]
    public void EvaluatePairs_SumToEvaluate()
    {
        var op = BoltzmannTestCases.TwoSpecies(Grid, 0.25, 1.0, 1.0);
        double[] f = Distributions(2, 2);
        var pairs = new double[4 * Grid.Count];
        op.EvaluatePairs(f, pairs, op.CreateWorkspace());
        double[] q = op.Evaluate(f);
        double scale = BoltzmannTestCases.MaxAbs(q);
        for (int a = 0; a < 2; a++)
        {
            for (int p = 0; p < Grid.Count; p++)
            {
                double sum = pairs[((2 * a) * Grid.Count) + p] + pairs[(((2 * a) + 1) * Grid.Count) + p];

                // Linear combination of the same spectra before or after the inverse FFT: round-off.
                Assert.True(Math.Abs(sum - q[(a * Grid.Count) + p]) <= 1e-13 * scale, $"Math.Abs(sum - q[(a * Grid.Count) + p]) <= 1e-13 * scale: {(Math.Abs(sum - q[(a * Grid.Count) + p]))} vs {(1e-13 * scale)}");
            }
        }
    }

    [Fact]
    public void Evaluate_DoesNotModifyInput_AndReportsItsFftCount()
    {
        var op = BoltzmannTestCases.TwoSpecies(Grid, 0.25, 1.0, 0.0);
        double[] f = Distributions(3, 2);
        double[] copy = (double[])f.Clone();
        op.Evaluate(f);
        Assert.Equal(copy, f);

        // 2 forward + 2·2 inverse per species, and per radial node: 2·25 shifted copies + 1 forward for each self pair (half
        // of Lebedev's 50-point rule, M + 1 = 51) and 2·32 + 1 = 65 for the 1:4 pair (32-point icosahedral rule). At N = 12
        // = 8 every pair has the floor of 8 radial nodes.
        Assert.Equal(8, op.RadialPointsFor(0, 0));
        Assert.Equal(8, op.RadialPointsFor(1, 0));
        Assert.Equal(2 + 4 + (8 * ((2 * 51) + 65)), op.FftsPerEvaluation);
    }

    [Fact]
    public void RadialNodes_PerPair_ByDefault_AndEveryPairWhenSet()
    {
        // Default (docs/boltzmann.md, "Radial nodes per pair"): from N = 32 on N/2 − 2 for a species with itself and for equal
        // masses, N/2 for unequal masses (and for every pair below N = 32); the option sets every pair. Masses 1, 4, 1.
        var mixture = new Mixture(new Species("A", 1.0), new Species("B", 4.0), new Species("C", 1.0));
        var kernels = CollisionKernelTable.Uniform(mixture, CollisionKernel.HardSpheres(1.0));
        var grid = new CartesianGrid(32, 7.0);
        var op = BoltzmannOperator.Create(grid, kernels);
        Assert.Equal((14, 14, 14), (op.RadialPointsFor(0, 0), op.RadialPointsFor(1, 1), op.RadialPointsFor(2, 0)));
        Assert.Equal((16, 16, 16), (op.RadialPointsFor(0, 1), op.RadialPointsFor(1, 0), op.RadialPointsFor(1, 2)));
        Assert.Equal(16, op.RadialPoints);

        // 3 forward + 3·2 inverse; per node 51 for each self pair and 65 for each pair of two species (Icosahedral32).
        Assert.Equal(3 + 6 + (14 * ((3 * 51) + 65)) + (16 * 2 * 65), op.FftsPerEvaluation);
        var small = BoltzmannOperator.Create(new CartesianGrid(24, 7.0), kernels);
        Assert.Equal((12, 12), (small.RadialPointsFor(0, 0), small.RadialPointsFor(0, 1)));
        var set = BoltzmannOperator.Create(grid, kernels, new BoltzmannOptions { RadialPoints = 10 });
        Assert.Equal((10, 10, 10), (set.RadialPointsFor(0, 0), set.RadialPointsFor(0, 1), set.RadialPoints));
    }

    [Fact]
    public void Create_RejectsBadInput()
    {
        var kernel = CollisionKernel.HardSpheres(1.0);
        var ex = Assert.Throws<ArgumentException>("grid", () => BoltzmannOperator.Create(Grid, kernel, 1.0, new BoltzmannOptions { SupportRadius = 3.0 }));
        Assert.Contains("(3 + √2)/2", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("grid", () => BoltzmannOperator.Create(new CartesianGrid(9, 6.0), kernel));
        Assert.Throws<ArgumentOutOfRangeException>("options.RadialPoints", () => BoltzmannOperator.Create(Grid, kernel, 1.0, new BoltzmannOptions { RadialPoints = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>("options", () => BoltzmannOperator.Create(Grid, kernel, 1.0, new BoltzmannOptions { SupportRadius = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>("gamma", () => new CollisionKernel(-3.0, AngularFunction.AbsoluteCosine()));

        // Product(2) has 3 azimuths, so −σ is not a node: the pair-sharing needs antipodal rules.
        Assert.Throws<ArgumentException>("options", () => BoltzmannOperator.Create(Grid, kernel, 1.0, new BoltzmannOptions { Sphere = Kinetics.Quadrature.SphereRule.Product(2) }));
    }

    [Fact]
    public void Evaluate_RejectsBadInput()
    {
        var op = BoltzmannOperator.Create(Grid, CollisionKernel.HardSpheres(1.0));
        var ws = op.CreateWorkspace();
        double[] f = Distributions(4, 1);
        Assert.Throws<ArgumentException>("destination", () => op.Evaluate(f, new double[Grid.Count - 1], ws));
        Assert.Throws<ArgumentException>("distributions", () => op.Evaluate(new double[Grid.Count + 1], new double[Grid.Count], ws));
        double[] nan = (double[])f.Clone();
        nan[5] = double.NaN;
        Assert.Throws<ArgumentException>("distributions", () => op.Evaluate(nan, new double[Grid.Count], ws));
        Assert.Throws<ArgumentException>("destination", () => op.Evaluate(f, f, ws));

        // A flat distribution is not resolved: |F| on the boundary equals its maximum.
        var flat = Enumerable.Repeat(1.0, Grid.Count).ToArray();
        var unresolved = Assert.Throws<ArgumentException>("distributions", () => op.Evaluate(flat, new double[Grid.Count], ws));
        Assert.Contains("not resolved", unresolved.Message, StringComparison.Ordinal);

        var other = BoltzmannTestCases.TwoSpecies(Grid, 1.0, 2.0, 0.0);
        Assert.Throws<ArgumentException>("workspace", () => op.Evaluate(f, new double[Grid.Count], other.CreateWorkspace()));
    }
}
