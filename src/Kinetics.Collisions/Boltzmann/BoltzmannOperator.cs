using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Kinetics.Conservation;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Mixtures;
using Kinetics.Quadrature;
using Kinetics.Spectral;

namespace Kinetics.Boltzmann;

/// <summary>
/// The fast spectral multi-species Boltzmann operator on a <see cref="CartesianGrid"/>: a precomputed, immutable plan
/// that evaluates (Q^α)_α = (Σ_β Q^{αβ}(F^α, F^β))_α for all species at once (MATH.md §2, "Fast spectral evaluation";
/// Gamba, Haack, Hauck and Hu, SIAM J. Sci. Comput. 39 (2017), with the mass-ratio phases a = m^β/M, b = m^α/M).
/// </summary>
/// <remarks>
/// <para>Effectively computes destination[α·N³ + p] = Σ_β Q^{αβ}(F^α, F^β)(v_p), ∂F/∂t = Q (gain minus loss), for the
/// operator with relative speeds truncated at R = 2S, S = <see cref="SupportRadius"/>:
/// Q̂⁺^{αβ}(ξ) = Σ_r w_r C b_σ 4π sinc(a r|ξ|) 𝔽[Σ_σ w_σ F^α(· + a r σ) F^β(· − b r σ)](ξ) and
/// Q⁻^{αβ} = F^α · 𝔽⁻¹(F̂^β β̂), β̂(ξ) = Σ_r w_r C b₀ 4π sinc(r|ξ|), with Gauss–Jacobi radial weights w_r (weight r^{γ+2})
/// shared by gain and loss (so common-(u, T) Maxwellians balance node by node) and an antipodal sphere rule.</para>
/// <para>Fourier convention: the grid values are the samples of a trigonometric polynomial
/// F(v) = N⁻³ Σ_k F_k e^{iξ_k·(v − v₀)}, ξ_k = (π/L)k, v₀ = (−L + h/2)(1, 1, 1), F_k the forward DFT of the samples;
/// a shift is F(v + c) = 𝔽⁻¹(F_k e^{iξ_k·c}). The phase e^{−iξ_k·v₀} is common to every factor and cancels, because
/// the operator only multiplies spectra by even real functions of |ξ|. Nyquist modes of shifted copies are dropped.</para>
/// <para>Cost per evaluation: S forward transforms, per species pair and radial node 2M + 1 real transforms
/// (M + 1 for a species with itself: antipodal σ give identical products), and 2 inverse transforms per species
/// (<see cref="FftsPerEvaluation"/>); the (β, α) gain reuses the (α, β) product transform. Only isotropic b_σ (hard
/// spheres, VHS, Maxwell molecules with b_ω ∝ |cos θ|) is supported by this fast path.</para>
/// <para>The bilinear form Σ_β Q^{αβ}(F^α, G^β) with two different arguments (what the perturbative Γ and L need) is
/// <see cref="EvaluateBilinear(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, BoltzmannWorkspace)"/>.</para>
/// <para>Immutable and thread-safe; evaluation with an explicit <see cref="BoltzmannWorkspace"/> and
/// <see cref="BoltzmannOptions.MaxDegreeOfParallelism"/> = 1 allocates nothing of its own.</para>
/// </remarks>
public sealed partial class BoltzmannOperator
{
    private readonly Fft3DPlan _fft;
    private readonly int _n;
    private readonly int _half;
    private readonly int _halfCount;
    private readonly int[] _waveNumberSquared;
    private readonly PairPlan[] _pairs;
    private readonly double[][] _lossTables; // ordered pair α·S + β, indexed by |k|²
    private readonly double[] _masses;
    private readonly ConservativeProjection _projection;
    private readonly double _resolutionTolerance;
    private readonly int _lanes;
    private readonly int _partialBuffers;
    private readonly bool _perSigmaShifts;
    private readonly int _maxSigmas;

    // K, the partial transforms a batch holds. 2 is enough for full sharing with the sphere rules here (σ ordered so that
    // the σ with the same pair of x classes are adjacent) and the fastest measured: at N = 48, one species, median
    // 53.3 ms (K = 2), 54.0 (3), 55.2 (4), 57.7 (6), 72.7 ms per σ unshared; docs/boltzmann.md, "Shared x and y passes".
    private const int DefaultPartialBuffers = 2;

    private BoltzmannOperator(CartesianGrid grid, CollisionKernelTable kernels, BoltzmannOptions options, double support)
    {
        Grid = grid;
        Kernels = kernels;
        SupportRadius = support;
        TruncationRadius = 2.0 * support;
        RadialPoints = options.RadialPoints > 0 ? options.RadialPoints : Math.Max(8, grid.PointsPerAxis / 2);
        _resolutionTolerance = options.ResolutionTolerance;
        _lanes = options.MaxDegreeOfParallelism;
        _n = grid.PointsPerAxis;
        _half = (_n / 2) + 1;
        _halfCount = _n * _n * _half;
        _fft = Fft3DPlan.Create(_n);
        _masses = kernels.Mixture.Masses();
        _projection = ConservativeProjection.Create(grid, _masses);

        _waveNumberSquared = new int[_halfCount];
        for (int i = 0, p = 0; i < _n; i++)
        {
            for (int j = 0; j < _n; j++)
            {
                for (int k = 0; k < _half; k++, p++)
                {
                    int ki = SignedFrequency(i, _n), kj = SignedFrequency(j, _n);
                    _waveNumberSquared[p] = (ki * ki) + (kj * kj) + (k * k);
                }
            }
        }

        int s = kernels.SpeciesCount;
        var pairs = new List<PairPlan>();
        _lossTables = new double[s * s][];
        int ffts = s + (2 * s);
        for (int a = 0; a < s; a++)
        {
            for (int b = a; b < s; b++)
            {
                var sphere = DefaultSphere.For(options, kernels, a, b);
                var pair = new PairPlan(this, kernels[a, b], sphere, a, b);
                pairs.Add(pair);
                _lossTables[(a * s) + b] = pair.LossTable;
                _lossTables[(b * s) + a] = pair.LossTable;
                ffts += RadialPoints * (pair.Anisotropic ? 3 * pair.SigmaCount : (2 * pair.SigmaCount) + 1);
            }
        }

        _pairs = pairs.ToArray();
        FftsPerEvaluation = ffts;
        _maxSigmas = _pairs.Max(p => p.SigmaCount);
        _perSigmaShifts = options.PerSigmaShifts;
        _partialBuffers = options.PartialBuffers > 0 ? Math.Max(2, options.PartialBuffers) : DefaultPartialBuffers;
    }

    /// <summary>The velocity grid.</summary>
    public CartesianGrid Grid { get; }

    /// <summary>The kernels B^{αβ} and the mixture they belong to.</summary>
    public CollisionKernelTable Kernels { get; }

