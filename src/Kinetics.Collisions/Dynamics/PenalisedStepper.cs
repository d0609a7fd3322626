using System.Numerics.Tensors;
using Kinetics.Conservation;

namespace Kinetics.Dynamics;

/// <summary>
/// The steps shared by <see cref="StiffCollisionSolver"/> (one grid) and <see cref="SpeciesGridStiffSolver"/> (a grid per
/// species): the Filbet–Jin penalised step and its Anderson-accelerated fixed point (implicit Euler), on stacked
/// species-major data whose species slices are given by offsets and lengths (docs/limits.md, docs/species-grids.md).
/// The layout enters only through the operator, the projection and the per-species slices, so on one grid the
/// arithmetic is that of the former shared-grid solver, operation for operation.
/// </summary>
internal sealed class PenalisedStepper
{
    private readonly StiffOptions _options;
    private readonly ConservativeProjection _conservation;
    private readonly Action<double[], double[]> _operator;
    private readonly ICollisionFrequency? _frequency;
    private readonly int[] _offsets;
    private readonly Action<double[], double[]> _equilibrium;
    private readonly FokkerPlanckPenalty? _fokkerPlanck;
    private readonly IDiffusionBound? _diffusion;

    /// <param name="options">Validated options.</param>
    /// <param name="conservation">The projection of the layout.</param>
    /// <param name="collision">𝒞 (state, destination), unprojected.</param>
    /// <param name="frequency">The operator's collision frequency when it reports one.</param>
    /// <param name="offsets">S + 1 species offsets; the last is the total length.</param>
    /// <param name="equilibrium">M[F] (state, destination), for <see cref="StiffOptions.RemoveEquilibriumDefect"/>.</param>
    /// <param name="fokkerPlanck">The Fokker–Planck penalty of the layout (with <paramref name="diffusion"/>) for
    /// <see cref="StiffPenalty.FokkerPlanck"/>; null for the BGK penalty.</param>
    /// <param name="diffusion">The operator's diffusion bound (β of the Fokker–Planck penalty).</param>
    public PenalisedStepper(StiffOptions options, ConservativeProjection conservation, Action<double[], double[]> collision, ICollisionFrequency? frequency, int[] offsets, Action<double[], double[]> equilibrium, FokkerPlanckPenalty? fokkerPlanck = null, IDiffusionBound? diffusion = null)
    {
        _fokkerPlanck = fokkerPlanck;
        _diffusion = diffusion;
        _equilibrium = equilibrium;
        _options = options;
        _conservation = conservation;
        _operator = collision;
        _frequency = frequency;
        _offsets = offsets;
    }

    public int Length => _offsets[^1];

    /// <summary>The step budget of <see cref="Run"/>: ⌈t_final/Δt⌉ may not exceed it (a run has a bounded length).</summary>
    public const int MaxRunSteps = 1_000_000;

    /// <summary>Refuses a final time that needs more than <see cref="MaxRunSteps"/> steps (finalTime is finite and ≥ 0).</summary>
    public void CheckStepCount(double finalTime)
    {
        double steps = Math.Ceiling(finalTime / _options.Step);
        if (!(steps <= MaxRunSteps))
        {
            throw new ArgumentOutOfRangeException(
                nameof(finalTime), finalTime, $"finalTime needs {steps:G3} steps of Δt = {_options.Step:G6}; a run may take at most {MaxRunSteps} (raise StiffOptions.Step or split the run).");
        }
    }

