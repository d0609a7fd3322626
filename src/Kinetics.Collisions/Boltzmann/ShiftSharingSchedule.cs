using System.Numerics;
using Kinetics.Spectral;

namespace Kinetics.Boltzmann;

/// <summary>
/// The order in which the shifted copies of one (pair, radial node) are transformed, so that copies with equal factors
/// share their passes: product += Σ_terms Σ_σ X(· + a r σ) · Y(· − b r σ) over all σ of the node (σ weights included).
/// </summary>
/// <remarks>
/// <para>A shifted copy's x pass depends only on its spectrum and its x factors e^{±i c r ξ_x σ_x}, its y pass per plane
/// also on e^{±i c r ξ_y σ_y}, and symmetric sphere rules repeat σ_x and σ_y (the icosahedron's 12 self-pair copies have
/// 5 distinct x and 8 distinct (x, y)). A copy's key is (spectrum, x class): equal keys mean the same x pass. The
/// virtual σ v = term·M + m are ordered by the unordered pair of their two keys, so that copies with the same x passes
/// are adjacent (for a self pair: σ and its mirror image in x, whose shifts ±rσ/2 have the same two x components in
/// swapped order), and cut into batches of at most K partial transforms and 16 products, which
/// <see cref="ShiftedProductBatch"/> finishes plane by plane. docs/boltzmann.md, "Shared x and y passes".</para>
/// <para>One schedule per lane (not thread-safe); its buffers are sized for the largest sphere rule of the plan.</para>
/// </remarks>
internal sealed class ShiftSharingSchedule
{
    private readonly Fft3DPlan _fft;
    private readonly bool _shared;
    private readonly ShiftedProductBatch _batch;
    private readonly int[] _order;     // the virtual σ of one call in batching order
    private readonly int[] _lowKey;    // the smaller of the two copy keys of each virtual σ
    private readonly int[] _highKey;   // the larger
    private readonly int[] _slotOfKey; // copy key → partial slot, −1 when the key has no slot in the current batch
    private readonly int[] _slotKey;   // partial slot → its copy key
    private readonly int[] _batchSigmas; // product of the current batch → its virtual σ

    /// <summary>Scratch for up to <paramref name="maxSigmas"/> σ per pair and K = <paramref name="partialBuffers"/>
    /// partial transforms per batch; <paramref name="shared"/> = false transforms every copy on its own
    /// (<see cref="BoltzmannOptions.PerSigmaShifts"/>, the unshared baseline).</summary>
    public ShiftSharingSchedule(Fft3DPlan fft, int partialBuffers, int maxSigmas, bool shared)
    {
        _fft = fft;
        _shared = shared;
        _batch = new ShiftedProductBatch(fft, partialBuffers, Math.Min(2 * maxSigmas, 16));
        _order = new int[2 * maxSigmas];
        _lowKey = new int[2 * maxSigmas];
        _highKey = new int[2 * maxSigmas];
        _slotOfKey = new int[8 * maxSigmas];
        _slotKey = new int[partialBuffers];
        _batchSigmas = new int[_batch.MaxProducts];
    }

    /// <summary>product (N³ values) += Σ_terms Σ_σ X(· + a r σ) · Y(· − b r σ) for radial node <paramref name="node"/> of
    /// <paramref name="pair"/>, X and Y the half spectra of <paramref name="terms"/>; <paramref name="shifted"/> (N³) is
    /// scratch of the unshared path.</summary>
    public void Accumulate(PairPlan pair, int node, ShiftTerms terms, Span<double> product, Span<double> shifted, Fft3DWorkspace fft)
    {
        int sigmas = pair.SigmaCount, copies = terms.Count * sigmas, n = pair.Size;
        if (!_shared)
        {
            for (int v = 0; v < copies; v++)
            {
                ReadOnlySpan<Complex> plus = pair.Phase(0, node, v % sigmas), minus = pair.Phase(1, node, v % sigmas);
                _fft.InverseRealModulated(terms.Spectrum(v / sigmas, 0), plus[..n], plus.Slice(n, n), plus.Slice(2 * n, (n / 2) + 1), shifted, fft);
                _fft.InverseRealModulatedMultiplyAdd(
                    terms.Spectrum(v / sigmas, 1), minus[..n], minus.Slice(n, n), minus.Slice(2 * n, (n / 2) + 1), shifted, product, fft);
            }

            return;
        }

        var sum = new SumFinish(product);
        Run(pair, node, terms, _batch.MaxProducts, default, ref sum, fft);
    }

