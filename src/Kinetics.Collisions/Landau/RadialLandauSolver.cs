namespace Kinetics.Landau;

/// <summary>
/// Time integration of the radial Landau–Coulomb equation ∂_tF = Q(F, F) (<see cref="RadialLandauOperator"/>):
/// backward Euler or variable-step BDF2 (the default in <see cref="Advance"/>), each implicit stage solved by a
/// fixed-point (Picard) iteration in which the field λ₁[X], ∂_ρa[X] is frozen at the
/// previous iterate and the tridiagonal system for the transported unknown is solved exactly; after convergence the
/// step is finalised as F^{n+1} = G + h Q(X, X) (G = F^n, h = Δt for backward Euler; G = F^n + a₂(F^n − F^{n−1}),
/// h = bΔt for BDF2). The finalisation makes the mass and the discrete energy exact to
/// round-off whatever the iteration tolerance (Q conserves both for any argument), and equals X to that tolerance.
/// </summary>
/// <remarks>
/// Both schemes are L-stable, so the step is limited by accuracy and by the contraction of the iteration
/// (≈ Δt·max F), not by the Δt ≲ h²/λ₁ restriction of explicit schemes on a grid refined near the origin. A step whose iteration does not reach the tolerance within <see cref="MaxIterations"/> sweeps is
/// retried with Δt/2. Immutable and thread-safe; scratch lives in a <see cref="RadialLandauWorkspace"/>.
/// </remarks>
public sealed class RadialLandauSolver
{
    /// <summary>Creates the solver.</summary>
    /// <param name="grid">The radial grid.</param>
    /// <param name="tolerance">Relative max-norm tolerance of the fixed-point iteration, in [1e−15, 1e−3].</param>
    /// <param name="maxIterations">Iterations before a step is rejected, in [2, 1000].</param>
    /// <param name="secondOrder">True (default): <see cref="Advance"/> uses variable-step BDF2 after a first backward-Euler
    /// step; false: backward Euler throughout.</param>
    /// <param name="maxSteps">The step budget of <see cref="Advance"/>, in [1, 2³¹ − 1] (default 10⁷ accepted steps).</param>
    /// <returns>The solver; immutable.</returns>
    public static RadialLandauSolver Create(
        RadialLandauGrid grid, double tolerance = 1e-12, int maxIterations = 40, bool secondOrder = true, int maxSteps = 10_000_000) =>
        new(grid, tolerance, maxIterations, secondOrder, maxSteps);

    private RadialLandauSolver(RadialLandauGrid grid, double tolerance, int maxIterations, bool secondOrder, int maxSteps)
    {
        SecondOrder = secondOrder;
        ArgumentNullException.ThrowIfNull(grid);
        Guard.InRange(tolerance, 1e-15, 1e-3);
        Guard.InRange(maxIterations, 2, 1000);
        Guard.InRange(maxSteps, 1, int.MaxValue);
        MaxSteps = maxSteps;
        Operator = RadialLandauOperator.Create(grid);
        Tolerance = tolerance;
        MaxIterations = maxIterations;
    }

    /// <summary>The operator being integrated.</summary>
    public RadialLandauOperator Operator { get; }

    /// <summary>The radial grid.</summary>
    public RadialLandauGrid Grid => Operator.Grid;

    /// <summary>Fixed-point tolerance (relative, max-norm).</summary>
    public double Tolerance { get; }

    /// <summary>Maximum fixed-point iterations per attempted step.</summary>
    public int MaxIterations { get; }

    /// <summary>Whether <see cref="Advance"/> integrates with BDF2 (second order) or backward Euler (first order).</summary>
    public bool SecondOrder { get; }

    /// <summary>
    /// The step budget of <see cref="Advance"/> (default 10⁷ accepted steps): when it is spent before the end time,
    /// <see cref="Advance"/> throws an <see cref="InvalidOperationException"/> instead of running on.
    /// </summary>
    public int MaxSteps { get; }

    /// <summary>
    /// One backward-Euler step of size <paramref name="timeStep"/>: on success <paramref name="values"/> is replaced by
    /// F^{n+1} and the iteration count is returned; on failure (no convergence) <paramref name="values"/> is unchanged
    /// and −1 is returned.
    /// </summary>
    /// <param name="values">F^n at the centres, overwritten by F^{n+1} on success.</param>
    /// <param name="timeStep">Δt &gt; 0.</param>
    /// <param name="workspace">Scratch for this grid.</param>
    /// <returns>Iterations used, or −1.</returns>
    public int TryStep(Span<double> values, double timeStep, RadialLandauWorkspace workspace)
    {
        using var lease = RadialLandauWorkspace.Enter(workspace, Grid);
        Guard.Length(values.Length, Grid.Count, nameof(values));
        Guard.Positive(timeStep);
        Guard.AllFinite(values);
        values.CopyTo(workspace.Start);
        return Solve(values, timeStep, workspace);
    }

