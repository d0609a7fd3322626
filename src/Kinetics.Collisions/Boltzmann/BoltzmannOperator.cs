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
/// that evaluates (Q^α)_α = (Σ_β Q^{αβ}(F^α, F^β))_α for all species at once (docs/math#fast-spectral-evaluation;
/// Gamba, Haack, Hauck and Hu, SIAM J. Sci. Comput. 39 (2017), with the mass-ratio phases a = m^β/M, b = m^α/M).
/// </summary>
/// <remarks>
/// <para>Effectively computes destination[α·N³ + p] = Σ_β Q^{αβ}(F^α, F^β)(v_p), ∂F/∂t = Q (gain minus loss), for the
/// operator with relative speeds truncated at R = 2R_S, S = <see cref="SupportRadius"/>:
/// Q̂⁺^{αβ}(ξ) = Σ_r w_r C b_σ 4π sinc(a r|ξ|) 𝔽[Σ_σ w_σ F^α(· + a r σ) F^β(· − b r σ)](ξ) and
/// Q⁻^{αβ} = F^α · 𝔽⁻¹(F̂^β β̂), β̂(ξ) = Σ_r w_r C b₀ 4π sinc(r|ξ|), with Gauss–Jacobi radial weights w_r (weight r^{γ+2})
/// shared by gain and loss (so common-(u, T) Maxwellians balance node by node) and an antipodal sphere rule.</para>
/// <para>Fourier convention: the grid values are the samples of a trigonometric polynomial
/// F(v) = N⁻³ Σ_k F_k e^{iξ_k·(v − v₀)}, ξ_k = (π/L)k, v₀ = (−L + h/2)(1, 1, 1), F_k the forward DFT of the samples;
/// a shift is F(v + c) = 𝔽⁻¹(F_k e^{iξ_k·c}). The phase e^{−iξ_k·v₀} is common to every factor and cancels, because
/// the operator only multiplies spectra by even real functions of |ξ|. Nyquist modes of shifted copies are dropped.</para>
/// <para>Cost per evaluation: S forward transforms, per species pair and radial node 2M + 1 real transforms
/// (M + 1 for a species with itself: antipodal σ give identical products), and 2 inverse transforms per species
/// (<see cref="FftsPerEvaluation"/>); the (β, α) gain reuses the (α, β) product transform. An anisotropic b_σ (VSS,
/// user functions) takes the σ–ξ weight path: 3 transforms per σ (one σ of each antipodal pair for a species with itself)
/// and a Legendre series per spectral point (docs/boltzmann.md).</para>
/// <para>The bilinear form Σ_β Q^{αβ}(F^α, G^β) with two different arguments (what the perturbative Γ and L need) is
/// <see cref="EvaluateBilinear(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, BoltzmannWorkspace)"/>.</para>
/// <para>Immutable and thread-safe; evaluation with an explicit <see cref="BoltzmannWorkspace"/> and
/// any <see cref="BoltzmannOptions.MaxDegreeOfParallelism"/> allocates nothing of its own; with lanes the result is bitwise
/// reproducible (each lane's items are fixed).</para>
/// </remarks>
public sealed partial class BoltzmannOperator
{
    // The parts: this file holds the plan, the public entry points and the operator itself (forward transforms, gain,
    // loss, inverse transforms; EvaluateCore). BoltzmannOperator.Gain.cs computes the gain spectra per (pair, radial
    // node); PairPlan holds the per-pair tables; ShiftSharingSchedule decides which shifted copies share their FFT passes
    // and Spectral's ShiftedProductBatch runs them plane by plane. Validation, Rates (exchange rates, entropy production)
    // and Dynamics (collision frequency, pooled ICollisionOperator view, batched cells) are the other parts.
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
    private readonly bool _seriesPerPoint;
    private readonly bool _productPlanes;   // anisotropic products stored per plane, then transformed (the oracle of the z-pass products)
    private readonly int _maxSigmas;
    private readonly int _anisotropicBatch; // anisotropic σ transformed per batch (0: no shared anisotropic path)
    private readonly int[] _itemPair;      // gain work item → pair (items pair-major, each pair its own radial nodes)
    private readonly int[] _itemNode;      // gain work item → radial node of its pair
    private readonly int[] _parallelOrder; // gain work items, costliest pairs first
    private readonly int _gainGroups;      // lanes > 1: fixed groups of items with their own gain spectra (GainGroups)

