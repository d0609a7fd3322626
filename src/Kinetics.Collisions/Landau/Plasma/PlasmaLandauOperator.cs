using Kinetics.Conservation;
using Kinetics.Grids;
using Kinetics.Mixtures;
using Kinetics.Spectral;

namespace Kinetics.Landau.Plasma;

/// <summary>
/// The Coulomb-Landau operator of an electron–ion plasma at physical mass ratios, every species on its own grid:
/// destination_a = Σ_b c_ab Q_ab(F_a, F_b) as in <see cref="SpeciesGridLandauOperator"/>, except for the pairs where the
/// field species b is narrower than one cell of a's grid (ions seen from the electrons' grid at 1:1836), which are
/// evaluated in the expanded form <see cref="CrossPairForm.Expanded"/>. Immutable and thread-safe after creation.
/// </summary>
/// <remarks>
/// <para><b>Why.</b> In the exact per-species operator a narrow species b enters a's grid as its band-limited projection,
/// which carries b's mass exactly and keeps the exchange rates at t = 0 spectrally accurate, but whose field on a's grid
/// is that of a cube-shaped blob one cell wide: its pitch-angle (Lorentz) part — O(1/ε²) larger than the energy exchange —
/// no longer annihilates isotropic F_a. Time-integrated at 1:1836 (N = 32), the electrons then drift away from
/// isotropy on the fast electron–ion time scale, and the ion heating rate is 35 % off after two steps and 3× off after
/// ten (docs/massless-electrons.md).</para>
/// <para><b>The expanded pair.</b> With n_b, u_b and θ_b = T_b/m_b (velocity variance per axis) measured on b's grid,
/// w = v − u_b, r = |w|, b's fields at a's points are expanded to second order in √θ_b / r (the seed-004 expansion in
/// ε = √(m_a/m_b) with ξ = εv):
/// K_b = n_b[Φ(w) + θ_b(3ŵŵᵀ − I)/r³], b_b = ∇·K_b = −2n_b w/r³ (the second-order term is divergence-free). The first is
/// the Lorentz operator of a point scatterer, exactly zero on isotropic F_a; the second its energy diffusion, which
/// balances the friction exactly for Maxwellians at a common temperature. The flux
/// J = p c_ab[K_b∇F_a/m_a² − b_bF_a/(m_am_b)] is differentiated spectrally, and the pair's momentum and energy exchange
/// are then set to minus those of the exact partner term Q_ba (evaluated on b's grid, where a's fields are smooth) by the
/// smallest |F_a|-weighted change, so the pair conserves momentum and energy to the accuracy of Q_ba.</para>
/// <para><b>Self pairs</b> are corrected to conserve their own momentum and energy exactly (smallest |F_a|-weighted
/// change), so a mixture-level projection (<see cref="ConservativeProjection"/>) has only the small cross-pair imbalance
/// left to distribute and never moves one species' self-collision defect to another (at 1:400 with N = 16, that leak
/// drained the ions' energy by 2e−3 over t = 0.25 independently of the mass ratio; docs/massless-electrons.md).</para>
/// <para><b>The switch</b> (docs/massless-electrons.md). A pair is expanded when c_ab ≠ 0, the kernel is Coulomb (γ = −3),
/// and b's box half-width is at most <c>expansionThreshold</c> times a's grid spacing — default 6, i.e. for boxes of 8
/// thermal speeds b's thermal speed ≤ 0.75 h_a. Measured on the electron side of the rescaled ε-system (N = 32, β₋ = β₊):
/// the exact form's residual on Maxwellians at a common temperature, relative to the Lorentz scale, is 1.1e−2, 0.20, 0.59,
/// 0.76 at thermal-speed/spacing ratios 1.0, 0.6, 0.4, 0.2; the expanded form's is ≤ 1.8e−7 at every ratio, and its
/// anisotropy relaxation differs from the exact form's by 2.5 % at ratio 1.0 and 0.6 % at 0.6. Points with r &lt; h_a/4
/// use r = h_a/4.</para>
/// </remarks>
public sealed class PlasmaLandauOperator
{
    /// <summary>Default ratio (b's box half-width)/(a's grid spacing) at or below which Q_ab is expanded.</summary>
    public const double DefaultExpansionThreshold = 6.0;

