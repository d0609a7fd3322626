using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
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
    private const int FineRadialPoints = 192;

    private readonly SpeciesGrid _alpha;
    private readonly SpeciesGrid _beta;
    private readonly Fft3DPlan _plan;
    private readonly Fft3DPlan _betaPlan;
    private readonly int _nodes;
    private readonly Velocity3[] _sigmas;
    private readonly double[] _sigmaWeights;
    private readonly ShiftedTransferSet[] _shifted; // [node]: β's grid → α's grid moved by −b r σ_m, every m
    private readonly SpectralTransfer _plain;     // β's grid → α's grid
    private readonly Complex[] _phases;           // distinct rows of N factors e^{i a r ξ_t σ_axis}, Nyquist 0
    private readonly int[] _phaseRows;            // [(node·M + m)·3 + axis]: offset of that row in _phases
    private readonly int[] _inside;               // [(node·M + m)·6 + 2·axis]: first and end index t with |x_t + a r σ_axis| ≤ L_α
    private readonly double[] _gain;              // [node][|k|²] on α's grid
    private readonly double[] _loss;              // [|k|²] on β's grid
    private readonly int[] _squared;              // |k|² per half-spectrum index on α's grid
    private readonly int[] _betaSquared;
    private readonly SpectralTransfer _toBeta;    // α's grid → β's grid (projection onto β's band)
    private readonly double[] _betaGain;          // [node][|k|²] on β's grid: the (β, α) gain multipliers
    private readonly double[] _betaLoss;          // [|k|²] on β's grid: the (β, α) loss multiplier (fine rule)

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
        _shifted = new ShiftedTransferSet[_nodes];
        var phases = new List<Complex>();
        var rows = new Dictionary<double, int>();
        _phaseRows = new int[_nodes * m * 3];
        _inside = new int[_nodes * m * 6];
        var shifts = new Velocity3[m];
        for (int node = 0; node < _nodes; node++)
        {
            for (int s = 0; s < m; s++)
            {
                shifts[s] = b * radii[node] * _sigmas[s];
            }

            _shifted[node] = ShiftedTransferSet.Create(beta, alpha, shifts);
            for (int s = 0; s < m; s++)
            {
                for (int axis = 0; axis < 3; axis++)
                {
                    double own = a * radii[node] * _sigmas[s][axis];
                    int first = 0, end = n;
                    while (first < n && alpha.Grid.Coordinate(first) + own < -alpha.HalfWidth)
                    {
                        first++;
                    }

                    while (end > first && alpha.Grid.Coordinate(end - 1) + own > alpha.HalfWidth)
                    {
                        end--;
                    }

                    _inside[(((node * m) + s) * 6) + (2 * axis)] = first;
                    _inside[(((node * m) + s) * 6) + (2 * axis) + 1] = end;
                    // Rows are shared between (node, σ, axis) with the same a r σ_axis (symmetric sphere rules repeat them).
                    double component = a * radii[node] * _sigmas[s][axis];
                    if (!rows.TryGetValue(component, out int row))
                    {
                        row = phases.Count;
                        rows[component] = row;
                        for (int t = 0; t < n; t++)
                        {
                            int k = SpectralGrid.SignedIndex(t, n);
                            double angle = a * radii[node] * Math.PI * k / alpha.HalfWidth * _sigmas[s][axis];
                            phases.Add(2 * t == n ? Complex.Zero : Complex.FromPolarCoordinates(1.0, angle));
                        }
                    }

                    _phaseRows[(((node * m) + s) * 3) + axis] = row;
                }
            }
        }

        _phases = [.. phases];
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

        // β's side (the wider grid): the spherical average over radius b r of a product as narrow as α's box oscillates in
        // r faster than the nodes resolve at β's high wave numbers, so the r-integral is done by product integration:
        // the product's spectrum, smooth in r, is interpolated through the nodes (Lagrange basis ℓ_i) and
        // ∫₀^R r^{γ+2} ℓ_i(r) sinc(b r|ξ|) dr is computed once by a fine rule; the loss multiplier likewise exactly.
        int nb = beta.PointsPerAxis, betaLength = (3 * (nb / 2) * (nb / 2)) + 1;
        var fine = RadialPowerRule.Create(FineRadialPoints, truncationRadius, kernel.Gamma + 2.0);
        double[] basis = LagrangeBasis(radii, fine.Nodes);
        _loss = new double[betaLength];
        _betaLoss = new double[betaLength];
        _betaGain = new double[_nodes * betaLength];
        ReadOnlySpan<double> fineRadii = fine.Nodes, fineWeights = fine.Weights;
        double[] sincs = new double[fineRadii.Length];
        for (int q = 0; q < betaLength; q++)
        {
            double xi = Math.PI * Math.Sqrt(q) / beta.HalfWidth, loss = 0, coarse = 0;
            for (int f = 0; f < fineRadii.Length; f++)
            {
                loss += fineWeights[f] * Sinc(fineRadii[f] * xi);
                sincs[f] = fineWeights[f] * Sinc(b * fineRadii[f] * xi);
            }

            for (int node = 0; node < _nodes; node++)
            {
                coarse += weights[node] * Sinc(radii[node] * xi);
            }

            // α's side keeps the nodes' rule in both gain and loss (they cancel to the accuracy of the pair on one grid).
            _loss[q] = strength * b0 * 4.0 * Math.PI * coarse;
            _betaLoss[q] = strength * b0 * 4.0 * Math.PI * loss;
            for (int node = 0; node < _nodes; node++)
            {
                double sum = 0;
                for (int f = 0; f < fineRadii.Length; f++)
                {
                    sum += basis[(node * fineRadii.Length) + f] * sincs[f];
                }

                _betaGain[(node * betaLength) + q] = strength * bSigma * 4.0 * Math.PI * sum;
            }
        }

        _toBeta = SpectralTransfer.Create(alpha, beta);
    }

    public int ScratchLength => _shifted.Max(t => t.ScratchLength);

    // Doubles held by the shifted transfers' matrices (the plan's largest table).
    public long TransferValues => _shifted.Sum(t => (long)t.StoredValues);

    // The compression rank of each node's shifted transfers (0: dense).
    public IEnumerable<int> TransferRanks => _shifted.Select(t => t.Rank);

    // destination = Q^{αβ}(F^α, F^β) on α's grid and, unless betaDestination is empty, betaDestination = Q^{βα}(F^β, F^α)
    // on β's grid from the same products (σ → −σ, sinc(b r|ξ|)): each node's product is projected onto β's band and
    // transformed there, so the narrow factor is never sampled on the wider grid. alphaSpectrum: forward DFT of F^α on α's
    // grid; betaSpectrum: of F^β on β's.
    public void Evaluate(ReadOnlySpan<double> fa, Complex[] alphaSpectrum, ReadOnlySpan<double> fb, ReadOnlySpan<Complex> betaSpectrum, Span<double> destination, Span<double> betaDestination, WidePartnerScratch scratch)
    {
        bool both = !betaDestination.IsEmpty;
        int count = _alpha.Count;
        fb.CopyTo(scratch.Partner);
        WidePartnerLane[] lanes = scratch.Lanes;
        if (lanes.Length == 1)
        {
            lanes[0].Clear(both);
            for (int node = 0; node < _nodes; node++)
            {
                AccumulateNode(node, alphaSpectrum, scratch.Partner, both, lanes[0]);
            }
        }
        else
        {
            AccumulateInParallel(alphaSpectrum, scratch.Partner, both, lanes);
        }

        Span<Complex> gain = scratch.Gain, betaGain = scratch.BetaGain;
        Span<double> shiftedA = lanes[0].Product, shiftedB = scratch.ShiftedBeta;
        _plan.InverseRealOverwritingInput(gain, shiftedA, scratch.Fft);

        // Loss: F^α · (β̂ F̂^β)^∨, the convolution on β's grid interpolated to α's points.
        LossFrequency(betaSpectrum, shiftedB, scratch);
        for (int q = 0; q < count; q++)
        {
            destination[q] = shiftedA[q] - (fa[q] * shiftedB[q]);
        }

        if (both)
        {
            // Q^{βα} = gain − F^β · (β̂ F̂^α)^∨, F^α projected onto β's band.
            _betaPlan.InverseRealOverwritingInput(betaGain, betaDestination, scratch.BetaFft);
            PartnerLossFrequency(fa, scratch.BetaReal, scratch);
            for (int q = 0; q < betaDestination.Length; q++)
            {
                betaDestination[q] -= fb[q] * scratch.BetaReal[q];
            }
        }
    }

    // Lanes > 1: the radial nodes spread over the lanes, each accumulating into its own gain spectra, summed into lane 0's.
    private void AccumulateInParallel(Complex[] alphaSpectrum, double[] partner, bool both, WidePartnerLane[] lanes)
    {
        Parallel.For(0, lanes.Length, new ParallelOptions { MaxDegreeOfParallelism = lanes.Length }, lane =>
        {
            lanes[lane].Clear(both);
            for (int node = lane; node < _nodes; node += lanes.Length)
            {
                AccumulateNode(node, alphaSpectrum, partner, both, lanes[lane]);
            }
        });

        for (int lane = 1; lane < lanes.Length; lane++)
        {
            TensorPrimitives.Add(Doubles(lanes[0].Gain), Doubles(lanes[lane].Gain), Doubles(lanes[0].Gain));
            if (both)
            {
                TensorPrimitives.Add(Doubles(lanes[0].BetaGain), Doubles(lanes[lane].BetaGain), Doubles(lanes[0].BetaGain));
            }
        }
    }

    private static Span<double> Doubles(Complex[] values) => MemoryMarshal.Cast<Complex, double>(values.AsSpan());

    // One radial node: the σ-summed product P_r on α's grid, its gain on α's grid and (both) on β's.
    private void AccumulateNode(int node, Complex[] alphaSpectrum, double[] fb, bool both, WidePartnerLane lane)
    {
        int n = _alpha.PointsPerAxis, half = (n / 2) + 1, m = _sigmas.Length;
        int length = (3 * (n / 2) * (n / 2)) + 1;
        int nb = _beta.PointsPerAxis, betaLength = (3 * (nb / 2) * (nb / 2)) + 1;
        Span<double> shiftedB = lane.ShiftedBeta, product = lane.Product;
        Span<Complex> spectrum = lane.Spectrum, gain = lane.Gain;
        product.Clear();
        ShiftedTransferSet transfers = _shifted[node];
        for (int position = 0; position < m; position++)
        {
            // F^β(v − b r σ) at α's points, interpolated from β's grid (the σ in the set's order, which shares passes).
            int s = transfers.Apply(position, fb, shiftedB, lane.Transfer);

            // The partner factor becomes the multiplier w_σ F^β(v − b r σ), kept only where v + a r σ stays inside α's box:
            // beyond it the phase shift returns F^α's periodic image, not the (negligible) values of F^α there
            // (docs/species-grids.md, "The 1:1 gap").
            Mask(shiftedB, _sigmaWeights[s], _inside.AsSpan(((node * m) + s) * 6, 6), n);

            // product += multiplier ⊙ F^α(v + a r σ), the separable phase applied inside the inverse transform.
            int rows = ((node * m) + s) * 3;
            ReadOnlySpan<Complex> px = _phases.AsSpan(_phaseRows[rows], n);
            ReadOnlySpan<Complex> py = _phases.AsSpan(_phaseRows[rows + 1], n);
            ReadOnlySpan<Complex> pz = _phases.AsSpan(_phaseRows[rows + 2], half);
            _plan.InverseRealModulatedMultiplyAdd(alphaSpectrum, px, py, pz, shiftedB, product, lane.Fft);
        }

        if (both)
        {
            _toBeta.Apply(product, lane.BetaReal, lane.Transfer);
            _betaPlan.ForwardReal(lane.BetaReal, lane.BetaSpectrum, lane.BetaFft);
            ReadOnlySpan<double> betaTable = _betaGain.AsSpan(node * betaLength, betaLength);
            Span<Complex> betaGain = lane.BetaGain;
            for (int h = 0; h < betaGain.Length; h++)
            {
                betaGain[h] += betaTable[_betaSquared[h]] * lane.BetaSpectrum[h];
            }
        }

        _plan.ForwardReal(product, spectrum, lane.Fft);
        ReadOnlySpan<double> table = _gain.AsSpan(node * length, length);
        for (int h = 0; h < spectrum.Length; h++)
        {
            gain[h] += table[_squared[h]] * spectrum[h];
        }
    }

    // values = w · values inside the index box [inside[0], inside[1]) × [inside[2], inside[3]) × [inside[4], inside[5]), 0 outside.
    private static void Mask(Span<double> values, double w, ReadOnlySpan<int> inside, int n)
    {
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                Span<double> line = values.Slice(((i * n) + j) * n, n);
                if (i < inside[0] || i >= inside[1] || j < inside[2] || j >= inside[3])
                {
                    line.Clear();
                    continue;
                }

                line[..inside[4]].Clear();
                line[inside[5]..].Clear();
                TensorPrimitives.Multiply(line[inside[4]..inside[5]], w, line[inside[4]..inside[5]]);
            }
        }
    }

    // destination = F^α projected onto β's band, at β's points.
    public void ProjectToBeta(ReadOnlySpan<double> fa, Span<double> destination, WidePartnerScratch scratch) =>
        _toBeta.Apply(fa, destination, scratch.Transfer);

    // destination = ν^{βα} at β's points: (β̂ F̂^α)^∨ on β's grid with F^α projected onto β's band.
    public void PartnerLossFrequency(ReadOnlySpan<double> fa, Span<double> destination, WidePartnerScratch scratch)
    {
        _toBeta.Apply(fa, destination, scratch.Transfer);
        _betaPlan.ForwardReal(destination, scratch.BetaSpectrum, scratch.BetaFft);
        Span<Complex> spectrum = scratch.BetaSpectrum;
        for (int h = 0; h < spectrum.Length; h++)
        {
            spectrum[h] *= _betaLoss[_betaSquared[h]];
        }

        _betaPlan.InverseRealOverwritingInput(spectrum, destination, scratch.BetaFft);
    }

    // destination = ν^{αβ} at α's points: (β̂ F̂^β)^∨ computed on β's grid and interpolated (the loss rate of this pair).
    public void LossFrequency(ReadOnlySpan<Complex> betaSpectrum, Span<double> destination, WidePartnerScratch scratch)
    {
        Span<Complex> betaProduct = scratch.BetaSpectrum;
        for (int h = 0; h < betaProduct.Length; h++)
        {
            betaProduct[h] = _loss[_betaSquared[h]] * betaSpectrum[h];
        }

        _betaPlan.InverseRealOverwritingInput(betaProduct, scratch.BetaReal, scratch.BetaFft);
        _plain.Apply(scratch.BetaReal, destination, scratch.Transfer);
    }

    public WidePartnerScratch CreateScratch(int lanes) => new(_plan, _betaPlan, _alpha.Count, _beta.Count, Math.Max(Math.Max(ScratchLength, _plain.ScratchLength), _toBeta.ScratchLength), lanes);

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
                    int ki = SpectralGrid.SignedIndex(i, n), kj = SpectralGrid.SignedIndex(j, n);
                    result[p] = (ki * ki) + (kj * kj) + (k * k);
                }
            }
        }

        return result;
    }

    // ℓ_i(x_f) for the Lagrange basis through the nodes r_i, stored [i·F + f] (barycentric form).
    private static double[] LagrangeBasis(ReadOnlySpan<double> nodes, ReadOnlySpan<double> points)
    {
        int m = nodes.Length;
        double[] weights = new double[m];
        for (int i = 0; i < m; i++)
        {
            double w = 1;
            for (int j = 0; j < m; j++)
            {
                if (j != i)
                {
                    w *= nodes[i] - nodes[j];
                }
            }

            weights[i] = 1 / w;
        }

        double[] basis = new double[m * points.Length];
        for (int f = 0; f < points.Length; f++)
        {
            double x = points[f], total = 0;
            int exact = -1;
            for (int i = 0; i < m; i++)
            {
                if (x == nodes[i])
                {
                    exact = i;
                }

                total += weights[i] / (x - nodes[i]);
            }

            for (int i = 0; i < m; i++)
            {
                basis[(i * points.Length) + f] = exact >= 0 ? (i == exact ? 1 : 0) : weights[i] / (x - nodes[i]) / total;
            }
        }

        return basis;
    }

    private static double Sinc(double x) => Math.Abs(x) < 1e-8 ? 1.0 - (x * x / 6.0) : Math.Sin(x) / x;
}

