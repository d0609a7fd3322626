using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Kinetics.PhaseSpace.Parallel;

namespace Kinetics.Cli.Commands.Flow;

/// <summary>
/// What every `kinetics flow` scenario shares: the process communicator (MPI when launched by <c>mpirun</c>, one
/// process otherwise, so the tool runs without MPI installed), the thread option, and the error contract — a bad
/// argument or a failed run prints one line on standard error, or exactly one JSON object with an <c>error</c> field
/// under <c>--json</c>, and exits with status 2 (bad input) or 1 (failure). Only rank 0 writes output.
/// </summary>
internal static class FlowRuntime
{
    public static Option<int> CreateThreadsOption() =>
        new("--threads") { Description = "Threads over cells within each process (-1: all cores).", DefaultValueFactory = _ => -1 };

    /// <summary>
    /// The threads per process: the option's value, or with −1 the cores shared evenly between the processes on this
    /// machine (MPICH's ranks poll while they wait, so more threads than cores slows a distributed run down).
    /// </summary>
    public static int Threads(int option, IDomainCommunicator communicator) =>
        option > 0 ? option : Math.Max(1, Environment.ProcessorCount / communicator.Size);

    /// <summary>Runs <paramref name="body"/> with the communicator; maps exceptions to the error contract.</summary>
    public static int Execute(string command, bool json, Func<IDomainCommunicator, JsonOutput?, int> body)
    {
        MpiCommunicator? mpi = null;
        try
        {
            mpi = MpiCommunicator.IsLaunchedByMpi ? MpiCommunicator.Start() : null;
            IDomainCommunicator communicator = (IDomainCommunicator?)mpi ?? SerialCommunicator.Instance;
            var output = communicator.Rank == 0 ? new JsonOutput(json) : null;
            return body(communicator, output);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or UnauthorizedAccessException or DllNotFoundException)
        {
            string message = $"kinetics {command}: {e.Message}";
            if (json)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new Dictionary<string, string> { ["error"] = message }));
            }
            else
            {
                Console.Error.WriteLine(message);
            }

            return e is ArgumentException ? 2 : 1;
        }
        finally
        {
            mpi?.Dispose();
        }
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the option unless min ≤ value ≤ max.</summary>
    public static void Check(string option, double value, double min, double max)
    {
        if (!(value >= min && value <= max))
        {
            throw new ArgumentOutOfRangeException(option, value, string.Create(CultureInfo.InvariantCulture, $"{option} must be in [{min}, {max}] (was {value})."));
        }
    }

    /// <summary>Checks that the directory of <paramref name="path"/> exists (before any computation).</summary>
    public static void CheckOutputPath(string option, string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is null || !Directory.Exists(directory))
        {
            throw new ArgumentException($"{option}: the directory of '{path}' does not exist.", option);
        }
    }
}
