using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Kinetics.Spectral;

/// <summary>
/// A precomputed plan for complex and real 3-D discrete Fourier transforms of size N × N × N.
/// </summary>
/// <remarks>
/// <para>Convention: forward X[k] = Σ_j x[j] e^{−2πi j·k/N}, inverse x[j] = s Σ_k X[k] e^{+2πi j·k/N}, with the
/// scaling s set by <see cref="Normalization"/> (default <see cref="FftNormalization.Backward"/>: s = 1/N³, so
/// Inverse(Forward(x)) = x). Data are flattened row-major, index (i·N + j)·N + k, frequency indices in standard
/// (non-centred) order 0, 1, …, N/2 − 1, −N/2, …, −1 (for odd N: 0, …, (N−1)/2, −(N−1)/2, …, −1).</para>
/// <para>Real transforms use the Hermitian half-spectrum along the last (fastest) axis: N × N × (N/2 + 1) complex
/// values, index (i·N + j)·(N/2 + 1) + k. The inverse real transform assumes its input is such a half-spectrum (the
/// transform of real data, Hermitian on the k = 0 and k = N/2 planes); for other inputs its result is unspecified
/// (as with FFTW's c2r).</para>
/// <para>Engine: mixed-radix (8, 4, 2, 3, 5) Stockham passes with precomputed twiddles, vectorised across lines
/// (Vector512, Vector256, Vector128 or scalar, the widest the process accelerates); the contiguous axis is transposed
/// block-wise into scratch (complex transforms at N = 64 and 128 on Vector512: vectorised along the rows instead). Real
/// transforms of even N pack N reals as N/2 complex numbers. Cost O(N³ log N). See docs/fft.md.</para>
/// <para>Plans are immutable and thread-safe. Execution allocates nothing: scratch comes from an explicit
/// <see cref="Fft3DWorkspace"/> or, in the overloads without one, is rented from <see cref="ArrayPool{T}.Shared"/>.</para>
/// </remarks>
public sealed class Fft3DPlan
{
    private readonly MixedRadixPlan _line;
    private readonly MixedRadixPlan? _half;       // N/2-point plan of the packed real transform (even N)
    private readonly double[] _realTwiddles;        // A_k = (1 − iω_N^k)/2, ω_N = e^{−2πi/N}, k = 0 … N/2, expanded (MixedRadixPlan)
    private readonly double[] _realInverseTwiddles; // C_k = 1 + iω_N^{−k}, expanded
    private readonly FftBlocking _block;          // lines per block of each axis pass
    private readonly FftPassRunner _runner;       // the passes on this plan's register width (the one width dispatch)

    private Fft3DPlan(int size, FftNormalization normalization, FftInstructionSet instructionSet, FftBlocking? blocking = null, bool radix16 = true, bool? alongRows = null)
    {
        Size = size;
        Normalization = normalization;
        InstructionSet = instructionSet;
        _line = new MixedRadixPlan(size, radix16, alongRows);
        _half = size % 2 == 0 ? new MixedRadixPlan(size / 2, radix16, alongRows: false) : null;
        _realTwiddles = new double[MixedRadixPlan.TwiddleStride * ((size / 2) + 1)];
        _realInverseTwiddles = new double[_realTwiddles.Length];
        for (int k = 0; k <= size / 2; k++)
        {
            // ω^k = (c, −s): iω^k = (s, c), so A = ((1 − s)/2, −c/2); ω^{−k} = (c, s): iω^{−k} = (−s, c), so C = (1 − s, c).
            double angle = 2.0 * Math.PI * k / size, c = Math.Cos(angle), s = Math.Sin(angle);
            MixedRadixPlan.Expand(_realTwiddles.AsSpan(MixedRadixPlan.TwiddleStride * k, MixedRadixPlan.TwiddleStride), 0.5 * (1.0 - s), -0.5 * c);
            MixedRadixPlan.Expand(_realInverseTwiddles.AsSpan(MixedRadixPlan.TwiddleStride * k, MixedRadixPlan.TwiddleStride), 1.0 - s, c);
        }

        _block = blocking ?? FftBlocking.For(size);
        _runner = FftPassRunner.For(instructionSet, _line, _half, _realTwiddles, _realInverseTwiddles, _block);
    }

