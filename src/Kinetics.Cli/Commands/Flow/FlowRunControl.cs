using System.CommandLine;
using System.Globalization;
using Kinetics.PhaseSpace.Checkpoints;
using Kinetics.PhaseSpace.Integration;
using Kinetics.PhaseSpace.Parallel;
using Kinetics.PhaseSpace.States;
using Spectre.Console;

namespace Kinetics.Cli.Commands.Flow;

/// <summary>
/// How a `kinetics flow` time loop runs: progress with an ETA, Ctrl+C (stops between steps, writes the checkpoint, exit
/// 130), <c>--checkpoint PATH</c> rewritten every <c>--checkpoint-every</c> steps and when the run stops, <c>--restart
/// PATH</c> to continue an interrupted run bit for bit (<see cref="PhaseSpaceSolver.Restore"/>), and a step budget
/// <c>--max-steps</c>. Under MPI every rank takes the same decisions: the Ctrl+C flag is agreed by a gather after every
/// step, every rank gathers the checkpoint, rank 0 writes it, and every rank reads the restart file.
/// </summary>
internal sealed class FlowRunControl
{
    public Option<string?> Checkpoint { get; } = OutputPrefix.CreateFile("--checkpoint", "Phase-space checkpoint (whole state, clock, settings) rewritten every --checkpoint-every steps and when the run stops; continue an interrupted run with --restart.");

    public Option<int> CheckpointEvery { get; } = new Option<int>("--checkpoint-every") { Description = "Steps between checkpoints.", DefaultValueFactory = _ => 100 }.InRange(1, 100_000_000);

    public Option<string?> Restart { get; } = new Option<string?>("--restart") { Description = "Continue from this checkpoint (same options as the interrupted run); the result equals the uninterrupted run's bit for bit.", HelpName = "PATH" };

    public Option<int> MaxSteps { get; } = new Option<int>("--max-steps") { Description = "Budget of steps (restarts included); the run stops there with a warning, resumable from its checkpoint.", DefaultValueFactory = _ => 100_000_000 }.InRange(1, 100_000_000);

    /// <summary>The options, to add to a command.</summary>
    public IEnumerable<Option> All => [Checkpoint, CheckpointEvery, Restart, MaxSteps];

    /// <summary>The settings given on the command line.</summary>
    public Settings Read(ParseResult parse) =>
        new(parse.GetValue(Checkpoint), parse.GetValue(CheckpointEvery), parse.GetValue(Restart), parse.GetValue(MaxSteps));

    /// <summary>The parsed options.</summary>
    /// <param name="CheckpointPath">Checkpoint file (null: none).</param>
    /// <param name="Every">Steps between checkpoints.</param>
    /// <param name="RestartPath">Checkpoint to continue from (null: start afresh).</param>
    /// <param name="StepBudget">Most steps of the whole run.</param>
    internal sealed record Settings(string? CheckpointPath, int Every, string? RestartPath, int StepBudget)
    {
        /// <summary>Settings for a plain run: no files, no budget.</summary>
        public static Settings None { get; } = new(null, 1, null, int.MaxValue);

