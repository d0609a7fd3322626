using Kinetics.Conservation;

namespace Kinetics.Dynamics;

/// <summary>
/// Time integration of the space-homogeneous problem ∂_t F = 𝒞(F) with explicit SSP Runge–Kutta schemes, an adaptive
/// step from the local relaxation rate, optional conservative projection of every stage, positivity monitoring,
/// observers, progress reporting and cancellation.
/// </summary>
/// <remarks>
/// <para>Step size: Δt = min(c/ν̂, MaxStep, t_final − t). ν̂ is the larger of the operator's collision frequency, when
/// it implements <see cref="ICollisionFrequency"/>, and the relative rate max_p |𝒞(F)_p|/F_p over points where F is not
/// negligible (see <see cref="SpaceHomogeneousOptions.Courant"/>), computed from the first stage's evaluation at no
/// extra cost. For a linear relaxation ∂_t F = −ν(F − M) both are ν, and SSP-RK3 is stable and positive for c ≤ 1.</para>
/// <para>Conservation: with <see cref="SpaceHomogeneousOptions.ConservativeProjection"/> every stage's 𝒞 is projected by
/// <see cref="ConservativeProjection"/>, so species masses, total momentum and total energy of the state are conserved
/// to round-off for any scheme (each stage is a linear combination of conservative increments).</para>
/// <para>A solver is immutable; <see cref="Run"/> allocates its stage buffers once per call and may be called
/// concurrently.</para>
/// </remarks>
public sealed class SpaceHomogeneousSolver
{
    private readonly ConservativeProjection? _projection;
    private readonly ConservativeProjection _clipProjection;

    /// <summary>Creates a solver for <paramref name="collisionOperator"/>.</summary>
    /// <param name="collisionOperator">The operator 𝒞.</param>
    /// <param name="options">Options (default: SSP-RK3, Courant 0.25, projection on, positivity monitored).</param>
    /// <returns>The solver; immutable.</returns>
    public static SpaceHomogeneousSolver Create(ICollisionOperator collisionOperator, SpaceHomogeneousOptions? options = null) =>
        new(collisionOperator, options);

    private SpaceHomogeneousSolver(ICollisionOperator collisionOperator, SpaceHomogeneousOptions? options)
    {
        ArgumentNullException.ThrowIfNull(collisionOperator);
        Operator = collisionOperator;
        Options = options ?? new SpaceHomogeneousOptions();
        Options.Validate();
        _projection = Options.ConservativeProjection ? ConservativeProjection.Create(collisionOperator.Grid, collisionOperator.Masses) : null;
        _clipProjection = _projection ?? ConservativeProjection.Create(collisionOperator.Grid, collisionOperator.Masses);
    }

    /// <summary>The operator being integrated.</summary>
    public ICollisionOperator Operator { get; }

    /// <summary>The options.</summary>
    public SpaceHomogeneousOptions Options { get; }

    private int Length => Operator.Masses.Length * Operator.Grid.Count;

    /// <summary>Integrates from t = 0 to <paramref name="finalTime"/>.</summary>
    /// <param name="initial">S·N³ stacked initial distributions, finite (not modified).</param>
    /// <param name="finalTime">t_final ≥ 0.</param>
    /// <param name="observer">Called with the initial state and after each accepted step (optional).</param>
    /// <param name="progress">Receives progress after each accepted step (optional).</param>
    /// <param name="cancellationToken">Stops the run between steps; the result then holds the last accepted state.</param>
    /// <returns>The state at the final time and run diagnostics.</returns>
    /// <exception cref="OperationCanceledException">Never: cancellation returns the partial result (check <see cref="SpaceHomogeneousResult.Time"/>).</exception>
    public SpaceHomogeneousResult Run(
        ReadOnlySpan<double> initial,
        double finalTime,
        StepObserver? observer = null,
        IProgress<SolverProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Guard.Length(initial.Length, Length, nameof(initial));
        Guard.AllFinite(initial);
        Guard.NonNegative(finalTime);

        double[] u = initial.ToArray();
        observer?.Invoke(0, 0, u);
        return Integrate(SpaceHomogeneousResult.Owning(u, 0, 0, 0, 0, MinimumRelative(u), 0), finalTime, observer, progress, cancellationToken);
    }

