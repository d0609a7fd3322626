using Kinetics.Kernels;
using Kinetics.Limits;
using Kinetics.Mixtures;
using Kinetics.Transport;
using Xunit.Abstractions;

namespace Kinetics.Tests.Limits;

public class MaxwellStefan1DTests(ITestOutputHelper output)
{
    // H₂ / N₂ / CO₂ as hard spheres (masses 2, 28, 44; diameters 1, 1.26, 1.37): Δ_ij from the kernels at θ = 1.
    private static double[] TernaryDelta()
    {
        var mixture = new Mixture(new Species("H2", 2.0, diameter: 1.0), new Species("N2", 28.0, diameter: 1.26), new Species("CO2", 44.0, diameter: 1.37));
        var coefficients = MaxwellStefan.Coefficients(CollisionKernelTable.HardSpheres(mixture), 1.0);
        var delta = new double[9];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                delta[(i * 3) + j] = i == j ? 1.0 : coefficients[i, j];
            }
        }

        return delta;
    }

    [Fact]
    public void Binary_IsFickWithDiffusivityDeltaOverTotal_DiscreteModeDecay()
    {
        // Two species: J₁ = −(Δ/C₀)∂ₓc₁ exactly, so a sine mode decays at the discrete rate (Δ/C₀)(2 − 2cos kh)/h²; SSP-RK2 adds
        // O(Δt²) (observed relative amplitude error 2e−6 at 64 cells), checked to 2e−5.
        double delta = 0.8, total = 2.0, length = 1.0;
        int cells = 64;
        var solver = MaxwellStefan1D.Create([1.0, delta, delta, 1.0], cells, length, LimitBoundary.Periodic);
        var c = new double[2 * cells];
        double k = 2.0 * Math.PI / length, amplitude = 0.1;
        for (int j = 0; j < cells; j++)
        {
            double s = amplitude * Math.Sin(k * solver.Centre(j));
            c[j] = 1.0 + s;
            c[cells + j] = total - 1.0 - s;
        }

        double time = 0.05;
        solver.Advance(c, time);
        double h = solver.Spacing, rate = delta / total * (2 - (2 * Math.Cos(k * h))) / (h * h);
        double expected = amplitude * Math.Exp(-rate * time), worst = 0;
        for (int j = 0; j < cells; j++)
        {
            worst = Math.Max(worst, Math.Abs(c[j] - 1.0 - (expected * Math.Sin(k * solver.Centre(j)))));
            Assert.Equal(total, c[j] + c[cells + j], 12);
        }

        output.WriteLine($"max error {worst / expected:E2} relative");
        Assert.True(worst <= 2e-5 * expected, $"{worst / expected}");
    }

    [Fact]
    public void Ternary_WithWalls_ConservesSpeciesAndShowsUphillDiffusionOfNitrogen()
    {
        // The two-bulb experiment of Duncan and Toor: left (H₂, N₂, CO₂) = (0, 0.5, 0.5), right = (0.5, 0.5, 0). N₂ starts with
        // no gradient but moves (its flux is driven by the friction with the H₂/CO₂ counter-diffusion), builds a gradient, and
        // then keeps flowing up that gradient for a while — impossible under Fick's law with positive diffusivities.
        // Observed: J_N₂·∂ₓc_N₂ > 0 at the middle face at 4 of the 40 outputs, with |∂ₓc_N₂| up to 0.34 there.
        var delta = TernaryDelta();
        int cells = 40;
        var solver = MaxwellStefan1D.Create(delta, cells, 1.0, LimitBoundary.Walls);
        var c = new double[3 * cells];
        for (int j = 0; j < cells; j++)
        {
            double right = 0.5 * (1 + Math.Tanh((solver.Centre(j) - 0.5) / 0.03));
            c[j] = 1e-3 + (0.5 * right);
            c[cells + j] = 0.5;
            c[(2 * cells) + j] = 1e-3 + (0.5 * (1 - right));
        }

        var totals = Enumerable.Range(0, 3).Select(i => c.Skip(i * cells).Take(cells).Sum()).ToArray();
        var flux = new double[3 * (cells + 1)];
        int uphill = 0;
        double largestUphillGradient = 0;
        for (int step = 0; step < 40; step++)
        {
            solver.Advance(c, 0.5);
            solver.Fluxes(c, flux);
            int mid = cells / 2;
            double gradient = (c[cells + mid] - c[cells + mid - 1]) / solver.Spacing;
            double j = flux[(cells + 1) + mid];
            if (j * gradient > 0)
            {
                uphill++;
                largestUphillGradient = Math.Max(largestUphillGradient, Math.Abs(gradient));
            }
        }

        output.WriteLine($"uphill outputs {uphill}/40, largest uphill |∂ₓc_N₂| = {largestUphillGradient:E2}");
        Assert.True(uphill > 0 && largestUphillGradient > 1e-2, $"{uphill}, {largestUphillGradient}");
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(totals[i], c.Skip(i * cells).Take(cells).Sum(), 11);
        }
    }

    [Fact]
    public void InvalidInput_IsRejected()
    {
        Assert.Equal("delta", Assert.ThrowsAny<ArgumentException>(() => MaxwellStefan1D.Create([1.0, 2.0, 3.0], 8, 1.0, LimitBoundary.Walls)).ParamName);
        Assert.Equal("delta", Assert.ThrowsAny<ArgumentException>(() => MaxwellStefan1D.Create([1.0, 2.0, 3.0, 1.0], 8, 1.0, LimitBoundary.Walls)).ParamName);
        Assert.Equal("delta", Assert.ThrowsAny<ArgumentException>(() => MaxwellStefan1D.Create([1.0, -2.0, -2.0, 1.0], 8, 1.0, LimitBoundary.Walls)).ParamName);
        Assert.Equal("cells", Assert.ThrowsAny<ArgumentException>(() => MaxwellStefan1D.Create([1.0, 2.0, 2.0, 1.0], 2, 1.0, LimitBoundary.Walls)).ParamName);
    }
}
