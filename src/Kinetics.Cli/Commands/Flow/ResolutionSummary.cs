using System.Globalization;

namespace Kinetics.Cli.Commands.Flow;

/// <summary>
/// The worst resolution indicators a collisional `flow` run met (docs/phase-space.md): the largest box-edge ratio |F| on
/// the box faces / max F and the largest h/σ, over every cell, species, step and process, as the batched collision step
/// measured them under <c>ResolutionPolicy.Report</c>, with the step's limits.
/// </summary>
internal sealed record ResolutionSummary(double EdgeRatio, double SpacingRatio, double EdgeLimit, double SpacingLimit)
{
    /// <summary>Warns (without failing the run) when an indicator exceeded its limit, with the remedy.</summary>
    public void WarnIfExceeded(JsonOutput io)
    {
        if (EdgeRatio > EdgeLimit)
        {
            io.Warn(string.Create(
                CultureInfo.InvariantCulture,
                $"the velocity tails reached {EdgeRatio:G3} of the peak on the box faces (limit {EdgeLimit:G3}): the moments carry that truncation; raise --half-width (with --velocities to keep the spacing)."));
        }

        if (SpacingRatio > SpacingLimit)
        {
            io.Warn(string.Create(
                CultureInfo.InvariantCulture,
                $"the velocity spacing reached {SpacingRatio:G3} of a species' thermal speed (limit {SpacingLimit:G3}): raise --velocities."));
        }
    }
}
