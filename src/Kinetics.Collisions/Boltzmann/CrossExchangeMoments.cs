using System.Numerics;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Quadrature;
using Kinetics.Spectral;

namespace Kinetics.Boltzmann;

/// <summary>
/// The momentum and energy that species α gains from β, ∫m_α v Q^{αβ} and ∫(m_α/2)|v|² Q^{αβ}, by the weak form
/// (σ-representation, as in <see cref="Kinetics.Transport.TemperatureRelaxation"/>): with g = v − v*, V = v − (m_β/M) g,
/// ∫m_α v Q^{αβ} = κ∫F^α A and ∫(m_α/2)|v|²Q^{αβ} = κ∫F^α (v·A − (m_β/M) B), κ = −m_α (m_β/M) C λ,
/// A = F^β * (|z|^γ z), B = F^β * |z|^{γ+2}, the kernels truncated at |z| ≤ R like the operator.
/// </summary>
/// <remarks>The convolutions are spectral on α's grid with F^β projected onto α's band; paired with the resolved F^α they
/// are spectrally accurate even when F^β is far narrower than α's spacing, unlike the grid moments of the spectral
/// Q^{αβ} (docs/species-grids.md). Kernel transforms by the operator's radial rule (weight r^{γ+2}):
/// 𝔽[|z|^γ z](ξ) = i ξ 4π Σ_r w_r r² s(r|ξ|), s(x) = (x cos x − sin x)/x³, and 𝔽[|z|^{γ+2}] = 4π Σ_r w_r r² sinc(r|ξ|).</remarks>
internal sealed class CrossExchangeMoments
{
    private readonly CartesianGrid _grid;
    private readonly Fft3DPlan _plan;
    private readonly double[] _vector; // per |k|²: 4π Σ w r² s(r|ξ|)
    private readonly double[] _scalar; // per |k|²: 4π Σ w r² sinc(r|ξ|)
    private readonly int[] _squared;   // |k|² per half-spectrum index
    private readonly double[] _axisXi; // ξ per axis index (signed wave number × π/L), Nyquist dropped
    private readonly double _kappa;
    private readonly double _fraction; // m_β/M
    private readonly double _massAlpha;

    public CrossExchangeMoments(CartesianGrid grid, double massAlpha, double massBeta, CollisionKernel kernel, double truncationRadius, int radialPoints)
    {
        _grid = grid;
        _plan = Fft3DPlan.Create(grid.PointsPerAxis);
        _massAlpha = massAlpha;
        _fraction = massBeta / (massAlpha + massBeta);
        _kappa = -massAlpha * _fraction * kernel.Strength * kernel.Angular.MomentumTransfer;
        var radial = RadialPowerRule.Create(radialPoints, truncationRadius, kernel.Gamma + 2.0);
        ReadOnlySpan<double> radii = radial.Nodes, weights = radial.Weights;
        int n = grid.PointsPerAxis, half = (n / 2) + 1, length = (3 * (n / 2) * (n / 2)) + 1;
        double unit = Math.PI / grid.HalfWidth;

        // The kernel transforms depend on |ξ| only: one table entry per |k|² (memory: docs/species-grids.md, "Cost").
        _vector = new double[length];
        _scalar = new double[length];
        for (int q = 0; q < length; q++)
        {
            double xi = unit * Math.Sqrt(q), vector = 0, scalar = 0;
            for (int node = 0; node < radii.Length; node++)
            {
                double r = radii[node], x = r * xi;
                vector += weights[node] * r * r * Cubic(x);
                scalar += weights[node] * r * r * (x < 1e-8 ? 1.0 : Math.Sin(x) / x);
            }

            _vector[q] = 4.0 * Math.PI * vector;
            _scalar[q] = 4.0 * Math.PI * scalar;
        }

        _axisXi = new double[n];
        for (int i = 0; i < n; i++)
        {
            int ki = i <= n / 2 ? i : i - n;
            _axisXi[i] = n % 2 == 0 && i == n / 2 ? 0 : unit * ki;
        }

        _squared = new int[_plan.HalfSpectrumCount];
        for (int i = 0, p = 0; i < n; i++)
        {
            int ki = i <= n / 2 ? i : i - n;
            for (int j = 0; j < n; j++)
            {
                int kj = j <= n / 2 ? j : j - n;
                for (int k = 0; k < half; k++, p++)
                {
                    _squared[p] = (ki * ki) + (kj * kj) + (k * k);
                }
            }
        }
    }