    // state is validated by the caller; next does not overlap it. An operator's argument error on the caller's state is
    // reported under stateName; on an iterate (or with stateName null: a state of the run) the step failed, which is a
    // state error, and so is a non-finite result.
    public StiffStepReport Step(ReadOnlySpan<double> state, Span<double> next, double dt, string? stateName = "state")
    {
        double[] f0 = state.ToArray();
        StiffStepReport report;
        try
        {
            report = StepCore(f0, next, dt, stateName);
        }
        catch (ArgumentException error) when (stateName is null || error.ParamName != stateName)
        {
            throw new InvalidOperationException(
                $"The stiff step (Δt = {dt:G6}, ε = {_options.Epsilon:G6}) produced an iterate the operator refuses: {error.Message} Shorten the step or refine the grid.", error);
        }

        if (!Guard.IsAllFinite(next))
        {
            throw new InvalidOperationException(
                $"The stiff step (Δt = {dt:G6}, ε = {_options.Epsilon:G6}) produced non-finite values; shorten the step or refine the grid.");
        }

        return report;
    }

    private StiffStepReport StepCore(double[] f0, Span<double> next, double dt, string? stateName)
    {
        double tau = dt / _options.Epsilon;
        int evaluations = 0;
        var c = new double[f0.Length];
        double[]? defect = null;
        if (_options.RemoveEquilibriumDefect)
        {
            // 𝒞̃(F) = 𝒞(F) − 𝒞(M[F⁰]): M[F] = M[F⁰] for every iterate (all keep the conserved moments of F⁰), so 𝒞̃ vanishes
            // on the equilibrium the step tends to as ε → 0 (docs/species-grids.md, "Stiff steps on per-species grids").
            var equilibrium = new double[f0.Length];
            _equilibrium(f0, equilibrium);
            defect = new double[f0.Length];
            Evaluate(equilibrium, defect, null, ref evaluations);
        }

        try
        {
            Evaluate(f0, c, defect, ref evaluations);
        }
        catch (ArgumentException error) when (stateName is not null)
        {
            throw new ArgumentException($"{stateName}: {error.Message}", stateName, error);
        }

        if (_fokkerPlanck is not null)
        {
            return StepFokkerPlanck(f0, c, defect, tau, next, evaluations);
        }

        double beta = _options.PenaltyFactor * Frequency(f0, c);

        // Filbet–Jin: F^{n+1} = [F^n + τ(𝒞(F^n) − β(M − F^n)) + τβM]/(1 + τβ) = F^n + τ𝒞(F^n)/(1 + τβ) (M^{n+1} = M^n here).
        double[] x = new double[f0.Length];
        for (int p = 0; p < x.Length; p++)
        {
            x[p] = f0[p] + (tau / (1.0 + (tau * beta)) * c[p]);
        }

        int iterations = 0;
        double residual = double.NaN;
        if (_options.Scheme == StiffScheme.ImplicitEuler)
        {
            (iterations, residual) = FixedPoint(f0, x, tau, beta, defect, ref evaluations, null);
        }

        Conserve(f0, x, next);
        return new StiffStepReport(evaluations, iterations, residual, beta);
    }

    // Jin–Yan: (F^{n+1} − F^n)/Δt = [𝒞(F^n) − βP F^n]/ε + βP F^{n+1}/ε with P the Fokker–Planck penalty at the u, θ of F^n
    // and β = factor·(π²/8)·max_α m_α λ̄(D_α)/θ: the remainder's grid-scale diffusion D k² is at most 2βθ/m_α × the discrete
    // symbol (4/h²)sin²(kh/2) ≥ (4/π²)k² of P, the frozen-coefficient condition for a damped explicit part (docs/limits.md).
    private StiffStepReport StepFokkerPlanck(double[] f0, double[] c, double[]? defect, double tau, Span<double> next, int evaluations)
    {
        var penalty = _fokkerPlanck!;
        var workspace = penalty.CreateWorkspace();
        var (u, theta) = penalty.CommonState(f0);
        penalty.Prepare(u, theta, workspace);
        double beta = _options.PenaltyFactor * (Math.PI * Math.PI / 8.0) * _diffusion!.MaxMassWeightedDiffusion(f0) / theta;
        var solve = new PenaltySolve(penalty, workspace, tau, beta, _options);
        double[] x = new double[f0.Length];
        solve.Map(f0, f0, c, x);
        int iterations = 0;
        double residual = double.NaN;
        if (_options.Scheme == StiffScheme.ImplicitEuler)
        {
            (iterations, residual) = FixedPoint(f0, x, tau, beta, defect, ref evaluations, solve);
        }

        Conserve(f0, x, next);
        return new StiffStepReport(evaluations, iterations, residual, beta) { PenaltySolveIterations = solve.Iterations };
    }

