using System.Numerics;
using Kinetics.Grids;
using Kinetics.Mixtures;
using Kinetics.Spectral;

namespace Kinetics.Landau;

/// <summary>
/// The multi-species Landau operator on a <see cref="CartesianGrid"/> by FFT convolution with the truncated kernel
/// (docs/math#landau-operator): for species a (the species whose equation it is) and field species b,
/// Q_ab(F_a, F_b) = c_ab ∇·[K_b ∇F_a / m_a² − b_b F_a / (m_a m_b)], K_b = Φ_γ * F_b, b_b = ∇·K_b,
/// which is the operator of docs/math#landau-mixtures, (c_ab/m_a)∇·∫Φ(v−w)[F_b(w)∇F_a(v)/m_a − F_a(v)∇F_b(w)/m_b]dw since ∫Φ(v−w)∇F_b(w)dw = ∇·(Φ*F_b).
/// The mixture operator of species a is Σ_b Q_ab(F_a, F_b). Immutable and thread-safe after creation; evaluation
/// allocates nothing (scratch in a <see cref="SpectralLandauWorkspace"/>).
/// </summary>
/// <remarks>
/// <para><b>Truncation and aliasing.</b> The kernel is truncated to |z| ≤ R and its Fourier transform
/// (<see cref="LandauKernel.TruncatedTransform"/>, one radial integral per distinct |k|²) multiplies the DFT of F.
/// The periodic result equals the true convolution at |v| ≤ S₀ whenever F is negligible outside |w| ≤ S_F,
/// R ≥ S₀ + S_F and 2L ≥ R + S₀ + S_F; the default R = L balances the two (e.g. L = 8: S₀ + S_F = 8). Truncation
/// commutes with the divergence because Φ(z)ẑ = 0, so b = ∇·K holds exactly for the truncated kernel.</para>
/// <para><b>Structure.</b> Q is the spectral divergence of a flux, so ∫Q_ab = 0 to round-off. Momentum and energy
/// exchange and Q(𝓜_a, 𝓜_b) = 0 for common (u, T) hold to spectral accuracy; apply
/// <see cref="Kinetics.Conservation.ConservativeProjection"/> for round-off conservation. Spectral derivatives
/// drop the Nyquist mode. Cost per evaluation: 17 real FFTs per species plus one per species for the spectra.</para>
/// </remarks>
public sealed partial class SpectralLandauOperator
{
    private readonly double[] _masses;
    private readonly double[][] _kernel; // Φ̂_xx, Φ̂_xy, Φ̂_xz, Φ̂_yy, Φ̂_yz, Φ̂_zz on the half spectrum
    private readonly double[][] _driftMultiplier; // (P + S) ξ_d (derivative ξ, Nyquist dropped)
    private readonly double[][] _derivative; // ξ_d with Nyquist dropped