    /// <summary>N, the length of each axis.</summary>
    public int Size { get; }

    /// <summary>N³, the number of complex values of a full transform.</summary>
    public int Count => Size * Size * Size;

    /// <summary>N·N·(N/2 + 1), the number of complex values of a real transform's half-spectrum.</summary>
    public int HalfSpectrumCount => Size * Size * ((Size / 2) + 1);

    /// <summary>Where the 1/N³ factor goes.</summary>
    public FftNormalization Normalization { get; }

    internal FftInstructionSet InstructionSet { get; }

    /// <summary>Creates a plan for N × N × N transforms with N = 2^a·3^b·5^c in [2, 1024].</summary>
    /// <param name="size">N in [2, 1024], with no prime factor other than 2, 3 and 5.</param>
    /// <param name="normalization">Scaling convention (default: inverse scaled by 1/N³).</param>
    /// <exception cref="ArgumentOutOfRangeException">N outside [2, 1024], N with a prime factor &gt; 5, or an undefined normalization.</exception>
    public static Fft3DPlan Create(int size, FftNormalization normalization = FftNormalization.Backward) =>
        Create(size, normalization, FftInstructionSets.Best);

    /// <summary>Creates a plan that runs on <paramref name="instructionSet"/> (tests use this to compare the paths).</summary>
    internal static Fft3DPlan Create(int size, FftNormalization normalization, FftInstructionSet instructionSet)
    {
        Validate(size, normalization);
        return new Fft3DPlan(size, normalization, instructionSet);
    }

    /// <summary>A plan with explicit block widths, and without the radix-16 pass when <paramref name="radix16"/> is false
    /// (tests and measurements compare with this); <paramref name="alongRows"/> forces the along-row z pass on (where the
    /// plan's passes allow it) or off instead of <see cref="MixedRadixPlan.AlongRowsByDefault"/>.</summary>
    internal static Fft3DPlan Create(
        int size, FftNormalization normalization, FftInstructionSet instructionSet, FftBlocking blocking, bool radix16 = true, bool? alongRows = null)
    {
        Validate(size, normalization);
        if (blocking.Rows < 1 || blocking.Columns < 1 || blocking.Planes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(blocking), blocking, "block widths must be at least 1.");
        }

