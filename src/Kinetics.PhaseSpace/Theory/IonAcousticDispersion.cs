using System.Numerics;

namespace Kinetics.PhaseSpace.Theory;

/// <summary>
/// The linear dispersion relation of electrostatic waves in 1-D kinetic ions (charge q, mass m, density n, Maxwellian
/// at temperature T) with Maxwell–Boltzmann electrons at inverse temperature β, in the units of
/// <see cref="Fields.PoissonBoltzmannSolver"/> (−φ'' = qn₊ − e^{βφ}, electron density qn at rest):
/// D(ω, k) = 1 + (q²n/T)(1 + ζZ(ζ))/(k² + βqn) = 0, ζ = ω/(k√(2T/m)) (docs/massless-electrons.md has the derivation).
/// For T → 0 (1 + ζZ → −1/(2ζ²)) it gives the ion-acoustic wave ω = kc_s/√(1 + k²λ²), c_s² = q/(mβ), λ² = 1/(βqn).
/// </summary>
/// <param name="Charge">q &gt; 0.</param>
/// <param name="Mass">m &gt; 0.</param>
/// <param name="Density">n &gt; 0.</param>
/// <param name="Temperature">T &gt; 0.</param>
/// <param name="ElectronBeta">β &gt; 0.</param>
public sealed record IonAcousticDispersion(double Charge, double Mass, double Density, double Temperature, double ElectronBeta)
{
    /// <summary>D(ω, k).</summary>
    /// <param name="omega">ω (time dependence e^{−iωt}: Im ω &lt; 0 is damped).</param>
    /// <param name="k">k &gt; 0.</param>
    public Complex Evaluate(Complex omega, double k)
    {
        Check(omega, k);
        var (zeta, _) = Zeta(omega, k);
        return 1.0 + (Coefficient(k) * (1.0 + (zeta * PlasmaDispersion.Z(zeta))));
    }

    /// <summary>∂D/∂ω.</summary>
    /// <param name="omega">ω.</param>
    /// <param name="k">k &gt; 0.</param>
    public Complex Derivative(Complex omega, double k)
    {
        Check(omega, k);
        var (zeta, scale) = Zeta(omega, k);
        Complex z = PlasmaDispersion.Z(zeta);
        return Coefficient(k) * (z - (2.0 * zeta * (1.0 + (zeta * z)))) / scale;
    }

    /// <summary>A root of D(·, k) by Newton's method from <paramref name="guess"/> (budget 100 steps).</summary>
    /// <param name="k">k &gt; 0.</param>
    /// <param name="guess">Starting ω, e.g. the cold-ion frequency kc_s/√(1 + k²λ²).</param>
    /// <returns>ω with |D(ω, k)| ≤ 1e−12.</returns>
    /// <exception cref="InvalidOperationException">No convergence.</exception>
    public Complex Root(double k, Complex guess)
    {
        Check(guess, k);
        return DispersionNewton.Root(omega => Evaluate(omega, k), omega => Derivative(omega, k), guess, $"the ion-acoustic D(ω, {k})");
    }

    /// <summary>The cold-ion frequency k c_s/√(1 + k²λ²), c_s² = q/(mβ), λ² = 1/(βqn): a starting guess for <see cref="Root"/>.</summary>
    /// <param name="k">k &gt; 0.</param>
    public double ColdFrequency(double k)
    {
        Check(Complex.Zero, k);
        double lambda2 = 1.0 / (ElectronBeta * Charge * Density);
        return k * Math.Sqrt(Charge / (Mass * ElectronBeta)) / Math.Sqrt(1.0 + (k * k * lambda2));
    }

    private double Coefficient(double k) => Charge * Charge * Density / Temperature / ((k * k) + (ElectronBeta * Charge * Density));

    private (Complex Zeta, double Scale) Zeta(Complex omega, double k)
    {
        double scale = k * Math.Sqrt(2.0 * Temperature / Mass);
        return (omega / scale, scale);
    }

    private void Check(Complex omega, double k)
    {
        Guard.Positive(Charge, nameof(Charge));
        Guard.Positive(Mass, nameof(Mass));
        Guard.Positive(Density, nameof(Density));
        Guard.Positive(Temperature, nameof(Temperature));
        Guard.Positive(ElectronBeta, nameof(ElectronBeta));
        Guard.Positive(k);
        if (!double.IsFinite(omega.Real) || !double.IsFinite(omega.Imaginary))
        {
            throw new ArgumentOutOfRangeException(nameof(omega), omega, "omega must be finite.");
        }
    }
}