    private SpectralLandauOperator(CartesianGrid grid, Mixture mixture, LandauCouplings couplings, LandauKernel kernel, double truncationRadius)
    {
        Grid = grid;
        Mixture = mixture;
        Couplings = couplings;
        Kernel = kernel;
        TruncationRadius = truncationRadius;
        _masses = mixture.Masses();
        Plan = Fft3DPlan.Create(grid.PointsPerAxis);
        int n = grid.PointsPerAxis, half = (n / 2) + 1, count = Plan.HalfSpectrumCount;
        _kernel = new double[6][];
        for (int c = 0; c < 6; c++)
        {
            _kernel[c] = new double[count];
        }

        _driftMultiplier = [new double[count], new double[count], new double[count]];
        _derivative = [new double[count], new double[count], new double[count]];
        double unit = Math.PI / grid.HalfWidth; // ξ = π k / L for the period 2L
        var cache = new Dictionary<int, (double P, double S)>();
        int p = 0;
        for (int i = 0; i < n; i++)
        {
            int ki = SpectralGrid.SignedIndex(i, n); // the Nyquist sign does not matter: odd entries vanish there
            for (int j = 0; j < n; j++)
            {
                int kj = SpectralGrid.SignedIndex(j, n);
                for (int q = 0; q < half; q++, p++)
                {
                    int k = SpectralGrid.SignedIndex(q, n);
                    int key = (ki * ki) + (kj * kj) + (k * k);
                    if (!cache.TryGetValue(key, out var ps))
                    {
                        ps = kernel.TruncatedTransform(unit * Math.Sqrt(key), truncationRadius);
                        cache[key] = ps;
                    }

                    double norm = Math.Sqrt(key);
                    double hx = key > 0 ? ki / norm : 0, hy = key > 0 ? kj / norm : 0, hz = key > 0 ? k / norm : 0;
                    // At a Nyquist index (even N) the sign of that frequency component is ambiguous (±N/2 alias):
                    // off-diagonal entries involving it are set to 0, which keeps real data real and the operator
                    // exactly covariant under the cube's reflections (as SpectralDerivative does for ∂_a∂_b).
                    bool even = n % 2 == 0;
                    double nx = even && i == n / 2 ? 0 : 1, ny = even && j == n / 2 ? 0 : 1, nz = even && q == n / 2 ? 0 : 1;
                    _kernel[0][p] = ps.P + (ps.S * hx * hx);
                    _kernel[1][p] = ps.S * hx * hy * nx * ny;
                    _kernel[2][p] = ps.S * hx * hz * nx * nz;
                    _kernel[3][p] = ps.P + (ps.S * hy * hy);
                    _kernel[4][p] = ps.S * hy * hz * ny * nz;
                    _kernel[5][p] = ps.P + (ps.S * hz * hz);
                    double dx = even && i == n / 2 ? 0 : unit * ki;
                    double dy = even && j == n / 2 ? 0 : unit * kj;
                    double dz = even && q == n / 2 ? 0 : unit * k;
                    _derivative[0][p] = dx;
                    _derivative[1][p] = dy;
                    _derivative[2][p] = dz;
                    _driftMultiplier[0][p] = (ps.P + ps.S) * dx;
                    _driftMultiplier[1][p] = (ps.P + ps.S) * dy;
                    _driftMultiplier[2][p] = (ps.P + ps.S) * dz;
                }
            }
        }
    }

    /// <summary>Builds the operator (tabulates the truncated kernel transform once).</summary>
    /// <param name="grid">The velocity grid (N with factors 2, 3, 5 only).</param>
    /// <param name="mixture">Species (masses m_a).</param>
    /// <param name="couplings">c_ab = c_ba, one per species pair.</param>
    /// <param name="kernel">Φ_γ and its normalisation.</param>
    /// <param name="truncationRadius">R &gt; 0 (default L, the grid half-width); see remarks for aliasing.</param>
    /// <returns>The operator.</returns>
    public static SpectralLandauOperator Create(CartesianGrid grid, Mixture mixture, LandauCouplings couplings, LandauKernel kernel, double? truncationRadius = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(mixture);
        ArgumentNullException.ThrowIfNull(couplings);
        ArgumentNullException.ThrowIfNull(kernel);
        if (couplings.SpeciesCount != mixture.Count)
        {
            throw new ArgumentException($"couplings are for {couplings.SpeciesCount} species but the mixture has {mixture.Count}.", nameof(couplings));
        }

        double radius = truncationRadius ?? grid.HalfWidth;
        // R > 2L only adds periodic images (aliasing, see remarks) and its tabulation cost grows like N²·R/L.
        Guard.InHalfOpenRange(radius, 0.0, 2.0 * grid.HalfWidth, nameof(truncationRadius));
        MemoryBudget.Ensure(EstimateBytes(grid, mixture.Count), $"SpectralLandauOperator on {grid} with {mixture.Count} species");
        return new SpectralLandauOperator(grid, mixture, couplings, kernel, radius);
    }