    /// <summary>S, the number of species.</summary>
    public int SpeciesCount => _masses.Length;

    /// <summary>The sphere rule used for σ for the pair (α, β) (<see cref="BoltzmannOptions.PairSpheres"/>,
    /// <see cref="BoltzmannOptions.Sphere"/>, or by default Lebedev 50 for a species with itself, the 32-point icosahedral
    /// rule for two species and Product(11) for anisotropic b_σ).</summary>
    /// <param name="alpha">Species index α.</param>
    /// <param name="beta">Species index β.</param>
    public SphereRule SphereFor(int alpha, int beta)
    {
        Guard.InRange(alpha, 0, SpeciesCount - 1);
        Guard.InRange(beta, 0, SpeciesCount - 1);
        return _pairs.First(p => p.Alpha == Math.Min(alpha, beta) && p.Beta == Math.Max(alpha, beta)).Sphere;
    }

    /// <summary>Number of Gauss–Jacobi radial nodes.</summary>
    public int RadialPoints { get; }

    /// <summary>S, the support radius assumed for the distributions (L ≥ (3 + √2)/2 · S).</summary>
    public double SupportRadius { get; }

    /// <summary>R = 2S, the truncation of the relative speed.</summary>
    public double TruncationRadius { get; }

    /// <summary>Number of 3-D real FFTs (forward or inverse) in one call of <see cref="Evaluate(ReadOnlySpan{double}, Span{double}, BoltzmannWorkspace)"/>.</summary>
    public int FftsPerEvaluation { get; }

    /// <summary>The FFT plan used (N × N × N).</summary>
    public Fft3DPlan FftPlan => _fft;

    /// <summary>Creates the plan for a mixture.</summary>
    /// <param name="grid">The velocity grid; N even with no prime factor above 5.</param>
    /// <param name="kernels">B^{αβ} for every pair (validated symmetric by the table); anisotropic b_σ takes the slower
    /// σ–ξ weight path.</param>
    /// <param name="options">Discretisation choices; null for the defaults.</param>
    /// <exception cref="ArgumentException">The grid is too small for the support radius (aliasing) or N is unsupported.</exception>
    public static BoltzmannOperator Create(CartesianGrid grid, CollisionKernelTable kernels, BoltzmannOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(kernels);
        options ??= new BoltzmannOptions();
        int n = grid.PointsPerAxis;
        if (n % 2 != 0 || !Fft3DPlan.IsSupportedSize(n))
        {
            throw new ArgumentException($"grid must have an even N with no prime factor above 5 (was N = {n}).", nameof(grid));
        }

        Guard.InRange(options.RadialPoints, 0, 512, nameof(options) + ".RadialPoints");
        Guard.InRange(options.MaxDegreeOfParallelism, 1, 256, nameof(options) + ".MaxDegreeOfParallelism");
        if (!(options.ResolutionTolerance > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ResolutionTolerance, $"options.ResolutionTolerance must be > 0 (was {options.ResolutionTolerance}).");
        }

        double factor = (3.0 + Math.Sqrt(2.0)) / 2.0;
        double support = options.SupportRadius ?? (grid.HalfWidth / factor);
        if (!(support > 0) || !double.IsFinite(support))
        {
            throw new ArgumentOutOfRangeException(nameof(options), support, $"options.SupportRadius must be finite and > 0 (was {support}).");
        }

        if (grid.HalfWidth < factor * support * (1.0 - 1e-12))
        {
            throw new ArgumentException(
                $"grid is too small for the support radius: aliasing-free evaluation needs L >= (3 + √2)/2 · S = {factor * support:G6} " +
                $"for S = {support:G6} (R = 2S = {2 * support:G6}), but L = {grid.HalfWidth:G6}. Enlarge L or reduce options.SupportRadius.",
                nameof(grid));
        }

        if (options.PairSpheres is { } table)
        {
            foreach (var ((alpha, beta), pairRule) in table)
            {
                Guard.InRange(alpha, 0, kernels.SpeciesCount - 1, nameof(options) + ".PairSpheres key Alpha");
                Guard.InRange(beta, 0, kernels.SpeciesCount - 1, nameof(options) + ".PairSpheres key Beta");
                if (pairRule is null || !IsAntipodal(pairRule))
                {
                    throw new ArgumentException(
                        $"options.PairSpheres[({alpha}, {beta})] must be an antipodal sphere rule (−σ in the rule with the same weight for every σ), which {pairRule?.ToString() ?? "null"} is not.",
                        nameof(options));
                }
            }
        }

        if (options.Sphere is { } rule && !IsAntipodal(rule))
        {
            throw new ArgumentException(
                $"options.Sphere must be antipodal (−σ in the rule with the same weight for every σ), which {rule} is not; " +
                "use SphereRule.Icosahedron, Icosahedral32, Octahedral26 or Product(d) with odd d.",
                nameof(options));
        }

        return new BoltzmannOperator(grid, kernels, options, support);
    }

    /// <summary>Creates the plan for one species of mass <paramref name="mass"/> with kernel <paramref name="kernel"/>.</summary>
    /// <param name="grid">The velocity grid.</param>
    /// <param name="kernel">B with isotropic b_σ.</param>
    /// <param name="mass">m &gt; 0 (default 1).</param>
    /// <param name="options">Discretisation choices; null for the defaults.</param>
    public static BoltzmannOperator Create(CartesianGrid grid, CollisionKernel kernel, double mass = 1.0, BoltzmannOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        return Create(grid, CollisionKernelTable.Uniform(new Mixture(new Species("gas", mass)), kernel), options);
    }

    /// <summary>Scratch memory for evaluations with this plan (one per concurrent caller).</summary>
    public BoltzmannWorkspace CreateWorkspace() =>
        new(_fft, SpeciesCount, _lanes, Grid.Count, _halfCount, _partialBuffers, _maxSigmas, _pairs.Any(p => p.Anisotropic) ? AnisotropicGainWeights.LaneCount : 0);

    /// <summary>
    /// destination[α·N³ + p] = Σ_β Q^{αβ}(F^α, F^β)(v_p) (species-major stacking, as <see cref="ConservativeProjection"/>).
    /// </summary>
    /// <param name="distributions">S·N³ values F^α(v_p), finite and resolved by the grid (not modified).</param>
    /// <param name="destination">S·N³ values; must not overlap <paramref name="distributions"/>.</param>
    /// <param name="workspace">Scratch from <see cref="CreateWorkspace"/>.</param>
    /// <exception cref="ArgumentException">Wrong lengths, non-finite values, or a species not decayed at the box boundary.</exception>
    public void Evaluate(ReadOnlySpan<double> distributions, Span<double> destination, BoltzmannWorkspace workspace)
    {
        Validate(distributions, destination, SpeciesCount, workspace);
        EvaluateCore(distributions, distributions, destination, workspace, pairs: false, bilinear: false);
    }

