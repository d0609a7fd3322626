using Kinetics.Transport;

namespace Kinetics.Limits;

/// <summary>
/// The flux-incompressible Maxwell–Stefan system in one space dimension, the diffusive limit of the multi-species
/// Boltzmann equation (docs/limits.md):
/// ∂_t c_i + ∂_x J_i = 0, −∂_x c_i = Σ_j (c_j J_i − c_i J_j)/Δ_ij, Σ_i J_i = 0 (J_i = c_i u_i),
/// solved by finite volumes (cell averages, face fluxes from the Maxwell–Stefan relations with the constraint replacing
/// one of them) and SSP-RK2 with a step under the diffusive limit.
/// </summary>
/// <remarks>
/// <para>Σ_i c_i is constant in time and, for data with Σ_i c_i uniform, in space (summing the relations gives Σ ∂_x c_i = 0);
/// species totals are conserved to round-off (flux form; zero fluxes at walls). The binary coefficients Δ_ij are those of
/// <see cref="MaxwellStefan.Coefficients"/> (so the system is the one the kinetic model converges to).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class MaxwellStefan1D
{
    private readonly double[] _inverseDelta; // 1/Δ_ij, 0 on the diagonal

    private MaxwellStefan1D(int species, double[] inverseDelta, int cells, double length, LimitBoundary boundary)
    {
        SpeciesCount = species;
        _inverseDelta = inverseDelta;
        Cells = cells;
        Length = length;
        Boundary = boundary;
    }

    /// <summary>N, the number of species.</summary>
    public int SpeciesCount { get; }

    /// <summary>Number of finite-volume cells.</summary>
    public int Cells { get; }

    /// <summary>Domain length ℓ.</summary>
    public double Length { get; }

    /// <summary>Cell width ℓ/cells.</summary>
    public double Spacing => Length / Cells;

    /// <summary>Boundary conditions.</summary>
    public LimitBoundary Boundary { get; }

    /// <summary>Creates the solver.</summary>
    /// <param name="delta">Δ_ij &gt; 0 for i ≠ j, symmetric, row-major N×N (the diagonal is ignored), N ∈ [2, 16].</param>
    /// <param name="cells">Cells in [4, 100000].</param>
    /// <param name="length">ℓ &gt; 0.</param>
    /// <param name="boundary"><see cref="LimitBoundary.Periodic"/> or <see cref="LimitBoundary.Walls"/>.</param>
    public static MaxwellStefan1D Create(ReadOnlySpan<double> delta, int cells, double length, LimitBoundary boundary)
    {
        int n = (int)Math.Round(Math.Sqrt(delta.Length));
        if (n * n != delta.Length || n < 2 || n > 16)
        {
            throw new ArgumentException($"delta must hold N×N values with N in [2, 16] (had {delta.Length}).", nameof(delta));
        }

        Guard.InRange(cells, 4, 100000);
        Guard.Positive(length);
        Guard.Finite(length);
        if (boundary != LimitBoundary.Periodic && boundary != LimitBoundary.Walls)
        {
            throw new ArgumentOutOfRangeException(nameof(boundary), boundary, "boundary must be Periodic or Walls (impermeable walls).");
        }

        var inverse = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (i == j)
                {
                    continue;
                }

                double d = delta[(i * n) + j];
                if (!(d > 0) || double.IsInfinity(d) || Math.Abs(d - delta[(j * n) + i]) > 1e-12 * d)
                {
                    throw new ArgumentException($"Δ_{i}{j} must be finite, > 0 and symmetric (was {d}).", nameof(delta));
                }

                inverse[(i * n) + j] = 1.0 / d;
            }
        }

        return new MaxwellStefan1D(n, inverse, cells, length, boundary);
    }

    /// <summary>Centre of cell k.</summary>
    /// <param name="k">Cell index in [0, <see cref="Cells"/>).</param>
    public double Centre(int k)
    {
        Guard.InRange(k, 0, Cells - 1);
        return (k + 0.5) * Spacing;
    }

    /// <summary>
    /// The face fluxes J_i at the faces x_{k−1/2}, k = 0 … faces − 1 (faces = cells for periodic, cells + 1 for walls; species
    /// major) of the concentrations <paramref name="c"/> (species-major N × cells, all &gt; 0).
    /// </summary>
    /// <param name="c">Cell averages c_i.</param>
    /// <param name="fluxes">N × faces values.</param>
    public void Fluxes(ReadOnlySpan<double> c, Span<double> fluxes)
    {
        int n = SpeciesCount, faces = Faces;
        CheckConcentrations(c);
        Guard.Length(fluxes.Length, n * faces, nameof(fluxes));
        Span<double> matrix = stackalloc double[n * n];
        Span<double> rhs = stackalloc double[n];
        Span<double> cf = stackalloc double[n];
        for (int f = 0; f < faces; f++)
        {
            int left = f - 1, right = f;
            if (Boundary == LimitBoundary.Walls && (f == 0 || f == Cells))
            {
                for (int i = 0; i < n; i++)
                {
                    fluxes[(i * faces) + f] = 0.0;
                }

                continue;
            }

            if (left < 0)
            {
                left += Cells;
            }

            for (int i = 0; i < n; i++)
            {
                double cl = c[(i * Cells) + left], cr = c[(i * Cells) + right];
                cf[i] = 0.5 * (cl + cr);
                rhs[i] = -(cr - cl) / Spacing;
            }

            // Rows 0 … N−2: Σ_j (c_j J_i − c_i J_j)/Δ_ij = −∂_x c_i; row N−1: Σ_i J_i = 0.
            matrix.Clear();
            for (int i = 0; i < n - 1; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    if (j == i)
                    {
                        continue;
                    }

                    double w = _inverseDelta[(i * n) + j];
                    matrix[(i * n) + i] += cf[j] * w;
                    matrix[(i * n) + j] -= cf[i] * w;
                }
            }

            for (int j = 0; j < n; j++)
            {
                matrix[((n - 1) * n) + j] = 1.0;
            }

            rhs[n - 1] = 0.0;
            SolveDense(matrix, rhs, n);
            for (int i = 0; i < n; i++)
            {
                fluxes[(i * faces) + f] = rhs[i];
            }
        }
    }

    /// <summary>The explicit step limit ½ h² / D̂ with D̂ = max_ij Δ_ij / min_k Σ_i c_i (the largest effective diffusivity).</summary>
    /// <param name="c">Cell averages (species-major).</param>
    public double StableStep(ReadOnlySpan<double> c)
    {
        CheckConcentrations(c);
        double total = double.PositiveInfinity, largest = 0;
        for (int k = 0; k < Cells; k++)
        {
            double sum = 0;
            for (int i = 0; i < SpeciesCount; i++)
            {
                sum += c[(i * Cells) + k];
            }

            total = Math.Min(total, sum);
        }

        foreach (double w in _inverseDelta)
        {
            if (w > 0)
            {
                largest = Math.Max(largest, 1.0 / w);
            }
        }

        return 0.4 * Spacing * Spacing * total / largest;
    }

    /// <summary>Advances <paramref name="c"/> in place to time + <paramref name="duration"/> with SSP-RK2 steps under <see cref="StableStep"/>.</summary>
    /// <param name="c">Cell averages (species-major), all &gt; 0; modified.</param>
    /// <param name="duration">Time to advance, ≥ 0.</param>
    /// <param name="maxSteps">Step budget (default 10⁷).</param>
    /// <returns>The number of steps taken.</returns>
    public int Advance(Span<double> c, double duration, int maxSteps = 10_000_000)
    {
        CheckConcentrations(c);
        Guard.NonNegative(duration);
        Guard.Finite(duration);
        Guard.InRange(maxSteps, 1, int.MaxValue);
        int length = c.Length, faces = Faces, steps = 0;
        var flux = new double[SpeciesCount * faces];
        var rate = new double[length];
        var u0 = new double[length];
        double time = 0;
        while (time < duration)
        {
            if (steps == maxSteps)
            {
                throw new InvalidOperationException($"Maxwell–Stefan: {maxSteps} steps did not reach t = {duration} (step {StableStep(c):G3}).");
            }

            double dt = Math.Min(StableStep(c), duration - time);
            c.CopyTo(u0);
            Rate(c, flux, rate);
            for (int p = 0; p < length; p++)
            {
                c[p] += dt * rate[p];
            }

            Rate(c, flux, rate);
            for (int p = 0; p < length; p++)
            {
                c[p] = 0.5 * (u0[p] + c[p] + (dt * rate[p]));
            }

            time += dt;
            steps++;
        }

        return steps;
    }

    // N × cells values, every one finite and > 0 (the fluxes divide by the total concentration).
    private void CheckConcentrations(ReadOnlySpan<double> c, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(c))] string? paramName = null)
    {
        Guard.Length(c.Length, SpeciesCount * Cells, paramName);
        foreach (double value in c)
        {
            if (!(value > 0.0) || !double.IsFinite(value))
            {
                throw new ArgumentOutOfRangeException(paramName, value, $"{paramName}: every concentration must be finite and > 0 (found {value}).");
            }
        }
    }

    private int Faces => Boundary == LimitBoundary.Periodic ? Cells : Cells + 1;

    private void Rate(ReadOnlySpan<double> c, double[] flux, double[] rate)
    {
        Fluxes(c, flux);
        int faces = Faces;
        for (int i = 0; i < SpeciesCount; i++)
        {
            for (int k = 0; k < Cells; k++)
            {
                int rightFace = Boundary == LimitBoundary.Periodic ? (k + 1) % Cells : k + 1;
                rate[(i * Cells) + k] = -(flux[(i * faces) + rightFace] - flux[(i * faces) + k]) / Spacing;
            }
        }
    }

    // Gaussian elimination with partial pivoting, in place: rhs ← A⁻¹ rhs.
    private static void SolveDense(Span<double> a, Span<double> b, int n)
    {
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < n; r++)
            {
                if (Math.Abs(a[(r * n) + col]) > Math.Abs(a[(pivot * n) + col]))
                {
                    pivot = r;
                }
            }

            if (pivot != col)
            {
                for (int k = 0; k < n; k++)
                {
                    (a[(col * n) + k], a[(pivot * n) + k]) = (a[(pivot * n) + k], a[(col * n) + k]);
                }

                (b[col], b[pivot]) = (b[pivot], b[col]);
            }

            double diagonal = a[(col * n) + col];
            if (diagonal == 0.0)
            {
                throw new InvalidOperationException("Maxwell–Stefan: singular flux system (a concentration vanished).");
            }

            for (int r = col + 1; r < n; r++)
            {
                double factor = a[(r * n) + col] / diagonal;
                for (int k = col; k < n; k++)
                {
                    a[(r * n) + k] -= factor * a[(col * n) + k];
                }

                b[r] -= factor * b[col];
            }
        }

        for (int r = n - 1; r >= 0; r--)
        {
            double sum = b[r];
            for (int k = r + 1; k < n; k++)
            {
                sum -= a[(r * n) + k] * b[k];
            }

            b[r] = sum / a[(r * n) + r];
        }
    }
}
