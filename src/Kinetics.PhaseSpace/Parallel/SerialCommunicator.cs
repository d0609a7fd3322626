namespace Kinetics.PhaseSpace.Parallel;

/// <summary>The single-process communicator: one rank that is its own periodic neighbour.</summary>
public sealed class SerialCommunicator : IDomainCommunicator
{
    private SerialCommunicator()
    {
    }

    /// <summary>The instance.</summary>
    public static SerialCommunicator Instance { get; } = new();

    /// <inheritdoc/>
    public int Rank => 0;

    /// <inheritdoc/>
    public int Size => 1;

    /// <inheritdoc/>
    public void ExchangeHalo(double[] sendLow, double[] sendHigh, double[] receiveLow, double[] receiveHigh)
    {
        ArgumentNullException.ThrowIfNull(sendLow);
        ArgumentNullException.ThrowIfNull(sendHigh);
        ArgumentNullException.ThrowIfNull(receiveLow);
        ArgumentNullException.ThrowIfNull(receiveHigh);
        sendHigh.AsSpan().CopyTo(receiveLow);
        sendLow.AsSpan().CopyTo(receiveHigh);
    }

    /// <inheritdoc/>
    public void AllGather(double[] local, int[] counts, double[] gathered)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(gathered);
        local.AsSpan(0, counts[0]).CopyTo(gathered);
    }
}
