namespace Kinetics.Mixtures;

/// <summary>
/// A particle species in non-dimensional units (k_B = 1): a name, a mass m &gt; 0, a charge e (used by Landau
/// operators; 0 for neutral species) and an optional molecular diameter (used by hard-sphere and VHS/VSS kernels,
/// the (σ^α + σ^β)²/4 cross-section factor of docs/math#collision-kernels, σ^α the diameters).
/// </summary>
public sealed record Species
{
    /// <summary>Creates a species, validating its parameters.</summary>
    /// <param name="name">Non-empty name, unique inside a <see cref="Mixture"/>.</param>
    /// <param name="mass">Particle mass m &gt; 0 (finite).</param>
    /// <param name="charge">Particle charge e (finite; 0 for neutral species).</param>
    /// <param name="diameter">Optional molecular diameter &gt; 0.</param>
    /// <exception cref="ArgumentException">The name is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">mass ≤ 0, non-finite charge, or diameter ≤ 0.</exception>
    public Species(string name, double mass, double charge = 0.0, double? diameter = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Guard.Positive(mass);
        Guard.Finite(charge);
        if (diameter is double d)
        {
            Guard.Positive(d, nameof(diameter));
        }

        Name = name;
        Mass = mass;
        Charge = charge;
        Diameter = diameter;
    }

    /// <summary>Species name.</summary>
    public string Name { get; }

    /// <summary>Particle mass m &gt; 0 (non-dimensional).</summary>
    public double Mass { get; }

    /// <summary>Particle charge e (non-dimensional; 0 for neutral species).</summary>
    public double Charge { get; }

    /// <summary>Molecular diameter, when given.</summary>
    public double? Diameter { get; }

    /// <summary>Thermal speed √(T/m) of this species at temperature <paramref name="temperature"/> (k_B = 1).</summary>
    /// <param name="temperature">Temperature T &gt; 0.</param>
    public double ThermalSpeed(double temperature)
    {
        Guard.Positive(temperature);
        return Math.Sqrt(temperature / Mass);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} (m = {Mass:G6}, e = {Charge:G6})";
}
