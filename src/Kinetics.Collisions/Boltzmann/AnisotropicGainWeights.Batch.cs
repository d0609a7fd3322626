using System.Numerics;
using System.Runtime.InteropServices;
using Kinetics.Spectral;

namespace Kinetics.Boltzmann;

/// <summary>
/// The orbit weights applied to a batch of product spectra at once: for every (k_x, k_y) row, the rows of all products of
/// the batch are weighted into the same gain rows, which stay in L1 across the batch, instead of one pass over the gain
/// spectra per σ (docs/boltzmann.md, "Shared passes for anisotropic b_σ").
/// </summary>
internal sealed partial class AnisotropicGainWeights
{
    /// <summary>The most products <see cref="AccumulateOrbitBatch"/> takes.</summary>
    public const int MaxBatch = 16;

    /// <summary>
    /// For each product q of the batch (virtual σ v_q = term·M + m, spectrum q at q·N²(N/2 + 1) of
    /// <paramref name="products"/>): the gains of its term += its weights times it, as <see cref="AccumulateOrbitSigma"/>
    /// with term 0 into (<paramref name="ab0"/>, <paramref name="ba0"/>) and term 1 into (<paramref name="ab1"/>,
    /// <paramref name="ba1"/>) (empty spans skip a side). Per point the products are added in batch order.
    /// </summary>
    public void AccumulateOrbitBatch(
        ReadOnlySpan<int> virtualSigmas, int sigmaCount, ReadOnlySpan<double> table, ReadOnlySpan<Complex> products,
        Span<Complex> ab0, Span<Complex> ba0, Span<Complex> ab1, Span<Complex> ba1)
    {
        var orbits = _orbits ?? throw new InvalidOperationException("weights built without σ (internal error).");
        int n = _size, h = (n / 2) + 1, count = n * n * h, points = OrbitTablePoints, batch = virtualSigmas.Length;
        bool needB = !ba0.IsEmpty || !ba1.IsEmpty;
        if (batch > MaxBatch || table.Length < (needB ? OrbitTableLength : OrbitTableLength / 2) || products.Length < batch * count
            || Short(ab0) || Short(ba0) || Short(ab1) || Short(ba1))
        {
            throw new InvalidOperationException("anisotropic orbit weights out of range (internal error).");
        }

        Span<int> offsetA = stackalloc int[batch], offsetB = stackalloc int[batch], signX = stackalloc int[batch], signY = stackalloc int[batch];
        Span<int> term = stackalloc int[batch];
        Span<bool> swap = stackalloc bool[batch];
        Span<double> im = stackalloc double[batch];
        for (int q = 0; q < batch; q++)
        {
            int m = virtualSigmas[q] % sigmaCount, r = orbits.Orbit(m);
            term[q] = virtualSigmas[q] / sigmaCount;
            bool conjugate;
            (swap[q], signX[q], signY[q], conjugate) = orbits.Map(m);
            im[q] = conjugate ? -1.0 : 1.0;
            offsetA[q] = 2 * r * points;
            offsetB[q] = 2 * (orbits.OrbitCount + r) * points;
        }

        ReadOnlySpan<double> prod = MemoryMarshal.Cast<Complex, double>(products);
        Span<double> a0 = MemoryMarshal.Cast<Complex, double>(ab0), b0 = MemoryMarshal.Cast<Complex, double>(ba0);
        Span<double> a1 = MemoryMarshal.Cast<Complex, double>(ab1), b1 = MemoryMarshal.Cast<Complex, double>(ba1);
        for (int i = 0, p = 0; i < n; i++)
        {
            int kx = SpectralGrid.SignedIndex(i, n);
            for (int j = 0; j < n; j++, p += h)
            {
                int ky = SpectralGrid.SignedIndex(j, n);
                for (int q = 0; q < batch; q++)
                {
                    int x = signX[q] * (swap[q] ? ky : kx), y = signY[q] * (swap[q] ? kx : ky);
                    int source = 2 * (((x + (n / 2)) * (n + 1)) + y + (n / 2)) * h;
                    ReadOnlySpan<double> row = prod.Slice(2 * ((q * count) + p), 2 * h);
                    Span<double> gainA = term[q] == 0 ? a0 : a1, gainB = term[q] == 0 ? b0 : b1;
                    if (!gainA.IsEmpty)
                    {
                        MultiplyAdd(table.Slice(offsetA[q] + source, 2 * h), im[q], row, gainA.Slice(2 * p, 2 * h));
                    }

                    if (!gainB.IsEmpty)
                    {
                        MultiplyAdd(table.Slice(offsetB[q] + source, 2 * h), im[q], row, gainB.Slice(2 * p, 2 * h));
                    }
                }
            }
        }

        bool Short(Span<Complex> gain) => !gain.IsEmpty && gain.Length < count;
    }
}
