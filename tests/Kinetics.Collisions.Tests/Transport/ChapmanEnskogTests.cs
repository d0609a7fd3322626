using FsCheck;
using FsCheck.Fluent;
using Kinetics.Kernels;
using Kinetics.Mixtures;
using Kinetics.Transport;
using Xunit.Abstractions;

namespace Kinetics.Tests.Transport;

public class ChapmanEnskogTests(ITestOutputHelper output)
{
    private static readonly AngularFunction Skewed = AngularFunction.FromSigma("b = 1 + 0.6x", x => 1 + (0.6 * x));

    private static ChapmanEnskog SingleGas(CollisionKernel kernel, double mass, double temperature, int order, double density = 1.0) =>
        ChapmanEnskog.Create(CollisionKernelTable.Uniform(new Mixture(new Species("A", mass)), kernel), [density], temperature, order);

    [Fact]
    public void HardSpheres_FirstApproximations_AreTheClassicalClosedForms()
    {
        // [η]₁ = (5/16)(1/d²)√(mθ/π), [λ]₁ = (75/64)(1/d²)√(θ/(πm)) (Chapman & Cowling). Observed agreement ~1e−13 relative.
        double m = 2.0, d = 1.3, theta = 0.7;
        var c = SingleGas(CollisionKernel.HardSpheres(d), m, theta, 2, density: 0.4).Coefficients(1);
        double eta = 5.0 / 16.0 / (d * d) * Math.Sqrt(m * theta / Math.PI);
        double lambda = 75.0 / 64.0 / (d * d) * Math.Sqrt(theta / (Math.PI * m));
        Assert.True(Math.Abs(c.Viscosity - eta) <= 1e-11 * eta, $"{c.Viscosity} vs {eta}");
        Assert.True(Math.Abs(c.ThermalConductivity - lambda) <= 1e-11 * lambda, $"{c.ThermalConductivity} vs {lambda}");
        Assert.True(Math.Abs(c.ThermalDiffusion(0)) <= 1e-15, $"single gas: D_T = {c.ThermalDiffusion(0)}");
    }

    [Fact]
    public void HardSpheres_SecondApproximations_AreTheClassicalRationalCorrections()
    {
        // [η]₂/[η]₁ = 1 + 3/202 and [λ]₂/[λ]₁ = 1 + 1/44 (Chapman & Cowling §10.21). Observed ~1e−14.
        var plan = SingleGas(CollisionKernel.HardSpheres(1.0), 1.0, 1.0, 2);
        var first = plan.Coefficients(1);
        var second = plan.Coefficients(2);
        Assert.Equal(1.0 + (3.0 / 202.0), second.Viscosity / first.Viscosity, 12);
        Assert.Equal(1.0 + (1.0 / 44.0), second.ThermalConductivity / first.ThermalConductivity, 12);
    }

    [Fact]
    public void HardSpheres_SonineSequence_ConvergesToTheExactFactors()
    {
        // The exact hard-sphere factors (Pekeris & Alterman) 1.016034 and 1.025218; the Sonine sequence increases
        // monotonically, and order 8 is within 2.1e−7 and 4.6e−7 of them (observed), so 1e−6.
        var plan = SingleGas(CollisionKernel.HardSpheres(1.0), 1.0, 1.0, 8);
        var first = plan.Coefficients(1);
        double previousEta = 0, previousLambda = 0;
        for (int m = 1; m <= 8; m++)
        {
            var c = plan.Coefficients(m);
            double fe = c.Viscosity / first.Viscosity, fl = c.ThermalConductivity / first.ThermalConductivity;
            output.WriteLine($"m = {m}: viscosity factor {fe:F9}, conductivity factor {fl:F9}");
            Assert.True(fe > previousEta && fl > previousLambda, "the Sonine sequence increases");
            previousEta = fe;
            previousLambda = fl;
        }

        Assert.True(Math.Abs(previousEta - 1.016034) <= 1e-6, $"{previousEta}");
        Assert.True(Math.Abs(previousLambda - 1.025218) <= 1e-6, $"{previousLambda}");
    }

    [Fact]
    public void MaxwellMolecules_AreExactAtFirstOrder_AndMatchTheClosedForms()
    {
        // Maxwell molecules, B = C b_σ: the stress relaxes at ν_η = (3/4) n C λ_η, λ_η = 2π∫b_σ(1 − x²) dx, so
        // η = θ/((3/4) C λ_η), and λ = (15/4) η/m (Prandtl number 2/3). b_σ = 1 + 0.6x: λ_η = 8π/3, η = θ/(2πC).
        double m = 3.0, theta = 1.7, strength = 0.8;
        var plan = SingleGas(CollisionKernel.MaxwellMolecules(Skewed, strength), m, theta, 4, density: 2.5);
        double eta = theta / (2.0 * Math.PI * strength), lambda = 15.0 / 4.0 * eta / m;
        for (int order = 1; order <= 4; order++)
        {
            var c = plan.Coefficients(order);
            Assert.True(Math.Abs(c.Viscosity - eta) <= 1e-12 * eta, $"order {order}: {c.Viscosity} vs {eta}");
            Assert.True(Math.Abs(c.ThermalConductivity - lambda) <= 1e-12 * lambda, $"order {order}: {c.ThermalConductivity} vs {lambda}");
        }
    }

