using Kinetics.Grids;

namespace Kinetics.Tests.Conservation;

/// <summary>
/// Collision invariants of stacked S·N³ data recomputed by direct sums over the grid, independently of the code under
/// test (the projection's own report is not read): per-species mass Σ_p Q^α_p h³, total momentum Σ_α m^α Σ_p v_p Q^α_p h³
/// and total energy Σ_α (m^α/2) Σ_p |v_p|² Q^α_p h³.
/// </summary>
internal static class IndependentMoments
{
    /// <summary>
    /// The largest invariant defect relative to the natural scale Σ_α Σ_p |Q^α_p| (1 + m^α|v_p| + m^α|v_p|²/2) h³
    /// (so round-off sits near 1e−16 times the number of terms).
    /// </summary>
    public static double RelativeDefect(CartesianGrid grid, ReadOnlySpan<double> masses, ReadOnlySpan<double> q)
    {
        int count = grid.Count, species = masses.Length;
        Assert.Equal(species * count, q.Length);
        double h3 = grid.CellVolume, worst = 0.0, scale = 0.0, energy = 0.0;
        Velocity3 momentum = Velocity3.Zero;
        for (int a = 0; a < species; a++)
        {
            double mass = 0.0, m = masses[a];
            for (int p = 0; p < count; p++)
            {
                double value = q[(a * count) + p];
                Velocity3 v = grid.Point(p);
                mass += value;
                momentum += m * value * v;
                energy += 0.5 * m * value * v.LengthSquared;
                scale += Math.Abs(value) * (1.0 + (m * v.Length) + (0.5 * m * v.LengthSquared));
            }

            worst = Math.Max(worst, Math.Abs(mass));
        }

        worst = Math.Max(worst, Math.Max(Math.Abs(energy), Math.Max(Math.Abs(momentum.X), Math.Max(Math.Abs(momentum.Y), Math.Abs(momentum.Z)))));
        return worst * h3 / (scale * h3);
    }
}