    /// <summary>
    /// The largest admissible max |F_a| on the outermost grid layer relative to max |F_a| in <see cref="Evaluate(ReadOnlySpan{double}, Span{double}, SpectralLandauWorkspace)"/>
    /// and <see cref="ComputeFields"/> (1e−2): a larger ratio means F does not decay inside the box (a constant F, for
    /// instance, would alias to Q = 0), and evaluation throws an <see cref="ArgumentException"/> naming the species.
    /// The bound is deliberately loose (a variance-4 Maxwellian on L = 8 has 1.5e−3 at the edge and still gives a
    /// 3e−4 equilibrium residual); accuracy remains the choice of L.
    /// </summary>
    public const double ResolutionTolerance = 1e-2;

    /// <summary>The velocity grid.</summary>
    public CartesianGrid Grid { get; }

    /// <summary>The species.</summary>
    public Mixture Mixture { get; }

    /// <summary>The pair couplings c_ab.</summary>
    public LandauCouplings Couplings { get; }

    /// <summary>The kernel Φ_γ.</summary>
    public LandauKernel Kernel { get; }

    /// <summary>R, the kernel truncation radius.</summary>
    public double TruncationRadius { get; }

    /// <summary>The FFT plan used.</summary>
    public Fft3DPlan Plan { get; }

    /// <summary>Allocates scratch for evaluations of this operator.</summary>
    /// <returns>A new workspace.</returns>
    public SpectralLandauWorkspace CreateWorkspace() => new(this, Mixture.Count, Grid.Count, Plan.HalfSpectrumCount);

    /// <summary>
    /// The fields of one distribution: K = Φ_γ * F (six components xx, xy, xz, yy, yz, zz, each N³, in that order) and
    /// the drift b = ∇·K (three components x, y, z). For Coulomb in the Gualdani–Winter normalisation K = A[F],
    /// tr K = a[F] = (−Δ)⁻¹F and b = ∇a[F].
    /// </summary>
    /// <param name="values">F on the grid (N³, not modified).</param>
    /// <param name="diffusion">6·N³ values of K.</param>
    /// <param name="drift">3·N³ values of b.</param>
    /// <param name="workspace">Scratch of this operator.</param>
    public void ComputeFields(ReadOnlySpan<double> values, Span<double> diffusion, Span<double> drift, SpectralLandauWorkspace workspace)
    {
        using var lease = Enter(workspace);
        int count = Grid.Count;
        Guard.Length(values.Length, count, nameof(values));
        Guard.Length(diffusion.Length, 6 * count, nameof(diffusion));
        Guard.Length(drift.Length, 3 * count, nameof(drift));
        Guard.AllFinite(values);
        GridResolution.Ensure(Grid, values, ResolutionTolerance, nameof(values));
        Plan.ForwardReal(values, workspace.Combined, workspace.Fft);
        FieldsFromSpectrum(workspace.Combined, workspace.Product, diffusion, drift, workspace.Fft);
    }

    /// <summary>
    /// The mixture operator: destination_a = Σ_b Q_ab(F_a, F_b) for every species a. Data are stacked species-major
    /// (entry a·N³ + p is species a at grid point p), as for <see cref="Kinetics.Conservation.ConservativeProjection"/>.
    /// </summary>
    /// <param name="distributions">S·N³ values of F (not modified).</param>
    /// <param name="destination">S·N³ values of Q.</param>
    /// <param name="workspace">Scratch of this operator.</param>
    public void Evaluate(ReadOnlySpan<double> distributions, Span<double> destination, SpectralLandauWorkspace workspace)
    {
        using var lease = Enter(workspace);
        int count = Grid.Count, species = Mixture.Count;
        Guard.Length(distributions.Length, species * count, nameof(distributions));
        Guard.Length(destination.Length, species * count, nameof(destination));
        Guard.AllFinite(distributions);
        GridResolution.EnsureSpecies(Grid, distributions, species, ResolutionTolerance, nameof(distributions));
        for (int s = 0; s < species; s++)
        {
            Plan.ForwardReal(distributions.Slice(s * count, count), workspace.Spectra[s], workspace.Fft);
        }

        for (int a = 0; a < species; a++)
        {
            ApplyForSpecies(a, -1, distributions.Slice(a * count, count), workspace.Spectra[a], destination.Slice(a * count, count), workspace);
        }
    }