    private readonly CrossPairForm[,] _forms;
    private readonly SpectralGrid?[] _spectral;
    private readonly double[] _masses;
    private readonly double _prefactor;

    private PlasmaLandauOperator(SpeciesGridLandauOperator exact, double threshold)
    {
        Exact = exact;
        _masses = exact.Mixture.Masses();
        _prefactor = exact.Kernel.Normalization.Prefactor();
        var grids = exact.Grids;
        int s = grids.SpeciesCount;
        _forms = new CrossPairForm[s, s];
        _spectral = new SpectralGrid?[s];
        bool coulomb = exact.Kernel.IsCoulomb;
        for (int a = 0; a < s; a++)
        {
            for (int b = 0; b < s; b++)
            {
                bool narrow = a != b && coulomb && grids[b].HalfWidth <= threshold * grids[a].Spacing;
                _forms[a, b] = exact.Couplings[a, b] == 0 && a != b ? CrossPairForm.None : narrow ? CrossPairForm.Expanded : CrossPairForm.Exact;
                if (narrow && exact.Couplings[a, b] != 0)
                {
                    _spectral[a] ??= new SpectralGrid(grids[a].Grid);
                }
            }
        }
    }

    /// <summary>The exact per-species operator used for every pair that is not expanded.</summary>
    public SpeciesGridLandauOperator Exact { get; }

    /// <summary>The species' grids.</summary>
    public SpeciesGrids Grids => Exact.Grids;

    /// <summary>Species masses m_a in index order.</summary>
    public ReadOnlySpan<double> Masses => _masses;

    /// <summary>
    /// Builds the operator.
    /// </summary>
    /// <param name="grids">One grid per species.</param>
    /// <param name="mixture">Species (masses).</param>
    /// <param name="couplings">c_ab = c_ba.</param>
    /// <param name="kernel">Φ_γ and its normalisation (pairs are expanded only for γ = −3).</param>
    /// <param name="expansionThreshold">Expand Q_ab when b's half-width ≤ this × a's spacing (default 6); in [0, 100], 0 never expands.</param>
    /// <returns>The operator.</returns>
    public static PlasmaLandauOperator Create(SpeciesGrids grids, Mixture mixture, LandauCouplings couplings, LandauKernel kernel, double expansionThreshold = DefaultExpansionThreshold)
    {
        Guard.InRange(expansionThreshold, 0.0, 100.0);
        return new PlasmaLandauOperator(SpeciesGridLandauOperator.Create(grids, mixture, couplings, kernel), expansionThreshold);
    }

    /// <summary>How the ordered pair (a, b) is evaluated.</summary>
    /// <param name="a">Test species.</param>
    /// <param name="b">Field species.</param>
    /// <returns>The form.</returns>
    public CrossPairForm Form(int a, int b)
    {
        Guard.InRange(a, 0, Grids.SpeciesCount - 1);
        Guard.InRange(b, 0, Grids.SpeciesCount - 1);
        return _forms[a, b];
    }

    /// <summary>Allocates scratch for evaluations of this operator.</summary>
    /// <returns>A new workspace.</returns>
    public PlasmaLandauWorkspace CreateWorkspace()
    {
        int largest = 0;
        for (int a = 0; a < Grids.SpeciesCount; a++)
        {
            largest = Math.Max(largest, Grids.Count(a));
        }

        return new PlasmaLandauWorkspace(this, Exact.CreateWorkspace(), _spectral.Select(g => g?.CreateWorkspace()).ToArray(), largest);
    }

