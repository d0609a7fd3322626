using Kinetics.Mixtures;
using Kinetics.PhaseSpace.Boundaries;
using Kinetics.PhaseSpace.Fields;
using Kinetics.PhaseSpace.Integration;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.PhaseSpace.States;
using Kinetics.PhaseSpace.Velocities;
using Xunit.Abstractions;

namespace Kinetics.PhaseSpace.Tests.Fields;

/// <summary>
/// Gauss's law between walls against exact solutions: φ(x) = sin(2.3x) + 0.4x² on [0, 2], ρ = −φ″ given as exact cell
/// averages, E = −φ′ at the cell centres, for every pair of potential/field conditions; second-order convergence; the
/// discrete Gauss law to round-off; and charged species between walls in the phase-space solver.
/// </summary>
public sealed class WallPoissonSolverTests(ITestOutputHelper output)
{
    private const double Length = 2.0;

    private static double Phi(double x) => Math.Sin(2.3 * x) + (0.4 * x * x);

    private static double DPhi(double x) => (2.3 * Math.Cos(2.3 * x)) + (0.8 * x);

    // Max |E − E_exact| over the cells for N cells.
    private static double Error(int cells, FieldBoundary low, FieldBoundary high, bool background)
    {
        var mesh = UniformMesh.Create1D(cells, Length);
        double h = mesh.SpacingX;
        var rho = new double[cells];
        for (int i = 0; i < cells; i++)
        {
            // Cell average of ρ = −φ″: −(φ′(x_{i+½}) − φ′(x_{i−½}))/h.
            rho[i] = -(DPhi((i + 1) * h) - DPhi(i * h)) / h;
        }

        var e = new double[cells];
        WallPoissonSolver.Create(mesh, low, high, background).Solve(rho, e, []);
        double error = 0.0;
        for (int i = 0; i < cells; i++)
        {
            error = Math.Max(error, Math.Abs(e[i] + DPhi(mesh.CenterX(i))));
        }

        return error;
    }

    public static TheoryData<string> Conditions => ["potential-potential", "potential-field", "field-potential", "field-field"];

    private static (FieldBoundary Low, FieldBoundary High, bool Background) Condition(string name) => name switch
    {
        "potential-potential" => (FieldBoundary.Potential(Phi(0)), FieldBoundary.Potential(Phi(Length)), false),
        "potential-field" => (FieldBoundary.Potential(Phi(0)), FieldBoundary.Field(-DPhi(Length)), false),
        "field-potential" => (FieldBoundary.Field(-DPhi(0)), FieldBoundary.Potential(Phi(Length)), false),
        _ => (FieldBoundary.Field(-DPhi(0)), FieldBoundary.Field(-DPhi(Length)), true),
    };

    [Theory]
    [MemberData(nameof(Conditions))]
    public void ExactSolution_ConvergesAtSecondOrder(string name)
    {
        var (low, high, background) = Condition(name);
        int[] cells = [16, 32, 64, 128];
        double[] errors = cells.Select(n => Error(n, low, high, background)).ToArray();
        for (int k = 1; k < cells.Length; k++)
        {
            double order = Math.Log2(errors[k - 1] / errors[k]);
            output.WriteLine($"{name}: N = {cells[k]}, error {errors[k]:E3}, order {order:F3}");

            // Observed orders 1.99–2.00 for every pair of conditions.
            Assert.InRange(order, 1.9, 2.1);
        }

        // Observed 3.7e−4 (one field condition) and 4.2e−4 (two potentials) at N = 128, h = 1/64.
        Assert.True(errors[^1] < 1e-3, $"{errors[^1]}");
    }

    [Fact]
    public void Field_SatisfiesTheDiscreteGaussLaw_ToRoundOff()
    {
        var mesh = UniformMesh.Create1D(40, Length);
        var random = new Random(7);
        double[] rho = Enumerable.Range(0, 40).Select(_ => random.NextDouble() - 0.3).ToArray();
        double[] copy = [.. rho];
        var e = new double[40];
        WallPoissonSolver.Create(mesh, FieldBoundary.Grounded, FieldBoundary.Potential(0.7), neutralisingBackground: false).Solve(rho, e, []);
        Assert.Equal(copy, rho);
        double h = mesh.SpacingX;
        for (int i = 0; i + 1 < 40; i++)
        {
            Assert.Equal(0.5 * h * (rho[i] + rho[i + 1]), e[i + 1] - e[i], 1e-14);
        }

        // The potential difference: φ(0) − φ(L) = ∫E, with ∫ of the face interpolant = Σ h E_i (midpoint of the linear pieces).
        Assert.Equal(-0.7, h * e.Sum(), 1e-13);
    }

