namespace Kinetics.Linearized;

/// <summary>
/// Restarted GMRES(m) with modified Gram–Schmidt and Givens rotations for A x = b, A given as an action; the Krylov
/// engine behind <see cref="LinearizedInverse"/> and the linearly implicit collision step.
/// </summary>
internal static class Gmres
{
    /// <summary>Solves A x = b from the initial guess in <paramref name="x"/>; returns (iterations, ‖b − Ax‖/‖b‖).</summary>
    /// <param name="apply">y = A x (must not keep references to its arguments).</param>
    /// <param name="b">Right-hand side.</param>
    /// <param name="x">Initial guess on entry, solution on exit.</param>
    /// <param name="restart">Krylov dimension m.</param>
    /// <param name="maxIterations">Budget of A applications.</param>
    /// <param name="tolerance">Target relative residual.</param>
    /// <param name="project">Optional projection applied to every Krylov vector (e.g. onto (ker A)^⊥).</param>
    public static (int Iterations, double Residual) Solve(
        Action<double[], double[]> apply, double[] b, double[] x, int restart, int maxIterations, double tolerance, Action<double[]>? project = null)
    {
        int n = b.Length;
        double bNorm = Norm(b);
        if (bNorm == 0.0)
        {
            Array.Clear(x);
            return (0, 0.0);
        }

        var basis = new double[restart + 1][];
        for (int i = 0; i <= restart; i++)
        {
            basis[i] = new double[n];
        }

        var h = new double[restart + 1, restart];
        var cs = new double[restart];
        var sn = new double[restart];
        var g = new double[restart + 1];
        var w = new double[n];
        int iterations = 0;
        double residual = double.PositiveInfinity;
        while (iterations < maxIterations)
        {
            apply(x, w);
            for (int p = 0; p < n; p++)
            {
                basis[0][p] = b[p] - w[p];
            }

            project?.Invoke(basis[0]);
            double beta = Norm(basis[0]);
            residual = beta / bNorm;
            if (residual <= tolerance)
            {
                break;
            }

            Scale(basis[0], 1.0 / beta);
            Array.Clear(g);
            g[0] = beta;
            int k = 0;
            for (; k < restart && iterations < maxIterations; k++)
            {
                apply(basis[k], basis[k + 1]);
                iterations++;
                project?.Invoke(basis[k + 1]);
                for (int pass = 0; pass < 2; pass++)
                {
                    for (int j = 0; j <= k; j++)
                    {
                        double dot = Dot(basis[j], basis[k + 1]);
                        h[j, k] += dot;
                        Axpy(-dot, basis[j], basis[k + 1]);
                    }
                }

                h[k + 1, k] = Norm(basis[k + 1]);
                if (h[k + 1, k] > 0)
                {
                    Scale(basis[k + 1], 1.0 / h[k + 1, k]);
                }

                for (int j = 0; j < k; j++)
                {
                    double t = (cs[j] * h[j, k]) + (sn[j] * h[j + 1, k]);
                    h[j + 1, k] = (-sn[j] * h[j, k]) + (cs[j] * h[j + 1, k]);
                    h[j, k] = t;
                }

                double r = Math.Sqrt((h[k, k] * h[k, k]) + (h[k + 1, k] * h[k + 1, k]));
                cs[k] = h[k, k] / r;
                sn[k] = h[k + 1, k] / r;
                h[k, k] = r;
                h[k + 1, k] = 0;
                g[k + 1] = -sn[k] * g[k];
                g[k] *= cs[k];
                residual = Math.Abs(g[k + 1]) / bNorm;
                if (residual <= tolerance)
                {
                    k++;
                    break;
                }
            }

            // Back substitution and update x += V y.
            var y = new double[k];
            for (int i = k - 1; i >= 0; i--)
            {
                double sum = g[i];
                for (int j = i + 1; j < k; j++)
                {
                    sum -= h[i, j] * y[j];
                }

                y[i] = sum / h[i, i];
            }

            for (int j = 0; j < k; j++)
            {
                Axpy(y[j], basis[j], x);
            }

            Array.Clear(h);
            if (residual <= tolerance)
            {
                break;
            }
        }

        return (iterations, residual);
    }

    private static double Dot(double[] a, double[] b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    private static double Norm(double[] a) => Math.Sqrt(Dot(a, a));

    private static void Scale(double[] a, double s) => System.Numerics.Tensors.TensorPrimitives.Multiply(a, s, a);

    private static void Axpy(double s, double[] x, double[] y)
    {
        for (int p = 0; p < y.Length; p++)
        {
            y[p] += s * x[p];
        }
    }
}
