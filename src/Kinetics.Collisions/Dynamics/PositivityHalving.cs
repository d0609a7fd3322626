namespace Kinetics.Dynamics;

/// <summary>
/// The positivity rule shared by the explicit space-homogeneous solvers: after a trial step, a smallest value
/// F/max F below −<see cref="SpaceHomogeneousOptions.PositivityTolerance"/> is accepted (<see cref="PositivityPolicy.Monitor"/>),
/// answered by halving the step (<see cref="PositivityPolicy.ReduceStep"/>, at most <see cref="MaxHalvings"/> times) or
/// refused (<see cref="PositivityPolicy.Throw"/>).
/// </summary>
internal static class PositivityHalving
{
    /// <summary>Halvings of one step before the solver gives up.</summary>
    public const int MaxHalvings = 10;

    /// <summary>
    /// Whether the trial step whose smallest relative value is <paramref name="relative"/> is accepted; false means halve
    /// the step and try again.
    /// </summary>
    /// <exception cref="InvalidOperationException">The policy is Throw, or the halvings are used up.</exception>
    public static bool Accepts(SpaceHomogeneousOptions options, double relative, int attempt, double time, double dt, string refine)
    {
        if (!(relative < -options.PositivityTolerance) || options.Positivity == PositivityPolicy.Monitor)
        {
            return true;
        }

        if (options.Positivity == PositivityPolicy.Throw || attempt == MaxHalvings)
        {
            throw new InvalidOperationException(
                $"The step from t = {time:G6} with dt = {dt:G6} produced a negative value F/max F = {relative:G3} " +
                $"(tolerance {options.PositivityTolerance:G3}); reduce Courant or FixedStep, or {refine}.");
        }

        return false;
    }
}
