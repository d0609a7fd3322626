using Kinetics.Mixtures;
using Kinetics.PhaseSpace.Boundaries;
using Kinetics.PhaseSpace.Fields;
using Kinetics.PhaseSpace.Integration;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.PhaseSpace.Parallel;
using Kinetics.PhaseSpace.States;
using Kinetics.PhaseSpace.Velocities;

namespace Kinetics.PhaseSpace.Tests.Parallel;

public sealed class DomainDecompositionTests
{
    [Theory]
    [InlineData(10, 3)]
    [InlineData(7, 7)]
    [InlineData(64, 2)]
    public void Decomposition_CoversEveryRowOnce(int rows, int ranks)
    {
        var d = new DomainDecomposition(rows, ranks);
        int next = 0;
        for (int r = 0; r < ranks; r++)
        {
            Assert.Equal(next, d.FirstRow(r));
            Assert.InRange(d.RowCount(r), rows / ranks, (rows / ranks) + 1);
            next += d.RowCount(r);
        }

        Assert.Equal(rows, next);
    }

    [Theory]
    [InlineData(1, 2, false)]
    [InlineData(1, 3, false)]
    [InlineData(2, 2, false)]
    [InlineData(1, 2, true)]
    [InlineData(2, 2, true)]
    [InlineData(2, 3, true)]
    public void VlasovPoisson_OnSeveralRanks_ReproducesOneRankBitwise(int dimension, int ranks, bool walls)
    {
        // walls: diffuse (α = 0.7) at the low and specular at the high end of the slow axis, the field between them from
        // WallPoissonSolver (grounded low wall, given field at the high wall): the gathered charge is solved on every rank.
        var mesh = dimension == 1 ? UniformMesh.Create1D(16, 4 * Math.PI) : UniformMesh.Create2D(8, 12, 4 * Math.PI, 2 * Math.PI);
        var grid = new VelocityGrid(dimension, dimension == 1 ? 32 : 12, 5.0);
        var mixture = new Mixture(new Species("e", 1.0, charge: -1.0), new Species("i", 4.0, charge: 1.0));

        string Run(IDomainCommunicator communicator, out double[] energies)
        {
            var options = new PhaseSpaceOptions { Communicator = communicator, MaxDegreeOfParallelism = 1 };
            if (walls)
            {
                options = options with
                {
                    LowBoundary = WallBoundary.Diffuse(1.0, accommodation: 0.7),
                    HighBoundary = WallBoundary.Specular(),
                    LowField = FieldBoundary.Grounded,
                    HighField = FieldBoundary.Field(0.05),
                };
            }

            var state = PhaseSpaceSolver.CreateLocalState(mesh, grid, mixture, options);
            state.Fill(0, (x, y, v) => (1 + (0.1 * Math.Cos(0.5 * x)) + (0.05 * Math.Sin(y))) * Math.Exp(-v.LengthSquared / 2));
            state.Fill(1, (x, _, v) => Math.Exp(-2 * v.LengthSquared) * (1 + (0.02 * Math.Sin(0.5 * x))));
            var solver = PhaseSpaceSolver.Create(state, options);
            var history = new List<double>();
            solver.Run(state, 1.0, s => history.Add(s.FieldEnergy));
            energies = [.. history];
            return solver.Fingerprint(state);
        }

        string single = Run(SerialCommunicator.Instance, out double[] reference);
        var communicators = ThreadedCommunicator.Create(ranks);
        var fingerprints = new string[ranks];
        var histories = new double[ranks][];
        var threads = Enumerable.Range(0, ranks).Select(r => new Thread(() => fingerprints[r] = Run(communicators[r], out histories[r]))).ToArray();
        foreach (var t in threads)
        {
            t.Start();
        }

        foreach (var t in threads)
        {
            t.Join();
        }

        Assert.All(fingerprints, f => Assert.Equal(single, f));
        Assert.All(histories, h => Assert.Equal(reference, h));
    }

    [Fact]
    public void Create_RejectsStateOfAnotherRank()
    {
        var mesh = UniformMesh.Create1D(8, 1.0);
        var grid = new VelocityGrid(1, 8, 2.0);
        var communicators = ThreadedCommunicator.Create(2);
        var state = new PhaseSpaceState(mesh, grid, new Mixture(new Species("n", 1.0)), 0, 4);
        var e = Assert.Throws<ArgumentException>(() => PhaseSpaceSolver.Create(state, new PhaseSpaceOptions { Communicator = communicators[1] }));
        Assert.Equal("layout", e.ParamName);
    }
}
