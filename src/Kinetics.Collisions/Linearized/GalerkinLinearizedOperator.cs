using Kinetics.Quadrature;
using Kinetics.Weights;
using Kinetics.Estimates;
using Kinetics.Kernels;
using MathNet.Numerics.LinearAlgebra;

namespace Kinetics.Linearized;

/// <summary>
/// A discrete L: its Galerkin matrix on the basis φ = (√μ^α(v) p(√m^α v)) e_α, p a monomial of total degree ≤ D, per species
/// (S·(D+1)(D+2)(D+3)/6 functions). The stiffness matrix is assembled from the symmetric quadratic form
/// ⟨L f, g⟩ = ¼ Σ_{αβ} ∫∫∫ B^{αβ} μ^α(v) μ^β(v*) Δ_f Δ_g dω dv* dv, Δ_f = h^α(v') + h^β(v*') − h^α(v) − h^β(v*), h = f/√μ
/// (docs/math#exact-oracles), so it is symmetric and positive semi-definite by construction, and its null space is exactly the
/// span of the collision invariants (dimension S + 4 for D ≥ 2): Δ vanishes node by node on them.
/// </summary>
/// <remarks>
/// <para>Quadrature: with v* = v + u, μ^α(v)μ^β(v*) is a Gaussian in v centred at −(m^β/M)u, so for fixed (u, ω) the v-integral of
/// Gaussian × polynomial is done exactly by a (D+1)-point Gauss–Hermite product rule; u is spherical (graded Gauss–Legendre
/// for r^{2+γ}, product rule on directions), ω on the hemisphere about û. Mass matrix and weighted mass matrices exact or to
/// ~1e−12.</para>
/// <para>Use: coercivity ⟨Lf, f⟩ ≥ δ|(I − P₀)f|²_w (Wang, Wang and Wu, Lemma 2.3; docs/math#coercivity) as a generalized eigenproblem on (ker L)^⊥, and the plain
/// L² gap, which for soft potentials tends to 0 as the discrete space resolves larger |v| while δ stays bounded below.</para>
/// <para>Immutable and thread-safe after <see cref="Create"/>.</para>
/// </remarks>
public sealed class GalerkinLinearizedOperator
{
    private readonly int[][] _exponents;
    private readonly double[] _masses;
    private readonly Matrix<double> _stiffness;
    private readonly Matrix<double> _gram;

    private GalerkinLinearizedOperator(CollisionKernelTable kernels, int degree, int[][] exponents, Matrix<double> stiffness, Matrix<double> gram)
    {
        Kernels = kernels;
        Degree = degree;
        _exponents = exponents;
        _masses = kernels.Mixture.Masses();
        _stiffness = stiffness;
        _gram = gram;
    }

    /// <summary>The kernel table.</summary>
    public CollisionKernelTable Kernels { get; }

    /// <summary>Polynomial degree D.</summary>
    public int Degree { get; }

    /// <summary>Number of basis functions S·(D+1)(D+2)(D+3)/6.</summary>
    public int BasisSize => _stiffness.RowCount;

    /// <summary>⟨L φ_i, φ_j⟩.</summary>
    /// <param name="i">Row.</param>
    /// <param name="j">Column.</param>
    public double Stiffness(int i, int j) => _stiffness[i, j];

    /// <summary>⟨φ_i, φ_j⟩ (L² Gram matrix).</summary>
    /// <param name="i">Row.</param>
    /// <param name="j">Column.</param>
    public double Gram(int i, int j) => _gram[i, j];

    /// <summary>Component α of basis function φ_i at v.</summary>
    /// <param name="i">Basis index.</param>
    /// <param name="alpha">Species.</param>
    /// <param name="v">Velocity.</param>
    public double EvaluateBasis(int i, int alpha, Velocity3 v)
    {
        int perSpecies = _exponents.Length;
        return i / perSpecies != alpha ? 0.0 : LinearizedKernel.SqrtMaxwellian(_masses[alpha], v) * Monomial(_exponents[i % perSpecies], Math.Sqrt(_masses[alpha]) * v);
    }

