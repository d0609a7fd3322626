using Kinetics.Boltzmann;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Mixtures;

namespace Kinetics.Tests.Boltzmann;

/// <summary>
/// The lanes of one evaluation (<see cref="BoltzmannOptions.MaxDegreeOfParallelism"/> &gt; 1, run by GainLaneRunner):
/// every (pair, radial node) item is done exactly once per evaluation, by one lane, whatever the lane count and however
/// many evaluations follow each other on one workspace; the result is bitwise reproducible and the parallel path
/// allocates nothing.
/// </summary>
public class BoltzmannParallelLanesTests
{
    private static readonly CartesianGrid Grid = new(8, 6.0);

    private static BoltzmannOperator ThreeSpecies(int lanes) =>
        BoltzmannOperator.Create(
            Grid,
            CollisionKernelTable.Uniform(new Mixture(new Species("A", 1.0), new Species("B", 4.0), new Species("C", 2.0)), CollisionKernel.HardSpheres(1.0)),
            new BoltzmannOptions { MaxDegreeOfParallelism = lanes });

    private static double[] Distributions(int seed)
    {
        var random = new Random(seed);
        return BoltzmannTestCases.Sample(Grid, Enumerable.Range(0, 3).Select(_ => BoltzmannOracles.RandomMaxwellianSum(random, 1.6, 0.3)).ToArray());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void ManyEvaluationsOnOneWorkspace_MatchSerial_AndAllocateNothing(int lanes)
    {
        // 40 back-to-back evaluations with alternating inputs on one workspace: a lost or doubled item would change Q by a
        // whole node's contribution (O(1) relative), a lane shared by two threads by a random amount; only the order of the
        // lane sums differs from the serial result (round-off, 1e−13 relative to max |Q|, observed ≤ 2e−15).
        var serial = ThreeSpecies(1);
        var parallel = ThreeSpecies(lanes);
        double[][] inputs = [Distributions(1), Distributions(2)];
        double[][] expected = [serial.Evaluate(inputs[0]), serial.Evaluate(inputs[1])];
        var workspace = parallel.CreateWorkspace();
        var q = new double[inputs[0].Length];
        double[][] first = [parallel.Evaluate(inputs[0]), parallel.Evaluate(inputs[1])];
        for (int round = 0; round < 40; round++)
        {
            parallel.Evaluate(inputs[round % 2], q, workspace);

            // Fixed groups: bitwise the same result whichever thread ran which group.
            Assert.Equal(first[round % 2], q);
            double[] e = expected[round % 2];
            double scale = BoltzmannTestCases.MaxAbs(e), worst = e.Zip(q, (a, b) => Math.Abs(a - b)).Max();
            Assert.True(worst <= 1e-13 * scale, $"round {round}, {lanes} lanes: {worst / scale:E2}");
        }

        AllocationCheck.AssertNone(() => parallel.Evaluate(inputs[0], q, workspace), $"Evaluate with {lanes} lanes");
    }

    [Fact]
    public void EveryLaneCountUpToTheGroups_GivesTheSameBits()
    {
        // The items are dealt into 8 fixed gain groups whatever the lane count (GainLaneRunner), so 2, 3, 5 and 8 lanes sum
        // the same numbers in the same order; a group count that followed the lanes would differ in the last bits.
        double[] f = Distributions(6), g = Distributions(7);
        var reference = ThreeSpecies(2);
        double[] expected = reference.Evaluate(f), expectedBilinear = reference.EvaluateBilinear(f, g);
        var expectedPairs = new double[9 * Grid.Count];
        reference.EvaluatePairs(f, expectedPairs, reference.CreateWorkspace());
        foreach (int lanes in new[] { 3, 5, 8 })
        {
            var parallel = ThreeSpecies(lanes);
            Assert.Equal(expected, parallel.Evaluate(f));
            Assert.Equal(expectedBilinear, parallel.EvaluateBilinear(f, g));
            var pairs = new double[9 * Grid.Count];
            parallel.EvaluatePairs(f, pairs, parallel.CreateWorkspace());
            Assert.Equal(expectedPairs, pairs);
        }
    }

    [Fact]
    public void PairsWithDifferentRadialNodes_EveryLaneCount_GivesTheSameBits()
    {
        // At N = 32 the self pairs have N/2 − 2 = 14 radial nodes and the 1:4 pair 16 (docs/boltzmann.md, "Radial nodes per
        // pair"), so the work items are no longer pair·R + node: 2, 3 and 8 lanes give the same bits, and the serial order
        // agrees to round-off.
        var grid = new CartesianGrid(32, 7.0);
        var kernels = CollisionKernelTable.Uniform(new Mixture(new Species("A", 1.0), new Species("B", 4.0)), CollisionKernel.HardSpheres(1.0));
        var random = new Random(11);
        double[] f = BoltzmannTestCases.Sample(grid, BoltzmannOracles.RandomMaxwellianSum(random, 1.0, 0.3), BoltzmannOracles.RandomMaxwellianSum(random, 4.0, 0.3));
        var serial = BoltzmannOperator.Create(grid, kernels);
        Assert.Equal((14, 16), (serial.RadialPointsFor(1, 1), serial.RadialPointsFor(0, 1)));
        double[] expected = serial.Evaluate(f);
        double[]? first = null;
        foreach (int lanes in new[] { 2, 3, 8 })
        {
            double[] q = BoltzmannOperator.Create(grid, kernels, new BoltzmannOptions { MaxDegreeOfParallelism = lanes }).Evaluate(f);
            first ??= q;
            Assert.Equal(first, q);
        }

        double scale = BoltzmannTestCases.MaxAbs(expected);
        Assert.True(expected.Zip(first!, (a, b) => Math.Abs(a - b)).Max() <= 1e-13 * scale, "serial and parallel differ beyond round-off");
    }

    [Fact]
    public void PairsAndBilinear_WithLanes_MatchSerial()
    {
        var serial = ThreeSpecies(1);
        var parallel = ThreeSpecies(2);
        double[] f = Distributions(3), g = Distributions(4);
        var expected = new double[9 * Grid.Count];
        var actual = new double[9 * Grid.Count];
        serial.EvaluatePairs(f, expected, serial.CreateWorkspace());
        parallel.EvaluatePairs(f, actual, parallel.CreateWorkspace());
        double scale = BoltzmannTestCases.MaxAbs(expected);
        Assert.True(expected.Zip(actual, (a, b) => Math.Abs(a - b)).Max() <= 1e-13 * scale, "expected.Zip(actual, (a, b) => Math.Abs(a - b)).Max() <= 1e-13 * scale");

        double[] bilinear = serial.EvaluateBilinear(f, g), bilinearParallel = parallel.EvaluateBilinear(f, g);
        scale = BoltzmannTestCases.MaxAbs(bilinear);
        Assert.True(bilinear.Zip(bilinearParallel, (a, b) => Math.Abs(a - b)).Max() <= 1e-13 * scale, "bilinear.Zip(bilinearParallel, (a, b) => Math.Abs(a - b)).Max() <= 1e-13 * scale");
    }

    [Fact]
    public void ConcurrentEvaluations_WithTheirOwnWorkspaces_MatchSerial()
    {
        // Four callers at once, each with its own workspace and runner, on one plan with two lanes each (more lanes than
        // cores: some items wait for a core, none may be lost).
        var serial = ThreeSpecies(1);
        var parallel = ThreeSpecies(2);
        double[] f = Distributions(5);
        double[] expected = serial.Evaluate(f);
        double scale = BoltzmannTestCases.MaxAbs(expected);
        var worst = new double[4];
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, caller =>
        {
            var workspace = parallel.CreateWorkspace();
            var q = new double[f.Length];
            for (int round = 0; round < 10; round++)
            {
                parallel.Evaluate(f, q, workspace);
                worst[caller] = Math.Max(worst[caller], expected.Zip(q, (a, b) => Math.Abs(a - b)).Max());
            }
        });
        Assert.True(worst.Max() <= 1e-13 * scale, $"{worst.Max() / scale:E2}");
    }
}
