using System.Numerics;
using Kinetics.Grids;

namespace Kinetics.Spectral;

/// <summary>
/// The Fourier side of a <see cref="CartesianGrid"/>: frequency vectors, the relation between the DFT of grid samples
/// and the continuous Fourier transform, and the (Backward-normalised) <see cref="Fft3DPlan"/> of its size.
/// </summary>
/// <remarks>
/// <para>Frequencies: DFT index q on an axis (standard order) has signed index k = q for q &lt; (N+1)/2 and
/// k = q − N otherwise, and angular frequency ξ_k = π·k/L (the box [−L, L] has period 2L). For even N the index
/// q = N/2 is the Nyquist mode, stored with k = −N/2 in full spectra and with k = +N/2 as the last entry of the
/// z half-axis (q = 0 … N/2) of real-transform half-spectra.</para>
/// <para>Continuous transform: with F̂(ξ) = ∫ F(v) e^{−iξ·v} dv and samples F_j = F(v_j), v_j = v₀ + j·h on each
/// axis (v₀ = −L + h/2, the cell-centred offset), the periodic trapezoidal rule gives
/// F̂(ξ_k) ≈ h³·e^{−i ξ_k·(v₀, v₀, v₀)}·X_k, X = Forward(F) (see <see cref="ContinuousTransformFactor"/>), spectrally
/// accurate for smooth F that decays inside the box, for |k| &lt; N/2. Conversely the trigonometric interpolant of
/// the samples is p(v) = N^{−3} Σ_k X_k e^{iξ_k·(v − v₀)}; the spectral helpers (derivatives, shifts, convolutions)
/// act on it, and in each of them the offset phase cancels.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class SpectralGrid
{
    private readonly double[] _frequencies;
    private readonly double[] _halfFrequencies;
    private readonly double[] _oddFrequencies;       // ξ with the Nyquist entry zeroed (first-derivative symbol)
    private readonly double[] _oddHalfFrequencies;
    private readonly double[] _ones;
    private readonly double[] _squaredFrequencies;
    private readonly double[] _squaredHalfFrequencies;

    /// <summary>Creates the spectral description of <paramref name="grid"/> (its N must be 2^a·3^b·5^c).</summary>
    /// <param name="grid">The velocity grid.</param>
    /// <exception cref="ArgumentOutOfRangeException">N has a prime factor other than 2, 3, 5.</exception>
    public SpectralGrid(CartesianGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        int n = grid.PointsPerAxis;
        if (!Fft3DPlan.IsSupportedSize(n))
        {
            throw new ArgumentOutOfRangeException(nameof(grid), n, $"grid.PointsPerAxis must have no prime factor other than 2, 3 and 5 (was {n}).");
        }

        Grid = grid;
        Plan = Fft3DPlan.Create(n);
        FundamentalFrequency = Math.PI / grid.HalfWidth;
        _frequencies = new double[n];
        for (int q = 0; q < n; q++)
        {
            _frequencies[q] = FundamentalFrequency * SignedIndex(q, n);
        }

        _halfFrequencies = new double[(n / 2) + 1];
        for (int q = 0; q <= n / 2; q++)
        {
            _halfFrequencies[q] = FundamentalFrequency * q;
        }

        _oddFrequencies = (double[])_frequencies.Clone();
        _oddHalfFrequencies = (double[])_halfFrequencies.Clone();
        if (n % 2 == 0)
        {
            _oddFrequencies[n / 2] = 0.0;
            _oddHalfFrequencies[n / 2] = 0.0;
        }

        _squaredFrequencies = Array.ConvertAll(_frequencies, x => x * x);
        _squaredHalfFrequencies = Array.ConvertAll(_halfFrequencies, x => x * x);
        _ones = new double[n];
        Array.Fill(_ones, 1.0);
    }

    /// <summary>The velocity grid.</summary>
    public CartesianGrid Grid { get; }

    /// <summary>N, points per axis.</summary>
    public int Size => Grid.PointsPerAxis;

    /// <summary>The FFT plan of size N with <see cref="FftNormalization.Backward"/> normalisation.</summary>
    public Fft3DPlan Plan { get; }

    /// <summary>π/L, the frequency spacing.</summary>
    public double FundamentalFrequency { get; }

    /// <summary>ξ_q = π·k(q)/L for the N DFT indices of a full axis, standard order (Nyquist, for even N, as −πN/(2L)).</summary>
    public ReadOnlySpan<double> Frequencies => _frequencies;

    /// <summary>ξ_q = π·q/L, q = 0 … N/2: the z axis of a real-transform half-spectrum (Nyquist as +πN/(2L)).</summary>
    public ReadOnlySpan<double> HalfFrequencies => _halfFrequencies;

    /// <summary>
    /// The signed frequency index k of DFT index <paramref name="index"/> on an axis of length <paramref name="n"/>:
    /// k = q for q &lt; (n + 1)/2, else q − n, so the Nyquist index q = n/2 of an even axis maps to −n/2. This is the one
    /// convention of the library; callers where the Nyquist sign could matter zero that mode instead.
    /// </summary>
    /// <param name="index">q in [0, n).</param>
    /// <param name="n">Axis length.</param>
    public static int SignedIndex(int index, int n) => index < (n + 1) / 2 ? index : index - n;

    /// <summary>True for the Nyquist index q = N/2 of an even axis length.</summary>
    /// <param name="index">DFT index q.</param>
    public bool IsNyquist(int index) => Size % 2 == 0 && index == Size / 2;

    /// <summary>
    /// h³·e^{−i ξ·(v₀, v₀, v₀)}: the factor that turns the DFT coefficient X at full-spectrum indices (i, j, k) into the
    /// approximation of the continuous transform F̂(ξ_i, ξ_j, ξ_k) (see remarks of the type).
    /// </summary>
    /// <param name="i">x index in [0, N).</param>
    /// <param name="j">y index in [0, N).</param>
    /// <param name="k">z index in [0, N).</param>
    public Complex ContinuousTransformFactor(int i, int j, int k)
    {
        double v0 = Grid.Coordinate(0);
        double phase = -(_frequencies[i] + _frequencies[j] + _frequencies[k]) * v0;
        return Complex.FromPolarCoordinates(Grid.CellVolume, phase);
    }

    /// <summary>ξ per index of axis <paramref name="axis"/> of a full or <paramref name="half"/> spectrum (optionally 0 at Nyquist).</summary>
    internal ReadOnlySpan<double> AxisFrequencies(int axis, bool half, bool zeroNyquist) =>
        (axis == 2 && half) ? (zeroNyquist ? _oddHalfFrequencies : _halfFrequencies) : (zeroNyquist ? _oddFrequencies : _frequencies);

    /// <summary>ξ² per index of axis <paramref name="axis"/> of a full or <paramref name="half"/> spectrum (Nyquist kept).</summary>
    internal ReadOnlySpan<double> AxisSquaredFrequencies(int axis, bool half) =>
        (axis == 2 && half) ? _squaredHalfFrequencies : _squaredFrequencies;

    /// <summary>N ones (the factor of an axis a separable symbol does not involve).</summary>
    internal ReadOnlySpan<double> Ones => _ones;

    /// <summary>True for a half-spectrum (N·N·(N/2 + 1)), false for a full one (N³); otherwise throws naming <paramref name="paramName"/>.</summary>
    internal bool IsHalfSpectrum(int length, string paramName)
    {
        if (length == Plan.HalfSpectrumCount && length != Plan.Count)
        {
            return true;
        }

        if (length == Plan.Count)
        {
            return false;
        }

        throw new ArgumentException($"{paramName} must have length N³ = {Plan.Count} (full spectrum) or N·N·(N/2 + 1) = {Plan.HalfSpectrumCount} (half-spectrum) (was {length}).", paramName);
    }

    /// <summary>X[i, j, k] *= scale·sx[i]·sy[j]·sz[k]·(i if <paramref name="timesI"/>) on a full or half spectrum.</summary>
    internal void MultiplySeparable(Span<Complex> spectrum, double scale, ReadOnlySpan<double> sx, ReadOnlySpan<double> sy, ReadOnlySpan<double> sz, bool timesI)
    {
        int n = Size, row = spectrum.Length / (n * n);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double c = scale * sx[i] * sy[j];
                Span<Complex> r = spectrum.Slice(((i * n) + j) * row, row);
                for (int k = 0; k < row; k++)
                {
                    double s = c * sz[k];
                    Complex x = r[k];
                    r[k] = timesI ? new Complex(-s * x.Imaginary, s * x.Real) : new Complex(s * x.Real, s * x.Imaginary);
                }
            }
        }
    }

    /// <summary>Scratch for the spectral helpers on this grid (one per thread).</summary>
    public SpectralWorkspace CreateWorkspace() => new(this);
}
