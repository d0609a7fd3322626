using FsCheck;
using FsCheck.Fluent;
using Kinetics.Conservation;
using Kinetics.Grids;

namespace Kinetics.Tests.Conservation;

/// <summary>
/// <see cref="ConservativeProjection"/> on per-species grids (different N, half-widths and centres): the result satisfies
/// the constraints, recomputed here at the physical points, and is the minimiser of the h_α³-weighted norm
/// Σ_α h_α³ Σ_p (Q̃ − Q)²/W (checked through its optimality condition, not through the code's formula).
/// </summary>
public class ConservativeProjectionSpeciesGridsTests
{
    private static SpeciesGrids RandomGrids(Random random, int species) =>
        new(Enumerable.Range(0, species).Select(_ => new SpeciesGrid(
            new CartesianGrid(8 + (2 * random.Next(0, 4)), 0.3 + (7 * random.NextDouble())),
            new Velocity3(random.NextDouble() - 0.5, random.NextDouble() - 0.5, random.NextDouble() - 0.5))));

    // Anisotropic two-bump shapes on each grid (in units of its half-width), times (1 + noise) for F or (noise − 1/2) for Q.
    private static double[] Field(Random random, SpeciesGrids grids, bool positive)
    {
        var values = new double[grids.TotalCount];
        for (int a = 0; a < grids.SpeciesCount; a++)
        {
            SpeciesGrid g = grids[a];
            Span<double> slice = grids.Slice(values.AsSpan(), a);
            double s = g.HalfWidth / 5, shift = 0.4 * g.HalfWidth;
            for (int p = 0; p < g.Count; p++)
            {
                Velocity3 v = g.Grid.Point(p);
                double bump = Math.Exp(-(((v.X - shift) * (v.X - shift)) + (0.5 * v.Y * v.Y) + (2 * v.Z * v.Z)) / (2 * s * s))
                    + (0.6 * Math.Exp(-(((v.X + shift) * (v.X + shift)) + (v.Y * v.Y) + (v.Z * v.Z)) / (s * s)));
                slice[p] = bump * (positive ? 0.2 + random.NextDouble() : random.NextDouble() - 0.5);
            }
        }

        return values;
    }

    // The S + 4 rates and their scales Σ|q||φ|, by direct sums at the physical points c_α + v_p.
    private static (double[] Rates, double[] Scales) Moments(SpeciesGrids grids, double[] masses, double[] q)
    {
        int s = grids.SpeciesCount;
        double[] rates = new double[s + 4], scales = new double[s + 4];
        for (int a = 0; a < s; a++)
        {
            SpeciesGrid g = grids[a];
            ReadOnlySpan<double> qa = grids.Slice(q.AsSpan(), a);
            for (int p = 0; p < g.Count; p++)
            {
                Velocity3 v = g.Point(p);
                double w = qa[p] * g.CellVolume, m = masses[a], abs = Math.Abs(w);
                rates[a] += w;
                scales[a] += abs;
                rates[s] += m * v.X * w;
                rates[s + 1] += m * v.Y * w;
                rates[s + 2] += m * v.Z * w;
                rates[s + 3] += 0.5 * m * v.LengthSquared * w;
                scales[s] += m * v.Length * abs;
                scales[s + 3] += 0.5 * m * v.LengthSquared * abs;
            }
        }

        scales[s + 1] = scales[s + 2] = scales[s];
        return (rates, scales);
    }

    private static double Worst((double[] Rates, double[] Scales) m) =>
        m.Rates.Zip(m.Scales, (r, sc) => Math.Abs(r) / sc).Max();

    [Fact]
    public void OnPerSpeciesGrids_ConservesAndIsTheCellVolumeWeightedMinimiser()
    {
        double worstResidual = 0, worstOrthogonality = 0;
        var prop = Prop.ForAll(
            Gen.Choose(0, 1_000_000).ToArbitrary(),
            Gen.Choose(2, 3).ToArbitrary(),
            (seed, species) =>
            {
                var random = new Random(seed);
                SpeciesGrids grids = RandomGrids(random, species);
                double[] masses = Enumerable.Range(0, species).Select(_ => Math.Exp(random.NextDouble() * Math.Log(1836))).ToArray();
                double[] f = Field(random, grids, positive: true), q = Field(random, grids, positive: false), delta = Field(random, grids, positive: false);
                var projection = ConservativeProjection.Create(grids, masses);
                double[] corrected = (double[])q.Clone();
                ConservationReport report = projection.Apply(corrected, f);
                double residual = Worst(Moments(grids, masses, corrected));

                // Optimality: (Q̃ − Q)/W is orthogonal, in Σ_α h_α³ Σ_p, to every direction that keeps the constraints (a
                // projected random field; its own constraints are at round-off, checked too).
                projection.Apply(delta);
                double dot = 0, normA = 0, normB = 0;
                for (int a = 0; a < species; a++)
                {
                    double h3 = grids[a].CellVolume;
                    int offset = grids.Offset(a);
                    for (int p = 0; p < grids.Count(a); p++)
                    {
                        double x = (corrected[offset + p] - q[offset + p]) / f[offset + p], y = delta[offset + p];
                        dot += h3 * x * y;
                        normA += h3 * x * x;
                        normB += h3 * y * y;
                    }
                }

                double orthogonality = Math.Abs(dot) / Math.Sqrt(normA * normB);
                worstResidual = Math.Max(worstResidual, Math.Max(residual, Worst(Moments(grids, masses, delta))));
                worstOrthogonality = Math.Max(worstOrthogonality, orthogonality);

                // Observed (100 cases): residuals ≤ 9.3e-16, orthogonality ≤ 6.7e-17; bounds with a margin of 5 to 9.
                return residual <= 5e-15 && report.ResidualAfter <= 5e-15 && orthogonality <= 6e-16;
            });
        prop.QuickCheckThrowOnFailure();
        Assert.True(worstResidual > 0 && worstOrthogonality > 0, $"residual {worstResidual:E2}, orthogonality {worstOrthogonality:E2}");
    }

    [Fact]
    public void Grid_IsTheSharedGrid_AndRefusedOnPerSpeciesGrids()
    {
        var grid = new CartesianGrid(8, 5.0);
        Assert.Same(grid, ConservativeProjection.Create(grid, [1.0, 4.0]).Grid);
        var split = new SpeciesGrids([new SpeciesGrid(grid), new SpeciesGrid(new CartesianGrid(8, 2.5))]);
        var projection = ConservativeProjection.Create(split, [1.0, 4.0]);
        Assert.Same(split, projection.Grids);
        Assert.Throws<InvalidOperationException>(() => projection.Grid);
    }
}