    /// <summary>
    /// The bilinear mixture operator: destination_a = Σ_b Q_ab(G_a, H_b) with test distributions G and field
    /// distributions H (Q(F, F) is the case G = H). Used by the linearised operator.
    /// </summary>
    /// <param name="test">S·N³ stacked values of G (the differentiated argument).</param>
    /// <param name="field">S·N³ stacked values of H (the argument inside the fields K, b).</param>
    /// <param name="destination">S·N³ values.</param>
    /// <param name="workspace">Scratch of this operator.</param>
    public void EvaluateBilinear(ReadOnlySpan<double> test, ReadOnlySpan<double> field, Span<double> destination, SpectralLandauWorkspace workspace)
    {
        using var lease = Enter(workspace);
        int count = Grid.Count, species = Mixture.Count;
        Guard.Length(test.Length, species * count, nameof(test));
        Guard.Length(field.Length, species * count, nameof(field));
        Guard.Length(destination.Length, species * count, nameof(destination));
        Guard.AllFinite(test);
        Guard.AllFinite(field);
        for (int s = 0; s < species; s++)
        {
            Plan.ForwardReal(field.Slice(s * count, count), workspace.Spectra[s], workspace.Fft);
            Plan.ForwardReal(test.Slice(s * count, count), workspace.TestSpectra[s], workspace.Fft);
        }

        for (int a = 0; a < species; a++)
        {
            ApplyForSpecies(a, -1, test.Slice(a * count, count), workspace.TestSpectra[a], destination.Slice(a * count, count), workspace);
        }
    }

    /// <summary>Allocating convenience of <see cref="Evaluate(ReadOnlySpan{double}, Span{double}, SpectralLandauWorkspace)"/>.</summary>
    /// <param name="distributions">S·N³ stacked distributions of F.</param>
    /// <returns>S·N³ stacked values of Q.</returns>
    public double[] Evaluate(ReadOnlySpan<double> distributions)
    {
        var q = new double[distributions.Length];
        Evaluate(distributions, q, CreateWorkspace());
        return q;
    }

    /// <summary>One ordered pair: destination = Q_ab(F_a, F_b) (species α's equation, field of species β).</summary>
    /// <param name="alpha">Test species index.</param>
    /// <param name="beta">Field species index.</param>
    /// <param name="testValues">F_a (N³).</param>
    /// <param name="fieldValues">F_b (N³).</param>
    /// <param name="destination">N³ values of Q_ab.</param>
    /// <param name="workspace">Scratch of this operator.</param>
    public void EvaluatePair(int alpha, int beta, ReadOnlySpan<double> testValues, ReadOnlySpan<double> fieldValues, Span<double> destination, SpectralLandauWorkspace workspace)
    {
        using var lease = Enter(workspace);
        Guard.Index(alpha, Mixture.Count);
        Guard.Index(beta, Mixture.Count);
        int count = Grid.Count;
        Guard.Length(testValues.Length, count, nameof(testValues));
        Guard.Length(fieldValues.Length, count, nameof(fieldValues));
        Guard.Length(destination.Length, count, nameof(destination));
        Guard.AllFinite(testValues);
        Guard.AllFinite(fieldValues);
        Plan.ForwardReal(fieldValues, workspace.Spectra[beta], workspace.Fft);
        Plan.ForwardReal(testValues, workspace.TestSpectra[alpha], workspace.Fft);
        ApplyForSpecies(alpha, beta, testValues, workspace.TestSpectra[alpha], destination, workspace);
    }

