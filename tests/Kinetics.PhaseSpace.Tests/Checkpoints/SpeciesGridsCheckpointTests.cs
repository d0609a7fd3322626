using Kinetics.Mixtures;
using Kinetics.PhaseSpace.Checkpoints;
using Kinetics.PhaseSpace.Integration;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.PhaseSpace.States;
using Kinetics.PhaseSpace.Velocities;

namespace Kinetics.PhaseSpace.Tests.Checkpoints;

// Checkpoints of states with a velocity grid per species: format version 2 stores every species' grid; a restart
// continues bit for bit, and a checkpoint on other grids is refused (docs/phase-space.md, "Per-species velocity grids").
public sealed class SpeciesGridsCheckpointTests
{
    private static readonly Mixture Plasma = new(new Species("e", 1.0, charge: -1.0), new Species("i", 16.0, charge: 1.0));
    private static readonly UniformMesh Mesh = UniformMesh.Create1D(12, 4 * Math.PI);
    private static readonly VelocityGrid[] Grids = [new VelocityGrid(1, 32, 6.0), new VelocityGrid(1, 24, 1.5, new Velocity3(0.2, 0, 0))];

    private static PhaseSpaceState State(PhaseSpaceOptions options)
    {
        var state = PhaseSpaceSolver.CreateLocalState(Mesh, Grids, Plasma, options);
        state.Fill(0, (x, _, v) => (1 + (0.1 * Math.Cos(0.5 * x))) * Math.Exp(-v.LengthSquared / 2));
        state.Fill(1, (x, _, v) => Math.Exp(-8 * (v - new Velocity3(0.1, 0, 0)).LengthSquared) * (1 + (0.05 * Math.Sin(0.5 * x))));
        return state;
    }

    [Fact]
    public void PerSpeciesGrids_KStepsCheckpointRestartKSteps_EqualsTwoKStepsBitwise()
    {
        var options = new PhaseSpaceOptions { MaxDegreeOfParallelism = 1 };
        var reference = State(options);
        var solver = PhaseSpaceSolver.Create(reference, options);
        var clock = solver.Schedule(reference, 1.0);
        solver.Run(reference, 1.0);

        var first = State(options);
        var firstSolver = PhaseSpaceSolver.Create(first, options);
        var half = firstSolver.Continue(first, firstSolver.Schedule(first, 1.0), clock.TotalSteps / 2);
        using var stream = new MemoryStream();
        firstSolver.CreateCheckpoint(first, half).Write(stream);
        stream.Position = 0;
        byte[] bytes = stream.ToArray();
        Assert.Equal(PhaseSpaceCheckpointFormat.PerSpeciesGridsVersion, BitConverter.ToInt32(bytes, 8));
        var checkpoint = PhaseSpaceCheckpoint.Read(stream);
        Assert.False(checkpoint.HasSharedVelocities);
        Assert.Equal(Grids, checkpoint.SpeciesVelocities);

        var resumed = PhaseSpaceSolver.CreateLocalState(Mesh, Grids, Plasma, options);
        var resumedSolver = PhaseSpaceSolver.Create(resumed, options);
        var end = resumedSolver.Continue(resumed, resumedSolver.Restore(checkpoint, resumed), int.MaxValue);
        Assert.True(end.IsFinished);
        Assert.Equal(solver.Fingerprint(reference), resumedSolver.Fingerprint(resumed));
    }

    [Fact]
    public void PerSpeciesCheckpoint_OnOtherGrids_IsRefused()
    {
        var options = new PhaseSpaceOptions { MaxDegreeOfParallelism = 1 };
        var state = State(options);
        var solver = PhaseSpaceSolver.Create(state, options);
        var checkpoint = solver.CreateCheckpoint(state, solver.Schedule(state, 1.0));
        VelocityGrid[] other = [Grids[0], new VelocityGrid(1, 24, 1.5)];
        var elsewhere = PhaseSpaceSolver.CreateLocalState(Mesh, other, Plasma, options);
        var e = Assert.Throws<ArgumentException>(() => PhaseSpaceSolver.Create(elsewhere, options).Restore(checkpoint, elsewhere));
        Assert.Contains("velocity grid", e.Message, StringComparison.Ordinal);
        var shared = PhaseSpaceSolver.CreateLocalState(Mesh, Grids[0], Plasma, options);
        Assert.Throws<ArgumentException>(() => PhaseSpaceSolver.Create(shared, options).Restore(checkpoint, shared));
    }
}
