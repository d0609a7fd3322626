using Kinetics.Kernels;
using Kinetics.Quadrature;

namespace Kinetics.Transport;

/// <summary>
/// The bracket integrals [ψ, φ] = ¼ Σ_{αβ} ∫∫∫ B^{αβ} μ^α μ^β* Δ_ψ·Δ_φ dσ dv* dv (Δ_ψ = ψ^α′ + ψ^β′* − ψ^α − ψ^β*, full
/// vector or tensor contraction) of the Sonine functions S_{3/2}^{(k)}(W²) c (vector sector) and S_{5/2}^{(k)}(W²) c°c
/// (tensor sector), W² = m c²/(2θ), for every species, by a quadrature that is exact for polynomial b_σ.
/// </summary>
/// <remarks>
/// <para>In centre-of-mass variables G = (m^α v + m^β v*)/M, g = v − v*, the Maxwellian product is Gaussian in G and in g
/// and the contracted integrand is invariant under simultaneous rotations of (G, g, σ). So ĝ is fixed to ẑ (factor 4π)
/// and σ to the xz-plane (factor 2π, the rotation about ẑ). What is left is polynomial in G (Gauss–Hermite, exact), in
/// t = μ_r|g|²/(2θ) against t^{(1+γ)/2}e^{−t} (generalized Gauss–Laguerre, exact) and in cos χ against b_σ
/// (Gauss–Legendre, exact for polynomial b_σ and accurate to the rule's order otherwise).</para>
/// </remarks>
internal static class SonineBrackets
{
    private static readonly double[] TensorWeights = [1, 1, 1, 2, 2, 2];

    /// <summary>Generalized Laguerre polynomials L_k^{(a)}(t), k &lt; values.Length.</summary>
    public static void Laguerre(double a, double t, Span<double> values)
    {
        if (values.Length == 0)
        {
            return;
        }

        values[0] = 1.0;
        if (values.Length > 1)
        {
            values[1] = 1.0 + a - t;
        }

        for (int k = 1; k + 1 < values.Length; k++)
        {
            values[k + 1] = ((((2 * k) + 1 + a - t) * values[k]) - ((k + a) * values[k - 1])) / (k + 1);
        }
    }

    /// <summary>Assembles the vector-sector matrix (S·vectorTerms) and the tensor-sector matrix (S·tensorTerms), index α·terms + k.</summary>
    public static (double[,] Vector, double[,] Tensor) Assemble(
        CollisionKernelTable kernels, double[] densities, double temperature, int vectorTerms, int tensorTerms, int extraAngularPoints)
    {
        int s = kernels.SpeciesCount;
        var vector = new double[s * vectorTerms, s * vectorTerms];
        var tensor = new double[s * tensorTerms, s * tensorTerms];
        int degree = Math.Max((2 * (vectorTerms - 1)) + 1, 2 * tensorTerms);
        for (int a = 0; a < s; a++)
        {
            for (int b = a; b < s; b++)
            {
                AccumulatePair(kernels, densities, temperature, a, b, vectorTerms, tensorTerms, degree, extraAngularPoints, vector, tensor);
            }
        }

        return (vector, tensor);
    }

