using Kinetics.Boltzmann;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Mixtures;
using Kinetics.Quadrature;

namespace Kinetics.Tests.Boltzmann;

/// <summary>
/// The anisotropic weights evaluated at the orbit representatives of the half spectrum and permuted over σ
/// (<see cref="SpectralOrbits"/>) against the Legendre series at every point and σ (the internal option
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
        // The two differ only in the round-off of t = σ·k̂ (gᵀσ_m equals σ_{m'} to ~1e−16) and of the summation order:
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
    [InlineData("product:11", true, 16)]
    [InlineData("product:11", false, 16)]
    [InlineData("lebedev:50", true, 48)]
    [InlineData("icosahedral:32", false, 24)]
    [InlineData("rotated:product:5", false, 2)]
    [InlineData("product:5", false, 8)]
    public void Orbits_FindTheSymmetriesSharedWithTheGrid(string rule, bool half, int order)
    {
        // The symmetry groups are known: the product rule with 12 azimuths and Gauss nodes symmetric in z has D4h (16),
        // Lebedev rules the full octahedral group (48), the product rule with 6 azimuths D2h (8: the sign changes, no
        // swap of x and y); the 32-point rule (icosahedron + dodecahedron in the standard orientation) has T_h (24: sign
        // changes and cyclic permutations); an antipodal rule turned off the axes keeps only ±I.
        var points = rule.StartsWith("rotated", StringComparison.Ordinal) ? Rotated(SphereRule.Product(5)) : Rule(rule).Points.ToArray();
        if (half)
        {
            points = [.. points.Where((p, i) => !points.Take(i).Any(q => (p + q).Length < 1e-12))];
        }

        var orbits = new SpectralOrbits(12, points, allowAntipodes: half);
        Assert.Equal(order, orbits.GroupOrder);

        // Every point p is g k* for its orbit's representative k* and map row g: |k|² is kept and σ_m·k = ±σ_{m'}·k*.
        for (int i = 0, p = 0; i < 12; i++)
        {
            for (int j = 0; j < 12; j++)
            {
                for (int z = 0; z <= 6; z++, p++)
                {
                    var k = new Velocity3(i < 6 ? i : i - 12, j < 6 ? j : j - 12, z); // the operator's order; Nyquist −N/2
                    var (x, y, w) = orbits.Representative(orbits.PointOrbit[p]);
                    var star = new Velocity3(x, y, w);
                    Assert.Equal(Velocity3.Dot(k, k), Velocity3.Dot(star, star), 12);
                    for (int m = 0; m < points.Length; m++)
                    {
                        int e = orbits.SigmaMap[orbits.PointMap[p] + m];
                        double expected = Velocity3.Dot(points[m], k), actual = e < points.Length ? Velocity3.Dot(points[e], star) : -Velocity3.Dot(points[e - points.Length], star);
                        Assert.True(Math.Abs(expected - actual) < 1e-12, $"p {p}, σ {m}: {expected} vs {actual}");
                    }
                }
            }
        }
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
        double a = 0.3, b = 0.7;
        Velocity3 Turn(Velocity3 v)
        {
            var u = new Velocity3((Math.Cos(a) * v.X) - (Math.Sin(a) * v.Y), (Math.Sin(a) * v.X) + (Math.Cos(a) * v.Y), v.Z);
            return new Velocity3(u.X, (Math.Cos(b) * u.Y) - (Math.Sin(b) * u.Z), (Math.Sin(b) * u.Y) + (Math.Cos(b) * u.Z));
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