    /// <summary>
    /// The bilinear form of the operator: destination[α·N³ + p] = Σ_β Q^{αβ}(F^α, G^β)(v_p), F = <paramref name="first"/>,
    /// G = <paramref name="second"/> (species-major stacking), with the same discretisation as
    /// <see cref="Evaluate(ReadOnlySpan{double}, Span{double}, BoltzmannWorkspace)"/>, which is the case F = G.
    /// </summary>
    /// <remarks>
    /// <para>Q^{αβ}(F, G) = C ∫∫ B [F(v')G(v*') − F(v)G(v*)]: the gain spectrum of (α, β) is that of
    /// Σ_σ F^α(· + a r σ) G^β(· − b r σ) (sinc(a r|ξ|)), the one of (β, α) that of Σ_σ F^β(· − b r σ) G^α(· + a r σ)
    /// (σ → −σ, sinc(b r|ξ|)); for a species with itself (half of an antipodal sphere, doubled weights w') the
    /// symmetrised product Σ (w'/2)[F(· + rσ/2)G(· − rσ/2) + F(· − rσ/2)G(· + rσ/2)] is transformed. The loss is
    /// F^α · 𝔽⁻¹(Σ_β β̂^{αβ} Ĝ^β). Signs are not restricted (this is what the perturbative Γ needs); the resolution check
    /// of <see cref="BoltzmannOptions.ResolutionTolerance"/> applies to both arguments.</para>
    /// <para>Cost: S extra forward transforms and, for unequal species, one more product transform per pair and node
    /// (about twice the inverse transforms of <see cref="Evaluate(ReadOnlySpan{double}, Span{double}, BoltzmannWorkspace)"/>).
    /// Allocates nothing with <see cref="BoltzmannOptions.MaxDegreeOfParallelism"/> = 1.</para>
    /// </remarks>
    /// <param name="first">S·N³ values F^α(v_p), the first (pre-collision "α") argument (not modified).</param>
    /// <param name="second">S·N³ values G^β(v_p), the partner argument (not modified); may be the same memory as
    /// <paramref name="first"/>.</param>
    /// <param name="destination">S·N³ values; must overlap neither input.</param>
    /// <param name="workspace">Scratch from <see cref="CreateWorkspace"/>.</param>
    /// <exception cref="ArgumentException">Wrong lengths, non-finite values, overlap, or an argument not decayed at the box
    /// boundary.</exception>
    public void EvaluateBilinear(ReadOnlySpan<double> first, ReadOnlySpan<double> second, Span<double> destination, BoltzmannWorkspace workspace)
    {
        Validate(first, destination, SpeciesCount, workspace, nameof(first));
        Validate(second, destination, SpeciesCount, workspace, nameof(second));
        EvaluateCore(first, second, destination, workspace, pairs: false, bilinear: true);
    }

    /// <summary>Allocating convenience: the stacked (Σ_β Q^{αβ}(F^α, G^β))_α.</summary>
    /// <param name="first">S·N³ values F^α(v_p).</param>
    /// <param name="second">S·N³ values G^β(v_p).</param>
    public double[] EvaluateBilinear(ReadOnlySpan<double> first, ReadOnlySpan<double> second)
    {
        var result = new double[SpeciesCount * Grid.Count];
        EvaluateBilinear(first, second, result, CreateWorkspace());
        return result;
    }

    /// <summary>Allocating convenience: the stacked (Q^α)_α of <paramref name="distributions"/>.</summary>
    /// <param name="distributions">S·N³ values F^α(v_p).</param>
    public double[] Evaluate(ReadOnlySpan<double> distributions)
    {
        var result = new double[SpeciesCount * Grid.Count];
        Evaluate(distributions, result, CreateWorkspace());
        return result;
    }

    /// <summary>
    /// Evaluates and then applies the conservative correction (<see cref="ConservativeProjection.ApplyDistributionWeighted"/>,
    /// weight |F^α|): every species mass, the total momentum and the total energy are conserved to round-off, and the
    /// correction lives where each species does.
    /// </summary>
    /// <param name="distributions">S·N³ values F^α(v_p).</param>
    /// <param name="destination">S·N³ values, the corrected (Q^α)_α.</param>
    /// <param name="workspace">Scratch from <see cref="CreateWorkspace"/>.</param>
    /// <returns>The defects before correction and the size of the correction.</returns>
    public ConservationReport EvaluateConservative(ReadOnlySpan<double> distributions, Span<double> destination, BoltzmannWorkspace workspace)
    {
        Evaluate(distributions, destination, workspace);
        return _projection.ApplyDistributionWeighted(destination, distributions);
    }

    /// <summary>
    /// Every ordered pair separately: destination[(α·S + β)·N³ + p] = Q^{αβ}(F^α, F^β)(v_p).
    /// </summary>
    /// <param name="distributions">S·N³ values F^α(v_p).</param>
    /// <param name="destination">S²·N³ values.</param>
    /// <param name="workspace">Scratch from <see cref="CreateWorkspace"/>.</param>
    public void EvaluatePairs(ReadOnlySpan<double> distributions, Span<double> destination, BoltzmannWorkspace workspace)
    {
        Validate(distributions, destination, SpeciesCount * SpeciesCount, workspace);
        EvaluateCore(distributions, distributions, destination, workspace, pairs: true, bilinear: false);
    }

    /// <summary>
    /// Per ordered pair (α, β), entry α·S + β: the mass, momentum and energy rates of Q^{αβ}(F^α, F^β) (weight h³).
    /// Pairwise conservation reads rates[αβ].Momentum + rates[βα].Momentum ≈ 0 (spectrally small before correction).
    /// </summary>
    /// <param name="distributions">S·N³ values F^α(v_p).</param>
    /// <param name="rates">S² entries.</param>
    /// <param name="workspace">Scratch from <see cref="CreateWorkspace"/>.</param>
    public void ExchangeRates(ReadOnlySpan<double> distributions, Span<ExchangeRate> rates, BoltzmannWorkspace workspace)
    {
        int s = SpeciesCount, count = Grid.Count;
        Guard.Length(rates.Length, s * s, nameof(rates));
        ArgumentNullException.ThrowIfNull(workspace);
        Span<double> pairs = workspace.Pairs;
        EvaluatePairs(distributions, pairs, workspace);
        for (int slot = 0; slot < s * s; slot++)
        {
            // The rates of Q^{αβ} are its species moments with the mass of α (Core's marginal-based moment pass).
            var moments = Moments.SpeciesMoments.Of(Grid, pairs.Slice(slot * count, count), _masses[slot / s]);
            rates[slot] = new ExchangeRate(moments.Density, moments.Momentum, moments.Energy);
        }
    }

