using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Kinetics.Spectral;

/// <summary>
/// Convolution of grid data with a radial kernel K given by its continuous Fourier transform
/// K̂(|ξ|) = ∫ K(y) e^{−iξ·y} dy: destination_j ≈ (K * F)(v_j) = ∫ K(v_j − w) F(w) dw.
/// </summary>
/// <remarks>
/// <para>Computes InverseReal(K̂(|ξ_k|)·ForwardReal(F)) with Backward normalisation: from
/// F(v) ≈ (2L)^{−3} Σ_k F̂(ξ_k) e^{iξ_k·v} and F̂(ξ_k) ≈ h³e^{−iξ_k·v₀}X_k (see <see cref="SpectralGrid"/>), the
/// sample of K * F at v_j is N^{−3} Σ_k K̂(ξ_k)X_k e^{2πi j·k/N}: h³ and (2L)^{−3} combine to N^{−3} and the
/// offset phase e^{∓iξ_k·v₀} cancels. It is the periodic convolution on the box [−L, L]³, so it equals the integral
/// over ℝ³ only when K * F restricted to the box is unaffected by wrap-around, e.g. K truncated to |y| ≤ R, F supported
/// in |w| ≤ S, and L ≥ (R + 2R_S)/2 … the usual anti-aliasing condition (docs/math#fast-spectral-evaluation). Pass the transform of the truncated
/// kernel for that. K̂ real and radial keeps real data real.</para>
/// <para>The symbol is precomputed on the half-spectrum (N·N·(N/2 + 1) values, |ξ| with the Nyquist entries at
/// |ξ_{N/2}| = πN/(2L)); applying it is a TensorPrimitives multiply. Immutable and thread-safe.</para>
/// </remarks>
public sealed class SpectralConvolution
{
    private readonly double[] _symbol; // K̂(|ξ_k|) twice per half-spectrum entry (re and im lanes)

    private SpectralConvolution(SpectralGrid grid, double[] symbol)
    {
        Grid = grid;
        _symbol = symbol;
    }

    /// <summary>The spectral grid.</summary>
    public SpectralGrid Grid { get; }

    /// <summary>Precomputes K̂(|ξ|) on the half-spectrum of <paramref name="grid"/>.</summary>
    /// <param name="grid">The spectral grid.</param>
    /// <param name="kernelTransform">|ξ| ↦ K̂(|ξ|), finite for every grid frequency (called N·N·(N/2 + 1) times).</param>
    /// <exception cref="ArgumentException">K̂ returned a non-finite value.</exception>
    public static SpectralConvolution Create(SpectralGrid grid, Func<double, double> kernelTransform)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(kernelTransform);
        int n = grid.Size, h = (n / 2) + 1;
        var symbol = new double[2 * grid.Plan.HalfSpectrumCount];
        ReadOnlySpan<double> xi = grid.Frequencies, zeta = grid.HalfFrequencies;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                for (int k = 0; k < h; k++)
                {
                    double radius = Math.Sqrt((xi[i] * xi[i]) + (xi[j] * xi[j]) + (zeta[k] * zeta[k]));
                    double value = kernelTransform(radius);
                    if (!double.IsFinite(value))
                    {
                        throw new ArgumentException($"kernelTransform must be finite at every grid frequency (was {value} at |ξ| = {radius}).", nameof(kernelTransform));
                    }

                    int at = 2 * ((((i * n) + j) * h) + k);
                    symbol[at] = value;
                    symbol[at + 1] = value;
                }
            }
        }

        return new SpectralConvolution(grid, symbol);
    }

    /// <summary>Multiplies a half-spectrum (of <see cref="Fft3DPlan.ForwardReal(ReadOnlySpan{double}, Span{Complex})"/>) by K̂(|ξ|).</summary>
    /// <param name="halfSpectrum">N·N·(N/2 + 1) values, overwritten.</param>
    public void ApplyToSpectrum(Span<Complex> halfSpectrum)
    {
        Guard.Length(halfSpectrum.Length, Grid.Plan.HalfSpectrumCount, nameof(halfSpectrum));
        Span<double> values = MemoryMarshal.Cast<Complex, double>(halfSpectrum);
        TensorPrimitives.Multiply(values, _symbol, values);
    }

    /// <summary>destination = K * f on the grid (see remarks), allocation-free: one real forward and one real inverse FFT.</summary>
    /// <param name="f">N³ values (not modified).</param>
    /// <param name="destination">N³ values (exact aliasing with <paramref name="f"/> allowed).</param>
    /// <param name="workspace">Scratch from <see cref="SpectralGrid.CreateWorkspace"/>.</param>
    public void Apply(ReadOnlySpan<double> f, Span<double> destination, SpectralWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        using var lease = workspace.EnsureFor(Grid, nameof(workspace));
        Guard.Length(f.Length, Grid.Grid.Count, nameof(f));
        Guard.Length(destination.Length, Grid.Grid.Count, nameof(destination));
        Guard.AllFinite(f);
        Grid.Plan.ForwardReal(f, workspace.Spectrum, workspace.Fft);
        ApplyToSpectrum(workspace.Spectrum);
        Grid.Plan.InverseRealOverwritingInput(workspace.Spectrum, destination, workspace.Fft);
    }

    /// <summary>Allocating convenience: K * f.</summary>
    /// <param name="f">N³ values.</param>
    public double[] Apply(ReadOnlySpan<double> f)
    {
        var result = new double[Grid.Grid.Count];
        Apply(f, result, Grid.CreateWorkspace());
        return result;
    }
}
