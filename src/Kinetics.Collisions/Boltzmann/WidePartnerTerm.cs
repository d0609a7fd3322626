using System.Numerics;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Quadrature;
using Kinetics.Spectral;

namespace Kinetics.Boltzmann;

/// <summary>
/// Q^{αβ}(F^α, F^β) on species α's grid when species β's grid is wider (a light partner seen from a heavy species): the
/// spectral gain of <see cref="BoltzmannOperator"/> with the partner factor F^β(v − b r σ) interpolated from β's grid
/// at the shifted points of α's grid (one <see cref="SpectralTransfer"/> per radial node and σ), and the loss
/// F^α · (β̂ * F^β) computed on β's grid and interpolated.
/// </summary>
/// <remarks>Same discretisation as the pair on a shared grid (Gauss–Jacobi radial nodes of weight r^{γ+2} on [0, R],
/// antipodal sphere rule, multipliers w_r C b_σ 4π sinc(a r|ξ|) and β̂ = Σ_r w_r C b₀ 4π sinc(r|ξ|)), with R, the nodes and
/// the sphere rule of the wider grid's operator so that the pair (β, α) evaluated there balances this one. Isotropic b_σ
/// only. Immutable after creation.</remarks>
internal sealed class WidePartnerTerm
{
    private readonly SpeciesGrid _alpha;
    private readonly SpeciesGrid _beta;
    private readonly Fft3DPlan _plan;
    private readonly Fft3DPlan _betaPlan;
    private readonly int _nodes;
    private readonly Velocity3[] _sigmas;
    private readonly double[] _sigmaWeights;
    private readonly SpectralTransfer[] _shifted; // [node·M + m]: β's grid → α's grid moved by −b r σ
    private readonly SpectralTransfer _plain;     // β's grid → α's grid
    private readonly Complex[] _phases;           // [node·M + m][axis·N + t]: e^{i a r ξ_t σ_axis}, Nyquist 0
    private readonly double[] _gain;              // [node][|k|²] on α's grid
    private readonly double[] _loss;              // [|k|²] on β's grid
    private readonly int[] _squared;              // |k|² per half-spectrum index on α's grid
    private readonly int[] _betaSquared;

    public WidePartnerTerm(SpeciesGrid alpha, SpeciesGrid beta, double massAlpha, double massBeta, CollisionKernel kernel, SphereRule sphere, double truncationRadius, int radialPoints)
    {
        if (!kernel.IsIsotropic)
        {
            throw new ArgumentException("per-species Boltzmann grids support isotropic b_σ only.", nameof(kernel));
        }

        _alpha = alpha;
        _beta = beta;
        _plan = Fft3DPlan.Create(alpha.PointsPerAxis);
        _betaPlan = Fft3DPlan.Create(beta.PointsPerAxis);
        _nodes = radialPoints;
        double total = massAlpha + massBeta, a = massBeta / total, b = massAlpha / total;
        var radial = RadialPowerRule.Create(radialPoints, truncationRadius, kernel.Gamma + 2.0);
        ReadOnlySpan<double> radii = radial.Nodes, weights = radial.Weights;
        _sigmas = sphere.Points.ToArray();
        _sigmaWeights = sphere.Weights.ToArray();
        int m = _sigmas.Length, n = alpha.PointsPerAxis;
        _shifted = new SpectralTransfer[_nodes * m];
        _phases = new Complex[_nodes * m * 3 * n];
        for (int node = 0; node < _nodes; node++)
        {
            for (int s = 0; s < m; s++)
            {
                Velocity3 shift = b * radii[node] * _sigmas[s];
                _shifted[(node * m) + s] = SpectralTransfer.Create(beta, new SpeciesGrid(alpha.Grid, alpha.Centre - shift));
                for (int axis = 0; axis < 3; axis++)
                {
                    for (int t = 0; t < n; t++)
                    {
                        int k = SignedFrequency(t, n);
                        double angle = a * radii[node] * Math.PI * k / alpha.HalfWidth * _sigmas[s][axis];
                        _phases[((((node * m) + s) * 3) + axis) * n + t] = k == n / 2 ? Complex.Zero : Complex.FromPolarCoordinates(1.0, angle);
                    }
                }
            }
        }

        _plain = SpectralTransfer.Create(beta, alpha);
        _squared = WaveNumbers(n);
        _betaSquared = WaveNumbers(beta.PointsPerAxis);
        double bSigma = kernel.Angular.Sigma(0.0), strength = kernel.Strength, b0 = kernel.Angular.Integral;
        int length = (3 * (n / 2) * (n / 2)) + 1;
        _gain = new double[_nodes * length];
        for (int q = 0; q < length; q++)
        {
            double xi = Math.PI * Math.Sqrt(q) / alpha.HalfWidth;
            for (int node = 0; node < _nodes; node++)
            {
                _gain[(node * length) + q] = weights[node] * strength * bSigma * 4.0 * Math.PI * Sinc(a * radii[node] * xi);
            }
        }

        int nb = beta.PointsPerAxis, betaLength = (3 * (nb / 2) * (nb / 2)) + 1;
        _loss = new double[betaLength];
        for (int q = 0; q < betaLength; q++)
        {
            double xi = Math.PI * Math.Sqrt(q) / beta.HalfWidth, loss = 0;
            for (int node = 0; node < _nodes; node++)
            {
                loss += weights[node] * strength * b0 * 4.0 * Math.PI * Sinc(radii[node] * xi);
            }

            _loss[q] = loss;
        }
    }