    // K, the partial transforms a batch holds. 2 is enough for full sharing with the sphere rules here (σ ordered so that
    // the σ with the same pair of x classes are adjacent) and the fastest measured: at N = 48, one species, median
    // 53.3 ms (K = 2), 54.0 (3), 55.2 (4), 57.7 (6), 72.7 ms per σ unshared; docs/boltzmann.md, "Shared x and y passes".
    private const int DefaultPartialBuffers = 2;

    // Anisotropic b_σ: products per batch of the shared path, each with its own half spectrum per lane (0.28 MB at N = 32);
    // docs/boltzmann.md, "Shared passes for anisotropic b_σ".
    private const int DefaultAnisotropicBatch = 8;

    private BoltzmannOperator(CartesianGrid grid, CollisionKernelTable kernels, BoltzmannOptions options, double support)
    {
        Grid = grid;
        Kernels = kernels;
        SupportRadius = support;
        TruncationRadius = 2.0 * support;
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
                    int ki = SpectralGrid.SignedIndex(i, _n), kj = SpectralGrid.SignedIndex(j, _n);
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
                int nodes = RadialPointsOf(options, _n, _masses[a], _masses[b]);
                var pair = new PairPlan(grid, nodes, TruncationRadius, _masses, kernels[a, b], sphere, a, b);
                pairs.Add(pair);
                _lossTables[(a * s) + b] = pair.LossTable;
                _lossTables[(b * s) + a] = pair.LossTable;
                ffts += nodes * (pair.Anisotropic ? 3 * pair.SigmaCount : (2 * pair.SigmaCount) + 1);
            }
        }

        _pairs = pairs.ToArray();
        RadialPoints = _pairs.Max(p => p.RadialPoints);
        FftsPerEvaluation = ffts;
        _maxSigmas = _pairs.Max(p => p.SigmaCount);
        _itemPair = Enumerable.Range(0, _pairs.Length).SelectMany(p => Enumerable.Repeat(p, _pairs[p].RadialPoints)).ToArray();
        _itemNode = Enumerable.Range(0, _pairs.Length).SelectMany(p => Enumerable.Range(0, _pairs[p].RadialPoints)).ToArray();
        int[] firstItem = Enumerable.Range(0, _pairs.Length).Select(p => Array.IndexOf(_itemPair, p)).ToArray();
        _parallelOrder = Enumerable.Range(0, _pairs.Length)
            .OrderByDescending(p => (_pairs[p].Anisotropic ? 3 : 2) * _pairs[p].SigmaCount)
            .SelectMany(p => Enumerable.Range(firstItem[p], _pairs[p].RadialPoints))
            .ToArray();
        _gainGroups = options.GainGroups > 0 && _lanes > 1 ? Math.Min(options.GainGroups, _itemPair.Length)
            : GainGroups(_lanes, _itemPair.Length, s, _halfCount);
        _perSigmaShifts = options.PerSigmaShifts;
        _seriesPerPoint = options.AnisotropicSeriesPerPoint;
        _productPlanes = options.AnisotropicProductPlanes;
        _partialBuffers = options.PartialBuffers > 0 ? Math.Max(2, options.PartialBuffers) : DefaultPartialBuffers;
        _anisotropicBatch = _perSigmaShifts || _seriesPerPoint || !_pairs.Any(p => p.Anisotropic) ? 0
            : Math.Min(Math.Min(2 * _maxSigmas, 16), options.AnisotropicBatch > 0 ? options.AnisotropicBatch : DefaultAnisotropicBatch);
        if (_anisotropicBatch > 0)
        {
            StoreAnisotropicTables(options.AnisotropicTableBytes);
        }
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
        return PairOf(alpha, beta).Sphere;
    }

    // The plan of the unordered pair {α, β}, the indices checked.
    private PairPlan PairOf(int alpha, int beta)
    {
        Guard.InRange(alpha, 0, SpeciesCount - 1);
        Guard.InRange(beta, 0, SpeciesCount - 1);
        return _pairs.First(p => p.Alpha == Math.Min(alpha, beta) && p.Beta == Math.Max(alpha, beta));
    }

    /// <summary>The largest number of Gauss–Jacobi radial nodes of any pair (<see cref="BoltzmannOptions.RadialPoints"/>
    /// when set; see <see cref="RadialPointsFor"/> for the default of each pair).</summary>
    public int RadialPoints { get; }

    /// <summary>The Gauss–Jacobi radial nodes of the pair (α, β): <see cref="BoltzmannOptions.RadialPoints"/> when set;
    /// by default N/2 (at least 8) for unequal masses and below N = 32, N/2 − 2 from N = 32 on for a species with itself
    /// and for equal masses (docs/boltzmann.md, "Radial nodes per pair").</summary>
    /// <param name="alpha">Species index α.</param>
    /// <param name="beta">Species index β.</param>
    public int RadialPointsFor(int alpha, int beta)
    {
        return PairOf(alpha, beta).RadialPoints;
    }

    /// <summary>S, the support radius assumed for the distributions (L ≥ (3 + √2)/2 · S).</summary>
    public double SupportRadius { get; }

    /// <summary>R = 2R_S, the truncation of the relative speed.</summary>
    public double TruncationRadius { get; }

    /// <summary>Number of 3-D real FFTs (forward or inverse) in one call of <see cref="Evaluate(ReadOnlySpan{double}, Span{double}, BoltzmannWorkspace)"/>.</summary>
    public int FftsPerEvaluation { get; }

    /// <summary>The FFT plan used (N × N × N).</summary>
    public Fft3DPlan Plan => _fft;

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
        Guard.InRange(options.AnisotropicTableBytes, 0L, 1L << 40, nameof(options) + ".AnisotropicTableBytes");
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
                $"for S = {support:G6} (R = 2R_S = {2 * support:G6}), but L = {grid.HalfWidth:G6}. Enlarge L or reduce options.SupportRadius.",
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

        MemoryBudget.Ensure(EstimateBytes(grid, kernels, options, support), $"BoltzmannOperator on {grid} with {kernels.SpeciesCount} species (plan and one workspace)");
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
        new(this, _fft, SpeciesCount, _lanes, _gainGroups, Grid.Count, _halfCount, _partialBuffers, _maxSigmas, _seriesPerPoint && _pairs.Any(p => p.Anisotropic) ? AnisotropicGainWeights.LaneCount : 0, !_perSigmaShifts,
            _seriesPerPoint ? 0 : _pairs.Max(p => p.Weights?.OrbitTableLength ?? 0), _anisotropicBatch);

    /// <summary>
    /// destination[α·N³ + p] = Σ_β Q^{αβ}(F^α, F^β)(v_p) (species-major stacking, as <see cref="ConservativeProjection"/>).
    /// </summary>
    /// <param name="distributions">S·N³ values F^α(v_p), finite and resolved by the grid (not modified).</param>
    /// <param name="destination">S·N³ values; must not overlap <paramref name="distributions"/>.</param>
    /// <param name="workspace">Scratch from <see cref="CreateWorkspace"/>.</param>
    /// <exception cref="ArgumentException">Wrong lengths, non-finite values, or a species not decayed at the box boundary.</exception>
    public void Evaluate(ReadOnlySpan<double> distributions, Span<double> destination, BoltzmannWorkspace workspace)
    {
        using var lease = Validate(distributions, destination, SpeciesCount, workspace);
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
    /// Allocates nothing.</para>
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
        using var lease = Validate(first, destination, SpeciesCount, workspace, nameof(first));
        using var again = Validate(second, destination, SpeciesCount, workspace, nameof(second));
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
        using var lease = Validate(distributions, destination, SpeciesCount * SpeciesCount, workspace);
        EvaluateCore(distributions, distributions, destination, workspace, pairs: true, bilinear: false);
    }

    // The operator itself: Q^α = 𝔽⁻¹(Q̂⁺^α) − F^α · 𝔽⁻¹(Σ_β β̂^{αβ} Ĝ^β), one output slot per species (or per ordered
    // pair with pairs = true). distributions = F (first argument, multiplies the loss), second = G; bilinear = false
    // means G is F (one spectrum). With lanes, GainLaneRunner runs the gain work items and then the output slots
    // (FinishSlot) on all lanes; the inputs and the destination are pinned for the duration of the call.
    private unsafe void EvaluateCore(
        ReadOnlySpan<double> distributions, ReadOnlySpan<double> second, Span<double> destination, BoltzmannWorkspace workspace, bool pairs, bool bilinear)
    {
        int s = SpeciesCount, count = Grid.Count, hc = _halfCount, slots = pairs ? s * s : s;

        // F̂^α (and Ĝ^β of a bilinear call).
        Span<Complex> spectra = workspace.Spectra;
        for (int a = 0; a < s; a++)
        {
            _fft.ForwardReal(distributions.Slice(a * count, count), spectra.Slice(a * hc, hc), workspace.Fft[0]);
            if (bilinear)
            {
                _fft.ForwardReal(second.Slice(a * count, count), workspace.SecondSpectra.AsSpan(a * hc, hc), workspace.Fft[0]);
            }
        }

        // Gain: Q̂⁺ per output slot, one work item per (pair, radial node), each summed over σ (BoltzmannOperator.Gain.cs);
        // then per output slot the loss and the inverse transforms.
        int work = _itemPair.Length;
        if (_lanes == 1)
        {
            workspace.GainSpectra.AsSpan(0, slots * hc).Clear();
            for (int item = 0; item < work; item++)
            {
                AccumulateGain(item, 0, 0, workspace, pairs, bilinear);
            }

            for (int slot = 0; slot < slots; slot++)
            {
                FinishSlot(slot, 0, distributions, destination, workspace, pairs, bilinear);
            }

            return;
        }

        fixed (double* first = distributions, target = destination)
        {
            workspace.Runner!.Run(work, _gainGroups, slots, pairs, bilinear, first, target);
        }
    }

    // The default radial nodes of a pair of masses (mα, mβ). The copies of a pair's products move by a·r and b·r
    // (a = mβ/M, b = mα/M), so the radial integrand oscillates like e^{i max(a, b) r ξ·σ}. N/2 nodes (at least 8) were chosen
    // on single species at N = 12–20 and stay for unequal masses: at N = 32 and 48 a 1:4 or 1:2 pair at N/2 − 2 or − 4
    // nodes has a radial error as large as its whole error at N/2. A species with itself, or two of equal mass
    // (max(a, b) = 1/2), takes N/2 − 2 from N = 32 on: BKW is unchanged (N = 32, 40, 48, 64) and on anisotropic drifting
    // two-bump mixtures the radial error is ≤ 0.15 % of the pair's error against the reference evaluator; N/2 − 4 doubled
    // BKW's L∞ error at N = 32 (docs/boltzmann.md, "Radial nodes per pair"). BoltzmannOptions.RadialPoints, when set,
    // applies to every pair instead.
    internal static int RadialPointsOf(BoltzmannOptions options, int n, double massAlpha, double massBeta)
    {
        if (options.RadialPoints > 0)
        {
            return options.RadialPoints;
        }

        int half = Math.Max(8, n / 2);
        bool equal = Math.Max(massAlpha, massBeta) / (massAlpha + massBeta) <= 0.5 + 1e-12;
        return equal && n >= 32 ? half - 2 : half;
    }

    // Output slot `slot` on the scratch of `lane`: (lanes) the sum of the gain groups into group 0, in group order;
    // loss = Σ_β β̂^{αβ} Ĝ^β; Q = 𝔽⁻¹(gain) − F^α · 𝔽⁻¹(loss). The slots are independent, so lanes run them at once.
    internal void FinishSlot(int slot, int lane, ReadOnlySpan<double> distributions, Span<double> destination, BoltzmannWorkspace workspace, bool pairs, bool bilinear)
    {
        int s = SpeciesCount, count = Grid.Count, hc = _halfCount;
        int a = pairs ? slot / s : slot;
        Span<Complex> gain = workspace.GainSpectra.AsSpan(slot * hc, hc);
        if (_lanes > 1)
        {
            SumGainGroups(gain, slot, workspace);
        }

        Span<Complex> loss = workspace.LossSpectra.AsSpan(slot * hc, hc);
        Span<Complex> partnerSpectra = bilinear ? workspace.SecondSpectra : workspace.Spectra;
        loss.Clear();
        for (int b = pairs ? slot % s : 0; b < (pairs ? (slot % s) + 1 : s); b++)
        {
            MultiplyAccumulate(_lossTables[(a * s) + b], partnerSpectra.Slice(b * hc, hc), loss);
        }

        Span<double> target = destination.Slice(slot * count, count);
        Span<double> real = workspace.Real.AsSpan(lane * count, count);
        _fft.InverseRealOverwritingInput(gain, target, workspace.Fft[lane]);
        _fft.InverseRealOverwritingInput(loss, real, workspace.Fft[lane]);
        TensorPrimitives.Multiply(real, distributions.Slice(a * count, count), real);
        TensorPrimitives.Subtract(target, real, target);
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
}
