using System.Numerics;

namespace Kinetics.PhaseSpace.Theory;

/// <summary>
/// Linear electrostatic dispersion relation of electrons made of drifting Maxwellian beams against a fixed neutralising
/// background (units: ω_p = 1 for the total density, m = 1, q = −1):
/// D(ω, k) = 1 + Σ_b (n_b/(k² T_b)) [1 + ζ_b Z(ζ_b)] = 0, ζ_b = (ω − k u_b)/(√2 k √T_b), with Σ n_b = 1.
/// One beam (n = 1, u = 0, T = 1) is Landau damping (ζ = ω/(√2k)); two opposite beams give the two-stream instability.
/// </summary>
/// <param name="Densities">n_b (positive, summing to 1).</param>
/// <param name="Drifts">u_b.</param>
/// <param name="Temperatures">T_b (positive).</param>
public sealed record BeamDispersion(double[] Densities, double[] Drifts, double[] Temperatures)
{
    /// <summary>The single unit Maxwellian (Landau damping).</summary>
    public static BeamDispersion Maxwellian { get; } = new([1.0], [0.0], [1.0]);

    /// <summary>Two equal counter-streaming beams at ±<paramref name="drift"/> with temperature <paramref name="temperature"/>.</summary>
    /// <param name="drift">u₀ &gt; 0.</param>
    /// <param name="temperature">T &gt; 0.</param>
    public static BeamDispersion TwoStream(double drift, double temperature)
    {
        Guard.Finite(drift);
        Guard.Positive(temperature);
        return new([0.5, 0.5], [drift, -drift], [temperature, temperature]);
    }

    /// <summary>D(ω, k).</summary>
    /// <param name="omega">Complex frequency ω (time dependence e^{−iωt}: Im ω &gt; 0 grows).</param>
    /// <param name="k">Wavenumber k &gt; 0.</param>
    public Complex Evaluate(Complex omega, double k)
    {
        Check(omega, k, nameof(omega));
        Complex d = Complex.One;
        for (int b = 0; b < Densities.Length; b++)
        {
            double scale = Math.Sqrt(2.0 * Temperatures[b]) * k;
            Complex zeta = (omega - (k * Drifts[b])) / scale;
            d += Densities[b] / (k * k * Temperatures[b]) * (1.0 + (zeta * PlasmaDispersion.Z(zeta)));
        }

        return d;
    }

    /// <summary>∂D/∂ω.</summary>
    /// <param name="omega">ω.</param>
    /// <param name="k">k &gt; 0.</param>
    public Complex Derivative(Complex omega, double k)
    {
        Check(omega, k, nameof(omega));
        Complex d = Complex.Zero;
        for (int b = 0; b < Densities.Length; b++)
        {
            double scale = Math.Sqrt(2.0 * Temperatures[b]) * k;
            Complex zeta = (omega - (k * Drifts[b])) / scale;
            Complex z = PlasmaDispersion.Z(zeta);

            // d/dζ [1 + ζZ] = Z + ζZ′ = Z − 2ζ(1 + ζZ).
            d += Densities[b] / (k * k * Temperatures[b]) * (z - (2.0 * zeta * (1.0 + (zeta * z)))) / scale;
        }

        return d;
    }

    /// <summary>A root of D(·, k) by Newton's method from <paramref name="guess"/>.</summary>
    /// <param name="k">k &gt; 0.</param>
    /// <param name="guess">Starting ω (e.g. the Bohm–Gross frequency √(1 + 3k²) for Landau damping).</param>
    /// <returns>ω with |D(ω, k)| ≤ 1e−12.</returns>
    /// <exception cref="InvalidOperationException">No convergence within 100 iterations.</exception>
    public Complex Root(double k, Complex guess)
    {
        Check(guess, k, nameof(guess));
        return DispersionNewton.Root(omega => Evaluate(omega, k), omega => Derivative(omega, k), guess, $"D(ω, {k})");
    }

    // The beams (equal lengths, n_b > 0, u_b finite, T_b > 0), k > 0 and a finite ω.
    private void Check(Complex omega, double k, string omegaName)
    {
        ArgumentNullException.ThrowIfNull(Densities, nameof(Densities));
        ArgumentNullException.ThrowIfNull(Drifts, nameof(Drifts));
        ArgumentNullException.ThrowIfNull(Temperatures, nameof(Temperatures));
        Guard.InRange(Densities.Length, 1, 1024, nameof(Densities));
        Guard.Length(Drifts.Length, Densities.Length, nameof(Drifts));
        Guard.Length(Temperatures.Length, Densities.Length, nameof(Temperatures));
        for (int b = 0; b < Densities.Length; b++)
        {
            Guard.Positive(Densities[b], nameof(Densities));
            Guard.Finite(Drifts[b], nameof(Drifts));
            Guard.Positive(Temperatures[b], nameof(Temperatures));
        }

        Guard.Positive(k);
        if (!double.IsFinite(omega.Real) || !double.IsFinite(omega.Imaginary))
        {
            throw new ArgumentOutOfRangeException(omegaName, omega, $"{omegaName} must be finite.");
        }
    }
}
