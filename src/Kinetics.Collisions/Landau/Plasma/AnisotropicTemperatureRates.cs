namespace Kinetics.Landau.Plasma;

/// <summary>The rates dT∥/dt and dT⊥/dt of one species' two temperatures (see <see cref="AnisotropicMaxwellian"/>).</summary>
/// <param name="Parallel">dT∥/dt.</param>
/// <param name="Perpendicular">dT⊥/dt.</param>
public readonly record struct AnisotropicTemperatureRates(double Parallel, double Perpendicular)
{
    /// <summary>The rate of the scalar temperature, (dT∥/dt + 2 dT⊥/dt)/3.</summary>
    public double Scalar => (Parallel + (2.0 * Perpendicular)) / 3.0;
}
