using Kinetics.Grids;
using Kinetics.Landau;
using Kinetics.Mixtures;
using Kinetics.PhaseSpace.Boundaries;
using Kinetics.PhaseSpace.Fields;
using Kinetics.PhaseSpace.Integration;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.PhaseSpace.Parallel;
using Kinetics.PhaseSpace.Velocities;

namespace Kinetics.PhaseSpace.Tests.Parallel;

// Distributed runs on per-species velocity grids reproduce the single-process run bit for bit (docs/phase-space.md,
// "Per-species velocity grids"): the halo rows, gathers and fingerprints carry each cell's Σ_α N_α^d values.
public sealed class SpeciesGridsParallelTests
{
    private static string[] OnRanks(int ranks, Func<IDomainCommunicator, string> run)
    {
        var communicators = ThreadedCommunicator.Create(ranks);
        var fingerprints = new string[ranks];
        var threads = Enumerable.Range(0, ranks).Select(r => new Thread(() => fingerprints[r] = run(communicators[r]))).ToArray();
        foreach (var t in threads)
        {
            t.Start();
        }

        foreach (var t in threads)
        {
            t.Join();
        }

        return fingerprints;
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(2, true)]
    public void VlasovPoisson_PerSpeciesGrids_OnSeveralRanks_ReproducesOneRankBitwise(int ranks, bool walls)
    {
        // Electrons on a wide 1V grid, ions (mass 16) on a 4× narrower one with another N, off-centre when periodic.
        var mesh = UniformMesh.Create1D(12, 4 * Math.PI);
        var mixture = new Mixture(new Species("e", 1.0, charge: -1.0), new Species("i", 16.0, charge: 1.0));
        VelocityGrid[] grids = [new VelocityGrid(1, 32, 6.0), new VelocityGrid(1, 24, 1.5, new Velocity3(walls ? 0.0 : 0.2, 0, 0))];

        string Run(IDomainCommunicator communicator)
        {
            var options = new PhaseSpaceOptions { Communicator = communicator, MaxDegreeOfParallelism = 1 };
            if (walls)
            {
                options = options with { LowBoundary = WallBoundary.Diffuse(1.0, accommodation: 0.7), HighBoundary = WallBoundary.Specular(), HighField = FieldBoundary.Field(0.05) };
            }

            var state = PhaseSpaceSolver.CreateLocalState(mesh, grids, mixture, options);
            state.Fill(0, (x, _, v) => (1 + (0.1 * Math.Cos(0.5 * x))) * Math.Exp(-v.LengthSquared / 2));
            state.Fill(1, (x, _, v) => Math.Exp(-8 * (v - new Velocity3(0.1, 0, 0)).LengthSquared) * (1 + (0.05 * Math.Sin(0.5 * x))));
            var solver = PhaseSpaceSolver.Create(state, options);
            solver.Run(state, 1.0);
            return solver.Fingerprint(state);
        }

        string single = Run(SerialCommunicator.Instance);
        Assert.All(OnRanks(ranks, Run), f => Assert.Equal(single, f));
    }

    [Fact]
    public void BatchedSpeciesGridCollisions_OnTwoRanks_ReproduceOneRankBitwise()
    {
        var mixture = new Mixture(new Species("light", 1.0), new Species("heavy", 16.0));
        var speciesGrids = SpeciesGrids.ForMaxwellians(mixture, [1.0, 1.0], [Velocity3.Zero, new Velocity3(0.1, 0, 0)], 12);
        var op = SpeciesGridLandauOperator.Create(speciesGrids, mixture, LandauCouplings.Uniform(2), LandauKernel.Coulomb());
        var mesh = UniformMesh.Create1D(6, 2 * Math.PI);
        var grids = VelocityGrid.FromSpeciesGrids(speciesGrids);

        string Run(IDomainCommunicator communicator)
        {
            var options = new PhaseSpaceOptions { Communicator = communicator, MaxDegreeOfParallelism = 1, Collisions = CollisionStep.CreateBatchedOnSpeciesGrids(op, substeps: 2) };
            var state = PhaseSpaceSolver.CreateLocalState(mesh, grids, mixture, options);
            state.Fill(0, (x, _, v) => 0.5 * (1 + (0.2 * Math.Cos(x))) * Math.Pow(2 * Math.PI * 1.2, -1.5) * Math.Exp(-v.LengthSquared / 2.4));
            state.Fill(1, (x, _, v) => 0.5 * (1 - (0.2 * Math.Cos(x))) * Math.Pow(16 / (2 * Math.PI * 0.8), 1.5) * Math.Exp(-16 * (v - new Velocity3(0.1, 0, 0)).LengthSquared / 1.6));
            var solver = PhaseSpaceSolver.Create(state, options);
            double dt = solver.StableStep;
            for (int n = 0; n < 2; n++)
            {
                solver.Step(state, dt);
            }

            return solver.Fingerprint(state);
        }

        string single = Run(SerialCommunicator.Instance);
        Assert.All(OnRanks(2, Run), f => Assert.Equal(single, f));
    }
}
