using System.Numerics;
using Kinetics.Spectral;

namespace Kinetics.Tests.Spectral;

/// <summary>Slow reference transforms and error measures for the FFT tests (never the code under test).</summary>
internal static class FftReference
{
    /// <summary>Naive separable 3-D DFT: a direct O(N) sum per output along each axis, O(N⁴) in all, unscaled.</summary>
    public static Complex[] NaiveDft(ReadOnlySpan<Complex> x, int n, bool inverse)
    {
        var a = x.ToArray();
        var line = new Complex[n];
        double sign = inverse ? 1.0 : -1.0;
        for (int axis = 0; axis < 3; axis++)
        {
            int stride = axis switch { 0 => n * n, 1 => n, _ => 1 };
            for (int p = 0; p < n; p++)
            {
                for (int q = 0; q < n; q++)
                {
                    int start = axis switch { 0 => (p * n) + q, 1 => (p * n * n) + q, _ => ((p * n) + q) * n };
                    for (int k = 0; k < n; k++)
                    {
                        Complex sum = Complex.Zero;
                        for (int t = 0; t < n; t++)
                        {
                            // Exact reduction of k·t mod N keeps the reference angle accurate.
                            double angle = sign * 2.0 * Math.PI * ((k * t) % n) / n;
                            sum += a[start + (t * stride)] * new Complex(Math.Cos(angle), Math.Sin(angle));
                        }

                        line[k] = sum;
                    }

                    for (int k = 0; k < n; k++)
                    {
                        a[start + (k * stride)] = line[k];
                    }
                }
            }
        }

        return a;
    }

    /// <summary>3-D transform by MathNet's 1-D FFT applied line by line (Matlab convention: e^{−2πi jk/N} forward, unscaled).</summary>
    public static Complex[] MathNetLineByLine(ReadOnlySpan<Complex> x, int n)
    {
        var a = x.ToArray();
        var line = new Complex[n];
        for (int axis = 0; axis < 3; axis++)
        {
            int stride = axis switch { 0 => n * n, 1 => n, _ => 1 };
            for (int p = 0; p < n; p++)
            {
                for (int q = 0; q < n; q++)
                {
                    int start = axis switch { 0 => (p * n) + q, 1 => (p * n * n) + q, _ => ((p * n) + q) * n };
                    for (int t = 0; t < n; t++)
                    {
                        line[t] = a[start + (t * stride)];
                    }

                    MathNet.Numerics.IntegralTransforms.Fourier.Forward(line, MathNet.Numerics.IntegralTransforms.FourierOptions.Matlab);
                    for (int t = 0; t < n; t++)
                    {
                        a[start + (t * stride)] = line[t];
                    }
                }
            }
        }

        return a;
    }

    /// <summary>‖a − b‖₂ / ‖b‖₂ (b ≠ 0).</summary>
    public static double RelativeError(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b)
    {
        double num = 0, den = 0;
        for (int i = 0; i < a.Length; i++)
        {
            num += (a[i] - b[i]).Magnitude * (a[i] - b[i]).Magnitude;
            den += b[i].Magnitude * b[i].Magnitude;
        }

        return Math.Sqrt(num / den);
    }

    /// <summary>‖a − b‖₂ / ‖b‖₂ for real vectors.</summary>
    public static double RelativeError(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double num = 0, den = 0;
        for (int i = 0; i < a.Length; i++)
        {
            num += (a[i] - b[i]) * (a[i] - b[i]);
            den += b[i] * b[i];
        }

        return Math.Sqrt(num / den);
    }

    public static Complex[] RandomComplex(int count, int seed)
    {
        var rng = new Random(seed);
        var a = new Complex[count];
        for (int i = 0; i < count; i++)
        {
            a[i] = new Complex((2 * rng.NextDouble()) - 1, (2 * rng.NextDouble()) - 1);
        }

        return a;
    }

    public static double[] RandomReal(int count, int seed)
    {
        var rng = new Random(seed);
        var a = new double[count];
        for (int i = 0; i < count; i++)
        {
            a[i] = (2 * rng.NextDouble()) - 1;
        }

        return a;
    }

    /// <summary>The instruction sets this process can run in hardware (Scalar always).</summary>
    public static IEnumerable<FftInstructionSet> AcceleratedSets() =>
        Enum.GetValues<FftInstructionSet>().Where(FftInstructionSets.IsAccelerated);
}
