using System.Numerics;
using Kinetics.Limits;
using Xunit.Abstractions;

namespace Kinetics.Tests.Limits;

public class NavierStokesFourier1DTests(ITestOutputHelper output)
{
    private const double Mu = 0.05;
    private const double Kappa = 15.0 / 4.0 * Mu; // Prandtl number 2/3 (m = 1), the monatomic gas.

    // Cell averages of 1 + δ·g(x) for g = cos or sin on [0, 2π).
    private static double[] Averages(int cells, double delta, bool sine, double mean)
    {
        double h = 2 * Math.PI / cells;
        return Enumerable.Range(0, cells).Select(c => mean + (delta * (sine
            ? (Math.Cos(c * h) - Math.Cos((c + 1) * h)) / h
            : (Math.Sin((c + 1) * h) - Math.Sin(c * h)) / h))).ToArray();
    }

    // (2/N) Σ_c row_c·g(x_c) of one row of the state.
    private static double Mode(double[] state, int row, int cells, bool sine)
    {
        double h = 2 * Math.PI / cells, sum = 0;
        for (int c = 0; c < cells; c++)
        {
            double x = (c + 0.5) * h;
            sum += state[(row * cells) + c] * (sine ? Math.Sin(x) : Math.Cos(x));
        }

        return 2 * sum / cells;
    }

    private static double ShearRateError(int cells)
    {
        var nsf = NavierStokesFourier1D.Create(1.0, Mu, Kappa, cells, 2 * Math.PI);
        var state = new double[4 * cells];
        nsf.FromPrimitive(Enumerable.Repeat(1.0, cells).ToArray(), new double[cells], Averages(cells, 1e-4, sine: true, 0.0), Enumerable.Repeat(1.0, cells).ToArray(), state);
        double before = Mode(state, 2, cells, sine: true);
        const double T = 5.0;
        nsf.Advance(state, T);
        double rate = -Math.Log(Mode(state, 2, cells, sine: true) / before) / T;
        return Math.Abs(rate - NavierStokesFourier1D.LinearModes(1.0, 1.0, 1.0, Mu, Kappa, 1.0).ShearRate) / (Mu * 1.0);
    }

    [Fact]
    public void ShearWave_DecaysAtTheViscousRate_SecondOrderInTheMesh()
    {
        // v = δ sin x decays like e^{−μk²t/ρ}; the compact viscous difference gives 4 sin²(kh/2)/h² instead of k², a
        // relative rate error h²/12 (3.2e−3 at 32 cells). Observed 3.209e−3 and 8.03e−4, order 2.00.
        double coarse = ShearRateError(32), fine = ShearRateError(64);
        output.WriteLine($"shear rate relative error: 32 cells {coarse:E3}, 64 cells {fine:E3}, order {Math.Log2(coarse / fine):F2}");
        Assert.InRange(Math.Log2(coarse / fine), 1.8, 2.2);
        Assert.True(fine < 1.5e-3, $"64 cells: {fine:E3}");
    }

    // The linearised NSF system of one Fourier mode (δn, δu, δθ) ∝ e^{ikx}, integrated by RK4 with a small step: an
    // independent reference for the density mode (it does not use the dispersion relation).
    private static double LinearDensityMode(double delta, double time)
    {
        const double k = 1.0;
        double a = 4.0 / 3.0 * Mu * k * k, b = 2.0 / 3.0 * Kappa * k * k;
        Complex i = Complex.ImaginaryOne;
        Complex[] Rhs(Complex[] x) =>
        [
            -i * k * x[1],
            (-i * k * (x[0] + x[2])) - (a * x[1]),
            (-2.0 / 3.0 * i * k * x[1]) - (b * x[2]),
        ];
        Complex[] y = [delta, 0, 0];
        const int Steps = 20000;
        double dt = time / Steps;
        for (int s = 0; s < Steps; s++)
        {
            var k1 = Rhs(y);
            var k2 = Rhs([.. y.Zip(k1, (p, q) => p + (0.5 * dt * q))]);
            var k3 = Rhs([.. y.Zip(k2, (p, q) => p + (0.5 * dt * q))]);
            var k4 = Rhs([.. y.Zip(k3, (p, q) => p + (dt * q))]);
            for (int j = 0; j < 3; j++)
            {
                y[j] += dt / 6.0 * (k1[j] + (2.0 * k2[j]) + (2.0 * k3[j]) + k4[j]);
            }
        }

        return y[0].Real; // δn(x, t) = Re(ŷ e^{ikx}) = Re ŷ cos x for a real initial cos x
    }

