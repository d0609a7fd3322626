using Kinetics.Conservation;
using Kinetics.Distributions;
using Kinetics.Dynamics;
using Kinetics.Grids;

namespace Kinetics.Tests.Dynamics;

public class SpaceHomogeneousSolverTests
{
    private const double Nu = 2.0;
    private static readonly CartesianGrid Grid = new(8, 6.0);

    // Linear relaxation 𝒞(F) = ν(G − F) towards a fixed Maxwellian G: exact solution F(t) = G + (F₀ − G)e^{−νt}.
    private static (DelegateCollisionOperator Operator, double[] Initial, double[] Target) Relaxation()
    {
        double[] target = Maxwellian.OnGrid(Grid, new MacroscopicState(1.0, new Velocity3(0.2, 0, 0), 1.0), 1.0).Values.ToArray();
        double[] initial = Maxwellian.OnGrid(Grid, new MacroscopicState(0.8, 0.6), 1.0).Values.ToArray();
        var op = DelegateCollisionOperator.Create(Grid, [1.0], (state, destination) =>
        {
            for (int p = 0; p < state.Length; p++)
            {
                destination[p] = Nu * (target[p] - state[p]);
            }
        });
        return (op, initial, target);
    }

    private static double MaxError(ReadOnlySpan<double> state, double[] initial, double[] target, double t)
    {
        double error = 0, decay = Math.Exp(-Nu * t);
        for (int p = 0; p < state.Length; p++)
        {
            error = Math.Max(error, Math.Abs(state[p] - (target[p] + ((initial[p] - target[p]) * decay))));
        }

        return error;
    }

    [Theory]
    [InlineData(TimeScheme.ForwardEuler, 1)]
    [InlineData(TimeScheme.SspRk2, 2)]
    [InlineData(TimeScheme.SspRk3, 3)]
    public void FixedStep_ConvergesAtTheSchemeOrder(TimeScheme scheme, int order)
    {
        var (op, initial, target) = Relaxation();
        double[] errors = new double[3];
        for (int level = 0; level < 3; level++)
        {
            double dt = 0.05 / (1 << level);
            var solver = SpaceHomogeneousSolver.Create(op, new SpaceHomogeneousOptions { Scheme = scheme, FixedStep = dt, ConservativeProjection = false });
            var result = solver.Run(initial, 1.0);
            Assert.Equal(1.0, result.Time, 14);
            errors[level] = MaxError(result.State, initial, target, 1.0);
        }

        // Observed order from two halvings of Δt: log2(e₁/e₂) must be the scheme order within 0.15 (asymptotic regime, νΔt ≤ 0.1).
        for (int level = 1; level < 3; level++)
        {
            double observed = Math.Log2(errors[level - 1] / errors[level]);
            Assert.InRange(observed, order - 0.15, order + 0.15);
        }
    }

    [Fact]
    public void Projection_ConservesMassMomentumAndEnergyToRoundOff()
    {
        // ν(G − F) with G of different moments is NOT conservative; the projected stages are, so the state keeps F₀'s moments.
        var (op, initial, _) = Relaxation();
        var solver = SpaceHomogeneousSolver.Create(op, new SpaceHomogeneousOptions { ConservativeProjection = true });
        var result = solver.Run(initial, 2.0);
        var projection = ConservativeProjection.Create(Grid, [1.0]);

        // Conserved quantities of the final state minus the initial one, via the projection's own moment map C·(F − F₀).
        double[] difference = new double[initial.Length];
        for (int p = 0; p < initial.Length; p++)
        {
            difference[p] = result.State[p] - initial[p];
        }

        Span<double> change = stackalloc double[5];
        Span<double> scale = stackalloc double[5];
        projection.Measure(difference, change);
        projection.Measure(initial, scale);

        // Round-off of O(steps) updates of O(1) values: 1e-12 relative to the initial mass and energy.
        Assert.True(Math.Abs(change[0]) < 1e-12 * scale[0], $"mass drift {change[0]}");
        Assert.True(Math.Abs(change[1]) + Math.Abs(change[2]) + Math.Abs(change[3]) < 1e-12 * scale[4], "momentum drift");
        Assert.True(Math.Abs(change[4]) < 1e-12 * scale[4], $"energy drift {change[4]}");
        Assert.True(result.LargestRelativeCorrection > 1e-3, "the projection must have acted on this non-conservative operator");
    }

