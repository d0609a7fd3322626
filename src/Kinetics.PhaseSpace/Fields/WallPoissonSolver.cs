using Kinetics.PhaseSpace.Meshes;
using Kinetics.Spectral;

namespace Kinetics.PhaseSpace.Fields;

/// <summary>
/// Gauss's law ∇·E = ρ − b, E = −∇φ between two walls, each with a prescribed potential (Dirichlet) or normal field
/// (Neumann) (<see cref="FieldBoundary"/>): on a 1-D mesh the walls are x = 0 and x = L; on a 2-D mesh they are y = 0 and
/// y = L_y (the slow axis, where the transport has its walls) and x is periodic. b is the uniform neutralising background
/// ⟨ρ⟩ when asked for (and, with two field conditions, the background that makes them compatible), 0 otherwise.
/// </summary>
/// <remarks>
/// The field is integrated from the charge: with the cell values treated as cell averages, the face fields satisfy
/// E_{i+½} − E_{i−½} = h(ρ_i − b) exactly (the discrete Gauss law, so the field is conservative), and the field at the
/// cell centre is E_{i−½} + (h/2)(ρ_i − b). The one free constant, the field at the low wall, is the prescribed field,
/// or it is fixed by the potential difference φ_low − φ_high = ∫₀^L E dx (∫ of the piecewise-linear face interpolant)
/// when both walls hold potentials, or by the high wall's field. The result is second order in h for smooth ρ
/// (docs/phase-space.md, "Fields between walls"); it is exact arithmetic on the same ρ everywhere, so every process
/// solving the same gathered ρ gets the same bits. On a 2-D mesh the x-mean of ρ is solved exactly so along y, and the
/// other x-Fourier modes by a second-order Helmholtz solve along y (WallPoissonSolver.Mesh2D.cs). Immutable and
/// thread-safe.
/// </remarks>
public sealed partial class WallPoissonSolver : IGaussSolver
{
    private WallPoissonSolver(UniformMesh mesh, FieldBoundary low, FieldBoundary high, bool background)
    {
        Mesh = mesh;
        Low = low;
        High = high;
        NeutralisingBackground = background;
        if (mesh.Dimension == 2)
        {
            _mean = new WallPoissonSolver(UniformMesh.Create1D(mesh.CellsY, mesh.LengthY), low, high, background);
            _lines = new LineFftPlan(mesh.CellsX);
        }
    }

    /// <summary>The mesh (1-D: walls at x = 0 and x = L; 2-D: walls at y = 0 and y = L_y, x periodic).</summary>
    public UniformMesh Mesh { get; }

    /// <summary>The condition at the low wall (x = 0 in 1-D, y = 0 in 2-D).</summary>
    public FieldBoundary Low { get; }

    /// <summary>The condition at the high wall (x = L in 1-D, y = L_y in 2-D).</summary>
    public FieldBoundary High { get; }

    /// <summary>True when a uniform background −⟨ρ⟩ neutralises the charge.</summary>
    public bool NeutralisingBackground { get; }

    /// <summary>Plans the solver.</summary>
    /// <param name="mesh">A 1-D mesh, or a 2-D mesh whose x cell count is of the form 2^a·3^b·5^c (x is periodic).</param>
    /// <param name="low">The condition at the low wall (uniform along it in 2-D).</param>
    /// <param name="high">The condition at the high wall (uniform along it in 2-D).</param>
    /// <param name="neutralisingBackground">Subtract the mean charge (a fixed uniform background of the opposite sign).</param>
    /// <exception cref="ArgumentException">A non-finite value, or two field conditions without a background (no solution in general).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A 2-D mesh with fewer than 2 rows or an x cell count with a prime factor above 5.</exception>
    public static WallPoissonSolver Create(UniformMesh mesh, FieldBoundary low, FieldBoundary high, bool neutralisingBackground = true)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        if (mesh.Dimension == 2 && (mesh.CellsX < 2 || mesh.CellsY < 2 || !Fft3DPlan.IsSupportedSize(mesh.CellsX)))
        {
            throw new ArgumentOutOfRangeException(
                nameof(mesh), mesh, "a 2-D mesh between walls needs at least 2 cells per axis and an x cell count of the form 2^a·3^b·5^c (x is solved by FFT).");
        }

