namespace Kinetics.Dynamics;

/// <summary>Progress of a <see cref="SpaceHomogeneousSolver"/> run, reported after every accepted step.</summary>
/// <param name="Time">Current time t.</param>
/// <param name="FinalTime">Target time.</param>
/// <param name="Steps">Accepted steps so far.</param>
/// <param name="Step">The last accepted Δt.</param>
public readonly record struct SolverProgress(double Time, double FinalTime, int Steps, double Step)
{
    /// <summary>t / t_final in [0, 1].</summary>
    public double Fraction => FinalTime > 0 ? Math.Clamp(Time / FinalTime, 0, 1) : 1;
}
