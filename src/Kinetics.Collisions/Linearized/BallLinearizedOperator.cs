using Kinetics.Kernels;
using Kinetics.Quadrature;
using MathNet.Numerics.LinearAlgebra;

namespace Kinetics.Linearized;

/// <summary>
/// The linearized operator L = ν − K (sign convention of docs/math#conventions, L ≥ 0, around μ^α = 𝓜[1, 0, 1; m^α]) compressed to
/// the velocity ball |v| ≤ V — the quadratic form ⟨L f, f⟩ on functions f^α supported in the ball — and discretised per
/// spherical-harmonic sector: L commutes with rotations, so on f^α(v) = g^α(|v|) Y_ℓm(v̂) it acts as the radial operator
/// (L_ℓ g)^α(r) = ν^α(r) g^α(r) − Σ_β ∫₀^V K_ℓ^{αβ}(r, s) g^β(s) s² ds, K_ℓ^{αβ}(r, s) = 2π∫_{−1}^{1} k^{αβ}(r ẑ, s ŵ(t)) P_ℓ(t) dt
/// (Funk–Hecke; k^{αβ} the full matrix kernel of <see cref="LinearizedKernel"/>), independent of m.
/// </summary>
/// <remarks>
/// <para>Discretisation: composite Gauss–Legendre panels in r (the same nodes for every species), no wider than the panel width up
/// to 8 panel widths and then growing in proportion to r (beyond the thermal region only ν and the product-integrated bands of K
/// act, both smooth on the scale r), whose breakpoints include every radius of the sequence, so the operator on a smaller ball is a principal sub-matrix of the one on the largest. Collocation in
/// r and product integration in s: row i holds ∫₀^V K_ℓ(r_i, s) λ_j(s) s² ds for the Lagrange basis λ_j of each panel, computed
/// as a 2-D integral over (d = |v − w|, s) whose s-window follows the Gaussian factor of each piece — this resolves the
/// diagonal cusp of K_ℓ (|r − s|^{min(γ+2, 1)}) and the narrow band |s − r| ≲ d/(r√m) of the gain kernels at large r, which a
/// plain Nyström rule on the nodes cannot. In the orthonormal node basis x_i = √w_i r_i g(r_i) the matrix is
/// A_ℓ = diag(ν^α(r_i)) − ½(K̂ + K̂ᵀ), K̂_ij = √w_i r_i [∫K_ℓ(r_i, s)λ_j(s)s²ds]/(√w_j r_j): symmetric by construction; the
/// discarded antisymmetric part is discretisation error (<see cref="KernelAsymmetry"/>). ν is the closed form of
/// <see cref="CollisionFrequency"/>.</para>
/// <para>Validity: γ ∈ (−2, 1]; for γ ≤ −2 the sector kernels are unbounded on the diagonal (K_ℓ(r, r) = ∞), rejected.</para>
/// <para>Null space: the collision invariants live in ℓ = 0 (species masses √μ^α e_α and the energy (m^α r² − 3)√μ^α) and ℓ = 1
/// (momentum m^α r √μ^α); on the ball they are truncated, so L χ_j is O(e^{−m V²/4}) plus the quadrature error (reported as
/// <see cref="BallSectorSpectrum.NullSpaceResidual"/>). The gap of a sector is the smallest eigenvalue of A_ℓ on the
/// orthogonal complement of these vectors (of <see cref="NullSpace"/>, evaluated on the nodes).</para>
/// <para>Immutable and thread-safe after <see cref="Create"/>; assembly is parallel over matrix rows.</para>
/// </remarks>
public sealed class BallLinearizedOperator
{
    private readonly double[] _nodes;
    private readonly double[] _weights;
    private readonly double[] _radii;
    private readonly double[][] _matrices;
    private readonly double[][] _frequency;

    private BallLinearizedOperator(CollisionKernelTable kernels, int maxDegree, double panelWidth, int order, double[] radii, double[] nodes, double[] weights, double[][] frequency, double[][] matrices, double asymmetry)
    {
        KernelAsymmetry = asymmetry;
        Kernels = kernels;
        MaxDegree = maxDegree;
        PanelWidth = panelWidth;
        Order = order;
        Gamma = kernels[0, 0].Gamma;
        NullSpace = NullSpace.Create(kernels.Mixture);
        _radii = radii;
        _nodes = nodes;
        _weights = weights;
        _frequency = frequency;
        _matrices = matrices;
    }

