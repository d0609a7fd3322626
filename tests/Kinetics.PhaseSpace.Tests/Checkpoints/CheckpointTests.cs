using Kinetics.Boltzmann;
using Kinetics.Kernels;
using Kinetics.Mixtures;
using Kinetics.PhaseSpace.Boundaries;
using Kinetics.PhaseSpace.Checkpoints;
using Kinetics.PhaseSpace.Integration;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.PhaseSpace.Parallel;
using Kinetics.PhaseSpace.States;
using Kinetics.PhaseSpace.Tests.Parallel;
using Kinetics.PhaseSpace.Transport;
using Kinetics.PhaseSpace.Velocities;

namespace Kinetics.PhaseSpace.Tests.Checkpoints;

/// <summary>
/// Checkpoint and restart of <see cref="PhaseSpaceSolver"/>: a run of 2k steps equals k steps, a checkpoint written to
/// bytes and read back into a fresh state and solver, and k more steps, bit for bit (state fingerprint and the observed
/// history) — on one process, across process counts, and with collisions (whose state-dependent step the clock keeps).
/// A checkpoint from another mesh, grid, species or settings, and damaged files, are refused with a clear message.
/// </summary>
public sealed class CheckpointTests
{
    private static readonly Mixture Plasma = new(new Species("e", 1.0, charge: -1.0), new Species("i", 4.0, charge: 1.0));

    private static PhaseSpaceState PlasmaState(PhaseSpaceOptions options, UniformMesh? mesh = null, VelocityGrid? grid = null, Mixture? mixture = null)
    {
        var state = PhaseSpaceSolver.CreateLocalState(mesh ?? UniformMesh.Create1D(16, 4 * Math.PI), grid ?? new VelocityGrid(1, 32, 5.0), mixture ?? Plasma, options);
        state.Fill(0, (x, _, v) => (1 + (0.1 * Math.Cos(0.5 * x))) * Math.Exp(-v.LengthSquared / 2));
        state.Fill(1, (x, _, v) => Math.Exp(-2 * v.LengthSquared) * (1 + (0.02 * Math.Sin(0.5 * x))));
        return state;
    }

    private static PhaseSpaceCheckpoint RoundTrip(PhaseSpaceCheckpoint checkpoint)
    {
        using var stream = new MemoryStream();
        checkpoint.Write(stream);
        stream.Position = 0;
        return PhaseSpaceCheckpoint.Read(stream);
    }

