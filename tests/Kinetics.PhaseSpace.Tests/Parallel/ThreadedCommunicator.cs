using Kinetics.PhaseSpace.Parallel;

namespace Kinetics.PhaseSpace.Tests.Parallel;

/// <summary>
/// P ranks as P threads of one process, for testing the domain decomposition without MPI: every operation deposits
/// this rank's blocks, waits at a barrier, reads the neighbours' blocks, and waits again.
/// </summary>
internal sealed class ThreadedCommunicator : IDomainCommunicator
{
    private readonly Shared _shared;

    private ThreadedCommunicator(Shared shared, int rank)
    {
        _shared = shared;
        Rank = rank;
    }

    public int Rank { get; }

    public int Size => _shared.Size;

    /// <summary>The communicators of P ranks sharing one barrier.</summary>
    public static ThreadedCommunicator[] Create(int size)
    {
        var shared = new Shared(size);
        return Enumerable.Range(0, size).Select(r => new ThreadedCommunicator(shared, r)).ToArray();
    }

    public void ExchangeHalo(double[] sendLow, double[] sendHigh, double[] receiveLow, double[] receiveHigh)
    {
        _shared.Low[Rank] = sendLow;
        _shared.High[Rank] = sendHigh;
        _shared.Barrier.SignalAndWait();
        _shared.High[(Rank - 1 + Size) % Size].AsSpan().CopyTo(receiveLow);
        _shared.Low[(Rank + 1) % Size].AsSpan().CopyTo(receiveHigh);
        _shared.Barrier.SignalAndWait();
    }

    public void AllGather(double[] local, int[] counts, double[] gathered)
    {
        _shared.Low[Rank] = local;
        _shared.Barrier.SignalAndWait();
        int offset = 0;
        for (int r = 0; r < Size; r++)
        {
            _shared.Low[r].AsSpan(0, counts[r]).CopyTo(gathered.AsSpan(offset));
            offset += counts[r];
        }

        _shared.Barrier.SignalAndWait();
    }

    private sealed class Shared(int size)
    {
        public int Size { get; } = size;

        public Barrier Barrier { get; } = new(size);

        public double[][] Low { get; } = new double[size][];

        public double[][] High { get; } = new double[size][];
    }
}
