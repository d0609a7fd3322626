using Kinetics.Boltzmann;
using Kinetics.Distributions;
using Kinetics.Dynamics;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Mixtures;
using Kinetics.PhaseSpace.Integration;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.PhaseSpace.States;
using Kinetics.PhaseSpace.Velocities;

namespace Kinetics.PhaseSpace.Tests.Integration;

public sealed class CollisionStepTests
{
    [Theory]
    [InlineData(-1.0, true)]
    [InlineData(double.NaN, true)]
    [InlineData(double.NaN, false)]
    public void RefusedState_IsRefusedBeforeTheStepChangesIt(double value, bool collisions)
    {
        // A cell with a negative density (refused by the collision step) or a NaN value: the error must come before the
        // first transport half-step overwrites the state, so the caller's state is left bit for bit as it was.
        var mixture = new Mixture(new Species("A", 1.0), new Species("B", 2.0));
        var grid = new CartesianGrid(8, 7.0);
        var op = BoltzmannOperator.Create(grid, CollisionKernelTable.Uniform(mixture, CollisionKernel.HardSpheres(1.0)), new BoltzmannOptions { ResolutionTolerance = 1e-2 });
        var mesh = UniformMesh.Create1D(6, 1.0);
        var state = new PhaseSpaceState(mesh, VelocityGrid.FromCartesian(grid), mixture);
        for (int c = 0; c < 6; c++)
        {
            Maxwellian.Fill(grid, new MacroscopicState(1.0 + (0.2 * Math.Sin(c)), new Velocity3(0.1, 0, 0), 1.0), 1.0, state.Distribution(c, 0));
            Maxwellian.Fill(grid, new MacroscopicState(0.5, Velocity3.Zero, 0.8), 2.0, state.Distribution(c, 1));
        }

        var cell = state.Distribution(4, 1);
        if (double.IsNaN(value))
        {
            cell[7] = value;
        }
        else
        {
            for (int p = 0; p < cell.Length; p++)
            {
                cell[p] *= value;
            }
        }

        var options = new PhaseSpaceOptions { Collisions = collisions ? CollisionStep.Create(op, new SpaceHomogeneousOptions { FixedStep = 0.01 }) : null };
        var solver = PhaseSpaceSolver.Create(state, options);
        var before = state.Data.ToArray();
        var error = Assert.ThrowsAny<ArgumentException>(() => solver.Step(state, 0.01));
        Assert.Equal("state", error.ParamName);
        Assert.Contains("species 1", error.Message, StringComparison.Ordinal);
        Assert.Equal(before.Select(BitConverter.DoubleToInt64Bits), state.Data.ToArray().Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void UniformState_ReproducesTheSpaceHomogeneousSolver()
    {
        // Two species 7:8, γ = −1, b ∝ |cos θ|, unequal temperatures: a uniform gas in a periodic box is the
        // space-homogeneous problem; transport leaves it bitwise unchanged, so the phase-space run must be the
        // homogeneous run with the same fixed steps.
        var mixture = new Mixture(new Species("N2", 1.0), new Species("O2", 8.0 / 7.0));
        var grid = new CartesianGrid(12, 7.5);
        // A coarse grid (the test compares two paths to the same arithmetic, not accuracy): its spectral ringing reaches
        // 2e−4 of the peak on the box faces, so the operator's resolution check is relaxed to 1e−2.
        var op = BoltzmannOperator.Create(
            grid,
            CollisionKernelTable.Uniform(mixture, new CollisionKernel(-1.0, AngularFunction.AbsoluteCosine(1.0))),
            new BoltzmannOptions { ResolutionTolerance = 1e-2 });
        double[] initial =
        [
            .. Maxwellian.OnGrid(grid, new MacroscopicState(0.78, 1.5), 1.0).Values,
            .. Maxwellian.OnGrid(grid, new MacroscopicState(0.21, new Velocity3(0.2, 0, 0), 0.5), 8.0 / 7.0).Values,
        ];

        var mesh = UniformMesh.Create1D(4, 1.0);
        var state = new PhaseSpaceState(mesh, VelocityGrid.FromCartesian(grid), mixture);
        for (int c = 0; c < 4; c++)
        {
            initial.CopyTo(state.Cell(c));
        }

        const double Dt = 0.05;
        const int Steps = 4;
        var homogeneousOptions = new SpaceHomogeneousOptions { FixedStep = Dt };
        var solver = PhaseSpaceSolver.Create(state, new PhaseSpaceOptions { Collisions = CollisionStep.Create(op, homogeneousOptions) });
        Assert.True(solver.StableStep >= Dt, "the test's step must be a stable transport step");
        for (int n = 0; n < Steps; n++)
        {
            solver.Step(state, Dt);
        }

        var reference = SpaceHomogeneousSolver.Create(op, homogeneousOptions).Run(initial, Steps * Dt).ToArray();
        double scale = reference.Max(Math.Abs);
        for (int c = 0; c < 4; c++)
        {
            var cell = state.Cell(c).ToArray();
            double error = cell.Zip(reference, (a, b) => Math.Abs(a - b)).Max();

            // Same arithmetic step for step; the homogeneous run's last step length is T − Σ dt (round-off). Observed 0.
            Assert.True(error <= 1e-14 * scale, $"cell {c}: max difference {error:E3}");
        }
    }

    [Fact]
    public void Create_RejectsStateOnAnotherGrid()
    {
        var mixture = new Mixture(new Species("A", 1.0));
        var op = DelegateCollisionOperator.Create(new CartesianGrid(8, 5.0), [1.0], (_, d) => d.Clear());
        var step = CollisionStep.Create(op);
        var state = new PhaseSpaceState(UniformMesh.Create1D(4, 1.0), new VelocityGrid(3, 8, 4.0), mixture);
        var e = Assert.Throws<ArgumentException>(() => step.Advance(state, 0.1));
        Assert.Equal("state", e.ParamName);
    }
}
