namespace Kinetics.Dynamics;

/// <summary>A species is not resolved by the velocity grid under <see cref="ResolutionPolicy.Strict"/>; the message states
/// the indicators and the remedy (a larger L, or a larger N).</summary>
public sealed class UnresolvedSpeciesException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message (cell, species, indicators, remedy).</param>
    /// <param name="cell">The spatial cell (0 for a space-homogeneous run).</param>
    /// <param name="species">The species index.</param>
    /// <param name="resolution">The measured indicators.</param>
    public UnresolvedSpeciesException(string message, int cell, int species, SpeciesResolution resolution)
        : base(message)
    {
        Cell = cell;
        Species = species;
        Resolution = resolution;
    }

    /// <summary>The spatial cell.</summary>
    public int Cell { get; }

    /// <summary>The species index.</summary>
    public int Species { get; }

    /// <summary>The measured indicators.</summary>
    public SpeciesResolution Resolution { get; }
}
