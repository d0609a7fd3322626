using Kinetics.PhaseSpace.Meshes;
using Kinetics.Spectral;

namespace Kinetics.PhaseSpace.Fields;

/// <summary>
/// The nonlinear Poisson–Boltzmann equation of ions with Maxwell–Boltzmann electrons on a periodic 1-D mesh,
/// −φ'' = ρ₊ − e^{βφ}, E = −φ', with ρ₊ the ions' charge density per cell and β the electrons' inverse temperature
/// (the field equation of the massless-electron limit, docs/massless-electrons.md). The electrons' density is
/// n₋ = e^{βφ}: the additive constant of φ is fixed by the equation itself (its mean gives ⟨e^{βφ}⟩ = ⟨ρ₊⟩, the box is
/// neutral), which is the normalisation n₋ = ⟨ρ₊⟩e^{βφ}/⟨e^{βφ}⟩ of Flynn and Guo up to a shift of φ.
/// </summary>
/// <remarks>
/// <para>Cell values are point values at the centres; −d²/dx² is the spectral one of <see cref="PeriodicPoissonSolver"/>
/// (k² on every mode, the Nyquist one included), held as a dense symmetric matrix. Newton's method on
/// G(φ) = ½φᵀ(−D²)φ + β⁻¹Σe^{βφ} − ρ₊ᵀφ, which is strictly convex: each step solves (−D² + β diag e^{βφ})δ = −r by
/// Cholesky and is damped by backtracking until G decreases (Armijo) or, where G's decrease is below its round-off,
/// the residual's norm does, so it converges from any start and quadratically
/// near the solution. The field is then <see cref="PeriodicPoissonSolver"/>'s field of ρ₊ − n₋ (the same spectral E as a
/// kinetic electron species with that density would produce).</para>
/// <para>Budgets: <see cref="MaxIterations"/> Newton steps, 60 halvings per step; exceeding them throws.
/// Immutable and thread-safe; <see cref="Solve"/> allocates its scratch (O(N²) for N cells, N ≤ 512).</para>
/// </remarks>
public sealed class PoissonBoltzmannSolver
{
    /// <summary>The Newton budget of one <see cref="Solve"/>.</summary>
    public const int MaxIterations = 60;

    private const int MaxHalvings = 60;
    private readonly double[] _laplacian;
    private readonly PeriodicPoissonSolver _poisson;

