using FsCheck;
using FsCheck.Fluent;
using Kinetics.Mixtures;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.PhaseSpace.Parallel;
using Kinetics.PhaseSpace.States;
using Kinetics.PhaseSpace.Transport;
using Kinetics.PhaseSpace.Velocities;
using Kinetics.Tests;

namespace Kinetics.PhaseSpace.Tests.Transport;

public sealed class FreeTransportTests
{
    private static readonly Mixture Two = new(new Species("A", 1.0), new Species("B", 8.0 / 7.0));

    // Rough, positive, multi-bump states: random values in (0, 1] with random spikes, per species.
    private static Gen<double[]> RoughValues(int length) =>
        Gen.Choose(0, int.MaxValue).Select(seed =>
        {
            var random = new Random(seed);
            var values = new double[length];
            for (int i = 0; i < length; i++)
            {
                values[i] = random.NextDouble() < 0.1 ? 10 * random.NextDouble() : random.NextDouble();
            }

            return values;
        });

    [Theory]
    [InlineData(1, SlopeLimiter.VanLeer)]
    [InlineData(2, SlopeLimiter.MonotonizedCentral)]
    [InlineData(2, SlopeLimiter.Unlimited)]
    public void Advance_ConservesEverySpeciesMassToRoundOff_Periodic(int dimension, SlopeLimiter limiter)
    {
        var mesh = dimension == 1 ? UniformMesh.Create1D(12, 3.0) : UniformMesh.Create2D(6, 5, 2.0, 1.5);
        var grid = new VelocityGrid(dimension == 1 ? 3 : 2, 6, 4.0);
        var transport = FreeTransport.Create(mesh, grid, limiter);
        var template = new PhaseSpaceState(mesh, grid, Two);
        PropertyCheck.Run(30, Prop.ForAll(RoughValues(template.Data.Length).ToArbitrary(), values =>
        {
            var state = template.Clone();
            values.CopyTo(state.Data);
            var before = SpeciesTotals(state);
            var workspace = transport.CreateWorkspace(state);
            for (int step = 0; step < 5; step++)
            {
                transport.Advance(state, 0.9 * transport.MaxStableStep, SerialCommunicator.Instance, workspace);
            }

            var after = SpeciesTotals(state);
            for (int s = 0; s < 2; s++)
            {
                // Sums of ~10³ values of order 1: round-off ≈ 1e−13 relative at most; observed ≤ 3e−15.
                Tolerance.AssertRelative(before[s], after[s], 1e-13, $"mass of species {s}");
            }
        }));
    }

    [Fact]
    public void Advance_KeepsUniformStateExactly()
    {
        var mesh = UniformMesh.Create2D(8, 6, 3.0, 2.0);
        var grid = new VelocityGrid(2, 8, 5.0);
        var state = new PhaseSpaceState(mesh, grid, Two);
        state.Fill(0, (_, _, v) => Math.Exp(-v.LengthSquared / 2));
        state.Fill(1, (_, _, v) => Math.Exp(-(v - new Velocity3(0.5, 0, 0)).LengthSquared));
        var initial = state.Data.ToArray();
        var transport = FreeTransport.Create(mesh, grid);
        transport.Advance(state, transport.MaxStableStep, SerialCommunicator.Instance, transport.CreateWorkspace(state));

        // Equal neighbours give equal face fluxes: f − (G − G) = f bitwise.
        Assert.Equal(initial, state.Data.ToArray());
    }

    [Fact]
    public void Advance_In2D_OfDataUniformInY_EqualsThe1DSweep()
    {
        var mesh1 = UniformMesh.Create1D(16, 4.0);
        var mesh2 = UniformMesh.Create2D(16, 4, 4.0, 1.0);
        var grid1 = new VelocityGrid(2, 6, 3.0);
        var one = new PhaseSpaceState(mesh1, grid1, Two);
        var two = new PhaseSpaceState(mesh2, grid1, Two);
        Func<double, double, Velocity3, double> g = (x, _, v) => (1 + (0.5 * Math.Sin(2 * Math.PI * x / 4.0))) * Math.Exp(-v.LengthSquared / 2) * (1 + (0.3 * v.X));
        for (int s = 0; s < 2; s++)
        {
            one.Fill(s, g);
            two.Fill(s, g);
        }

        var t1 = FreeTransport.Create(mesh1, grid1);
        var t2 = FreeTransport.Create(mesh2, grid1);
        double dt = 0.5 * Math.Min(t1.MaxStableStep, t2.MaxStableStep);
        t1.Advance(one, dt, SerialCommunicator.Instance, t1.CreateWorkspace(one));
        t2.Advance(two, dt, SerialCommunicator.Instance, t2.CreateWorkspace(two));

        // The y sweep leaves y-uniform data unchanged bitwise; the x sweep is then the 1-D sweep on every row.
        for (int iy = 0; iy < 4; iy++)
        {
            for (int ix = 0; ix < 16; ix++)
            {
                Assert.Equal(one.Cell(ix).ToArray(), two.Cell(mesh2.Index(ix, iy)).ToArray());
            }
        }
    }

    [Fact]
    public void Advance_RejectsUnstableStep()
    {
        var mesh = UniformMesh.Create1D(8, 1.0);
        var grid = new VelocityGrid(1, 8, 2.0);
        var transport = FreeTransport.Create(mesh, grid);
        var state = new PhaseSpaceState(mesh, grid, Two);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => transport.Advance(state, 2 * transport.MaxStableStep, SerialCommunicator.Instance, transport.CreateWorkspace(state)));
        Assert.Equal("step", e.ParamName);
    }

    [Fact]
    public void Create_RejectsVelocityGridOfLowerDimension()
    {
        var e = Assert.Throws<ArgumentException>(() => FreeTransport.Create(UniformMesh.Create2D(4, 4, 1, 1), new VelocityGrid(1, 8, 2.0)));
        Assert.Equal("velocities", e.ParamName);
    }

    private static double[] SpeciesTotals(PhaseSpaceState state)
    {
        var totals = new double[state.SpeciesCount];
        for (int c = 0; c < state.CellCount; c++)
        {
            for (int s = 0; s < state.SpeciesCount; s++)
            {
                foreach (double f in state.Distribution(c, s))
                {
                    totals[s] += f;
                }
            }
        }

        return totals;
    }
}