    /// <summary>Assembles the Galerkin matrices.</summary>
    /// <param name="kernels">B^{αβ} (common γ).</param>
    /// <param name="degree">D ∈ [2, 4] (D ≥ 2 so that the energy invariant is in the space).</param>
    /// <param name="resolution">(u, ω) quadrature multiplier in [1, 3].</param>
    public static GalerkinLinearizedOperator Create(CollisionKernelTable kernels, int degree = 2, int resolution = 1)
    {
        ArgumentNullException.ThrowIfNull(kernels);
        Guard.InRange(degree, 2, 4);
        Guard.InRange(resolution, 1, 3);
        if (!kernels.HasCommonGamma)
        {
            throw new ArgumentException("all species pairs must share one γ.", nameof(kernels));
        }

        var exponents = Exponents(degree);
        int s = kernels.SpeciesCount, per = exponents.Length, size = s * per;
        double[] masses = kernels.Mixture.Masses();
        var stiffness = Matrix<double>.Build.Dense(size, size);
        for (int a = 0; a < s; a++)
        {
            for (int b = 0; b < s; b++)
            {
                AccumulatePair(kernels[a, b], a, b, masses, exponents, degree, resolution, stiffness);
            }
        }

        stiffness = 0.5 * (stiffness + stiffness.Transpose());
        var gram = Matrix<double>.Build.Dense(size, size);
        var gh = GaussHermiteRule.Create(degree + 1);
        for (int a = 0; a < s; a++)
        {
            // ∫ μ p_i p_j dv with x = √m v: (2π)^{−3/2}∫e^{−|x|²/2}…dx = π^{−3/2} Σ w_y p_i(√2 y) p_j(√2 y).
            ForEachHermiteNode(gh, (y, w) =>
            {
                var x = Math.Sqrt(2.0) * y;
                for (int i = 0; i < per; i++)
                {
                    double pi = Monomial(exponents[i], x);
                    for (int j = 0; j < per; j++)
                    {
                        gram[(a * per) + i, (a * per) + j] += w * Math.Pow(Math.PI, -1.5) * pi * Monomial(exponents[j], x);
                    }
                }
            });
        }

        return new GalerkinLinearizedOperator(kernels, degree, exponents, stiffness, gram);
    }

    /// <summary>
    /// The spectral data of the discrete L: null-space dimension (eigenvalues of G^{−1/2} L G^{−1/2} below 1e−9 of the largest),
    /// the L² gap (smallest non-zero eigenvalue), and the coercivity constants δ = min ⟨Lf, f⟩/|f|²_W over f ⊥ ker L for the
    /// weights W = ⟨v⟩^γ (named convention) and W = ν (the collision frequency).
    /// </summary>
    /// <param name="convention">Which ⟨v⟩ in the weight ⟨v⟩^γ (Wang, Wang and Wu use 1 + |v|).</param>
    public CoercivityEstimate Coercivity(BracketConvention convention = BracketConvention.OnePlusNorm)
    {
        var frequency = CollisionFrequency.Create(Kernels);
        double gamma = frequency.Gamma;
        var weightBracket = WeightedGram((alpha, r) => Math.Pow(JapaneseBracket.Evaluate(r, convention), gamma));
        var weightNu = WeightedGram((alpha, r) => frequency.Evaluate(alpha, r));

        var cholesky = _gram.Cholesky().Factor;
        var inverse = cholesky.Inverse();
        var c = inverse * _stiffness * inverse.Transpose();
        c = 0.5 * (c + c.Transpose());
        var evd = c.Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Select(z => z.Real).ToArray();
        double max = values.Max();
        var kept = Enumerable.Range(0, values.Length).Where(k => values[k] > 1e-9 * max).ToArray();
        int nullDimension = values.Length - kept.Length;
        var y = Matrix<double>.Build.Dense(values.Length, kept.Length, (i, j) => evd.EigenVectors[i, kept[j]]);
        var lambda = Matrix<double>.Build.DenseOfDiagonalArray(kept.Select(k => values[k]).ToArray());

        double Smallest(Matrix<double> weight)
        {
            var w = y.Transpose() * inverse * weight * inverse.Transpose() * y;
            w = 0.5 * (w + w.Transpose());
            var lw = w.Cholesky().Factor.Inverse();
            var m = lw * lambda * lw.Transpose();
            return (0.5 * (m + m.Transpose())).Evd(Symmetricity.Symmetric).EigenValues.Select(z => z.Real).Min();
        }

        return new CoercivityEstimate(
            Degree,
            BasisSize,
            nullDimension,
            kept.Select(k => values[k]).Min(),
            Smallest(weightBracket),
            Smallest(weightNu),
            convention,
            values.OrderBy(v => v).ToArray());
    }