    /// <summary>
    /// Every product X(· + a r σ) · Y(· − b r σ) of the node on its own (σ weight included), forward transformed:
    /// <paramref name="sink"/> receives (term, σ, spectrum) once per σ and term, in batching order, with the same shared
    /// x and y passes as <see cref="Accumulate"/> and each product's forward z and y passes run plane by plane
    /// (<see cref="ShiftedProductBatch.TransformEach"/>). <paramref name="spectra"/> holds
    /// <paramref name="maxProducts"/> half spectra (≤ <see cref="MaxProducts"/>). The anisotropic b_σ path, whose
    /// weights depend on σ (docs/boltzmann.md, "Shared passes for anisotropic b_σ").
    /// </summary>
    public void TransformEach<TSink>(
        PairPlan pair, int node, ShiftTerms terms, Span<Complex> spectra, int maxProducts, ReadOnlySpan<int> groups, TSink sink, Fft3DWorkspace fft,
        bool inZPass = true)
        where TSink : ISigmaSpectrumSink, allows ref struct
    {
        if (!_shared)
        {
            throw new InvalidOperationException("the unshared schedule transforms per σ in the operator (internal error).");
        }

        int limit = Math.Min(maxProducts, _batch.MaxProducts), count = _fft.HalfSpectrumCount;
        if (limit < 1 || spectra.Length < limit * count)
        {
            throw new InvalidOperationException("product spectra out of range (internal error).");
        }

        var each = new EachFinish<TSink>(spectra, count, pair.SigmaCount, sink, inZPass);
        Run(pair, node, terms, limit, groups, ref each, fft);
    }

    /// <summary>The most products one batch holds.</summary>
    public int MaxProducts => _batch.MaxProducts;

