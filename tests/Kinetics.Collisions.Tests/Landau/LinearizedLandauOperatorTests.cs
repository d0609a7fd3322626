using FsCheck;
using FsCheck.Fluent;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Landau;
using Kinetics.Mixtures;
using Xunit.Abstractions;

namespace Kinetics.Tests.Landau;

public class LinearizedLandauOperatorTests(ITestOutputHelper output)
{
    // Masses 1 : 2 on N = 24, L = 6: both species resolved (variances 1 and 0.5; spectral error ≈ 5e-5).
    private static readonly Mixture Pair = new(new Species("a", 1.0, 1.0), new Species("b", 2.0, 1.0));
    private static readonly Mixture Single = new(new Species("a", 1.0));

    private static LinearizedLandauOperator Create(Mixture mixture, double gamma = -3.0) =>
        LinearizedLandauOperator.Create(SpectralLandauOperator.Create(new CartesianGrid(24, 6.0), mixture, new LandauCouplings(mixture.Count, mixture.Count == 1 ? [1.0] : [1.0, 0.6, 0.6, 0.8]), new LandauKernel(gamma)));

    private static double[] RandomPerturbation(LinearizedLandauOperator op, int seed)
    {
        var random = new Random(seed);
        var grid = op.Collision.Grid;
        int count = grid.Count, species = op.Collision.Mixture.Count;
        var f = new double[species * count];
        for (int a = 0; a < species; a++)
        {
            double m = op.Collision.Mixture[a].Mass;
            double[] c = Enumerable.Range(0, 8).Select(_ => random.NextDouble() - 0.5).ToArray();
            for (int p = 0; p < count; p++)
            {
                var v = grid.Point(p);
                double poly = c[0] + (c[1] * v.X) + (c[2] * v.Y * v.Z) + (c[3] * v.LengthSquared) + (c[4] * v.X * v.X * v.Y) + (c[5] * Math.Sin(v.Z));
                f[(a * count) + p] = poly * Maxwellian.EvaluateSqrt(MacroscopicState.Unit, m, v) * Math.Exp(-0.1 * m * v.LengthSquared);
            }
        }

        return f;
    }

    private static double Dot(double[] x, double[] y, CartesianGrid grid) => x.Zip(y, (a, b) => a * b).Sum() * grid.CellVolume;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Kernel_HasDimensionSpeciesPlusFour_AndIsAnnihilated(int species)
    {
        var op = Create(species == 1 ? Single : Pair);
        var grid = op.Collision.Grid;
        var ws = op.Collision.CreateWorkspace();
        Assert.Equal(species + 4, op.KernelDimension);
        double[] f = RandomPerturbation(op, 3);
        var lf = new double[f.Length];
        op.Evaluate(f, lf, ws);
        double scale = Dot(lf, f, grid);
        for (int j = 0; j < op.KernelDimension; j++)
        {
            double[] chi = op.KernelBasis(j);
            var lchi = new double[chi.Length];
            op.Evaluate(chi, lchi, ws);

            // Weighted by a decaying test function (pointwise L χ divides spectral round-off by √μ in the far tails).
            double residual = Math.Abs(Dot(lchi, f, grid)) / Math.Sqrt(Dot(chi, chi, grid) * Dot(f, f, grid));
            output.WriteLine($"χ_{j}: |⟨Lχ, f⟩| / (‖χ‖‖f‖) = {residual:E3}   (⟨Lf, f⟩/‖f‖² = {scale / Dot(f, f, grid):E3})");

            // Spectral accuracy at N = 24, L = 6 (variances 1 and 0.5): below 0.1 % of the typical rate ⟨Lf, f⟩/‖f‖²
            // (observed ≤ 1.5e-4 of it).
            Assert.True(residual < 1e-3 * scale / Dot(f, f, grid), "residual < 1e-3 * scale / Dot(f, f, grid)");
        }
    }

    [Fact]
    public void L_IsSymmetricAndNonNegative()
    {
        var op = Create(Pair);
        var grid = op.Collision.Grid;
        var ws = op.Collision.CreateWorkspace();
        var prop = Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), seed =>
        {
            double[] f = RandomPerturbation(op, seed), g = RandomPerturbation(op, seed + 1);
            var lf = new double[f.Length];
            var lg = new double[g.Length];
            op.Evaluate(f, lf, ws);
            op.Evaluate(g, lg, ws);
            double ff = Dot(lf, f, grid), gg = Dot(lg, g, grid), fg = Dot(lf, g, grid), gf = Dot(f, lg, grid);

            // Symmetry and non-negativity hold exactly for the continuous operator; the discrete one to spectral accuracy.
            return ff > 0 && gg > 0 && Math.Abs(fg - gf) < 1e-4 * Math.Sqrt(ff * gg);
        });
        PropertyCheck.Run(3, prop);
    }

    [Fact]
    public void Expansion_IsExact_QOfPerturbedMaxwellianIsMinusLPlusGamma()
    {
        // μ^{-1/2} Q(μ + √μ f) = −L f + Γ(f, f), exact by bilinearity (round-off), with Q(μ, μ) included on both sides.
        var op = Create(Single);
        var grid = op.Collision.Grid;
        var ws = op.Collision.CreateWorkspace();
        int count = grid.Count;
        double[] f = RandomPerturbation(op, 11).Select(x => 0.1 * x).ToArray();
        var mu = new double[count];
        var sqrtMu = new double[count];
        Maxwellian.Fill(grid, MacroscopicState.Unit, 1.0, mu);
        Maxwellian.FillSqrt(grid, MacroscopicState.Unit, 1.0, sqrtMu);
        double[] full = op.Collision.Evaluate(mu.Zip(sqrtMu.Zip(f), (m, s) => m + (s.First * s.Second)).ToArray());
        double[] equilibrium = op.Collision.Evaluate(mu);
        var lf = new double[count];
        var gamma = new double[count];
        op.Evaluate(f, lf, ws);
        op.EvaluateBilinear(f, f, gamma, ws);
        double worst = 0, scale = 0;
        for (int p = 0; p < count; p++)
        {
            double lhs = (full[p] - equilibrium[p]) / sqrtMu[p];
            worst = Math.Max(worst, Math.Abs(sqrtMu[p] * (lhs - (-lf[p] + gamma[p]))));
            scale = Math.Max(scale, Math.Abs(sqrtMu[p] * lf[p]));
        }

        Assert.True(worst < 1e-12 * scale, $"{worst:E3} vs {scale:E3}");
    }
}
