namespace Kinetics.Dynamics;

/// <summary>
/// Called by <see cref="SpaceHomogeneousSolver"/> with the initial state and after every accepted step.
/// </summary>
/// <param name="time">Current time t.</param>
/// <param name="step">Number of accepted steps (0 for the initial state).</param>
/// <param name="state">S·N³ stacked distributions at time t (read-only view of the solver's buffer, valid during the call).</param>
public delegate void StepObserver(double time, int step, ReadOnlySpan<double> state);