    /// <summary>
    /// One variable-step BDF2 step: F^{n+1} − a₁F^n + a₂F^{n−1} = bΔt Q(F^{n+1}) with ω = Δt/Δt_prev,
    /// a₁ = (1+ω)²/(1+2ω), a₂ = ω²/(1+2ω), b = (1+ω)/(1+2ω); solved and finalised like <see cref="TryStep"/>, so
    /// mass and energy stay exact (a₁ − a₂ = 1). Returns the iteration count, or −1 with <paramref name="values"/>
    /// unchanged.
    /// </summary>
    /// <param name="values">F^n, overwritten by F^{n+1} on success.</param>
    /// <param name="previousValues">F^{n−1}.</param>
    /// <param name="timeStep">Δt &gt; 0.</param>
    /// <param name="previousStep">Δt_prev &gt; 0, the step from F^{n−1} to F^n.</param>
    /// <param name="workspace">Scratch for this grid.</param>
    /// <returns>Iterations used, or −1.</returns>
    public int TryStepBdf2(Span<double> values, ReadOnlySpan<double> previousValues, double timeStep, double previousStep, RadialLandauWorkspace workspace)
    {
        using var lease = RadialLandauWorkspace.Enter(workspace, Grid);
        Guard.Length(values.Length, Grid.Count, nameof(values));
        Guard.Length(previousValues.Length, Grid.Count, nameof(previousValues));
        Guard.Positive(timeStep);
        Guard.Positive(previousStep);
        Guard.AllFinite(values);
        Guard.AllFinite(previousValues);
        double omega = timeStep / previousStep, denominator = 1 + (2 * omega);
        double a2 = omega * omega / denominator, b = (1 + omega) / denominator;
        double[] start = workspace.Start;
        for (int i = 0; i < start.Length; i++)
        {
            // a₁F^n − a₂F^{n−1} written as F^n + a₂(F^n − F^{n−1}): a₁ = 1 + a₂ exactly, so no multiplicative
            // round-off bias on the conserved moments accumulates over many steps.
            start[i] = values[i] + (a2 * (values[i] - previousValues[i]));
        }

        return Solve(values, b * timeStep, workspace);
    }

    // Solves X = G + h Q(X, X) (G = workspace.Start) by the frozen-field iteration; on success values = G + h Q(X, X).
    private int Solve(Span<double> values, double timeStep, RadialLandauWorkspace workspace)
    {
        int n = Grid.Count;
        double[] x = workspace.Iterate, y = workspace.Next, start = workspace.Start;
        start.CopyTo(x, 0);
        ReadOnlySpan<double> c = Grid.Centers, faces = Grid.Faces, volumes = Grid.Volumes;
        for (int iteration = 1; iteration <= MaxIterations; iteration++)
        {
            Operator.FieldCoefficients(x, workspace.Diffusion, workspace.Friction, workspace.MeanRatio);
            double[] lower = workspace.Lower, diagonal = workspace.Diagonal, upper = workspace.Upper;

            // Row i: V_i/Δt Y_i − f_i²(α_i Y_{i+1} − β_i Y_i) + f_{i−1}²(α_{i−1} Y_i − β_{i−1} Y_{i−1}) = V_i F_i^n/Δt,
            // J_k(Y) = α_k Y_{k+1} − β_k Y_k, α_k = D_k/w_k − E_k r_k/2, β_k = D_k/w_k + E_k r_k/2.
            for (int i = 0; i < n; i++)
            {
                diagonal[i] = volumes[i] / timeStep;
                lower[i] = 0;
                upper[i] = 0;
                y[i] = volumes[i] * start[i] / timeStep;
            }

            for (int k = 0; k < n - 1; k++)
            {
                double w = c[k + 1] - c[k], f2 = faces[k] * faces[k];
                double half = 0.5 * workspace.Friction[k] * workspace.MeanRatio[k];
                double alpha = f2 * ((workspace.Diffusion[k] / w) - half);
                double beta = f2 * ((workspace.Diffusion[k] / w) + half);
                diagonal[k] += beta;
                upper[k] = -alpha;
                diagonal[k + 1] += alpha;
                lower[k + 1] = -beta;
            }

            SolveTridiagonal(lower, diagonal, upper, y);
            double change = 0, size = 0;
            for (int i = 0; i < n; i++)
            {
                change = Math.Max(change, Math.Abs(y[i] - x[i]));
                size = Math.Max(size, Math.Abs(y[i]));
            }

            Array.Copy(y, x, n);
            if (!double.IsFinite(change))
            {
                return -1;
            }

            if (change <= Tolerance * size)
            {
                // Conservative finalisation F^{n+1} = F^n + Δt Q(X, X).
                double[] rate = workspace.Rate;
                Operator.FieldCoefficients(x, workspace.Diffusion, workspace.Friction, workspace.MeanRatio);
                Operator.ApplyFrozen(x, workspace.Diffusion, workspace.Friction, workspace.MeanRatio, rate);
                for (int i = 0; i < n; i++)
                {
                    values[i] = start[i] + (timeStep * rate[i]);
                }

                return iteration;
            }
        }

        return -1;
    }

