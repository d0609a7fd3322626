using System.Runtime.InteropServices;

namespace Kinetics.PhaseSpace.Parallel;

/// <summary>
/// <see cref="IDomainCommunicator"/> over MPI (MPI.NET with MPICH) on the world communicator. Only typed array
/// operations are used (<c>SendReceive&lt;double&gt;</c>, <c>AllgatherFlattened&lt;double&gt;</c>): MPI.NET's object overloads
/// serialise with BinaryFormatter, which .NET 10 removed.
/// </summary>
/// <remarks>
/// MPI.NET imports MS-MPI's <c>msmpi.dll</c>, whose ABI is MPICH's; on Linux the import is mapped to
/// <c>libmpich.so.12</c> before the first MPI call. Nothing here touches MPI until <see cref="Start"/>, so programs that
/// are not launched by <c>mpirun</c> run without an MPI installation (<see cref="IsLaunchedByMpi"/>). One instance per
/// process; dispose it to finalise MPI. All calls must come from the thread that called <see cref="Start"/>.
/// </remarks>
public sealed class MpiCommunicator : IDomainCommunicator, IDisposable
{
    private static readonly object ResolverLock = new();
    private static bool _resolverSet;
    private readonly MPI.Environment _environment;
    private readonly MPI.Intracommunicator _world;

    private MpiCommunicator(MPI.Environment environment, MPI.Intracommunicator world)
    {
        _environment = environment;
        _world = world;
        Rank = world.Rank;
        Size = world.Size;
    }

    /// <summary>
    /// True when this process was started by an MPI launcher (MPICH's Hydra sets <c>PMI_SIZE</c>; Open MPI's
    /// <c>OMPI_COMM_WORLD_SIZE</c> is recognised too, although MPI.NET cannot use Open MPI).
    /// </summary>
    public static bool IsLaunchedByMpi =>
        !string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable("PMI_SIZE"))
        || !string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable("OMPI_COMM_WORLD_SIZE"));

    /// <inheritdoc/>
    public int Rank { get; }

    /// <inheritdoc/>
    public int Size { get; }

    /// <summary>Initialises MPI (once per process) and returns the world communicator.</summary>
    /// <exception cref="DllNotFoundException">No MPICH library (<c>apt-get install mpich</c>).</exception>
    public static MpiCommunicator Start()
    {
        lock (ResolverLock)
        {
            if (!_resolverSet)
            {
                NativeLibrary.SetDllImportResolver(
                    typeof(MPI.Communicator).Assembly,
                    (name, _, _) => name.Contains("msmpi", StringComparison.OrdinalIgnoreCase) && !OperatingSystem.IsWindows()
                        ? NativeLibrary.Load("libmpich.so.12")
                        : IntPtr.Zero);
                _resolverSet = true;
            }
        }

        string[] arguments = [];
        var environment = new MPI.Environment(ref arguments);
        return new MpiCommunicator(environment, MPI.Communicator.world);
    }

    /// <inheritdoc/>
    public void ExchangeHalo(double[] sendLow, double[] sendHigh, double[] receiveLow, double[] receiveHigh)
    {
        ArgumentNullException.ThrowIfNull(sendLow);
        ArgumentNullException.ThrowIfNull(sendHigh);
        ArgumentNullException.ThrowIfNull(receiveLow);
        ArgumentNullException.ThrowIfNull(receiveHigh);
        int low = (Rank - 1 + Size) % Size, high = (Rank + 1) % Size;

        // Upward shift (tag 1): my upper block to rank + 1, my lower halo from rank − 1; then downward (tag 2).
        double[] buffer = receiveLow;
        _world.SendReceive<double>(sendHigh, high, 1, low, 1, ref buffer);
        CopyIfMoved(buffer, receiveLow);
        buffer = receiveHigh;
        _world.SendReceive<double>(sendLow, low, 2, high, 2, ref buffer);
        CopyIfMoved(buffer, receiveHigh);
    }

    /// <inheritdoc/>
    public void AllGather(double[] local, int[] counts, double[] gathered)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(gathered);
        double[] buffer = gathered;
        _world.AllgatherFlattened<double>(local, counts, ref buffer);
        CopyIfMoved(buffer, gathered);
    }

    /// <summary>Finalises MPI.</summary>
    public void Dispose() => _environment.Dispose();

    private static void CopyIfMoved(double[] received, double[] target)
    {
        if (!ReferenceEquals(received, target))
        {
            received.AsSpan(0, target.Length).CopyTo(target);
        }
    }
}
