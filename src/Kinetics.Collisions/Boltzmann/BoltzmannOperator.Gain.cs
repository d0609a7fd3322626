using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Kinetics.Spectral;

namespace Kinetics.Boltzmann;

/// <summary>The gain term: Q̂⁺^{αβ}(ξ) = Σ_r w_r C b_σ 4π sinc(a r|ξ|) 𝔽[Σ_σ w_σ F^α(· + a r σ) G^β(· − b r σ)](ξ).</summary>
public sealed partial class BoltzmannOperator
{
    // Gain groups of a parallel evaluation: 8 (few enough that their sum costs ≈ 1 % of the evaluation, many enough that a
    // thread slowed by other processes leaves at most an eighth of the work to the tail), fewer when their spectra would
    // take more than 64 MiB, at least the lane count, at most the item count. Independent of the lane count otherwise.
    private static int GainGroups(int lanes, int work, int species, int halfCount)
    {
        if (lanes == 1)
        {
            return 1;
        }

        long bytes = 16L * species * species * halfCount;
        int fit = (int)Math.Clamp((64L << 20) / bytes, 1, 8);
        return Math.Max(1, Math.Min(work, Math.Max(lanes, fit)));
    }

    // A group's gain spectra start at zero (the first `slots` slots, those the evaluation uses).
    internal void ClearGainGroup(int group, int slots, BoltzmannWorkspace workspace) =>
        workspace.GainSpectra.AsSpan(group * SpeciesCount * SpeciesCount * _halfCount, slots * _halfCount).Clear();

    // gain (output slot `slot` of group 0) += the same slot of group 1, += group 2, … in group order, whichever lane runs it.
    private void SumGainGroups(Span<Complex> gain, int slot, BoltzmannWorkspace workspace)
    {
        int stride = SpeciesCount * SpeciesCount * _halfCount;
        Span<double> first = MemoryMarshal.Cast<Complex, double>(gain);
        for (int group = 1; group < _gainGroups; group++)
        {
            var other = MemoryMarshal.Cast<Complex, double>(workspace.GainSpectra.AsSpan((group * stride) + (slot * _halfCount), _halfCount));
            TensorPrimitives.Add(first, other, first);
        }
    }

    // Item `item` of the parallel order (pairs by decreasing cost), on the scratch of `lane`, into the gains of `group`.
    internal void AccumulateGainItem(int item, int lane, int group, BoltzmannWorkspace workspace, bool pairs, bool bilinear) =>
        AccumulateGain(_parallelOrder[item], lane, group, workspace, pairs, bilinear);

