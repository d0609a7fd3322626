using Kinetics.Grids;

namespace Kinetics.Dynamics;

/// <summary>
/// The linear Fokker–Planck penalty of the Jin–Yan stiff step (docs/limits.md, "Fokker–Planck penalisation"): per species
/// α, P_α F = ∇_v·((θ/m_α)∇_v F + (v − u)F) = (θ/m_α)∇·(M_α∇(F/M_α)) with the mixture's common u and θ, discretised by
/// conservative finite-volume fluxes J = (θ/m_α)W(g_{k+1} − g_k)/h, g = F/M̃, on each species' Cartesian grid (zero flux
/// through the box faces), and the implicit solve (I − cP)F = b by preconditioned conjugate gradients in L²(1/M̃).
/// </summary>
/// <remarks>
/// <para>M̃ is a product of 1-D factors M̃_d(v_d) = exp(max(−m(v_d − u_d)²/(2θ), −<see cref="FloorExponent"/>) + λ_d(v_d − u_d)),
/// λ_d set by Newton so that the discrete 1-D mean is exactly u_d. The floor keeps 1/M̃ within e^{3·24} ≈ 10³¹ of the peak so
/// that the L²(1/M̃) inner products of the solve stay meaningful in the box corners (where F is round-off); where it is
/// not active M̃ is the Maxwellian.</para>
/// <para>The face weights are W_k = (m h/θ) Σ_{j≤k} (u − v_j) M̃_j (≈ M̃ at the face, since ∫_{−∞}^{v}(u − w)M dw = (θ/m)M(v)), and
/// the flux through face k is J_k = hi_k F_{k+1} − lo_k F_k with lo_k = (θ/(m h²))W_k/M̃_k, hi_k = (θ/(m h²))W_k/M̃_{k+1}
/// (W from the partial sums left of u and from the mirrored sums right of it, so no cancellation and no overflow). The
/// partial-sum weights make Σ_p v_d (P G)_p = −Σ_p (v_d − u_d) G_p exact for every G (momentum identity), the fluxes make
/// Σ_p (P G)_p = 0 exact (mass), P(M̃) = 0 exactly, and P is symmetric and negative semi-definite in L²(1/M̃).
/// The energy identity holds only to O(h²) (a two-point flux with zero-flux box faces cannot give both identities exactly;
/// docs/limits.md), so the stepper projects its increment as it already does.</para>
/// <para>Because M̃, u and θ are common to the axes, P_α is the Kronecker sum P_x ⊕ P_y ⊕ P_z of three tridiagonal
/// operators; symmetrised by M̃^{1/2} each is a symmetric tridiagonal T_d = Q_d Λ_d Q_dᵀ, and the preconditioner
/// (I − c(T_x ⊕ T_y ⊕ T_z))⁻¹ applied by these eigenvectors (fast diagonalisation, O(N⁴) per species) is the exact inverse
/// up to round-off, so conjugate gradients stop after one or two iterations; <see cref="Preconditioner.Jacobi"/> is kept for
/// comparison.</para>
/// <para>The plan (grids, masses) is immutable; everything a step needs is in a <see cref="Workspace"/>, allocated once.</para>
/// </remarks>
internal sealed partial class FokkerPlanckPenalty
{
    /// <summary>The floor of each 1-D factor's exponent below its peak (e^{−24} ≈ 3.8e−11).</summary>
    public const double FloorExponent = 24.0;

    private const int NewtonBudget = 100;
    private const int SweepBudget = 100;

    private readonly double[][][] _axes;
    private readonly double[] _spacing;
    private readonly double[] _masses;
    private readonly int[] _offsets;
    private readonly int[] _n;

    private FokkerPlanckPenalty(double[][][] axes, double[] spacing, double[] masses, int[] offsets, int[] n)
    {
        _axes = axes;
        _spacing = spacing;
        _masses = masses;
        _offsets = offsets;
        _n = n;
    }

    /// <summary>Preconditioners of the conjugate-gradient solve.</summary>
    public enum Preconditioner
    {
        /// <summary>The exact inverse of the Kronecker sum by the 1-D eigenvectors (default).</summary>
        FastDiagonal,

        /// <summary>The diagonal of I − cP.</summary>
        Jacobi,
    }

    /// <summary>Species count.</summary>
    public int SpeciesCount => _masses.Length;

    /// <summary>Total stacked length Σ N_α³.</summary>
    public int Length => _offsets[^1];