    // next = F⁰ + the increment x − F⁰ projected onto the conservative subspace (weights |x|): exact conservation.
    private void Conserve(double[] f0, double[] x, Span<double> next)
    {
        var increment = new double[x.Length];
        TensorPrimitives.Subtract(x, f0, increment);
        var weights = new double[x.Length];
        TensorPrimitives.Abs(x, weights);
        _conservation.Apply(increment, weights);
        TensorPrimitives.Add(f0, increment, next);
    }

    // initial and finalTime are validated by the caller.
    public SpaceHomogeneousResult Run(ReadOnlySpan<double> initial, double finalTime, StepObserver? observer, CancellationToken cancellationToken)
    {
        double[] u = initial.ToArray(), v = new double[u.Length];
        double time = 0, minRelative = MinimumRelative(u);
        int steps = 0, evaluations = 0;
        observer?.Invoke(0, 0, u);
        while (time < finalTime && !cancellationToken.IsCancellationRequested)
        {
            double dt = Math.Min(_options.Step, finalTime - time);
            evaluations += Step(u, v, dt, steps == 0 ? "initial" : null).Evaluations;
            (u, v) = (v, u);
            time = finalTime - time - dt <= 1e-14 * finalTime ? finalTime : time + dt;
            steps++;
            minRelative = Math.Min(minRelative, MinimumRelative(u));
            observer?.Invoke(time, steps, u);
        }

        return new SpaceHomogeneousResult(u, time, steps, 0, evaluations, minRelative, 0.0);
    }

    // Anderson-accelerated fixed point of Φ(X) = [F⁰ + τ𝒞(X) + τβX]/(1 + τβ) (BGK; with the Fokker–Planck penalty
    // Φ(X) = (I − τβP)⁻¹[F⁰ + τ(𝒞(X) − βPX)]), starting from X = Φ(F⁰) (the penalised step). With the BGK penalty every
    // iterate keeps the conserved moments of F⁰ (𝒞 is projected; Anderson mixes moment-free increments).
    private (int Iterations, double Residual) FixedPoint(double[] f0, double[] x, double tau, double beta, double[]? defect, ref int evaluations, PenaltySolve? solve)
    {
        int n = x.Length, depth = _options.AndersonDepth;
        double scale = TensorPrimitives.Norm(f0), damping = 1.0 + (tau * beta), residual = double.PositiveInfinity;
        var c = new double[n];
        var r = new double[n];
        var previousX = new double[n];
        var previousR = new double[n];
        var dx = new List<double[]>();
        var dr = new List<double[]>();
        int iteration = 0;
        for (; iteration < _options.MaxIterations; iteration++)
        {
            Evaluate(x, c, defect, ref evaluations);
            if (solve is null)
            {
                for (int p = 0; p < n; p++)
                {
                    r[p] = (f0[p] - x[p] + (tau * c[p])) / damping;
                }
            }
            else
            {
                solve.Map(f0, x, c, r);
                TensorPrimitives.Subtract(r, x, r);
            }

            residual = TensorPrimitives.Norm(r) / scale;
            if (residual <= _options.Tolerance)
            {
                break;
            }

            if (iteration > 0 && depth > 0)
            {
                if (dx.Count == depth)
                {
                    dx.RemoveAt(0);
                    dr.RemoveAt(0);
                }

                var sx = new double[n];
                var sr = new double[n];
                TensorPrimitives.Subtract(x, previousX, sx);
                TensorPrimitives.Subtract(r, previousR, sr);
                dx.Add(sx);
                dr.Add(sr);
            }

            Array.Copy(x, previousX, n);
            Array.Copy(r, previousR, n);
            double[] gamma = dr.Count > 0 ? LeastSquares(dr, r) : [];
            for (int p = 0; p < n; p++)
            {
                x[p] += r[p];
            }

            for (int k = 0; k < gamma.Length; k++)
            {
                for (int p = 0; p < n; p++)
                {
                    x[p] -= gamma[k] * (dx[k][p] + dr[k][p]);
                }
            }
        }

        return (iteration, residual);
    }

