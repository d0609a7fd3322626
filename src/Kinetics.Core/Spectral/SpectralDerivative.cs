using System.Numerics;

namespace Kinetics.Spectral;

/// <summary>
/// Spectral derivatives ∂_a and ∂_a∂_b of periodic grid data: multiplication of the DFT by iξ_a, resp. −ξ_aξ_b.
/// </summary>
/// <remarks>
/// <para>They differentiate the trigonometric interpolant of the samples (see <see cref="SpectralGrid"/>), exactly for
/// trigonometric polynomials and to spectral accuracy for smooth data decaying inside the box (the box is treated as
/// periodic). Axes: 0 = x (slowest), 1 = y, 2 = z (contiguous).</para>
/// <para>Nyquist mode (even N): the symmetric interpolant carries it as c·cos(ξ_{N/2}(v − v₀)), whose first derivative
/// vanishes at every grid point, so iξ is replaced by 0 there (on that axis); ∂_a∂_a keeps −ξ_{N/2}² (the second
/// derivative of the cosine); ∂_a∂_b, a ≠ b, is 0 when either index is Nyquist. This keeps the derivative of real data
/// real and ∂_a∂_b = ∂_a(∂_b ·) exactly.</para>
/// <para>The spectrum overloads accept a full (N³, <see cref="Fft3DPlan.Forward(Span{Complex})"/>) or half
/// (N·N·(N/2 + 1), <see cref="Fft3DPlan.ForwardReal(ReadOnlySpan{double}, Span{Complex})"/>) spectrum. The grid overloads
/// cost one real forward and one real inverse transform and allocate nothing.</para>
/// </remarks>
public static class SpectralDerivative
{
    /// <summary>Multiplies <paramref name="spectrum"/> by the symbol of ∂_axis: iξ_axis (0 at the Nyquist index).</summary>
    /// <param name="grid">The spectral grid.</param>
    /// <param name="spectrum">A full or half spectrum, overwritten.</param>
    /// <param name="axis">0 (x), 1 (y) or 2 (z).</param>
    public static void ApplyFirst(SpectralGrid grid, Span<Complex> spectrum, int axis)
    {
        ArgumentNullException.ThrowIfNull(grid);
        Guard.InRange(axis, 0, 2);
        bool half = grid.IsHalfSpectrum(spectrum.Length, nameof(spectrum));
        grid.MultiplySeparable(
            spectrum, 1.0,
            axis == 0 ? grid.AxisFrequencies(0, half, true) : grid.Ones,
            axis == 1 ? grid.AxisFrequencies(1, half, true) : grid.Ones,
            axis == 2 ? grid.AxisFrequencies(2, half, true) : grid.Ones,
            timesI: true);
    }

    /// <summary>Multiplies <paramref name="spectrum"/> by the symbol of ∂_a∂_b: −ξ_aξ_b (Nyquist rule in the remarks).</summary>
    /// <param name="grid">The spectral grid.</param>
    /// <param name="spectrum">A full or half spectrum, overwritten.</param>
    /// <param name="axisA">0, 1 or 2.</param>
    /// <param name="axisB">0, 1 or 2.</param>
    public static void ApplySecond(SpectralGrid grid, Span<Complex> spectrum, int axisA, int axisB)
    {
        ArgumentNullException.ThrowIfNull(grid);
        Guard.InRange(axisA, 0, 2);
        Guard.InRange(axisB, 0, 2);
        bool half = grid.IsHalfSpectrum(spectrum.Length, nameof(spectrum));
        ReadOnlySpan<double> Factor(int axis) =>
            axis == axisA || axis == axisB ? grid.AxisFrequencies(axis, half, zeroNyquist: true) : grid.Ones;

        if (axisA == axisB)
        {
            ReadOnlySpan<double> f = grid.AxisSquaredFrequencies(axisA, half); // −ξ_a², Nyquist kept
            grid.MultiplySeparable(spectrum, -1.0, axisA == 0 ? f : grid.Ones, axisA == 1 ? f : grid.Ones, axisA == 2 ? f : grid.Ones, timesI: false);
        }
        else
        {
            grid.MultiplySeparable(spectrum, -1.0, Factor(0), Factor(1), Factor(2), timesI: false);
        }
    }

    /// <summary>destination = ∂_axis f on the grid (real data), allocation-free.</summary>
    /// <param name="grid">The spectral grid.</param>
    /// <param name="f">N³ values (not modified).</param>
    /// <param name="axis">0 (x), 1 (y) or 2 (z).</param>
    /// <param name="destination">N³ values (may not overlap <paramref name="f"/> except exactly).</param>
    /// <param name="workspace">Scratch from <see cref="SpectralGrid.CreateWorkspace"/>.</param>
    public static void First(SpectralGrid grid, ReadOnlySpan<double> f, int axis, Span<double> destination, SpectralWorkspace workspace)
    {
        Span<Complex> spectrum = Transform(grid, f, destination, workspace);
        ApplyFirst(grid, spectrum, axis);
        grid.Plan.InverseRealOverwritingInput(spectrum, destination, workspace.Fft);
    }

    /// <summary>destination = ∂_a∂_b f on the grid (real data), allocation-free.</summary>
    /// <param name="grid">The spectral grid.</param>
    /// <param name="f">N³ values (not modified).</param>
    /// <param name="axisA">0, 1 or 2.</param>
    /// <param name="axisB">0, 1 or 2.</param>
    /// <param name="destination">N³ values.</param>
    /// <param name="workspace">Scratch from <see cref="SpectralGrid.CreateWorkspace"/>.</param>
    public static void Second(SpectralGrid grid, ReadOnlySpan<double> f, int axisA, int axisB, Span<double> destination, SpectralWorkspace workspace)
    {
        Span<Complex> spectrum = Transform(grid, f, destination, workspace);
        ApplySecond(grid, spectrum, axisA, axisB);
        grid.Plan.InverseRealOverwritingInput(spectrum, destination, workspace.Fft);
    }

    /// <summary>Allocating convenience: ∂_axis f.</summary>
    /// <param name="grid">The spectral grid.</param>
    /// <param name="f">N³ values.</param>
    /// <param name="axis">0 (x), 1 (y) or 2 (z).</param>
    public static double[] First(SpectralGrid grid, ReadOnlySpan<double> f, int axis)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var result = new double[grid.Grid.Count];
        First(grid, f, axis, result, grid.CreateWorkspace());
        return result;
    }

    private static Span<Complex> Transform(SpectralGrid grid, ReadOnlySpan<double> f, Span<double> destination, SpectralWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(workspace);
        using var lease = workspace.EnsureFor(grid, nameof(workspace));
        Guard.Length(f.Length, grid.Grid.Count, nameof(f));
        Guard.Length(destination.Length, grid.Grid.Count, nameof(destination));
        Guard.AllFinite(f);
        grid.Plan.ForwardReal(f, workspace.Spectrum, workspace.Fft);
        return workspace.Spectrum;
    }
}
