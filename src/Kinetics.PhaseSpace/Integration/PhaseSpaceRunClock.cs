namespace Kinetics.PhaseSpace.Integration;

/// <summary>
/// The schedule of a run of <see cref="PhaseSpaceSolver"/> from t = 0 to <see cref="FinalTime"/>: <see cref="TotalSteps"/>
/// equal Strang steps of Δt = T/<see cref="TotalSteps"/>, of which <see cref="StepsTaken"/> are done. The time after n
/// steps is n·Δt (computed the same way by <see cref="PhaseSpaceSolver.Run"/>), so a run continued from a clock takes
/// exactly the steps of the uninterrupted run.
/// </summary>
/// <param name="FinalTime">T &gt; 0.</param>
/// <param name="TotalSteps">Steps of the whole run, ≥ 1.</param>
/// <param name="StepsTaken">Steps done, in [0, <paramref name="TotalSteps"/>].</param>
public readonly record struct PhaseSpaceRunClock(double FinalTime, int TotalSteps, int StepsTaken)
{
    /// <summary>Δt = T/<see cref="TotalSteps"/>.</summary>
    public double StepLength => FinalTime / TotalSteps;

    /// <summary>The time after <see cref="StepsTaken"/> steps, n·Δt.</summary>
    public double Time => StepsTaken * StepLength;

    /// <summary>True when every step is done.</summary>
    public bool IsFinished => StepsTaken >= TotalSteps;

    /// <summary>Checks the clock is a possible schedule (finite T &gt; 0, 1 ≤ steps, 0 ≤ taken ≤ steps).</summary>
    /// <param name="paramName">The parameter reported on failure.</param>
    /// <exception cref="ArgumentOutOfRangeException">It is not.</exception>
    internal void Validate(string paramName)
    {
        if (!double.IsFinite(FinalTime) || FinalTime <= 0.0 || TotalSteps < 1 || StepsTaken < 0 || StepsTaken > TotalSteps)
        {
            throw new ArgumentOutOfRangeException(
                paramName, this, $"{paramName} must have a finite FinalTime > 0, TotalSteps ≥ 1 and StepsTaken in [0, TotalSteps].");
        }
    }
}