    /// <summary>
    /// The entropy production D(F) = Σ_α ∫ Q^α log F^α dv (weight h³), ≤ 0 by the H-theorem; grid points where
    /// F^α ≤ 0 (underflow in the tails) are skipped.
    /// </summary>
    /// <param name="distributions">S·N³ values F^α(v_p).</param>
    /// <param name="workspace">Scratch from <see cref="CreateWorkspace"/>.</param>
    public double EntropyProduction(ReadOnlySpan<double> distributions, BoltzmannWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        int total = SpeciesCount * Grid.Count;
        Span<double> q = workspace.Pairs.AsSpan(0, total);
        Evaluate(distributions, q, workspace);
        double sum = 0;
        for (int p = 0; p < total; p++)
        {
            double f = distributions[p];
            if (f > 0)
            {
                sum += q[p] * Math.Log(f);
            }
        }

        return sum * Grid.CellVolume;
    }

    /// <summary>
    /// Batched evaluation over spatial cells with one plan: cell c occupies [c·S·N³, (c + 1)·S·N³) of both buffers.
    /// Cells are processed in parallel, one workspace per worker, rented from the operator's pool (the one behind its
    /// <see cref="Dynamics.ICollisionOperator"/> view) and returned after the call, so repeated calls reuse them; only
    /// the parallel loop's own bookkeeping is allocated per call.
    /// </summary>
    /// <param name="cells">cellCount·S·N³ values.</param>
    /// <param name="destination">cellCount·S·N³ values.</param>
    /// <param name="maxDegreeOfParallelism">Workers (−1: as many as the runtime chooses).</param>
    public void EvaluateCells(ReadOnlyMemory<double> cells, Memory<double> destination, int maxDegreeOfParallelism = -1)
    {
        int block = SpeciesCount * Grid.Count;
        if (cells.Length % block != 0)
        {
            throw new ArgumentException($"cells must hold a whole number of cells of S·N³ = {block} values (was {cells.Length}).", nameof(cells));
        }

        Guard.Length(destination.Length, cells.Length, nameof(destination));
        int cellCount = cells.Length / block;
        Parallel.For(
            0,
            cellCount,
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
            Pool.Rent,
            (c, _, workspace) =>
            {
                Evaluate(cells.Span.Slice(c * block, block), destination.Span.Slice(c * block, block), workspace);
                return workspace;
            },
            Pool.Return);
    }

    private void Validate(
        ReadOnlySpan<double> distributions, Span<double> destination, int outputBlocks, BoltzmannWorkspace workspace, string name = "distributions")
    {
        ArgumentNullException.ThrowIfNull(workspace);
        int count = Grid.Count;
        Guard.Length(distributions.Length, SpeciesCount * count, name);
        Guard.Length(destination.Length, outputBlocks * count, nameof(destination));
        if (workspace.Species != SpeciesCount || workspace.Lanes != _lanes || workspace.Real.Length != count)
        {
            throw new ArgumentException("workspace was created by a different BoltzmannOperator plan.", nameof(workspace));
        }

        if (distributions.Overlaps(destination))
        {
            throw new ArgumentException($"destination must not overlap {name}.", nameof(destination));
        }

        Guard.AllFinite(distributions, name);
        for (int a = 0; a < SpeciesCount; a++)
        {
            CheckResolved(distributions.Slice(a * count, count), a, name);
        }
    }

    // max |F| over the outermost layer of cells relative to max |F|.
    private void CheckResolved(ReadOnlySpan<double> distributions, int species, string name)
    {
        if (double.IsPositiveInfinity(_resolutionTolerance))
        {
            return;
        }

        ReadOnlySpan<double> f = distributions;
        // MaxMagnitude returns the signed element of largest magnitude: take |·| (signed data, e.g. the arguments of Γ).
        double peak = Math.Abs(TensorPrimitives.MaxMagnitude(f)), edge = 0;
        for (int i = 0, p = 0; i < _n; i++)
        {
            bool faceI = i == 0 || i == _n - 1;
            for (int j = 0; j < _n; j++)
            {
                bool face = faceI || j == 0 || j == _n - 1;
                if (face)
                {
                    edge = Math.Max(edge, Math.Abs(TensorPrimitives.MaxMagnitude(f.Slice(p, _n))));
                }
                else
                {
                    edge = Math.Max(edge, Math.Max(Math.Abs(f[p]), Math.Abs(f[p + _n - 1])));
                }

                p += _n;
            }
        }

        if (edge > _resolutionTolerance * peak)
        {
            throw new ArgumentException(
                $"{name}: species {species} is not resolved by the grid: |F| on the box boundary is {edge / peak:G3} of its maximum " +
                $"(options.ResolutionTolerance = {_resolutionTolerance:G3}); enlarge L = {Grid.HalfWidth:G6}.",
                name);
        }
    }

    // distributions = F (first argument, multiplies the loss), second = G; bilinear = false means G is F (one spectrum).
    private void EvaluateCore(
        ReadOnlySpan<double> distributions, ReadOnlySpan<double> second, Span<double> destination, BoltzmannWorkspace workspace, bool pairs, bool bilinear)
    {
        int s = SpeciesCount, count = Grid.Count, hc = _halfCount, slots = pairs ? s * s : s;
        Span<Complex> spectra = workspace.Spectra;
        for (int a = 0; a < s; a++)
        {
            _fft.ForwardReal(distributions.Slice(a * count, count), spectra.Slice(a * hc, hc), workspace.Fft[0]);
            if (bilinear)
            {
                _fft.ForwardReal(second.Slice(a * count, count), workspace.SecondSpectra.AsSpan(a * hc, hc), workspace.Fft[0]);
            }
        }

        Span<Complex> partnerSpectra = bilinear ? workspace.SecondSpectra : spectra;

        workspace.GainSpectra.AsSpan().Clear();
        int work = _pairs.Length * RadialPoints;
        if (_lanes == 1)
        {
            for (int item = 0; item < work; item++)
            {
                AccumulateGain(item, 0, workspace, pairs, bilinear);
            }
        }
        else
        {
            AccumulateGainInParallel(work, workspace, pairs, bilinear);
            Span<Complex> first = workspace.GainSpectra.AsSpan(0, slots * hc);
            for (int lane = 1; lane < _lanes; lane++)
            {
                Span<Complex> other = workspace.GainSpectra.AsSpan(lane * s * s * hc, slots * hc);
                for (int p = 0; p < first.Length; p++)
                {
                    first[p] += other[p];
                }
            }
        }

        // Loss spectra: Σ_β β̂^{αβ} Ĝ^β per output slot.
        Span<Complex> loss = workspace.LossSpectra.AsSpan(0, slots * hc);
        loss.Clear();
        for (int a = 0; a < s; a++)
        {
            for (int b = 0; b < s; b++)
            {
                int slot = pairs ? (a * s) + b : a;
                MultiplyAccumulate(_lossTables[(a * s) + b], partnerSpectra.Slice(b * hc, hc), loss.Slice(slot * hc, hc));
            }
        }

        Span<double> real = workspace.Real;
        for (int slot = 0; slot < slots; slot++)
        {
            int a = pairs ? slot / s : slot;
            Span<double> target = destination.Slice(slot * count, count);
            _fft.InverseRealOverwritingInput(workspace.GainSpectra.AsSpan(slot * hc, hc), target, workspace.Fft[0]);
            _fft.InverseRealOverwritingInput(loss.Slice(slot * hc, hc), real, workspace.Fft[0]);
            TensorPrimitives.Multiply(real, distributions.Slice(a * count, count), real);
            TensorPrimitives.Subtract(target, real, target);
        }
    }