    [Fact]
    public void UniformCharge_WithBackground_HasNoField_AndWithoutItTheLinearField()
    {
        var mesh = UniformMesh.Create1D(10, Length);
        double[] rho = Enumerable.Repeat(0.3, 10).ToArray();
        var e = new double[10];
        WallPoissonSolver.Create(mesh, FieldBoundary.Grounded, FieldBoundary.Grounded).Solve(rho, e, []);
        Assert.All(e, x => Assert.Equal(0.0, x, 1e-15));

        // Without the background, grounded walls: φ = (ρ/2) x (L − x), E = −ρ(L/2 − x), exact for a quadratic φ.
        WallPoissonSolver.Create(mesh, FieldBoundary.Grounded, FieldBoundary.Grounded, neutralisingBackground: false).Solve(rho, e, []);
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(-0.3 * ((Length / 2) - mesh.CenterX(i)), e[i], 1e-14);
        }
    }

    [Fact]
    public void Create_RejectsTwoFieldConditionsWithoutBackground_AndUnsupported2DMeshes()
    {
        var e = Assert.Throws<ArgumentException>(() => WallPoissonSolver.Create(UniformMesh.Create1D(8, 1.0), FieldBoundary.Field(0), FieldBoundary.Field(0), neutralisingBackground: false));
        Assert.Equal("high", e.ParamName);
        Assert.Equal("mesh", Assert.Throws<ArgumentOutOfRangeException>(() => WallPoissonSolver.Create(UniformMesh.Create2D(7, 8, 1.0, 1.0), FieldBoundary.Grounded, FieldBoundary.Grounded)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => FieldBoundary.Potential(double.NaN));
    }

    [Fact]
    public void ChargedSpeciesBetweenSpecularWalls_ConserveMassAndTotalEnergy()
    {
        // Electrons and ions (1:4) with a charge-separating perturbation between grounded specular walls, no background:
        // no particle crosses a specular wall and the walls do no work, so kinetic + field energy is conserved to the
        // splitting and transport error, which falls at second order or better as Δx, Δv and Δt are refined together.
        double Drift(int cells, int velocities, out double massDrift)
        {
            var mesh = UniformMesh.Create1D(cells, 4.0);
            var grid = new VelocityGrid(1, velocities, 6.0);
            var mixture = new Mixture(new Species("e", 1.0, charge: -1.0), new Species("i", 4.0, charge: 1.0));
            var options = new PhaseSpaceOptions { LowBoundary = WallBoundary.Specular(), HighBoundary = WallBoundary.Specular(), NeutralisingBackground = false, MaxDegreeOfParallelism = 1 };
            var state = new PhaseSpaceState(mesh, grid, mixture);
            state.Fill(0, (x, _, v) => (1 + (0.1 * Math.Cos(Math.PI * x / 4.0))) * Math.Exp(-v.X * v.X / 2) / Math.Sqrt(2 * Math.PI));
            state.Fill(1, (_, _, v) => Math.Exp(-2 * v.X * v.X) * Math.Sqrt(2 / Math.PI));
            var solver = PhaseSpaceSolver.Create(state, options);
            var before = solver.Diagnose(state);
            Assert.True(before.FieldEnergy > 1e-4, $"field energy {before.FieldEnergy}");
            solver.Run(state, 2.0);
            var after = solver.Diagnose(state);
            massDrift = Math.Max(Math.Abs(after.Masses[0] - before.Masses[0]) / before.Masses[0], Math.Abs(after.Masses[1] - before.Masses[1]) / before.Masses[1]);
            return Math.Abs(after.TotalEnergy - before.TotalEnergy) / before.TotalEnergy;
        }

        double coarse = Drift(32, 64, out double mass1), fine = Drift(64, 128, out double mass2);
        output.WriteLine($"energy drift {coarse:E3} → {fine:E3}, mass drift {mass1:E1}, {mass2:E1}");

        // Observed: energy drift 3.0e−4 → 4.1e−5 (ratio 7.4), mass drift 4e−16.
        Assert.True(Math.Max(mass1, mass2) < 1e-13);
        Assert.True(fine < coarse / 3.5, $"{coarse} → {fine}");
        Assert.True(coarse < 1e-3, $"{coarse}");
    }
}