/// <summary>Scratch of one <see cref="WidePartnerTerm"/> evaluation: the lanes of the node loop (lane 0 also serves the
/// serial parts) and the copies of the inputs they share.</summary>
internal sealed class WidePartnerScratch
{
    public WidePartnerScratch(Fft3DPlan plan, Fft3DPlan betaPlan, int count, int betaCount, int transfer, int lanes)
    {
        Lanes = Enumerable.Range(0, lanes).Select(_ => new WidePartnerLane(plan, betaPlan, count, betaCount, transfer)).ToArray();
        Term = new double[count];
        BetaTerm = new double[betaCount];
        Partner = new double[betaCount];
    }

    public WidePartnerLane[] Lanes { get; }

    public double[] Term { get; }

    // Q^{βα} on β's grid (the wider species' side of the pair).
    public double[] BetaTerm { get; }

    // F^β, copied for the lanes.
    public double[] Partner { get; }

    public Fft3DWorkspace Fft => Lanes[0].Fft;

    public Fft3DWorkspace BetaFft => Lanes[0].BetaFft;

    public double[] ShiftedBeta => Lanes[0].ShiftedBeta;

    public Complex[] Gain => Lanes[0].Gain;

    public Complex[] BetaSpectrum => Lanes[0].BetaSpectrum;