    // Kept out of EvaluateCore: the lambda's closure would otherwise be allocated on every call, even when serial.
    private void AccumulateGainInParallel(int work, BoltzmannWorkspace workspace, bool pairs, bool bilinear) =>
        Parallel.For(0, _lanes, new ParallelOptions { MaxDegreeOfParallelism = _lanes }, lane =>
        {
            for (int item = lane; item < work; item += _lanes)
            {
                AccumulateGain(item, lane, workspace, pairs, bilinear);
            }
        });

    // One (pair, radial node) work item: the σ-summed product of shifted copies, one forward FFT, and its sinc-weighted
    // contribution to the gain spectra of (α, β) and (β, α). Bilinear (F ≠ G): the (β, α) product
    // Σ_σ F^β(· − b r σ) G^α(· + a r σ) is a separate transform, and a self pair symmetrises its half-sphere product.
    private void AccumulateGain(int item, int lane, BoltzmannWorkspace workspace, bool pairs, bool bilinear)
    {
        int s = SpeciesCount, hc = _halfCount;
        var pair = _pairs[item / RadialPoints];
        int node = item % RadialPoints;
        Span<Complex> productSpectrum = workspace.ProductSpectrum.AsSpan(lane * hc, hc);
        Span<double> product = workspace.Product.AsSpan(lane * Grid.Count, Grid.Count);
        var fft = workspace.Fft[lane];
        Complex[] partner = bilinear ? workspace.SecondSpectra : workspace.Spectra;
        ReadOnlySpan<Complex> firstA = workspace.Spectra.AsSpan(pair.Alpha * hc, hc);
        ReadOnlySpan<Complex> secondB = partner.AsSpan(pair.Beta * hc, hc);
        int laneOffset = lane * s * s * hc;
        int slotAB = pairs ? (pair.Alpha * s) + pair.Beta : pair.Alpha;
        int slotBA = pairs ? (pair.Beta * s) + pair.Alpha : pair.Beta;
        Span<Complex> gainAB = workspace.GainSpectra.AsSpan(laneOffset + (slotAB * hc), hc);
        Span<Complex> gainBA = pair.Alpha != pair.Beta ? workspace.GainSpectra.AsSpan(laneOffset + (slotBA * hc), hc) : default;

        // (β, α) inputs for the bilinear form: G^α at +a r σ (side 0), F^β at −b r σ (side 1).
        ReadOnlySpan<Complex> secondA = partner.AsSpan(pair.Alpha * hc, hc);
        ReadOnlySpan<Complex> firstB = workspace.Spectra.AsSpan(pair.Beta * hc, hc);
        if (pair.Anisotropic)
        {
            AccumulateAnisotropic(pair, node, firstA, secondB, lane, workspace, gainAB, bilinear ? default : gainBA);
            if (bilinear && !gainBA.IsEmpty)
            {
                AccumulateAnisotropic(pair, node, secondA, firstB, lane, workspace, default, gainBA);
            }

            return;
        }

        product.Clear();
        if (bilinear && pair.Alpha == pair.Beta)
        {
            // Half sphere with doubled weights: add the antipodal half, F(· − rσ/2)G(· + rσ/2), and halve. One batched
            // product of both terms, so that F(· + rσ/2) and F(· − rσ'/2) of a mirror pair σ, σ' share their x pass.
            ShiftedProducts(pair, node, new ShiftTerms(firstA, secondB, secondA, firstB), lane, workspace);
            TensorPrimitives.Multiply(product, 0.5, product);
        }
        else
        {
            ShiftedProducts(pair, node, new ShiftTerms(firstA, secondB, default, default), lane, workspace);
        }

        _fft.ForwardReal(product, productSpectrum, fft);
        MultiplyAccumulate(pair.GainTable(0, node), productSpectrum, gainAB);
        if (pair.Alpha == pair.Beta)
        {
            return;
        }

        if (bilinear)
        {
            product.Clear();
            ShiftedProducts(pair, node, new ShiftTerms(secondA, firstB, default, default), lane, workspace);

            _fft.ForwardReal(product, productSpectrum, fft);
        }

        MultiplyAccumulate(pair.GainTable(1, node), productSpectrum, gainBA);
    }

    // product (+)= X(· + a r σ_m) · Y(· − b r σ_m) (σ weight included), X, Y given by their half spectra: two shifted
    // inverse transforms, the phase folded into the first pass of each and the product into the last pass of the second.
    private void ShiftedProduct(
        PairPlan pair, int node, int m, ReadOnlySpan<Complex> plus, ReadOnlySpan<Complex> minus, int lane, BoltzmannWorkspace workspace, bool accumulate)
    {
        int count = Grid.Count;
        Span<double> shifted = workspace.Shifted.AsSpan(lane * count, count);
        Span<double> product = workspace.Product.AsSpan(lane * count, count);
        var fft = workspace.Fft[lane];
        if (!accumulate)
        {
            product.Clear();
        }

        ReadOnlySpan<Complex> phase = pair.Phase(0, node, m);
        _fft.InverseRealModulated(plus, phase[.._n], phase.Slice(_n, _n), phase.Slice(2 * _n, _half), shifted, fft);
        phase = pair.Phase(1, node, m);
        _fft.InverseRealModulatedMultiplyAdd(minus, phase[.._n], phase.Slice(_n, _n), phase.Slice(2 * _n, _half), shifted, product, fft);
    }