    private Matrix<double> WeightedGram(Func<int, double, double> weight)
    {
        int per = _exponents.Length;
        var result = Matrix<double>.Build.Dense(BasisSize, BasisSize);
        for (int a = 0; a < _masses.Length; a++)
        {
            var quadrature = VelocityQuadrature.SphericalProduct(13.0 / Math.Sqrt(_masses[a]), 64, Degree + 3, (2 * Degree) + 4);
            for (int q = 0; q < quadrature.Count; q++)
            {
                var v = quadrature.Point(q);
                double w = quadrature.Weight(q) * weight(a, v.Length);
                for (int i = 0; i < per; i++)
                {
                    double fi = EvaluateBasis((a * per) + i, a, v);
                    for (int j = 0; j < per; j++)
                    {
                        result[(a * per) + i, (a * per) + j] += w * fi * EvaluateBasis((a * per) + j, a, v);
                    }
                }
            }
        }

        return result;
    }

    private static void AccumulatePair(CollisionKernel kernel, int a, int b, double[] masses, int[][] exponents, int degree, int resolution, Matrix<double> stiffness)
    {
        double ma = masses[a], mb = masses[b], mTotal = ma + mb, reduced = ma * mb / mTotal, gamma = kernel.Gamma;
        int per = exponents.Length;
        var gh = GaussHermiteRule.Create(degree + 1);
        int ghCount = gh.Count;
        // After the exact v-integration the integrand is a polynomial in û of degree ≤ 2D and, on the hemisphere where
        // b = C|cos θ|-type kernels are smooth, of degree ≤ 4D in ω: these product rules integrate those exactly (resolution 1).
        var uDirections = ProductDirections.Create(GaussLegendreRule.Create((degree + 2) * resolution, -1, 1), ((2 * degree) + 2) * resolution);
        var omegaDirections = ProductDirections.Create(GaussLegendreRule.Create(((2 * degree) + 1) * resolution, 0, 1), ((4 * degree) + 2) * resolution);
        double prefactor = Math.Pow(ma * mb, 1.5) / Math.Pow(2.0 * Math.PI, 3.0) * Math.Pow(2.0 / mTotal, 1.5);
        double spread = Math.Sqrt(2.0 / mTotal);

        // Radial nodes: r^{2+γ} e^{−μ_r r²/2} on [0, 12/√μ_r]; geometric panels toward 0, then uniform.
        double reach = 12.0 / Math.Sqrt(reduced), top = Math.Min(reach, 1.0 / Math.Sqrt(reduced));
        var radial = PanelRule.Create(8).Nodes(GradedPanels.FromOrigin(top, reach, 6 * resolution, 1e-6));

        int rows = ghCount * ghCount * ghCount * omegaDirections.Count, cols = per * masses.Length;
        var chunk = new double[rows * cols];
        var gram = new double[cols * cols];
        double sqrtA = Math.Sqrt(ma), sqrtB = Math.Sqrt(mb);
        double[] powA1 = new double[3 * (degree + 1)], powA0 = new double[3 * (degree + 1)], powB1 = new double[3 * (degree + 1)], powB0 = new double[3 * (degree + 1)];
        int[] touched = Enumerable.Range(a * per, per).Concat(a == b ? [] : Enumerable.Range(b * per, per)).ToArray();
        foreach (var (r, wr) in radial)
        {
            double radialWeight = wr * r * r * Math.Pow(r, gamma) * Math.Exp(-reduced * r * r / 2.0);
            for (int i = 0; i < uDirections.Count; i++)
            {
                var uHat = uDirections.Points[i];
                var u = r * uHat;
                var (e1, e2) = ProductDirections.Frame(uHat);
                double directionWeight = radialWeight * uDirections.Weights[i];
                Array.Clear(chunk);
                int row = 0;
                for (int k = 0; k < omegaDirections.Count; k++)
                {
                    var local = omegaDirections.Points[k];
                    double angular = kernel.Strength * kernel.Angular.Omega(local.Z) * omegaDirections.Weights[k];
                    var omega = ProductDirections.About(local, uHat, e1, e2);

                    // ¼ (quadratic form) × 2 (hemisphere) = ½.
                    double baseWeight = 0.5 * prefactor * directionWeight * angular;
                    ForEachHermiteNode(gh, (x, wx) =>
                    {
                        var v = (-(mb / mTotal) * u) + (spread * x);
                        var vStar = v + u;
                        var (vPrime, vStarPrime) = Boltzmann.CollisionRule.Omega(v, vStar, omega, ma, mb);
                        double scale = Math.Sqrt(baseWeight * wx);
                        int offset = row * cols;
                        Powers(sqrtA * vPrime, degree, powA1);
                        Powers(sqrtA * v, degree, powA0);
                        Powers(sqrtB * vStarPrime, degree, powB1);
                        Powers(sqrtB * vStar, degree, powB0);
                        for (int p = 0; p < per; p++)
                        {
                            var e = exponents[p];
                            chunk[offset + (a * per) + p] += scale * (Monomial(powA1, e) - Monomial(powA0, e));
                            chunk[offset + (b * per) + p] += scale * (Monomial(powB1, e) - Monomial(powB0, e));
                        }

                        row++;
                    });
                }

                // gram += DᵀD over the columns this pair touches (the others are zero).
                for (int q = 0; q < rows; q++)
                {
                    int offset = q * cols;
                    foreach (int i1 in touched)
                    {
                        double d1 = chunk[offset + i1];
                        if (d1 == 0)
                        {
                            continue;
                        }

                        foreach (int i2 in touched)
                        {
                            gram[(i1 * cols) + i2] += d1 * chunk[offset + i2];
                        }
                    }
                }
            }
        }

        for (int i = 0; i < cols; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                stiffness[i, j] += gram[(i * cols) + j];
            }
        }

    }

    private static void ForEachHermiteNode(GaussHermiteRule gh, Action<Velocity3, double> action)
    {
        ReadOnlySpan<double> x = gh.Nodes, w = gh.Weights;
        for (int i = 0; i < x.Length; i++)
        {
            for (int j = 0; j < x.Length; j++)
            {
                for (int k = 0; k < x.Length; k++)
                {
                    action(new Velocity3(x[i], x[j], x[k]), w[i] * w[j] * w[k]);
                }
            }
        }
    }

    private static int[][] Exponents(int degree)
    {
        var list = new List<int[]>();
        for (int total = 0; total <= degree; total++)
        {
            for (int a = total; a >= 0; a--)
            {
                for (int b = total - a; b >= 0; b--)
                {
                    list.Add([a, b, total - a - b]);
                }
            }
        }

        return list.ToArray();
    }

    // powers[axis·(D+1) + k] = x_axis^k.
    private static void Powers(Velocity3 x, int degree, double[] powers)
    {
        for (int axis = 0; axis < 3; axis++)
        {
            double value = 1.0, component = x[axis];
            for (int k = 0; k <= degree; k++)
            {
                powers[(axis * (degree + 1)) + k] = value;
                value *= component;
            }
        }
    }

    private static double Monomial(double[] powers, int[] e)
    {
        int stride = powers.Length / 3;
        return powers[e[0]] * powers[stride + e[1]] * powers[(2 * stride) + e[2]];
    }

    private static double Monomial(int[] e, Velocity3 x) => IntPow(x.X, e[0]) * IntPow(x.Y, e[1]) * IntPow(x.Z, e[2]);

    private static double IntPow(double x, int n)
    {
        double r = 1.0;
        for (int i = 0; i < n; i++)
        {
            r *= x;
        }

        return r;
    }
}
