using FsCheck;
using FsCheck.Fluent;
using Kinetics.Boltzmann;
using Kinetics.Distributions;
using Kinetics.Kernels;
using Kinetics.Quadrature;
using Kinetics.Transport;

namespace Kinetics.Tests.Transport;

public class TemperatureRelaxationTests
{
    // Non-even b_σ(x) = 1 + 0.6x (as in MaxwellStefanTests: exposes a wrong angular weight, λ ≠ b₀).
    private static readonly AngularFunction Skewed = AngularFunction.FromSigma("b = 1 + 0.6x", x => 1 + (0.6 * x));

    private sealed record BinaryMixture(double Gamma, double MassA, double MassB, double DensityA, double DensityB, double TemperatureA, double TemperatureB);

    // Physical binary mixtures: γ ∈ [−2.9, 1], masses 0.1–50, densities and temperatures 0.05–5.
    private static Arbitrary<BinaryMixture> Mixtures() =>
        (from gamma in Gen.Choose(-290, 100).Select(i => i / 100.0)
         from ma in Gen.Choose(1, 500).Select(i => i / 10.0)
         from mb in Gen.Choose(1, 500).Select(i => i / 10.0)
         from na in Gen.Choose(1, 100).Select(i => i / 20.0)
         from nb in Gen.Choose(1, 100).Select(i => i / 20.0)
         from ta in Gen.Choose(1, 100).Select(i => i / 20.0)
         from tb in Gen.Choose(1, 100).Select(i => i / 20.0)
         select new BinaryMixture(gamma, ma, mb, na, nb, ta, tb)).ToArbitrary();

    [Theory]
    [InlineData(-1.0, 16.0)]
    [InlineData(0.0, 16.0)]
    [InlineData(1.0, 16.0)]
    [InlineData(0.5, 4.0)]
    public void EnergyExchangeRate_MatchesRadialMomentOfTheReferenceCollisionIntegral(double gamma, double heavyMass)
    {
        // The heavy species' W^{BA} = 4π ∫ (m_B/2) ρ⁴ Q^{BA}(𝓜_B, 𝓜_A)(ρ ẑ) dρ (Q is radial: both Maxwellians at rest) by
        // 16-node Gauss–Legendre on [0, 8σ_B] of pointwise values of the direct-quadrature oracle (12 radial nodes, 8 polar
        // nodes), which knows nothing of the closed form. Measured 2.5e-6 (γ = 0), 8.6e-6 (γ = −1), 1.3e-5 (γ = 1) at 1:16
        // with these settings and 2e-10 with 20/12/24 nodes, so the residual is the oracle's quadrature error: 1e-4.
        // (The light species' Q^{AB} needs far finer ĝ rules, its partner being 4× narrower; W^{AB} = −W^{BA} exactly.)
        var kernel = new CollisionKernel(gamma, Skewed, 0.8);
        double ta = 1.2, tb = 0.8, na = 0.5, nb = 0.7, mb = heavyMass;
        var light = new MacroscopicState(na, Velocity3.Zero, ta);
        var heavy = new MacroscopicState(nb, Velocity3.Zero, tb);
        double sigmaB = Math.Sqrt(tb / mb), relative = Math.Sqrt(ta + (tb / mb));
        var oracle = BoltzmannReferenceEvaluator.Create(kernel, mb, 1.0, 9 * relative, radialPoints: 12, polarPoints: 8);
        var rule = GaussLegendreRule.Create(16, 0, 8 * sigmaB);
        double moment = 0;
        for (int i = 0; i < rule.Count; i++)
        {
            double rho = rule.Nodes[i];
            double q = oracle.Evaluate(v => Maxwellian.Evaluate(heavy, mb, v), v => Maxwellian.Evaluate(light, 1.0, v), new Velocity3(0, 0, rho));
            moment += rule.Weights[i] * 4 * Math.PI * 0.5 * mb * Math.Pow(rho, 4) * q;
        }

        double closed = TemperatureRelaxation.EnergyExchangeRate(kernel, mb, nb, tb, 1.0, na, ta);
        Assert.True(closed > 0, "the colder heavy species gains energy");
        Assert.True(Math.Abs((moment / closed) - 1) <= 1e-4, $"quadrature {moment:G10} vs closed form {closed:G10}");
    }

