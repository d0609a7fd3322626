using Kinetics.Boltzmann;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Mixtures;

namespace Kinetics.Tests.Boltzmann;

/// <summary>Shared set-up for the fast-operator tests: grids, mixtures and sampled distributions.</summary>
internal static class BoltzmannTestCases
{
    public static double[] Sample(CartesianGrid grid, params Func<Velocity3, double>[] species)
    {
        var values = new double[species.Length * grid.Count];
        for (int a = 0; a < species.Length; a++)
        {
            for (int p = 0; p < grid.Count; p++)
            {
                values[(a * grid.Count) + p] = species[a](grid.Point(p));
            }
        }

        return values;
    }

    public static BoltzmannOperator TwoSpecies(CartesianGrid grid, double massA, double massB, double gamma, BoltzmannOptions? options = null)
    {
        var mixture = new Mixture(new Species("A", massA), new Species("B", massB));
        return BoltzmannOperator.Create(grid, CollisionKernelTable.Uniform(mixture, new CollisionKernel(gamma, AngularFunction.AbsoluteCosine(), 1.0)), options);
    }

    public static double MaxAbs(ReadOnlySpan<double> values)
    {
        double max = 0;
        foreach (double v in values)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        return max;
    }
}
