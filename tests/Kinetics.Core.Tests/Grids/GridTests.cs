using FsCheck.Fluent;
using Kinetics.Distributions;
using Kinetics.Grids;
using static Kinetics.Tests.PhysicalGenerators;

namespace Kinetics.Tests.Grids;

public class GridTests
{
    [Fact]
    public void CartesianGrid_IsSymmetricAboutOrigin_AndCellCentred()
    {
        var gen = from n in Gen.Choose(CartesianGrid.MinPointsPerAxis, 64)
                  from l in LogUniform(0.01, 100.0)
                  select (n, l);
        Check(gen, c =>
        {
            var grid = new CartesianGrid(c.n, c.l);
            for (int i = 0; i < c.n; i++)
            {
                Tolerance.AssertAbsolute(-grid.Coordinate(i), grid.Coordinate(c.n - 1 - i), 4e-15 * c.l, "symmetry");
                Tolerance.AssertAbsolute(-c.l + ((i + 0.5) * 2 * c.l / c.n), grid.Coordinate(i), 4e-15 * c.l, "v_i");
            }

            Tolerance.AssertRelative(Math.Pow(2 * c.l, 3), grid.CellVolume * grid.Count, 1e-14, "h³N³ = (2L)³");
        });
    }

    [Fact]
    public void CartesianGrid_IndexAndPoint_AreConsistent()
    {
        var grid = new CartesianGrid(5, 2.0);
        for (int p = 0; p < grid.Count; p++)
        {
            var (i, j, k) = grid.Indices(p);
            Assert.Equal(p, grid.Index(i, j, k));
            Assert.Equal(new Velocity3(grid.Coordinate(i), grid.Coordinate(j), grid.Coordinate(k)), grid.Point(p));
        }
    }

    [Fact]
    public void CartesianGrid_Integrate_IsExactForPeriodicTrigonometricPolynomials()
    {
        // The midpoint rule on N points per axis integrates e^{iπk·v/L} exactly for |k| < N (periodic trapezoid):
        // ∫ cos(πx/L) cos(2πy/L) dv = 0 and ∫ (1 + cos²(πz/L)) dv = (2L)³·3/2.
        var grid = new CartesianGrid(6, 1.7);
        double l = grid.HalfWidth;
        var a = new double[grid.Count];
        var b = new double[grid.Count];
        for (int p = 0; p < grid.Count; p++)
        {
            var v = grid.Point(p);
            a[p] = Math.Cos(Math.PI * v.X / l) * Math.Cos(2 * Math.PI * v.Y / l);
            b[p] = 1 + Math.Pow(Math.Cos(Math.PI * v.Z / l), 2);
        }

        // Sums of 216 terms of size ≤ 2: round-off ≤ 1e-13 absolute.
        Tolerance.AssertAbsolute(0.0, grid.Integrate(a), 1e-13, "∫ cos cos");
        Tolerance.AssertRelative(Math.Pow(2 * l, 3) * 1.5, grid.Integrate(b), 1e-14, "∫ 1 + cos²");
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => grid.Integrate(new double[5])).ParamName);
    }

    [Fact]
    public void FillSquaredSpeeds_MatchesPointwise()
    {
        foreach (int n in new[] { 4, 5, 7, 8, 9, 16, 17 })
        {
            var grid = new CartesianGrid(n, 3.0);
            var values = new double[grid.Count];
            grid.FillSquaredSpeeds(values);
            for (int p = 0; p < grid.Count; p++)
            {
                Tolerance.AssertRelative(grid.Point(p).LengthSquared, values[p], 4e-16, $"|v|² at {p}");
            }
        }
    }

    [Fact]
    public void RadialGrids_IntegrateIsotropicPolynomials()
    {
        var gen = from n in Gen.Choose(RadialGrid.MinCount, 60)
                  from radius in LogUniform(0.1, 30.0)
                  select (n, radius);
        Check(gen, c =>
        {
            var gauss = new RadialGrid(c.n, c.radius);
            // 4π∫₀^R r² r^k dr = 4πR^{k+3}/(k+3), exact for k ≤ 2n − 1 (Gauss for the weight r²).
            for (int k = 0; k <= (2 * c.n) - 1; k++)
            {
                var values = gauss.Radii.ToArray().Select(r => Math.Pow(r, k)).ToArray();
                Tolerance.AssertRelative(4 * Math.PI * Math.Pow(c.radius, k + 3) / (k + 3), gauss.Integrate(values), 4 * 2.2e-16 * (c.n + 3 + k), $"k = {k}");
            }

            // Shell volumes: constants exactly (to round-off), Σ W = 4πR³/3.
            var cells = new RadialGrid(c.n, c.radius, RadialNodes.CellCentred);
            Tolerance.AssertRelative(4 * Math.PI * Math.Pow(c.radius, 3) / 3, cells.Weights.ToArray().Sum(), 1e-13, "Σ W");
        });
    }

    [Fact]
    public void Grids_CompareByValue_AndEnsureSameNamesTheParameter()
    {
        Assert.Equal(new CartesianGrid(8, 2.0), new CartesianGrid(8, 2.0));
        Assert.NotEqual(new CartesianGrid(8, 2.0), new CartesianGrid(8, 2.5));
        Assert.Equal(new RadialGrid(8, 2.0), new RadialGrid(8, 2.0));
        Assert.NotEqual(new RadialGrid(8, 2.0), new RadialGrid(8, 2.0, RadialNodes.CellCentred));
        var ex = Assert.Throws<ArgumentException>(() => new RadialGrid(8, 2.0).EnsureSame(new RadialGrid(9, 2.0), "g"));
        Assert.Equal("g", ex.ParamName);
        Assert.Contains("RadialGrid(Gauss, n = 9", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Distributions_KnowTheirGrid_AndCopyTheirValues()
    {
        var grid = new RadialGrid(6, 3.0);
        double[] values = [1, 2, 3, 4, 5, 6];
        var f = new RadialDistribution(grid, values);
        values[0] = 99;
        Assert.Equal(1, f.ReadOnlyValues[0]);
        var copy = f.Clone();
        copy.Values[1] = -1;
        Assert.Equal(2, f.ReadOnlyValues[1]);
        Assert.Same(grid, f.Grid);
        var sampled = RadialDistribution.Sample(grid, r => r * r);
        Assert.Equal(grid.Radii[3] * grid.Radii[3], sampled.ReadOnlyValues[3]);
    }
}
