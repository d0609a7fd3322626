using System.Numerics;
using Kinetics.Spectral;

namespace Kinetics.Boltzmann;

/// <summary>
/// One lane's scratch for the batched shifted products of <see cref="BoltzmannOperator"/>: the partial (x-pass)
/// transforms a batch of σ shares, their factor tables, one plane of the first shifted copy, and the bookkeeping that
/// maps each copy to the partial transform it reads.
/// </summary>
internal sealed class SigmaBatchScratch
{
    public SigmaBatchScratch(Fft3DPlan fft, int partialBuffers, int maxSigmas)
    {
        int n = fft.Size;
        HalfCount = fft.HalfSpectrumCount;
        AxisTableLength = fft.AxisTableLength;
        LastAxisTableLength = fft.LastAxisTableLength;
        Capacity = partialBuffers;
        Partials = new Complex[partialBuffers * HalfCount];
        XTable = new double[AxisTableLength];
        YTables = new double[2 * maxSigmas * AxisTableLength];
        ZTables = new double[2 * maxSigmas * LastAxisTableLength];
        ShiftedPlane = new double[n * n];
        SlotOfKey = new int[4 * maxSigmas];
        SlotSide = new int[partialBuffers];
        SlotSigma = new int[partialBuffers];
        SlotKey = new int[partialBuffers];
        BatchSigmas = new int[maxSigmas];
        BatchSlots = new int[2 * maxSigmas];
    }

    public int HalfCount { get; }

    public int AxisTableLength { get; }

    public int LastAxisTableLength { get; }

    /// <summary>K, the most partial transforms one batch holds.</summary>
    public int Capacity { get; }

    public Complex[] Partials { get; }

    public double[] XTable { get; }

    // [copy = 2·(position in batch) + side][expanded y table]
    public double[] YTables { get; }

    public double[] ZTables { get; }

    public double[] ShiftedPlane { get; }

    // Copy key → partial slot, −1 when the key has no slot in the current batch.
    public int[] SlotOfKey { get; }

    public int[] SlotSide { get; }

    public int[] SlotSigma { get; }

    public int[] SlotKey { get; }

    public int[] BatchSigmas { get; }

    public int[] BatchSlots { get; }

    public Span<Complex> Partial(int slot) => Partials.AsSpan(slot * HalfCount, HalfCount);

    public Span<double> YTable(int copy) => YTables.AsSpan(copy * AxisTableLength, AxisTableLength);

    public Span<double> ZTable(int copy) => ZTables.AsSpan(copy * LastAxisTableLength, LastAxisTableLength);
}
