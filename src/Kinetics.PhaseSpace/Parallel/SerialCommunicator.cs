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
        Guard.Length(sendHigh.Length, sendLow.Length, nameof(sendHigh));
        Guard.Length(receiveLow.Length, sendLow.Length, nameof(receiveLow));
        Guard.Length(receiveHigh.Length, sendLow.Length, nameof(receiveHigh));
        sendHigh.AsSpan().CopyTo(receiveLow);
        sendLow.AsSpan().CopyTo(receiveHigh);
    }

    /// <inheritdoc/>
    public void AllGather(double[] local, int[] counts, double[] gathered)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(gathered);
        Guard.Length(counts.Length, 1, nameof(counts));
        Guard.Length(local.Length, counts[0], nameof(counts));
        Guard.Length(gathered.Length, counts[0], nameof(gathered));
        local.AsSpan().CopyTo(gathered);
    }
}
