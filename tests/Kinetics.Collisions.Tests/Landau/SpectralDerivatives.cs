using System.Numerics;
using Kinetics.Grids;
using Kinetics.Spectral;

namespace Kinetics.Tests.Landau;

/// <summary>Test helper: spectral gradient and Laplacian of periodic grid data (Nyquist mode dropped).</summary>
internal static class SpectralDerivatives
{
    public static double[] Gradient(CartesianGrid grid, double[] values) => Apply(grid, values, 3);

    public static double[] Laplacian(CartesianGrid grid, double[] values) => Apply(grid, values, 1);

    private static double[] Apply(CartesianGrid grid, double[] values, int outputs)
    {
        int n = grid.PointsPerAxis, count = grid.Count;
        var plan = Fft3DPlan.Create(n);
        var spectrum = new Complex[count];
        for (int p = 0; p < count; p++)
        {
            spectrum[p] = values[p];
        }

        plan.Forward(spectrum);
        var result = new double[outputs * count];
        double unit = Math.PI / grid.HalfWidth;
        for (int d = 0; d < outputs; d++)
        {
            var work = new Complex[count];
            for (int p = 0; p < count; p++)
            {
                var (i, j, k) = grid.Indices(p);
                double[] xi = [Freq(i, n) * unit, Freq(j, n) * unit, Freq(k, n) * unit];
                work[p] = outputs == 1
                    ? -((xi[0] * xi[0]) + (xi[1] * xi[1]) + (xi[2] * xi[2])) * spectrum[p]
                    : new Complex(0, (i == n / 2 && d == 0) || (j == n / 2 && d == 1) || (k == n / 2 && d == 2) ? 0 : xi[d]) * spectrum[p];
            }

            plan.Inverse(work);
            for (int p = 0; p < count; p++)
            {
                result[(d * count) + p] = work[p].Real;
            }
        }

        return result;
    }

    private static int Freq(int i, int n) => i <= n / 2 ? i : i - n;
}