    [Fact]
    public void Rate_EqualMassesMaxwellMolecules_IsPi()
    {
        // b_ω = |cos θ| (b_σ = 1/2, λ = 2π), γ = 0, m = 1, n_A = n_B = 1/2:
        // k = (2/3)(n_A + n_B) λ (2·1/4) Γ(5/2)/Γ(3/2) = (2/3)(2π)(1/2)(3/2) = π by hand (round-off).
        var kernel = new CollisionKernel(0.0, AngularFunction.AbsoluteCosine(1.0));
        Assert.Equal(Math.PI, TemperatureRelaxation.Rate(kernel, 1.0, 0.5, 1.2, 1.0, 0.5, 0.8), 12);
    }

    [Fact]
    public void Rate_AtEqualTemperatures_IsTheMaxwellStefanFriction()
    {
        // At T_A = T_B = θ, s = θ/μ and the exchange coefficient C λ (2μ/M)(2θ/μ)^{γ/2} Γ((5+γ)/2)/Γ(3/2) is 3θ/(M Δ_AB)
        // with Δ_AB of MaxwellStefan (written separately, from seed-note 002 §2.4): k = 2θ(n_A + n_B)/(M Δ_AB). Algebra: 1e-12.
        var prop = Prop.ForAll(Mixtures(), c =>
        {
            var kernel = new CollisionKernel(c.Gamma, Skewed, 1.3);
            double theta = c.TemperatureA;
            double expected = 2 * theta * (c.DensityA + c.DensityB) / ((c.MassA + c.MassB) * MaxwellStefan.Coefficient(kernel, c.MassA, c.MassB, theta));
            return Math.Abs((TemperatureRelaxation.Rate(kernel, c.MassA, c.DensityA, theta, c.MassB, c.DensityB, theta) / expected) - 1) <= 1e-12;
        });
        PropertyCheck.Run(100, prop);
    }

    [Fact]
    public void EnergyExchange_IsAntisymmetricFlowsFromHotToColdAndDefinesTheRate()
    {
        // W^{BA} = −W^{AB}, sign(W^{AB}) = sign(T_B − T_A), and k = (2/3)(1/n_A + 1/n_B)(−W^{AB})/(T_A − T_B): round-off.
        var prop = Prop.ForAll(Mixtures(), c =>
        {
            if (c.TemperatureA == c.TemperatureB)
            {
                return true; // the rate identity divides by T_A − T_B
            }

            var b = new CollisionKernel(c.Gamma, Skewed, 0.6);
            double wab = TemperatureRelaxation.EnergyExchangeRate(b, c.MassA, c.DensityA, c.TemperatureA, c.MassB, c.DensityB, c.TemperatureB);
            double wba = TemperatureRelaxation.EnergyExchangeRate(b, c.MassB, c.DensityB, c.TemperatureB, c.MassA, c.DensityA, c.TemperatureA);
            double rate = 2.0 / 3.0 * ((1 / c.DensityA) + (1 / c.DensityB)) * -wab / (c.TemperatureA - c.TemperatureB);
            return Math.Abs(wab + wba) <= 1e-14 * Math.Abs(wab)
                && Math.Sign(wab) == Math.Sign(c.TemperatureB - c.TemperatureA)
                && Math.Abs((TemperatureRelaxation.Rate(b, c.MassA, c.DensityA, c.TemperatureA, c.MassB, c.DensityB, c.TemperatureB) / rate) - 1) <= 1e-12;
        });
        PropertyCheck.Run(100, prop);
    }

    [Fact]
    public void InvalidArguments_AreRejectedNamingTheParameter()
    {
        var kernel = new CollisionKernel(0.0, AngularFunction.AbsoluteCosine(1.0));
        var arb = Gen.Elements(0.0, -1.0, double.NaN).ToArbitrary();
        var prop = Prop.ForAll(arb, bad =>
        {
            var mass = Assert.ThrowsAny<ArgumentException>(() => TemperatureRelaxation.Rate(kernel, bad, 1, 1, 1, 1, 1));
            var temperature = Assert.ThrowsAny<ArgumentException>(() => TemperatureRelaxation.EnergyExchangeRate(kernel, 1, 1, 1, 1, 1, bad));
            var density = Assert.ThrowsAny<ArgumentException>(() => TemperatureRelaxation.Rate(kernel, 1, 1, 1, 1, bad, 1));
            return mass.ParamName == "massA" && temperature.ParamName == "temperatureB" && density.ParamName == "densityB";
        });
        PropertyCheck.Run(10, prop);
        Assert.Throws<ArgumentNullException>(() => TemperatureRelaxation.Rate(null!, 1, 1, 1, 1, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => TemperatureRelaxation.EnergyExchangeRate(kernel, 1, -0.5, 1, 1, 1, 1));
    }
}
