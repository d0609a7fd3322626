using System.Numerics.Tensors;
using Kinetics.Conservation;
using Kinetics.Distributions;

namespace Kinetics.Dynamics;

/// <summary>
/// Steps of the stiff space-homogeneous problem ∂_t F = (1/ε) 𝒞(F) whose size does not shrink with ε: the Filbet–Jin
/// BGK-penalised step and the implicit Euler step (<see cref="StiffScheme"/>; the choice is discussed in
/// docs/limits.md). Any <see cref="ICollisionOperator"/> works: Boltzmann or Landau, mixtures with unequal
/// masses.
/// </summary>
/// <remarks>
/// <para>Conservation: every evaluation of 𝒞 is projected by <see cref="ConservativeProjection"/>, and the increment of
/// each step is projected once more (weights |F^{n+1}|), so species masses, total momentum and total energy are kept to
/// round-off whatever the fixed-point tolerance.</para>
/// <para>Implicit step: the penalised fixed point is pseudo-time relaxation with collision steps of length about 1/β, so it
/// converges (near equilibrium like (1 − λ/β)^k for the linearised modes λ ∈ [λ_gap, ν_max]) at a rate that does not
/// depend on ε; Anderson acceleration cuts the iteration count several-fold (docs/limits.md). A Newton–GMRES solve with
/// the Jacobian at the non-equilibrium iterate was tried first and stalled for Δt/ε ≳ 10² (its linearisation is not
/// dissipative away from equilibrium).</para>
/// <para>A solver is immutable; <see cref="Step"/> allocates its buffers per call and may be called concurrently if the
/// operator allows it.</para>
/// </remarks>
public sealed class StiffCollisionSolver
{
    private readonly ConservativeProjection _conservation;
    private readonly double[] _masses;

    /// <summary>Creates the solver.</summary>
    /// <param name="collisionOperator">𝒞 (quadratic in F).</param>
    /// <param name="options">Options (default: implicit Euler, ε = 1, Δt = 0.1).</param>
    public StiffCollisionSolver(ICollisionOperator collisionOperator, StiffOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(collisionOperator);
        Operator = collisionOperator;
        Options = options ?? new StiffOptions();
        Options.Validate();
        _masses = collisionOperator.Masses.ToArray();
        _conservation = ConservativeProjection.Create(collisionOperator.Grid, _masses);
    }

    /// <summary>The operator 𝒞.</summary>
    public ICollisionOperator Operator { get; }

    /// <summary>The options.</summary>
    public StiffOptions Options { get; }

    private int Length => _masses.Length * Operator.Grid.Count;

    /// <summary>Advances <paramref name="state"/> by one step Δt = <see cref="StiffOptions.Step"/> into <paramref name="next"/>.</summary>
    /// <param name="state">S·N³ stacked distributions F^n, finite (not modified).</param>
    /// <param name="next">F^{n+1}; must not overlap <paramref name="state"/>.</param>
    /// <param name="step">Δt of this step (default: <see cref="StiffOptions.Step"/>), &gt; 0.</param>
    public StiffStepReport Step(ReadOnlySpan<double> state, Span<double> next, double? step = null)
    {
        Guard.Length(state.Length, Length, nameof(state));
        Guard.Length(next.Length, Length, nameof(next));
        Guard.AllFinite(state);
        double dt = step ?? Options.Step;
        Guard.Positive(dt, nameof(step));
        if (state.Overlaps(next))
        {
            throw new ArgumentException("next must not overlap state.", nameof(next));
        }

        double[] f0 = state.ToArray();
        double tau = dt / Options.Epsilon;
        int evaluations = 0;
        var c = new double[f0.Length];
        Evaluate(f0, c, ref evaluations);
        double beta = Options.PenaltyFactor * Frequency(f0, c);

        // Filbet–Jin: F^{n+1} = [F^n + τ(𝒞(F^n) − β(M − F^n)) + τβM]/(1 + τβ) = F^n + τ𝒞(F^n)/(1 + τβ) (M^{n+1} = M^n here).
        double[] x = new double[f0.Length];
        for (int p = 0; p < x.Length; p++)
        {
            x[p] = f0[p] + (tau / (1.0 + (tau * beta)) * c[p]);
        }

        int iterations = 0;
        double residual = double.NaN;
        if (Options.Scheme == StiffScheme.ImplicitEuler)
        {
            (iterations, residual) = FixedPoint(f0, x, tau, beta, ref evaluations);
        }

        // Exact conservation of the increment.
        var increment = new double[x.Length];
        TensorPrimitives.Subtract(x, f0, increment);
        var weights = new double[x.Length];
        TensorPrimitives.Abs(x, weights);
        _conservation.Apply(increment, weights);
        TensorPrimitives.Add(f0, increment, next);
        return new StiffStepReport(evaluations, iterations, residual, beta);
    }

    /// <summary>Integrates from t = 0 to <paramref name="finalTime"/> with the fixed step (the last one shortened).</summary>
    /// <param name="initial">S·N³ stacked initial distributions (not modified).</param>
    /// <param name="finalTime">t_final ≥ 0.</param>
    /// <param name="observer">Called with the initial state and after each step (optional).</param>
    /// <param name="cancellationToken">Stops between steps; the result holds the last state.</param>
    public SpaceHomogeneousResult Run(ReadOnlySpan<double> initial, double finalTime, StepObserver? observer = null, CancellationToken cancellationToken = default)
    {
        Guard.Length(initial.Length, Length, nameof(initial));
        Guard.AllFinite(initial);
        Guard.NonNegative(finalTime);
        Guard.Finite(finalTime);
        double[] u = initial.ToArray(), v = new double[u.Length];
        double time = 0, minRelative = MinimumRelative(u);
        int steps = 0, evaluations = 0;
        observer?.Invoke(0, 0, u);
        while (time < finalTime && !cancellationToken.IsCancellationRequested)
        {
            double dt = Math.Min(Options.Step, finalTime - time);
            evaluations += Step(u, v, dt).Evaluations;
            (u, v) = (v, u);
            time = finalTime - time - dt <= 1e-14 * finalTime ? finalTime : time + dt;
            steps++;
            minRelative = Math.Min(minRelative, MinimumRelative(u));
            observer?.Invoke(time, steps, u);
        }

        return new SpaceHomogeneousResult(u, time, steps, 0, evaluations, minRelative, 0.0);
    }