    private void Run<TFinish>(PairPlan pair, int node, ShiftTerms terms, int maxProducts, ReadOnlySpan<int> groups, ref TFinish finish, Fft3DWorkspace fft)
        where TFinish : IBatchFinish, allows ref struct
    {
        int sigmas = pair.SigmaCount, copies = terms.Count * sigmas, n = pair.Size;
        ReadOnlySpan<int> classes = pair.XClasses(node), yClasses = pair.YClasses(node);
        Span<int> order = _order.AsSpan(0, copies), low = _lowKey.AsSpan(0, copies), high = _highKey.AsSpan(0, copies);
        for (int v = 0; v < copies; v++)
        {
            int term = v / sigmas, m = v % sigmas;
            int key0 = Key(terms.Id(term, 0), classes[m], sigmas), key1 = Key(terms.Id(term, 1), classes[sigmas + m], sigmas);
            (low[v], high[v]) = (Math.Min(key0, key1), Math.Max(key0, key1));
            int at = v;
            while (at > 0 && Before(v, order[at - 1], low, high, groups, sigmas))
            {
                order[at] = order[at - 1];
                at--;
            }

            order[at] = v;
        }

        Span<int> slotOfKey = _slotOfKey.AsSpan(0, 8 * sigmas);
        slotOfKey.Fill(-1);
        Span<int> batchSigmas = _batchSigmas;
        int used = 0;
        foreach (int v in order)
        {
            int term = v / sigmas, m = v % sigmas;
            int key0 = Key(terms.Id(term, 0), classes[m], sigmas), key1 = Key(terms.Id(term, 1), classes[sigmas + m], sigmas);
            int need = (slotOfKey[key0] < 0 ? 1 : 0) + (key1 != key0 && slotOfKey[key1] < 0 ? 1 : 0);
            if (_batch.Products > 0 && (used + need > _batch.PartialCapacity || _batch.Products == maxProducts))
            {
                finish.Finish(_batch, batchSigmas[.._batch.Products], fft);
                for (int slot = 0; slot < used; slot++)
                {
                    slotOfKey[_slotKey[slot]] = -1;
                }

                used = 0;
            }

            ReadOnlySpan<Complex> plus = pair.Phase(0, node, m), minus = pair.Phase(1, node, m);
            for (int side = 0; side < 2; side++)
            {
                int key = side == 0 ? key0 : key1;
                if (slotOfKey[key] < 0)
                {
                    slotOfKey[key] = used;
                    _slotKey[used] = key;
                    _batch.SetPartial(used, terms.Spectrum(term, side), (side == 0 ? plus : minus)[..n], fft);
                    used++;
                }
            }

            batchSigmas[_batch.Products] = v;
            _batch.AddProduct(
                new ShiftedCopy(slotOfKey[key0], yClasses[m], plus.Slice(n, n), plus.Slice(2 * n, (n / 2) + 1)),
                new ShiftedCopy(slotOfKey[key1], yClasses[sigmas + m], minus.Slice(n, n), minus.Slice(2 * n, (n / 2) + 1)));
        }

        finish.Finish(_batch, batchSigmas[.._batch.Products], fft);

        static int Key(int spectrum, int xClass, int sigmas) => (spectrum * 2 * sigmas) + xClass;

        static bool Before(int v, int w, ReadOnlySpan<int> low, ReadOnlySpan<int> high, ReadOnlySpan<int> groups, int sigmas)
        {
            if (!groups.IsEmpty && groups[v % sigmas] != groups[w % sigmas])
            {
                return groups[v % sigmas] < groups[w % sigmas];
            }

            return low[v] < low[w] || (low[v] == low[w] && (high[v] < high[w] || (high[v] == high[w] && v < w)));
        }
    }

    // What a full batch becomes: the sum of its products (isotropic b_σ) or each product's spectrum (anisotropic).
    private interface IBatchFinish
    {
        void Finish(ShiftedProductBatch batch, ReadOnlySpan<int> virtualSigmas, Fft3DWorkspace fft);
    }

    private readonly ref struct SumFinish(Span<double> product) : IBatchFinish
    {
        private readonly Span<double> _product = product;

        public void Finish(ShiftedProductBatch batch, ReadOnlySpan<int> virtualSigmas, Fft3DWorkspace fft) => batch.Accumulate(_product, fft);
    }

    private readonly ref struct EachFinish<TSink> : IBatchFinish
        where TSink : ISigmaSpectrumSink, allows ref struct
    {
        private readonly Span<Complex> _spectra;
        private readonly int _count;
        private readonly int _sigmas;
        private readonly TSink _sink;
        private readonly bool _inZPass;

        public EachFinish(Span<Complex> spectra, int count, int sigmas, TSink sink, bool inZPass)
        {
            _spectra = spectra;
            _count = count;
            _sigmas = sigmas;
            _sink = sink;
            _inZPass = inZPass;
        }

        public void Finish(ShiftedProductBatch batch, ReadOnlySpan<int> virtualSigmas, Fft3DWorkspace fft)
        {
            batch.TransformEach(_spectra, fft, _inZPass);
            _sink.Take(virtualSigmas, _sigmas, _spectra[..(virtualSigmas.Length * _count)]);
        }
    }
}

/// <summary>Receives the forward-transformed products of one batch from <see cref="ShiftSharingSchedule.TransformEach"/>.</summary>
internal interface ISigmaSpectrumSink
{
    /// <summary>Product q of the batch is term v_q / M at σ_{v_q mod M} (<paramref name="virtualSigmas"/> v_q,
    /// <paramref name="sigmaCount"/> M); its half spectrum is the q-th of <paramref name="spectra"/> (valid during the call).</summary>
    void Take(ReadOnlySpan<int> virtualSigmas, int sigmaCount, ReadOnlySpan<Complex> spectra);
}