    private static double SoundError(int cells, double time)
    {
        const double Delta = 1e-5;
        var nsf = NavierStokesFourier1D.Create(1.0, Mu, Kappa, cells, 2 * Math.PI);
        var state = new double[4 * cells];
        nsf.FromPrimitive(Averages(cells, Delta, sine: false, 1.0), new double[cells], new double[cells], Enumerable.Repeat(1.0, cells).ToArray(), state);
        double start = Mode(state, 0, cells, sine: false);
        nsf.Advance(state, time);
        double reference = LinearDensityMode(Delta, time);
        return Math.Abs((Mode(state, 0, cells, sine: false) / start * Delta) - reference) / Delta;
    }

    [Fact]
    public void DensityWave_FollowsTheLinearisedSystem_SoundAndThermalModes()
    {
        // δn = δ cos x at uniform θ excites the two sound waves and the thermal mode; at t = 3 the density mode matches the
        // RK4 solution of the linearised 3×3 system, converging at second order. Observed 1.90e−3 and 4.76e−4, order 1.99.
        double coarse = SoundError(64, 3.0), fine = SoundError(128, 3.0);
        output.WriteLine($"density mode error / δ at t = 3: 64 cells {coarse:E3}, 128 cells {fine:E3}, order {Math.Log2(coarse / fine):F2}");
        Assert.InRange(Math.Log2(coarse / fine), 1.7, 2.3);
        Assert.True(fine < 2e-3, $"128 cells: {fine:E3}");
    }

    [Fact]
    public void LinearModes_MatchTheSmallDissipationRates()
    {
        // Γ = (a + 2b/5)/2, ω = k√(5θ/3m), thermal rate 3b/5 (a = (4/3)μk²/ρ, b = (2/3)κk²/n), to first order in μk/c.
        const double mu = 1e-4, kappa = 15.0 / 4.0 * mu / 2.0, m = 2.0, n = 1.5, theta = 0.8, k = 1.3;
        var modes = NavierStokesFourier1D.LinearModes(m, n, theta, mu, kappa, k);
        double a = 4.0 / 3.0 * mu * k * k / (m * n), b = 2.0 / 3.0 * kappa * k * k / n;
        double gamma = (a + (0.4 * b)) / 2, omega = k * Math.Sqrt(5.0 * theta / (3.0 * m)), thermal = 0.6 * b;
        output.WriteLine($"Γ {modes.SoundDampingRate:E6} vs {gamma:E6}; ω {modes.SoundFrequency:R} vs {omega:R}; thermal {modes.ThermalDampingRate:E6} vs {thermal:E6}");
        Assert.Equal(mu * k * k / (m * n), modes.ShearRate, 15);
        Assert.True(Math.Abs(modes.SoundDampingRate - gamma) < 1e-3 * gamma, $"Math.Abs(modes.SoundDampingRate - gamma) < 1e-3 * gamma: {(Math.Abs(modes.SoundDampingRate - gamma))} vs {(1e-3 * gamma)}");
        Assert.True(Math.Abs(modes.SoundFrequency - omega) < 1e-6 * omega, $"Math.Abs(modes.SoundFrequency - omega) < 1e-6 * omega: {(Math.Abs(modes.SoundFrequency - omega))} vs {(1e-6 * omega)}");
        Assert.True(Math.Abs(modes.ThermalDampingRate - thermal) < 1e-3 * thermal, $"Math.Abs(modes.ThermalDampingRate - thermal) < 1e-3 * thermal: {(Math.Abs(modes.ThermalDampingRate - thermal))} vs {(1e-3 * thermal)}");
        Assert.Equal(-modes.LongitudinalRoots[0].Imaginary, modes.LongitudinalRoots[2].Imaginary, 12);
    }

