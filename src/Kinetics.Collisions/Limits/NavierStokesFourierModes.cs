using System.Numerics;

namespace Kinetics.Limits;

/// <summary>
/// The linear modes of the Navier–Stokes–Fourier equations about a uniform gas at rest for one wavenumber
/// (<see cref="NavierStokesFourier1D.LinearModes"/>): perturbations ∝ e^{ikx + λt}.
/// </summary>
/// <param name="ShearRate">The decay rate μk²/ρ of a transverse-velocity (shear) wave.</param>
/// <param name="LongitudinalRoots">The three roots λ of the longitudinal dispersion relation (density, velocity and
/// temperature coupled), sorted by decreasing imaginary part: the sound pair λ = −Γ ± iω and the real thermal
/// (entropy) root, when the dissipation is small enough for the sound waves to propagate.</param>
public sealed record NavierStokesFourierModes(double ShearRate, Complex[] LongitudinalRoots)
{
    /// <summary>Γ, the decay rate of the sound waves (−Re λ of the root with the largest imaginary part).</summary>
    public double SoundDampingRate => -LongitudinalRoots[0].Real;

    /// <summary>ω, the angular frequency of the sound waves (the largest imaginary part; 0 when they do not propagate).</summary>
    public double SoundFrequency => LongitudinalRoots[0].Imaginary;

    /// <summary>The decay rate of the thermal (entropy) mode: −λ of the real root nearest zero.</summary>
    public double ThermalDampingRate => -LongitudinalRoots.Where(r => r.Imaginary == 0.0).Select(r => r.Real).DefaultIfEmpty(double.NaN).Max();
}
