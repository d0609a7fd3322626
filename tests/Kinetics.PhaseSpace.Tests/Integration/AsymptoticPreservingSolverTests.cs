using Kinetics.Boltzmann;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Mixtures;
using Kinetics.PhaseSpace.Integration;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.PhaseSpace.States;
using Kinetics.PhaseSpace.Velocities;
using Kinetics.Quadrature;

namespace Kinetics.PhaseSpace.Tests.Integration;

public sealed class AsymptoticPreservingSolverTests
{
    private static readonly Mixture Gas = new(new Species("A", 1.0), new Species("B", 2.0));
    private static readonly CartesianGrid Grid = new(12, 6.0);

    private static BoltzmannOperator Operator() => BoltzmannOperator.Create(
        Grid,
        CollisionKernelTable.Uniform(Gas, new CollisionKernel(0.0, AngularFunction.Isotropic(1.0 / (4 * Math.PI)))),
        new BoltzmannOptions { Sphere = SphereRule.Octahedron, RadialPoints = 4, ResolutionTolerance = 1e-2 });

    // Local Maxwellians with a density, drift and temperature wave (species B drifting against A: not an equilibrium).
    private static PhaseSpaceState WaveState(bool equilibrium)
    {
        var mesh = UniformMesh.Create1D(8, 2 * Math.PI);
        var state = new PhaseSpaceState(mesh, VelocityGrid.FromCartesian(Grid), Gas);
        for (int c = 0; c < 8; c++)
        {
            double x = mesh.CenterX(c);
            double u = 0.2 * Math.Sin(x), theta = 1.0 + (0.1 * Math.Cos(x));
            DiscreteMaxwellian.Fill(Grid, new MacroscopicState(1.0 + (0.1 * Math.Cos(x)), new Velocity3(u, 0, 0), theta), 1.0, state.Distribution(c, 0));
            DiscreteMaxwellian.Fill(Grid, new MacroscopicState(0.8, new Velocity3(equilibrium ? u : -u, 0, 0), theta), 2.0, state.Distribution(c, 1));
        }

        return state;
    }

    private static double[] Totals(PhaseSpaceState state)
    {
        // Species numbers, x-momentum and energy, summed directly from the values (independent of the library's moments).
        var totals = new double[4];
        int nv = Grid.Count;
        for (int c = 0; c < state.CellCount; c++)
        {
            for (int s = 0; s < 2; s++)
            {
                ReadOnlySpan<double> f = state.Distribution(c, s);
                double m = state.Masses[s];
                for (int p = 0; p < nv; p++)
                {
                    var v = Grid.Point(p);
                    totals[s] += f[p];
                    totals[2] += m * v.X * f[p];
                    totals[3] += 0.5 * m * v.LengthSquared * f[p];
                }
            }
        }

        return totals;
    }

    [Fact]
    public void Steps_ConserveSpeciesMomentumAndEnergy_ForEveryEpsilon()
    {
        var op = Operator();
        foreach (double eps in new[] { 1.0, 1e-3, 1e-7 })
        {
            var state = WaveState(equilibrium: false);
            double[] before = Totals(state);
            var solver = AsymptoticPreservingSolver.Create(state, op, new AsymptoticPreservingOptions { Epsilon = eps });
            solver.Run(state, 0.3, 0.1);
            double[] after = Totals(state);
            for (int k = 0; k < 4; k++)
            {
                double scale = k == 2 ? before[3] : Math.Abs(before[k]);
                Assert.True(Math.Abs(after[k] - before[k]) < 1e-13 * scale, $"ε = {eps}, total {k}: {before[k]:R} → {after[k]:R}");
            }
        }
    }

    [Fact]
    public void Step_FromLocalEquilibrium_StaysWithinOrderEpsilonOfEquilibrium()
    {
        // The asymptotic-preserving property at a fixed step Δt = 0.05: after one step from local Maxwellians with gradients,
        // the distance to the local equilibrium is ∝ ε (weight κ/(κ + βΔt) of the transported non-equilibrium part).
        var op = Operator();
        var distances = new List<double>();
        foreach (double eps in new[] { 1e-2, 1e-4 })
        {
            var state = WaveState(equilibrium: true);
            var solver = AsymptoticPreservingSolver.Create(state, op, new AsymptoticPreservingOptions { Epsilon = eps });
            solver.Step(state, 0.05);
            double distance = 0;
            var m = new double[state.CellLength];
            for (int c = 0; c < state.CellCount; c++)
            {
                MixtureEquilibrium.Fill(Grid, Gas.Masses(), state.Cell(c), m);
                for (int p = 0; p < m.Length; p++)
                {
                    distance = Math.Max(distance, Math.Abs(state.Cell(c)[p] - m[p]));
                }
            }

            distances.Add(distance);
        }

        double ratio = distances[0] / distances[1];
        Assert.InRange(ratio, 50.0, 200.0);
    }

    [Fact]
    public void Diffusive_StepIsBoundedBelowAsEpsilonFalls_AndNeedsAPeriodic1DMesh()
    {
        // Conservation and convergence of the diffusive step: DiffusiveMicroMacroTests.
        var op = Operator();
        var state = WaveState(equilibrium: false);
        var solver = AsymptoticPreservingSolver.Create(state, op, new AsymptoticPreservingOptions { Epsilon = 1e-2, Scaling = KineticScaling.Diffusive });

        // The parabolic bound Cfl·8Δx²/v_max² (Cfl = 0.8) once εΔx/v_max is below it: the same step at ε = 1e−2 and 1e−6.
        double dx = 2 * Math.PI / 8, parabolic = 0.8 * 8 * dx * dx / (5.5 * 5.5);
        Assert.Equal(parabolic, solver.StableStep, 14);
        Assert.Equal(parabolic, AsymptoticPreservingSolver.Create(state, op, new AsymptoticPreservingOptions { Epsilon = 1e-6, Scaling = KineticScaling.Diffusive }).StableStep, 14);
        Assert.Equal(0.8 * 3.0 * dx / 5.5, AsymptoticPreservingSolver.Create(state, op, new AsymptoticPreservingOptions { Epsilon = 3.0, Scaling = KineticScaling.Diffusive }).StableStep, 14);

        var plane = new PhaseSpaceState(UniformMesh.Create2D(4, 4, 1.0, 1.0), VelocityGrid.FromCartesian(Grid), Gas);
        Assert.Throws<NotSupportedException>(() => AsymptoticPreservingSolver.Create(plane, op, new AsymptoticPreservingOptions { Scaling = KineticScaling.Diffusive }));
    }

    [Fact]
    public void BadInput_NamesTheParameter()
    {
        var op = Operator();
        var state = WaveState(equilibrium: true);
        Assert.Throws<ArgumentOutOfRangeException>(() => AsymptoticPreservingSolver.Create(state, op, new AsymptoticPreservingOptions { Epsilon = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => AsymptoticPreservingSolver.Create(state, op, new AsymptoticPreservingOptions { PenaltyFactor = 0.1 }));
        Assert.Throws<ArgumentException>(() => AsymptoticPreservingSolver.Create(
            state, op, new AsymptoticPreservingOptions { Explicit = new PhaseSpaceOptions { Collisions = CollisionStep.Create(op) } }));
        var solver = AsymptoticPreservingSolver.Create(state, op);
        Assert.Throws<ArgumentOutOfRangeException>(() => solver.Step(state, 10 * solver.StableStep));
    }
}