    // γ = argmin ‖r − Σ_k γ_k dr_k‖ by the (Tikhonov-regularised) normal equations of the small m × m system.
    private static double[] LeastSquares(List<double[]> dr, double[] r)
    {
        int m = dr.Count;
        var a = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(m, m);
        var b = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(m);
        double trace = 0;
        for (int i = 0; i < m; i++)
        {
            b[i] = TensorPrimitives.Dot(dr[i], r);
            for (int j = 0; j <= i; j++)
            {
                a[i, j] = a[j, i] = TensorPrimitives.Dot(dr[i], dr[j]);
            }

            trace += a[i, i];
        }

        for (int i = 0; i < m; i++)
        {
            a[i, i] += 1e-12 * trace;
        }

        return trace > 0 ? a.Solve(b).ToArray() : new double[m];
    }

    // destination = 𝒞(state) (projected when the options say so), minus the projected defect 𝒞(M) when given.
    private void Evaluate(double[] state, double[] destination, double[]? defect, ref int evaluations)
    {
        _operator(state, destination);
        evaluations++;
        if (_options.ConservativeProjection)
        {
            _conservation.Apply(destination);
        }

        if (defect is not null)
        {
            TensorPrimitives.Subtract(destination, defect, destination);
        }
    }

    // ν̂: the operator's largest collision frequency when it provides one, else the largest relative rate |𝒞|/F where F
    // is above 1e−6 of its species maximum (as in SpaceHomogeneousSolver).
    private double Frequency(double[] f, double[] c)
    {
        if (_frequency is not null)
        {
            return _frequency.MaxCollisionFrequency(f);
        }

        double nu = 0;
        for (int a = 0; a + 1 < _offsets.Length; a++)
        {
            int start = _offsets[a], end = _offsets[a + 1];
            double floor = 1e-6 * TensorPrimitives.Max(f.AsSpan(start, end - start));
            for (int p = start; p < end; p++)
            {
                if (f[p] > floor)
                {
                    nu = Math.Max(nu, Math.Abs(c[p]) / f[p]);
                }
            }
        }

        return nu;
    }

    // The Fokker–Planck penalised map and its scratch: destination = (I − τβP)⁻¹[F⁰ + τ(𝒞(X) − βPX)].
    private sealed class PenaltySolve(FokkerPlanckPenalty penalty, FokkerPlanckPenalty.Workspace workspace, double tau, double beta, StiffOptions options)
    {
        private readonly double[] _rhs = new double[penalty.Length];
        private readonly double[] _px = new double[penalty.Length];

        public int Iterations { get; private set; }

        public void Map(double[] f0, double[] x, double[] c, double[] destination)
        {
            penalty.Apply(x, _px, workspace);
            for (int p = 0; p < _rhs.Length; p++)
            {
                _rhs[p] = f0[p] + (tau * (c[p] - (beta * _px[p])));
            }

            Iterations += penalty.Solve(tau * beta, _rhs, destination, workspace, options.PenaltyTolerance, options.PenaltyIterations);
        }
    }

    private double MinimumRelative(double[] u)
    {
        double worst = double.PositiveInfinity;
        for (int a = 0; a + 1 < _offsets.Length; a++)
        {
            ReadOnlySpan<double> f = u.AsSpan(_offsets[a], _offsets[a + 1] - _offsets[a]);
            double max = TensorPrimitives.Max(f);
            worst = Math.Min(worst, max > 0 ? TensorPrimitives.Min(f) / max : TensorPrimitives.Min(f));
        }

        return worst;
    }
}