    // Anisotropic b_σ: gainAB += Σ_σ W_a(ξ, σ) 𝔽[X(· + a r σ) Y(· − b r σ)] and gainBA += Σ_σ W_b(ξ, −σ) 𝔽[…] (either may be
    // empty). The weights depend on σ·ξ̂, so every σ needs its own forward transform; L = AnisotropicGainWeights.LaneCount
    // product spectra are stored interleaved by lane and accumulated in one vectorised pass (the Legendre series runs
    // across the L directions). Unused lanes of the last group carry zero products.
    private void AccumulateAnisotropic(
        PairPlan pair, int node, ReadOnlySpan<Complex> plus, ReadOnlySpan<Complex> minus, int lane, BoltzmannWorkspace workspace,
        Span<Complex> gainAB, Span<Complex> gainBA)
    {
        int lanes = AnisotropicGainWeights.LaneCount, hc = _halfCount;
        Span<Complex> productSpectrum = workspace.ProductSpectrum.AsSpan(lane * hc, hc);
        Span<double> product = workspace.Product.AsSpan(lane * Grid.Count, Grid.Count);
        Span<double> re = workspace.LaneProducts.AsSpan(lane * 2 * hc * lanes, hc * lanes);
        Span<double> im = workspace.LaneProducts.AsSpan(((lane * 2) + 1) * hc * lanes, hc * lanes);
        Span<double> sigma = stackalloc double[3 * lanes];
        var fft = workspace.Fft[lane];
        for (int first = 0; first < pair.SigmaCount; first += lanes)
        {
            sigma.Clear();
            for (int l = 0; l < lanes; l++)
            {
                int m = first + l;
                if (m < pair.SigmaCount)
                {
                    ShiftedProduct(pair, node, m, plus, minus, lane, workspace, accumulate: false);
                    _fft.ForwardReal(product, productSpectrum, fft);
                    var direction = pair.Sigma(m);
                    (sigma[l], sigma[lanes + l], sigma[(2 * lanes) + l]) = (direction.X, direction.Y, direction.Z);
                    for (int p = 0; p < hc; p++)
                    {
                        re[(p * lanes) + l] = productSpectrum[p].Real;
                        im[(p * lanes) + l] = productSpectrum[p].Imaginary;
                    }
                }
                else
                {
                    for (int p = 0; p < hc; p++)
                    {
                        re[(p * lanes) + l] = 0.0;
                        im[(p * lanes) + l] = 0.0;
                    }
                }
            }

            pair.Weights!.AccumulateLanes(
                re, im, sigma[..lanes], sigma.Slice(lanes, lanes), sigma.Slice(2 * lanes, lanes), node, _waveNumberSquared, _n, gainAB, gainBA);
        }
    }

    // product += Σ_terms Σ_σ X(· + a r σ) · Y(· − b r σ) over all σ of the node (σ weights included), X, Y given by their
    // half spectra (one term, or the two of a symmetrised bilinear self pair). A shifted copy's x pass depends only on its
    // spectrum and its x factors e^{±i c r ξ_x σ_x}, its y pass per plane also on e^{±i c r ξ_y σ_y}, and symmetric sphere
    // rules repeat σ_x and σ_y (the icosahedron's 12 self-pair copies have 5 distinct x and 8 distinct (x, y)), so copies
    // with equal factors share those passes (Fft3DPlan.InverseRealFirstPass, InverseRealColumns). σ run in batches of at
    // most K partial transforms; each batch finishes its copies plane by plane (y passes, then per σ two z passes with the
    // product folded into the second), so one x-plane of every partial, the y planes and the product plane are in cache
    // together. docs/boltzmann.md, "Shared x and y passes".
    private void ShiftedProducts(PairPlan pair, int node, ShiftTerms terms, int lane, BoltzmannWorkspace workspace)
    {
        int sigmas = pair.SigmaCount, copies = terms.Count * sigmas;
        if (_perSigmaShifts)
        {
            for (int v = 0; v < copies; v++)
            {
                ShiftedProduct(pair, node, v % sigmas, terms.Spectrum(v / sigmas, 0), terms.Spectrum(v / sigmas, 1), lane, workspace, accumulate: true);
            }

            return;
        }

        // Virtual σ v = term·M + m. A copy's key is (spectrum, x class): equal keys mean the same x pass. Order v by the
        // unordered pair of their keys, so that copies with the same x passes are adjacent (for a self pair: σ and its
        // mirror image in x, whose shifts ±rσ/2 have the same two x components in swapped order).
        var scratch = workspace.Batches[lane];
        ReadOnlySpan<int> classes = pair.XClasses(node);
        Span<int> order = scratch.Order.AsSpan(0, copies), low = scratch.LowKey.AsSpan(0, copies), high = scratch.HighKey.AsSpan(0, copies);
        for (int v = 0; v < copies; v++)
        {
            int term = v / sigmas, m = v % sigmas;
            int key0 = Key(terms.Id(term, 0), classes[m], sigmas), key1 = Key(terms.Id(term, 1), classes[sigmas + m], sigmas);
            (low[v], high[v]) = (Math.Min(key0, key1), Math.Max(key0, key1));
            int at = v;
            while (at > 0 && Before(v, order[at - 1], low, high))
            {
                order[at] = order[at - 1];
                at--;
            }

            order[at] = v;
        }

        Span<int> slotOfKey = scratch.SlotOfKey.AsSpan(0, 8 * sigmas);
        slotOfKey.Fill(-1);
        int used = 0, batch = 0;
        foreach (int v in order)
        {
            int term = v / sigmas, m = v % sigmas;
            int key0 = Key(terms.Id(term, 0), classes[m], sigmas), key1 = Key(terms.Id(term, 1), classes[sigmas + m], sigmas);
            int need = (slotOfKey[key0] < 0 ? 1 : 0) + (key1 != key0 && slotOfKey[key1] < 0 ? 1 : 0);
            if (batch > 0 && (used + need > scratch.Capacity || batch == scratch.MaxBatch))
            {
                RunBatch(pair, node, terms, used, batch, lane, workspace);
                for (int slot = 0; slot < used; slot++)
                {
                    slotOfKey[scratch.SlotKey[slot]] = -1;
                }

                used = 0;
                batch = 0;
            }

            for (int side = 0; side < 2; side++)
            {
                int key = side == 0 ? key0 : key1;
                if (slotOfKey[key] < 0)
                {
                    slotOfKey[key] = used;
                    scratch.SlotKey[used] = key;
                    scratch.SlotSide[used] = side;
                    scratch.SlotSigma[used] = v;
                    used++;
                }

                scratch.BatchSlots[(2 * batch) + side] = slotOfKey[key];
            }

            scratch.BatchSigmas[batch++] = v;
        }

        RunBatch(pair, node, terms, used, batch, lane, workspace);

        static int Key(int spectrum, int xClass, int sigmas) => (spectrum * 2 * sigmas) + xClass;

        static bool Before(int v, int w, ReadOnlySpan<int> low, ReadOnlySpan<int> high) =>
            low[v] < low[w] || (low[v] == low[w] && (high[v] < high[w] || (high[v] == high[w] && v < w)));
    }