    /// <summary>The kernel table.</summary>
    public CollisionKernelTable Kernels { get; }

    /// <summary>γ common to all pairs.</summary>
    public double Gamma { get; }

    /// <summary>Largest spherical-harmonic degree ℓ assembled.</summary>
    public int MaxDegree { get; }

    /// <summary>Panel width of the radial rule up to r = 8·PanelWidth (wider, ∝ r, beyond).</summary>
    public double PanelWidth { get; }

    /// <summary>Gauss–Legendre points per radial panel.</summary>
    public int Order { get; }

    /// <summary>ker L and its basis (the vectors projected out).</summary>
    public NullSpace NullSpace { get; }

    /// <summary>
    /// max over ℓ of ‖(K̂ − K̂ᵀ)/2‖_F/‖K̂‖_F before symmetrisation (K̂ the product-integration matrix of K in the orthonormal node
    /// basis): the discretisation error of the adjoint symmetry k^{αβ}(v, w) = k^{βα}(w, v), removed by taking the symmetric part.
    /// </summary>
    public double KernelAsymmetry { get; }

    /// <summary>Number of species S.</summary>
    public int SpeciesCount => Kernels.SpeciesCount;

    /// <summary>The ball radii V (ascending), each a panel breakpoint.</summary>
    public IReadOnlyList<double> Radii => _radii;

    /// <summary>Radial nodes per species on the largest ball.</summary>
    public int NodeCount => _nodes.Length;

    /// <summary>Radial node r_i (ascending).</summary>
    /// <param name="i">Index in [0, <see cref="NodeCount"/>).</param>
    public double Node(int i) => _nodes[i];

    /// <summary>Gauss–Legendre weight w_i of node i (the measure is w_i r_i²).</summary>
    /// <param name="i">Index in [0, <see cref="NodeCount"/>).</param>
    public double Weight(int i) => _weights[i];

    /// <summary>Number of radial nodes inside the ball of radius <paramref name="radius"/> (one of <see cref="Radii"/>).</summary>
    /// <param name="radius">A radius of the sequence.</param>
    public int NodeCountWithin(double radius)
    {
        int k = Array.IndexOf(_radii, radius);
        if (k < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(radius), radius, $"radius must be one of the assembled radii [{string.Join(", ", _radii)}].");
        }