    [Theory]
    [InlineData(ProjectionWeight.Uniform)]
    [InlineData(ProjectionWeight.Distribution)]
    public void ProjectionWeight_DistributionKeepsEmptyCellsEmpty(ProjectionWeight weight)
    {
        // The relaxation ν(G − F) with F₀, G cut to |v| < 4 (zero outside, so 𝒞 is too) and G of other moments. Both weights
        // conserve to round-off; the uniform correction a + b·v + c|v|² spreads over the whole box, the distribution-weighted
        // one (a + b·v + c|v|²)|F| vanishes where F does, so the empty cells stay exactly empty (the 1:16 scenario's issue).
        var (_, initial, target) = Relaxation();
        bool[] outside = Enumerable.Range(0, Grid.Count).Select(p => Grid.Point(p).Length >= 4).ToArray();
        for (int p = 0; p < Grid.Count; p++)
        {
            if (outside[p])
            {
                initial[p] = target[p] = 0;
            }
        }

        var op = DelegateCollisionOperator.Create(Grid, [1.0], (state, destination) =>
        {
            for (int p = 0; p < state.Length; p++)
            {
                destination[p] = Nu * (target[p] - state[p]);
            }
        });
        var result = SpaceHomogeneousSolver.Create(op, new SpaceHomogeneousOptions { ProjectionWeight = weight }).Run(initial, 1.0);
        var projection = ConservativeProjection.Create(Grid, [1.0]);
        double[] difference = initial.Select((f, p) => result.State[p] - f).ToArray();
        Span<double> change = stackalloc double[5];
        Span<double> scale = stackalloc double[5];
        projection.Measure(difference, change);
        projection.Measure(initial, scale);
        Assert.True(Math.Abs(change[0]) < 1e-12 * scale[0], $"mass drift {change[0]}"); // round-off, as above
        Assert.True(Math.Abs(change[4]) < 1e-12 * scale[4], $"energy drift {change[4]}");
        double leaked = Enumerable.Range(0, Grid.Count).Where(p => outside[p]).Max(p => Math.Abs(result.State[p]));
        if (weight == ProjectionWeight.Distribution)
        {
            Assert.Equal(0.0, leaked);
        }
        else
        {
            Assert.True(leaked > 1e-6 * result.State.ToArray().Max(), $"uniform correction outside the support: {leaked:E2}");
        }
    }

    [Fact]
    public void AdaptiveStep_ReachesFinalTimeAccurately()
    {
        var (op, initial, target) = Relaxation();
        var solver = SpaceHomogeneousSolver.Create(op, new SpaceHomogeneousOptions { ConservativeProjection = false, Courant = 0.1 });
        var result = solver.Run(initial, 1.5);
        Assert.Equal(1.5, result.Time, 14);

        // ν̂ ≥ ν here, so Δt ≤ 0.05 and SSP-RK3's error is ≲ (νΔt)³/24 · max|F₀ − G| ≈ 1e-5 · 0.1.
        Assert.True(MaxError(result.State, initial, target, 1.5) < 1e-5, "MaxError(result.State, initial, target, 1.5) < 1e-5");
        Assert.Equal(3 * result.Steps, result.Evaluations); // SSP-RK3: three evaluations per accepted step
    }

    [Fact]
    public void AdaptiveStep_UsesTheOperatorsCollisionFrequency()
    {
        // An operator reporting ν = 500 (above its relative rate max|𝒞|/F ≈ 60 here) must get Δt = c/500: 400 steps to t = 0.2.
        var (op, initial, _) = Relaxation();
        var stiff = new StiffOperator(op, 500.0);
        var result = SpaceHomogeneousSolver.Create(stiff, new SpaceHomogeneousOptions { Courant = 0.25, ConservativeProjection = false }).Run(initial, 0.2);
        Assert.InRange(result.Steps, 400, 401);
        Assert.True(stiff.Calls >= result.Steps, $"stiff.Calls >= result.Steps: {stiff.Calls} vs {result.Steps}");
    }

