using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Kinetics.Spectral;

/// <summary>
/// A one-dimensional complex FFT of length N = 2^a·3^b·5^c on the library's mixed-radix Stockham passes, scalar lanes
/// only: the result does not depend on the instruction set, so every process of a distributed run that transforms the
/// same data gets the same bits. Unnormalised in both directions (the caller scales the inverse by 1/N).
/// </summary>
/// <remarks>
/// Convention: forward X_k = Σ_t x_t e^{−2πi kt/N}, inverse x_t = Σ_k X_k e^{+2πi kt/N}. The plan is immutable and
/// thread-safe; the scratch of 2N complex numbers is the caller's.
/// </remarks>
internal sealed class LineFftPlan
{
    private readonly MixedRadixPlan _plan;

    /// <summary>Plans a transform of length <paramref name="length"/>.</summary>
    /// <param name="length">N ≥ 2 with no prime factor other than 2, 3 and 5.</param>
    /// <exception cref="ArgumentOutOfRangeException">Unsupported length.</exception>
    public LineFftPlan(int length)
    {
        if (length < 2 || !Fft3DPlan.IsSupportedSize(length))
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "length must be at least 2 and of the form 2^a·3^b·5^c.");
        }

        _plan = new MixedRadixPlan(length);
        Length = length;
    }

    /// <summary>N.</summary>
    public int Length { get; }

    /// <summary>Transforms <paramref name="data"/> (N values) in place.</summary>
    /// <param name="data">N complex values.</param>
    /// <param name="inverse">True for the inverse (e^{+}) direction.</param>
    /// <param name="scratch">At least 2N complex values.</param>
    public void Transform(Span<Complex> data, bool inverse, Span<Complex> scratch)
    {
        if (data.Length != Length || scratch.Length < 2 * Length)
        {
            throw new ArgumentException("data must hold N values and scratch 2N.", nameof(data));
        }

        Span<double> d = MemoryMarshal.Cast<Complex, double>(data);
        Span<double> s = MemoryMarshal.Cast<Complex, double>(scratch);
        StockhamStages.TransformLines<ScalarLanes, ScalarComplex>(
            _plan, inverse, ref d[0], 1, ref d[0], 1, 1, ref s[0], ref s[2 * Length], ref Unsafe.NullRef<double>());
    }
}