    [Fact]
    public void FirstApproximationDiffusion_SatisfiesMaxwellStefan_WithTheBinaryCoefficients()
    {
        // Ternary hard spheres with masses as H₂/N₂/CO₂: with V = −D d (first approximation), d_i = Σ_j x_i x_j (V_j − V_i) n/Δ_ij,
        // Δ_ij from the MaxwellStefan closed form. Observed to 1e−12 relative.
        var mixture = new Mixture(new Species("H2", 2.0, diameter: 1.0), new Species("N2", 28.0, diameter: 1.4), new Species("CO2", 44.0, diameter: 1.6));
        var kernels = CollisionKernelTable.HardSpheres(mixture);
        double[] n = [0.3, 0.5, 0.2];
        double theta = 1.3, total = n.Sum();
        var c = ChapmanEnskog.Create(kernels, n, theta, 1).Coefficients(1);
        double[] d = [0.3, -0.5, 0.2];
        var velocity = new double[3];
        for (int a = 0; a < 3; a++)
        {
            for (int b = 0; b < 3; b++)
            {
                velocity[a] -= c.Diffusion(a, b) * d[b];
            }
        }

        for (int i = 0; i < 3; i++)
        {
            double sum = 0;
            for (int j = 0; j < 3; j++)
            {
                if (j != i)
                {
                    double delta = MaxwellStefan.Coefficient(kernels[i, j], mixture[i].Mass, mixture[j].Mass, theta);
                    sum += n[i] / total * (n[j] / total) * (velocity[j] - velocity[i]) * total / delta;
                }
            }

            Assert.True(Math.Abs(sum - d[i]) <= 1e-10, $"species {i}: {sum} vs {d[i]}");
        }
    }

    [Fact]
    public void MaxwellMoleculeMixtures_HaveNoThermalDiffusion_AndOrderIndependentCoefficients()
    {
        // Polynomial invariance of 𝓛 for γ = 0: every order gives the same coefficients; D_T vanishes exactly (observed 2e−17).
        var mixture = new Mixture(new Species("a", 1.0), new Species("b", 4.5), new Species("c", 9.0));
        var kernels = CollisionKernelTable.FromPairs(mixture, (i, j) => CollisionKernel.MaxwellMolecules(Skewed, 0.5 + (0.25 * (i + j))));
        var plan = ChapmanEnskog.Create(kernels, [0.2, 0.7, 1.1], 0.9, 3);
        var first = plan.Coefficients(1);
        var third = plan.Coefficients(3);
        Assert.Equal(1.0, third.Viscosity / first.Viscosity, 11);
        Assert.Equal(1.0, third.ThermalConductivity / first.ThermalConductivity, 11);
        for (int a = 0; a < 3; a++)
        {
            Assert.True(Math.Abs(third.ThermalDiffusion(a)) <= 1e-12 * Math.Abs(third.Diffusion(a, a)), $"D_T^{a} = {third.ThermalDiffusion(a)}");
            for (int b = 0; b < 3; b++)
            {
                Assert.True(Math.Abs(third.Diffusion(a, b) - first.Diffusion(a, b)) <= 1e-11 * Math.Abs(first.Diffusion(a, a)), "Math.Abs(third.Diffusion(a, b) - first.Diffusion(a, b)) <= 1e-11 * Math.Abs(first.Diffusion(a, a))");
            }
        }
    }