    /// <summary>
    /// The entropy production dH/dt = Σ_a Σ_b ∫ Q_ab(F_a, F_b) ln F_a dv ≤ 0, evaluated by the symmetric formula of
    /// docs/math#landau-mixtures: −Σ_{a&lt;b} D_ab − ½ Σ_a D_aa with
    /// D_ab = c_ab ∬ F_a(v)F_b(w) Φ(v−w):(∇ln F_a(v)/m_a − ∇ln F_b(w)/m_b)^{⊗2} dv dw
    /// = c_ab[∫∇F_a·K_b∇F_a/(F_a m_a²) + ∫∇F_b·K_a∇F_b/(F_b m_b²) − ∫(∇F_a·b_b + ∇F_b·b_a)/(m_a m_b)].
    /// </summary>
    /// <remarks>∇ln F is taken by 4th-order central differences of ln F (exact for Maxwellians), the fields K, b
    /// spectrally; equal to Σ∫Q ln F up to discretisation error (≈ 1 % at N = 24 on the test mixtures).</remarks>
    /// <param name="distributions">S·N³ stacked values of F, all &gt; 0.</param>
    /// <param name="workspace">Scratch of this operator.</param>
    /// <returns>dH/dt (quadrature weight h³).</returns>
    public double EntropyProduction(ReadOnlySpan<double> distributions, SpectralLandauWorkspace workspace)
    {
        using var lease = Enter(workspace);
        int count = Grid.Count, species = Mixture.Count;
        Guard.Length(distributions.Length, species * count, nameof(distributions));
        for (int p = 0; p < distributions.Length; p++)
        {
            if (!(distributions[p] > 0) || !double.IsFinite(distributions[p]))
            {
                throw new ArgumentException($"distributions must be finite and > 0 for the entropy (entry {p} was {distributions[p]}).", nameof(distributions));
            }
        }

        for (int s = 0; s < species; s++)
        {
            Plan.ForwardReal(distributions.Slice(s * count, count), workspace.Spectra[s], workspace.Fft);
        }

        // Σ_a Σ_b c_ab [∫∇F_a·K_b∇F_a/(F_a m_a²) − ∫∇F_a·b_b/(m_a m_b)] equals ½ Σ_{a,b} D_ab (the cross terms of
        // the ordered pairs (a, b) and (b, a) sum to those of D_ab).
        double sum = 0;
        for (int a = 0; a < species; a++)
        {
            ReadOnlySpan<double> fa = distributions.Slice(a * count, count);
            CombineFields(a, -1, workspace);
            LogGradient(fa, workspace.Flux, workspace.Gradient);
            double[] k = workspace.Diffusion, d = workspace.Drift, g = workspace.Gradient;
            for (int p = 0; p < count; p++)
            {
                // g = ∇ln F_a, so ∇F_a·K∇F_a/F_a = F_a gᵀKg and ∇F_a·b = F_a g·b.
                double gx = g[p], gy = g[count + p], gz = g[(2 * count) + p];
                double quad = (k[p] * gx * gx) + (k[(3 * count) + p] * gy * gy) + (k[(5 * count) + p] * gz * gz)
                    + (2 * ((k[count + p] * gx * gy) + (k[(2 * count) + p] * gx * gz) + (k[(4 * count) + p] * gy * gz)));
                sum += fa[p] * (quad - ((gx * d[p]) + (gy * d[count + p]) + (gz * d[(2 * count) + p])));
            }
        }

        return -sum * Grid.CellVolume;
    }

    // ∇ln F by 4th-order central differences of ln F (2nd order one cell from a face, 1st order on it): local, so the
    // tails where F is tiny are not polluted by spectral ripples divided by F; exact for Maxwellians away from faces.
    private void LogGradient(ReadOnlySpan<double> f, double[] log, double[] gradient)
    {
        int n = Grid.PointsPerAxis, count = Grid.Count;
        double h = Grid.Spacing;
        for (int p = 0; p < count; p++)
        {
            log[p] = Math.Log(f[p]);
        }

        for (int axis = 0; axis < 3; axis++)
        {
            int stride = axis switch { 0 => n * n, 1 => n, _ => 1 };
            for (int p = 0; p < count; p++)
            {
                var (i, j, k) = Grid.Indices(p);
                int c = axis switch { 0 => i, 1 => j, _ => k };
                double value;
                if (c >= 2 && c <= n - 3)
                {
                    value = ((8 * (log[p + stride] - log[p - stride])) - (log[p + (2 * stride)] - log[p - (2 * stride)])) / (12 * h);
                }
                else if (c >= 1 && c <= n - 2)
                {
                    value = (log[p + stride] - log[p - stride]) / (2 * h);
                }
                else
                {
                    value = c == 0 ? (log[p + stride] - log[p]) / h : (log[p] - log[p - stride]) / h;
                }

                gradient[(axis * count) + p] = value;
            }
        }
    }

