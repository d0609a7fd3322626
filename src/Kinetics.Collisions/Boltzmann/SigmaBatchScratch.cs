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
        MaxBatch = Math.Min(2 * maxSigmas, 16);
        Partials = new Complex[partialBuffers * HalfCount];
        XTable = new double[AxisTableLength];
        YTables = new double[2 * MaxBatch * AxisTableLength];
        ZTables = new double[2 * MaxBatch * LastAxisTableLength];
        ShiftedPlane = new double[n * n];
        PlaneCount = fft.PlaneCount;
        YPlanes = new Complex[2 * MaxBatch * PlaneCount];
        CopyColumns = new int[2 * MaxBatch];
        ColumnSlot = new int[2 * MaxBatch];
        ColumnClass = new int[2 * MaxBatch];
        Order = new int[2 * maxSigmas];
        LowKey = new int[2 * maxSigmas];
        HighKey = new int[2 * maxSigmas];
        SlotOfKey = new int[8 * maxSigmas];
        SlotSide = new int[partialBuffers];
        SlotSigma = new int[partialBuffers];
        SlotKey = new int[partialBuffers];
        BatchSigmas = new int[MaxBatch];
        BatchSlots = new int[2 * MaxBatch];
    }

    public int HalfCount { get; }

    public int PlaneCount { get; }

    public int AxisTableLength { get; }

    public int LastAxisTableLength { get; }

    /// <summary>K, the most partial transforms one batch holds.</summary>
    public int Capacity { get; }

    /// <summary>The most σ (of up to two product terms) one batch holds: bounds the y planes and tables.</summary>
    public int MaxBatch { get; }

    // The virtual σ of one call in batching order, with the smaller and larger of their two copy keys.
    public int[] Order { get; }

    public int[] LowKey { get; }

    public int[] HighKey { get; }

    public Complex[] Partials { get; }

    public double[] XTable { get; }

    // [y job][expanded y table]: one job per distinct (partial, y factors) of the batch.
    public double[] YTables { get; }

    // [copy = 2·(position in batch) + side][expanded z table]
    public double[] ZTables { get; }

    // [y job][one x-plane after its y pass]
    public Complex[] YPlanes { get; }

    // Copy → its y job; y job → the partial slot it reads and its y class.
    public int[] CopyColumns { get; }

    public int[] ColumnSlot { get; }

    public int[] ColumnClass { get; }

    public double[] ShiftedPlane { get; }

    // Copy key → partial slot, −1 when the key has no slot in the current batch.
    public int[] SlotOfKey { get; }

    public int[] SlotSide { get; }

    public int[] SlotSigma { get; }

    public int[] SlotKey { get; }

    public int[] BatchSigmas { get; }

    public int[] BatchSlots { get; }

    public Span<Complex> Partial(int slot) => Partials.AsSpan(slot * HalfCount, HalfCount);

    public Span<double> YTable(int job) => YTables.AsSpan(job * AxisTableLength, AxisTableLength);

    public Span<Complex> YPlane(int job) => YPlanes.AsSpan(job * PlaneCount, PlaneCount);

    public Span<double> ZTable(int copy) => ZTables.AsSpan(copy * LastAxisTableLength, LastAxisTableLength);
}
