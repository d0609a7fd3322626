using MathNet.Numerics.LinearAlgebra;

namespace Kinetics.Transport;

/// <summary>Solves the Burnett equations of <see cref="ChapmanEnskog"/> in the m-th Sonine approximation.</summary>
internal static class SonineSolution
{
    public static TransportCoefficients Solve(ChapmanEnskog plan, int order)
    {
        int s = plan.Kernels.SpeciesCount, kv = plan.MaximumOrder + 1, kt = plan.MaximumOrder;
        double theta = plan.Temperature;
        double[] n = plan.Densities.ToArray();
        double[] m = new double[s];
        double nTotal = 0.0, rho = 0.0;
        for (int a = 0; a < s; a++)
        {
            m[a] = plan.Mass(a);
            nTotal += n[a];
            rho += m[a] * n[a];
        }

        // ∫ μ^α c·c S_k^{3/2} dv (zero for k ≥ 1), ∫ μ^α (W² − 5/2) c·c S_k^{3/2} dv, ∫ μ^α 2W°W : c°c S_k^{5/2} dv.
        var flux = new double[s, order + 1];
        var thermal = new double[s, order + 1];
        var shear = new double[s, order];
        for (int a = 0; a < s; a++)
        {
            double scale = 2.0 * theta / m[a];
            for (int k = 0; k <= order; k++)
            {
                int kk = k;
                flux[a, k] = plan.MaxwellianAverage(a, t => scale * t * Laguerre(1.5, t, kk));
                thermal[a, k] = plan.MaxwellianAverage(a, t => (t - 2.5) * scale * t * Laguerre(1.5, t, kk));
                if (k < order)
                {
                    shear[a, k] = plan.MaxwellianAverage(a, t => 4.0 / 3.0 * scale * t * t * Laguerre(2.5, t, kk));
                }
            }
        }

        // Shear: B on k < m.
        int[] tIdx = Indices(s, kt, 0, order);
        var tMatrix = Sub(plan.TensorMatrix, tIdx);
        var tRhs = Vector<double>.Build.Dense(tIdx.Length, i => shear[tIdx[i] / kt, tIdx[i] % kt]);
        var bCoefficients = tMatrix.Solve(tRhs);
        double viscosity = theta / 10.0 * bCoefficients.DotProduct(tRhs);

        // Heat conduction at zero diffusion fluxes: Ã on 1 ≤ k ≤ m.
        int[] lIdx = Indices(s, kv, 1, order + 1);
        var lRhs = Vector<double>.Build.Dense(lIdx.Length, i => thermal[lIdx[i] / kv, lIdx[i] % kv]);
        var aTilde = Sub(plan.VectorMatrix, lIdx).Solve(lRhs);
        double conductivity = aTilde.DotProduct(lRhs) / 3.0;

        // A on k ≤ m with total momentum zero: thermal diffusion.
        int[] aIdx = Indices(s, kv, 0, order + 1);
        var aMatrix = Sub(plan.VectorMatrix, aIdx);
        var momentum = Vector<double>.Build.Dense(aIdx.Length, i => m[aIdx[i] / kv] * flux[aIdx[i] / kv, aIdx[i] % kv]);
        var aRhs = Vector<double>.Build.Dense(aIdx.Length, i => thermal[aIdx[i] / kv, aIdx[i] % kv]);
        var aCoefficients = s > 1 ? ChapmanEnskog.SolveConstrained(aMatrix, aRhs, momentum) : Embed(aTilde, lIdx, aIdx);
        var thermalDiffusion = new double[s];
        for (int i = 0; i < aIdx.Length; i++)
        {
            int a = aIdx[i] / kv, k = aIdx[i] % kv;
            thermalDiffusion[a] += aCoefficients[i] * flux[a, k] / (3.0 * n[a]);
        }

        // Diffusion functions D^β on k < m.
        var diffusion = new double[s * s];
        if (s > 1)
        {
            int[] dIdx = Indices(s, kv, 0, order);
            var dMatrix = Sub(plan.VectorMatrix, dIdx);
            var dMomentum = Vector<double>.Build.Dense(dIdx.Length, i => m[dIdx[i] / kv] * flux[dIdx[i] / kv, dIdx[i] % kv]);
            for (int beta = 0; beta < s; beta++)
            {
                int b = beta;
                var rhs = Vector<double>.Build.Dense(dIdx.Length, i =>
                {
                    int a = dIdx[i] / kv;
                    return nTotal / n[a] * ((a == b ? 1.0 : 0.0) - (m[a] * n[a] / rho)) * flux[a, dIdx[i] % kv];
                });
                var d = ChapmanEnskog.SolveConstrained(dMatrix, rhs, dMomentum);
                for (int i = 0; i < dIdx.Length; i++)
                {
                    int a = dIdx[i] / kv, k = dIdx[i] % kv;
                    diffusion[(a * s) + beta] += d[i] * flux[a, k] / (3.0 * n[a]);
                }
            }
        }

        var a2 = new double[s, order + 1];
        for (int i = 0; i < aIdx.Length; i++)
        {
            a2[aIdx[i] / kv, aIdx[i] % kv] = aCoefficients[i];
        }

        var b2 = new double[s, order];
        for (int i = 0; i < tIdx.Length; i++)
        {
            b2[tIdx[i] / kt, tIdx[i] % kt] = bCoefficients[i];
        }

        return new TransportCoefficients(order, theta, m, viscosity, conductivity, diffusion, thermalDiffusion, a2, b2);
    }

    private static double Laguerre(double a, double t, int k)
    {
        Span<double> values = stackalloc double[k + 1];
        SonineBrackets.Laguerre(a, t, values);
        return values[k];
    }

    private static int[] Indices(int species, int stride, int from, int to)
    {
        var list = new List<int>();
        for (int a = 0; a < species; a++)
        {
            for (int k = from; k < to; k++)
            {
                list.Add((a * stride) + k);
            }
        }

        return list.ToArray();
    }

    private static Matrix<double> Sub(double[,] full, int[] idx) => Matrix<double>.Build.Dense(idx.Length, idx.Length, (i, j) => full[idx[i], idx[j]]);

    private static Vector<double> Embed(Vector<double> values, int[] from, int[] to)
    {
        var result = Vector<double>.Build.Dense(to.Length);
        for (int i = 0; i < from.Length; i++)
        {
            result[Array.IndexOf(to, from[i])] = values[i];
        }

        return result;
    }
}