    [Fact]
    public void Positivity_ThrowAndReduceStepPolicies()
    {
        var (op, initial, _) = Relaxation();

        // Forward Euler with νΔt = 3 overshoots: F + 3(G − F) = 3G − 2F is negative where F > 1.5 G.
        var strict = SpaceHomogeneousSolver.Create(op, new SpaceHomogeneousOptions
        {
            Scheme = TimeScheme.ForwardEuler, FixedStep = 1.5, ConservativeProjection = false, Positivity = PositivityPolicy.Throw,
        });
        var error = Assert.Throws<InvalidOperationException>(() => strict.Run(initial, 3.0));
        Assert.Contains("negative", error.Message, StringComparison.Ordinal);

        var reducing = SpaceHomogeneousSolver.Create(op, new SpaceHomogeneousOptions
        {
            Scheme = TimeScheme.ForwardEuler, FixedStep = 1.5, ConservativeProjection = false, Positivity = PositivityPolicy.ReduceStep,
        });
        var result = reducing.Run(initial, 3.0);
        Assert.True(result.RejectedSteps > 0, $"result.RejectedSteps > 0: {result.RejectedSteps} vs 0");
        Assert.True(result.MinimumRelativeValue >= -1e-10, $"result.MinimumRelativeValue >= -1e-10: {result.MinimumRelativeValue} vs -1e-10");

        var monitoring = SpaceHomogeneousSolver.Create(op, new SpaceHomogeneousOptions
        {
            Scheme = TimeScheme.ForwardEuler, FixedStep = 1.5, ConservativeProjection = false,
        });
        Assert.True(monitoring.Run(initial, 3.0).MinimumRelativeValue < -1e-3, "monitoring.Run(initial, 3.0).MinimumRelativeValue < -1e-3");
    }

    [Fact]
    public void Cancellation_ReturnsTheLastAcceptedState()
    {
        var (op, initial, _) = Relaxation();
        using var cts = new CancellationTokenSource();
        var progress = new List<SolverProgress>();
        var solver = SpaceHomogeneousSolver.Create(op, new SpaceHomogeneousOptions { FixedStep = 0.01 });
        var result = solver.Run(
            initial,
            1.0,
            (t, step, _) =>
            {
                if (step == 3)
                {
                    cts.Cancel();
                }
            },
            new SynchronousProgress(progress),
            cts.Token);
        Assert.Equal(3, result.Steps);
        Assert.Equal(0.03, result.Time, 14);
        Assert.Equal(3, progress.Count);
        Assert.Equal(0.03, progress[^1].Fraction, 14);
    }

    [Fact]
    public void PartialResultOnFailure_ReturnsTheLastAcceptedStateWithTheReason()
    {
        // An operator that refuses its 31st evaluation (step 11 of SSP-RK3 with projection: 3 evaluations per step).
        var (relaxation, initial, _) = Relaxation();
        int calls = 0;
        var failing = DelegateCollisionOperator.Create(Grid, [1.0], (state, destination) =>
        {
            if (++calls > 30)
            {
                throw new ArgumentException("species 0 is not resolved by the grid (test).", nameof(state));
            }

            relaxation.Evaluate(state, destination);
        });
        var options = new SpaceHomogeneousOptions { FixedStep = 0.01, PartialResultOnFailure = true };
        var partial = SpaceHomogeneousSolver.Create(failing, options).Run(initial, 1.0);
        Assert.Equal(SolverStop.Failed, partial.Stop);
        Assert.Equal(10, partial.Steps);
        Assert.Contains("after 10 steps", partial.StopReason, StringComparison.Ordinal);
        Assert.Contains("not resolved", partial.StopReason, StringComparison.Ordinal);

        // What it computed so far: bit for bit the state of the same run stopped by MaxSteps after those 10 steps.
        var reference = SpaceHomogeneousSolver.Create(relaxation, options with { MaxSteps = 10 }).Run(initial, 1.0);
        Assert.Equal(SolverStop.MaxSteps, reference.Stop);
        Assert.Null(reference.StopReason);
        Assert.Equal(reference.Time, partial.Time);
        Assert.True(reference.State.SequenceEqual(partial.State));

        // Without the option the failure throws, as before; a completed run says so.
        calls = 0;
        Assert.Throws<ArgumentException>(() => SpaceHomogeneousSolver.Create(failing, options with { PartialResultOnFailure = false }).Run(initial, 1.0));
        Assert.Equal(SolverStop.Completed, SpaceHomogeneousSolver.Create(relaxation, options).Run(initial, 0.05).Stop);
    }