    // destination = Σ_b Q_ab (onlyField < 0) or Q_a,onlyField; Spectra[a] and the field spectra must be current.
    private void ApplyForSpecies(int a, int onlyField, ReadOnlySpan<double> fa, Complex[] testSpectrum, Span<double> destination, SpectralLandauWorkspace workspace)
    {
        CombineFields(a, onlyField, workspace);
        ApplyFlux(fa, testSpectrum, destination, workspace);
    }

    // destination = ∇·(K ∇F_a − B F_a) with the combined fields K, B already in workspace.Diffusion/Drift; when
    // fluxSums (4 values) is given it receives Σ_p J_x, Σ_p J_y, Σ_p J_z and Σ_p v_p·J_p (local grid coordinates).
    internal void ApplyFlux(ReadOnlySpan<double> fa, Complex[] testSpectrum, Span<double> destination, SpectralLandauWorkspace workspace, Span<double> fluxSums = default)
    {
        int count = Grid.Count;
        GradientOf(testSpectrum, workspace.Product, workspace.Gradient, workspace.Fft);
        double[] flux = workspace.Flux;
        Complex[] divergence = workspace.Divergence, product = workspace.Product;
        Array.Clear(divergence);
        for (int axis = 0; axis < 3; axis++)
        {
            FluxComponent(axis, fa, workspace);
            if (!fluxSums.IsEmpty)
            {
                SumFlux(axis, flux, fluxSums);
            }

            Plan.ForwardReal(flux, product, workspace.Fft);
            double[] xi = _derivative[axis];
            for (int h = 0; h < product.Length; h++)
            {
                divergence[h] += new Complex(-xi[h] * product[h].Imaginary, xi[h] * product[h].Real);
            }
        }

        Plan.InverseRealOverwritingInput(divergence, destination, workspace.Fft);
    }

    // workspace.Flux = J_axis = Σ_j K_axis,j ∂_jF_a − B_axis F_a (K, B already carry c_ab/m_a² and c_ab/(m_a m_b)),
    // with ∇F_a in workspace.Gradient.
    internal void FluxComponent(int axis, ReadOnlySpan<double> fa, SpectralLandauWorkspace workspace)
    {
        int count = Grid.Count;
        double[] k = workspace.Diffusion, d = workspace.Drift, g = workspace.Gradient, flux = workspace.Flux;
        int c0 = ComponentIndex(axis, 0), c1 = ComponentIndex(axis, 1), c2 = ComponentIndex(axis, 2);
        for (int p = 0; p < count; p++)
        {
            flux[p] = (k[(c0 * count) + p] * g[p]) + (k[(c1 * count) + p] * g[count + p]) + (k[(c2 * count) + p] * g[(2 * count) + p])
                - (d[(axis * count) + p] * fa[p]);
        }
    }

    // sums[axis] += Σ_p J_p; sums[3] += Σ_p v_axis(p) J_p.
    private void SumFlux(int axis, ReadOnlySpan<double> flux, Span<double> sums)
    {
        int n = Grid.PointsPerAxis, stride = axis switch { 0 => n * n, 1 => n, _ => 1 };
        ReadOnlySpan<double> coordinates = Grid.Axis;
        double total = 0, first = 0;
        for (int p = 0; p < flux.Length; p++)
        {
            total += flux[p];
            first += coordinates[(p / stride) % n] * flux[p];
        }

        sums[axis] += total;
        sums[3] += first;
    }