    /// <summary>The penalty on per-species grids (points c_α + grid coordinates).</summary>
    public static FokkerPlanckPenalty Create(SpeciesGrids grids, ReadOnlySpan<double> masses)
    {
        ArgumentNullException.ThrowIfNull(grids);
        Guard.Length(masses.Length, grids.SpeciesCount, nameof(masses));
        int s = grids.SpeciesCount;
        var axes = new double[s][][];
        var spacing = new double[s];
        var offsets = new int[s + 1];
        var n = new int[s];
        for (int a = 0; a < s; a++)
        {
            var g = grids[a];
            n[a] = g.PointsPerAxis;
            spacing[a] = g.Spacing;
            offsets[a] = grids.Offset(a);
            axes[a] = new double[3][];
            for (int d = 0; d < 3; d++)
            {
                axes[a][d] = new double[n[a]];
                for (int i = 0; i < n[a]; i++)
                {
                    axes[a][d][i] = g.Coordinate(d, i);
                }
            }
        }

        offsets[^1] = grids.TotalCount;
        return new FokkerPlanckPenalty(axes, spacing, masses.ToArray(), offsets, n);
    }

    /// <summary>The penalty on one shared grid.</summary>
    public static FokkerPlanckPenalty Create(CartesianGrid grid, ReadOnlySpan<double> masses)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return Create(SpeciesGrids.Shared(grid, masses.Length), masses);
    }

    /// <summary>
    /// The mixture's common velocity u = Σ_α m_α∫vF_α/ρ and temperature θ = (2/3)(E − ρ|u|²/2)/Σ_α n_α of a stacked state, by
    /// each species' grid quadrature (the state the BGK penalty's equilibrium uses).
    /// </summary>
    /// <exception cref="ArgumentException">The state has no positive mass density or temperature.</exception>
    public (Velocity3 U, double Theta) CommonState(ReadOnlySpan<double> state)
    {
        Guard.Length(state.Length, Length, nameof(state));
        double rho = 0, total = 0, energy = 0, mx = 0, my = 0, mz = 0;
        for (int a = 0; a < SpeciesCount; a++)
        {
            int n = _n[a], offset = _offsets[a];
            double h3 = _spacing[a] * _spacing[a] * _spacing[a], m = _masses[a], density = 0;
            double[] x = _axes[a][0], y = _axes[a][1], z = _axes[a][2];
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    for (int k = 0; k < n; k++)
                    {
                        double f = state[offset + (((i * n) + j) * n) + k] * h3;
                        density += f;
                        mx += m * x[i] * f;
                        my += m * y[j] * f;
                        mz += m * z[k] * f;
                        energy += 0.5 * m * ((x[i] * x[i]) + (y[j] * y[j]) + (z[k] * z[k])) * f;
                    }
                }
            }

            rho += m * density;
            total += density;
        }

        if (!(rho > 0) || !(total > 0))
        {
            throw new ArgumentException($"state: mass density {rho:G6}; the Fokker–Planck penalty needs a positive density.", nameof(state));
        }

        var u = new Velocity3(mx / rho, my / rho, mz / rho);
        double theta = 2.0 / 3.0 * (energy - (0.5 * rho * u.LengthSquared)) / total;
        if (!(theta > 0))
        {
            throw new ArgumentException($"state: mixture temperature {theta:G6}; the Fokker–Planck penalty needs a positive temperature.", nameof(state));
        }

        return (u, theta);
    }

    /// <summary>Scratch for <see cref="Prepare"/>, <see cref="Apply"/> and <see cref="Solve"/>.</summary>
    public Workspace CreateWorkspace() => new(this);

    /// <summary>
    /// Sets the workspace's operator for the common velocity <paramref name="u"/> and temperature <paramref name="theta"/>.
    /// </summary>
    /// <exception cref="ArgumentException">θ not positive and finite, or u not strictly inside a species' box on some axis.</exception>
    public void Prepare(Velocity3 u, double theta, Workspace workspace)
    {
        if (!(theta > 0) || !double.IsFinite(theta))
        {
            throw new ArgumentOutOfRangeException(nameof(theta), theta, "the Fokker–Planck penalty needs a positive finite temperature.");
        }

        workspace.Check(this);
        for (int a = 0; a < SpeciesCount; a++)
        {
            int n = _n[a];
            double h = _spacing[a], inverseWidth = _masses[a] / (2.0 * theta);
            for (int d = 0; d < 3; d++)
            {
                double[] v = _axes[a][d];
                if (!(u[d] > v[0] && u[d] < v[n - 1]))
                {
                    throw new ArgumentException($"the common velocity's component {d} ({u[d]:G6}) must lie inside species {a}'s box ({v[0]:G6}, {v[n - 1]:G6}).", nameof(u));
                }

                var axis = workspace.Axes[a][d];
                Factor(v, u[d], inverseWidth, axis.Psi);
                Coefficients(v, u[d], h, axis);
                Eigen(axis, n, workspace.Dense);
            }

            double[] sqrtM = workspace.SqrtM;
            var (px, py, pz) = (workspace.Axes[a][0].Psi, workspace.Axes[a][1].Psi, workspace.Axes[a][2].Psi);
            int offset = _offsets[a];
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    for (int k = 0; k < n; k++)
                    {
                        sqrtM[offset + (((i * n) + j) * n) + k] = Math.Exp(0.5 * (px[i] + py[j] + pz[k]));
                    }
                }
            }
        }

        workspace.Prepared = true;
    }

    /// <summary>The kernel M̃ of the prepared operator (each species' factor normalised to 1 at its peak).</summary>
    public void Kernel(Workspace workspace, Span<double> destination)
    {
        workspace.Check(this, prepared: true);
        Guard.Length(destination.Length, Length, nameof(destination));
        for (int p = 0; p < Length; p++)
        {
            destination[p] = workspace.SqrtM[p] * workspace.SqrtM[p];
        }
    }

    /// <summary>destination = P F (conservative fluxes; exact mass and momentum identities).</summary>
    public void Apply(ReadOnlySpan<double> f, Span<double> destination, Workspace workspace)
    {
        workspace.Check(this, prepared: true);
        Guard.Length(f.Length, Length, nameof(f));
        Guard.Length(destination.Length, Length, nameof(destination));
        destination.Clear();
        for (int a = 0; a < SpeciesCount; a++)
        {
            int n = _n[a], offset = _offsets[a], count = n * n * n;
            ReadOnlySpan<double> fa = f.Slice(offset, count);
            Span<double> da = destination.Slice(offset, count);
            for (int d = 0; d < 3; d++)
            {
                var axis = workspace.Axes[a][d];
                int stride = d == 0 ? n * n : d == 1 ? n : 1;
                for (int o = 0; o < n; o++)
                {
                    for (int t = 0; t < n; t++)
                    {
                        int start = LineStart(d, n, o, t);
                        for (int k = 0; k + 1 < n; k++)
                        {
                            int p = start + (k * stride), q = p + stride;
                            double flux = (axis.Hi[k] * fa[q]) - (axis.Lo[k] * fa[p]);
                            da[p] += flux;
                            da[q] -= flux;
                        }
                    }
                }
            }
        }
    }

    // The flattened index of element 0 of the line along axis d numbered (o, t).
    internal static int LineStart(int d, int n, int o, int t) => d switch
    {
        0 => (o * n) + t,
        1 => (o * n * n) + t,
        _ => (o * n * n) + (t * n),
    };

    // ψ_j = max(−w(v_j − u)², −floor) + λ(v_j − u) with λ such that Σ_j (v_j − u) e^{ψ_j} = 0 (Newton; g' = Σ(v − u)²e^ψ > 0).
    private static void Factor(double[] v, double u, double inverseWidth, double[] psi)
    {
        int n = v.Length;
        double lambda = 0;
        for (int iteration = 0; ; iteration++)
        {
            double g = 0, gPrime = 0, scale = 0, peak = double.NegativeInfinity;
            for (int j = 0; j < n; j++)
            {
                double x = v[j] - u;
                psi[j] = Math.Max(-inverseWidth * x * x, -FloorExponent) + (lambda * x);
                peak = Math.Max(peak, psi[j]);
            }

            for (int j = 0; j < n; j++)
            {
                double x = v[j] - u, e = Math.Exp(psi[j] - peak);
                g += x * e;
                gPrime += x * x * e;
                scale += Math.Abs(x) * e;
            }

            if (Math.Abs(g) <= 1e-15 * scale)
            {
                for (int j = 0; j < n; j++)
                {
                    psi[j] -= peak;
                }

                return;
            }

            if (iteration >= NewtonBudget)
            {
                throw new InvalidOperationException($"The Fokker–Planck penalty's discrete Maxwellian factor did not reach the mean {u:G6} in {NewtonBudget} Newton steps.");
            }

            lambda -= g / gPrime;
        }
    }

    // Face coefficients lo_k = W_k/(h M̃_k), hi_k = W_k/(h M̃_{k+1}) and the symmetrised off-diagonal W_k/(h√(M̃_k M̃_{k+1})),
    // W_k/M̃_· = Σ_{j≤k}(u − v_j)e^{ψ_j − ψ_·} left of u, Σ_{j>k}(v_j − u)e^{ψ_j − ψ_·} right of it (the same number in exact
    // arithmetic since Σ_j (v_j − u)e^{ψ_j} = 0); (θ/m)·(m h/θ)/h² = 1/h.
    private static void Coefficients(double[] v, double u, double h, Workspace.AxisCoefficients axis)
    {
        int n = v.Length;
        double[] psi = axis.Psi;
        for (int k = 0; k + 1 < n; k++)
        {
            bool left = 0.5 * (v[k] + v[k + 1]) <= u;
            double sk = 0, sk1 = 0, sm = 0, mid = 0.5 * (psi[k] + psi[k + 1]);
            int from = left ? 0 : k + 1, to = left ? k + 1 : n;
            for (int j = from; j < to; j++)
            {
                double w = left ? u - v[j] : v[j] - u;
                sk += w * Math.Exp(psi[j] - psi[k]);
                sk1 += w * Math.Exp(psi[j] - psi[k + 1]);
                sm += w * Math.Exp(psi[j] - mid);
            }

            axis.Lo[k] = sk / h;
            axis.Hi[k] = sk1 / h;
            axis.Off[k] = sm / h;
        }

        for (int k = 0; k < n; k++)
        {
            axis.Diag[k] = -((k + 1 < n ? axis.Lo[k] : 0.0) + (k > 0 ? axis.Hi[k - 1] : 0.0));
        }
    }

    // Eigen-decomposition of the symmetric tridiagonal T = tridiag(Off, Diag, Off) by cyclic Jacobi rotations: T = QΛQᵀ,
    // Q column-major (Q[i·n + j] = component i of eigenvector j). Eigenvalues are ≤ 0 (T is negative semi-definite).
    private static void Eigen(Workspace.AxisCoefficients axis, int n, double[] a)
    {
        double[] q = axis.Vectors, lambda = axis.Values;
        Array.Clear(a, 0, n * n);
        Array.Clear(q, 0, n * n);
        double norm = 0;
        for (int i = 0; i < n; i++)
        {
            a[(i * n) + i] = axis.Diag[i];
            q[(i * n) + i] = 1.0;
            norm += axis.Diag[i] * axis.Diag[i];
            if (i + 1 < n)
            {
                a[(i * n) + i + 1] = a[((i + 1) * n) + i] = axis.Off[i];
                norm += 2 * axis.Off[i] * axis.Off[i];
            }
        }

        for (int sweep = 0; ; sweep++)
        {
            double off = 0;
            for (int i = 0; i < n; i++)
            {
                for (int j = i + 1; j < n; j++)
                {
                    off += 2 * a[(i * n) + j] * a[(i * n) + j];
                }
            }

            if (off <= 1e-30 * norm)
            {
                break;
            }

            if (sweep >= SweepBudget)
            {
                throw new InvalidOperationException($"The Fokker–Planck penalty's 1-D eigen-decomposition did not converge in {SweepBudget} Jacobi sweeps.");
            }

            for (int p = 0; p < n; p++)
            {
                for (int r = p + 1; r < n; r++)
                {
                    double apr = a[(p * n) + r];
                    if (apr == 0)
                    {
                        continue;
                    }

                    double theta = (a[(r * n) + r] - a[(p * n) + p]) / (2 * apr);
                    double t = Math.Sign(theta == 0 ? 1.0 : theta) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
                    double c = 1 / Math.Sqrt((t * t) + 1), s = t * c;
                    for (int k = 0; k < n; k++)
                    {
                        double akp = a[(k * n) + p], akr = a[(k * n) + r];
                        a[(k * n) + p] = (c * akp) - (s * akr);
                        a[(k * n) + r] = (s * akp) + (c * akr);
                    }

                    for (int k = 0; k < n; k++)
                    {
                        double apk = a[(p * n) + k], ark = a[(r * n) + k];
                        a[(p * n) + k] = (c * apk) - (s * ark);
                        a[(r * n) + k] = (s * apk) + (c * ark);
                    }

                    for (int k = 0; k < n; k++)
                    {
                        double vkp = q[(k * n) + p], vkr = q[(k * n) + r];
                        q[(k * n) + p] = (c * vkp) - (s * vkr);
                        q[(k * n) + r] = (s * vkp) + (c * vkr);
                    }
                }
            }
        }

        for (int i = 0; i < n; i++)
        {
            lambda[i] = Math.Min(a[(i * n) + i], 0.0);
        }
    }
}
