namespace Kinetics.Quadrature;

/// <summary>
/// The n-point Gauss–Hermite rule on ℝ for the weight e^{−x²}: ∫ e^{−x²} g(x) dx ≈ Σᵢ wᵢ g(xᵢ), exact for polynomials g of
/// degree ≤ 2n − 1. <see cref="QuadratureRule.Weights"/> include the weight function (Σ wᵢ = √π).
/// </summary>
/// <remarks>
/// Nodes are the roots of the n-th orthonormal Hermite polynomial: the eigenvalues of the Jacobi matrix (off-diagonal
/// √(k/2)) as initial guesses, polished by Newton's method on the orthonormal three-term recurrence; weights are the
/// Christoffel numbers 1/Σ_{k&lt;n} p̃_k(xᵢ)² (more accurate than squared eigenvector components). A Maxwellian moment
/// ∫ 𝓜 g dv becomes a product rule in the scaled velocity x = v √(m/(2T)).
/// </remarks>
public sealed class GaussHermiteRule : QuadratureRule
{
    /// <summary>Largest supported number of points.</summary>
    public const int MaxCount = 256;

    private GaussHermiteRule(double[] nodes, double[] weights, int n)
        : base(nodes, weights, double.NegativeInfinity, double.PositiveInfinity, (2 * n) - 1)
    {
    }

    /// <summary>Creates the <paramref name="count"/>-point Gauss–Hermite rule.</summary>
    /// <param name="count">n, in [1, 256].</param>
    /// <exception cref="ArgumentOutOfRangeException">n out of range.</exception>
    public static GaussHermiteRule Create(int count)
    {
        Guard.InRange(count, 1, MaxCount);
        var jacobi = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(count, count);
        for (int k = 1; k < count; k++)
        {
            jacobi[k, k - 1] = jacobi[k - 1, k] = Math.Sqrt(k / 2.0);
        }

        var eigenvalues = jacobi.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric).EigenValues;
        var nodes = new double[count];
        var weights = new double[count];
        for (int i = 0; i < count; i++)
        {
            double x = eigenvalues[i].Real;
            for (int iteration = 0; iteration < 3; iteration++)
            {
                var (value, derivative, _) = Orthonormal(count, x);
                x -= value / derivative;
            }

            nodes[i] = x;
            weights[i] = 1.0 / Orthonormal(count, x).SumOfSquares;
        }

        Array.Sort(nodes, weights);
        return new GaussHermiteRule(nodes, weights, count);
    }

    // p̃_n(x), p̃_n′(x) = √(2n) p̃_{n−1}(x) and Σ_{k<n} p̃_k(x)² for the polynomials orthonormal under e^{−x²}:
    // p̃_0 = π^{−1/4}, p̃_{k+1} = √(2/(k+1)) x p̃_k − √(k/(k+1)) p̃_{k−1}.
    private static (double Value, double Derivative, double SumOfSquares) Orthonormal(int n, double x)
    {
        double previous = 0.0, current = Math.Pow(Math.PI, -0.25), sum = 0.0;
        for (int k = 0; k < n; k++)
        {
            sum += current * current;
            double next = (Math.Sqrt(2.0 / (k + 1)) * x * current) - (Math.Sqrt(k / (k + 1.0)) * previous);
            previous = current;
            current = next;
        }

        return (current, Math.Sqrt(2.0 * n) * previous, sum);
    }
}
