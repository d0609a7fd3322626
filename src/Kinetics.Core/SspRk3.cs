namespace Kinetics;

/// <summary>
/// Equal-step Shu–Osher SSP-RK3 over a duration, shared by the small limit solvers (NavierStokesFourier1D in
/// Kinetics.Collisions, EulerPoisson1D in Kinetics.PhaseSpace): the step-count prologue (duration and budget checks,
/// n = ⌈duration/Δt_stable⌉ equal steps) and the three-stage loop.
/// </summary>
internal static class SspRk3
{
    /// <summary>The stable step for a state.</summary>
    /// <param name="state">The state.</param>
    public delegate double StableStepFunction(ReadOnlySpan<double> state);

    /// <summary>Writes d(state)/dt into <paramref name="rate"/>.</summary>
    /// <param name="state">The state (not modified).</param>
    /// <param name="rate">Same length as the state.</param>
    public delegate void RateFunction(ReadOnlySpan<double> state, Span<double> rate);

    /// <summary>
    /// Advances <paramref name="state"/> in place by <paramref name="duration"/> in n = ⌈duration/Δt_stable⌉ equal SSP-RK3
    /// steps, Δt_stable from the initial state; throws when a step leaves a non-finite value.
    /// </summary>
    /// <param name="state">The state (modified).</param>
    /// <param name="duration">Time ≥ 0 (0: nothing is done and the stable step is not evaluated).</param>
    /// <param name="maxSteps">Step budget &gt; 0.</param>
    /// <param name="stableStep">Δt_stable of the initial state.</param>
    /// <param name="rate">The right-hand side.</param>
    /// <returns>The number of steps.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The duration needs more than <paramref name="maxSteps"/> steps.</exception>
    /// <exception cref="InvalidOperationException">The state became non-finite.</exception>
    public static int Advance(Span<double> state, double duration, int maxSteps, StableStepFunction stableStep, RateFunction rate)
    {
        Guard.NonNegative(duration);
        Guard.Finite(duration);
        Guard.Positive(maxSteps);
        if (duration == 0)
        {
            return 0;
        }

        long steps = (long)Math.Ceiling(duration / stableStep(state));
        if (steps > maxSteps)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, $"duration needs {steps} steps (budget {maxSteps}).");
        }

        double dt = duration / steps;
        int length = state.Length;
        var u0 = new double[length];
        var stage = new double[length];
        var derivative = new double[length];
        for (long step = 0; step < steps; step++)
        {
            state.CopyTo(u0);
            rate(u0, derivative);
            for (int i = 0; i < length; i++)
            {
                stage[i] = u0[i] + (dt * derivative[i]);
            }

            rate(stage, derivative);
            for (int i = 0; i < length; i++)
            {
                stage[i] = (0.75 * u0[i]) + (0.25 * (stage[i] + (dt * derivative[i])));
            }

            rate(stage, derivative);
            for (int i = 0; i < length; i++)
            {
                state[i] = (u0[i] / 3.0) + (2.0 / 3.0 * (stage[i] + (dt * derivative[i])));
            }

            if (!Guard.IsAllFinite(state))
            {
                throw new InvalidOperationException($"The state became non-finite at step {step + 1} of {steps}.");
            }
        }

        return (int)steps;
    }
}
