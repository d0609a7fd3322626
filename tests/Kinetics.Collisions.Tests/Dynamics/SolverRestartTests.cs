using Kinetics.Boltzmann;
using Kinetics.Distributions;
using Kinetics.Dynamics;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Mixtures;

namespace Kinetics.Tests.Dynamics;

/// <summary>Checkpoint and restart of the space-homogeneous solver: a run interrupted after some steps and resumed from
/// its last state — directly, or through the values a checkpoint file stores — ends bit for bit where the uninterrupted
/// run ends, with the same diagnostics.</summary>
public class SolverRestartTests
{
    private const double FinalTime = 0.4;

    // A nonlinear, adaptive-step problem: two species (masses 1 and 2) at different temperatures and drifts under the
    // hard-sphere Boltzmann operator, SSP-RK3 with the conservative projection (a coarse grid: the test is about exact
    // reproduction, not accuracy, so the resolution check is relaxed to 1e−2).
    private static (SpaceHomogeneousSolver Solver, double[] Initial) Problem()
    {
        var mixture = new Mixture(new Species("a", 1.0), new Species("b", 2.0));
        var grid = new CartesianGrid(12, 6.0);
        var op = BoltzmannOperator.Create(grid, CollisionKernelTable.Uniform(mixture, CollisionKernel.HardSpheres(1.0)), new BoltzmannOptions { ResolutionTolerance = 1e-2 });
        double[] initial = new double[2 * grid.Count];
        Maxwellian.Fill(grid, new MacroscopicState(0.7, new Velocity3(0.3, 0, 0), 1.3), 1.0, initial.AsSpan(0, grid.Count));
        Maxwellian.Fill(grid, new MacroscopicState(0.4, new Velocity3(-0.2, 0.1, 0), 0.7), 2.0, initial.AsSpan(grid.Count, grid.Count));
        return (SpaceHomogeneousSolver.Create(op, new SpaceHomogeneousOptions { Scheme = TimeScheme.SspRk3, Courant = 0.5 }), initial);
    }

    [Fact]
    public void InterruptedAndResumed_EqualsUninterrupted_Bitwise()
    {
        var (solver, initial) = Problem();
        var whole = solver.Run(initial, FinalTime);
        Assert.True(whole.Steps >= 6, $"only {whole.Steps} steps");

        // Interrupt after 3 accepted steps (cancellation between steps), then resume: once from the partial result itself,
        // once from a result rebuilt from the saved values (what a checkpoint file holds).
        using var stop = new CancellationTokenSource();
        var partial = solver.Run(initial, FinalTime, (t, step, state) =>
        {
            if (step == 3)
            {
                stop.Cancel();
            }
        }, cancellationToken: stop.Token);
        Assert.Equal(3, partial.Steps);
        Assert.True(partial.Time < FinalTime, $"partial.Time < FinalTime: {partial.Time} vs {FinalTime}");

        var restored = new SpaceHomogeneousResult(
            partial.ToArray(), partial.Time, partial.Steps, partial.RejectedSteps, partial.Evaluations, partial.MinimumRelativeValue, partial.LargestRelativeCorrection);
        var observed = new List<int>();
        foreach (var resumed in new[] { solver.Resume(partial, FinalTime), solver.Resume(restored, FinalTime, (t, step, state) => observed.Add(step)) })
        {
            Assert.True(whole.State.SequenceEqual(resumed.State), "the resumed state differs from the uninterrupted one");
            Assert.Equal(whole.Time, resumed.Time);
            Assert.Equal(whole.Steps, resumed.Steps);
            Assert.Equal(whole.Evaluations, resumed.Evaluations);
            Assert.Equal(whole.RejectedSteps, resumed.RejectedSteps);
            Assert.Equal(whole.MinimumRelativeValue, resumed.MinimumRelativeValue);
            Assert.Equal(whole.LargestRelativeCorrection, resumed.LargestRelativeCorrection);
        }

        // The resumed run reports only its own steps, numbered after the interrupted ones.
        Assert.Equal(Enumerable.Range(4, whole.Steps - 3), observed);
    }

    [Fact]
    public void Resume_RejectsBadStates()
    {
        var (solver, initial) = Problem();
        var start = solver.Run(initial, 0.0);
        Assert.Throws<ArgumentOutOfRangeException>(() => solver.Resume(start, -1.0));
        Assert.Throws<ArgumentException>(() => new SpaceHomogeneousResult([1.0, double.NaN], 0, 0, 0, 0, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpaceHomogeneousResult([1.0], -1, 0, 0, 0, 0, 0));
        Assert.ThrowsAny<ArgumentException>(() => solver.Resume(new SpaceHomogeneousResult([1.0, 2.0], 0, 0, 0, 0, 0, 0), FinalTime));
    }
}
