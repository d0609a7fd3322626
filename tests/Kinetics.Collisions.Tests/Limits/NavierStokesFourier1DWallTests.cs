using Kinetics.Limits;
using Xunit.Abstractions;

namespace Kinetics.Tests.Limits;

public class NavierStokesFourier1DWallTests(ITestOutputHelper output)
{
    private const double Mu = 0.05;
    private const double Kappa = 15.0 / 4.0 * Mu; // Prandtl number 2/3 (m = 1), the monatomic gas.

    // Cell averages of mean + δ·g(kx) for g = sin or cos on cells of width h from x = 0.
    private static double[] Averages(int cells, double h, double k, double delta, bool sine, double mean) =>
        Enumerable.Range(0, cells).Select(c => mean + (delta * (sine
            ? (Math.Cos(k * c * h) - Math.Cos(k * (c + 1) * h)) / (k * h)
            : (Math.Sin(k * (c + 1) * h) - Math.Sin(k * c * h)) / (k * h)))).ToArray();

    private static double[] Uniform(int cells, double value) => Enumerable.Repeat(value, cells).ToArray();

    private static double ShearModeError(int cells, int j, double length)
    {
        // v = δ sin(kx), k = jπ/ℓ, vanishes at both no-slip walls: the exact linear solution is v = δ e^{−μk²t/ρ} sin kx.
        const double Delta = 1e-4;
        double k = j * Math.PI / length;
        var nsf = NavierStokesFourier1D.Create(1.0, Mu, Kappa, cells, length, LimitBoundary.NoSlipWalls, wallTemperature: 1.0);
        var state = new double[4 * cells];
        nsf.FromPrimitive(Uniform(cells, 1.0), new double[cells], Averages(cells, nsf.Spacing, k, Delta, sine: true, 0.0), Uniform(cells, 1.0), state);
        double time = 1.0 / (Mu * k * k);
        nsf.Advance(state, time);
        double[] exact = Averages(cells, nsf.Spacing, k, Delta * Math.Exp(-Mu * k * k * time), sine: true, 0.0);
        double error = 0;
        for (int c = 0; c < cells; c++)
        {
            error = Math.Max(error, Math.Abs(state[(2 * cells) + c] - exact[c]));
        }

        return error / Delta;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ShearModeBetweenNoSlipWalls_DecaysAsTheExactLinearSolution_SecondOrder(int j)
    {
        // The ghost v_ghost = −v makes sin(kx_c) an exact eigenvector of the compact viscous difference, with eigenvalue
        // 4 sin²(kh/2)/h² instead of k²: the error after one e-folding is e^{−1}·(kh)²/12 of δ. Observed (ℓ = 1.5, t = 1/(μk²)):
        // j = 1: 1.175e−3, 2.950e−4, 7.384e−5 at 16, 32, 64 cells (orders 1.99, 2.00; e^−1 (kh)²/12 = 7.39e−5 at 64 cells);
        // j = 2: 4.613e−3, 1.175e−3, 2.950e−4 (orders 1.97, 1.99).
        const double length = 1.5;
        double e16 = ShearModeError(16, j, length), e32 = ShearModeError(32, j, length), e64 = ShearModeError(64, j, length);
        double o1 = Math.Log2(e16 / e32), o2 = Math.Log2(e32 / e64);
        output.WriteLine($"j = {j}: errors/δ {e16:E3}, {e32:E3}, {e64:E3}; orders {o1:F3}, {o2:F3}");
        Assert.InRange(o1, 1.9, 2.1);
        Assert.InRange(o2, 1.9, 2.1);
        double predicted = Math.Exp(-1.0) * Math.Pow(j * Math.PI / length * length / 64, 2) / 12.0;
        Assert.True(Math.Abs(e64 - predicted) < 0.1 * predicted, $"64 cells: {e64:E3} against e^−1 (kh)²/12 = {predicted:E3}");
    }

    private static double[] SymmetricState(NavierStokesFourier1D nsf)
    {
        // Even ρ, v, θ and odd u about x = 0 (and about π): cos x and sin x cell averages.
        int n = nsf.Cells;
        double h = nsf.Spacing;
        var state = new double[4 * n];
        nsf.FromPrimitive(Averages(n, h, 1.0, 0.1, false, 1.0), Averages(n, h, 1.0, 0.1, true, 0.0), Averages(n, h, 1.0, 0.1, false, 0.0), Averages(n, h, 1.0, 0.1, false, 1.0), state);
        return state;
    }

    [Fact]
    public void SpecularWallsAtSymmetryPlanes_ReproduceHalfOfThePeriodicSolution()
    {
        // Walls at 0 and π are symmetry planes of the periodic solution of even (ρ, v, θ) and odd u data, and the specular
        // ghost is the periodic neighbour: the wall run on [0, π] must equal the first half of the periodic run on [0, 2π)
        // to round-off (nonlinear amplitudes 0.1, t = 2; observed 1.3e−15).
        const int half = 32;
        var periodic = NavierStokesFourier1D.Create(1.0, Mu, Kappa, 2 * half, 2 * Math.PI);
        var walls = NavierStokesFourier1D.Create(1.0, Mu, Kappa, half, Math.PI, LimitBoundary.Walls, 1.0);
        double[] a = SymmetricState(periodic), b = SymmetricState(walls);
        periodic.Advance(a, 2.0);
        walls.Advance(b, 2.0);
        double difference = 0;
        for (int row = 0; row < 4; row++)
        {
            for (int c = 0; c < half; c++)
            {
                difference = Math.Max(difference, Math.Abs(a[(row * 2 * half) + c] - b[(row * half) + c]));
            }
        }

        output.WriteLine($"max |walls − periodic half| = {difference:G3}");
        Assert.True(difference < 1e-14, $"max |walls − periodic half| = {difference:G3}");
    }

    private static (double[] Before, double[] After) Totals(LimitBoundary boundary)
    {
        // Asymmetric data: density and temperature ramps, a drift and a shear.
        const int n = 48;
        var nsf = NavierStokesFourier1D.Create(1.0, Mu, Kappa, n, 2.0, boundary, wallTemperature: 1.2);
        var rho = Enumerable.Range(0, n).Select(c => 1.0 + (0.3 * nsf.Centre(c) / 2.0)).ToArray();
        var u = Enumerable.Range(0, n).Select(c => 0.2 * Math.Sin(Math.PI * nsf.Centre(c) / 2.0)).ToArray();
        var v = Enumerable.Range(0, n).Select(c => 0.1 * Math.Cos(nsf.Centre(c))).ToArray();
        var theta = Enumerable.Range(0, n).Select(c => 1.0 - (0.2 * nsf.Centre(c) / 2.0)).ToArray();
        var state = new double[4 * n];
        nsf.FromPrimitive(rho, u, v, theta, state);
        double[] Sum() => [.. Enumerable.Range(0, 4).Select(row => state.Skip(row * n).Take(n).Sum() * nsf.Spacing)];
        double[] before = Sum();
        nsf.Advance(state, 1.0);
        return (before, Sum());
    }

    [Fact]
    public void SpecularWalls_ConserveMassTransverseMomentumAndEnergyToRoundOff()
    {
        // Observed drifts after t = 1: mass 1.1e−14 and energy 1.3e−14 relative (round-off over the steps), ρv 1.2e−15
        // (absolute).
        var (before, after) = Totals(LimitBoundary.Walls);
        output.WriteLine($"drift: mass {(after[0] - before[0]) / before[0]:G3}, ρv {after[2] - before[2]:G3}, energy {(after[3] - before[3]) / before[3]:G3}");
        Assert.True(Math.Abs(after[0] - before[0]) < 4e-14 * before[0], $"mass {before[0]:R} → {after[0]:R}");
        Assert.True(Math.Abs(after[2] - before[2]) < 4e-15, $"ρv {before[2]:R} → {after[2]:R}");
        Assert.True(Math.Abs(after[3] - before[3]) < 4e-14 * before[3], $"energy {before[3]:R} → {after[3]:R}");
    }

    [Fact]
    public void NoSlipWalls_ConserveMassToRoundOff()
    {
        // Mass only: the walls exchange heat and tangential momentum. Observed relative drift after t = 1: 1.2e−14 (the
        // energy rises by 0.144 relative: walls at 1.2 against a gas between 0.8 and 1).
        var (before, after) = Totals(LimitBoundary.NoSlipWalls);
        output.WriteLine($"drift: mass {(after[0] - before[0]) / before[0]:G3}, ρv {after[2] - before[2]:G3}, energy {(after[3] - before[3]) / before[3]:G3}");
        Assert.True(Math.Abs(after[0] - before[0]) < 4e-14 * before[0], $"mass {before[0]:R} → {after[0]:R}");
        Assert.True(after[3] - before[3] > 0.1 * before[3], "the isothermal walls at θ_w = 1.2 must heat the gas");
    }

    [Fact]
    public void BadInput_NamesTheParameter()
    {
        var e1 = Assert.Throws<ArgumentOutOfRangeException>(() => NavierStokesFourier1D.Create(1.0, Mu, Kappa, 16, 1.0, (LimitBoundary)9, 1.0));
        Assert.Equal("boundary", e1.ParamName);
        foreach (double bad in new[] { 0.0, -1.0, double.NaN, double.PositiveInfinity })
        {
            var e2 = Assert.Throws<ArgumentOutOfRangeException>(() => NavierStokesFourier1D.Create(1.0, Mu, Kappa, 16, 1.0, LimitBoundary.NoSlipWalls, bad));
            Assert.Equal("wallTemperature", e2.ParamName);
        }

        var e3 = Assert.Throws<ArgumentOutOfRangeException>(() => MaxwellStefan1D.Create([0, 1, 1, 0], 8, 1.0, LimitBoundary.NoSlipWalls));
        Assert.Equal("boundary", e3.ParamName);
    }
}