    /// <summary>
    /// Continues a run from an earlier result — a run stopped by cancellation or by <see cref="SpaceHomogeneousOptions.MaxSteps"/>,
    /// or one restored from a checkpoint with <see cref="SpaceHomogeneousResult(double[], double, int, int, int, double, double)"/>
    /// — to <paramref name="finalTime"/>. The steps taken are those the uninterrupted run takes from that state, so the
    /// final state and diagnostics equal the uninterrupted run's bit for bit (same operator, options and final time).
    /// </summary>
    /// <param name="from">The state to continue from (time, counters and S·N³ distributions; not modified).</param>
    /// <param name="finalTime">t_final ≥ <paramref name="from"/>.Time.</param>
    /// <param name="observer">Called after each accepted step (not for the starting state, which the interrupted run reported).</param>
    /// <param name="progress">Receives progress after each accepted step (optional).</param>
    /// <param name="cancellationToken">Stops the run between steps; the result then holds the last accepted state.</param>
    /// <returns>The state at the final time and the diagnostics of the whole run, both parts together.</returns>
    public SpaceHomogeneousResult Resume(
        SpaceHomogeneousResult from,
        double finalTime,
        StepObserver? observer = null,
        IProgress<SolverProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        Guard.Length(from.State.Length, Length, nameof(from));
        if (!(finalTime >= from.Time) || !double.IsFinite(finalTime))
        {
            throw new ArgumentOutOfRangeException(nameof(finalTime), finalTime, $"finalTime must be finite and >= the resumed run's time {from.Time:R}.");
        }

        return Integrate(from, finalTime, observer, progress, cancellationToken);
    }

