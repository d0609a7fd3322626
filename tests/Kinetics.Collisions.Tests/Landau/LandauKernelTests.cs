using Kinetics.Landau;
using Kinetics.Mixtures;

namespace Kinetics.Tests.Landau;

public class LandauKernelTests
{
    [Theory]
    [InlineData(-3.0)]
    [InlineData(-2.5)]
    [InlineData(-1.0)]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Kernel_AnnihilatesZ_HasTrace_AndDivergenceMatchesDerivative(double gamma)
    {
        var kernel = new LandauKernel(gamma, LandauNormalization.FlynnGuo);
        var z = new Velocity3(0.4, -0.9, 1.3);
        var phi = kernel.Evaluate(z);
        Assert.True(phi.Multiply(z).Length < 1e-15, "phi.Multiply(z).Length < 1e-15");
        Assert.Equal(2 * Math.Pow(z.Length, gamma + 2), phi.Trace, 13);
        double h = 1e-4;
        for (int i = 0; i < 3; i++)
        {
            double div = 0;
            for (int j = 0; j < 3; j++)
            {
                var e = LandauMaxwellianTests.Unit(j);
                div += LandauMaxwellianTests.Fd(s => kernel.Evaluate(z + (s * e))[i, j], h);
            }

            // 4th-order difference, h = 1e-4: truncation ≈ 1e-16, round-off ≈ 1e-12.
            Assert.Equal(kernel.Divergence(z)[i], div, 10);
        }
    }

    [Fact]
    public void Normalizations_DifferByEightPi()
    {
        var z = new Velocity3(1, 2, 3);
        var gw = LandauKernel.Coulomb(LandauNormalization.GualdaniWinter).Evaluate(z);
        var fg = LandauKernel.Coulomb(LandauNormalization.FlynnGuo).Evaluate(z);
        Assert.True((8 * Math.PI * gw).MaxAbsDifference(fg) < 1e-16, "(8 * Math.PI * gw).MaxAbsDifference(fg) < 1e-16");
        Assert.Throws<ArgumentOutOfRangeException>(() => new LandauKernel(-3.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LandauKernel(1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ((LandauNormalization)7).Prefactor());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1e-3)]
    [InlineData(0.37)]
    [InlineData(2.5)]
    [InlineData(17.0)]
    public void TruncatedTransform_Coulomb_MatchesClosedForms(double k)
    {
        // Closed forms (γ = −3, p = 1): ∫₀^R r j₀(kr)dr = (1 − cos kR)/k², ∫₀^R r j₂(kr)dr = (2 + cos kR − 3 sin(kR)/(kR))/k²,
        // limits R²/2 and 0 at k = 0; isotropic = 4π(2I₀ − I₂)/3, longitudinal = 4π I₂.
        const double R = 7.5;
        double x = k * R;
        double i0 = x < 1e-2 ? R * R * (0.5 - (x * x / 24) + (x * x * x * x / 720)) : (1 - Math.Cos(x)) / (k * k);
        double i2 = x < 1e-2 ? R * R * ((x * x / 60) - (x * x * x * x / 1260)) : (2 + Math.Cos(x) - (3 * Math.Sin(x) / x)) / (k * k);
        var (iso, lon) = LandauKernel.Coulomb(LandauNormalization.FlynnGuo).TruncatedTransform(k, R);
        double scale = 4 * Math.PI * R * R;

        // Composite 16-point Gauss–Legendre over ≤ 1 oscillation per panel: ≈ 1e-14 of the k = 0 value.
        Assert.True(Math.Abs(iso - (4 * Math.PI * ((2 * i0) - i2) / 3)) < 1e-12 * scale, $"Math.Abs(iso - (4 * Math.PI * ((2 * i0) - i2) / 3)) < 1e-12 * scale: {(Math.Abs(iso - (4 * Math.PI * ((2 * i0) - i2) / 3)))} vs {(1e-12 * scale)}");
        Assert.True(Math.Abs(lon - (4 * Math.PI * i2)) < 1e-12 * scale, $"Math.Abs(lon - (4 * Math.PI * i2)) < 1e-12 * scale: {(Math.Abs(lon - (4 * Math.PI * i2)))} vs {(1e-12 * scale)}");
    }

    [Fact]
    public void TruncatedTransform_AtZero_IsTheKernelIntegral()
    {
        // ∫_{|z|≤R} |z|^{γ+2}(δ_ij − ẑ_iẑ_j) dz = (8π/3) R^{γ+5}/(γ+5) δ_ij.
        foreach (double gamma in new[] { -2.5, -1.5, 0.0, 1.0 })
        {
            var (iso, lon) = new LandauKernel(gamma, LandauNormalization.FlynnGuo).TruncatedTransform(0, 3.0);
            Assert.Equal(8 * Math.PI / 3 * Math.Pow(3.0, gamma + 5) / (gamma + 5), iso, 9);
            Assert.Equal(0.0, lon, 15);
        }
    }

    [Fact]
    public void Couplings_AreSymmetric_AndCoulombUsesChargesAndLogarithm()
    {
        var mixture = new Mixture(new Species("i", 1836.0, 2.0), new Species("e", 1.0, -1.0));
        var fg = LandauCouplings.Coulomb(mixture, 10.0, LandauNormalization.FlynnGuo);
        var gw = LandauCouplings.Coulomb(mixture, 10.0, LandauNormalization.GualdaniWinter);
        Assert.Equal(2 * Math.PI * 10 * 16, fg[0, 0], 10);
        Assert.Equal(2 * Math.PI * 10 * 4, fg[0, 1], 10);
        Assert.Equal(fg[0, 1], fg[1, 0]);
        Assert.Equal(8 * Math.PI * fg[1, 1], gw[1, 1], 10);
        Assert.Throws<ArgumentException>(() => new LandauCouplings(2, new[] { 1.0, 2.0, 2.5, 1.0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LandauCouplings(2, new[] { 1.0, -2.0, -2.0, 1.0 }));
        Assert.Throws<ArgumentException>(() => new LandauCouplings(2, new[] { 1.0, 2.0, 2.0 }));
    }
}
