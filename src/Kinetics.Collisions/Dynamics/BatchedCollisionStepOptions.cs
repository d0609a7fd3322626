namespace Kinetics.Dynamics;

/// <summary>Options of <see cref="BatchedCollisionStep"/>.</summary>
public sealed record BatchedCollisionStepOptions
{
    /// <summary>Apply the conservative projection (weight |F^α|) to every cell's collision term (default true).</summary>
    public bool ConservativeProjection { get; init; } = true;

    /// <summary>Report (default) or throw on unresolved species.</summary>
    public ResolutionPolicy Resolution { get; init; } = ResolutionPolicy.Report;

    /// <summary>The admissible box-edge ratio <see cref="SpeciesResolution.EdgeRatio"/> under
    /// <see cref="ResolutionPolicy.Strict"/> (default 1e−6).</summary>
    public double ResolutionTolerance { get; init; } = 1e-6;

    /// <summary>The admissible spacing ratio h/σ under <see cref="ResolutionPolicy.Strict"/> (default 1).</summary>
    public double MaxSpacingRatio { get; init; } = SpeciesResolution.DefaultMaxSpacingRatio;

    /// <summary>Workers over cells (default 1: the calling thread only). Workers are created once per step object and
    /// reused, so parallel calls allocate nothing either.</summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;

    internal void Validate()
    {
        if (!Enum.IsDefined(Resolution))
        {
            throw new ArgumentOutOfRangeException(nameof(Resolution), Resolution, $"Resolution must be Report or Strict (was {Resolution}).");
        }

        if (!(ResolutionTolerance > 0 && ResolutionTolerance < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ResolutionTolerance), ResolutionTolerance, $"ResolutionTolerance must be in (0, 1) (was {ResolutionTolerance}).");
        }

        if (!(MaxSpacingRatio > 0) || !double.IsFinite(MaxSpacingRatio))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxSpacingRatio), MaxSpacingRatio, $"MaxSpacingRatio must be finite and > 0 (was {MaxSpacingRatio}).");
        }

        Guard.InRange(MaxDegreeOfParallelism, 1, 256);
    }
}
