namespace Kinetics.Spectral;

/// <summary>One radix-r pass of a Stockham autosort FFT.</summary>
/// <param name="Radix">r ∈ {2, 3, 4, 5}.</param>
/// <param name="Length">L, the length of the sub-transforms already done (product of the previous radices).</param>
/// <param name="Stride">S′ = N/(L·r), the number of interleaved sub-sequences left after this pass.</param>
/// <param name="TwiddleOffset">Start of this pass's twiddles (L·(r − 1) pairs, k-major) in the twiddle table, in doubles.</param>
internal readonly record struct FftStage(int Radix, int Length, int Stride, int TwiddleOffset);

/// <summary>
/// The immutable 1-D part of a plan: the factorisation N = r₁·r₂·…·r_m (radix 4 first, then 2, 3, 5) and the
/// twiddles of every Stockham pass for both directions.
/// </summary>
/// <remarks>
/// Pass q maps A_q[k, s] (stored at k·S + s, S = N/L) to
/// A_{q+1}[k + L·c, s′] = Σ_p ω_r^{p·c} · (ω_{L·r}^{p·k} · A_q[k, p·S′ + s′]) stored at (k + L·c)·S′ + s′,
/// with ω_n = e^{∓2πi/n} (− forward). A_0 is the input and A_m the transform in natural order (no bit reversal).
/// </remarks>
internal sealed class MixedRadixPlan
{
    private readonly FftStage[] _stages;
    private readonly double[] _forwardTwiddles;
    private readonly double[] _inverseTwiddles;

    public MixedRadixPlan(int length)
    {
        Length = length;
        var radices = new List<int>();
        int rest = length;
        while (rest % 4 == 0)
        {
            radices.Add(4);
            rest /= 4;
        }

        foreach (int p in (ReadOnlySpan<int>)[2, 3, 5])
        {
            while (rest % p == 0)
            {
                radices.Add(p);
                rest /= p;
            }
        }

        if (rest != 1)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, $"length must have no prime factor other than 2, 3 and 5 (was {length}).");
        }

        _stages = new FftStage[radices.Count];
        int l = 1, offset = 0;
        for (int q = 0; q < radices.Count; q++)
        {
            int r = radices[q];
            _stages[q] = new FftStage(r, l, length / (l * r), offset);
            offset += 2 * l * (r - 1);
            l *= r;
        }

        _forwardTwiddles = new double[offset];
        _inverseTwiddles = new double[offset];
        foreach (FftStage stage in _stages)
        {
            int n = stage.Length * stage.Radix;
            for (int k = 0; k < stage.Length; k++)
            {
                for (int p = 1; p < stage.Radix; p++)
                {
                    // Exact angle reduction: p·k < n, so the argument of sin/cos is in [0, 2π).
                    double angle = 2.0 * Math.PI * (p * k) / n;
                    int at = stage.TwiddleOffset + (2 * ((k * (stage.Radix - 1)) + (p - 1)));
                    double c = Math.Cos(angle), s = Math.Sin(angle);
                    _forwardTwiddles[at] = c;
                    _forwardTwiddles[at + 1] = -s;
                    _inverseTwiddles[at] = c;
                    _inverseTwiddles[at + 1] = s;
                }
            }
        }
    }

    /// <summary>N.</summary>
    public int Length { get; }

    /// <summary>The passes in execution order.</summary>
    public ReadOnlySpan<FftStage> Stages => _stages;

    /// <summary>Twiddle table for one direction (forward e^{−…}, inverse e^{+…}).</summary>
    public ReadOnlySpan<double> Twiddles(bool inverse) => inverse ? _inverseTwiddles : _forwardTwiddles;
}
