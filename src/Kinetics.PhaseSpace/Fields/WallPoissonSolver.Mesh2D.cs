using System.Numerics;
using Kinetics.Spectral;

namespace Kinetics.PhaseSpace.Fields;

/// <summary>
/// The 2-D mesh between walls (docs/phase-space.md, "Fields between walls (2-D)"): x periodic, walls at y = 0 and
/// y = L_y with uniform conditions along them. ρ is Fourier transformed along x; the mean (k_x = 0) is Gauss's law in y,
/// solved exactly as on a 1-D mesh (it carries the walls' potentials or fields and the background); every other mode
/// solves −φ̂″ + k_x²φ̂ = ρ̂ on the cell centres (second-order differences; the wall face is half a cell from the first
/// centre, with φ̂ = 0 at a potential wall and φ̂′ = 0 at a field wall, since a uniform condition has no k_x ≠ 0 part) by
/// the Thomas algorithm, stable here because every row is diagonally dominant (k_x² &gt; 0). Then Ê_x = −ik_xφ̂ (zero at the Nyquist
/// mode, as in <see cref="PeriodicPoissonSolver"/>) and Ê_y = −φ̂′ by centred differences, one-sided second-order
/// quadratics through the wall condition in the cells next to a wall.
/// </summary>
public sealed partial class WallPoissonSolver
{
    private readonly WallPoissonSolver? _mean;
    private readonly LineFftPlan? _lines;

    private void Solve2D(ReadOnlySpan<double> chargeDensity, Span<double> fieldX, Span<double> fieldY)
    {
        int nx = Mesh.CellsX, ny = Mesh.CellsY, count = Mesh.CellCount;
        Guard.Length(chargeDensity.Length, count, nameof(chargeDensity));
        Guard.Length(fieldX.Length, count, nameof(fieldX));
        Guard.Length(fieldY.Length, count, nameof(fieldY));
        Guard.AllFinite(chargeDensity);

        // The x-mean: Gauss's law along y with the walls' conditions and the background.
        var mean = new double[ny];
        var meanField = new double[ny];
        for (int j = 0; j < ny; j++)
        {
            double sum = 0.0;
            for (int i = 0; i < nx; i++)
            {
                sum += chargeDensity[(j * nx) + i];
            }

            mean[j] = sum / nx;
        }

        _mean!.Solve(mean, meanField, []);

        var rho = new Complex[count];
        var scratch = new Complex[2 * nx];
        for (int c = 0; c < count; c++)
        {
            rho[c] = chargeDensity[c];
        }

        for (int j = 0; j < ny; j++)
        {
            _lines!.Transform(rho.AsSpan(j * nx, nx), inverse: false, scratch);
        }

        var ex = new Complex[count];
        var ey = new Complex[count];
        var phi = new Complex[ny];
        var sweep = new double[ny];
        double h = Mesh.SpacingY;
        for (int m = 0; m < nx; m++)
        {
            if (m == 0)
            {
                for (int j = 0; j < ny; j++)
                {
                    ey[j * nx] = nx * meanField[j];
                }

                continue;
            }

            double k = 2.0 * Math.PI * SpectralGrid.SignedIndex(m, nx) / Mesh.LengthX;
            SolveMode(rho, m, k * k, h, phi, sweep);
            bool nyquist = nx % 2 == 0 && m == nx / 2;
            for (int j = 0; j < ny; j++)
            {
                int c = (j * nx) + m;
                ex[c] = nyquist ? Complex.Zero : new Complex(k * phi[j].Imaginary, -k * phi[j].Real);
                ey[c] = -Derivative(phi, j, h);
            }
        }

        double scale = 1.0 / nx;
        for (int j = 0; j < ny; j++)
        {
            _lines!.Transform(ex.AsSpan(j * nx, nx), inverse: true, scratch);
            _lines.Transform(ey.AsSpan(j * nx, nx), inverse: true, scratch);
        }

        for (int c = 0; c < count; c++)
        {
            fieldX[c] = ex[c].Real * scale;
            fieldY[c] = ey[c].Real * scale;
        }

        CheckField(fieldX[..count], nameof(chargeDensity));
        CheckField(fieldY[..count], nameof(chargeDensity));
    }

    // −φ″ + κφ = ρ̂ (mode m of every row) by the Thomas algorithm. Row j: (−φ_{j−1} + 2φ_j − φ_{j+1})/h² + κφ_j. Beyond a
    // potential wall the ghost value is the quadratic extrapolation through the wall value 0 and the two nearest centres,
    // φ_ghost = −2φ_0 + φ_1/3 (the plain linear ghost −φ_0 leaves an O(1) truncation error in the wall cell, which costs
    // one order in E there); beyond a field wall it is the mirror value φ_ghost = φ_0.
    private void SolveMode(Complex[] rho, int m, double kappa, double h, Complex[] phi, double[] sweep)
    {
        int nx = Mesh.CellsX, ny = Mesh.CellsY;
        double inv = 1.0 / (h * h);
        double Diagonal(int j) =>
            kappa + (j == 0 ? (Low.IsPotential ? 3.0 * inv : 0.0) : inv) + (j == ny - 1 ? (High.IsPotential ? 3.0 * inv : 0.0) : inv);
        double Lower(int j) => j == ny - 1 && High.IsPotential ? -4.0 * inv / 3.0 : -inv;
        double Upper(int j) => j == 0 && Low.IsPotential ? -4.0 * inv / 3.0 : -inv;

        // Forward elimination: sweep[j] is the eliminated super-diagonal.
        double pivot = Diagonal(0);
        sweep[0] = Upper(0) / pivot;
        phi[0] = rho[m] / pivot;
        for (int j = 1; j < ny; j++)
        {
            double lower = Lower(j);
            pivot = Diagonal(j) - (lower * sweep[j - 1]);
            sweep[j] = Upper(j) / pivot;
            phi[j] = (rho[(j * nx) + m] - (lower * phi[j - 1])) / pivot;
        }

        for (int j = ny - 2; j >= 0; j--)
        {
            phi[j] -= sweep[j] * phi[j + 1];
        }
    }

    // φ̂′ at the centre of row j: centred in the interior; next to a wall, the quadratic through the wall condition and the
    // two nearest centres (potential wall: φ̂ = 0 at the face, (3φ_0 + φ_1)/(3h); field wall: φ̂′ = 0, (φ_1 − φ_0)/(2h)).
    private Complex Derivative(Complex[] phi, int j, double h)
    {
        int ny = phi.Length;
        if (j == 0)
        {
            return Low.IsPotential ? ((3.0 * phi[0]) + phi[1]) / (3.0 * h) : (phi[1] - phi[0]) / (2.0 * h);
        }

        if (j == ny - 1)
        {
            return High.IsPotential ? -((3.0 * phi[ny - 1]) + phi[ny - 2]) / (3.0 * h) : (phi[ny - 1] - phi[ny - 2]) / (2.0 * h);
        }

        return (phi[j + 1] - phi[j - 1]) / (2.0 * h);
    }
}
