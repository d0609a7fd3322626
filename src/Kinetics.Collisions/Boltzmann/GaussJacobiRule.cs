using MathNet.Numerics.LinearAlgebra;

namespace Kinetics.Boltzmann;

/// <summary>
/// Gauss–Jacobi quadrature for the radial integrals of the Boltzmann operator:
/// ∫₀^R r^{γ+2} φ(r) dr ≈ Σ_i w_i φ(r_i), exact for polynomials φ of degree ≤ 2n − 1, so the |g|^γ singularity
/// (γ &gt; −3) and the Jacobian r² are absorbed into the weights.
/// </summary>
/// <remarks>Nodes and weights by Golub–Welsch: eigenvalues and first eigenvector components of the symmetric
/// tridiagonal Jacobi matrix of the weight (1 − x)^a (1 + x)^b on [−1, 1], here a = 0, b = γ + 2, mapped to [0, R].</remarks>
internal static class GaussJacobiRule
{
    /// <summary>Nodes r_i ∈ (0, R) and weights (including r^{γ+2}) of the n-point rule.</summary>
    public static (double[] Nodes, double[] Weights) Radial(int count, double gamma, double radius)
    {
        var (x, w) = Standard(count, 0.0, gamma + 2.0);
        double half = radius / 2.0, scale = Math.Pow(half, gamma + 3.0);
        var nodes = new double[count];
        var weights = new double[count];
        for (int i = 0; i < count; i++)
        {
            nodes[i] = half * (1.0 + x[i]);
            weights[i] = scale * w[i];
        }

        return (nodes, weights);
    }

    /// <summary>The n-point Gauss–Jacobi rule for (1 − x)^a (1 + x)^b on [−1, 1], a, b &gt; −1, nodes ascending.</summary>
    public static (double[] Nodes, double[] Weights) Standard(int count, double a, double b)
    {
        Guard.InRange(count, 1, 512);
        var jacobi = Matrix<double>.Build.Dense(count, count);
        for (int k = 0; k < count; k++)
        {
            double s = (2.0 * k) + a + b;
            jacobi[k, k] = k == 0 ? (b - a) / (a + b + 2.0) : ((b * b) - (a * a)) / (s * (s + 2.0));
            if (k > 0)
            {
                double off = Math.Sqrt(4.0 * k * (k + a) * (k + b) * (k + a + b) / (s * s * (s + 1.0) * (s - 1.0)));
                jacobi[k, k - 1] = off;
                jacobi[k - 1, k] = off;
            }
        }

        double mu0 = Math.Pow(2.0, a + b + 1.0) * Math.Exp(
            MathNet.Numerics.SpecialFunctions.GammaLn(a + 1.0) + MathNet.Numerics.SpecialFunctions.GammaLn(b + 1.0)
            - MathNet.Numerics.SpecialFunctions.GammaLn(a + b + 2.0));
        var evd = jacobi.Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, count).OrderBy(i => evd.EigenValues[i].Real).ToArray();
        var nodes = new double[count];
        var weights = new double[count];
        for (int i = 0; i < count; i++)
        {
            int e = order[i];
            nodes[i] = evd.EigenValues[e].Real;
            double v0 = evd.EigenVectors[0, e];
            weights[i] = mu0 * v0 * v0;
        }

        return (nodes, weights);
    }
}
