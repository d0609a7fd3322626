using Kinetics.Limits;
using Kinetics.PhaseSpace.Fields;
using Kinetics.PhaseSpace.Limits;
using Xunit.Abstractions;

namespace Kinetics.PhaseSpace.Tests.Limits;

public sealed class EulerPoisson1DWallTests(ITestOutputHelper output)
{
    private static readonly double[] Masses = [1.0, 2.0];
    private static readonly double[] Charges = [1.0, 0.5];

    private static EulerPoisson1D Walls(int cells, double length, FieldBoundary low, FieldBoundary high) =>
        EulerPoisson1D.Create(Masses, Charges, cells, length, LimitBoundary.Walls, low, high, neutralisingBackground: true);

    // n^A = 1 + δ·(cell average of cos kx) + asymmetry·(cell average of sin(x/2)·…), n^B = 1, θ = 1, u = u0 sin(πx/ℓ)
    // (zero at both walls).
    private static double[] State(EulerPoisson1D solver, double delta, double k, double asymmetry = 0.0, double drift = 0.0)
    {
        int cells = solver.Cells;
        double h = solver.Spacing;
        var densities = new double[2 * cells];
        var velocity = new double[cells];
        for (int j = 0; j < cells; j++)
        {
            double x0 = j * h, x1 = x0 + h;
            densities[j] = 1.0 + (delta * (Math.Sin(k * x1) - Math.Sin(k * x0)) / (k * h)) + (asymmetry * (x0 + x1) / (2 * solver.Length));
            densities[cells + j] = 1.0;
            velocity[j] = drift * Math.Sin(Math.PI * solver.Centre(j) / solver.Length);
        }

        var state = new double[4 * cells];
        solver.FromPrimitive(densities, velocity, Enumerable.Repeat(1.0, cells).ToArray(), state);
        return state;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void WallsAtSymmetryPlanes_ReproduceThePeriodicSolution(bool grounded)
    {
        // Data even about x = 0 on [0, 2π): the periodic solution keeps u odd about 0 and π and E odd about them, so reflecting
        // walls at 0 and 2π (grounded: ∫E = 0 as the periodic zero-mean field; or zero wall field) reproduce it. The discrete
        // schemes coincide too (the mirror ghost is the periodic neighbour), so the difference is round-off: observed
        // 2.7e−15 (zero field) and 3.1e−15 (grounded) (nonlinear, δ = 0.3, t = 2).
        const int cells = 64;
        var periodic = EulerPoisson1D.Create(Masses, Charges, cells, 2 * Math.PI);
        var bc = grounded ? FieldBoundary.Grounded : FieldBoundary.Field(0.0);
        var walls = Walls(cells, 2 * Math.PI, bc, bc);
        double[] a = State(periodic, 0.3, 1.0), b = State(walls, 0.3, 1.0);
        periodic.Advance(a, 2.0);
        walls.Advance(b, 2.0);
        double difference = a.Zip(b, (x, y) => Math.Abs(x - y)).Max();
        output.WriteLine($"max |walls − periodic| = {difference:G3}");
        Assert.True(difference < 2e-14, $"max |walls − periodic| = {difference:G3}");
    }

    [Fact]
    public void ZeroFieldWallsOnHalfThePeriod_ReproduceHalfOfThePeriodicSolution()
    {
        // Walls at 0 and π are both symmetry planes of the periodic solution of cos x data (E = 0 there): the wall solver on
        // [0, π] with zero wall fields must give the first half of the periodic solver on [0, 2π) (observed 5.3e−15).
        const int half = 48;
        var periodic = EulerPoisson1D.Create(Masses, Charges, 2 * half, 2 * Math.PI);
        var walls = Walls(half, Math.PI, FieldBoundary.Field(0.0), FieldBoundary.Field(0.0));
        double[] a = State(periodic, 0.3, 1.0), b = State(walls, 0.3, 1.0);
        periodic.Advance(a, 2.0, courant: 0.2);
        walls.Advance(b, 2.0, courant: 0.2);
        double difference = 0;
        for (int v = 0; v < 4; v++)
        {
            for (int j = 0; j < half; j++)
            {
                difference = Math.Max(difference, Math.Abs(a[(v * 2 * half) + j] - b[(v * half) + j]));
            }
        }

        output.WriteLine($"max |walls − periodic half| = {difference:G3}");
        Assert.True(difference < 2e-14, $"max |walls − periodic half| = {difference:G3}");
    }

    [Fact]
    public void LinearWaveBetweenGroundedWalls_FollowsTheExactSolution()
    {
        // Walls at 0 and 2π, grounded, k = 1 = 2π/ℓ: the mode's field (δq/k) sin x has ∫E = 0, so the linear solution of the
        // periodic box, u = (a/ω) sin ωt sin x, n^α = n^α(0) − n̄^α (a/ω²)(1 − cos ωt) cos x, a = δ(θ + n̄_q q^A)/ρ̄, satisfies
        // u = 0 and φ(0) = φ(2π) (docs/limits.md). (With k = π/ℓ it would not: ∫₀^ℓ sin kx ≠ 0 and the grounded walls add a
        // uniform field.) Observed error of δ: 3.26e−3 (64 cells), 1.07e−3 (128), order 1.61.
        const double delta = 1e-4, time = 3.0;
        double omega = EulerPoisson1D.LinearFrequency(Masses, Charges, [1.0, 1.0], 1.0, 1.0);
        double amplitude = delta * (1.0 + 1.5) / 3.0;
        var errors = new List<double>();
        foreach (int cells in new[] { 64, 128 })
        {
            var solver = Walls(cells, 2 * Math.PI, FieldBoundary.Grounded, FieldBoundary.Grounded);
            double[] state = State(solver, delta, 1.0);
            solver.Advance(state, time);
            double error = 0;
            for (int s = 0; s < 2; s++)
            {
                for (int j = 0; j < cells; j++)
                {
                    double x = solver.Centre(j);
                    double exact = (s == 0 ? 1.0 + (delta * Math.Cos(x)) : 1.0) - (amplitude / (omega * omega) * (1 - Math.Cos(omega * time)) * Math.Cos(x));
                    error = Math.Max(error, Math.Abs(state[(s * cells) + j] - exact));
                }
            }

            errors.Add(error / delta);
        }

        double order = Math.Log2(errors[0] / errors[1]);
        output.WriteLine($"errors {errors[0]:G3}, {errors[1]:G3}, order {order:F2}");
        Assert.True(errors[1] < 1.3e-3, $"relative error {errors[1]:G3} at 128 cells");
        Assert.True(order > 1.5, $"observed order {order:F2} ({errors[0]:G3}, {errors[1]:G3})");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AsymmetricFlow_ConservesSpeciesToRoundOffAndEnergyToTheSchemesOrder(bool grounded)
    {
        // Asymmetric data (a density ramp, a drift) between walls: species totals to round-off; fluid + field energy
        // Σℰh + ½ΣE²h changes only by the discrete work–field mismatch, which falls with the mesh. Observed (t = 3): species
        // drift ≤ 8.2e−15 relative; energy drift 9.42e−5 → 2.49e−5 (grounded, order 1.92) and 9.78e−7 → 1.69e−7 (zero wall
        // field, order 2.53) from 64 to 128 cells.
        var bc = grounded ? FieldBoundary.Grounded : FieldBoundary.Field(0.0);
        var drifts = new List<double>();
        foreach (int cells in new[] { 64, 128 })
        {
            var solver = Walls(cells, 2 * Math.PI, bc, bc);
            double[] state = State(solver, 0.2, 0.5, asymmetry: 0.2, drift: 0.3);
            double h = solver.Spacing;
            double massA = state.AsSpan(0, cells).ToArray().Sum() * h, massB = state.AsSpan(cells, cells).ToArray().Sum() * h;
            double energy = (state.AsSpan(3 * cells, cells).ToArray().Sum() * h) + solver.FieldEnergy(state);
            solver.Advance(state, 3.0);
            double massA1 = state.AsSpan(0, cells).ToArray().Sum() * h, massB1 = state.AsSpan(cells, cells).ToArray().Sum() * h;
            double energy1 = (state.AsSpan(3 * cells, cells).ToArray().Sum() * h) + solver.FieldEnergy(state);
            Assert.True(Math.Abs(massA1 - massA) < 3e-14 * massA, $"species A: {massA:R} → {massA1:R}");
            Assert.True(Math.Abs(massB1 - massB) < 3e-14 * massB, $"species B: {massB:R} → {massB1:R}");
            drifts.Add(Math.Abs(energy1 - energy) / energy);
            output.WriteLine($"cells {cells}: mass drift {(massA1 - massA) / massA:G3}, {(massB1 - massB) / massB:G3}, energy drift {drifts[^1]:G3}");
        }

        double order = Math.Log2(drifts[0] / drifts[1]);
        Assert.True(drifts[1] < (grounded ? 5e-5 : 4e-7) && order > 1.5, $"energy drift {drifts[0]:G3} → {drifts[1]:G3} (order {order:F2})");
    }

    [Fact]
    public void BadInput_NamesTheParameter()
    {
        var e1 = Assert.Throws<ArgumentOutOfRangeException>(() => EulerPoisson1D.Create(Masses, Charges, 32, 1.0, (LimitBoundary)7, FieldBoundary.Grounded, FieldBoundary.Grounded, true));
        Assert.Equal("boundary", e1.ParamName);
        var e5 = Assert.Throws<ArgumentOutOfRangeException>(() => EulerPoisson1D.Create(Masses, Charges, 32, 1.0, LimitBoundary.NoSlipWalls, FieldBoundary.Grounded, FieldBoundary.Grounded, true));
        Assert.Equal("boundary", e5.ParamName);
        var e2 = Assert.Throws<ArgumentException>(() => EulerPoisson1D.Create(Masses, Charges, 32, 1.0, LimitBoundary.Walls, FieldBoundary.Field(0), FieldBoundary.Field(0), false));
        Assert.Equal("neutralisingBackground", e2.ParamName);
        var e3 = Assert.Throws<ArgumentOutOfRangeException>(() => EulerPoisson1D.Create(Masses, Charges, 32, 1.0, LimitBoundary.Walls, new FieldBoundary(true, double.NaN), FieldBoundary.Grounded, true));
        Assert.Equal("lowField", e3.ParamName);
        var e4 = Assert.Throws<ArgumentOutOfRangeException>(() => EulerPoisson1D.Create(Masses, Charges, 4, 1.0, LimitBoundary.Walls, FieldBoundary.Grounded, FieldBoundary.Grounded, true));
        Assert.Equal("cells", e4.ParamName);
    }
}
