using System.CommandLine;
using Kinetics.PhaseSpace.Parallel;

namespace Kinetics.Cli.Commands.Flow;

/// <summary>
/// What every `kinetics flow` scenario shares: the process communicator (MPI when launched by <c>mpirun</c>, one
/// process otherwise, so the tool runs without MPI installed), the thread and limiter options. Only rank 0 writes:
/// the other ranks' standard output is discarded, so a distributed run still prints exactly one JSON object. Errors
/// follow <see cref="CommandLineApp"/>'s contract (exceptions propagate to it).
/// </summary>
internal static class FlowRuntime
{
    public static Option<int> CreateThreadsOption() =>
        new Option<int>("--threads") { Description = "Threads over cells within each process (-1: the cores shared evenly between the processes).", DefaultValueFactory = _ => -1 }
            .InRange(-1, 1024);

    public static Option<string> CreateLimiterOption()
    {
        var option = new Option<string>("--limiter") { Description = "Slope limiter of the finite-volume fluxes: van-leer, mc (monotonised central), minmod or none (unlimited).", DefaultValueFactory = _ => "van-leer" };
        option.AcceptOnlyFromAmong("van-leer", "mc", "minmod", "none");
        return option;
    }

    /// <summary>The limiter named by the option.</summary>
    public static Kinetics.PhaseSpace.Transport.SlopeLimiter Limiter(string name) => name switch
    {
        "mc" => Kinetics.PhaseSpace.Transport.SlopeLimiter.MonotonizedCentral,
        "minmod" => Kinetics.PhaseSpace.Transport.SlopeLimiter.Minmod,
        "none" => Kinetics.PhaseSpace.Transport.SlopeLimiter.Unlimited,
        _ => Kinetics.PhaseSpace.Transport.SlopeLimiter.VanLeer,
    };

    /// <summary>
    /// The threads per process: the option's value, or with −1 the cores shared evenly between the processes on this
    /// machine (MPICH's ranks poll while they wait, so more threads than cores slows a distributed run down).
    /// </summary>
    public static int Threads(int option, IDomainCommunicator communicator) =>
        option > 0 ? option : Math.Max(1, Environment.ProcessorCount / communicator.Size);

    /// <summary>Runs <paramref name="body"/> with the communicator (MPI finalised afterwards); rank 0 gets the real output.</summary>
    public static int Execute(bool json, string command, Func<IDomainCommunicator, JsonOutput, int> body)
    {
        using var mpi = MpiCommunicator.IsLaunchedByMpi ? MpiCommunicator.Start() : null;
        IDomainCommunicator communicator = (IDomainCommunicator?)mpi ?? SerialCommunicator.Instance;
        if (communicator.Rank != 0)
        {
            Console.SetOut(TextWriter.Null);
            JsonOutput.ReserveStandardOutput(TextWriter.Null);
        }

        var output = new JsonOutput(json);
        int code = body(communicator, output);
        if (communicator.Rank != 0 && !output.Written)
        {
            output.WriteResult(new { command });
        }

        return code;
    }
}