    // Local-coordinate targets (Σq, Σxq, Σyq, Σzq, Σ|x|²/2 q; no cell volume) of Q^{αβ} on α's grid centred at `centre`.
    public void Targets(ReadOnlySpan<double> fa, ReadOnlySpan<double> partner, Velocity3 centre, Span<double> targets, CrossExchangeScratch scratch)
    {
        int n = _grid.PointsPerAxis, half = (n / 2) + 1;
        _plan.ForwardReal(partner, scratch.Spectrum, scratch.Fft);
        ReadOnlySpan<double> axis = _grid.Axis;
        Span<double> field = scratch.Field;
        Span<double> momentum = stackalloc double[3];
        double energy = 0;

        // One field at a time (A_x, A_y, A_z, then B), each paired with F^α as soon as it is transformed.
        for (int d = 0; d < 4; d++)
        {
            Span<Complex> product = scratch.Product;
            for (int i = 0, h = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    for (int k = 0; k < half; k++, h++)
                    {
                        Complex g = scratch.Spectrum[h];
                        int q = _squared[h];
                        if (d < 3)
                        {
                            double xi = _axisXi[d == 0 ? i : d == 1 ? j : k] * _vector[q];
                            product[h] = new Complex(-xi * g.Imaginary, xi * g.Real);
                        }
                        else
                        {
                            product[h] = _scalar[q] * g;
                        }
                    }
                }
            }

            _plan.InverseRealOverwritingInput(product, field, scratch.Fft);
            double sum = 0, weighted = 0;
            for (int i = 0, p = 0; i < n; i++)
            {
                double vx = d == 0 ? centre.X + axis[i] : 0.0;
                for (int j = 0; j < n; j++)
                {
                    double vxy = vx + (d == 1 ? centre.Y + axis[j] : 0.0);
                    for (int k = 0; k < n; k++, p++)
                    {
                        double term = fa[p] * field[p];
                        sum += term;
                        weighted += (vxy + (d == 2 ? centre.Z + axis[k] : 0.0)) * term;
                    }
                }
            }

            if (d < 3)
            {
                momentum[d] = sum;
                energy += weighted;
            }
            else
            {
                energy -= _fraction * sum;
            }
        }

        double px = momentum[0], py = momentum[1], pz = momentum[2];

        // ∫x Q = (momentum)/m_α; ∫|x|²/2 Q = (energy − c·momentum)/m_α (mass exchange 0).
        double scale = _kappa / _massAlpha;
        targets[0] = 0;
        targets[1] = scale * px;
        targets[2] = scale * py;
        targets[3] = scale * pz;
        targets[4] = scale * (energy - (centre.X * px) - (centre.Y * py) - (centre.Z * pz));
    }

    // Scratch on buffers of the caller (β's grid: an FFT workspace of its size, two half spectra, one real field), free
    // while the targets are computed (the wide-partner term's, after its evaluation: docs/species-grids.md, "Cost").
    public CrossExchangeScratch CreateScratch(Fft3DWorkspace fft, Complex[] spectrum, Complex[] product, double[] field)
    {
        if (fft.Size != _grid.PointsPerAxis || spectrum.Length < _plan.HalfSpectrumCount || product.Length < _plan.HalfSpectrumCount || field.Length < _grid.Count)
        {
            throw new ArgumentException("scratch buffers are smaller than this grid needs.", nameof(fft));
        }

        return new CrossExchangeScratch(fft, spectrum, product, field);
    }

    // (x cos x − sin x)/x³, → −1/3 + x²/30 as x → 0.
    private static double Cubic(double x) => x < 1e-3 ? (-1.0 / 3.0) + (x * x / 30.0) : ((x * Math.Cos(x)) - Math.Sin(x)) / (x * x * x);
}

/// <summary>Scratch of one <see cref="CrossExchangeMoments"/> evaluation (borrowed buffers).</summary>
internal sealed class CrossExchangeScratch
{
    public CrossExchangeScratch(Fft3DWorkspace fft, Complex[] spectrum, Complex[] product, double[] field)
    {
        Fft = fft;
        Spectrum = spectrum;
        Product = product;
        Field = field;
    }

    public Fft3DWorkspace Fft { get; }

    public Complex[] Spectrum { get; }

    public Complex[] Product { get; }

    public double[] Field { get; }
}