        return new Fft3DPlan(size, normalization, instructionSet, blocking, radix16, alongRows);
    }

    private static void Validate(int size, FftNormalization normalization)
    {
        if (size < 2 || size > 1024 || !IsSupportedSize(size))
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"size must be in [2, 1024] with no prime factor other than 2, 3 and 5 (was {size}).");
        }

        if (!Enum.IsDefined(normalization))
        {
            throw new ArgumentOutOfRangeException(nameof(normalization), normalization, $"normalization must be a defined {nameof(FftNormalization)} (was {normalization}).");
        }
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

    /// <summary>Allocates scratch memory for this plan's size (one per thread; reusable across plans of the same size).</summary>
    public Fft3DWorkspace CreateWorkspace() => new(Size, ScratchLength, HalfSpectrumCount, Fft3DPasses.ModulationTableLength(Size));

    /// <summary>In-place forward transform of N³ complex values (scratch rented from the shared pool).</summary>
    /// <param name="data">N³ values, overwritten by their transform.</param>
    internal void Forward(Span<Complex> data) => PooledComplex(data, inverse: false);

    /// <summary>In-place inverse transform of N³ complex values (scratch rented from the shared pool).</summary>
    /// <param name="data">N³ values, overwritten by their inverse transform.</param>
    internal void Inverse(Span<Complex> data) => PooledComplex(data, inverse: true);

    /// <summary>In-place forward transform of N³ complex values using <paramref name="workspace"/>.</summary>
    /// <param name="data">N³ values, overwritten by their transform.</param>
    /// <param name="workspace">Scratch created by <see cref="CreateWorkspace"/> for this size.</param>
    public void Forward(Span<Complex> data, Fft3DWorkspace workspace)
    {
        using var lease = Enter(workspace);
        Complex(data, false, workspace.Scratch);
    }

    /// <summary>In-place inverse transform of N³ complex values using <paramref name="workspace"/>.</summary>
    /// <param name="data">N³ values, overwritten by their inverse transform.</param>
    /// <param name="workspace">Scratch created by <see cref="CreateWorkspace"/> for this size.</param>
    public void Inverse(Span<Complex> data, Fft3DWorkspace workspace)
    {
        using var lease = Enter(workspace);
        Complex(data, true, workspace.Scratch);
    }

    /// <summary>Forward transforms of a batch of consecutive N³ blocks, in place.</summary>
    /// <param name="batch">A multiple of N³ values; each block of N³ is transformed independently.</param>
    /// <param name="workspace">Scratch created by <see cref="CreateWorkspace"/> for this size.</param>
    public void ForwardBatch(Span<Complex> batch, Fft3DWorkspace workspace) => Batch(batch, false, workspace);

    /// <summary>Inverse transforms of a batch of consecutive N³ blocks, in place.</summary>
    /// <param name="batch">A multiple of N³ values; each block of N³ is transformed independently.</param>
    /// <param name="workspace">Scratch created by <see cref="CreateWorkspace"/> for this size.</param>
    public void InverseBatch(Span<Complex> batch, Fft3DWorkspace workspace) => Batch(batch, true, workspace);

    /// <summary>
    /// The N·N·(N/2 + 1) half-spectrum of N³ real values, in a new array: the allocating convenience (scratch rented
    /// from the shared pool); repeated calls should use
    /// <see cref="ForwardReal(ReadOnlySpan{double}, Span{Complex}, Fft3DWorkspace)"/>.
    /// </summary>
    /// <param name="source">N³ real values (not modified).</param>
    public Complex[] ForwardReal(ReadOnlySpan<double> source)
    {
        Guard.Length(source.Length, Count, nameof(source));
        var destination = new Complex[HalfSpectrumCount];
        ForwardReal(source, destination);
        return destination;
    }

    /// <summary>Forward transform of N³ real values into the N·N·(N/2 + 1) half-spectrum (pooled scratch).</summary>
    /// <param name="input">N³ real values (not modified).</param>
    /// <param name="output">N·N·(N/2 + 1) complex values.</param>
    internal void ForwardReal(ReadOnlySpan<double> input, Span<Complex> output)
    {
        double[] scratch = ArrayPool<double>.Shared.Rent(ScratchLength);
        try
        {
            ForwardReal(input, output, scratch);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scratch);
        }
    }

    /// <summary>Forward transform of N³ real values into the N·N·(N/2 + 1) half-spectrum using <paramref name="workspace"/>.</summary>
    /// <param name="source">N³ real values (not modified).</param>
    /// <param name="destination">N·N·(N/2 + 1) complex values.</param>
    /// <param name="workspace">Scratch created by <see cref="CreateWorkspace"/> for this size.</param>
    public void ForwardReal(ReadOnlySpan<double> source, Span<Complex> destination, Fft3DWorkspace workspace)
    {
        using var lease = Enter(workspace);
        ForwardReal(source, destination, workspace.Scratch);
    }

    /// <summary>Inverse transform of an N·N·(N/2 + 1) Hermitian half-spectrum into N³ real values.</summary>
    /// <param name="input">N·N·(N/2 + 1) complex values (not modified; copied to pooled scratch).</param>
    /// <param name="output">N³ real values.</param>
    internal void InverseReal(ReadOnlySpan<Complex> input, Span<double> output)
    {
        Guard.Length(input.Length, HalfSpectrumCount, nameof(input));
        Complex[] copy = ArrayPool<Complex>.Shared.Rent(HalfSpectrumCount);
        try
        {
            input.CopyTo(copy);
            InverseRealOverwritingInput(copy.AsSpan(0, HalfSpectrumCount), output);
        }
        finally
        {
            ArrayPool<Complex>.Shared.Return(copy);
        }
    }

    /// <summary>Inverse transform of a Hermitian half-spectrum into N³ reals using <paramref name="workspace"/>.</summary>
    /// <param name="source">N·N·(N/2 + 1) complex values (not modified; copied into the workspace).</param>
    /// <param name="destination">N³ real values.</param>
    /// <param name="workspace">Scratch created by <see cref="CreateWorkspace"/> for this size.</param>
    public void InverseReal(ReadOnlySpan<Complex> source, Span<double> destination, Fft3DWorkspace workspace)
    {
        Guard.Length(source.Length, HalfSpectrumCount, nameof(source));
        using var lease = Enter(workspace);
        source.CopyTo(workspace.Spectrum);
        InverseRealOverwritingInput(workspace.Spectrum, destination, workspace);
    }

    /// <summary>
    /// Inverse real transform that uses <paramref name="spectrum"/> as its own scratch (faster: no copy): on return
    /// <paramref name="spectrum"/> holds intermediate values and must be treated as garbage.
    /// </summary>
    /// <param name="spectrum">N·N·(N/2 + 1) complex values, destroyed.</param>
    /// <param name="output">N³ real values.</param>
    internal void InverseRealOverwritingInput(Span<Complex> spectrum, Span<double> output)
    {
        double[] scratch = ArrayPool<double>.Shared.Rent(ScratchLength);
        try
        {
            InverseReal(spectrum, output, scratch);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scratch);
        }
    }

    /// <summary>
    /// Inverse real transform that uses <paramref name="spectrum"/> as its own scratch (faster: no copy): on return
    /// <paramref name="spectrum"/> holds intermediate values and must be treated as garbage.
    /// </summary>
    /// <param name="spectrum">N·N·(N/2 + 1) complex values, destroyed.</param>
    /// <param name="destination">N³ real values.</param>
    /// <param name="workspace">Scratch created by <see cref="CreateWorkspace"/> for this size.</param>
    public void InverseRealOverwritingInput(Span<Complex> spectrum, Span<double> destination, Fft3DWorkspace workspace)
    {
        using var lease = Enter(workspace);
        InverseReal(spectrum, destination, workspace.Scratch);
    }

    /// <summary>
    /// Inverse real transform of the half-spectrum multiplied by a separable factor, without modifying the spectrum:
    /// output = InverseReal(Y) with Y[i, j, k] = X[i, j, k]·x[i]·y[j]·z[k] (i, j &lt; N, k ≤ N/2, half-spectrum indexing and
    /// standard frequency order), in one sweep — the multiplication happens while the x pass moves each block of lines
    /// into its scratch, so it costs no extra pass over memory.
    /// </summary>
    /// <remarks>With the factors e^{iξ·a} per axis this evaluates the shifted function F(· + a) from the spectrum of F
    /// (see <see cref="SpectralShift"/> for the Nyquist rule), the inner operation of the fast spectral collision
    /// operators. As with <see cref="InverseReal(ReadOnlySpan{Complex}, Span{double}, Fft3DWorkspace)"/>, Y must be the
    /// half-spectrum of real data (Hermitian on the k = 0 and k = N/2 planes); otherwise the result is unspecified.</remarks>
    /// <param name="spectrum">N·N·(N/2 + 1) complex values X (not modified).</param>
    /// <param name="xFactors">N factors x[i] along the first (slowest) axis.</param>
    /// <param name="yFactors">N factors y[j] along the second axis.</param>
    /// <param name="zFactors">N/2 + 1 factors z[k] along the last (half-spectrum) axis.</param>
    /// <param name="destination">N³ real values.</param>
    /// <param name="workspace">Scratch created by <see cref="CreateWorkspace"/> for this size (its half-spectrum buffer holds the intermediate values).</param>
    public void InverseRealModulated(
        ReadOnlySpan<Complex> spectrum, ReadOnlySpan<Complex> xFactors, ReadOnlySpan<Complex> yFactors, ReadOnlySpan<Complex> zFactors,
        Span<double> destination, Fft3DWorkspace workspace) =>
        Modulated(spectrum, xFactors, yFactors, zFactors, destination, destination, workspace, multiplyAdd: false);

    /// <summary>
    /// accumulator += multiplier ⊙ InverseRealModulated(spectrum, x, y, z): the product of two shifted copies summed
    /// over directions, the inner loop of the fast spectral collision operators, with the product folded into the
    /// transform's last pass (no N³ temporary, no separate multiply-add pass).
    /// </summary>
    internal void InverseRealModulatedMultiplyAdd(
        ReadOnlySpan<Complex> spectrum, ReadOnlySpan<Complex> xFactors, ReadOnlySpan<Complex> yFactors, ReadOnlySpan<Complex> zFactors,
        ReadOnlySpan<double> multiplier, Span<double> accumulator, Fft3DWorkspace workspace)
    {
        Guard.Length(multiplier.Length, Count, nameof(multiplier));
        Modulated(spectrum, xFactors, yFactors, zFactors, multiplier, accumulator, workspace, multiplyAdd: true);
    }

    /// <summary>Doubles of an expanded x or y factor table (<see cref="ExpandAxisFactors"/>).</summary>
    internal int AxisTableLength => Fft3DPasses.AxisTableLength(Size);

    /// <summary>Doubles of an expanded z factor table (<see cref="ExpandLastAxisFactors"/>).</summary>
    internal int LastAxisTableLength => Fft3DPasses.LastAxisTableLength(Size);

    /// <summary>Expands N complex factors of the x or y axis into the table <see cref="InverseRealFirstPass"/> and
    /// <see cref="InverseRealColumns"/> read (<see cref="AxisTableLength"/> doubles).</summary>
    internal void ExpandAxisFactors(ReadOnlySpan<Complex> factors, Span<double> table)
    {
        Guard.Length(factors.Length, Size, nameof(factors));
        Fft3DPasses.ExpandAxis(MemoryMarshal.Cast<Complex, double>(factors), Size, table[..AxisTableLength]);
    }

    /// <summary>Expands N/2 + 1 complex factors of the z axis (<see cref="LastAxisTableLength"/> doubles).</summary>
    internal void ExpandLastAxisFactors(ReadOnlySpan<Complex> factors, Span<double> table)
    {
        Guard.Length(factors.Length, (Size / 2) + 1, nameof(factors));
        Fft3DPasses.ExpandLastAxis(MemoryMarshal.Cast<Complex, double>(factors), Size, table[..LastAxisTableLength]);
    }

    /// <summary>
    /// The first (x-axis) pass of <see cref="InverseRealModulated"/> on its own: <paramref name="partial"/> receives the
    /// half-spectrum transformed along x after multiplication by x[i] (expanded table <paramref name="xTable"/>).
    /// <see cref="InverseRealColumns"/> and <see cref="InverseRealRows"/> finish it plane by plane, so copies that share
    /// their x factors (shifts with the same x component) share this pass.
    /// </summary>
    internal void InverseRealFirstPass(ReadOnlySpan<Complex> spectrum, ReadOnlySpan<double> xTable, Span<Complex> partial, Fft3DWorkspace workspace)
    {
        CheckWorkspace(workspace);
        Guard.Length(spectrum.Length, HalfSpectrumCount, nameof(spectrum));
        Guard.Length(partial.Length, HalfSpectrumCount, nameof(partial));
        if (xTable.Length < AxisTableLength)
        {
            throw new ArgumentException($"the x factor table needs {AxisTableLength} doubles (was {xTable.Length}).", nameof(xTable));
        }

        ReadOnlySpan<double> s = MemoryMarshal.Cast<Complex, double>(spectrum);
        Span<double> p = MemoryMarshal.Cast<Complex, double>(partial);
        _runner.InverseRealFirstPass(s, xTable, p, workspace.Scratch);
    }

    /// <summary>N·(N/2 + 1): complex values of one x-plane of a half-spectrum.</summary>
    internal int PlaneCount => Size * ((Size / 2) + 1);

    /// <summary>
    /// The y pass of x-plane <paramref name="plane"/> of a modulated inverse started by <see cref="InverseRealFirstPass"/>:
    /// the plane's lines times the y factors (<paramref name="yTable"/>), transformed into <paramref name="yPlane"/>
    /// (<see cref="PlaneCount"/> values). <paramref name="partial"/> is not modified; copies that share their x and y factors
    /// share this step too, and <see cref="InverseRealRows"/> finishes each of them.
    /// </summary>
    internal void InverseRealColumns(ReadOnlySpan<Complex> partial, int plane, ReadOnlySpan<double> yTable, Span<Complex> yPlane, Fft3DWorkspace workspace)
    {
        CheckWorkspace(workspace);
        Guard.Length(partial.Length, HalfSpectrumCount, nameof(partial));
        Guard.Length(yPlane.Length, PlaneCount, nameof(yPlane));
        if ((uint)plane >= (uint)Size)
        {
            throw new ArgumentOutOfRangeException(nameof(plane), plane, $"plane must be in [0, {Size}) (was {plane}).");
        }

        if (yTable.Length < AxisTableLength)
        {
            throw new ArgumentException($"the y factor table needs {AxisTableLength} doubles (was {yTable.Length}).", nameof(yTable));
        }

        ReadOnlySpan<double> source = MemoryMarshal.Cast<Complex, double>(partial.Slice(plane * PlaneCount, PlaneCount));
        Span<double> target = MemoryMarshal.Cast<Complex, double>(yPlane);
        ref double y = ref MemoryMarshal.GetReference(yTable);
        _runner.InverseRealColumns(source, target, ref y, workspace.Scratch);
    }

    /// <summary>
    /// The z pass that finishes one x-plane: <paramref name="yPlane"/> (from <see cref="InverseRealColumns"/>; not
    /// modified) times the z factors (<paramref name="zTable"/>), inverse real transformed along z and scaled as
    /// <see cref="Normalization"/> says, into the N² reals <paramref name="output"/> of that plane — stored, or with
    /// <paramref name="multiplyAdd"/> added times <paramref name="multiplier"/> (output += multiplier ⊙ result).
    /// </summary>
    internal void InverseRealRows(
        ReadOnlySpan<Complex> yPlane, ReadOnlySpan<double> zTable, ReadOnlySpan<double> multiplier, Span<double> output, Fft3DWorkspace workspace, bool multiplyAdd)
    {
        CheckWorkspace(workspace);
        Guard.Length(yPlane.Length, PlaneCount, nameof(yPlane));
        if (zTable.Length < LastAxisTableLength)
        {
            throw new ArgumentException($"the z factor table needs {LastAxisTableLength} doubles (was {zTable.Length}).", nameof(zTable));
        }

        Guard.Length(output.Length, Size * Size, nameof(output));
        Guard.Length(multiplier.Length, Size * Size, nameof(multiplier));
        ReadOnlySpan<double> source = MemoryMarshal.Cast<Complex, double>(yPlane);
        ReadOnlySpan<double> z = zTable[..LastAxisTableLength];
        _runner.InverseRealRows(multiplyAdd, ScaleFactor(true), source, z, multiplier, output, workspace.Scratch);
    }

    /// <summary>
    /// The z and y passes of x-plane <paramref name="plane"/> of <see cref="ForwardReal(ReadOnlySpan{double}, Span{Complex}, Fft3DWorkspace)"/>:
    /// the N² reals <paramref name="input"/> of that plane into its <see cref="PlaneCount"/> values of
    /// <paramref name="spectrum"/>. After every plane, <see cref="ForwardRealLastPass"/> finishes the transform (bitwise
    /// the whole transform), so a caller that produces its data plane by plane transforms each plane while it is in cache.
    /// </summary>
    internal void ForwardRealPlane(ReadOnlySpan<double> input, int plane, Span<Complex> spectrum, Fft3DWorkspace workspace)
    {
        CheckWorkspace(workspace);
        Guard.Length(input.Length, Size * Size, nameof(input));
        Guard.Length(spectrum.Length, HalfSpectrumCount, nameof(spectrum));
        if ((uint)plane >= (uint)Size)
        {
            throw new ArgumentOutOfRangeException(nameof(plane), plane, $"plane must be in [0, {Size}) (was {plane}).");
        }

        Span<double> target = MemoryMarshal.Cast<Complex, double>(spectrum.Slice(plane * PlaneCount, PlaneCount));
        _runner.ForwardRealPlane(ScaleFactor(false), input, target, workspace.Scratch);
    }

    /// <summary>True for even N, where real transforms run as packed N/2-point transforms along z and
    /// <see cref="ForwardRealProductPlane"/> is available.</summary>
    internal bool PacksRealRows => _half is not null;

    /// <summary>
    /// Plane <paramref name="plane"/> of the forward transform of the product of two copies finished along z: the copies'
    /// planes after their y pass (<paramref name="first"/>, <paramref name="second"/>, from <see cref="InverseRealColumns"/>)
    /// times their z factors (<paramref name="firstZ"/>, <paramref name="secondZ"/>), inverse transformed along z and
    /// multiplied pointwise inside the z pass's scratch, then forward transformed along z and y into that plane of
    /// <paramref name="spectrum"/>. Bitwise the same as <see cref="InverseRealRows"/> of the first copy into a plane,
    /// of the second multiply-added into a cleared plane, then <see cref="ForwardRealPlane"/>; <paramref name="held"/>
    /// (N² doubles) keeps the first copy's rows meanwhile. Even N only (<see cref="PacksRealRows"/>).
    /// </summary>
    internal void ForwardRealProductPlane(
        ReadOnlySpan<Complex> first, ReadOnlySpan<double> firstZ, ReadOnlySpan<Complex> second, ReadOnlySpan<double> secondZ, int plane,
        Span<Complex> spectrum, Span<double> held, Fft3DWorkspace workspace)
    {
        CheckWorkspace(workspace);
        if (!PacksRealRows)
        {
            throw new InvalidOperationException($"products in the z pass need an even N (was {Size}).");
        }

        Guard.Length(first.Length, PlaneCount, nameof(first));
        Guard.Length(second.Length, PlaneCount, nameof(second));
        Guard.Length(spectrum.Length, HalfSpectrumCount, nameof(spectrum));
        Guard.Length(held.Length, Size * Size, nameof(held));
        if (firstZ.Length < LastAxisTableLength || secondZ.Length < LastAxisTableLength)
        {
            throw new ArgumentException($"the z factor tables need {LastAxisTableLength} doubles (were {firstZ.Length}, {secondZ.Length}).", nameof(firstZ));
        }

        if ((uint)plane >= (uint)Size)
        {
            throw new ArgumentOutOfRangeException(nameof(plane), plane, $"plane must be in [0, {Size}) (was {plane}).");
        }

        Span<double> target = MemoryMarshal.Cast<Complex, double>(spectrum.Slice(plane * PlaneCount, PlaneCount));
        _runner.ForwardRealProductPlane(
            ScaleFactor(true), ScaleFactor(false), MemoryMarshal.Cast<Complex, double>(first), firstZ[..LastAxisTableLength],
            MemoryMarshal.Cast<Complex, double>(second), secondZ[..LastAxisTableLength], target, held, workspace.Scratch);
    }

    /// <summary>The x pass that finishes a forward real transform built by <see cref="ForwardRealPlane"/> on every plane.</summary>
    internal void ForwardRealLastPass(Span<Complex> spectrum, Fft3DWorkspace workspace)
    {
        CheckWorkspace(workspace);
        Guard.Length(spectrum.Length, HalfSpectrumCount, nameof(spectrum));
        _runner.ForwardRealLastPass(MemoryMarshal.Cast<Complex, double>(spectrum), workspace.Scratch);
    }

    private void Modulated(
        ReadOnlySpan<Complex> spectrum, ReadOnlySpan<Complex> xFactors, ReadOnlySpan<Complex> yFactors, ReadOnlySpan<Complex> zFactors,
        ReadOnlySpan<double> multiplier, Span<double> output, Fft3DWorkspace workspace, bool multiplyAdd)
    {
        using var lease = Enter(workspace);
        Guard.Length(spectrum.Length, HalfSpectrumCount, nameof(spectrum));
        Guard.Length(xFactors.Length, Size, nameof(xFactors));
        Guard.Length(yFactors.Length, Size, nameof(yFactors));
        Guard.Length(zFactors.Length, (Size / 2) + 1, nameof(zFactors));
        Guard.Length(output.Length, Count, nameof(output));
        ReadOnlySpan<double> s = MemoryMarshal.Cast<Complex, double>(spectrum);
        ReadOnlySpan<double> x = MemoryMarshal.Cast<Complex, double>(xFactors), y = MemoryMarshal.Cast<Complex, double>(yFactors), z = MemoryMarshal.Cast<Complex, double>(zFactors);
        Span<double> work = MemoryMarshal.Cast<Complex, double>(workspace.Spectrum.AsSpan());
        Fft3DPasses.ExpandModulation(x, y, z, Size, workspace.Factors);
        _runner.InverseRealModulated(multiplyAdd, ScaleFactor(true), s, workspace.Factors, work, multiplier, output, workspace.Scratch);
    }

    private int ScratchLength => Fft3DPasses.ScratchLength(Size, _block);

    private Fft3DWorkspace CheckWorkspace(Fft3DWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (workspace.Size != Size)
        {
            throw new ArgumentException($"workspace was created for N = {workspace.Size}, this plan has N = {Size}.", nameof(workspace));
        }

        return workspace;
    }

    // The size check plus the concurrent-use gate of the public entry points (the internal per-plane passes only check
    // the size: their callers hold the gate of the operator workspace that owns this one).
    private WorkspaceGate.Lease Enter(Fft3DWorkspace workspace) => CheckWorkspace(workspace).Gate.Enter(nameof(workspace));

    private void PooledComplex(Span<Complex> data, bool inverse)
    {
        double[] scratch = ArrayPool<double>.Shared.Rent(ScratchLength);
        try
        {
            Complex(data, inverse, scratch);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scratch);
        }
    }

    private void Batch(Span<Complex> batch, bool inverse, Fft3DWorkspace workspace)
    {
        using var lease = Enter(workspace);
        if (batch.Length % Count != 0)
        {
            throw new ArgumentException($"batch must have a length that is a multiple of N³ = {Count} (was {batch.Length}).", nameof(batch));
        }

        for (int start = 0; start < batch.Length; start += Count)
        {
            Complex(batch.Slice(start, Count), inverse, workspace.Scratch);
        }
    }

    private void Complex(Span<Complex> data, bool inverse, double[] scratch)
    {
        Guard.Length(data.Length, Count, nameof(data));
        Span<double> d = MemoryMarshal.Cast<Complex, double>(data);
        _runner.Complex(inverse, ScaleFactor(inverse), d, scratch);
    }

    private void ForwardReal(ReadOnlySpan<double> input, Span<Complex> output, double[] scratch)
    {
        Guard.Length(input.Length, Count, nameof(input));
        Guard.Length(output.Length, HalfSpectrumCount, nameof(output));
        Span<double> o = MemoryMarshal.Cast<Complex, double>(output);
        _runner.ForwardReal(ScaleFactor(false), input, o, scratch);
    }

    private void InverseReal(Span<Complex> spectrum, Span<double> output, double[] scratch)
    {
        Guard.Length(spectrum.Length, HalfSpectrumCount, nameof(spectrum));
        Guard.Length(output.Length, Count, nameof(output));
        Span<double> s = MemoryMarshal.Cast<Complex, double>(spectrum);
        _runner.InverseReal(ScaleFactor(true), s, output, scratch);
    }

    /// <summary>The normalisation factor of one direction, applied inside the z-axis transposition (no extra pass).</summary>
    private double ScaleFactor(bool inverse) => (Normalization, inverse) switch
    {
        (FftNormalization.Backward, true) or (FftNormalization.Forward, false) => 1.0 / Count,
        (FftNormalization.Symmetric, _) => 1.0 / Math.Sqrt(Count),
        _ => 1.0,
    };
}
