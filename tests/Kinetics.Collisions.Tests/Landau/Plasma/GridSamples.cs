using Kinetics.Grids;

namespace Kinetics.Tests.Landau.Plasma;

/// <summary>Sampling and moments on one species grid, recomputed in the tests from the physical grid points.</summary>
internal static class GridSamples
{
    public static double[] Sample(SpeciesGrid grid, Func<Velocity3, double> f)
    {
        var values = new double[grid.Count];
        for (int p = 0; p < values.Length; p++)
        {
            values[p] = f(grid.Point(p));
        }

        return values;
    }

    // ∫ φ(v) q dv with weight h³.
    public static double Moment(SpeciesGrid grid, ReadOnlySpan<double> q, Func<Velocity3, double> phi)
    {
        double sum = 0;
        for (int p = 0; p < q.Length; p++)
        {
            sum += phi(grid.Point(p)) * q[p];
        }

        return sum * grid.CellVolume;
    }
}