    [Fact]
    public void VlasovPoisson_KStepsCheckpointRestartKSteps_EqualsTwoKStepsBitwise()
    {
        var options = new PhaseSpaceOptions { MaxDegreeOfParallelism = 1 };
        var reference = PlasmaState(options);
        var solver = PhaseSpaceSolver.Create(reference, options);
        var clock = solver.Schedule(reference, 2.0);
        Assert.True(clock.TotalSteps >= 8, $"{clock.TotalSteps} steps");
        var referenceHistory = new List<double>();
        solver.Run(reference, 2.0, s => referenceHistory.Add(s.FieldEnergy));

        var first = PlasmaState(options);
        var firstSolver = PhaseSpaceSolver.Create(first, options);
        var history = new List<double>();
        var half = firstSolver.Continue(first, firstSolver.Schedule(first, 2.0), clock.TotalSteps / 2, s => history.Add(s.FieldEnergy));
        Assert.Equal(clock.TotalSteps / 2, half.StepsTaken);
        var checkpoint = RoundTrip(firstSolver.CreateCheckpoint(first, half, history.ToArray()));

        // A fresh state (zeros) and solver, as after a process restart.
        var resumed = PhaseSpaceSolver.CreateLocalState(reference.Mesh, reference.Velocities, Plasma, options);
        var resumedSolver = PhaseSpaceSolver.Create(resumed, options);
        var restored = resumedSolver.Restore(checkpoint, resumed);
        Assert.Equal(half, restored);
        var resumedHistory = new List<double>(checkpoint.History.ToArray());
        var end = resumedSolver.Continue(resumed, restored, int.MaxValue, s => resumedHistory.Add(s.FieldEnergy));

        Assert.True(end.IsFinished);
        Assert.Equal(2.0, end.Time, 14);
        Assert.Equal(solver.Fingerprint(reference), resumedSolver.Fingerprint(resumed));
        Assert.Equal(referenceHistory, resumedHistory);
        Assert.NotEqual(firstSolver.Fingerprint(first), solver.Fingerprint(reference));
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 1)]
    [InlineData(2, 3)]
    public void CheckpointOnPRanks_RestartsOnQRanks_Bitwise(int writers, int readers)
    {
        string reference = Serial(out var checkpoint, writers);
        var communicators = ThreadedCommunicator.Create(readers);
        var fingerprints = new string[readers];
        var threads = Enumerable.Range(0, readers).Select(r => new Thread(() =>
        {
            var options = new PhaseSpaceOptions { Communicator = communicators[r], MaxDegreeOfParallelism = 1 };
            var state = PhaseSpaceSolver.CreateLocalState(checkpoint.Mesh, checkpoint.Velocities, Plasma, options);
            var solver = PhaseSpaceSolver.Create(state, options);
            var clock = solver.Restore(checkpoint, state);
            solver.Continue(state, clock);
            fingerprints[r] = solver.Fingerprint(state);
        })).ToArray();
        Array.ForEach(threads, t => t.Start());
        Array.ForEach(threads, t => t.Join());
        Assert.All(fingerprints, f => Assert.Equal(reference, f));
    }

    // The uninterrupted serial fingerprint, and the checkpoint after 5 steps written by `ranks` processes (rank 0's copy).
    private static string Serial(out PhaseSpaceCheckpoint checkpoint, int ranks)
    {
        var serialOptions = new PhaseSpaceOptions { MaxDegreeOfParallelism = 1 };
        var state = PlasmaState(serialOptions);
        var solver = PhaseSpaceSolver.Create(state, serialOptions);
        solver.Run(state, 1.0);
        string reference = solver.Fingerprint(state);

        var communicators = ThreadedCommunicator.Create(ranks);
        var checkpoints = new PhaseSpaceCheckpoint[ranks];
        var threads = Enumerable.Range(0, ranks).Select(r => new Thread(() =>
        {
            var options = new PhaseSpaceOptions { Communicator = communicators[r], MaxDegreeOfParallelism = 1 };
            var local = PlasmaState(options);
            var localSolver = PhaseSpaceSolver.Create(local, options);
            var clock = localSolver.Continue(local, localSolver.Schedule(local, 1.0), 5);
            checkpoints[r] = RoundTrip(localSolver.CreateCheckpoint(local, clock));
        })).ToArray();
        Array.ForEach(threads, t => t.Start());
        Array.ForEach(threads, t => t.Join());
        Assert.All(checkpoints, c => Assert.Equal(checkpoints[0].Data.ToArray(), c.Data.ToArray()));
        checkpoint = checkpoints[0];
        return reference;
    }

    [Fact]
    public void CollisionalWallFlow_KStepsCheckpointRestartKSteps_EqualsTwoKStepsBitwise()
    {
        // Two species 1:4 between diffuse walls at different temperatures with the Boltzmann operator: the step comes from
        // the initial collision frequency, which the clock keeps (the restored state's frequency differs).
        var mixture = new Mixture(new Species("a", 1.0), new Species("b", 4.0));
        var grid = new VelocityGrid(3, 8, 5.0);
        // A coarse grid (the test compares two paths to the same arithmetic, not accuracy): resolution check relaxed.
        var op = BoltzmannOperator.Create(
            grid.ToCartesian(),
            CollisionKernelTable.Uniform(mixture, new CollisionKernel(0.0, AngularFunction.AbsoluteCosine(1.0))),
            new BoltzmannOptions { ResolutionTolerance = 1e-1 });
        var options = new PhaseSpaceOptions
        {
            MaxDegreeOfParallelism = 1,
            LowBoundary = WallBoundary.Diffuse(1.0),
            HighBoundary = WallBoundary.Diffuse(1.5, new Velocity3(0, 0.3, 0)),
            Collisions = CollisionStep.Create(op, new Kinetics.Dynamics.SpaceHomogeneousOptions { FixedStep = 0.05 }),
        };
        var mesh = UniformMesh.Create1D(4, 1.0);
        PhaseSpaceState Initial()
        {
            var state = PhaseSpaceSolver.CreateLocalState(mesh, grid, mixture, options);
            state.Fill(0, (x, _, v) => (1 + (0.2 * x)) * Math.Exp(-v.LengthSquared / 2));
            state.Fill(1, (_, _, v) => 0.5 * Math.Exp(-2 * v.LengthSquared));
            return state;
        }

        var reference = Initial();
        var solver = PhaseSpaceSolver.Create(reference, options);
        var clock = solver.Schedule(reference, 0.1);
        Assert.True(clock.TotalSteps >= 2, $"{clock.TotalSteps} steps");
        solver.Run(reference, 0.1);

        var first = Initial();
        var firstSolver = PhaseSpaceSolver.Create(first, options);
        var half = firstSolver.Continue(first, firstSolver.Schedule(first, 0.1), clock.TotalSteps / 2);
        var checkpoint = RoundTrip(firstSolver.CreateCheckpoint(first, half));
        var resumed = PhaseSpaceSolver.CreateLocalState(mesh, grid, mixture, options);
        var resumedSolver = PhaseSpaceSolver.Create(resumed, options);
        resumedSolver.Continue(resumed, resumedSolver.Restore(checkpoint, resumed));
        Assert.Equal(solver.Fingerprint(reference), resumedSolver.Fingerprint(resumed));
    }

    [Fact]
    public void Restore_CheckpointOfAnotherConfiguration_IsRefusedNamingTheDifference()
    {
        var options = new PhaseSpaceOptions { MaxDegreeOfParallelism = 1 };
        var state = PlasmaState(options);
        var solver = PhaseSpaceSolver.Create(state, options);
        var checkpoint = solver.CreateCheckpoint(state, solver.Schedule(state, 1.0));

        void Refused(PhaseSpaceState other, PhaseSpaceOptions otherOptions, string word)
        {
            var otherSolver = PhaseSpaceSolver.Create(other, otherOptions);
            byte[] before = [.. other.Data.ToArray().SelectMany(BitConverter.GetBytes)];
            var e = Assert.Throws<ArgumentException>(() => otherSolver.Restore(checkpoint, other));
            Assert.Equal("checkpoint", e.ParamName);
            Assert.Contains(word, e.Message, StringComparison.Ordinal);
            Assert.Equal(before, other.Data.ToArray().SelectMany(BitConverter.GetBytes));
        }

        Refused(PlasmaState(options, mesh: UniformMesh.Create1D(32, 4 * Math.PI)), options, "mesh");
        Refused(PlasmaState(options, grid: new VelocityGrid(1, 32, 6.0)), options, "velocity grid");
        Refused(PlasmaState(options, mixture: new Mixture(new Species("e", 1.0, charge: -1.0), new Species("i", 2.0, charge: 1.0))), options, "species");
        var vanLeer = options with { Limiter = SlopeLimiter.Minmod };
        Refused(PlasmaState(vanLeer), vanLeer, "settings");

        // Thread count and communicator do not change a bit of the result, so they are not part of the settings.
        var threaded = options with { MaxDegreeOfParallelism = 2 };
        Assert.Equal(solver.SettingsFingerprint, PhaseSpaceSolver.Create(PlasmaState(threaded), threaded).SettingsFingerprint);
        Assert.Matches("^[0-9a-f]{64}$", checkpoint.SettingsFingerprint);
    }

    [Fact]
    public void Read_DamagedFiles_AreRefusedWithAClearMessage()
    {
        var options = new PhaseSpaceOptions { MaxDegreeOfParallelism = 1 };
        var state = PlasmaState(options);
        var solver = PhaseSpaceSolver.Create(state, options);
        using var stream = new MemoryStream();
        solver.CreateCheckpoint(state, solver.Schedule(state, 1.0)).Write(stream);
        byte[] good = stream.ToArray();

        string Refusal(byte[] bytes) => Assert.Throws<InvalidDataException>(() => PhaseSpaceCheckpoint.Read(new MemoryStream(bytes))).Message;

        Assert.Contains("truncated", Refusal(good[..(good.Length / 2)]), StringComparison.Ordinal);
        Assert.Contains("truncated", Refusal(good[..^1]), StringComparison.Ordinal);
        Assert.Contains("truncated", Refusal(good[..10]), StringComparison.Ordinal);
        Assert.Contains("not a Kinetics phase-space checkpoint", Refusal([]), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("not a Kinetics phase-space checkpoint", Refusal("hello, world"u8.ToArray()), StringComparison.OrdinalIgnoreCase);
        byte[] version = [.. good];
        // Version 2 (per-species grids) is read too: an unknown version is 3.
        BitConverter.TryWriteBytes(version.AsSpan(8), 3);
        Assert.Contains("format version 3", Refusal(version), StringComparison.Ordinal);
        byte[] flipped = [.. good];
        flipped[good.Length / 2] ^= 1;
        Assert.Contains("corrupted", Refusal(flipped), StringComparison.Ordinal);
    }

    [Fact]
    public void Continue_Cancelled_StopsBetweenStepsWithoutThrowing_AndRunThrows()
    {
        var options = new PhaseSpaceOptions { MaxDegreeOfParallelism = 1 };
        var state = PlasmaState(options);
        var solver = PhaseSpaceSolver.Create(state, options);
        using var cancel = new CancellationTokenSource();
        var clock = solver.Continue(state, solver.Schedule(state, 1.0), int.MaxValue, s =>
        {
            if (s.Step == 3)
            {
                cancel.Cancel();
            }
        }, cancel.Token);
        Assert.Equal(3, clock.StepsTaken);
        Assert.False(clock.IsFinished);
        Assert.Throws<OperationCanceledException>(() => solver.Run(state, 1.0, null, cancel.Token));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => solver.Continue(state, clock with { StepsTaken = -1 }));
        Assert.Equal("clock", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => solver.Continue(state, clock, 0));
    }
}
