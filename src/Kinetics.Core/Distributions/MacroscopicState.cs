namespace Kinetics.Distributions;

/// <summary>
/// The macroscopic state (n, u, T) of one species: number density, bulk velocity and temperature, non-dimensional
/// with k_B = 1. The moments convention is n = ∫F, n u = ∫ v F, (3/2) n T = ∫ (m/2)|v − u|² F (docs/math#conventions).
/// </summary>
public readonly record struct MacroscopicState
{
    /// <summary>Creates a state, validating n ≥ 0, finite u and T &gt; 0.</summary>
    /// <param name="density">Number density n ≥ 0.</param>
    /// <param name="bulkVelocity">Bulk velocity u (finite).</param>
    /// <param name="temperature">Temperature T &gt; 0.</param>
    public MacroscopicState(double density, Velocity3 bulkVelocity, double temperature)
    {
        Guard.NonNegative(density);
        if (!bulkVelocity.IsFinite)
        {
            throw new ArgumentOutOfRangeException(nameof(bulkVelocity), bulkVelocity, $"bulkVelocity must be finite (was {bulkVelocity}).");
        }

        Guard.Positive(temperature);
        Density = density;
        BulkVelocity = bulkVelocity;
        Temperature = temperature;
    }

    /// <summary>Creates a state at rest.</summary>
    /// <param name="density">Number density n ≥ 0.</param>
    /// <param name="temperature">Temperature T &gt; 0.</param>
    public MacroscopicState(double density, double temperature)
        : this(density, Velocity3.Zero, temperature)
    {
    }

    /// <summary>The unit state n = 1, u = 0, T = 1 (the global Maxwellian μ^α).</summary>
    public static MacroscopicState Unit => new(1.0, Velocity3.Zero, 1.0);

    /// <summary>Number density n.</summary>
    public double Density { get; }

    /// <summary>Bulk velocity u.</summary>
    public Velocity3 BulkVelocity { get; }

    /// <summary>Temperature T (k_B = 1).</summary>
    public double Temperature { get; }

    /// <summary>Inverse temperature 1/T.</summary>
    public double InverseTemperature => 1.0 / Temperature;

    /// <summary>Thermal speed √(T/m) for particles of mass <paramref name="mass"/>.</summary>
    /// <param name="mass">Mass m &gt; 0.</param>
    public double ThermalSpeed(double mass)
    {
        Guard.Positive(mass);
        return Math.Sqrt(Temperature / mass);
    }
}
