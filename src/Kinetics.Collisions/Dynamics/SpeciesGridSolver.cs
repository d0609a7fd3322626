using System.Numerics.Tensors;
using Kinetics.Conservation;

namespace Kinetics.Dynamics;

/// <summary>
/// Time integration of the space-homogeneous problem ∂_t F = 𝒞(F) for a mixture whose species live on their own
/// velocity grids (<see cref="ISpeciesGridCollisionOperator"/>, docs/species-grids.md): the explicit SSP Runge–Kutta
/// schemes, step control and conservative projection of <see cref="SpaceHomogeneousSolver"/>, with the projection
/// <see cref="ConservativeProjection"/> (every moment on the species' own grid).
/// </summary>
/// <remarks>
/// <para>Step size: Δt = min(c/ν̂, MaxStep, t_final − t), ν̂ the larger of the operator's collision frequency (when it
/// implements <see cref="ICollisionFrequency"/>) and the relative rate max |𝒞(F)_p|/F_p over points with
/// F_p &gt; <see cref="SpaceHomogeneousOptions.RateFloor"/>·max F^α.</para>
/// <para>Conservation: with <see cref="SpaceHomogeneousOptions.ConservativeProjection"/> every stage's 𝒞 is projected
/// (weight |F| or 1, <see cref="SpaceHomogeneousOptions.ProjectionWeight"/>), so species masses, total momentum and total
/// energy — each taken on the species' own grid — are conserved to round-off.</para>
/// <para>Not supported here (an <see cref="ArgumentException"/> names them): the steady-state-preserving form and the
/// equilibrium limiter, which need a discrete equilibrium of the mixture on one grid.</para>
/// <para>The run ends as <see cref="SpaceHomogeneousSolver"/>'s does: <see cref="SpaceHomogeneousResult.Stop"/> says why,
/// and with <see cref="SpaceHomogeneousOptions.PartialResultOnFailure"/> a failed step returns the last accepted state
/// with the reason in <see cref="SpaceHomogeneousResult.StopReason"/>.</para>
/// <para>Immutable; <see cref="Run"/> allocates its stage buffers once per call and may be called concurrently.</para>
/// </remarks>
public sealed class SpeciesGridSolver
{
    private readonly ConservativeProjection _projection;

    /// <summary>Creates a solver for <paramref name="collisionOperator"/>.</summary>
    /// <param name="collisionOperator">The operator 𝒞 on per-species grids.</param>
    /// <param name="options">Options (default: SSP-RK3, Courant 0.25, projection on with weight |F|); the steady-state
    /// and limiter options must be off.</param>
    /// <returns>The solver; immutable.</returns>
    public static SpeciesGridSolver Create(ISpeciesGridCollisionOperator collisionOperator, SpaceHomogeneousOptions? options = null) =>
        new(collisionOperator, options);

    private SpeciesGridSolver(ISpeciesGridCollisionOperator collisionOperator, SpaceHomogeneousOptions? options)
    {
        ArgumentNullException.ThrowIfNull(collisionOperator);
        Operator = collisionOperator;
        Options = options ?? new SpaceHomogeneousOptions();
        Options.Validate();
        if (Options.SteadyStatePreserving || Options.EquilibriumLimiter)
        {
            throw new ArgumentException("SteadyStatePreserving and EquilibriumLimiter are not supported on per-species grids (both must be false).", nameof(options));
        }

        _projection = ConservativeProjection.Create(collisionOperator.Grids, collisionOperator.Masses);
    }

    /// <summary>The operator being integrated.</summary>
    public ISpeciesGridCollisionOperator Operator { get; }

    /// <summary>The options.</summary>
    public SpaceHomogeneousOptions Options { get; }

    /// <summary>Integrates from t = 0 to <paramref name="finalTime"/>.</summary>
    /// <param name="initial">Σ N_α³ stacked initial distributions, finite (not modified).</param>
    /// <param name="finalTime">t_final ≥ 0.</param>
    /// <param name="observer">Called with the initial state and after each accepted step (optional).</param>
    /// <param name="progress">Receives progress after each accepted step (optional).</param>
    /// <param name="cancellationToken">Stops the run between steps; the result then holds the last accepted state.</param>
    /// <returns>The state at the final time and run diagnostics.</returns>
    public SpaceHomogeneousResult Run(
        ReadOnlySpan<double> initial,
        double finalTime,
        StepObserver? observer = null,
        IProgress<SolverProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var grids = Operator.Grids;
        Guard.Length(initial.Length, grids.TotalCount, nameof(initial));
        Guard.AllFinite(initial);
        Guard.NonNegative(finalTime);
        if (!double.IsFinite(finalTime))
        {
            throw new ArgumentOutOfRangeException(nameof(finalTime), finalTime, "finalTime must be finite.");
        }

        int length = grids.TotalCount;
        double[] u = initial.ToArray(), stage = new double[length], next = new double[length], rate = new double[length];
        var scratch = new Scratch(new double[length]);
        observer?.Invoke(0, 0, u);
        double time = 0, minRelative = MinimumRelative(u), largestCorrection = 0;
        int steps = 0, rejected = 0, evaluations = 0;
        string? failure = null;
        while (time < finalTime && steps < Options.MaxSteps && !cancellationToken.IsCancellationRequested)
        {
            double dt;
            try
            {
                Evaluate(u, rate, scratch, ref evaluations, ref largestCorrection);
                dt = Options.FixedStep ?? (Options.Courant / StiffnessRate(u, rate));
                dt = Math.Min(Math.Min(dt, Options.MaxStep), finalTime - time);
                for (int attempt = 0; ; attempt++)
                {
                    Step(u, rate, dt, stage, next, scratch, ref evaluations, ref largestCorrection);
                    double relative = MinimumRelative(next);
                    if (PositivityHalving.Accepts(Options, relative, attempt, time, dt, "refine the grids"))
                    {
                        minRelative = Math.Min(minRelative, relative);
                        break;
                    }

                    rejected++;
                    dt *= 0.5;
                }
            }
            catch (Exception e) when (Options.PartialResultOnFailure && RunEnding.IsStepFailure(e, Options))
            {
                // u is the last accepted state: Evaluate and Step write only into rate, stage and next.
                failure = RunEnding.FailureMessage(time, steps, e);
                break;
            }

            (u, next) = (next, u);
            time += dt;
            if (finalTime - time <= 1e-14 * finalTime)
            {
                time = finalTime;
            }

            steps++;
            observer?.Invoke(time, steps, u);
            progress?.Report(new SolverProgress(time, finalTime, steps, dt));
        }

        var result = SpaceHomogeneousResult.Owning(u, time, steps, rejected, evaluations, minRelative, largestCorrection);
        RunEnding.Record(result, failure, time, finalTime, cancellationToken);
        return result;
    }

