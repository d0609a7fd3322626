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
        PlaneCount = fft.PlaneCount;
        YPlanes = new Complex[2 * maxSigmas * PlaneCount];
        CopyColumns = new int[2 * maxSigmas];
        ColumnSlot = new int[2 * maxSigmas];
        ColumnClass = new int[2 * maxSigmas];
        SlotOfKey = new int[4 * maxSigmas];
        SlotSide = new int[partialBuffers];
        SlotSigma = new int[partialBuffers];
        SlotKey = new int[partialBuffers];
        BatchSigmas = new int[maxSigmas];
        BatchSlots = new int[2 * maxSigmas];
    }

    public int HalfCount { get; }

    public int PlaneCount { get; }

    public int AxisTableLength { get; }

    public int LastAxisTableLength { get; }

    /// <summary>K, the most partial transforms one batch holds.</summary>
    public int Capacity { get; }

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