    [Fact]
    public void PartialResultOnFailure_OnTheBoltzmannResolutionCheck_AtN16()
    {
        // The case of the issue: two species at N = 16 with the operator's default resolution check (1e-6 at the box face).
        // The initial Maxwellians fit the box; the explicit steps raise the outer layer above the tolerance and the operator
        // refuses the state after a few steps. The run returns what it computed, with the operator's message.
        var mixture = new Mixtures.Mixture(new Mixtures.Species("A", 1.0), new Mixtures.Species("B", 2.0));
        var grid = new CartesianGrid(16, 6.5);
        var op = global::Kinetics.Boltzmann.BoltzmannOperator.Create(grid, global::Kinetics.Kernels.CollisionKernelTable.Uniform(mixture, new global::Kinetics.Kernels.CollisionKernel(0.0, global::Kinetics.Kernels.AngularFunction.AbsoluteCosine(1.0))));
        double[] initial = new double[2 * grid.Count];
        DiscreteMaxwellian.Fill(grid, new MacroscopicState(0.5, 1.2), 1.0, initial.AsSpan(0, grid.Count));
        DiscreteMaxwellian.Fill(grid, new MacroscopicState(0.5, 0.8), 2.0, initial.AsSpan(grid.Count, grid.Count));
        var result = SpaceHomogeneousSolver.Create(op, new SpaceHomogeneousOptions { PartialResultOnFailure = true, MaxSteps = 400 }).Run(initial, 50.0);
        if (result.Stop == SolverStop.Failed)
        {
            Assert.Contains("not resolved", result.StopReason, StringComparison.Ordinal);
            Assert.True(result.Time > 0 && result.Time < 50.0 && result.Steps > 0, $"t = {result.Time}, {result.Steps} steps: {result.StopReason}");
            // The partial state is a usable state: finite, conserving the species masses of the initial data.
            for (int a = 0; a < 2; a++)
            {
                double before = grid.Integrate(initial.AsSpan(a * grid.Count, grid.Count));
                double after = grid.Integrate(result.State.Slice(a * grid.Count, grid.Count));
                Assert.True(Math.Abs(after - before) < 1e-13, $"species {a} mass {before} -> {after}");
            }
        }
        else
        {
            Assert.Fail($"expected the resolution check to stop the run; it ended with {result.Stop} at t = {result.Time} after {result.Steps} steps.");
        }
    }

    [Fact]
    public void InvalidInput_IsRejected()
    {
        var (op, initial, _) = Relaxation();
        Assert.Throws<ArgumentOutOfRangeException>(() => SpaceHomogeneousSolver.Create(op, new SpaceHomogeneousOptions { Courant = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SpaceHomogeneousSolver.Create(op, new SpaceHomogeneousOptions { FixedStep = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SpaceHomogeneousSolver.Create(op, new SpaceHomogeneousOptions { ProjectionWeight = 0 }));
        var solver = SpaceHomogeneousSolver.Create(op);
        Assert.Throws<ArgumentException>(() => solver.Run(new double[3], 1.0));
        initial[4] = double.NaN;
        var error = Assert.Throws<ArgumentException>(() => solver.Run(initial, 1.0));
        Assert.Contains("initial", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => solver.Run(new double[Grid.Count], -1.0));
    }

    private sealed class StiffOperator(ICollisionOperator inner, double frequency) : ICollisionOperator, ICollisionFrequency
    {
        public int Calls { get; private set; }

        public CartesianGrid Grid => inner.Grid;

        public ReadOnlySpan<double> Masses => inner.Masses;

        public void Evaluate(ReadOnlySpan<double> state, Span<double> destination) => inner.Evaluate(state, destination);

        public double MaxCollisionFrequency(ReadOnlySpan<double> state)
        {
            Calls++;
            return frequency;
        }
    }

    private sealed class SynchronousProgress(List<SolverProgress> sink) : IProgress<SolverProgress>
    {
        public void Report(SolverProgress value) => sink.Add(value);
    }
}
