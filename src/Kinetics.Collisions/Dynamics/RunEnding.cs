using System.Globalization;

namespace Kinetics.Dynamics;

/// <summary>
/// How the explicit space-homogeneous solvers end a run: which exceptions of a step
/// <see cref="SpaceHomogeneousOptions.PartialResultOnFailure"/> turns into a partial result, the message recorded for
/// it, and the <see cref="SolverStop"/> of the result.
/// </summary>
internal static class RunEnding
{
    /// <summary>
    /// Whether <paramref name="e"/>, thrown by a step, is a step failure: the operator refusing a state (resolution check,
    /// non-finite input), non-finite rates, positivity halvings used up. <see cref="PositivityPolicy.Throw"/> is the
    /// caller's explicit request for an exception and is not one.
    /// </summary>
    public static bool IsStepFailure(Exception e, SpaceHomogeneousOptions options) =>
        e is ArgumentException or UnresolvedSpeciesException
        || (e is InvalidOperationException && options.Positivity != PositivityPolicy.Throw);

    /// <summary>The <see cref="SpaceHomogeneousResult.StopReason"/> of a failed step from <paramref name="time"/>.</summary>
    public static string FailureMessage(double time, int steps, Exception e) =>
        string.Create(CultureInfo.InvariantCulture, $"the step from t = {time:G6} (after {steps} steps) failed: {e.Message}");

    /// <summary>Records why the run ended on <paramref name="result"/>.</summary>
    public static void Record(SpaceHomogeneousResult result, string? failure, double time, double finalTime, CancellationToken cancellationToken)
    {
        result.StopReason = failure;
        result.Stop = failure is not null ? SolverStop.Failed
            : time >= finalTime ? SolverStop.Completed
            : cancellationToken.IsCancellationRequested ? SolverStop.Cancelled
            : SolverStop.MaxSteps;
    }
}