    private void RunBatch(PairPlan pair, int node, ShiftTerms terms, int partials, int batch, int lane, BoltzmannWorkspace workspace)
    {
        var scratch = workspace.Batches[lane];
        var fft = workspace.Fft[lane];
        int n = _n, plane = n * n, sigmas = pair.SigmaCount;
        for (int slot = 0; slot < partials; slot++)
        {
            int side = scratch.SlotSide[slot], v = scratch.SlotSigma[slot];
            _fft.ExpandAxisFactors(pair.Phase(side, node, v % sigmas)[..n], scratch.XTable);
            _fft.InverseRealFirstPass(terms.Spectrum(v / sigmas, side), scratch.XTable, scratch.Partial(slot), fft);
        }

        // One y pass per distinct (partial, y class) of the batch: copies whose x and y factors agree share it.
        int jobs = 0;
        ReadOnlySpan<int> yClasses = pair.YClasses(node);
        for (int copy = 0; copy < 2 * batch; copy++)
        {
            int side = copy % 2, m = scratch.BatchSigmas[copy / 2] % sigmas, slot = scratch.BatchSlots[copy], yClass = yClasses[(side * sigmas) + m];
            ReadOnlySpan<Complex> phase = pair.Phase(side, node, m);
            int job = 0;
            while (job < jobs && (scratch.ColumnSlot[job] != slot || scratch.ColumnClass[job] != yClass))
            {
                job++;
            }

            if (job == jobs)
            {
                scratch.ColumnSlot[job] = slot;
                scratch.ColumnClass[job] = yClass;
                _fft.ExpandAxisFactors(phase.Slice(n, n), scratch.YTable(job));
                jobs++;
            }

            scratch.CopyColumns[copy] = job;
            _fft.ExpandLastAxisFactors(phase.Slice(2 * n, _half), scratch.ZTable(copy));
        }

        Span<double> shifted = scratch.ShiftedPlane;
        Span<double> product = workspace.Product.AsSpan(lane * Grid.Count, Grid.Count);
        for (int i = 0; i < n; i++)
        {
            for (int job = 0; job < jobs; job++)
            {
                _fft.InverseRealColumns(scratch.Partial(scratch.ColumnSlot[job]), i, scratch.YTable(job), scratch.YPlane(job), fft);
            }

            Span<double> productPlane = product.Slice(i * plane, plane);
            for (int q = 0; q < batch; q++)
            {
                _fft.InverseRealRows(scratch.YPlane(scratch.CopyColumns[2 * q]), scratch.ZTable(2 * q), shifted, shifted, fft, multiplyAdd: false);
                _fft.InverseRealRows(scratch.YPlane(scratch.CopyColumns[(2 * q) + 1]), scratch.ZTable((2 * q) + 1), shifted, productPlane, fft, multiplyAdd: true);
            }
        }
    }

    // target[p] += table[|k_p|²] · source[p].
    private void MultiplyAccumulate(ReadOnlySpan<double> table, ReadOnlySpan<Complex> source, Span<Complex> target)
    {
        ReadOnlySpan<int> k2 = _waveNumberSquared;
        ReadOnlySpan<double> s = MemoryMarshal.Cast<Complex, double>(source);
        Span<double> t = MemoryMarshal.Cast<Complex, double>(target);
        for (int p = 0; p < target.Length; p++)
        {
            double factor = table[k2[p]];
            t[2 * p] += factor * s[2 * p];
            t[(2 * p) + 1] += factor * s[(2 * p) + 1];
        }
    }

