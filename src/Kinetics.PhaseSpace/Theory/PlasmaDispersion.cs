using System.Numerics;

namespace Kinetics.PhaseSpace.Theory;

/// <summary>
/// The plasma dispersion function Z(ζ) = i√π w(ζ), with w(z) = e^{−z²} erfc(−iz) the Faddeeva function, on the whole
/// complex plane (Landau's continuation): the reference for linear Vlasov–Poisson theory.
/// </summary>
/// <remarks>
/// w is computed by Weideman's rational expansion (J. A. C. Weideman, "Computation of the complex error function",
/// SIAM J. Numer. Anal. 31 (1994) 1497–1518) with 32 terms in the upper half plane, about 1e−13 accurate there, and
/// by the reflection w(z) = 2e^{−z²} − w(−z) below the real axis. Thread-safe.
/// </remarks>
public static class PlasmaDispersion
{
    private const int Terms = 32;
    private static readonly double WeidemanL = Math.Sqrt(Terms / Math.Sqrt(2.0));
    private static readonly double[] WeidemanCoefficients = Coefficients();

    /// <summary>Z(ζ) = i√π w(ζ).</summary>
    /// <param name="zeta">ζ, any finite complex number.</param>
    public static Complex Z(Complex zeta) => Complex.ImaginaryOne * Math.Sqrt(Math.PI) * Faddeeva(zeta);

    /// <summary>Z′(ζ) = −2(1 + ζZ(ζ)).</summary>
    /// <param name="zeta">ζ, any finite complex number.</param>
    public static Complex ZDerivative(Complex zeta) => -2.0 * (1.0 + (zeta * Z(zeta)));

    /// <summary>The Faddeeva function w(z) = e^{−z²} erfc(−iz).</summary>
    /// <param name="z">z, any finite complex number.</param>
    public static Complex Faddeeva(Complex z)
    {
        if (!double.IsFinite(z.Real) || !double.IsFinite(z.Imaginary))
        {
            throw new ArgumentOutOfRangeException(nameof(z), z, "z must be finite.");
        }

        return z.Imaginary >= 0.0 ? UpperHalfPlane(z) : (2.0 * Complex.Exp(-z * z)) - UpperHalfPlane(-z);
    }

    private static Complex UpperHalfPlane(Complex z)
    {
        double l = WeidemanL;
        Complex lMinusIz = l - (Complex.ImaginaryOne * z);
        Complex zz = (l + (Complex.ImaginaryOne * z)) / lMinusIz;
        Complex p = Complex.Zero;
        foreach (double a in WeidemanCoefficients)
        {
            p = (p * zz) + a;
        }

        return (2.0 * p / (lMinusIz * lMinusIz)) + (1.0 / Math.Sqrt(Math.PI) / lMinusIz);
    }

    // Weideman's coefficients a_N … a_1 (highest power first): with M = 2N and θ_k = kπ/M, k = −M + 1 … M − 1,
    // f_k = e^{−t²}(L² + t²) at t = L tan(θ_k/2) (f = 0 at θ = −π), a_n = (1/2M) Σ_k f_k cos(πnk/M) — the real part of the
    // 2M-point DFT of the fftshift-ed samples, f being even in k.
    private static double[] Coefficients()
    {
        int m = 2 * Terms;
        double l = Math.Sqrt(Terms / Math.Sqrt(2.0));
        var a = new double[Terms];
        for (int n = 1; n <= Terms; n++)
        {
            double s = 0.0;
            for (int k = -m + 1; k < m; k++)
            {
                double t = l * Math.Tan(0.5 * k * Math.PI / m);
                s += Math.Exp(-t * t) * ((l * l) + (t * t)) * Math.Cos(Math.PI * n * k / m);
            }

            a[Terms - n] = s / (2 * m);
        }

        return a;
    }
}