    // Workspace.Diffusion/Drift = Σ_b (c_ab/m_a²) K_b and Σ_b (c_ab/(m_a m_b)) b_b.
    internal void CombineFields(int a, int onlyField, SpectralLandauWorkspace workspace)
    {
        int species = Mixture.Count;
        Complex[] combinedDiffusion = workspace.Combined;
        Array.Clear(combinedDiffusion);
        double ma = _masses[a];
        for (int b = 0; b < species; b++)
        {
            if (onlyField >= 0 && b != onlyField)
            {
                continue;
            }

            double w = Couplings[a, b] / (ma * ma);
            Complex[] fb = workspace.Spectra[b];
            for (int h = 0; h < fb.Length; h++)
            {
                combinedDiffusion[h] += w * fb[h];
            }
        }

        FieldsFromSpectrum(combinedDiffusion, workspace.Product, workspace.Diffusion, null, workspace.Fft);

        // Drift weights differ (1/(m_a m_b)): recombine.
        Array.Clear(combinedDiffusion);
        for (int b = 0; b < species; b++)
        {
            if (onlyField >= 0 && b != onlyField)
            {
                continue;
            }

            double w = Couplings[a, b] / (ma * _masses[b]);
            Complex[] fb = workspace.Spectra[b];
            for (int h = 0; h < fb.Length; h++)
            {
                combinedDiffusion[h] += w * fb[h];
            }
        }

        FieldsFromSpectrum(combinedDiffusion, workspace.Product, null, workspace.Drift, workspace.Fft);
    }

    internal void FieldsFromSpectrum(Complex[] spectrum, Complex[] product, Span<double> diffusion, Span<double> drift, Fft3DWorkspace fft)
    {
        int count = Grid.Count;
        if (!diffusion.IsEmpty)
        {
            for (int c = 0; c < 6; c++)
            {
                double[] kernel = _kernel[c];
                for (int h = 0; h < spectrum.Length; h++)
                {
                    product[h] = kernel[h] * spectrum[h];
                }

                Plan.InverseRealOverwritingInput(product, diffusion.Slice(c * count, count), fft);
            }
        }

        if (!drift.IsEmpty)
        {
            for (int axis = 0; axis < 3; axis++)
            {
                double[] m = _driftMultiplier[axis];
                for (int h = 0; h < spectrum.Length; h++)
                {
                    product[h] = new Complex(-m[h] * spectrum[h].Imaginary, m[h] * spectrum[h].Real);
                }

                Plan.InverseRealOverwritingInput(product, drift.Slice(axis * count, count), fft);
            }
        }
    }

    internal void GradientOf(Complex[] spectrum, Complex[] product, Span<double> gradient, Fft3DWorkspace fft)
    {
        int count = Grid.Count;
        for (int axis = 0; axis < 3; axis++)
        {
            double[] xi = _derivative[axis];
            for (int h = 0; h < spectrum.Length; h++)
            {
                product[h] = new Complex(-xi[h] * spectrum[h].Imaginary, xi[h] * spectrum[h].Real);
            }

            Plan.InverseRealOverwritingInput(product, gradient.Slice(axis * count, count), fft);
        }
    }

    private static int ComponentIndex(int i, int j) => (Math.Min(i, j), Math.Max(i, j)) switch
    {
        (0, 0) => 0,
        (0, 1) => 1,
        (0, 2) => 2,
        (1, 1) => 3,
        (1, 2) => 4,
        _ => 5,
    };

    // Plan tables (9 half spectra) plus one workspace (2S half spectra, 2S + 16 real N³ arrays).
    private static double EstimateBytes(CartesianGrid grid, int species)
    {
        double count = grid.Count, half = (double)grid.PointsPerAxis * grid.PointsPerAxis * ((grid.PointsPerAxis / 2) + 1);
        return (8.0 * 12 * half) + (16.0 * ((2 * species) + 3) * half) + (8.0 * ((2 * species) + 13) * count);
    }

    private WorkspaceGate.Lease Enter(SpectralLandauWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return workspace.Gate.Enter(this, nameof(workspace));
    }
}
