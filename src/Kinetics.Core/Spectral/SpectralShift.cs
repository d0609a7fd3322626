using System.Numerics;

namespace Kinetics.Spectral;

/// <summary>
/// Phase multiplication X_k ← e^{i ξ_k·a} X_k, the spectral form of the shift F ↦ F(· + a) (with a = c·σ this is
/// the factor e^{i c ξ·σ} of the fast spectral Boltzmann methods, docs/math#fast-spectral-evaluation).
/// </summary>
/// <remarks>
/// <para>It shifts the trigonometric interpolant p of the samples (see <see cref="SpectralGrid"/>):
/// Inverse(ApplyPhase(Forward(F))) = p(v_j + a) — spectral interpolation, exact for trigonometric polynomials, and to
/// spectral accuracy F(v_j + a) for smooth F decaying inside the box (periodic wrap-around beyond it).</para>
/// <para>Nyquist (even N): the symmetric interpolant holds that mode as c·cos(ξ_{N/2}(v − v₀)); its shift sampled on
/// the grid is c·cos(ξ_{N/2}a)·cos(ξ_{N/2}(v_j − v₀)), so the factor on a Nyquist index is cos(ξ_{N/2}a_axis) (real).
/// Hence real data stay real, and half-spectra (real transforms) work as well as full spectra. The factor is
/// separable: e^{iξ_x a_x}·e^{iξ_y a_y}·e^{iξ_z a_z}.</para>
/// </remarks>
public static class SpectralShift
{
    /// <summary>Multiplies a full (N³) or half (N·N·(N/2 + 1)) spectrum by e^{i ξ·shift} (Nyquist rule in the remarks).</summary>
    /// <param name="grid">The spectral grid.</param>
    /// <param name="spectrum">The spectrum, overwritten.</param>
    /// <param name="shift">a, the velocity shift (finite).</param>
    /// <param name="workspace">Scratch from <see cref="SpectralGrid.CreateWorkspace"/> (its phase vectors are used).</param>
    public static void ApplyPhase(SpectralGrid grid, Span<Complex> spectrum, Velocity3 shift, SpectralWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(workspace);
        using var lease = workspace.EnsureFor(grid, nameof(workspace));
        if (!shift.IsFinite)
        {
            throw new ArgumentOutOfRangeException(nameof(shift), shift, $"shift must be finite (was {shift}).");
        }

        bool half = grid.IsHalfSpectrum(spectrum.Length, nameof(spectrum));
        int n = grid.Size, row = spectrum.Length / (n * n);
        Span<Complex> px = workspace.Phases.AsSpan(0, n), py = workspace.Phases.AsSpan(n, n), pz = workspace.Phases.AsSpan(2 * n, row);
        FillPhases(grid, grid.AxisFrequencies(0, false, false), shift.X, px);
        FillPhases(grid, grid.AxisFrequencies(1, false, false), shift.Y, py);
        FillPhases(grid, grid.AxisFrequencies(2, half, false), shift.Z, pz);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                Complex c = px[i] * py[j];
                Span<Complex> r = spectrum.Slice(((i * n) + j) * row, row);
                for (int k = 0; k < row; k++)
                {
                    r[k] *= c * pz[k];
                }
            }
        }
    }

    /// <summary>
    /// Samples the shifted function F(v_j + <paramref name="shift"/>) (the shifted trigonometric interpolant) from the
    /// half-spectrum of F in one inverse transform, without modifying the spectrum: the same result as
    /// <see cref="ApplyPhase"/> followed by an inverse real transform, with the phase folded into the transform
    /// (<see cref="Fft3DPlan.InverseRealModulated"/>).
    /// </summary>
    /// <param name="grid">The spectral grid.</param>
    /// <param name="halfSpectrum">N·N·(N/2 + 1) values, the <see cref="Fft3DPlan.ForwardReal(ReadOnlySpan{double}, Span{Complex})"/> of F (not modified).</param>
    /// <param name="shift">a, the velocity shift (finite).</param>
    /// <param name="destination">N³ samples of F(· + a).</param>
    /// <param name="workspace">Scratch from <see cref="SpectralGrid.CreateWorkspace"/>.</param>
    public static void Evaluate(SpectralGrid grid, ReadOnlySpan<Complex> halfSpectrum, Velocity3 shift, Span<double> destination, SpectralWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(workspace);
        using var lease = workspace.EnsureFor(grid, nameof(workspace));
        if (!shift.IsFinite)
        {
            throw new ArgumentOutOfRangeException(nameof(shift), shift, $"shift must be finite (was {shift}).");
        }

        Guard.Length(halfSpectrum.Length, grid.Plan.HalfSpectrumCount, nameof(halfSpectrum));
        int n = grid.Size, h = (n / 2) + 1;
        Span<Complex> px = workspace.Phases.AsSpan(0, n), py = workspace.Phases.AsSpan(n, n), pz = workspace.Phases.AsSpan(2 * n, h);
        FillPhases(grid, grid.AxisFrequencies(0, false, false), shift.X, px);
        FillPhases(grid, grid.AxisFrequencies(1, false, false), shift.Y, py);
        FillPhases(grid, grid.AxisFrequencies(2, true, false), shift.Z, pz);
        grid.Plan.InverseRealModulated(halfSpectrum, px, py, pz, destination, workspace.Fft);
    }

    private static void FillPhases(SpectralGrid grid, ReadOnlySpan<double> xi, double a, Span<Complex> phases)
    {
        for (int q = 0; q < phases.Length; q++)
        {
            double angle = xi[q] * a;
            phases[q] = grid.IsNyquist(q) ? new Complex(Math.Cos(angle), 0.0) : new Complex(Math.Cos(angle), Math.Sin(angle));
        }
    }
}