    /// <summary>
    /// The equilibrium M[F] with the conserved moments of <paramref name="state"/>: Maxwellians of the species densities
    /// n^α with the mixture velocity u and temperature θ (grid quadrature of the moments), the limit of a step as ε → 0.
    /// </summary>
    /// <param name="state">S·N³ stacked distributions.</param>
    /// <param name="destination">S·N³ values.</param>
    public void Equilibrium(ReadOnlySpan<double> state, Span<double> destination)
    {
        Guard.Length(state.Length, Length, nameof(state));
        Guard.Length(destination.Length, Length, nameof(destination));
        Guard.AllFinite(state);
        var grid = Operator.Grid;
        int count = grid.Count, s = _masses.Length;
        var n = new double[s];
        double rho = 0, energy = 0, mx = 0, my = 0, mz = 0;
        for (int a = 0; a < s; a++)
        {
            for (int p = 0; p < count; p++)
            {
                double f = state[(a * count) + p] * grid.CellVolume;
                var v = grid.Point(p);
                n[a] += f;
                mx += _masses[a] * v.X * f;
                my += _masses[a] * v.Y * f;
                mz += _masses[a] * v.Z * f;
                energy += 0.5 * _masses[a] * v.LengthSquared * f;
            }

            rho += _masses[a] * n[a];
        }

        var u = new Velocity3(mx / rho, my / rho, mz / rho);
        double theta = 2.0 / 3.0 * (energy - (0.5 * rho * u.LengthSquared)) / n.Sum();
        for (int a = 0; a < s; a++)
        {
            Maxwellian.Fill(grid, new MacroscopicState(n[a], u, theta), _masses[a], destination.Slice(a * count, count));
        }
    }

    // Anderson-accelerated fixed point of Φ(X) = [F⁰ + τ𝒞(X) + τβX]/(1 + τβ), starting from X = Φ(F⁰) (the Filbet–Jin step).
    // Every iterate keeps the conserved moments of F⁰ (𝒞 is projected; Anderson mixes moment-free increments).
    private (int Iterations, double Residual) FixedPoint(double[] f0, double[] x, double tau, double beta, ref int evaluations)
    {
        int n = x.Length, depth = Options.AndersonDepth;
        double scale = TensorPrimitives.Norm(f0), damping = 1.0 + (tau * beta), residual = double.PositiveInfinity;
        var c = new double[n];
        var r = new double[n];
        var previousX = new double[n];
        var previousR = new double[n];
        var dx = new List<double[]>();
        var dr = new List<double[]>();
        int iteration = 0;
        for (; iteration < Options.MaxIterations; iteration++)
        {
            Evaluate(x, c, ref evaluations);
            for (int p = 0; p < n; p++)
            {
                r[p] = (f0[p] - x[p] + (tau * c[p])) / damping;
            }

            residual = TensorPrimitives.Norm(r) / scale;
            if (residual <= Options.Tolerance)
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

    private void Evaluate(double[] state, double[] destination, ref int evaluations)
    {
        Operator.Evaluate(state, destination);
        evaluations++;
        if (Options.ConservativeProjection)
        {
            _conservation.Apply(destination);
        }
    }

    // ν̂: the operator's largest collision frequency when it provides one, else the largest relative rate |𝒞|/F where F
    // is above 1e−6 of its maximum (as in SpaceHomogeneousSolver).
    private double Frequency(double[] f, double[] c)
    {
        if (Operator is ICollisionFrequency frequency)
        {
            return frequency.MaxCollisionFrequency(f);
        }

        int count = Operator.Grid.Count;
        double nu = 0;
        for (int a = 0; a < _masses.Length; a++)
        {
            double floor = 1e-6 * TensorPrimitives.Max(f.AsSpan(a * count, count));
            for (int p = a * count; p < (a + 1) * count; p++)
            {
                if (f[p] > floor)
                {
                    nu = Math.Max(nu, Math.Abs(c[p]) / f[p]);
                }
            }
        }

        return nu;
    }

    private double MinimumRelative(double[] u)
    {
        int count = Operator.Grid.Count;
        double worst = double.PositiveInfinity;
        for (int a = 0; a < _masses.Length; a++)
        {
            ReadOnlySpan<double> f = u.AsSpan(a * count, count);
            double max = TensorPrimitives.Max(f);
            worst = Math.Min(worst, max > 0 ? TensorPrimitives.Min(f) / max : TensorPrimitives.Min(f));
        }

        return worst;
    }
}

/// <summary>Diagnostics of one stiff step.</summary>
/// <param name="Evaluations">Evaluations of 𝒞.</param>
/// <param name="Iterations">Fixed-point iterations of the implicit step (0 for the penalised scheme).</param>
/// <param name="Residual">Final fixed-point residual ‖F^n − F + (Δt/ε)𝒞(F)‖/((1 + βΔt/ε)‖F^n‖) (NaN for the penalised scheme).</param>
/// <param name="Penalty">β of the BGK penalisation.</param>
public readonly record struct StiffStepReport(int Evaluations, int Iterations, double Residual, double Penalty);