    // next = u advanced by dt; rate holds 𝒞(u) on entry (already projected). Shu–Osher forms of the SSP schemes.
    private void Step(double[] u, double[] rate, double dt, double[] stage, double[] next, Scratch scratch, ref int evaluations, ref double largestCorrection)
    {
        switch (Options.Scheme)
        {
            case TimeScheme.ForwardEuler:
                Combine(u, 1.0, u, dt, rate, next);
                break;

            case TimeScheme.SspRk2:
                Combine(u, 1.0, u, dt, rate, stage);
                Evaluate(stage, next, scratch, ref evaluations, ref largestCorrection);
                Combine(u, 0.5, stage, 0.5 * dt, next, next);
                break;

            default:
                Combine(u, 1.0, u, dt, rate, stage);
                Evaluate(stage, next, scratch, ref evaluations, ref largestCorrection);
                Combine(u, 0.25, stage, 0.25 * dt, next, stage);
                Evaluate(stage, next, scratch, ref evaluations, ref largestCorrection);
                Combine(u, 2.0 / 3.0, stage, 2.0 / 3.0 * dt, next, next);
                break;
        }
    }

    // target = (1 − θ)u + θ·w + c·r (target may alias w or r).
    private static void Combine(double[] u, double theta, double[] w, double c, double[] r, double[] target)
    {
        for (int p = 0; p < target.Length; p++)
        {
            target[p] = ((1 - theta) * u[p]) + (theta * w[p]) + (c * r[p]);
        }
    }

    private void Evaluate(double[] state, double[] destination, Scratch scratch, ref int evaluations, ref double largestCorrection)
    {
        Operator.Evaluate(state, destination);
        evaluations++;
        if (!Options.ConservativeProjection)
        {
            return;
        }

        ConservationReport report;
        if (Options.ProjectionWeight == ProjectionWeight.Distribution)
        {
            TensorPrimitives.Abs(state, scratch.Weights);
            report = _projection.Apply(destination, scratch.Weights);
        }
        else
        {
            report = _projection.Apply(destination);
        }

        largestCorrection = Math.Max(largestCorrection, report.RelativeCorrection);
    }

    private double StiffnessRate(double[] u, double[] rate)
    {
        double relative = RelaxationRate(u, rate);
        return Operator is ICollisionFrequency frequency ? Math.Max(frequency.MaxCollisionFrequency(u), relative) : relative;
    }

    private double RelaxationRate(double[] u, double[] rate)
    {
        var grids = Operator.Grids;
        double nu = 0;
        for (int a = 0; a < grids.SpeciesCount; a++)
        {
            ReadOnlySpan<double> f = grids.Slice((ReadOnlySpan<double>)u, a), q = grids.Slice((ReadOnlySpan<double>)rate, a);
            double floor = Options.RateFloor * TensorPrimitives.Max(f);
            for (int p = 0; p < f.Length; p++)
            {
                if (f[p] > floor && f[p] > 0)
                {
                    nu = Math.Max(nu, Math.Abs(q[p]) / f[p]);
                }
            }
        }

        if (!double.IsFinite(nu))
        {
            throw new InvalidOperationException("The collision operator returned non-finite values.");
        }

        return nu > 0 ? nu : 1.0 / Options.Courant;
    }

    private double MinimumRelative(double[] u)
    {
        var grids = Operator.Grids;
        double worst = double.PositiveInfinity;
        for (int a = 0; a < grids.SpeciesCount; a++)
        {
            ReadOnlySpan<double> f = grids.Slice((ReadOnlySpan<double>)u, a);
            double max = TensorPrimitives.Max(f), min = TensorPrimitives.Min(f);
            worst = Math.Min(worst, max > 0 ? min / max : min);
        }

        return worst;
    }

    // Per-run buffers beyond the stages: the projection weight |F|.
    private sealed record Scratch(double[] Weights);
}
