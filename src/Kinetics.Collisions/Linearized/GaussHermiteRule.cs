using MathNet.Numerics.LinearAlgebra;

namespace Kinetics.Linearized;

/// <summary>
/// Gauss–Hermite rule ∫_ℝ e^{−x²} g(x) dx ≈ Σ w_k g(x_k), exact for polynomials of degree ≤ 2n − 1 (Golub–Welsch: eigen-
/// decomposition of the Jacobi matrix with off-diagonal √(k/2)).
/// </summary>
internal sealed class GaussHermiteRule
{
    public GaussHermiteRule(int order)
    {
        var jacobi = Matrix<double>.Build.Dense(order, order);
        for (int k = 1; k < order; k++)
        {
            jacobi[k, k - 1] = jacobi[k - 1, k] = Math.Sqrt(k / 2.0);
        }

        var evd = jacobi.Evd(Symmetricity.Symmetric);
        Abscissas = new double[order];
        Weights = new double[order];
        for (int k = 0; k < order; k++)
        {
            Abscissas[k] = evd.EigenValues[k].Real;
            double first = evd.EigenVectors[0, k];
            Weights[k] = Math.Sqrt(Math.PI) * first * first;
        }
    }

    public double[] Abscissas { get; }

    public double[] Weights { get; }
}