    /// <summary>destination_a = Σ_b c_ab Q_ab(F_a, F_b) for every species a (stacked per-species data, as
    /// <see cref="SpeciesGridLandauOperator.Evaluate(ReadOnlySpan{double}, Span{double}, SpeciesGridLandauWorkspace)"/>).</summary>
    /// <param name="distributions">Σ N_a³ stacked values of F (not modified).</param>
    /// <param name="destination">Σ N_a³ stacked values of Q.</param>
    /// <param name="workspace">Scratch of this operator.</param>
    public void Evaluate(ReadOnlySpan<double> distributions, Span<double> destination, PlasmaLandauWorkspace workspace)
    {
        CheckWorkspace(workspace);
        Guard.Length(distributions.Length, Grids.TotalCount, nameof(distributions));
        Guard.Length(destination.Length, Grids.TotalCount, nameof(destination));
        destination.Clear();
        int s = Grids.SpeciesCount;
        foreach (var pass in new[] { CrossPairForm.Exact, CrossPairForm.Expanded })
        {
            for (int a = 0; a < s; a++)
            {
                for (int b = 0; b < s; b++)
                {
                    if (_forms[a, b] != pass)
                    {
                        continue;
                    }

                    Span<double> pair = workspace.Pair.AsSpan(0, Grids.Count(a));
                    if (pass == CrossPairForm.Exact)
                    {
                        ExactPair(a, b, distributions, pair, workspace);
                    }
                    else
                    {
                        ExpandedPair(a, b, distributions, pair, workspace);
                    }

                    Span<double> target = Grids.Slice(destination, a);
                    for (int i = 0; i < target.Length; i++)
                    {
                        target[i] += pair[i];
                    }
                }
            }
        }
    }

    /// <summary>Allocating convenience of <see cref="Evaluate(ReadOnlySpan{double}, Span{double}, PlasmaLandauWorkspace)"/>.</summary>
    /// <param name="distributions">Σ N_a³ stacked distributions of F.</param>
    /// <returns>Σ N_a³ stacked values of Q.</returns>
    public double[] Evaluate(ReadOnlySpan<double> distributions)
    {
        var q = new double[distributions.Length];
        Evaluate(distributions, q, CreateWorkspace());
        return q;
    }

    /// <summary>One ordered pair: destination = c_ab Q_ab(F_a, F_b) on α's grid, in the form <see cref="Form"/>.</summary>
    /// <param name="alpha">Test species.</param>
    /// <param name="beta">Field species.</param>
    /// <param name="distributions">Σ N³ stacked distributions of F.</param>
    /// <param name="destination">N_a³ values.</param>
    /// <param name="workspace">Scratch of this operator.</param>
    public void EvaluatePair(int alpha, int beta, ReadOnlySpan<double> distributions, Span<double> destination, PlasmaLandauWorkspace workspace)
    {
        CheckWorkspace(workspace);
        Guard.InRange(alpha, 0, Grids.SpeciesCount - 1);
        Guard.InRange(beta, 0, Grids.SpeciesCount - 1);
        Guard.Length(distributions.Length, Grids.TotalCount, nameof(distributions));
        Guard.Length(destination.Length, Grids.Count(alpha), nameof(destination));
        switch (_forms[alpha, beta])
        {
            case CrossPairForm.Exact:
                ExactPair(alpha, beta, distributions, destination, workspace);
                break;
            case CrossPairForm.Expanded:
                ExactPair(beta, alpha, distributions, workspace.Pair.AsSpan(0, Grids.Count(beta)), workspace);
                ExpandedPair(alpha, beta, distributions, destination, workspace);
                break;
            default:
                destination.Clear();
                break;
        }
    }

    private void ExactPair(int a, int b, ReadOnlySpan<double> values, Span<double> destination, PlasmaLandauWorkspace workspace)
    {
        Exact.EvaluatePair(a, b, values, destination, workspace.Exact);
        SpeciesGrid grid = Grids[a];
        if (a == b)
        {
            // Q_aa conserves a's own momentum and energy: impose it, so that no self-collision defect can be moved to
            // another species by a mixture-level projection.
            Span<double> zero = stackalloc double[5];
            zero.Clear();
            LocalMomentCorrection.Apply(grid.Grid, Grids.Slice(values, a), zero, destination);
        }

        double px = 0, py = 0, pz = 0, e = 0;
        for (int p = 0; p < destination.Length; p++)
        {
            Velocity3 v = grid.Point(p);
            double q = destination[p];
            px += v.X * q;
            py += v.Y * q;
            pz += v.Z * q;
            e += v.LengthSquared * q;
        }

        double scale = _masses[a] * grid.CellVolume;
        int k = ((a * Grids.SpeciesCount) + b) * 4;
        workspace.Exchange[k] = scale * px;
        workspace.Exchange[k + 1] = scale * py;
        workspace.Exchange[k + 2] = scale * pz;
        workspace.Exchange[k + 3] = 0.5 * scale * e;
    }