        /// <summary>
        /// The restart checkpoint restored into <paramref name="state"/> (null without <c>--restart</c>), checked
        /// against this run's configuration and final time; any problem is an <see cref="ArgumentException"/> (exit 2)
        /// raised before a step is taken.
        /// </summary>
        public PhaseSpaceCheckpoint? Restore(PhaseSpaceSolver solver, PhaseSpaceState state, double finalTime)
        {
            if (RestartPath is null)
            {
                return null;
            }

            PhaseSpaceCheckpoint checkpoint;
            try
            {
                checkpoint = PhaseSpaceCheckpoint.Load(RestartPath);
                solver.Restore(checkpoint, state);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException)
            {
                throw new ArgumentException($"--restart '{RestartPath}': {e.Message.Replace(" (Parameter 'checkpoint')", "", StringComparison.Ordinal)}", e);
            }

            if (checkpoint.Clock.FinalTime != finalTime)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"--restart '{RestartPath}' is from a run to t = {checkpoint.Clock.FinalTime:R}; this run has --t-final {finalTime:R}: use the options of the interrupted run."));
            }

            return checkpoint;
        }
    }

    /// <summary>
    /// Runs (or, after <see cref="Settings.Restore"/>, continues) <paramref name="state"/> to <paramref name="finalTime"/>
    /// with progress, Ctrl+C, checkpoints and the step budget. Returns the clock at the end (not finished when the budget
    /// stopped the run).
    /// </summary>
    /// <exception cref="OperationCanceledException">Ctrl+C (after the checkpoint is written).</exception>
    public static PhaseSpaceRunClock Run(
        PhaseSpaceSolver solver, PhaseSpaceState state, double finalTime, PhaseSpaceCheckpoint? restart, Settings settings,
        IDomainCommunicator communicator, JsonOutput io, string description, Action<PhaseSpaceStep>? observer, Func<double[]> history)
    {
        var clock = restart?.Clock ?? solver.Schedule(state, finalTime);
        using var interrupt = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            interrupt.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        bool cancelled = false;
        try
        {
            void Work(Action<double> report)
            {
                while (!clock.IsFinished && clock.StepsTaken < settings.StepBudget)
                {
                    clock = solver.Continue(state, clock, 1, observer);
                    cancelled = Agree(communicator, interrupt.IsCancellationRequested);
                    report((double)clock.StepsTaken / clock.TotalSteps);
                    bool last = clock.IsFinished || cancelled || clock.StepsTaken >= settings.StepBudget;
                    if (settings.CheckpointPath is not null && (last || clock.StepsTaken % settings.Every == 0))
                    {
                        var checkpoint = solver.CreateCheckpoint(state, clock, history());
                        if (communicator.Rank == 0)
                        {
                            checkpoint.Save(settings.CheckpointPath);
                        }
                    }

                    if (cancelled)
                    {
                        return;
                    }
                }
            }

            if (communicator.Rank == 0)
            {
                ProgressDisplay.Run(io, description, Work);
            }
            else
            {
                Work(_ => { });
            }
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }

        if (cancelled)
        {
            if (settings.CheckpointPath is not null && communicator.Rank == 0)
            {
                Console.Error.WriteLine($"Interrupted after {clock.StepsTaken} of {clock.TotalSteps} steps; continue with --restart {settings.CheckpointPath}.");
            }

            throw new OperationCanceledException();
        }

        if (!clock.IsFinished)
        {
            string how = settings.CheckpointPath is null ? "add --checkpoint to be able to continue it" : $"continue it with --restart {settings.CheckpointPath}";
            io.Warn(string.Create(CultureInfo.InvariantCulture,
                $"the step budget --max-steps {settings.StepBudget} stopped the run at t = {clock.Time:G6} < --t-final {finalTime:G6} ({clock.StepsTaken} of {clock.TotalSteps} steps); {how}."));
        }

        return clock;
    }

    /// <summary>The result of a run the step budget stopped (its warning already given): where it stopped, exit code 0.</summary>
    public static int WriteStopped(JsonOutput io, string command, PhaseSpaceRunClock clock, string fingerprint)
    {
        io.Human.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stopped at t = {clock.Time:G6} after {clock.StepsTaken} of {clock.TotalSteps} steps; fingerprint {fingerprint}"));
        io.WriteResult(new
        {
            command,
            stopped = true,
            t = clock.Time,
            stepsTaken = clock.StepsTaken,
            steps = clock.TotalSteps,
            fingerprint,
        });
        return 0;
    }

    // True on every rank when any rank saw Ctrl+C (one gather per step, so every rank stops after the same step).
    private static bool Agree(IDomainCommunicator communicator, bool local)
    {
        if (communicator.Size == 1)
        {
            return local;
        }

        var all = new double[communicator.Size];
        communicator.AllGather([local ? 1.0 : 0.0], Enumerable.Repeat(1, communicator.Size).ToArray(), all);
        return all.Any(flag => flag != 0.0);
    }
}
