using System.Numerics;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.Spectral;

namespace Kinetics.PhaseSpace.Fields;

/// <summary>
/// Gauss's law ∇·E = ρ, E = −∇φ on a periodic 1-D or 2-D mesh, solved spectrally with the library's FFT:
/// Ê(k) = −i k ρ̂(k)/|k|² for k ≠ 0. The k = 0 mode is dropped, which is the same as adding the uniform neutralising
/// background −⟨ρ⟩ (a periodic box must be neutral); the Nyquist modes are set to zero so E stays real.
/// </summary>
/// <remarks>
/// Cell values are treated as point values at the cell centres (second-order consistent with the finite-volume
/// transport). Units: the permittivity is 1 (with n = 1, q = −1, m = 1 the plasma frequency is 1). The transforms run
/// on scalar lanes (<see cref="LineFftPlan"/>), so every process that solves the same ρ gets the same bits. The plan is
/// immutable and thread-safe; <see cref="Solve"/> allocates its scratch.
/// </remarks>
public sealed class PeriodicPoissonSolver : IGaussSolver
{
    private readonly LineFftPlan _x;
    private readonly LineFftPlan? _y;

    private PeriodicPoissonSolver(UniformMesh mesh)
    {
        Mesh = mesh;
        _x = new LineFftPlan(mesh.CellsX);
        _y = mesh.Dimension == 2 ? new LineFftPlan(mesh.CellsY) : null;
    }

    /// <summary>The mesh.</summary>
    public UniformMesh Mesh { get; }

    /// <summary>Plans the solver.</summary>
    /// <param name="mesh">A mesh whose cell counts are of the form 2^a·3^b·5^c.</param>
    /// <exception cref="ArgumentOutOfRangeException">A cell count with another prime factor.</exception>
    public static PeriodicPoissonSolver Create(UniformMesh mesh)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        if (!Fft3DPlan.IsSupportedSize(mesh.CellsX) || (mesh.Dimension == 2 && !Fft3DPlan.IsSupportedSize(mesh.CellsY)))
        {
            throw new ArgumentOutOfRangeException(nameof(mesh), mesh, "the periodic Poisson solver needs cell counts of the form 2^a·3^b·5^c.");
        }

        return new PeriodicPoissonSolver(mesh);
    }

    /// <summary>Effectively computes E = −∇φ with −Δφ = ρ − ⟨ρ⟩ on the whole mesh.</summary>
    /// <param name="chargeDensity">ρ per cell (Nx·Ny values, flattened iy·Nx + ix).</param>
    /// <param name="fieldX">E_x per cell.</param>
    /// <param name="fieldY">E_y per cell (ignored and may be empty in 1-D).</param>
    public void Solve(ReadOnlySpan<double> chargeDensity, Span<double> fieldX, Span<double> fieldY)
    {
        int nx = Mesh.CellsX, ny = Mesh.CellsY, count = Mesh.CellCount;
        Guard.Length(chargeDensity.Length, count, nameof(chargeDensity));
        Guard.Length(fieldX.Length, count, nameof(fieldX));
        Guard.AllFinite(chargeDensity);
        if (Mesh.Dimension == 2)
        {
            Guard.Length(fieldY.Length, count, nameof(fieldY));
        }

        var rho = new Complex[count];
        var ex = new Complex[count];
        var ey = Mesh.Dimension == 2 ? new Complex[count] : [];
        var scratch = new Complex[2 * Math.Max(nx, ny)];
        var line = new Complex[Math.Max(nx, ny)];
        for (int c = 0; c < count; c++)
        {
            rho[c] = chargeDensity[c];
        }

        Transform2D(rho, inverse: false, scratch, line);
        for (int iy = 0; iy < ny; iy++)
        {
            double ky = Mesh.Dimension == 2 ? Wavenumber(iy, ny, Mesh.LengthY) : 0.0;
            bool nyquistY = Mesh.Dimension == 2 && ny % 2 == 0 && iy == ny / 2;
            for (int ix = 0; ix < nx; ix++)
            {
                int c = (iy * nx) + ix;
                double kx = Wavenumber(ix, nx, Mesh.LengthX);
                bool nyquist = nyquistY || (nx % 2 == 0 && ix == nx / 2);
                double k2 = (kx * kx) + (ky * ky);
                if (k2 == 0.0 || nyquist)
                {
                    ex[c] = Complex.Zero;
                    if (ey.Length > 0)
                    {
                        ey[c] = Complex.Zero;
                    }

                    continue;
                }

                // Ê = −i k ρ̂/|k|².
                Complex minusIRhoOverK2 = new Complex(rho[c].Imaginary, -rho[c].Real) / k2;
                ex[c] = kx * minusIRhoOverK2;
                if (ey.Length > 0)
                {
                    ey[c] = ky * minusIRhoOverK2;
                }
            }
        }

        Transform2D(ex, inverse: true, scratch, line);
        double scale = 1.0 / count;
        for (int c = 0; c < count; c++)
        {
            fieldX[c] = ex[c].Real * scale;
        }

        if (ey.Length > 0)
        {
            Transform2D(ey, inverse: true, scratch, line);
            for (int c = 0; c < count; c++)
            {
                fieldY[c] = ey[c].Real * scale;
            }
        }
    }

    /// <summary>The field energy ½ Σ_cells |E|² ΔxΔy.</summary>
    /// <param name="fieldX">E_x per cell.</param>
    /// <param name="fieldY">E_y per cell (empty in 1-D).</param>
    public double FieldEnergy(ReadOnlySpan<double> fieldX, ReadOnlySpan<double> fieldY)
    {
        Guard.Length(fieldX.Length, Mesh.CellCount, nameof(fieldX));
        Guard.AllFinite(fieldX);
        Guard.AllFinite(fieldY);
        double sum = 0.0;
        for (int c = 0; c < fieldX.Length; c++)
        {
            sum += fieldX[c] * fieldX[c];
        }

        for (int c = 0; c < fieldY.Length; c++)
        {
            sum += fieldY[c] * fieldY[c];
        }

        return 0.5 * sum * Mesh.CellVolume;
    }

    private static double Wavenumber(int index, int n, double length) =>
        2.0 * Math.PI * SpectralGrid.SignedIndex(index, n) / length;

    private void Transform2D(Complex[] data, bool inverse, Complex[] scratch, Complex[] line)
    {
        int nx = Mesh.CellsX, ny = Mesh.CellsY;
        for (int iy = 0; iy < ny; iy++)
        {
            _x.Transform(data.AsSpan(iy * nx, nx), inverse, scratch);
        }

        if (_y is null)
        {
            return;
        }

        Span<Complex> column = line.AsSpan(0, ny);
        for (int ix = 0; ix < nx; ix++)
        {
            for (int iy = 0; iy < ny; iy++)
            {
                column[iy] = data[(iy * nx) + ix];
            }

            _y.Transform(column, inverse, scratch);
            for (int iy = 0; iy < ny; iy++)
            {
                data[(iy * nx) + ix] = column[iy];
            }
        }
    }
}
