namespace Kinetics.Landau;

/// <summary>Receives the state after an accepted step of <see cref="RadialLandauSolver.Advance"/>.</summary>
/// <param name="time">The time reached.</param>
/// <param name="values">F at the centres (valid during the call only).</param>
public delegate void RadialStepObserver(double time, ReadOnlySpan<double> values);
