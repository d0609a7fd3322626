namespace Kinetics.Spectral;

/// <summary>One radix-r pass of a Stockham autosort FFT.</summary>
/// <param name="Radix">r ∈ {2, 3, 4, 5, 8}.</param>
/// <param name="Length">L, the length of the sub-transforms already done (product of the previous radices).</param>
/// <param name="Stride">S′ = N/(L·r), the number of interleaved sub-sequences left after this pass.</param>
/// <param name="TwiddleOffset">Start of this pass's twiddles in the expanded table, in doubles (L·(r − 1) entries, k-major).</param>
internal readonly record struct FftStage(int Radix, int Length, int Stride, int TwiddleOffset);

/// <summary>
/// The immutable 1-D part of a plan: the factorisation N = r₁·r₂·…·r_m and the twiddles of every Stockham pass for
/// both directions.
/// </summary>
/// <remarks>
/// <para>Pass q maps A_q[k, s] (stored at k·S + s, S = N/L) to
/// A_{q+1}[k + L·c, s′] = Σ_p ω_r^{p·c} · (ω_{L·r}^{p·k} · A_q[k, p·S′ + s′]) stored at (k + L·c)·S′ + s′,
/// with ω_n = e^{∓2πi/n} (− forward). A_0 is the input and A_m the transform in natural order (no bit reversal).</para>
/// <para>Radices: the power of two 2^a goes into as many radix-8 passes as possible with radix-4 passes for the rest
/// (never a radix-2 pass unless N has a single factor 2), then 3s and 5s; fewer passes mean fewer sweeps through the
/// scratch blocks (docs/fft.md).</para>
/// <para>Twiddle entry (k, p) is stored expanded as 16 doubles, (wr × 8) then (−wi, wi) × 4, so that every register
/// width loads its broadcast twiddle with one plain load (the scalar path reads the first two of each half).</para>
/// </remarks>
internal sealed class MixedRadixPlan
{
    /// <summary>Doubles per expanded twiddle entry.</summary>
    public const int TwiddleStride = 16;

    private readonly FftStage[] _stages;
    private readonly double[] _forwardTwiddles;
    private readonly double[] _inverseTwiddles;
    private readonly double[] _rowForwardTwiddles;
    private readonly double[] _rowInverseTwiddles;

