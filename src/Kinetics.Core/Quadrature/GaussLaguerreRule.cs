namespace Kinetics.Quadrature;

/// <summary>
/// The n-point generalized Gauss–Laguerre rule on [0, ∞) for the weight t^a e^{−t}, a &gt; −1:
/// ∫₀^∞ t^a e^{−t} g(t) dt ≈ Σᵢ wᵢ g(tᵢ), exact for polynomials g of degree ≤ 2n − 1.
/// <see cref="QuadratureRule.Weights"/> include the weight function (Σ wᵢ = Γ(a + 1)).
/// </summary>
/// <remarks>
/// Nodes are the roots of the n-th orthonormal Laguerre polynomial L_n^{(a)}: the eigenvalues of the Jacobi matrix
/// (diagonal 2k + 1 + a, off-diagonal √(k(k + a))) as initial guesses, polished by Newton's method on the orthonormal
/// three-term recurrence; weights are the Christoffel numbers 1/Σ_{k&lt;n} p̃_k(tᵢ)². Radial Maxwellian moments
/// ∫₀^∞ r^{2+s} e^{−m r²/(2T)} g(r) dr become this rule in t = m r²/(2T) with a = (1 + s)/2.
/// </remarks>
public sealed class GaussLaguerreRule : QuadratureRule
{
    /// <summary>Largest supported number of points.</summary>
    public const int MaxCount = 128;

    private GaussLaguerreRule(double[] nodes, double[] weights, int n, double exponent)
        : base(nodes, weights, 0.0, double.PositiveInfinity, (2 * n) - 1)
    {
        Exponent = exponent;
    }

    /// <summary>a, the exponent of the weight t^a e^{−t}.</summary>
    public double Exponent { get; }

    /// <summary>Creates the <paramref name="count"/>-point rule for the weight t^a e^{−t}.</summary>
    /// <param name="count">n, in [1, 128].</param>
    /// <param name="exponent">a, in (−1, 64].</param>
    /// <exception cref="ArgumentOutOfRangeException">n or a out of range.</exception>
    public static GaussLaguerreRule Create(int count, double exponent = 0.0)
    {
        Guard.InRange(count, 1, MaxCount);
        Guard.Finite(exponent);
        if (exponent <= -1.0 || exponent > 64.0)
        {
            throw new ArgumentOutOfRangeException(nameof(exponent), exponent, "exponent a must lie in (−1, 64].");
        }

        var jacobi = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(count, count);
        for (int k = 0; k < count; k++)
        {
            jacobi[k, k] = (2 * k) + 1 + exponent;
            if (k > 0)
            {
                jacobi[k, k - 1] = jacobi[k - 1, k] = Math.Sqrt(k * (k + exponent));
            }
        }

        var eigenvalues = jacobi.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric).EigenValues;
        var nodes = new double[count];
        var weights = new double[count];
        double norm = 1.0 / Math.Sqrt(MathNet.Numerics.SpecialFunctions.Gamma(exponent + 1.0));
        for (int i = 0; i < count; i++)
        {
            double t = eigenvalues[i].Real;
            for (int iteration = 0; iteration < 3; iteration++)
            {
                var (value, derivative, _) = Orthonormal(count, exponent, norm, t);
                t -= value / derivative;
            }

            nodes[i] = t;
            weights[i] = 1.0 / Orthonormal(count, exponent, norm, t).SumOfSquares;
        }

        Array.Sort(nodes, weights);
        return new GaussLaguerreRule(nodes, weights, count, exponent);
    }

    // p̃_n(t), p̃_n′(t) and Σ_{k<n} p̃_k(t)² for the polynomials orthonormal under t^a e^{−t}:
    // p̃_0 = Γ(a+1)^{−1/2}, √((k+1)(k+1+a)) p̃_{k+1} = (t − 2k − 1 − a) p̃_k − √(k(k+a)) p̃_{k−1}.
    private static (double Value, double Derivative, double SumOfSquares) Orthonormal(int n, double a, double norm, double t)
    {
        double previous = 0.0, current = norm, dPrevious = 0.0, dCurrent = 0.0, sum = 0.0;
        for (int k = 0; k < n; k++)
        {
            sum += current * current;
            double up = Math.Sqrt((k + 1) * (k + 1 + a)), down = Math.Sqrt(k * (k + a));
            double next = (((t - (2 * k) - 1 - a) * current) - (down * previous)) / up;
            double dNext = (current + ((t - (2 * k) - 1 - a) * dCurrent) - (down * dPrevious)) / up;
            previous = current;
            current = next;
            dPrevious = dCurrent;
            dCurrent = dNext;
        }

        return (current, dCurrent, sum);
    }
}