    private void ExpandedPair(int a, int b, ReadOnlySpan<double> values, Span<double> destination, PlasmaLandauWorkspace workspace)
    {
        SpeciesGrid gridA = Grids[a], gridB = Grids[b];
        ReadOnlySpan<double> fa = Grids.Slice(values, a), fb = Grids.Slice(values, b);
        int count = fa.Length;

        // b's density, mean velocity and velocity variance per axis on its own grid.
        double n = 0, ux = 0, uy = 0, uz = 0, second = 0;
        for (int p = 0; p < fb.Length; p++)
        {
            Velocity3 v = gridB.Point(p);
            n += fb[p];
            ux += v.X * fb[p];
            uy += v.Y * fb[p];
            uz += v.Z * fb[p];
            second += v.LengthSquared * fb[p];
        }

        var u = new Velocity3(ux, uy, uz) / n;
        double theta = Math.Max(0.0, ((second / n) - u.LengthSquared) / 3.0);
        n *= gridB.CellVolume;

        SpectralGrid spectral = _spectral[a]!;
        var ws = workspace.Spectral[a]!;
        for (int d = 0; d < 3; d++)
        {
            SpectralDerivative.First(spectral, fa, d, workspace.Gradient.AsSpan(d * count, count), ws);
        }

        double coupling = _prefactor * Exact.Couplings[a, b];
        double diffusion = coupling / (_masses[a] * _masses[a]), drift = coupling / (_masses[a] * _masses[b]);
        double floor = 0.25 * gridA.Spacing;
        Span<double> gx = workspace.Gradient.AsSpan(0, count), gy = workspace.Gradient.AsSpan(count, count), gz = workspace.Gradient.AsSpan(2 * count, count);
        Span<double> jx = workspace.Flux.AsSpan(0, count), jy = workspace.Flux.AsSpan(count, count), jz = workspace.Flux.AsSpan(2 * count, count);
        for (int p = 0; p < count; p++)
        {
            Velocity3 w = gridA.Point(p) - u;
            double length = w.Length, r = Math.Max(length, floor);
            Velocity3 e = length > 0 ? w / length : Velocity3.Zero;
            double r3 = r * r * r;

            // K = n[(I − êêᵀ)/r + θ(3êêᵀ − I)/r³] = α I + β êêᵀ; b = −2n ê/r².
            double alpha = n * ((1.0 / r) - (theta / r3)), beta = n * ((-1.0 / r) + (3.0 * theta / r3));
            double eg = (e.X * gx[p]) + (e.Y * gy[p]) + (e.Z * gz[p]);
            double push = drift * 2.0 * n / (r * r) * fa[p];
            jx[p] = (diffusion * ((alpha * gx[p]) + (beta * e.X * eg))) + (push * e.X);
            jy[p] = (diffusion * ((alpha * gy[p]) + (beta * e.Y * eg))) + (push * e.Y);
            jz[p] = (diffusion * ((alpha * gz[p]) + (beta * e.Z * eg))) + (push * e.Z);
        }

        destination.Clear();
        Span<double> derivative = workspace.Derivative.AsSpan(0, count);
        for (int d = 0; d < 3; d++)
        {
            SpectralDerivative.First(spectral, workspace.Flux.AsSpan(d * count, count), d, derivative, ws);
            for (int p = 0; p < count; p++)
            {
                destination[p] += derivative[p];
            }
        }

        // Exchange of the pair = − exchange of the exact partner term Q_ba (measured when it was evaluated).
        int k = ((b * Grids.SpeciesCount) + a) * 4;
        double ma = _masses[a], volume = gridA.CellVolume;
        var momentum = new Velocity3(-workspace.Exchange[k], -workspace.Exchange[k + 1], -workspace.Exchange[k + 2]) / ma;
        double energy = -workspace.Exchange[k + 3] / ma;
        Velocity3 centre = gridA.Centre;
        Span<double> targets = [0.0, momentum.X / volume, momentum.Y / volume, momentum.Z / volume, (energy - Velocity3.Dot(centre, momentum)) / volume];
        LocalMomentCorrection.Apply(gridA.Grid, fa, targets, destination);
    }

    private void CheckWorkspace(PlasmaLandauWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (!ReferenceEquals(workspace.Owner, this))
        {
            throw new ArgumentException("workspace was created by a different PlasmaLandauOperator.", nameof(workspace));
        }
    }
}
