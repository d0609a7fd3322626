namespace Kinetics.Transport;

/// <summary>The Maxwell–Stefan coefficients Δ_ij of a mixture (symmetric; the diagonal is +∞ and plays no role).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class MaxwellStefanCoefficients
{
    private readonly double[] _delta;

    internal MaxwellStefanCoefficients(int speciesCount, double[] delta)
    {
        SpeciesCount = speciesCount;
        _delta = delta;
    }

    /// <summary>Number of species N.</summary>
    public int SpeciesCount { get; }

    /// <summary>Δ_ij.</summary>
    /// <param name="i">Species i.</param>
    /// <param name="j">Species j.</param>
    public double this[int i, int j]
    {
        get
        {
            Guard.InRange(i, 0, SpeciesCount - 1);
            Guard.InRange(j, 0, SpeciesCount - 1);
            return _delta[(i * SpeciesCount) + j];
        }
    }

    /// <summary>
    /// The matrix A(c) of ∇c = A(c)u (docs/math#transport): A_ij = c_i c_j/Δ_ij (i ≠ j), A_ii = −Σ_{k≠i} c_i c_k/Δ_ik; symmetric,
    /// A·1 = 0, uᵀAu = −½ Σ c_i c_j |u_i − u_j|²/Δ_ij ≤ 0. Written row-major into <paramref name="destination"/> (N² entries).
    /// </summary>
    /// <param name="concentrations">c_i ≥ 0 (N entries).</param>
    /// <param name="destination">N² entries.</param>
    public void FrictionMatrix(ReadOnlySpan<double> concentrations, Span<double> destination)
    {
        int n = SpeciesCount;
        Guard.Length(concentrations.Length, n);
        Guard.Length(destination.Length, n * n);
        for (int i = 0; i < n; i++)
        {
            double diagonal = 0;
            for (int j = 0; j < n; j++)
            {
                if (i == j)
                {
                    continue;
                }

                double a = concentrations[i] * concentrations[j] / _delta[(i * n) + j];
                destination[(i * n) + j] = a;
                diagonal -= a;
            }

            destination[(i * n) + i] = diagonal;
        }
    }
}