    private PoissonBoltzmannSolver(UniformMesh mesh)
    {
        Mesh = mesh;
        _poisson = PeriodicPoissonSolver.Create(mesh);
        int n = mesh.CellsX;
        var k2 = new double[n];
        for (int m = 0; m < n; m++)
        {
            double k = 2.0 * Math.PI * SpectralGrid.SignedIndex(m, n) / mesh.LengthX;
            k2[m] = k * k;
        }

        // (−D²)_ij = (1/N) Σ_m k_m² cos(k_m (x_i − x_j)): a function of (i − j) mod N.
        var row = new double[n];
        for (int d = 0; d < n; d++)
        {
            double sum = 0.0;
            for (int m = 0; m < n; m++)
            {
                sum += k2[m] * Math.Cos(2.0 * Math.PI * m * d / n);
            }

            row[d] = sum / n;
        }

        _laplacian = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                _laplacian[(i * n) + j] = row[((i - j) % n + n) % n];
            }
        }
    }

    /// <summary>The mesh (1-D, periodic).</summary>
    public UniformMesh Mesh { get; }

    /// <summary>Plans the solver.</summary>
    /// <param name="mesh">A 1-D mesh of 4 to 512 cells, a count of the form 2^a·3^b·5^c.</param>
    /// <exception cref="ArgumentException">A 2-D mesh, or a cell count outside [4, 512] or with another prime factor.</exception>
    public static PoissonBoltzmannSolver Create(UniformMesh mesh)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        if (mesh.Dimension != 1)
        {
            throw new ArgumentException($"the Poisson–Boltzmann solver needs a 1-D mesh (was {mesh}).", nameof(mesh));
        }

        Guard.InRange(mesh.CellsX, 4, 512, nameof(mesh) + ".CellsX");
        return new PoissonBoltzmannSolver(mesh);
    }

    /// <summary>
    /// Solves −φ'' = ρ₊ − e^{βφ}; writes φ, n₋ = e^{βφ} and E = −φ'.
    /// </summary>
    /// <param name="ionChargeDensity">ρ₊ per cell, finite, with positive mean.</param>
    /// <param name="beta">β &gt; 0, finite.</param>
    /// <param name="potential">On entry the starting guess (finite; zeros are fine), on exit φ.</param>
    /// <param name="electronDensity">n₋ per cell.</param>
    /// <param name="fieldX">E per cell.</param>
    /// <returns>The number of Newton steps taken.</returns>
    /// <exception cref="ArgumentException">Bad lengths, a non-finite value, β out of range or ⟨ρ₊⟩ ≤ 0.</exception>
    /// <exception cref="InvalidOperationException">Newton did not converge within its budget.</exception>
    public int Solve(ReadOnlySpan<double> ionChargeDensity, double beta, Span<double> potential, Span<double> electronDensity, Span<double> fieldX)
    {
        int n = Mesh.CellsX;
        Guard.Length(ionChargeDensity.Length, n, nameof(ionChargeDensity));
        Guard.Length(potential.Length, n, nameof(potential));
        Guard.Length(electronDensity.Length, n, nameof(electronDensity));
        Guard.Length(fieldX.Length, n, nameof(fieldX));
        Guard.AllFinite(ionChargeDensity, nameof(ionChargeDensity));
        Guard.AllFinite(potential, nameof(potential));
        Guard.Positive(beta);
        Guard.Finite(beta);
        double mean = 0.0;
        foreach (double r in ionChargeDensity)
        {
            mean += r;
        }

        mean /= n;
        if (!(mean > 0))
        {
            throw new ArgumentException($"ionChargeDensity must have a positive mean (was {mean}): Boltzmann electrons cannot neutralise it.", nameof(ionChargeDensity));
        }

        var phi = potential.ToArray();
        var trial = new double[n];
        var residual = new double[n];
        var trialResidual = new double[n];
        var step = new double[n];
        var matrix = new double[n * n];
        double merit = Merit(phi, ionChargeDensity, beta, residual);
        int iterations = 0;
        bool converged = false;
        while (!converged)
        {
            if (iterations == MaxIterations)
            {
                throw new InvalidOperationException($"Poisson–Boltzmann: Newton did not converge in {MaxIterations} steps (β = {beta}, ⟨ρ₊⟩ = {mean}).");
            }

            iterations++;
            Array.Copy(_laplacian, matrix, n * n);
            for (int i = 0; i < n; i++)
            {
                matrix[(i * n) + i] += beta * Math.Exp(beta * phi[i]);
                step[i] = -residual[i];
            }

            if (!SmallCholesky.Factor(matrix, n))
            {
                throw new InvalidOperationException("Poisson–Boltzmann: the Newton matrix is not positive definite (overflow of e^{βφ}?).");
            }

            SmallCholesky.Solve(matrix, n, step);
            double slope = 0.0, size = 0.0, scale = 1.0;
            for (int i = 0; i < n; i++)
            {
                slope += residual[i] * step[i];
                size = Math.Max(size, Math.Abs(step[i]));
                scale = Math.Max(scale, Math.Abs(phi[i]));
            }

            // Newton converges quadratically: once a full step is below 1e−10 of φ's scale, taking it leaves an error at
            // round-off (≈ 1e−20 plus the conditioning of −D² + β e^{βφ}), and a further step would be noise.
            if (size <= 1e-10 * scale)
            {
                converged = true;
            }

            double t = 1.0, next = double.NaN;
            for (int halving = 0; ; halving++)
            {
                for (int i = 0; i < n; i++)
                {
                    trial[i] = phi[i] + (t * step[i]);
                }

                next = Merit(trial, ionChargeDensity, beta, trialResidual);
                if (next <= merit + (1e-4 * t * slope) || converged || Norm(trialResidual) <= (1 - (1e-4 * t)) * Norm(residual))
                {
                    break;
                }

                if (halving == MaxHalvings)
                {
                    throw new InvalidOperationException($"Poisson–Boltzmann: no decrease along the Newton direction after {MaxHalvings} halvings (β = {beta}).");
                }

                t *= 0.5;
            }

            Array.Copy(trial, phi, n);
            merit = Merit(phi, ionChargeDensity, beta, residual);
        }

        phi.CopyTo(potential);
        var rho = new double[n];
        for (int i = 0; i < n; i++)
        {
            electronDensity[i] = Math.Exp(beta * phi[i]);
            rho[i] = ionChargeDensity[i] - electronDensity[i];
        }

        _poisson.Solve(rho, fieldX, []);
        return iterations;
    }

    /// <summary>The field energy ½Σ E²Δx.</summary>
    /// <param name="fieldX">E per cell.</param>
    public double FieldEnergy(ReadOnlySpan<double> fieldX) => _poisson.FieldEnergy(fieldX, []);

    // G(φ) = ½φᵀ(−D²)φ + β⁻¹Σe^{βφ} − ρᵀφ; with a destination, also its gradient r = (−D²)φ + e^{βφ} − ρ.
    private double Merit(double[] phi, ReadOnlySpan<double> rho, double beta, double[]? gradient)
    {
        int n = phi.Length;
        double g = 0.0;
        for (int i = 0; i < n; i++)
        {
            double lap = 0.0;
            int row = i * n;
            for (int j = 0; j < n; j++)
            {
                lap += _laplacian[row + j] * phi[j];
            }

            double e = Math.Exp(beta * phi[i]);
            g += (0.5 * phi[i] * lap) + (e / beta) - (rho[i] * phi[i]);
            if (gradient is not null)
            {
                gradient[i] = lap + e - rho[i];
            }
        }

        return g;
    }

    private static double Norm(double[] r)
    {
        double sum = 0.0;
        foreach (double x in r)
        {
            sum += x * x;
        }

        return Math.Sqrt(sum);
    }
}
