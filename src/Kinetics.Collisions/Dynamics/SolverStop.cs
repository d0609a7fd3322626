namespace Kinetics.Dynamics;

/// <summary>Why a <see cref="SpaceHomogeneousSolver"/> run ended (<see cref="SpaceHomogeneousResult.Stop"/>).</summary>
public enum SolverStop
{
    /// <summary>The requested final time was reached.</summary>
    Completed,

    /// <summary>The cancellation token stopped the run between steps.</summary>
    Cancelled,

    /// <summary><see cref="SpaceHomogeneousOptions.MaxSteps"/> accepted steps were taken before the final time.</summary>
    MaxSteps,

    /// <summary>
    /// A step failed — the operator refused the state (its resolution check), returned non-finite values, or the positivity
    /// halvings were used up — and <see cref="SpaceHomogeneousOptions.PartialResultOnFailure"/> asked for the last accepted
    /// state instead of an exception; <see cref="SpaceHomogeneousResult.StopReason"/> has the message.
    /// </summary>
    Failed,
}
