using Kinetics.Boltzmann;
using Kinetics.Distributions;
using Kinetics.Dynamics;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Tests.Landau;

namespace Kinetics.Tests.Dynamics;

/// <summary>
/// How a <see cref="SpeciesGridSolver"/> run ends: the same <see cref="SolverStop"/> and partial-result rule as
/// <see cref="SpaceHomogeneousSolver"/> (docs/boltzmann.md, "Long runs at coarse grids").
/// </summary>
public class SpeciesGridSolverStopTests
{
    // An operator on per-species grids that refuses every evaluation after the first `allowed`, as a resolution check does.
    private sealed class Refusing(ISpeciesGridCollisionOperator inner, int allowed) : ISpeciesGridCollisionOperator
    {
        public int Calls { get; set; }

        public SpeciesGrids Grids => inner.Grids;

        public ReadOnlySpan<double> Masses => inner.Masses;

        public void Evaluate(ReadOnlySpan<double> distributions, Span<double> destination)
        {
            if (++Calls > allowed)
            {
                throw new ArgumentException("species 1 is not resolved by its grid (test).", nameof(distributions));
            }

            inner.Evaluate(distributions, destination);
        }
    }

    private static (ISpeciesGridCollisionOperator Op, double[] Initial) OneToFour()
    {
        var mixture = SpeciesGridLandauOperatorTests.Pair(4.0);
        var grids = new SpeciesGrids(
            [new SpeciesGrid(new CartesianGrid(12, 6.0), Velocity3.Zero), new SpeciesGrid(new CartesianGrid(12, 3.0), Velocity3.Zero)]);
        var op = SpeciesGridBoltzmannOperator.Create(grids, CollisionKernelTable.Uniform(mixture, new CollisionKernel(0.0, AngularFunction.AbsoluteCosine(1.0))));
        double[] initial = new double[grids.TotalCount];
        DiscreteMaxwellian.Fill(grids[0].Grid, new MacroscopicState(0.5, 1.2), 1.0, grids.Slice(initial.AsSpan(), 0));
        DiscreteMaxwellian.Fill(grids[1].Grid, new MacroscopicState(0.5, 0.8), 4.0, grids.Slice(initial.AsSpan(), 1));
        return (op, initial);
    }

    [Fact]
    public void PartialResultOnFailure_ReturnsTheLastAcceptedStateWithTheReason()
    {
        // SSP-RK3 evaluates three times per step: refusing the 16th evaluation fails step 6, after 5 accepted steps.
        var (op, initial) = OneToFour();
        var options = new SpaceHomogeneousOptions { FixedStep = 0.01, PartialResultOnFailure = true };
        var partial = SpeciesGridSolver.Create(new Refusing(op, 15), options).Run(initial, 1.0);
        Assert.Equal(SolverStop.Failed, partial.Stop);
        Assert.Equal(5, partial.Steps);
        Assert.Contains("after 5 steps", partial.StopReason, StringComparison.Ordinal);
        Assert.Contains("not resolved", partial.StopReason, StringComparison.Ordinal);

        // What it computed so far: bit for bit the same run stopped by MaxSteps after those 5 steps.
        var reference = SpeciesGridSolver.Create(op, options with { MaxSteps = 5 }).Run(initial, 1.0);
        Assert.Equal(SolverStop.MaxSteps, reference.Stop);
        Assert.Null(reference.StopReason);
        Assert.Equal(reference.Time, partial.Time);
        Assert.True(reference.State.SequenceEqual(partial.State));

        // Without the option the failure throws, as before.
        Assert.Throws<ArgumentException>(() => SpeciesGridSolver.Create(new Refusing(op, 15), options with { PartialResultOnFailure = false }).Run(initial, 1.0));
    }

    [Fact]
    public void Stop_SaysWhyTheRunEnded()
    {
        var (op, initial) = OneToFour();
        var options = new SpaceHomogeneousOptions { FixedStep = 0.01 };
        Assert.Equal(SolverStop.Completed, SpeciesGridSolver.Create(op, options).Run(initial, 0.03).Stop);
        Assert.Equal(SolverStop.MaxSteps, SpeciesGridSolver.Create(op, options with { MaxSteps = 2 }).Run(initial, 1.0).Stop);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var result = SpeciesGridSolver.Create(op, options).Run(initial, 1.0, cancellationToken: cancelled.Token);
        Assert.Equal(SolverStop.Cancelled, result.Stop);
        Assert.Equal(0, result.Steps);
    }
}