        Guard.Finite(low.Value, nameof(low));
        Guard.Finite(high.Value, nameof(high));
        if (!low.IsPotential && !high.IsPotential && !neutralisingBackground)
        {
            throw new ArgumentException(
                "Two field (Neumann) conditions fix E at both walls, so Gauss's law has a solution only for one total charge; use a potential at one wall or neutralisingBackground = true.",
                nameof(high));
        }

        return new WallPoissonSolver(mesh, low, high, neutralisingBackground);
    }

    /// <summary>The field at the cell centres for the charge density <paramref name="chargeDensity"/>.</summary>
    /// <param name="chargeDensity">ρ per cell (cell averages; flattened iy·Nx + ix in 2-D), finite, with a field within the double range.</param>
    /// <param name="fieldX">E_x per cell.</param>
    /// <param name="fieldY">E_y per cell in 2-D; ignored in 1-D (may be empty).</param>
    public void Solve(ReadOnlySpan<double> chargeDensity, Span<double> fieldX, Span<double> fieldY)
    {
        if (Mesh.Dimension == 2)
        {
            Solve2D(chargeDensity, fieldX, fieldY);
            return;
        }

        int n = Mesh.CellCount;
        Guard.Length(chargeDensity.Length, n, nameof(chargeDensity));
        Guard.Length(fieldX.Length, n, nameof(fieldX));
        Guard.AllFinite(chargeDensity);
        double h = Mesh.SpacingX, length = Mesh.LengthX;
        double total = 0.0;
        foreach (double rho in chargeDensity)
        {
            total += rho;
        }

        double background = 0.0;
        if (!Low.IsPotential && !High.IsPotential)
        {
            // E_high − E_low = ∫(ρ − b): the background that makes the two field conditions compatible.
            background = ((h * total) - (High.Value - Low.Value)) / length;
        }
        else if (NeutralisingBackground)
        {
            background = total / n;
        }

        // G(x) = ∫₀^x (ρ − b): the face values G_{i+½} and ∫₀^L G of the piecewise-linear interpolant.
        double face = 0.0, integral = 0.0;
        for (int i = 0; i < n; i++)
        {
            double q = h * (chargeDensity[i] - background);
            integral += h * (face + (0.5 * q));
            face += q;
        }

        double lowField = Low.IsPotential
            ? High.IsPotential ? (Low.Value - High.Value - integral) / length : High.Value - face
            : Low.Value;
        face = lowField;
        for (int i = 0; i < n; i++)
        {
            double q = h * (chargeDensity[i] - background);
            fieldX[i] = face + (0.5 * q);
            face += q;
        }

        CheckField(fieldX[..n], nameof(chargeDensity));
    }

    // A finite charge whose field overflows (|ρ|·ℓ beyond the double range) is refused by name instead of returning ±∞ or NaN.
    private static void CheckField(ReadOnlySpan<double> field, string paramName)
    {
        if (!Guard.IsAllFinite(field))
        {
            throw new ArgumentOutOfRangeException(paramName, $"{paramName}: the field of this charge density overflows the double range.");
        }
    }

    /// <summary>The field energy ½ Σ_cells |E|² times the cell volume.</summary>
    /// <param name="fieldX">E_x per cell, finite (an energy beyond the double range is refused under this name).</param>
    /// <param name="fieldY">E_y per cell in 2-D, finite; ignored in 1-D.</param>
    public double FieldEnergy(ReadOnlySpan<double> fieldX, ReadOnlySpan<double> fieldY)
    {
        Guard.Length(fieldX.Length, Mesh.CellCount, nameof(fieldX));
        Guard.AllFinite(fieldX);
        double sum = 0.0;
        foreach (double e in fieldX)
        {
            sum += e * e;
        }

        if (Mesh.Dimension == 2)
        {
            Guard.Length(fieldY.Length, Mesh.CellCount, nameof(fieldY));
            Guard.AllFinite(fieldY);
            foreach (double e in fieldY)
            {
                sum += e * e;
            }
        }

        double energy = 0.5 * sum * Mesh.CellVolume;
        if (!double.IsFinite(energy))
        {
            throw new ArgumentOutOfRangeException(nameof(fieldX), "the field energy of these fields overflows the double range.");
        }

        return energy;
    }
}