    public int ScratchLength => _shifted.Max(t => t.ScratchLength);

    // destination = Q^{αβ}(F^α, F^β) on α's grid. alphaSpectrum: forward DFT of F^α on α's grid; betaSpectrum: of F^β on β's.
    public void Evaluate(ReadOnlySpan<double> fa, ReadOnlySpan<Complex> alphaSpectrum, ReadOnlySpan<double> fb, ReadOnlySpan<Complex> betaSpectrum, Span<double> destination, WidePartnerScratch scratch)
    {
        int n = _alpha.PointsPerAxis, half = (n / 2) + 1, m = _sigmas.Length, count = _alpha.Count;
        int length = (3 * (n / 2) * (n / 2)) + 1;
        Span<double> shiftedA = scratch.ShiftedAlpha, shiftedB = scratch.ShiftedBeta, product = scratch.Product;
        Span<Complex> spectrum = scratch.Spectrum, gain = scratch.Gain;
        gain.Clear();
        for (int node = 0; node < _nodes; node++)
        {
            product.Clear();
            for (int s = 0; s < m; s++)
            {
                // F^α(v + a r σ): the separable phase on the half spectrum, then an inverse transform.
                ReadOnlySpan<Complex> px = _phases.AsSpan((((node * m) + s) * 3) * n, n);
                ReadOnlySpan<Complex> py = _phases.AsSpan(((((node * m) + s) * 3) + 1) * n, n);
                ReadOnlySpan<Complex> pz = _phases.AsSpan(((((node * m) + s) * 3) + 2) * n, n);
                int p = 0;
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < n; j++)
                    {
                        Complex xy = px[i] * py[j];
                        for (int k = 0; k < half; k++, p++)
                        {
                            spectrum[p] = alphaSpectrum[p] * xy * pz[k];
                        }
                    }
                }

                _plan.InverseRealOverwritingInput(spectrum, shiftedA, scratch.Fft);

                // F^β(v − b r σ) at α's points, interpolated from β's grid.
                _shifted[(node * m) + s].Apply(fb, shiftedB, scratch.Transfer);
                double w = _sigmaWeights[s];
                for (int q = 0; q < count; q++)
                {
                    product[q] += w * shiftedA[q] * shiftedB[q];
                }
            }

            _plan.ForwardReal(product, spectrum, scratch.Fft);
            ReadOnlySpan<double> table = _gain.AsSpan(node * length, length);
            for (int h = 0; h < spectrum.Length; h++)
            {
                gain[h] += table[_squared[h]] * spectrum[h];
            }
        }

        _plan.InverseRealOverwritingInput(gain, shiftedA, scratch.Fft);

        // Loss: F^α · (β̂ F̂^β)^∨, the convolution on β's grid interpolated to α's points.
        Span<Complex> betaProduct = scratch.BetaSpectrum;
        for (int h = 0; h < betaProduct.Length; h++)
        {
            betaProduct[h] = _loss[_betaSquared[h]] * betaSpectrum[h];
        }

        _betaPlan.InverseRealOverwritingInput(betaProduct, scratch.BetaReal, scratch.BetaFft);
        _plain.Apply(scratch.BetaReal, shiftedB, scratch.Transfer);
        for (int q = 0; q < count; q++)
        {
            destination[q] = shiftedA[q] - (fa[q] * shiftedB[q]);
        }
    }

    public WidePartnerScratch CreateScratch() => new(_plan, _betaPlan, _alpha.Count, _beta.Count, Math.Max(ScratchLength, _plain.ScratchLength));

    private static int[] WaveNumbers(int n)
    {
        int half = (n / 2) + 1;
        var result = new int[n * n * half];
        for (int i = 0, p = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                for (int k = 0; k < half; k++, p++)
                {
                    int ki = SignedFrequency(i, n), kj = SignedFrequency(j, n);
                    result[p] = (ki * ki) + (kj * kj) + (k * k);
                }
            }
        }

        return result;
    }

    private static int SignedFrequency(int index, int n) => index <= n / 2 ? index : index - n;

    private static double Sinc(double x) => Math.Abs(x) < 1e-8 ? 1.0 - (x * x / 6.0) : Math.Sin(x) / x;
}

/// <summary>Scratch of one <see cref="WidePartnerTerm"/> evaluation.</summary>
internal sealed class WidePartnerScratch
{
    public WidePartnerScratch(Fft3DPlan plan, Fft3DPlan betaPlan, int count, int betaCount, int transfer)
    {
        Fft = plan.CreateWorkspace();
        BetaFft = betaPlan.CreateWorkspace();
        ShiftedAlpha = new double[count];
        ShiftedBeta = new double[count];
        Product = new double[count];
        Spectrum = new Complex[plan.HalfSpectrumCount];
        Gain = new Complex[plan.HalfSpectrumCount];
        BetaSpectrum = new Complex[betaPlan.HalfSpectrumCount];
        BetaReal = new double[betaCount];
        Transfer = new double[transfer];
        Term = new double[count];
    }

    public double[] Term { get; }

    public Fft3DWorkspace Fft { get; }

    public Fft3DWorkspace BetaFft { get; }

    public double[] ShiftedAlpha { get; }

    public double[] ShiftedBeta { get; }

    public double[] Product { get; }

    public Complex[] Spectrum { get; }

    public Complex[] Gain { get; }

    public Complex[] BetaSpectrum { get; }

    public double[] BetaReal { get; }

    public double[] Transfer { get; }
}