    /// <summary>
    /// Integrates from <paramref name="time"/> to <paramref name="endTime"/> in place (BDF2 after one backward-Euler
    /// step when <see cref="SecondOrder"/>; each call restarts the history). The step is
    /// min(<paramref name="maxStep"/>(t), 1.5 × the previous accepted step, remaining time), halved on rejection.
    /// </summary>
    /// <param name="values">F at the centres, advanced in place.</param>
    /// <param name="time">Start time.</param>
    /// <param name="endTime">End time ≥ start.</param>
    /// <param name="maxStep">The largest step allowed at time t (accuracy control), &gt; 0.</param>
    /// <param name="workspace">Scratch for this grid.</param>
    /// <param name="observer">Called after every accepted step with (t, F), or null.</param>
    /// <returns>What was done.</returns>
    public RadialAdvanceReport Advance(Span<double> values, double time, double endTime, Func<double, double> maxStep, RadialLandauWorkspace workspace, RadialStepObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(maxStep);
        Guard.Finite(time);
        Guard.InRange(endTime, time, double.MaxValue);
        using var lease = RadialLandauWorkspace.Enter(workspace, Grid);
        Guard.Length(values.Length, Grid.Count, nameof(values));
        Guard.AllFinite(values);
        int steps = 0, rejections = 0, maxIterations = 0;
        double previous = double.PositiveInfinity;
        double[] history = workspace.History, saved = workspace.Saved;
        while (time < endTime)
        {
            double dt = Math.Min(Math.Min(maxStep(time), 1.5 * previous), endTime - time);
            Guard.Positive(dt, nameof(maxStep));
            if (time + dt == time)
            {
                throw new InvalidOperationException(
                    $"The radial Landau step dt = {dt:G3} no longer advances t = {time:G17} in double precision (t + dt == t); maxStep(t) is too small for this time.");
            }

            if (steps >= MaxSteps)
            {
                throw new InvalidOperationException(
                    $"The radial Landau solver spent its budget of {MaxSteps} steps at t = {time:G6} before endTime = {endTime:G6}; raise MaxSteps or the step size.");
            }

            values.CopyTo(saved);
            int iterations;
            while ((iterations = SecondOrder && steps > 0 ? TryStepBdf2(values, history, dt, previous, workspace) : TryStep(values, dt, workspace)) < 0)
            {
                rejections++;
                dt *= 0.5;
                if (dt < 1e-14 * Math.Max(1.0, Math.Abs(time)))
                {
                    throw new InvalidOperationException($"The radial Landau step collapsed below {dt:G3} at t = {time:G6}.");
                }
            }

            saved.CopyTo(history, 0);
            time = endTime - time <= dt ? endTime : time + dt;
            previous = dt;
            steps++;
            maxIterations = Math.Max(maxIterations, iterations);
            observer?.Invoke(time, values);
        }

        return new RadialAdvanceReport(steps, rejections, maxIterations, time);
    }

    // Thomas algorithm, in place: the solution overwrites rhs.
    private static void SolveTridiagonal(double[] lower, double[] diagonal, double[] upper, double[] rhs)
    {
        int n = rhs.Length;
        for (int i = 1; i < n; i++)
        {
            double factor = lower[i] / diagonal[i - 1];
            diagonal[i] -= factor * upper[i - 1];
            rhs[i] -= factor * rhs[i - 1];
        }

        rhs[n - 1] /= diagonal[n - 1];
        for (int i = n - 2; i >= 0; i--)
        {
            rhs[i] = (rhs[i] - (upper[i] * rhs[i + 1])) / diagonal[i];
        }
    }
}