    [Fact]
    public void LinearModes_AreTheEigenvaluesOfTheLinearisedSystem()
    {
        // An independent derivation (docs/limits.md, wave damping): for (n', u', θ') ∝ e^{ikx + λt} the linearised equations
        // are λn' = −ik n u', ρλu' = −ik(θn' + nθ') − (4/3)μk²u', (3/2)nλθ' = −ik nθ u' − κk²θ' (m = ρ/n). Each root of
        // the cubic must make det(A − λI) vanish to round-off; observed |det|/|λ|³ = 1.7e−16 at strong dissipation (μk/ρc ≈ 0.3),
        // bound 2e−15.
        const double m = 2.0, n = 1.5, theta = 0.8, k = 1.3, mu = 0.5, kappa = 15.0 / 4.0 * mu / m;
        var modes = NavierStokesFourier1D.LinearModes(m, n, theta, mu, kappa, k);
        double rho = m * n;
        var i = Complex.ImaginaryOne;
        Complex[,] a =
        {
            { 0, -i * k * n, 0 },
            { -i * k * theta / rho, -4.0 / 3.0 * mu * k * k / rho, -i * k * n / rho },
            { 0, -2.0 / 3.0 * i * k * theta, -2.0 / 3.0 * kappa * k * k / n },
        };
        foreach (Complex lambda in modes.LongitudinalRoots)
        {
            Complex Entry(int r, int c) => a[r, c] - (r == c ? lambda : Complex.Zero);
            Complex det = (Entry(0, 0) * ((Entry(1, 1) * Entry(2, 2)) - (Entry(1, 2) * Entry(2, 1))))
                - (Entry(0, 1) * ((Entry(1, 0) * Entry(2, 2)) - (Entry(1, 2) * Entry(2, 0))))
                + (Entry(0, 2) * ((Entry(1, 0) * Entry(2, 1)) - (Entry(1, 1) * Entry(2, 0))));
            output.WriteLine($"λ = {lambda}: |det(A − λI)|/|λ|³ = {det.Magnitude / Math.Pow(lambda.Magnitude, 3):E2}");
            Assert.True(det.Magnitude < 2e-15 * Math.Pow(lambda.Magnitude, 3), $"λ = {lambda}: det {det.Magnitude:E3}");
        }
    }

    [Fact]
    public void NonlinearWaves_ConserveMassMomentumAndEnergy()
    {
        const int Cells = 32;
        var nsf = NavierStokesFourier1D.Create(1.0, Mu, Kappa, Cells, 2 * Math.PI, temperatureExponent: 0.5);
        var state = new double[4 * Cells];
        nsf.FromPrimitive(
            Averages(Cells, 0.3, sine: false, 1.0),
            Averages(Cells, 0.4, sine: true, 0.1),
            Averages(Cells, 0.2, sine: false, -0.05),
            Averages(Cells, 0.25, sine: true, 1.0),
            state);
        double[] before = Enumerable.Range(0, 4).Select(r => state.Skip(r * Cells).Take(Cells).Sum()).ToArray();
        nsf.Advance(state, 2.0);
        for (int r = 0; r < 4; r++)
        {
            double after = state.Skip(r * Cells).Take(Cells).Sum();
            Assert.True(Math.Abs(after - before[r]) < 1e-13 * Math.Max(1.0, Math.Abs(before[r])), $"row {r}: {before[r]:R} → {after:R}");
        }
    }
}