    public Complex[] BetaGain => Lanes[0].BetaGain;

    public double[] BetaReal => Lanes[0].BetaReal;

    public double[] Transfer => Lanes[0].Transfer;
}

/// <summary>Buffers of one lane of the node loop of <see cref="WidePartnerTerm"/>.</summary>
internal sealed class WidePartnerLane
{
    public WidePartnerLane(Fft3DPlan plan, Fft3DPlan betaPlan, int count, int betaCount, int transfer)
    {
        Fft = plan.CreateWorkspace();
        BetaFft = betaPlan.Size == plan.Size ? Fft : betaPlan.CreateWorkspace(); // never in use at the same time
        ShiftedBeta = new double[count];
        Product = new double[count];
        Spectrum = new Complex[plan.HalfSpectrumCount];
        Gain = new Complex[plan.HalfSpectrumCount];
        BetaSpectrum = new Complex[betaPlan.HalfSpectrumCount];
        BetaGain = new Complex[betaPlan.HalfSpectrumCount];
        BetaReal = new double[betaCount];
        Transfer = new double[transfer];
    }

    public Fft3DWorkspace Fft { get; }

    public Fft3DWorkspace BetaFft { get; }

    public double[] ShiftedBeta { get; }

    public double[] Product { get; }

    public Complex[] Spectrum { get; }

    public Complex[] Gain { get; }

    public Complex[] BetaSpectrum { get; }

    public Complex[] BetaGain { get; }

    public double[] BetaReal { get; }

    public double[] Transfer { get; }

    public void Clear(bool both)
    {
        Array.Clear(Gain);
        if (both)
        {
            Array.Clear(BetaGain);
        }
    }
}
