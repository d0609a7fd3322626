using Kinetics.PhaseSpace.Parallel;
using Kinetics.PhaseSpace.Transport;

namespace Kinetics.PhaseSpace.Integration;

/// <summary>Options of a <see cref="PhaseSpaceSolver"/>.</summary>
public sealed record PhaseSpaceOptions
{
    /// <summary>The slope limiter of transport and force term (default van Leer).</summary>
    public SlopeLimiter Limiter { get; init; } = SlopeLimiter.VanLeer;

    /// <summary>Target Courant number of the spatial transport, in (0, 1] (default 0.8).</summary>
    public double Cfl { get; init; } = 0.8;

    /// <summary>
    /// True (default) to solve Gauss's law for the self-consistent field when some species is charged; the k = 0 mode
    /// is dropped (a uniform neutralising background). False for no field at all.
    /// </summary>
    public bool SelfConsistentField { get; init; } = true;

    /// <summary>Threads over cells within a process (−1: the runtime's default).</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>The process communicator (default: one process).</summary>
    public IDomainCommunicator Communicator { get; init; } = SerialCommunicator.Instance;
}