    private SpaceHomogeneousResult Integrate(
        SpaceHomogeneousResult from, double finalTime, StepObserver? observer, IProgress<SolverProgress>? progress, CancellationToken cancellationToken)
    {
        double[] u = from.ToArray();
        double[] stage = new double[Length];
        double[] next = new double[Length];
        double[] rate = new double[Length];
        var (equilibriumState, equilibriumRate) = Options.SteadyStatePreserving || Options.EquilibriumLimiter ? Equilibrium(u) : (null, null);
        equilibriumRate = Options.SteadyStatePreserving ? equilibriumRate : null;
        bool limit = Options.EquilibriumLimiter && equilibriumState is not null;
        double cellVolume = Operator.Grid.CellVolume, entropy = limit ? EquilibriumLimiter.Entropy(u, cellVolume) : 0;
        double time = from.Time, minRelative = from.MinimumRelativeValue, largestCorrection = from.LargestRelativeCorrection, smallestTheta = from.SmallestLimiterFactor;
        int steps = from.Steps, rejected = from.RejectedSteps, evaluations = from.Evaluations, limited = from.LimitedSteps;

        string? failure = null;
        while (time < finalTime && steps < Options.MaxSteps && !cancellationToken.IsCancellationRequested)
        {
            double dt;
            try
            {
                Evaluate(u, rate, ref evaluations, ref largestCorrection, equilibriumRate);
                dt = Options.FixedStep ?? (Options.Courant / StiffnessRate(u, rate));
                dt = Math.Min(Math.Min(dt, Options.MaxStep), finalTime - time);

                for (int attempt = 0; ; attempt++)
                {
                    Step(u, rate, dt, stage, next, ref evaluations, ref largestCorrection, equilibriumRate);
                    double relative = MinimumRelative(next);
                    if (PositivityHalving.Accepts(Options, relative, attempt, time, dt, "refine the grid"))
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

            if (limit)
            {
                ClipNegativeConservatively(next, stage, rate);
                double theta = EquilibriumLimiter.Apply(next, equilibriumState, stage, entropy, Options.NegativeTolerance, Operator.Masses.Length, cellVolume);
                if (theta < 1)
                {
                    limited++;
                    smallestTheta = Math.Min(smallestTheta, theta);
                    minRelative = Math.Min(minRelative, MinimumRelative(next));
                }

                entropy = EquilibriumLimiter.Entropy(next, cellVolume);
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
        result.LimitedSteps = limited;
        result.SmallestLimiterFactor = smallestTheta;
        RunEnding.Record(result, failure, time, finalTime, cancellationToken);
        return result;
    }

    // next = u advanced by dt; rate holds 𝒞(u) on entry (already projected).
    private void Step(double[] u, double[] rate, double dt, double[] stage, double[] next, ref int evaluations, ref double largestCorrection, double[]? equilibriumRate)
    {
        int n = u.Length;
        switch (Options.Scheme)
        {
            case TimeScheme.ForwardEuler:
                for (int p = 0; p < n; p++)
                {
                    next[p] = u[p] + (dt * rate[p]);
                }

                break;

            case TimeScheme.SspRk2:
                // u1 = u + dt C(u); u_{n+1} = (u + u1 + dt C(u1))/2.
                for (int p = 0; p < n; p++)
                {
                    stage[p] = u[p] + (dt * rate[p]);
                }

                Evaluate(stage, next, ref evaluations, ref largestCorrection, equilibriumRate);
                for (int p = 0; p < n; p++)
                {
                    next[p] = 0.5 * (u[p] + stage[p] + (dt * next[p]));
                }

                break;

            default:
                // Shu–Osher SSP-RK3: u1 = u + dt C(u); u2 = ¾u + ¼(u1 + dt C(u1)); u_{n+1} = ⅓u + ⅔(u2 + dt C(u2)).
                for (int p = 0; p < n; p++)
                {
                    stage[p] = u[p] + (dt * rate[p]);
                }

                Evaluate(stage, next, ref evaluations, ref largestCorrection, equilibriumRate);
                for (int p = 0; p < n; p++)
                {
                    stage[p] = (0.75 * u[p]) + (0.25 * (stage[p] + (dt * next[p])));
                }

                Evaluate(stage, next, ref evaluations, ref largestCorrection, equilibriumRate);
                for (int p = 0; p < n; p++)
                {
                    next[p] = (u[p] / 3.0) + (2.0 / 3.0 * (stage[p] + (dt * next[p])));
                }

                break;
        }
    }

    private void Evaluate(double[] state, double[] destination, ref int evaluations, ref double largestCorrection, double[]? equilibriumRate)
    {
        Operator.Evaluate(state, destination);
        evaluations++;
        if (equilibriumRate is { } equilibrium)
        {
            System.Numerics.Tensors.TensorPrimitives.Subtract(destination, equilibrium, destination);
        }

        if (_projection is not null)
        {
            var report = Options.ProjectionWeight == ProjectionWeight.Distribution
                ? _projection.ApplyDistributionWeighted(destination, state)
                : _projection.Apply(destination);
            largestCorrection = Math.Max(largestCorrection, report.RelativeCorrection);
        }
    }

    // F ← F⁺ − W Cᵀλ, W = F⁺ = max(F, 0), with λ such that the conserved moments of F are kept: the clipped mass is put
    // back as (a^α + b·m^α v + c m^α|v|²/2)F⁺, which vanishes where F⁺ does and is ≪ F⁺ elsewhere, so the result is ≥ 0.
    private void ClipNegativeConservatively(double[] state, double[] positive, double[] change)
    {
        bool any = false;
        for (int p = 0; p < state.Length; p++)
        {
            positive[p] = Math.Max(state[p], 0.0);
            change[p] = positive[p] - state[p];
            any |= change[p] != 0;
        }

        if (!any)
        {
            return;
        }

        _clipProjection.Apply(change, positive);
        for (int p = 0; p < state.Length; p++)
        {
            state[p] += change[p];
        }
    }

    // 𝓜_eq, the discrete equilibrium with the conserved moments of the initial state, and 𝒞(𝓜_eq); (null, null) when no
    // Maxwellian carries these moments.
    private (double[]? State, double[]? Rate) Equilibrium(double[] initial)
    {
        var grid = Operator.Grid;
        ReadOnlySpan<double> masses = Operator.Masses;
        int s = masses.Length, count = grid.Count;
        double[] equilibrium = new double[s * count];
        double energy = 0;
        Velocity3 momentum = Velocity3.Zero;
        var densities = new double[s];
        for (int a = 0; a < s; a++)
        {
            var m = Moments.SpeciesMoments.Of(grid, initial.AsSpan(a * count, count), masses[a]);
            densities[a] = m.Density;
            momentum += m.Momentum;
            energy += m.Energy;
        }

        if (densities.Any(d => !(d > 0)))
        {
            return (null, null); // a species with no positive density: nothing to preserve
        }

        // The conserved moments are kept to ~1e−14 by the projection; quantised to 1e−10 of a power-of-ten scale (absolute, so
        // that a momentum of 1e−17 and one of 3e−16 agree) they give the same equilibrium after a restart from a checkpoint
        // as in the uninterrupted run, bit for bit.
        double densityScale = Decade(densities.Sum()), energyScale = Decade(energy);
        for (int a = 0; a < s; a++)
        {
            densities[a] = Quantize(densities[a], densityScale);
        }

        double momentumScale = Decade(Math.Sqrt(energy * masses.ToArray().Zip(densities).Sum(x => x.First * x.Second)));
        momentum = new Velocity3(Quantize(momentum.X, momentumScale), Quantize(momentum.Y, momentumScale), Quantize(momentum.Z, momentumScale));
        energy = Quantize(energy, energyScale);
        try
        {
            Distributions.DiscreteMaxwellian.FillMixture(grid, masses, densities, momentum, energy, equilibrium);
        }
        catch (ArgumentException)
        {
            return (null, null); // no Maxwellian carries these moments on this grid
        }

        double[] rate = new double[s * count];
        Operator.Evaluate(equilibrium, rate);
        return (equilibrium, rate);
    }

    private static double Decade(double value) => value > 0 && double.IsFinite(value) ? Math.Pow(10, Math.Floor(Math.Log10(value))) : 1.0;

    private static double Quantize(double value, double scale) => Math.Round(value / (1e-10 * scale)) * (1e-10 * scale);

    // ν̂: the operator's collision frequency when it provides one (ICollisionFrequency), never below the relative rate.
    private double StiffnessRate(double[] u, double[] rate)
    {
        double relative = RelaxationRate(u, rate);
        return Operator is ICollisionFrequency frequency ? Math.Max(frequency.MaxCollisionFrequency(u), relative) : relative;
    }

    private double RelaxationRate(double[] u, double[] rate)
    {
        int count = Operator.Grid.Count;
        double nu = 0;
        for (int a = 0; a < Operator.Masses.Length; a++)
        {
            ReadOnlySpan<double> f = u.AsSpan(a * count, count);
            ReadOnlySpan<double> q = rate.AsSpan(a * count, count);
            double floor = Options.RateFloor * System.Numerics.Tensors.TensorPrimitives.Max(f);
            for (int p = 0; p < count; p++)
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

        return nu > 0 ? nu : 1.0 / Options.Courant; // 𝒞(F) = 0 (equilibrium): any step is exact; take Δt = 1 capped by MaxStep.
    }

    private double MinimumRelative(double[] u)
    {
        int count = Operator.Grid.Count;
        double worst = double.PositiveInfinity;
        for (int a = 0; a < Operator.Masses.Length; a++)
        {
            ReadOnlySpan<double> f = u.AsSpan(a * count, count);
            double max = System.Numerics.Tensors.TensorPrimitives.Max(f);
            double min = System.Numerics.Tensors.TensorPrimitives.Min(f);
            worst = Math.Min(worst, max > 0 ? min / max : min);
        }

        return worst;
    }
}