        return _nodes.Count(r => r < radius);
    }

    /// <summary>Entry (row, column) of the symmetric sector matrix A_ℓ on the largest ball; row = α·N + i.</summary>
    /// <param name="degree">ℓ in [0, <see cref="MaxDegree"/>].</param>
    /// <param name="row">Row α·N + i.</param>
    /// <param name="column">Column β·N + j.</param>
    public double Entry(int degree, int row, int column)
    {
        Guard.InRange(degree, 0, MaxDegree);
        int size = SpeciesCount * NodeCount;
        Guard.InRange(row, 0, size - 1);
        Guard.InRange(column, 0, size - 1);
        return _matrices[degree][(row * size) + column];
    }

    /// <summary>
    /// Assembles the sector matrices ℓ = 0…<paramref name="maxDegree"/> on the largest radius; smaller radii are principal
    /// sub-matrices.
    /// </summary>
    /// <param name="kernels">B^{αβ} with a common γ ∈ (−2, 1].</param>
    /// <param name="radii">Ball radii V &gt; 0, strictly ascending (at most 64).</param>
    /// <param name="maxDegree">Largest ℓ in [1, 32] (ℓ = 1 holds the momentum invariant).</param>
    /// <param name="panelWidth">Radial panel width in (0, 4] in the thermal region r ≤ 8·panelWidth (∝ r beyond).</param>
    /// <param name="order">Gauss–Legendre points per panel in [2, 16].</param>
    /// <exception cref="ArgumentException">No common γ, or γ ≤ −2.</exception>
    public static BallLinearizedOperator Create(CollisionKernelTable kernels, IReadOnlyList<double> radii, int maxDegree = 4, double panelWidth = 1.5, int order = 8)
    {
        ArgumentNullException.ThrowIfNull(kernels);
        ArgumentNullException.ThrowIfNull(radii);
        if (!kernels.HasCommonGamma)
        {
            throw new ArgumentException("all species pairs must share one γ.", nameof(kernels));
        }

        double gamma = kernels[0, 0].Gamma;
        if (!(gamma > -2.0))
        {
            throw new ArgumentException($"γ must be in (−2, 1] for the sector discretisation (K_ℓ(r, r) is unbounded for γ ≤ −2); got {gamma}.", nameof(kernels));
        }

        Guard.InRange(radii.Count, 1, 64);
        for (int k = 0; k < radii.Count; k++)
        {
            Guard.InRange(radii[k], k == 0 ? double.Epsilon : radii[k - 1] * (1 + 1e-12), 1e4);
        }

        Guard.InRange(maxDegree, 1, 32);
        Guard.InRange(panelWidth, 1e-3, 4.0);
        Guard.InRange(order, 2, 16);

        var panels = RadialPanels.Create(radii, panelWidth, order);
        double[] nodes = panels.Nodes, weights = panels.Weights;
        int n = nodes.Length, s = kernels.SpeciesCount, size = s * n, degrees = maxDegree + 1;
        var frequencyModel = CollisionFrequency.Create(kernels);
        var frequency = new double[s][];
        for (int a = 0; a < s; a++)
        {
            frequency[a] = nodes.Select(r => frequencyModel.Evaluate(a, r)).ToArray();
        }

        // Row (α, i) of the product-integration matrix in the orthonormal node basis: √w_i r_i ∫K_ℓ(r_i, s) λ_j(s) s² ds / (√w_j r_j).
        var sector = new SectorKernel(kernels, maxDegree);
        var scale = nodes.Select((r, i) => Math.Sqrt(weights[i]) * r).ToArray();
        var raw = new double[degrees][];
        for (int l = 0; l < degrees; l++)
        {
            raw[l] = new double[size * size];
        }

        Parallel.For(0, size, row =>
        {
            int a = row / n, i = row % n;
            var buffer = new double[degrees * n];
            for (int b = 0; b < s; b++)
            {
                Array.Clear(buffer);
                sector.AccumulateRow(a, b, nodes[i], panels, buffer);
                for (int l = 0; l < degrees; l++)
                {
                    for (int j = 0; j < n; j++)
                    {
                        raw[l][(row * size) + (b * n) + j] = scale[i] * buffer[(l * n) + j] / scale[j];
                    }
                }
            }
        });

        // A_ℓ = diag(ν) − ½(K̂ + K̂ᵀ): the symmetric part (the antisymmetric part is discretisation error, reported).
        var matrices = new double[degrees][];
        double asymmetry = 0.0;
        for (int l = 0; l < degrees; l++)
        {
            var k = raw[l];
            var m = new double[size * size];
            double norm = 0.0, skew = 0.0;
            for (int row = 0; row < size; row++)
            {
                for (int column = 0; column < size; column++)
                {
                    double x = k[(row * size) + column], y = k[(column * size) + row];
                    m[(row * size) + column] = -0.5 * (x + y);
                    norm += x * x;
                    skew += 0.25 * (x - y) * (x - y);
                }
            }

            asymmetry = Math.Max(asymmetry, Math.Sqrt(skew / norm));
            for (int a = 0; a < s; a++)
            {
                for (int i = 0; i < n; i++)
                {
                    m[(((a * n) + i) * size) + (a * n) + i] += frequency[a][i];
                }
            }

            matrices[l] = m;
        }

        return new BallLinearizedOperator(kernels, maxDegree, panelWidth, order, radii.ToArray(), nodes, weights, frequency, matrices, asymmetry);
    }

    /// <summary>
    /// The spectrum of sector ℓ on the ball of radius <paramref name="radius"/>: the smallest eigenvalue of A_ℓ on the orthogonal
    /// complement of the collision invariants of that sector (S + 1 vectors for ℓ = 0, one for ℓ = 1, none above), the same
    /// minimum of ⟨Lf, f⟩ relative to ⟨ν f, f⟩ and to ∫(1 + |v|)^γ|f|² (the coercivity constants of Wang, Wang and Wu, Lemma 2.3; docs/math#coercivity on the
    /// ball), the residual of L on the invariants, and the lowest eigenvalues of A_ℓ itself.
    /// </summary>
    /// <param name="degree">ℓ in [0, <see cref="MaxDegree"/>].</param>
    /// <param name="radius">One of <see cref="Radii"/>.</param>
    public BallSectorSpectrum Spectrum(int degree, double radius)
    {
        Guard.InRange(degree, 0, MaxDegree);
        int m = NodeCountWithin(radius), n = NodeCount, s = SpeciesCount, size = s * m, full = s * n;
        var a = Matrix<double>.Build.Dense(size, size, (row, column) =>
            _matrices[degree][(Flat(row) * full) + Flat(column)]);
        int Flat(int index) => ((index / m) * n) + (index % m);

        var invariants = Invariants(degree, m);
        double residual = 0.0;
        foreach (var u in invariants)
        {
            var nu = Vector<double>.Build.Dense(size, k => _frequency[k / m][k % m] * u[k]);
            residual = Math.Max(residual, (a * u).L2Norm() / nu.L2Norm());
        }

        var lowest = a.Evd(Symmetricity.Symmetric).EigenValues.Select(z => z.Real).OrderBy(x => x).Take(invariants.Count + 3).ToArray();
        Matrix<double> complement;
        if (invariants.Count == 0)
        {
            complement = Matrix<double>.Build.DenseIdentity(size);
        }
        else
        {
            var basis = Matrix<double>.Build.DenseOfColumnVectors(invariants);
            var q = basis.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Full).Q;
            complement = q.SubMatrix(0, size, invariants.Count, size - invariants.Count);
        }

        var b = complement.Transpose() * a * complement;
        b = 0.5 * (b + b.Transpose());
        double gap = b.Evd(Symmetricity.Symmetric).EigenValues.Select(z => z.Real).Min();

        // min ⟨Lf, f⟩/⟨W f, f⟩ on the complement: Cholesky of the compressed weight, then a symmetric eigenproblem.
        double WeightedGap(Func<int, double> weight)
        {
            var w = complement.Transpose() * Matrix<double>.Build.DenseOfDiagonalArray(Enumerable.Range(0, size).Select(weight).ToArray()) * complement;
            var inverse = (0.5 * (w + w.Transpose())).Cholesky().Factor.Inverse();
            var m = inverse * b * inverse.Transpose();
            return (0.5 * (m + m.Transpose())).Evd(Symmetricity.Symmetric).EigenValues.Select(z => z.Real).Min();
        }

        double deltaNu = WeightedGap(k => _frequency[k / m][k % m]);
        double delta = WeightedGap(k => Math.Pow(1.0 + _nodes[k % m], Gamma));
        return new BallSectorSpectrum(degree, radius, m, invariants.Count, gap, deltaNu, delta, residual, lowest);
    }

    /// <summary>min over α and |v| ≤ V of ν^α(v) (ν is monotone in |v|, so the minimum is at 0 or V).</summary>
    /// <param name="radius">V &gt; 0.</param>
    public double MinimumFrequency(double radius)
    {
        Guard.Positive(radius);
        var frequency = CollisionFrequency.Create(Kernels);
        double min = double.PositiveInfinity;
        for (int a = 0; a < SpeciesCount; a++)
        {
            min = Math.Min(min, Math.Min(frequency.Evaluate(a, 0.0), frequency.Evaluate(a, radius)));
        }

        return min;
    }

    // The collision invariants of sector ℓ on the first m nodes, in the orthonormal node basis, normalised.
    private List<Vector<double>> Invariants(int degree, int m)
    {
        int s = SpeciesCount;
        var indices = degree switch
        {
            0 => Enumerable.Range(0, s).Append(s + 3).ToArray(),
            1 => [s + 2],
            _ => Array.Empty<int>(),
        };
        var list = new List<Vector<double>>();
        foreach (int j in indices)
        {
            var u = Vector<double>.Build.Dense(s * m, k =>
            {
                int a = k / m, i = k % m;
                double r = _nodes[i];

                // Zonal functions g(r) P_ℓ(cos θ): χ_j at r ẑ equals g(r) P_ℓ(1) = g(r).
                return Math.Sqrt(_weights[i]) * r * NullSpace.Evaluate(j, a, new Velocity3(0, 0, r));
            });
            list.Add(u / u.L2Norm());
        }

        return list;
    }
}
