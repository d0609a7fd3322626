using Kinetics.Tests.BadInput;
using Xunit.Abstractions;

namespace Kinetics.PhaseSpace.Tests.BadInput;

/// <summary>
/// The PhaseSpace half of the bad-input suite (the Collisions half is Kinetics.Collisions.Tests/BadInput): every probe of
/// <see cref="PhaseSpaceBadInputProbes"/> must give a clear error naming its parameter, without hanging or mutating its
/// inputs. Totals are recorded in docs/verification.md.
/// </summary>
public sealed class PhaseSpaceBadInputTests(ITestOutputHelper output)
{
    private const int DefaultCases = 6;

    [Fact]
    public void EveryProbe_GivesAClearError_AndMutatesNothing() => Sweep(DefaultCases);

    [LongFact]
    public void EveryProbe_LargeSweep() => Sweep(DefaultCases * 20);

    [Fact]
    public void TransportWorkspace_SharedByRacingThreads_EitherThrowsOrGivesTheSerialResult()
    {
        var mesh = Kinetics.PhaseSpace.Meshes.UniformMesh.Create1D(64, 2.0);
        var grid = new Kinetics.PhaseSpace.Velocities.VelocityGrid(1, 64, 4.0);
        var state = new Kinetics.PhaseSpace.States.PhaseSpaceState(mesh, grid, new Mixtures.Mixture(new Mixtures.Species("n", 1.0)));
        state.Fill(0, (x, _, v) => (1 + (0.3 * Math.Sin(Math.PI * x))) * Math.Exp(-v.X * v.X / 2));
        var transport = Kinetics.PhaseSpace.Transport.FreeTransport.Create(mesh, grid);
        double dt = 0.5 * transport.MaxStableStep;
        var expected = state.Clone();
        transport.Advance(expected, dt, Kinetics.PhaseSpace.Parallel.SerialCommunicator.Instance, transport.CreateWorkspace(expected), 1);

        var shared = transport.CreateWorkspace(state);
        int wrong = 0, refused = 0, served = 0;
        System.Threading.Tasks.Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 2 }, _ =>
        {
            var copy = state.Clone();
            try
            {
                transport.Advance(copy, dt, Kinetics.PhaseSpace.Parallel.SerialCommunicator.Instance, shared, 1);
                Interlocked.Increment(ref served);
                if (!copy.Data.SequenceEqual(expected.Data))
                {
                    Interlocked.Increment(ref wrong);
                }
            }
            catch (InvalidOperationException)
            {
                Interlocked.Increment(ref refused);
            }
        });
        output.WriteLine($"served {served}, refused {refused}, wrong {wrong}");
        Assert.Equal(0, wrong);
        Assert.Equal(200, served + refused);

        // A workspace of another plan is refused by name.
        var other = Kinetics.PhaseSpace.Transport.FreeTransport.Create(mesh, grid);
        var e = Assert.Throws<ArgumentException>(() => transport.Advance(state.Clone(), dt, Kinetics.PhaseSpace.Parallel.SerialCommunicator.Instance, other.CreateWorkspace(state), 1));
        Assert.Equal("workspace", e.ParamName);
    }

    private void Sweep(int cases) => BadInputRunner.Sweep(PhaseSpaceBadInputProbes.All().Concat(PhaseSpaceBadInputProbes4.All()), cases, output.WriteLine);
}
