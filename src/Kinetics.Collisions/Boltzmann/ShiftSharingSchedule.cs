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

        ReadOnlySpan<int> classes = pair.XClasses(node), yClasses = pair.YClasses(node);
        Span<int> order = _order.AsSpan(0, copies), low = _lowKey.AsSpan(0, copies), high = _highKey.AsSpan(0, copies);
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

        Span<int> slotOfKey = _slotOfKey.AsSpan(0, 8 * sigmas);
        slotOfKey.Fill(-1);
        int used = 0;
        foreach (int v in order)
        {
            int term = v / sigmas, m = v % sigmas;
            int key0 = Key(terms.Id(term, 0), classes[m], sigmas), key1 = Key(terms.Id(term, 1), classes[sigmas + m], sigmas);
            int need = (slotOfKey[key0] < 0 ? 1 : 0) + (key1 != key0 && slotOfKey[key1] < 0 ? 1 : 0);
            if (_batch.Products > 0 && (used + need > _batch.PartialCapacity || _batch.Products == _batch.MaxProducts))
            {
                _batch.Accumulate(product, fft);
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

            _batch.AddProduct(
                new ShiftedCopy(slotOfKey[key0], yClasses[m], plus.Slice(n, n), plus.Slice(2 * n, (n / 2) + 1)),
                new ShiftedCopy(slotOfKey[key1], yClasses[sigmas + m], minus.Slice(n, n), minus.Slice(2 * n, (n / 2) + 1)));
        }

        _batch.Accumulate(product, fft);

        static int Key(int spectrum, int xClass, int sigmas) => (spectrum * 2 * sigmas) + xClass;

        static bool Before(int v, int w, ReadOnlySpan<int> low, ReadOnlySpan<int> high) =>
            low[v] < low[w] || (low[v] == low[w] && (high[v] < high[w] || (high[v] == high[w] && v < w)));
    }
}