    [Fact]
    public void RandomMixtures_DiffusionIsSymmetric_CarriesNoMomentum_AndBracketsArePositive()
    {
        // D_αβ = [D^α, D^β]/(3n) is symmetric, Σ_α ρ^α D_αβ = 0 and Σ_α ρ^α D_T^α = 0 (zero total momentum), η, λ > 0, and the
        // vector-sector bracket annihilates the momentum invariant (m^α on k = 0). Round-off level observed ~1e−15 relative.
        var gen = from masses in Gen.Choose(1, 400).ArrayOf(2)
                  from dens in Gen.Choose(1, 100).ArrayOf(2)
                  from gammaIndex in Gen.Choose(0, 2)
                  select (masses, dens, gammaIndex);
        var prop = Prop.ForAll(gen.ToArbitrary(), input =>
        {
            double[] m = input.masses.Select(x => x / 10.0).ToArray();
            double[] n = input.dens.Select(x => x / 20.0).ToArray();
            double gamma = new[] { -1.0, 0.0, 1.0 }[input.gammaIndex];
            var mixture = new Mixture(new Species("a", m[0]), new Species("b", m[1]));
            var kernels = CollisionKernelTable.FromPairs(mixture, (i, j) => new CollisionKernel(gamma, Skewed, 1.0 + i + j));
            var plan = ChapmanEnskog.Create(kernels, n, 1.1, 2);
            var c = plan.Coefficients(2);
            double scale = Math.Abs(c.Diffusion(0, 0)) + Math.Abs(c.Diffusion(1, 1));
            bool symmetric = Math.Abs(c.Diffusion(0, 1) - c.Diffusion(1, 0)) <= 1e-11 * scale;
            bool noMomentum = Enumerable.Range(0, 2).All(b => Math.Abs((m[0] * n[0] * c.Diffusion(0, b)) + (m[1] * n[1] * c.Diffusion(1, b))) <= 1e-11 * scale * (m[0] * n[0] + (m[1] * n[1])));
            bool noThermalMomentum = Math.Abs((m[0] * n[0] * c.ThermalDiffusion(0)) + (m[1] * n[1] * c.ThermalDiffusion(1))) <= 1e-11 * scale * (m[0] * n[0] + (m[1] * n[1]));
            int stride = plan.MaximumOrder + 1;
            double nullResidual = 0, diagonal = 0;
            for (int i = 0; i < 2 * stride; i++)
            {
                nullResidual += Math.Abs((plan.VectorBracket(i, 0) * m[0]) + (plan.VectorBracket(i, stride) * m[1]));
                diagonal = Math.Max(diagonal, plan.VectorBracket(i, i) * Math.Max(m[0], m[1]));
            }

            return symmetric && noMomentum && noThermalMomentum && c.Viscosity > 0 && c.ThermalConductivity > 0
                && c.Diffusion(0, 0) > 0 && nullResidual <= 1e-11 * diagonal;
        });
        PropertyCheck.Run(12, prop);
    }

    [Fact]
    public void BurnettFunctions_SolveTheirEquationsInTheSonineSpace()
    {
        // Galerkin identity: ⟨𝓛B, ψ_k⟩ = Σ_l [ψ_k, ψ_l] b_l equals the right-hand side ⟨2W°W, ψ_k⟩, which for a single gas is
        // n(2/√π)∫t^{1/2}e^{−t}(4/3)(2θ/m)t² S_k dt = 10nθ/m for k = 0 and 0 otherwise (Laguerre orthogonality). Observed ~1e−14.
        double m = 1.5, theta = 0.8, n = 0.6;
        var plan = SingleGas(CollisionKernel.HardSpheres(1.0), m, theta, 4, density: n);
        var c = plan.Coefficients(4);
        for (int k = 0; k < 4; k++)
        {
            double lhs = 0;
            for (int l = 0; l < 4; l++)
            {
                lhs += plan.TensorBracket(k, l) * c.BurnettBCoefficient(0, l);
            }

            double expected = k == 0 ? 10.0 * n * theta / m : 0.0;
            Assert.True(Math.Abs(lhs - expected) <= 1e-12 * (10.0 * n * theta / m), $"k = {k}: {lhs} vs {expected}");
        }

        // The radial factor at |c| = 0 is Σ_k b_k S_k(0), S_k^{(5/2)}(0) = Γ(k + 7/2)/(Γ(7/2) k!).
        double atZero = 0, binomial = 1;
        for (int k = 0; k < 4; k++)
        {
            atZero += c.BurnettBCoefficient(0, k) * binomial;
            binomial *= (k + 3.5) / (k + 1);
        }

        Assert.Equal(atZero, c.BurnettB(0, 0.0), 12);
        Assert.True(c.BurnettA(0, 0.0) != 0.0, "c.BurnettA(0, 0.0) != 0.0");
    }

    [Fact]
    public void InvalidInput_IsRejectedWithTheParameterName()
    {
        var kernels = CollisionKernelTable.Uniform(new Mixture(new Species("A", 1.0)), CollisionKernel.HardSpheres(1.0));
        Assert.Equal("densities", Assert.ThrowsAny<ArgumentException>(() => ChapmanEnskog.Create(kernels, [1.0, 2.0])).ParamName);
        Assert.Equal("densities", Assert.ThrowsAny<ArgumentException>(() => ChapmanEnskog.Create(kernels, [-1.0])).ParamName);
        Assert.Equal("densities", Assert.ThrowsAny<ArgumentException>(() => ChapmanEnskog.Create(kernels, [double.NaN])).ParamName);
        Assert.Equal("temperature", Assert.ThrowsAny<ArgumentException>(() => ChapmanEnskog.Create(kernels, [1.0], 0.0)).ParamName);
        Assert.Equal("maximumOrder", Assert.ThrowsAny<ArgumentException>(() => ChapmanEnskog.Create(kernels, [1.0], 1.0, 0)).ParamName);
        Assert.Equal("maximumOrder", Assert.ThrowsAny<ArgumentException>(() => ChapmanEnskog.Create(kernels, [1.0], 1.0, 13)).ParamName);
        var plan = ChapmanEnskog.Create(kernels, [1.0], 1.0, 2);
        Assert.Equal("order", Assert.ThrowsAny<ArgumentException>(() => plan.Coefficients(3)).ParamName);
        Assert.Equal("speed", Assert.ThrowsAny<ArgumentException>(() => plan.Coefficients(2).BurnettA(0, -1.0)).ParamName);
    }
}