    // One (pair, radial node) work item: the σ-summed product of shifted copies, one forward FFT, and its sinc-weighted
    // contribution to the gain spectra of (α, β) and (β, α). Bilinear (F ≠ G): the (β, α) product
    // Σ_σ F^β(· − b r σ) G^α(· + a r σ) is a separate transform, and a self pair symmetrises its half-sphere product.
    private void AccumulateGain(int item, int lane, int group, BoltzmannWorkspace workspace, bool pairs, bool bilinear)
    {
        int s = SpeciesCount, hc = _halfCount;
        var pair = _pairs[_itemPair[item]];
        int node = _itemNode[item];
        Span<Complex> productSpectrum = workspace.ProductSpectrum.AsSpan(lane * hc, hc);
        Span<double> product = workspace.Product.AsSpan(lane * Grid.Count, Grid.Count);
        Span<double> shifted = workspace.Shifted.AsSpan(lane * Grid.Count, Grid.Count);
        var fft = workspace.Fft[lane];
        var schedule = workspace.Schedules[lane];
        Complex[] partner = bilinear ? workspace.SecondSpectra : workspace.Spectra;
        ReadOnlySpan<Complex> firstA = workspace.Spectra.AsSpan(pair.Alpha * hc, hc);
        ReadOnlySpan<Complex> secondB = partner.AsSpan(pair.Beta * hc, hc);
        int laneOffset = group * s * s * hc;
        int slotAB = pairs ? (pair.Alpha * s) + pair.Beta : pair.Alpha;
        int slotBA = pairs ? (pair.Beta * s) + pair.Alpha : pair.Beta;
        Span<Complex> gainAB = workspace.GainSpectra.AsSpan(laneOffset + (slotAB * hc), hc);
        Span<Complex> gainBA = pair.Alpha != pair.Beta ? workspace.GainSpectra.AsSpan(laneOffset + (slotBA * hc), hc) : default;

        // (β, α) inputs for the bilinear form: G^α at +a r σ (side 0), F^β at −b r σ (side 1).
        ReadOnlySpan<Complex> secondA = partner.AsSpan(pair.Alpha * hc, hc);
        ReadOnlySpan<Complex> firstB = workspace.Spectra.AsSpan(pair.Beta * hc, hc);
        if (pair.Anisotropic)
        {
            if (_anisotropicBatch > 0)
            {
                AccumulateAnisotropicShared(pair, node, lane, workspace, bilinear, firstA, secondB, secondA, firstB, gainAB, gainBA);
                return;
            }

            if (pair.Alpha == pair.Beta)
            {
                // Half of the antipodal rule: the product at −σ is F(· − rσ/2)G(· + rσ/2), the (G, F) product at σ, with the
                // weight W(−σ·ξ̂), which is the "(β, α)" weight of the pair (equal tables, a = b). For F = G it is the same
                // product, so one transform carries W(σ·ξ̂) + W(−σ·ξ̂) (both sides into the one gain).
                if (bilinear)
                {
                    AccumulateAnisotropic(pair, node, firstA, secondB, lane, workspace, gainAB, default);
                    AccumulateAnisotropic(pair, node, secondA, firstB, lane, workspace, default, gainAB);
                }
                else
                {
                    AccumulateAnisotropic(pair, node, firstA, secondB, lane, workspace, gainAB, gainAB);
                }

                return;
            }

            AccumulateAnisotropic(pair, node, firstA, secondB, lane, workspace, gainAB, bilinear ? default : gainBA);
            if (bilinear)
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
            schedule.Accumulate(pair, node, new ShiftTerms(firstA, secondB, secondA, firstB), product, shifted, fft);
            TensorPrimitives.Multiply(product, 0.5, product);
        }
        else
        {
            schedule.Accumulate(pair, node, new ShiftTerms(firstA, secondB, default, default), product, shifted, fft);
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
            schedule.Accumulate(pair, node, new ShiftTerms(secondA, firstB, default, default), product, shifted, fft);

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
    // empty). The weights depend on σ·ξ̂, so every σ needs its own forward transform. By default the weights of the node
    // are tabulated once for the σ-orbit representatives and each product spectrum is weighted right after its transform
    // (AnisotropicGainWeights.FillOrbitWeights); with AnisotropicSeriesPerPoint, L = AnisotropicGainWeights.LaneCount
    // product spectra are stored interleaved by lane and the Legendre series runs at every point across the L directions
    // (unused lanes of the last group carry zero products).
    private void AccumulateAnisotropic(
        PairPlan pair, int node, ReadOnlySpan<Complex> plus, ReadOnlySpan<Complex> minus, int lane, BoltzmannWorkspace workspace,
        Span<Complex> gainAB, Span<Complex> gainBA)
    {
        int hc = _halfCount;
        Span<Complex> productSpectrum = workspace.ProductSpectrum.AsSpan(lane * hc, hc);
        Span<double> product = workspace.Product.AsSpan(lane * Grid.Count, Grid.Count);
        var fft = workspace.Fft[lane];
        var weights = pair.Weights!;
        if (_seriesPerPoint)
        {
            AccumulateAnisotropicSeries(pair, node, plus, minus, lane, workspace, gainAB, gainBA);
            return;
        }

        // A self pair with F = G (both sides into the one gain): W(σ·ξ̂) + W(−σ·ξ̂) from side 0 of a folded table.
        bool folded = !gainAB.IsEmpty && gainAB == gainBA;
        Span<double> table = workspace.OrbitWeights.AsSpan(lane * workspace.OrbitTableLength, weights.TableLength(folded));
        weights.FillOrbitWeights(node, folded, table);
        foreach (int m in weights.Orbits!.Order)
        {
            ShiftedProduct(pair, node, m, plus, minus, lane, workspace, accumulate: false);
            _fft.ForwardReal(product, productSpectrum, fft);
            weights.AccumulateOrbitSigma(m, table, productSpectrum, gainAB, folded ? default : gainBA, folded);
        }
    }

    // Anisotropic b_σ with shared passes: every (term, σ) product of the node through ShiftSharingSchedule.TransformEach
    // (x and y passes shared as on the isotropic path, each product's forward transform started plane by plane), then
    // weighted from the σ-orbit tables. Terms: (F^α, G^β) and, bilinear, (G^α, F^β). Self pair (half rule): F = G folds
    // W(σ·ξ̂) + W(−σ·ξ̂) into side 0; bilinear, term 1 is the product at −σ, weighted by side 1 into the same gain.
    private void AccumulateAnisotropicShared(
        PairPlan pair, int node, int lane, BoltzmannWorkspace workspace, bool bilinear,
        ReadOnlySpan<Complex> firstA, ReadOnlySpan<Complex> secondB, ReadOnlySpan<Complex> secondA, ReadOnlySpan<Complex> firstB,
        Span<Complex> gainAB, Span<Complex> gainBA)
    {
        var weights = pair.Weights!;
        bool self = pair.Alpha == pair.Beta, folded = self && !bilinear;
        if (!weights.TryStoredTable(node, folded, out var table))
        {
            Span<double> filled = workspace.OrbitWeights.AsSpan(lane * workspace.OrbitTableLength, weights.TableLength(folded));
            weights.FillOrbitWeights(node, folded, filled);
            table = filled;
        }

        int batch = workspace.AnisotropicBatch;
        Span<Complex> spectra = workspace.SigmaSpectra.AsSpan(lane * batch * _halfCount, batch * _halfCount);
        var terms = bilinear ? new ShiftTerms(firstA, secondB, secondA, firstB) : new ShiftTerms(firstA, secondB, default, default);
        var sink = (self, bilinear) switch
        {
            (true, false) => new OrbitWeightSink(weights, table, gainAB, default, default, default, folded: true),
            (true, true) => new OrbitWeightSink(weights, table, gainAB, default, default, gainAB, folded: false),
            (false, false) => new OrbitWeightSink(weights, table, gainAB, gainBA, default, default, folded: false),
            _ => new OrbitWeightSink(weights, table, gainAB, default, default, gainBA, folded: false),
        };
        workspace.Schedules[lane].TransformEach(pair, node, terms, spectra, batch, weights.Orbits!.Orbits, sink, workspace.Fft[lane], inZPass: !_productPlanes);
    }

    // Weights one product spectrum by its σ's orbit table into the gains of its term (an empty span skips a side); a folded
    // table (self pair, F = G) is real.
    private readonly ref struct OrbitWeightSink(
        AnisotropicGainWeights weights, ReadOnlySpan<double> table, Span<Complex> ab0, Span<Complex> ba0, Span<Complex> ab1, Span<Complex> ba1, bool folded)
        : ISigmaSpectrumSink
    {
        private readonly bool _folded = folded;
        private readonly AnisotropicGainWeights _weights = weights;
        private readonly ReadOnlySpan<double> _table = table;
        private readonly Span<Complex> _ab0 = ab0;
        private readonly Span<Complex> _ba0 = ba0;
        private readonly Span<Complex> _ab1 = ab1;
        private readonly Span<Complex> _ba1 = ba1;

        public void Take(ReadOnlySpan<int> virtualSigmas, int sigmaCount, ReadOnlySpan<Complex> spectra) =>
            _weights.AccumulateOrbitBatch(virtualSigmas, sigmaCount, _table, spectra, _ab0, _ba0, _ab1, _ba1, _folded);
    }

    // The orbit tables of every anisotropic pair and radial node, computed now when all of them fit in the budget: a self
    // pair's folded tables (Evaluate; its bilinear form fills per node), both sides of a cross pair's.
    private void StoreAnisotropicTables(long budget)
    {
        long bytes = 0;
        foreach (var pair in _pairs.Where(p => p.Anisotropic))
        {
            bytes += 8 * pair.Weights!.StoredLength(folded: pair.Alpha == pair.Beta);
        }

        if (bytes == 0 || bytes > budget)
        {
            return;
        }

        foreach (var pair in _pairs.Where(p => p.Anisotropic))
        {
            pair.Weights!.Store(folded: pair.Alpha == pair.Beta);
        }

        AnisotropicTableBytes = bytes;
    }

    /// <summary>Bytes of anisotropic weight tables the plan keeps (0 when it recomputes them every evaluation).</summary>
    internal long AnisotropicTableBytes { get; private set; }

    // The per-point series (the test oracle and benchmark baseline of the orbit weights).
    private void AccumulateAnisotropicSeries(
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
}
