using MathNet.Numerics.LinearAlgebra;

namespace Kinetics.Quadrature;

/// <summary>
/// The n-point Gauss–Jacobi rule on [−1, 1] for the weight (1 − x)^α (1 + x)^β, α, β &gt; −1:
/// ∫₋₁¹ (1 − x)^α (1 + x)^β g(x) dx ≈ Σᵢ wᵢ g(xᵢ), exact for polynomials g of degree ≤ 2n − 1.
/// </summary>
/// <remarks>
/// <para>Computed by the Golub–Welsch algorithm (Math. Comp. 23 (1969) 221–230): the nodes are the eigenvalues of the
/// symmetric tridiagonal Jacobi matrix of the orthonormal Jacobi polynomials (MathNet's symmetric EVD). The nodes are
/// then polished by Newton steps on the orthonormal polynomial p̂ₙ and the weights taken as Christoffel numbers
/// wᵢ = 1/Σ_{k&lt;n} p̂ₖ(xᵢ)² with p̂₀ = μ₀^{−1/2}, μ₀ = ∫₋₁¹ (1 − x)^α (1 + x)^β dx = 2^{α+β+1} B(α+1, β+1): unlike the
/// eigenvector formula μ₀vᵢ₀², this keeps the tiny end weights relatively accurate (measured in docs/quadrature.md).
/// The construction costs O(n³): build once, reuse.</para>
/// <para>Recurrence coefficients (monic Jacobi polynomials): aₖ = (β² − α²)/((2k+α+β)(2k+α+β+2)) with
/// a₀ = (β − α)/(α + β + 2); bₖ² = 4k(k+α)(k+β)(k+α+β)/((2k+α+β)²(2k+α+β+1)(2k+α+β−1)) for k ≥ 1
/// (for k = 1 the common factor 1 + α + β is cancelled, which avoids 0/0 at α + β = −1).</para>
/// </remarks>
public sealed class GaussJacobiRule : QuadratureRule
{
    /// <summary>Largest supported number of points (the O(n³) eigen-solve takes about a second at this size).</summary>
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

    /// <summary>μ₀ = ∫₋₁¹ (1 − x)^α (1 + x)^β dx = 2^{α+β+1} Γ(α+1)Γ(β+1)/Γ(α+β+2) (= 2^{β+1}/(β+1) when α = 0).</summary>
    /// <param name="alpha">α in (−1, 64].</param>
    /// <param name="beta">β in (−1, 64].</param>
    internal static double TotalMass(double alpha, double beta) => alpha == 0.0
        ? Math.Pow(2.0, beta + 1.0) / (beta + 1.0)
        : Math.Pow(2.0, alpha + beta + 1.0) * (MathNet.Numerics.SpecialFunctions.Gamma(alpha + 1.0)
            * MathNet.Numerics.SpecialFunctions.Gamma(beta + 1.0) / MathNet.Numerics.SpecialFunctions.Gamma(alpha + beta + 2.0));

    private static (double[] Nodes, double[] Weights) Compute(int n, double alpha, double beta)
    {
        var coefficients = new Recurrence(alpha, beta, n);
        var jacobi = Matrix<double>.Build.Dense(n, n);
        for (int k = 0; k < n; k++)
        {
            jacobi[k, k] = coefficients.Diagonal[k];
            if (k + 1 < n)
            {
                jacobi[k, k + 1] = coefficients.OffDiagonal[k + 1];
                jacobi[k + 1, k] = coefficients.OffDiagonal[k + 1];
            }
        }

        // Eigenvalues of the Jacobi matrix are the nodes to ~n ulps; one or two Newton steps on the orthonormal
        // polynomial p̂ₙ polish them, and the Christoffel numbers wᵢ = 1/Σ_{k<n} p̂ₖ(xᵢ)² give weights with small
        // *relative* error even where they are tiny (the eigenvector formula μ₀vᵢ₀² is only absolutely accurate).
        var evd = jacobi.Evd(Symmetricity.Symmetric);
        var nodes = new double[n];
        var weights = new double[n];
        for (int i = 0; i < n; i++)
        {
            double x = evd.EigenValues[i].Real;
            for (int iteration = 0; iteration < 4; iteration++)
            {
                var (p, dp, _) = coefficients.Evaluate(x);
                double step = p / dp;
                double next = x - step;
                if (!(next > -1.0 && next < 1.0) || !double.IsFinite(step))
                {
                    break;
                }

                x = next;
                if (Math.Abs(step) <= 2e-16)
                {
                    break;
                }
            }

            nodes[i] = x;
            weights[i] = 1.0 / coefficients.Evaluate(x).SumOfSquares;
        }

        Array.Sort(nodes, weights);
        return (nodes, weights);
    }

    // Recurrence of the orthonormal Jacobi polynomials: b_{k+1} p̂_{k+1} = (x − a_k) p̂_k − b_k p̂_{k−1}.
    private sealed class Recurrence
    {
        public Recurrence(double alpha, double beta, int n)
        {
            double ab = alpha + beta;
            Diagonal = new double[n];
            OffDiagonal = new double[n + 1];
            for (int k = 0; k < n; k++)
            {
                double twoK = (2.0 * k) + ab;
                Diagonal[k] = k == 0
                    ? (beta - alpha) / (ab + 2.0)
                    : ((beta * beta) - (alpha * alpha)) / (twoK * (twoK + 2.0));
            }

            for (int m = 1; m <= n; m++)
            {
                double twoM = (2.0 * m) + ab;
                // b_m² = 4m(m+α)(m+β)(m+α+β) / ((2m+α+β)²(2m+α+β+1)(2m+α+β−1)). For m = 1 the factors (m+α+β) and
                // (2m+α+β−1) = (1+α+β) cancel, which avoids 0/0 when α + β = −1.
                double squared = m == 1
                    ? 4.0 * (1.0 + alpha) * (1.0 + beta) / ((2.0 + ab) * (2.0 + ab) * (3.0 + ab))
                    : 4.0 * m * (m + alpha) * (m + beta) * (m + ab) / (twoM * twoM * (twoM + 1.0) * (twoM - 1.0));
                OffDiagonal[m] = Math.Sqrt(squared);
            }

            P0 = 1.0 / Math.Sqrt(TotalMass(alpha, beta));
        }

        public double[] Diagonal { get; }

        public double[] OffDiagonal { get; }

        public double P0 { get; }

        // (p̂ₙ(x), p̂ₙ′(x), Σ_{k<n} p̂ₖ(x)²) with n = Diagonal.Length.
        public (double Value, double Derivative, double SumOfSquares) Evaluate(double x)
        {
            double previous = 0.0, current = P0, dPrevious = 0.0, dCurrent = 0.0, sum = 0.0;
            for (int k = 0; k < Diagonal.Length; k++)
            {
                sum += current * current;
                double next = (((x - Diagonal[k]) * current) - (OffDiagonal[k] * previous)) / OffDiagonal[k + 1];
                double dNext = (current + ((x - Diagonal[k]) * dCurrent) - (OffDiagonal[k] * dPrevious)) / OffDiagonal[k + 1];
                previous = current;
                current = next;
                dPrevious = dCurrent;
                dCurrent = dNext;
            }

            return (current, dCurrent, sum);
        }
    }
}