    private static bool IsAntipodal(SphereRule rule)
    {
        for (int i = 0; i < rule.Count; i++)
        {
            bool found = false;
            for (int j = 0; j < rule.Count && !found; j++)
            {
                found = (rule.Points[i] + rule.Points[j]).Length < 1e-12 && Math.Abs(rule.Weights[i] - rule.Weights[j]) <= 1e-14 * rule.Weights[i];
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    private static int SignedFrequency(int index, int n) => index <= n / 2 ? index : index - n;

    private static double Sinc(double x) => Math.Abs(x) < 1e-8 ? 1.0 - (x * x / 6.0) : Math.Sin(x) / x;

    /// <summary>Precomputed tables of one unordered species pair (α ≤ β).</summary>
    // The spectra of one batched product: term 0 is X(· + a r σ)·Y(· − b r σ) with X = Spectrum(0, 0), Y = Spectrum(0, 1);
    // an optional term 1 adds Spectrum(1, 0)(· + a r σ)·Spectrum(1, 1)(· − b r σ) over the same σ. Id(term, side) names the
    // memory a spectrum lives in (the first of the four spans that is the same span), so equal ids mean equal spectra.
    private readonly ref struct ShiftTerms
    {
        private readonly ReadOnlySpan<Complex> _plus;
        private readonly ReadOnlySpan<Complex> _minus;
        private readonly ReadOnlySpan<Complex> _plus2;
        private readonly ReadOnlySpan<Complex> _minus2;
        private readonly int _ids; // four 2-bit ids: term·2 + side

        public ShiftTerms(ReadOnlySpan<Complex> plus, ReadOnlySpan<Complex> minus, ReadOnlySpan<Complex> plus2, ReadOnlySpan<Complex> minus2)
        {
            _plus = plus;
            _minus = minus;
            _plus2 = plus2;
            _minus2 = minus2;
            int ids = 0;
            for (int i = 1; i < 4; i++)
            {
                int id = i;
                for (int j = i - 1; j >= 0; j--)
                {
                    if (Span(i) == Span(j))
                    {
                        id = (ids >> (2 * j)) & 3;
                    }
                }

                ids |= id << (2 * i);
            }

            _ids = ids;
        }

        public int Count => _plus2.IsEmpty ? 1 : 2;

        public ReadOnlySpan<Complex> Spectrum(int term, int side) => Span((2 * term) + side);

        public int Id(int term, int side) => (_ids >> (2 * ((2 * term) + side))) & 3;

        private ReadOnlySpan<Complex> Span(int index) => index switch
        {
            0 => _plus,
            1 => _minus,
            2 => _plus2,
            _ => _minus2,
        };
    }

    private sealed class PairPlan
    {
        private readonly Complex[] _phases;   // [side][node][σ][axis][N]
        private readonly double[] _gainTables; // [side][node][|k|²]
        private readonly int _nodes;
        private readonly int _n;
        private readonly int _tableLength;
        private readonly Velocity3[] _sigmas;
        private readonly int[] _xClasses;     // [node][side·M + m]
        private readonly int[] _yClasses;     // [node][side·M + m]

        public PairPlan(BoltzmannOperator plan, CollisionKernel kernel, SphereRule sphere, int alpha, int beta)
        {
            Sphere = sphere;
            Alpha = alpha;
            Beta = beta;
            _n = plan._n;
            _nodes = plan.RadialPoints;
            double ma = plan._masses[alpha], mb = plan._masses[beta], total = ma + mb;
            double a = mb / total, b = ma / total, length = plan.Grid.HalfWidth;
            var radial = RadialPowerRule.Create(_nodes, plan.TruncationRadius, kernel.Gamma + 2.0);
            double[] radii = radial.Nodes.ToArray(), weights = radial.Weights.ToArray();

            // A species with itself: σ and −σ give the same product F(v + rσ/2)F(v − rσ/2); keep one of each antipodal
            // pair with twice the weight (the (β, α) ordering is the same pair).
            var sigmas = new List<(Velocity3 Point, double Weight)>();
            for (int m = 0; m < sphere.Count; m++)
            {
                if (alpha != beta || !kernel.IsIsotropic)
                {
                    sigmas.Add((sphere.Points[m], sphere.Weights[m]));
                }
                else if (m < Antipode(sphere, m))
                {
                    sigmas.Add((sphere.Points[m], 2.0 * sphere.Weights[m]));
                }
            }

            SigmaCount = sigmas.Count;
            _sigmas = sigmas.Select(x => x.Point).ToArray();
            if (!kernel.IsIsotropic)
            {
                Weights = new AnisotropicGainWeights(kernel, radii, weights, a, b, _n, length);
            }

            int n = _n;
            _phases = new Complex[2 * _nodes * SigmaCount * 3 * n];
            for (int side = 0; side < 2; side++)
            {
                // Side 0: F^α(v + a r σ), phase e^{+i a r ξ·σ}, with the σ weight folded into the x table.
                // Side 1: F^β(v − b r σ), phase e^{−i b r ξ·σ}.
                double c = side == 0 ? a : -b;
                for (int node = 0; node < _nodes; node++)
                {
                    for (int m = 0; m < SigmaCount; m++)
                    {
                        var (point, weight) = sigmas[m];
                        Span<Complex> table = _phases.AsSpan(PhaseOffset(side, node, m), 3 * n);
                        for (int axis = 0; axis < 3; axis++)
                        {
                            // The σ weight rides on the z factor, so x tables depend on σ_x alone and can be shared.
                            double scale = side == 0 && axis == 2 ? weight : 1.0;
                            for (int t = 0; t < n; t++)
                            {
                                int k = SignedFrequency(t, n);
                                double angle = c * radii[node] * Math.PI * k / length * point[axis];
                                table[(axis * n) + t] = k == n / 2 ? Complex.Zero : Complex.FromPolarCoordinates(scale, angle);
                            }
                        }
                    }
                }
            }

            // Copies (side, σ) of a node whose x tables are equal can share an x pass: class = the first such copy
            // (side·M + m). ShiftedProducts orders σ by these classes at run time, together with the spectra they read.
            int copies = 2 * SigmaCount;
            _xClasses = new int[_nodes * copies];
            _yClasses = new int[_nodes * copies];
            for (int node = 0; node < _nodes; node++)
            {
                Span<int> classes = _xClasses.AsSpan(node * copies, copies);
                for (int c = 0; c < copies; c++)
                {
                    ReadOnlySpan<Complex> x = Phase(c / SigmaCount, node, c % SigmaCount)[..n];
                    classes[c] = c;
                    for (int d = 0; d < c; d++)
                    {
                        if (x.SequenceEqual(Phase(d / SigmaCount, node, d % SigmaCount)[..n]))
                        {
                            classes[c] = classes[d];
                            break;
                        }
                    }
                }

                // y class: the first copy with the same x class and the same y table (equal y classes share a y pass
                // when they also read the same spectrum, which ShiftedProducts checks through the partial slot).
                Span<int> yClasses = _yClasses.AsSpan(node * copies, copies);
                for (int c = 0; c < copies; c++)
                {
                    ReadOnlySpan<Complex> y = Phase(c / SigmaCount, node, c % SigmaCount).Slice(n, n);
                    yClasses[c] = c;
                    for (int d = 0; d < c; d++)
                    {
                        if (classes[d] == classes[c] && y.SequenceEqual(Phase(d / SigmaCount, node, d % SigmaCount).Slice(n, n)))
                        {
                            yClasses[c] = yClasses[d];
                            break;
                        }
                    }
                }

            }

            // Gain multipliers w_r C b_σ 4π sinc(c r|ξ|), c = a for (α, β) and b for (β, α); loss β̂ = Σ_r w_r C b₀ 4π sinc(r|ξ|).
            _tableLength = (3 * (n / 2) * (n / 2)) + 1;
            _gainTables = new double[2 * _nodes * _tableLength];
            LossTable = new double[_tableLength];
            double bSigma = kernel.Angular.Sigma(0.0), strength = kernel.Strength, b0 = kernel.Angular.Integral;
            for (int q = 0; q < _tableLength; q++)
            {
                double xi = Math.PI * Math.Sqrt(q) / length, loss = 0;
                for (int node = 0; node < _nodes; node++)
                {
                    double r = radii[node], w = weights[node];
                    _gainTables[(node * _tableLength) + q] = w * strength * bSigma * 4.0 * Math.PI * Sinc(a * r * xi);
                    _gainTables[((_nodes + node) * _tableLength) + q] = w * strength * bSigma * 4.0 * Math.PI * Sinc(b * r * xi);
                    loss += w * strength * b0 * 4.0 * Math.PI * Sinc(r * xi);
                }

                LossTable[q] = loss;
            }
        }

        public int Alpha { get; }

        public int Beta { get; }

        public int SigmaCount { get; }

        public SphereRule Sphere { get; }

        public AnisotropicGainWeights? Weights { get; }

        public bool Anisotropic => Weights is not null;

        public Velocity3 Sigma(int index) => _sigmas[index];

        public double[] LossTable { get; }

        public ReadOnlySpan<Complex> Phase(int side, int node, int sigma) => _phases.AsSpan(PhaseOffset(side, node, sigma), 3 * _n);

        // For copy (side, m) of a node, the index side'·M + m' of the first copy with the same x factors.
        public ReadOnlySpan<int> XClasses(int node) => _xClasses.AsSpan(node * 2 * SigmaCount, 2 * SigmaCount);

        // For copy (side, m) of a node, the first copy with the same x class and the same y factors.
        public ReadOnlySpan<int> YClasses(int node) => _yClasses.AsSpan(node * 2 * SigmaCount, 2 * SigmaCount);

        public ReadOnlySpan<double> GainTable(int side, int node) => _gainTables.AsSpan(((side * _nodes) + node) * _tableLength, _tableLength);

        // The index j with σ_j = −σ_i and w_j = w_i (validated antipodal at Create).
        private static int Antipode(SphereRule sphere, int index)
        {
            for (int j = 0; j < sphere.Count; j++)
            {
                if ((sphere.Points[index] + sphere.Points[j]).Length < 1e-12 && Math.Abs(sphere.Weights[index] - sphere.Weights[j]) <= 1e-14 * sphere.Weights[index])
                {
                    return j;
                }
            }

            throw new InvalidOperationException($"sphere rule {sphere} is not antipodal.");
        }

        private int PhaseOffset(int side, int node, int sigma) => ((((side * _nodes) + node) * SigmaCount) + sigma) * 3 * _n;
    }
}
