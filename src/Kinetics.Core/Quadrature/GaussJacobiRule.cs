using MathNet.Numerics.LinearAlgebra;

namespace Kinetics.Quadrature;

/// <summary>
/// The n-point Gauss–Jacobi rule on [−1, 1] for the weight (1 − x)^α (1 + x)^β, α, β &gt; −1:
/// ∫₋₁¹ (1 − x)^α (1 + x)^β g(x) dx ≈ Σᵢ wᵢ g(xᵢ), exact for polynomials g of degree ≤ 2n − 1.
/// </summary>
/// <remarks>
/// <para>Computed by the Golub–Welsch algorithm (Math. Comp. 23 (1969) 221–230): the nodes are the eigenvalues of the
/// symmetric tridiagonal Jacobi matrix of the orthonormal Jacobi polynomials, and wᵢ = μ₀ vᵢ₀² with vᵢ₀ the first
/// component of the i-th normalised eigenvector and μ₀ = ∫₋₁¹ (1 − x)^α (1 + x)^β dx = 2^{α+β+1} B(α+1, β+1). The
/// eigen-solver is MathNet's symmetric EVD. Nodes are accurate to a few ulps of 1; small weights near the ends
/// carry an absolute (not relative) error of a few ulps of μ₀. The construction costs O(n³): build once, reuse.</para>
/// <para>Recurrence coefficients (monic Jacobi polynomials): aₖ = (β² − α²)/((2k+α+β)(2k+α+β+2)) with
/// a₀ = (β − α)/(α + β + 2); bₖ² = 4k(k+α)(k+β)(k+α+β)/((2k+α+β)²(2k+α+β+1)(2k+α+β−1)) for k ≥ 1
/// (for k = 1 the common factor 1 + α + β is cancelled, which avoids 0/0 at α + β = −1).</para>
/// </remarks>
public sealed class GaussJacobiRule : QuadratureRule
{
    /// <summary>Largest supported number of points (the O(n³) eigen-solve stays below a second).</summary>
    public const int MaxCount = 512;

    /// <summary>Largest supported exponent α or β (larger ones make the weight too peaked for double precision).</summary>
    public const double MaxExponent = 64.0;

    private GaussJacobiRule(double[] nodes, double[] weights, int n, double alpha, double beta)
        : base(nodes, weights, -1.0, 1.0, (2 * n) - 1)
    {
        Alpha = alpha;
        Beta = beta;
    }

    /// <summary>α, the exponent of (1 − x).</summary>
    public double Alpha { get; }

    /// <summary>β, the exponent of (1 + x).</summary>
    public double Beta { get; }

    /// <summary>Creates the <paramref name="count"/>-point rule for the weight (1 − x)^α (1 + x)^β on [−1, 1].</summary>
    /// <param name="count">n, in [1, 512].</param>
    /// <param name="alpha">α in (−1, 64].</param>
    /// <param name="beta">β in (−1, 64].</param>
    /// <exception cref="ArgumentOutOfRangeException">n, α or β out of range (NaN included).</exception>
    public static GaussJacobiRule Create(int count, double alpha, double beta)
    {
        Guard.InRange(count, 1, MaxCount);
        Guard.InHalfOpenRange(alpha, -1.0, MaxExponent);
        Guard.InHalfOpenRange(beta, -1.0, MaxExponent);
        var (nodes, weights) = Compute(count, alpha, beta);
        return new GaussJacobiRule(nodes, weights, count, alpha, beta);
    }

    /// <summary>μ₀ = ∫₋₁¹ (1 − x)^α (1 + x)^β dx = 2^{α+β+1} Γ(α+1)Γ(β+1)/Γ(α+β+2).</summary>
    /// <param name="alpha">α &gt; −1.</param>
    /// <param name="beta">β &gt; −1.</param>
    internal static double TotalMass(double alpha, double beta) =>
        Math.Exp(((alpha + beta + 1.0) * Math.Log(2.0)) + MathNet.Numerics.SpecialFunctions.GammaLn(alpha + 1.0)
                 + MathNet.Numerics.SpecialFunctions.GammaLn(beta + 1.0) - MathNet.Numerics.SpecialFunctions.GammaLn(alpha + beta + 2.0));

    private static (double[] Nodes, double[] Weights) Compute(int n, double alpha, double beta)
    {
        double ab = alpha + beta;
        var jacobi = Matrix<double>.Build.Dense(n, n);
        for (int k = 0; k < n; k++)
        {
            double twoK = (2.0 * k) + ab;
            jacobi[k, k] = k == 0
                ? (beta - alpha) / (ab + 2.0)
                : ((beta * beta) - (alpha * alpha)) / (twoK * (twoK + 2.0));
            if (k + 1 < n)
            {
                int m = k + 1;
                double twoM = (2.0 * m) + ab;
                // b_m² = 4m(m+α)(m+β)(m+α+β) / ((2m+α+β)²(2m+α+β+1)(2m+α+β−1)). For m = 1 the factors (m+α+β) and
                // (2m+α+β−1) = (1+α+β) cancel, which avoids 0/0 when α + β = −1.
                double offDiagonalSquared = m == 1
                    ? 4.0 * (1.0 + alpha) * (1.0 + beta) / ((2.0 + ab) * (2.0 + ab) * (3.0 + ab))
                    : 4.0 * m * (m + alpha) * (m + beta) * (m + ab) / (twoM * twoM * (twoM + 1.0) * (twoM - 1.0));
                double offDiagonal = Math.Sqrt(offDiagonalSquared);
                jacobi[k, m] = offDiagonal;
                jacobi[m, k] = offDiagonal;
            }
        }

        var evd = jacobi.Evd(Symmetricity.Symmetric);
        double mu0 = TotalMass(alpha, beta);
        var nodes = new double[n];
        var weights = new double[n];
        for (int i = 0; i < n; i++)
        {
            nodes[i] = evd.EigenValues[i].Real;
            double v0 = evd.EigenVectors[0, i];
            weights[i] = mu0 * v0 * v0;
        }

        Array.Sort(nodes, weights);
        return (nodes, weights);
    }
}
