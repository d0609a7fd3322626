using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Kinetics.Cli.Snapshots;
using Kinetics.Dynamics;
using Kinetics.Grids;
using Kinetics.Mixtures;

namespace Kinetics.Cli.Commands;

/// <summary>The files of `kinetics relax` beyond its table and plots.</summary>
/// <param name="Snapshot">HDF5 snapshot of the final state (null: none).</param>
/// <param name="Checkpoint">HDF5 checkpoint rewritten every <paramref name="CheckpointEvery"/> steps and at the end (null: none).</param>
/// <param name="CheckpointEvery">Steps between checkpoints.</param>
/// <param name="Restart">Checkpoint to continue from (null: start from the initial Maxwellians).</param>
/// <param name="MaxSteps">Budget of accepted steps over the whole run, restarts included.</param>
internal sealed record RelaxFiles(string? Snapshot, string? Checkpoint, int CheckpointEvery, string? Restart, int MaxSteps);

/// <summary>
/// Checkpoint and restart of `kinetics relax`. A run goes in chunks of <see cref="RelaxFiles.CheckpointEvery"/> steps:
/// each chunk stops by cancellation between steps, the checkpoint (state, time and solver counters) is written, and the
/// next chunk continues with <see cref="SpaceHomogeneousSolver.Resume"/>, which takes exactly the steps of the
/// uninterrupted run. So a run killed at any point and restarted from its last checkpoint ends bit for bit where the
/// uninterrupted run ends (<c>state_sha256</c> in the JSON output shows it).
/// </summary>
internal static class RelaxCheckpoints
{
    /// <summary>Reads the restart checkpoint and checks it belongs to this configuration (species, masses, grid).</summary>
    /// <exception cref="ArgumentException">The file is unreadable, not a checkpoint, or from another configuration.</exception>
    public static SpaceHomogeneousResult? ReadRestart(string? path, Mixture mixture, CartesianGrid grid)
    {
        if (path is null)
        {
            return null;
        }

        var snapshot = SnapshotFile.Read(path);
        var counters = snapshot.Solver ?? throw new ArgumentException($"--restart '{path}' is a snapshot, not a checkpoint (no solver counters); write one with --checkpoint.");
        if (!snapshot.Names.SequenceEqual(mixture.Select(s => s.Name)) || !snapshot.Masses.SequenceEqual(mixture.Select(s => s.Mass)))
        {
            throw new ArgumentException($"--restart '{path}' holds species [{string.Join(", ", snapshot.Names)}] with masses [{string.Join(", ", snapshot.Masses)}]; this run has [{string.Join(", ", mixture.Select(s => s.Name))}] with [{string.Join(", ", mixture.Select(s => s.Mass))}]: use the options of the interrupted run.");
        }

        if (snapshot.PointsPerAxis != grid.PointsPerAxis || snapshot.HalfWidth != grid.HalfWidth)
        {
            throw new ArgumentException($"--restart '{path}' is on a grid N = {snapshot.PointsPerAxis}, L = {snapshot.HalfWidth:R}; this run has N = {grid.PointsPerAxis}, L = {grid.HalfWidth:R}: use the options of the interrupted run.");
        }

        return new SpaceHomogeneousResult(snapshot.Distributions, snapshot.Time, counters.Steps, counters.RejectedSteps, counters.Evaluations, counters.MinimumRelativeValue, counters.LargestRelativeCorrection);
    }

    /// <summary>Runs (or continues) to <paramref name="finalTime"/>, writing the checkpoint after every chunk.</summary>
    public static SpaceHomogeneousResult Run(
        SpaceHomogeneousSolver solver,
        double[] initial,
        SpaceHomogeneousResult? start,
        double finalTime,
        RelaxFiles files,
        Mixture mixture,
        CartesianGrid grid,
        StepObserver observer,
        IProgress<SolverProgress> progress,
        CancellationToken interrupt)
    {
        var current = start;
        while (true)
        {
            using var chunk = CancellationTokenSource.CreateLinkedTokenSource(interrupt);
            void Observe(double t, int step, ReadOnlySpan<double> state)
            {
                observer(t, step, state);
                if (files.Checkpoint is not null && step > 0 && step % files.CheckpointEvery == 0)
                {
                    chunk.Cancel();
                }
            }

            current = current is null
                ? solver.Run(initial, finalTime, Observe, progress, chunk.Token)
                : solver.Resume(current, finalTime, Observe, progress, chunk.Token);
            if (files.Checkpoint is not null)
            {
                SnapshotFile.Write(files.Checkpoint, ToSnapshot(current, mixture, grid, withCounters: true));
            }

            interrupt.ThrowIfCancellationRequested();
            if (current.Time >= finalTime || current.Steps >= files.MaxSteps || current.Stop == SolverStop.Failed)
            {
                return current;
            }
        }
    }

    /// <summary>The snapshot of a solver state (with the counters for a checkpoint).</summary>
    public static DistributionSnapshot ToSnapshot(SpaceHomogeneousResult result, Mixture mixture, CartesianGrid grid, bool withCounters) => new(
        result.Time,
        mixture.Select(s => s.Name).ToArray(),
        mixture.Select(s => s.Mass).ToArray(),
        grid.PointsPerAxis,
        grid.HalfWidth,
        result.ToArray(),
        withCounters ? new SolverCounters(result.Steps, result.RejectedSteps, result.Evaluations, result.MinimumRelativeValue, result.LargestRelativeCorrection) : null);

    /// <summary>SHA-256 of the state's IEEE bytes, lower-case hex: equal fingerprints mean bitwise equal states.</summary>
    public static string Fingerprint(ReadOnlySpan<double> state) => Convert.ToHexStringLower(SHA256.HashData(MemoryMarshal.AsBytes(state)));
}
