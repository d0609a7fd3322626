using Kinetics.Boltzmann;
using Kinetics.Dynamics;
using Kinetics.Kernels;
using Kinetics.Mixtures;
using Kinetics.PhaseSpace.Integration;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.PhaseSpace.States;
using Kinetics.PhaseSpace.Velocities;
using Xunit.Abstractions;

namespace Kinetics.PhaseSpace.Tests.Integration;

/// <summary>
/// The phase-space collision step through <see cref="BatchedCollisionStep"/>: every cell's species masses, momentum and
/// energy are conserved to round-off by each step (recomputed here from the state), the per-cell reports are filled, the
/// result agrees with the per-cell space-homogeneous path to the time-stepping error, and a Vlasov run with batched
/// collisions conserves the totals.
/// </summary>
public sealed class BatchedCollisionStepTests(ITestOutputHelper output)
{
    private static readonly Mixture Pair = new(new Species("a", 1.0), new Species("b", 4.0));
    private static readonly VelocityGrid Grid = new(3, 8, 5.0);

    // Coarse grid (the test checks conservation and agreement of two integrators, not accuracy): resolution relaxed.
    private static readonly Lazy<BoltzmannOperator> Operator = new(() => BoltzmannOperator.Create(
        Grid.ToCartesian(),
        CollisionKernelTable.Uniform(Pair, new CollisionKernel(0.0, AngularFunction.AbsoluteCosine(1.0))),
        new BoltzmannOptions { ResolutionTolerance = 1e-1 }));

    // Four cells of drifting, anisotropic two-species gas, different in every cell.
    private static PhaseSpaceState State()
    {
        var state = new PhaseSpaceState(UniformMesh.Create1D(4, 1.0), Grid, Pair);
        state.Fill(0, (x, _, v) => (1 + (0.3 * x)) * Math.Exp(-(((v.X - (0.4 * x)) * (v.X - (0.4 * x))) + (0.5 * v.Y * v.Y) + (v.Z * v.Z)) / 2));
        state.Fill(1, (x, _, v) => 0.5 * Math.Exp(-(2 + x) * ((v.X * v.X) + (v.Y * v.Y) + ((v.Z + (0.2 * x)) * (v.Z + (0.2 * x))))));
        return state;
    }

    // Per cell: species masses Σ F, then momentum Σ m v F (3), then energy Σ m|v|²/2 F.
    private static double[] Invariants(PhaseSpaceState state, int cell)
    {
        var result = new double[Pair.Count + 4];
        for (int s = 0; s < Pair.Count; s++)
        {
            ReadOnlySpan<double> f = state.Distribution(cell, s);
            double m = Pair[s].Mass;
            for (int p = 0; p < f.Length; p++)
            {
                double vx = Grid.Component(p, 0), vy = Grid.Component(p, 1), vz = Grid.Component(p, 2);
                result[s] += f[p];
                result[Pair.Count] += m * vx * f[p];
                result[Pair.Count + 1] += m * vy * f[p];
                result[Pair.Count + 2] += m * vz * f[p];
                result[Pair.Count + 3] += 0.5 * m * ((vx * vx) + (vy * vy) + (vz * vz)) * f[p];
            }
        }

        return result;
    }

    [Fact]
    public void Advance_ConservesEveryCellsInvariants_AndReportsEveryCell()
    {
        var state = State();
        var step = CollisionStep.CreateBatched(Operator.Value, substeps: 2);
        var before = Enumerable.Range(0, 4).Select(c => Invariants(state, c)).ToArray();
        double[] start = state.Data.ToArray();
        // ν_max ≈ 190 for these densities: Δt = 0.01 in two sub-steps keeps ν·h ≈ 1.
        step.Advance(state, 0.01);

        double worst = 0.0, change = 0.0;
        for (int c = 0; c < 4; c++)
        {
            double[] after = Invariants(state, c);
            double scale = before[c].Max(Math.Abs);
            for (int k = 0; k < after.Length; k++)
            {
                worst = Math.Max(worst, Math.Abs(after[k] - before[c][k]) / scale);
            }
        }

        for (int i = 0; i < start.Length; i++)
        {
            change = Math.Max(change, Math.Abs(state.Data[i] - start[i]));
        }

        output.WriteLine($"worst relative invariant change {worst:E2}; largest change of F {change:E2}");

        // The step does something, and conserves what it must to round-off (observed ~1e−16).
        Assert.True(change > 1e-3, $"{change}");
        Assert.True(worst < 1e-13, $"{worst}");
        Assert.True(step.IsBatched);
        Assert.Equal(4, step.Reports.Length);
        // The projection leaves round-off of the conservation defect it removes (observed 3e−17 after, 1e−2 before). The
        // coarse grid (h/σ ≈ 2) lets the last stage dip below zero; the report says so instead of stopping the run.
        Assert.All(step.Reports.ToArray(), r => Assert.True(r.ResidualAfter <= 1e-14 && r.ResidualBefore > 1e3 * r.ResidualAfter && r.WorstSpacingRatio > 1, r.ToString()));
    }

    [Fact]
    public void Advance_EqualsThePerCellPathWithTheSameFixedSteps_Bitwise()
    {
        // Both are Shu–Osher SSP-RK3 with the |F|-weighted conservative projection at every stage and the same stage
        // arithmetic, so with equal steps the batched step (all cells per stage) and the per-cell space-homogeneous
        // integrator (all stages per cell) give the same bits: batching changes the order of work, not the result.
        var batched = State();
        var perCell = State();
        double[] start = batched.Data.ToArray();
        CollisionStep.CreateBatched(Operator.Value, substeps: 4).Advance(batched, 0.01);
        CollisionStep.Create(Operator.Value, new SpaceHomogeneousOptions { FixedStep = 0.0025 }).Advance(perCell, 0.01);
        double change = 0.0;
        for (int i = 0; i < start.Length; i++)
        {
            change = Math.Max(change, Math.Abs(batched.Data[i] - start[i]));
        }

        output.WriteLine($"max change of F {change:E2}");
        Assert.True(change > 1e-2, $"{change}");
        Assert.True(batched.Data.SequenceEqual(perCell.Data));
    }

    [Fact]
    public void Solver_WithBatchedCollisions_ConservesTotals()
    {
        var state = State();
        var solver = PhaseSpaceSolver.Create(state, new PhaseSpaceOptions { Collisions = CollisionStep.CreateBatched(Operator.Value), MaxDegreeOfParallelism = 1 });
        var before = solver.Diagnose(state);
        double dt = solver.StepFor(state);
        for (int n = 0; n < 3; n++)
        {
            solver.Step(state, dt);
        }

        var after = solver.Diagnose(state);
        output.WriteLine($"dt {dt:G4}; mass {before.Masses.Sum():R} → {after.Masses.Sum():R}, energy {before.TotalEnergy:R} → {after.TotalEnergy:R}");
        for (int s = 0; s < 2; s++)
        {
            Assert.Equal(before.Masses[s], after.Masses[s], 1e-13 * before.Masses[s]);
        }

        Assert.Equal(before.TotalEnergy, after.TotalEnergy, 1e-12 * before.TotalEnergy);
        Assert.Equal(before.Momentum.X, after.Momentum.X, 1e-12 * before.TotalEnergy);
        Assert.Throws<ArgumentOutOfRangeException>(() => CollisionStep.CreateBatched(Operator.Value, substeps: 0));
    }
}
