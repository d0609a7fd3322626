namespace Kinetics.PhaseSpace.Parallel;

/// <summary>
/// The communication a distributed phase-space run needs: the processes (ranks) own consecutive blocks of rows of the
/// mesh's slow axis (<see cref="DomainDecomposition"/>), exchange halo rows with their neighbours, and gather per-cell
/// values in rank order. Reductions are built on the gather, never on a reduction operation, so every sum is taken in
/// the global cell order and a run on P processes reproduces the single-process result bit for bit.
/// </summary>
public interface IDomainCommunicator
{
    /// <summary>This process's rank in [0, <see cref="Size"/>).</summary>
    int Rank { get; }

    /// <summary>The number of processes P.</summary>
    int Size { get; }

    /// <summary>
    /// Sends <paramref name="sendLow"/> to rank − 1 and <paramref name="sendHigh"/> to rank + 1 (periodically, modulo
    /// P) and receives the matching blocks: <paramref name="receiveLow"/> from rank − 1 (its <c>sendHigh</c>) and
    /// <paramref name="receiveHigh"/> from rank + 1 (its <c>sendLow</c>). All four arrays have the same length on every rank.
    /// </summary>
    /// <param name="sendLow">The block for the lower neighbour.</param>
    /// <param name="sendHigh">The block for the upper neighbour.</param>
    /// <param name="receiveLow">Receives the lower neighbour's upper block.</param>
    /// <param name="receiveHigh">Receives the upper neighbour's lower block.</param>
    void ExchangeHalo(double[] sendLow, double[] sendHigh, double[] receiveLow, double[] receiveHigh);

    /// <summary>Concatenates every rank's <paramref name="local"/> in rank order into <paramref name="gathered"/> on every rank.</summary>
    /// <param name="local">This rank's values (length <c>counts[Rank]</c>).</param>
    /// <param name="counts">The length contributed by each rank.</param>
    /// <param name="gathered">Receives Σ counts values.</param>
    void AllGather(double[] local, int[] counts, double[] gathered);
}
