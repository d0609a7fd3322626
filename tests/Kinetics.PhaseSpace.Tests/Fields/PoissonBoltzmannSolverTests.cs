using Kinetics.PhaseSpace.Fields;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.Tests;
using Xunit.Abstractions;

namespace Kinetics.PhaseSpace.Tests.Fields;

/// <summary>−φ'' = ρ₊ − e^{βφ} (docs/massless-electrons.md): manufactured solutions, global convergence, bad input.</summary>
public sealed class PoissonBoltzmannSolverTests(ITestOutputHelper output)
{
    private const double Length = 10.0;
    private static readonly double K = 2 * Math.PI / Length;

    // φ* = 0.3 cos kx + 0.1 sin 2kx − 0.05, and its exact −φ*'' and −φ*'.
    private static double Phi(double x) => (0.3 * Math.Cos(K * x)) + (0.1 * Math.Sin(2 * K * x)) - 0.05;

    private static double MinusLaplacian(double x) => (0.3 * K * K * Math.Cos(K * x)) + (0.4 * K * K * Math.Sin(2 * K * x));

    private static double Field(double x) => (0.3 * K * Math.Sin(K * x)) - (0.2 * K * Math.Cos(2 * K * x));

    [Theory]
    [InlineData(32, 1.7, 0.0, 1e-13)]
    [InlineData(64, 0.5, 0.0, 2.5e-12)]
    [InlineData(32, 1.7, 8.0, 1e-13)]
    public void Solve_RecoversAManufacturedPotentialToRoundOff(int cells, double beta, double guess, double tolerance)
    {
        var mesh = UniformMesh.Create1D(cells, Length);
        var solver = PoissonBoltzmannSolver.Create(mesh);
        var rho = new double[cells];
        for (int i = 0; i < cells; i++)
        {
            double x = mesh.CenterX(i);
            rho[i] = MinusLaplacian(x) + Math.Exp(beta * Phi(x));
        }

        var phi = Enumerable.Repeat(guess, cells).ToArray();
        var electrons = new double[cells];
        var field = new double[cells];
        int iterations = solver.Solve(rho, beta, phi, electrons, field);
        double potentialError = 0, fieldError = 0, densityError = 0;
        for (int i = 0; i < cells; i++)
        {
            double x = mesh.CenterX(i);
            potentialError = Math.Max(potentialError, Math.Abs(phi[i] - Phi(x)));
            fieldError = Math.Max(fieldError, Math.Abs(field[i] - Field(x)));
            densityError = Math.Max(densityError, Math.Abs(electrons[i] - Math.Exp(beta * Phi(x))));
        }

        output.WriteLine($"N = {cells}, β = {beta}, guess {guess}: {iterations} Newton steps, |φ − φ*| = {potentialError:E2}, |E − E*| = {fieldError:E2}, |n₋ − n₋*| = {densityError:E2}");

        // Observed max 1.0e−14 (N = 32, from 0 in 5 steps and from φ = 8 in 19 damped steps) and 2.5e−13 (N = 64: the
        // conditioning of −D² + βe^{βφ}, k_max² ≈ 400): about 10× margin.
        Assert.True(potentialError < tolerance, $"potential error {potentialError:E2}");
        Assert.True(fieldError < tolerance, $"field error {fieldError:E2}");
        Assert.True(densityError < tolerance, $"density error {densityError:E2}");
        Assert.True(iterations <= 30, $"{iterations} Newton steps");
    }

    [Fact]
    public void Solve_UniformIonsGiveZeroField()
    {
        var mesh = UniformMesh.Create1D(16, Length);
        var solver = PoissonBoltzmannSolver.Create(mesh);
        var rho = Enumerable.Repeat(2.0, 16).ToArray();
        var phi = new double[16];
        var electrons = new double[16];
        var field = new double[16];
        solver.Solve(rho, 0.8, phi, electrons, field);
        foreach (double n in electrons)
        {
            Tolerance.AssertRelative(2.0, n, 1e-14, "n₋");
        }

        Assert.All(field, e => Assert.True(Math.Abs(e) < 1e-14));
        Tolerance.AssertRelative(Math.Log(2.0) / 0.8, phi[3], 1e-14, "φ");
    }

    [Fact]
    public void BadInput_IsRefusedWithTheParameterNamed()
    {
        var mesh = UniformMesh.Create1D(16, Length);
        var solver = PoissonBoltzmannSolver.Create(mesh);
        var ok = Enumerable.Repeat(1.0, 16).ToArray();
        var negative = Enumerable.Repeat(-1.0, 16).ToArray();
        var phi = new double[16];
        var n = new double[16];
        var e = new double[16];
        Assert.Equal("beta", Assert.ThrowsAny<ArgumentException>(() => solver.Solve(ok, 0.0, phi, n, e)).ParamName);
        Assert.Equal("ionChargeDensity", Assert.ThrowsAny<ArgumentException>(() => solver.Solve(negative, 1.0, phi, n, e)).ParamName);
        Assert.Equal("ionChargeDensity", Assert.ThrowsAny<ArgumentException>(() => solver.Solve(ok.AsSpan(0, 8), 1.0, phi, n, e)).ParamName);
        Assert.Equal("mesh", Assert.ThrowsAny<ArgumentException>(() => PoissonBoltzmannSolver.Create(UniformMesh.Create2D(8, 8, 1, 1))).ParamName);
    }
}
