using Kinetics.Boltzmann;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Mixtures;
using Kinetics.Quadrature;

namespace Kinetics.Tests.Boltzmann;

/// <summary>
/// The anisotropic weights tabulated for the representatives of the σ orbits and read for every σ through a signed
/// permutation of (k_x, k_y)
/// (<see cref="SigmaOrbits"/>) against the Legendre series at every point and σ (the internal option
/// <c>AnisotropicSeriesPerPoint</c>), on the operator's whole evaluation.
/// </summary>
public class AnisotropicOrbitWeightsTests
{
    public static TheoryData<string, int> Rules => new()
    {
        { "product:11", 1 }, { "product:11", 2 }, { "product:7", 2 }, { "lebedev:50", 2 }, { "icosahedral:32", 2 }, { "product:5", 1 },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void OrbitWeights_EqualSeriesAtEveryPoint(string rule, int species)
    {
        // The two differ only in the round-off of t = σ·k̂ (hσ_r equals σ_m to ~1e−16) and of the summation order:
        // 1e−13 relative to max |Q| (observed ≤ 1.6e−14). A wrong σ permutation or a swapped side is an O(1e−2) difference.
        var grid = new CartesianGrid(12, 6.0);
        var sphere = Rule(rule);
        double[] masses = species == 1 ? [1.0] : [1.0, 4.0];
        var kernels = CollisionKernelTable.Uniform(
            new Mixture(masses.Select((m, i) => new Species($"s{i}", m))), new CollisionKernel(-1.0, AngularFunction.VariableSoftSphere(1.5), 1.0));
        var orbits = BoltzmannOperator.Create(grid, kernels, new BoltzmannOptions { Sphere = sphere });
        var series = BoltzmannOperator.Create(grid, kernels, new BoltzmannOptions { Sphere = sphere, AnisotropicSeriesPerPoint = true });
        var random = new Random(species + rule.Length);
        double[] f = [.. Enumerable.Range(0, species).SelectMany(_ => BoltzmannTestCases.Sample(grid, BoltzmannOracles.RandomMaxwellianSum(random, 1.4, 0.4)))];
        double[] g = [.. Enumerable.Range(0, species).SelectMany(_ => BoltzmannTestCases.Sample(grid, BoltzmannOracles.RandomMaxwellianSum(random, 1.4, 0.4)))];

        var expected = new double[species * species * grid.Count];
        var actual = new double[expected.Length];
        series.EvaluatePairs(f, expected, series.CreateWorkspace());
        orbits.EvaluatePairs(f, actual, orbits.CreateWorkspace());
        AssertClose(expected, actual, "EvaluatePairs");

        double[] bilinearExpected = series.EvaluateBilinear(f, g), bilinearActual = orbits.EvaluateBilinear(f, g);
        AssertClose(bilinearExpected, bilinearActual, "EvaluateBilinear");
    }

    [Theory]
    [InlineData("product:11", 6)]
    [InlineData("product:5", 4)]
    [InlineData("lebedev:50", 7)]
    [InlineData("icosahedral:32", 7)]
    [InlineData("rotated:product:5", 9)]
    public void SigmaOrbits_MapEveryDirectionToItsRepresentative(string rule, int orbits)
    {
        // Orbit counts under ±(signed x, y permutations with z kept): Product(11) (12 azimuths, D4h) has 6 — per pair of
        // Gauss levels ±z the azimuths {0°, 90°, 180°, 270°} and the other 8; Product(5) (6 azimuths, only sign changes)
        // 4; Lebedev50 7 (the octahedron and the edge midpoints each split into the z pair or ring and the rest, the
        // cube, and the 24 points (±1, ±1, ±3)/√11 by whether the large coordinate is z);
        // the 32-point rule 7 (the coordinate patterns (0, ±1, ±φ) and (0, ±1/φ, ±φ) in three cyclic orders, and the
        // cube); a rule turned off the axes keeps only ±I (18 points, 9 orbits).
        var points = rule.StartsWith("rotated", StringComparison.Ordinal) ? Rotated(SphereRule.Product(5)) : Rule(rule).Points.ToArray();
        var map = new SigmaOrbits(points);
        Assert.Equal(orbits, map.OrbitCount);

        // σ_m·k = ±σ_r·k'' (− when conjugated) with k''_z = k_z and |k''| = |k|, for every k of a 12³ grid's half spectrum.
        for (int m = 0; m < points.Length; m++)
        {
            var representative = points[map.SigmaOfOrbit(map.Orbit(m))];
            var (swap, signX, signY, conjugate) = map.Map(m);
            for (int x = -6; x <= 6; x++)
            {
                for (int y = -6; y <= 6; y++)
                {
                    for (int z = 0; z <= 6; z++)
                    {
                        var k = new Velocity3(x, y, z);
                        var image = new Velocity3(signX * (swap ? y : x), signY * (swap ? x : y), z);
                        double expected = Velocity3.Dot(points[m], k), actual = (conjugate ? -1 : 1) * Velocity3.Dot(representative, image);
                        Assert.True(Math.Abs(expected - actual) < 1e-12, $"σ {m}, k ({x}, {y}, {z}): {expected} vs {actual}");
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData(10)]
    [InlineData(12)]
    [InlineData(16)]
    public void FoldedRealTable_GivesWhatTheComplexKernelGivesWithZeroImaginaryParts(int n)
    {
        // A self pair's folded weights W(σ·k̂) + W(−σ·k̂) are real and kept as one double per point; the real row kernel
        // must give the values the complex row kernel gives for the same weights with zero imaginary parts (one multiply-add
        // per double either way, so equal to the last bit), for σ of every orbit and map (swaps, sign changes, conjugation)
        // and rows of N/2 + 1 = 6, 7, 9 complex numbers (every vector tail).
        var sigmas = SphereRule.Product(11).Points.ToArray();
        double halfWidth = 6.0, rs = 2 * halfWidth / (3 + Math.Sqrt(2));
        var radial = RadialPowerRule.Create(n / 2, 2 * rs, 2.0);
        var weights = new AnisotropicGainWeights(
            new CollisionKernel(-1.0, AngularFunction.VariableSoftSphere(1.5), 1.0), radial.Nodes.ToArray(), radial.Weights.ToArray(), 0.5, 0.5, n, halfWidth, sigmas);
        int count = n * n * ((n / 2) + 1), node = (n / 2) - 2;
        var real = new double[weights.FoldedTableLength];
        weights.FillOrbitWeights(node, true, real);
        Assert.Equal(weights.OrbitTableLength / 4, real.Length);
        var complex = new double[weights.OrbitTableLength / 2];
        for (int i = 0; i < real.Length; i++)
        {
            complex[2 * i] = real[i];
        }

        var random = new Random(n);
        int[] batch = [.. weights.Orbits!.Order.Where((_, i) => i % 5 == 0).Take(AnisotropicGainWeights.MaxBatch)];
        var products = new System.Numerics.Complex[batch.Length * count];
        var start = new System.Numerics.Complex[count];
        for (int i = 0; i < products.Length; i++)
        {
            products[i] = new System.Numerics.Complex(random.NextDouble() - 0.5, random.NextDouble() - 0.5);
        }

        for (int i = 0; i < count; i++)
        {
            start[i] = new System.Numerics.Complex(random.NextDouble() - 0.5, random.NextDouble() - 0.5);
        }

        var expected = start.ToArray();
        var actual = start.ToArray();
        weights.AccumulateOrbitBatch(batch, sigmas.Length, complex, products, expected, default, default, default);
        weights.AccumulateOrbitBatch(batch, sigmas.Length, real, products, actual, default, default, default, folded: true);
        Assert.Equal(expected, actual);
        Assert.True(expected.Zip(start).Max(t => (t.First - t.Second).Magnitude) > 1e-3, "the weights changed the gains");

        var perSigma = start.ToArray();
        foreach (int m in batch)
        {
            weights.AccumulateOrbitSigma(m, real, products.AsSpan(Array.IndexOf(batch, m) * count, count), perSigma, default, folded: true);
        }

        Assert.Equal(expected, perSigma);
        Assert.Throws<InvalidOperationException>(() => weights.AccumulateOrbitBatch(batch, sigmas.Length, real, products, actual, actual, default, default, folded: true));
    }

    private static SphereRule Rule(string name) => name switch
    {
        "product:11" => SphereRule.Product(11),
        "product:7" => SphereRule.Product(7),
        "lebedev:50" => SphereRule.Lebedev50,
        "icosahedral:32" => SphereRule.Icosahedral32,
        "product:5" => SphereRule.Product(5),
        _ => throw new ArgumentException(name, nameof(name)),
    };

    // The points of a rule turned by a generic rotation (antipodal, but with no axis symmetry).
    private static Velocity3[] Rotated(SphereRule rule)
    {
        double a = 0.3, b = 0.7, c = 0.45;
        Velocity3 Turn(Velocity3 v)
        {
            var u = new Velocity3((Math.Cos(a) * v.X) - (Math.Sin(a) * v.Y), (Math.Sin(a) * v.X) + (Math.Cos(a) * v.Y), v.Z);
            var w = new Velocity3(u.X, (Math.Cos(b) * u.Y) - (Math.Sin(b) * u.Z), (Math.Sin(b) * u.Y) + (Math.Cos(b) * u.Z));
            return new Velocity3((Math.Cos(c) * w.X) + (Math.Sin(c) * w.Z), w.Y, (Math.Cos(c) * w.Z) - (Math.Sin(c) * w.X));
        }

        return [.. rule.Points.ToArray().Select(Turn)];
    }

    private static void AssertClose(double[] expected, double[] actual, string what)
    {
        double scale = BoltzmannTestCases.MaxAbs(expected), worst = 0;
        for (int p = 0; p < expected.Length; p++)
        {
            worst = Math.Max(worst, Math.Abs(expected[p] - actual[p]));
        }

        Assert.True(scale > 0 && worst <= 1e-13 * scale, $"{what}: orbit weights vs series {worst / scale:E2}");
    }
}
