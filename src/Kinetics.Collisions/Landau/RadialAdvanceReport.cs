namespace Kinetics.Landau;

/// <summary>What <see cref="RadialLandauSolver.Advance"/> did.</summary>
/// <param name="Steps">Accepted time steps.</param>
/// <param name="Rejections">Steps whose fixed-point iteration did not converge and were retried with half the step.</param>
/// <param name="MaxIterations">The largest number of fixed-point iterations an accepted step needed.</param>
/// <param name="Time">The time reached.</param>
public readonly record struct RadialAdvanceReport(int Steps, int Rejections, int MaxIterations, double Time);
