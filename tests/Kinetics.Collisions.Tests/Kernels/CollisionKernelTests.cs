using FsCheck;
using FsCheck.Fluent;
using Kinetics.Kernels;
using Kinetics.Mixtures;

namespace Kinetics.Tests.Kernels;

public class CollisionKernelTests
{
    [Fact]
    public void OmegaAndSigmaRepresentations_AreRelatedByTwoAbsCos()
    {
        // b_σ(cos χ) = b_ω(cos θ)/(2|cos θ|), cos χ = 1 − 2cos²θ (seed-note 000 §1.3): exact algebra, so round-off tolerance.
        var functions = new[]
        {
            AngularFunction.AbsoluteCosine(1.0),
            AngularFunction.VariableSoftSphere(1.6, 2.0),
            AngularFunction.FromOmega("b = |c|(1 + c^2)", c => c * (1 + (c * c))),
            AngularFunction.FromSigma("b = 1 + x^2", x => 1 + (x * x)),
        };
        var prop = Prop.ForAll(Gen.Choose(1, 9999).Select(i => i / 10000.0).ToArbitrary(), ct =>
        {
            double cosChi = 1 - (2 * ct * ct);
            return functions.All(b => Math.Abs(b.Sigma(cosChi) - (b.Omega(ct) / (2 * ct))) <= 1e-12 * Math.Max(1, b.Sigma(cosChi)));
        });
        PropertyCheck.Run(200, prop);
    }

    [Fact]
    public void Integral_MatchesClosedForms()
    {
        // b_ω = c|cos θ| ⇒ b₀ = 2πc (seed-note 000 §1.4); VSS normalised to ∫ b_σ dσ = scale; λ = scale·2/(α+1).
        Assert.Equal(2 * Math.PI * 3.0, AngularFunction.AbsoluteCosine(3.0).Integral, 12);
        var vss = AngularFunction.VariableSoftSphere(1.5, 2.0);
        Assert.Equal(2.0, vss.Integral, 12);
        Assert.Equal(2.0 * 2 / 2.5, vss.MomentumTransfer, 12);

        // The quadrature path (user function, adaptive Gauss–Kronrod to 1e-14) agrees with the closed forms.
        var user = AngularFunction.FromSigma("vss copy", vss.Sigma);
        Assert.Equal(vss.Integral, user.Integral, 12);
        Assert.Equal(vss.MomentumTransfer, user.MomentumTransfer, 12);

        // ∫ b_ω dω computed directly in the ω-representation equals ∫ b_σ dσ (adaptive quadrature, same target).
        double omegaIntegral = 2 * Math.PI * MathNet.Numerics.Integration.GaussKronrodRule.Integrate(
            vss.Omega, -1, 1, out _, out _, targetRelativeError: 1e-14, maximumDepth: 30, order: 21);
        Assert.Equal(vss.Integral, omegaIntegral, 11);
    }

    [Fact]
    public void HardSpheres_HaveTotalCrossSectionPiDSquared()
    {
        var kernel = CollisionKernel.HardSpheres(2.0);
        Assert.Equal(1.0, kernel.Gamma);
        Assert.True(kernel.IsIsotropic, "kernel.IsIsotropic");
        Assert.Equal(Math.PI * 4.0, kernel.TotalAngularStrength, 12);

        // VHS with ω = 1/2 is hard spheres of the reference diameter (Γ(2) = 1).
        var vhs = CollisionKernel.VariableHardSpheres(2.0, 1.0, 0.5, 0.5);
        Assert.Equal(1.0, vhs.Gamma);
        Assert.Equal(kernel.TotalAngularStrength, vhs.TotalAngularStrength, 12);
    }

    [Fact]
    public void GradCutoffViolation_IsRejected()
    {
        // b_ω ≡ 1 has b_σ = 1/(2|cos θ|), unbounded: not a Grad-cutoff kernel.
        var error = Assert.Throws<ArgumentException>(() => AngularFunction.FromOmega("constant", _ => 1.0));
        Assert.Contains("Grad", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => AngularFunction.FromSigma("negative", x => x));
    }

    [Fact]
    public void Gamma_OutsideRange_IsRejectedWithRange()
    {
        foreach (double gamma in new[] { -3.0, -3.5, 1.5, double.NaN })
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => new CollisionKernel(gamma, AngularFunction.AbsoluteCosine()));
            Assert.Contains("gamma must be in (-3, 1]", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Table_RejectsAsymmetricPairs()
    {
        var mixture = new Mixture(new Species("A", 1.0), new Species("B", 4.0));
        var error = Assert.Throws<ArgumentException>(() => CollisionKernelTable.FromPairs(
            mixture,
            (a, b) => new CollisionKernel(-1.0, AngularFunction.AbsoluteCosine(a < b ? 1.0 : 2.0))));
        Assert.Contains("(A, B)", error.Message, StringComparison.Ordinal);

        var ok = CollisionKernelTable.FromPairs(mixture, (a, b) => new CollisionKernel(-1.0, AngularFunction.AbsoluteCosine(a == b ? 1.0 : 2.0)));
        Assert.True(ok.HasCommonGamma, "ok.HasCommonGamma");
    }

    [Fact]
    public void HardSphereTable_UsesMeanDiameter()
    {
        var mixture = new Mixture(new Species("A", 1.0, diameter: 1.0), new Species("B", 2.0, diameter: 3.0));
        var table = CollisionKernelTable.HardSpheres(mixture);

        // d^{AB} = (1 + 3)/2 = 2 ⇒ π d² = 4π.
        Assert.Equal(4 * Math.PI, table[0, 1].TotalAngularStrength, 12);
        Assert.Equal(Math.PI, table[0, 0].TotalAngularStrength, 12);
        Assert.Throws<ArgumentException>(() => CollisionKernelTable.HardSpheres(new Mixture(new Species("C", 1.0))));
    }
}