    private static void AccumulatePair(
        CollisionKernelTable kernels, double[] densities, double temperature, int a, int b, int nv, int nt, int degree, int extraAngular,
        double[,] vector, double[,] tensor)
    {
        var kernel = kernels[a, b];
        double ma = kernels.Mixture[a].Mass, mb = kernels.Mixture[b].Mass, total = ma + mb, reduced = ma * mb / total;
        double fa = mb / total, fb = ma / total; // v = G + fa g, v* = G − fb g
        bool self = a == b;
        int sides = self ? 1 : 2;
        int pv = sides * nv, pt = sides * nt;
        var localVector = new double[pv, pv];
        var localTensor = new double[pt, pt];

        var hermite = GaussHermiteRule.Create(degree + 1);
        var laguerre = GaussLaguerreRule.Create((degree / 2) + 2, (1.0 + kernel.Gamma) / 2.0);
        var legendre = GaussLegendreRule.Create(degree + 1 + extraAngular, -1.0, 1.0);
        double gScale = Math.Sqrt(2.0 * temperature / total), rScale = Math.Sqrt(2.0 * temperature / reduced);

        // ¼ · (2 for the mirrored pair) · n^α n^β (m^α m^β)^{3/2}/(2πθ)³ · (2θ/M)^{3/2} · 4π · ½(2θ/μ_r)^{(3+γ)/2} · 2π · C.
        double prefactor = 0.25 * (self ? 1.0 : 2.0) * densities[a] * densities[b] * Math.Pow(ma * mb, 1.5)
            / Math.Pow(2.0 * Math.PI * temperature, 3.0) * Math.Pow(gScale, 3.0) * 4.0 * Math.PI * 0.5
            * Math.Pow(rScale, 3.0 + kernel.Gamma) * 2.0 * Math.PI * kernel.Strength;

        Span<double> sv = stackalloc double[nv];
        Span<double> st = stackalloc double[nt];
        var dv = new double[3 * pv];
        var dt = new double[6 * pt];
        Span<double> tensorScratch = stackalloc double[6];
        var xs = hermite.Nodes;
        var xw = hermite.Weights;
        for (int il = 0; il < laguerre.Count; il++)
        {
            double r = rScale * Math.Sqrt(laguerre.Nodes[il]);
            for (int ix = 0; ix < legendre.Count; ix++)
            {
                double x = legendre.Nodes[ix], sx = Math.Sqrt(Math.Max(0.0, 1.0 - (x * x)));
                double angular = kernel.Angular.Sigma(x) * legendre.Weights[ix];
                if (angular == 0.0)
                {
                    continue;
                }

                double outer = prefactor * laguerre.Weights[il] * angular;
                for (int i = 0; i < xs.Length; i++)
                {
                    for (int j = 0; j < xs.Length; j++)
                    {
                        for (int k = 0; k < xs.Length; k++)
                        {
                            double w = outer * xw[i] * xw[j] * xw[k];
                            var centre = new Velocity3(gScale * xs[i], gScale * xs[j], gScale * xs[k]);
                            var v = centre + new Velocity3(0, 0, fa * r);
                            var vs = centre - new Velocity3(0, 0, fb * r);
                            var vp = centre + (fa * r * new Velocity3(sx, 0, x));
                            var vsp = centre - (fb * r * new Velocity3(sx, 0, x));
                            Array.Clear(dv);
                            Array.Clear(dt);
                            AddSide(ma, temperature, vp, 1.0, 0, nv, nt, sv, st, dv, dt, tensorScratch);
                            AddSide(ma, temperature, v, -1.0, 0, nv, nt, sv, st, dv, dt, tensorScratch);
                            int offset = self ? 0 : 1;
                            AddSide(mb, temperature, vsp, 1.0, offset, nv, nt, sv, st, dv, dt, tensorScratch);
                            AddSide(mb, temperature, vs, -1.0, offset, nv, nt, sv, st, dv, dt, tensorScratch);
                            AccumulateOuter(localVector, dv, 3, pv, w, null);
                            AccumulateOuter(localTensor, dt, 6, pt, w, TensorWeights);
                        }
                    }
                }
            }
        }

        Scatter(localVector, vector, a, b, nv);
        Scatter(localTensor, tensor, a, b, nt);
    }

    // Adds sign·ψ_k(v) for one species side into the sample vectors (component-major: d[c·p + column]).
    private static void AddSide(
        double mass, double temperature, Velocity3 v, double sign, int side, int nv, int nt,
        Span<double> sv, Span<double> st, double[] dv, double[] dt, Span<double> t6)
    {
        double w2 = mass * v.LengthSquared / (2.0 * temperature);
        Laguerre(1.5, w2, sv);
        Laguerre(2.5, w2, st);
        int pv = dv.Length / 3, pt = dt.Length / 6;
        for (int k = 0; k < nv; k++)
        {
            int column = (side * nv) + k;
            double f = sign * sv[k];
            dv[column] += f * v.X;
            dv[pv + column] += f * v.Y;
            dv[(2 * pv) + column] += f * v.Z;
        }

        double third = v.LengthSquared / 3.0;
        t6[0] = (v.X * v.X) - third;
        t6[1] = (v.Y * v.Y) - third;
        t6[2] = (v.Z * v.Z) - third;
        t6[3] = v.X * v.Y;
        t6[4] = v.X * v.Z;
        t6[5] = v.Y * v.Z;
        for (int k = 0; k < nt; k++)
        {
            int column = (side * nt) + k;
            double f = sign * st[k];
            for (int c = 0; c < 6; c++)
            {
                dt[(c * pt) + column] += f * t6[c];
            }
        }
    }

    private static void AccumulateOuter(double[,] local, double[] d, int components, int p, double weight, double[]? componentWeights)
    {
        for (int c = 0; c < components; c++)
        {
            double wc = weight * (componentWeights?[c] ?? 1.0);
            int o = c * p;
            for (int i = 0; i < p; i++)
            {
                double di = wc * d[o + i];
                if (di == 0.0)
                {
                    continue;
                }

                for (int j = i; j < p; j++)
                {
                    local[i, j] += di * d[o + j];
                }
            }
        }
    }

    private static void Scatter(double[,] local, double[,] global, int a, int b, int n)
    {
        int p = local.GetLength(0);
        for (int i = 0; i < p; i++)
        {
            int gi = ((i < n ? a : b) * n) + (i % n);
            for (int j = i; j < p; j++)
            {
                int gj = ((j < n ? a : b) * n) + (j % n);
                double value = local[i, j];
                global[gi, gj] += value;
                if (gi != gj)
                {
                    global[gj, gi] += value;
                }
            }
        }
    }
}
