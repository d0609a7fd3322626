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

    /// <summary>
    /// The two-species operator on non-equilibrium data (random Maxwellian sums with thermal speeds ≈ 1, independent of
    /// the species masses) against the reference evaluator of the same truncated operator (R = 2R_S) at
    /// <paramref name="sampleCount"/> grid points for all four ordered pairs: (max |fast − reference|, max |reference|).
    /// </summary>
    public static (double Worst, double Scale) DeviationFromReference(BoltzmannOperator op, int sampleCount)
    {
        var grid = op.Grid;
        var random = new Random(3);
        var species = new[] { BoltzmannOracles.RandomMaxwellianSum(random, 1.0, 0.4), BoltzmannOracles.RandomMaxwellianSum(random, 1.2, 0.4) };
        double[] masses = op.Kernels.Mixture.Masses();
        var q = new double[4 * grid.Count];
        op.EvaluatePairs(Sample(grid, species), q, op.CreateWorkspace());
        int h = grid.PointsPerAxis / 2;
        int[] samples = new[] { grid.Index(h, h, h), grid.Index(h + 2, h - 1, h + 1), grid.Index(h - 3, h + 2, h) }[..sampleCount];
        double worst = 0, scale = 0;
        for (int a = 0; a < 2; a++)
        {
            for (int b = 0; b < 2; b++)
            {
                var reference = BoltzmannReferenceEvaluator.Create(op.Kernels[a, b], masses[a], masses[b], op.TruncationRadius, 24, 12);
                foreach (int p in samples)
                {
                    double exact = reference.Evaluate(species[a], species[b], grid.Point(p));
                    worst = Math.Max(worst, Math.Abs(exact - q[(((a * 2) + b) * grid.Count) + p]));
                    scale = Math.Max(scale, Math.Abs(exact));
                }
            }
        }

        return (worst, scale);
    }
}