    /// <param name="length">N = 2^a·3^b·5^c.</param>
    /// <param name="radix16">Whether 2^a with a ≡ 1 (mod 3), a ≥ 7 uses one radix-16 pass instead of two radix-4 passes
    /// (the default; false only to measure the difference).</param>
    /// <param name="alongRows">Whether a plan of two passes whose radix r₁ and stride S′ = N/r₁ are multiples of 4 also
    /// tabulates the per-lane twiddles of <see cref="StockhamStages.TransformRows"/> (<see cref="AlongRows"/>; the
    /// default where that pass was measured faster, see <see cref="AlongRowsByDefault"/>).</param>
    public MixedRadixPlan(int length, bool radix16 = true, bool? alongRows = null)
    {
        Length = length;
        var radices = Factorize(length, radix16);
        _stages = new FftStage[radices.Count];
        int l = 1, offset = 0;
        for (int q = 0; q < radices.Count; q++)
        {
            int r = radices[q];
            _stages[q] = new FftStage(r, l, length / (l * r), offset);
            offset += TwiddleStride * l * (r - 1);
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
                    // p·k < n, so the angle is in [0, 2π) without reduction.
                    double angle = 2.0 * Math.PI * (p * k) / n;
                    double c = Math.Cos(angle), s = Math.Sin(angle);
                    int at = stage.TwiddleOffset + (TwiddleStride * ((k * (stage.Radix - 1)) + (p - 1)));
                    Expand(_forwardTwiddles.AsSpan(at, TwiddleStride), c, -s);
                    Expand(_inverseTwiddles.AsSpan(at, TwiddleStride), c, s);
                }
            }
        }

        AlongRows = (alongRows ?? AlongRowsByDefault(length)) && _stages.Length == 2 && _stages[0].Radix % 4 == 0 && _stages[0].Stride % 4 == 0;
        _rowForwardTwiddles = AlongRows ? RowTable(length, _stages[0].Radix, _stages[1].Radix, -1.0) : [];
        _rowInverseTwiddles = AlongRows ? RowTable(length, _stages[0].Radix, _stages[1].Radix, 1.0) : [];
    }

    /// <summary>Whether the z pass runs along the rows (<see cref="StockhamStages.TransformRows"/>; Vector512 plans only).</summary>
    public bool AlongRows { get; }

    /// <summary>The per-lane twiddles of the second pass of <see cref="StockhamStages.TransformRows"/> (empty unless
    /// <see cref="AlongRows"/>): for each group g of four k = 4g … 4g + 3 and p = 1 … r₂ − 1, one entry of 16 doubles,
    /// (wr_k, wr_k) for the four k, then (−wi_k, wi_k), with wr + i·wi = ω_N^{p·k}.</summary>
    public ReadOnlySpan<double> RowTwiddles(bool inverse) => inverse ? _rowInverseTwiddles : _rowForwardTwiddles;

    /// <summary>The sizes whose z pass runs along the rows by default (docs/fft.md, "Along-row z pass").</summary>
    public static bool AlongRowsByDefault(int length) => length is 64 or 128;

    private static double[] RowTable(int n, int r1, int r2, double sign)
    {
        var table = new double[(r1 / 4) * (r2 - 1) * TwiddleStride];
        for (int g = 0; g < r1 / 4; g++)
        {
            for (int p = 1; p < r2; p++)
            {
                for (int lane = 0; lane < 4; lane++)
                {
                    int k = (4 * g) + lane;
                    double angle = 2.0 * Math.PI * (p * k) / n; // p·k < N
                    double wr = Math.Cos(angle), wi = sign * Math.Sin(angle);
                    int at = TwiddleStride * ((g * (r2 - 1)) + (p - 1));
                    table[at + (2 * lane)] = wr;
                    table[at + (2 * lane) + 1] = wr;
                    table[at + 8 + (2 * lane)] = -wi;
                    table[at + 8 + (2 * lane) + 1] = wi;
                }
            }
        }

        return table;
    }

    /// <summary>N.</summary>
    public int Length { get; }

    /// <summary>The passes in execution order.</summary>
    public ReadOnlySpan<FftStage> Stages => _stages;

    /// <summary>Expanded twiddle table for one direction (forward e^{−…}, inverse e^{+…}).</summary>
    public ReadOnlySpan<double> Twiddles(bool inverse) => inverse ? _inverseTwiddles : _forwardTwiddles;

    private static List<int> Factorize(int length, bool radix16)
    {
        var radices = new List<int>();
        int rest = length, twos = 0;
        while (rest % 2 == 0)
        {
            twos++;
            rest /= 2;
        }

        // 2^a = 8^e·4^f (·2 only when a = 1): a ≡ 0 (mod 3) → 8s; a ≡ 2 → 8s and one 4; a ≡ 1 → 8s and two 4s.
        int eights = twos % 3 == 1 ? Math.Max(0, (twos / 3) - 1) : twos / 3;
        int left = twos - (3 * eights);
        if (twos >= 7 && left == 4 && radix16)
        {
            // 2^a with a ≡ 1 (mod 3), a ≥ 7 (128, 1024): one radix-16 pass instead of two radix-4 passes (docs/fft.md).
            radices.Add(16);
            left = 0;
        }

        radices.AddRange(Enumerable.Repeat(8, eights));
        radices.AddRange(Enumerable.Repeat(4, left / 2));
        if (left % 2 == 1)
        {
            radices.Add(2);
        }

        foreach (int p in (ReadOnlySpan<int>)[3, 5])
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

        return radices;
    }

    /// <summary>Writes the expanded twiddle entry of wr + i·wi.</summary>
    public static void Expand(Span<double> entry, double wr, double wi)
    {
        for (int i = 0; i < 8; i++)
        {
            entry[i] = wr;
            entry[8 + i] = (i & 1) == 0 ? -wi : wi;
        }
    }
}
