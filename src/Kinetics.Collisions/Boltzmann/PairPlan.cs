using System.Numerics;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Quadrature;
using Kinetics.Spectral;

namespace Kinetics.Boltzmann;

/// <summary>
/// The precomputed tables of one unordered species pair (α ≤ β) of a <see cref="BoltzmannOperator"/>: the σ of its
/// sphere rule, the shift factors e^{+i a r ξ·σ} (side 0, F^α(· + a r σ)) and e^{−i b r ξ·σ} (side 1, F^β(· − b r σ)) per
/// radial node, the classes of copies that share x and y passes, and the gain and loss multipliers as functions of |k|²,
/// with a = m^β/(m^α + m^β) and b = m^α/(m^α + m^β). Immutable.
/// </summary>
internal sealed class PairPlan
{
    private readonly Complex[] _phases;   // [side][node][σ][axis][N]
    private readonly double[] _gainTables; // [side][node][|k|²]
    private readonly int _nodes;
    private readonly int _n;
    private readonly int _tableLength;
    private readonly Velocity3[] _sigmas;
    private readonly int[] _xClasses;     // [node][side·M + m]
    private readonly int[] _yClasses;     // [node][side·M + m]

    /// <summary>The tables of the pair (<paramref name="alpha"/>, <paramref name="beta"/>), α ≤ β.</summary>
    /// <param name="grid">The velocity grid (N, L).</param>
    /// <param name="radialPoints">Gauss–Jacobi nodes in r ∈ [0, R] for the weight r^{γ+2}.</param>
    /// <param name="truncationRadius">R, the truncation of the relative speed.</param>
    /// <param name="masses">m^α of every species.</param>
    /// <param name="kernel">B^{αβ}.</param>
    /// <param name="sphere">The antipodal sphere rule for σ.</param>
    /// <param name="alpha">Species α.</param>
    /// <param name="beta">Species β ≥ α.</param>
    public PairPlan(
        CartesianGrid grid, int radialPoints, double truncationRadius, ReadOnlySpan<double> masses, CollisionKernel kernel, SphereRule sphere, int alpha, int beta)
    {
        Sphere = sphere;
        Alpha = alpha;
        Beta = beta;
        _n = grid.PointsPerAxis;
        _nodes = radialPoints;
        double ma = masses[alpha], mb = masses[beta], total = ma + mb;
        double a = mb / total, b = ma / total, length = grid.HalfWidth;
        var radial = RadialPowerRule.Create(_nodes, truncationRadius, kernel.Gamma + 2.0);
        double[] radii = radial.Nodes.ToArray(), weights = radial.Weights.ToArray();

        // A species with itself: σ and −σ give the same product F(v + rσ/2)F(v − rσ/2); keep one of each antipodal
        // pair, with twice the weight when b_σ is isotropic (the (β, α) ordering is the same pair). An anisotropic self
        // pair keeps the weight and applies W(σ·ξ̂) + W(−σ·ξ̂) to the one product (the operator's AccumulateGain).
        var sigmas = new List<(Velocity3 Point, double Weight)>();
        for (int m = 0; m < sphere.Count; m++)
        {
            if (alpha != beta)
            {
                sigmas.Add((sphere.Points[m], sphere.Weights[m]));
            }
            else if (m < Antipode(sphere, m))
            {
                sigmas.Add((sphere.Points[m], (kernel.IsIsotropic ? 2.0 : 1.0) * sphere.Weights[m]));
            }
        }

        SigmaCount = sigmas.Count;
        _sigmas = sigmas.Select(x => x.Point).ToArray();
        if (!kernel.IsIsotropic)
        {
            Weights = new AnisotropicGainWeights(kernel, radii, weights, a, b, _n, length, _sigmas);
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
                            int k = SpectralGrid.SignedIndex(t, n); // Nyquist factors of shifted copies are dropped
                            double angle = c * radii[node] * Math.PI * k / length * point[axis];
                            table[(axis * n) + t] = Math.Abs(k) == n / 2 ? Complex.Zero : Complex.FromPolarCoordinates(scale, angle);
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

    /// <summary>N, the points per axis.</summary>
    public int Size => _n;

    /// <summary>The Gauss–Jacobi nodes of this pair in r ∈ [0, R] (gain and loss).</summary>
    public int RadialPoints => _nodes;

    /// <summary>Species α (≤ β).</summary>
    public int Alpha { get; }

    /// <summary>Species β.</summary>
    public int Beta { get; }

    /// <summary>M, the σ of the pair (for a self pair half of the antipodal rule, with doubled weights when b_σ is isotropic).</summary>
    public int SigmaCount { get; }

    /// <summary>The sphere rule the σ come from.</summary>
    public SphereRule Sphere { get; }

    /// <summary>The σ–ξ gain weights of an anisotropic b_σ; null for isotropic b_σ.</summary>
    public AnisotropicGainWeights? Weights { get; }

    /// <summary>True when b_σ is anisotropic (the σ–ξ weight path).</summary>
    public bool Anisotropic => Weights is not null;

    /// <summary>σ_m.</summary>
    public Velocity3 Sigma(int index) => _sigmas[index];

    /// <summary>β̂(|ξ|) = Σ_r w_r C b₀ 4π sinc(r|ξ|), indexed by |k|².</summary>
    public double[] LossTable { get; }

    /// <summary>The factors of copy (side, node, σ): N along x, N along y, N/2 + 1 along z (side 0 carries the σ weight
    /// there); side 0 = e^{+i a r ξ·σ}, side 1 = e^{−i b r ξ·σ}.</summary>
    public ReadOnlySpan<Complex> Phase(int side, int node, int sigma) => _phases.AsSpan(PhaseOffset(side, node, sigma), 3 * _n);

    // For copy (side, m) of a node, the index side'·M + m' of the first copy with the same x factors.
    public ReadOnlySpan<int> XClasses(int node) => _xClasses.AsSpan(node * 2 * SigmaCount, 2 * SigmaCount);

    // For copy (side, m) of a node, the first copy with the same x class and the same y factors.
    public ReadOnlySpan<int> YClasses(int node) => _yClasses.AsSpan(node * 2 * SigmaCount, 2 * SigmaCount);

    /// <summary>w_r C b_σ 4π sinc(c r|ξ|) indexed by |k|², c = a for side 0 (the (α, β) gain), b for side 1 ((β, α)).</summary>
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

    private static double Sinc(double x) => Math.Abs(x) < 1e-8 ? 1.0 - (x * x / 6.0) : Math.Sin(x) / x;

    private int PhaseOffset(int side, int node, int sigma) => ((((side * _nodes) + node) * SigmaCount) + sigma) * 3 * _n;
}
