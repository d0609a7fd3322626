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
    private readonly double[] _vector; // per half-spectrum index: 4π Σ w r² s(r|ξ|)
    private readonly double[] _scalar; // 4π Σ w r² sinc(r|ξ|)
    private readonly double[][] _xi;   // ξ_d with Nyquist dropped
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
        int n = grid.PointsPerAxis, half = (n / 2) + 1, count = _plan.HalfSpectrumCount;
        _vector = new double[count];
        _scalar = new double[count];
        _xi = [new double[count], new double[count], new double[count]];
        double unit = Math.PI / grid.HalfWidth;
        for (int i = 0, p = 0; i < n; i++)
        {
            int ki = i <= n / 2 ? i : i - n;
            for (int j = 0; j < n; j++)
            {
                int kj = j <= n / 2 ? j : j - n;
                for (int k = 0; k < half; k++, p++)
                {
                    double xi = unit * Math.Sqrt((ki * ki) + (kj * kj) + (k * k)), vector = 0, scalar = 0;
                    for (int node = 0; node < radii.Length; node++)
                    {
                        double r = radii[node], x = r * xi;
                        vector += weights[node] * r * r * Cubic(x);
                        scalar += weights[node] * r * r * (x < 1e-8 ? 1.0 : Math.Sin(x) / x);
                    }

                    _vector[p] = 4.0 * Math.PI * vector;
                    _scalar[p] = 4.0 * Math.PI * scalar;
                    bool even = n % 2 == 0;
                    _xi[0][p] = even && i == n / 2 ? 0 : unit * ki;
                    _xi[1][p] = even && j == n / 2 ? 0 : unit * kj;
                    _xi[2][p] = even && k == n / 2 ? 0 : unit * k;
                }
            }
        }
    }

    // Local-coordinate targets (Σq, Σxq, Σyq, Σzq, Σ|x|²/2 q; no cell volume) of Q^{αβ} on α's grid centred at `centre`.
    public void Targets(ReadOnlySpan<double> fa, ReadOnlySpan<double> partner, Velocity3 centre, Span<double> targets, CrossExchangeScratch scratch)
    {
        int count = _grid.Count, n = _grid.PointsPerAxis;
        _plan.ForwardReal(partner, scratch.Spectrum, scratch.Fft);
        for (int d = 0; d < 4; d++)
        {
            double[] multiplier = d < 3 ? _vector : _scalar;
            for (int h = 0; h < scratch.Spectrum.Length; h++)
            {
                Complex g = scratch.Spectrum[h];
                scratch.Product[h] = d < 3 ? new Complex(-_xi[d][h] * multiplier[h] * g.Imaginary, _xi[d][h] * multiplier[h] * g.Real) : multiplier[h] * g;
            }

            _plan.InverseRealOverwritingInput(scratch.Product, scratch.Fields.AsSpan(d * count, count), scratch.Fft);
        }

        ReadOnlySpan<double> axis = _grid.Axis, fields = scratch.Fields;
        double px = 0, py = 0, pz = 0, energy = 0;
        for (int i = 0, p = 0; i < n; i++)
        {
            double vx = centre.X + axis[i];
            for (int j = 0; j < n; j++)
            {
                double vy = centre.Y + axis[j];
                for (int k = 0; k < n; k++, p++)
                {
                    double vz = centre.Z + axis[k], f = fa[p];
                    double ax = fields[p], ay = fields[count + p], az = fields[(2 * count) + p], b = fields[(3 * count) + p];
                    px += f * ax;
                    py += f * ay;
                    pz += f * az;
                    energy += f * ((vx * ax) + (vy * ay) + (vz * az) - (_fraction * b));
                }
            }
        }

        // ∫x Q = (momentum)/m_α; ∫|x|²/2 Q = (energy − c·momentum)/m_α (mass exchange 0).
        double scale = _kappa / _massAlpha;
        targets[0] = 0;
        targets[1] = scale * px;
        targets[2] = scale * py;
        targets[3] = scale * pz;
        targets[4] = scale * (energy - (centre.X * px) - (centre.Y * py) - (centre.Z * pz));
    }

    public CrossExchangeScratch CreateScratch() => new(_plan, _grid.Count);

    // (x cos x − sin x)/x³, → −1/3 + x²/30 as x → 0.
    private static double Cubic(double x) => x < 1e-3 ? (-1.0 / 3.0) + (x * x / 30.0) : ((x * Math.Cos(x)) - Math.Sin(x)) / (x * x * x);
}

/// <summary>Scratch of one <see cref="CrossExchangeMoments"/> evaluation.</summary>
internal sealed class CrossExchangeScratch
{
    public CrossExchangeScratch(Fft3DPlan plan, int count)
    {
        Fft = plan.CreateWorkspace();
        Spectrum = new Complex[plan.HalfSpectrumCount];
        Product = new Complex[plan.HalfSpectrumCount];
        Fields = new double[4 * count];
    }

    public Fft3DWorkspace Fft { get; }

    public Complex[] Spectrum { get; }

    public Complex[] Product { get; }

    public double[] Fields { get; }
}
