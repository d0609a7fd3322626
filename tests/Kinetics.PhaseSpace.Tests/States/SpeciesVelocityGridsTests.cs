using Kinetics.Mixtures;
using Kinetics.PhaseSpace.Boundaries;
using Kinetics.PhaseSpace.Fields;
using Kinetics.PhaseSpace.Integration;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.PhaseSpace.Moments;
using Kinetics.PhaseSpace.Parallel;
using Kinetics.PhaseSpace.States;
using Kinetics.PhaseSpace.Transport;
using Kinetics.PhaseSpace.Velocities;
using Xunit.Abstractions;

namespace Kinetics.PhaseSpace.Tests.States;

// Per-species velocity grids in the phase-space layer: layout, transport, walls, force term and moments
// (docs/phase-space.md, "Per-species velocity grids").
public sealed class SpeciesVelocityGridsTests(ITestOutputHelper output)
{
    private static readonly Mixture Light16 = new(new Species("light", 1.0), new Species("heavy", 16.0));

    // Light species: wide box at rest; heavy: 4× narrower, off-centre along the tangential axis, another N.
    private static VelocityGrid[] Grids(int dimension, Velocity3 heavyCentre) =>
    [
        new VelocityGrid(dimension, 8, 6.0),
        new VelocityGrid(dimension, 6, 1.5, heavyCentre),
    ];

    private static void FillRough(PhaseSpaceState state, int seed)
    {
        var random = new Random(seed);
        Span<double> data = state.Data;
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = random.NextDouble() < 0.1 ? 10 * random.NextDouble() : random.NextDouble();
        }
    }

    // Σ_cells Δx h_α^d Σ_p F (direct sums, not the library's moments).
    private static double[] SpeciesMasses(PhaseSpaceState state)
    {
        var masses = new double[state.SpeciesCount];
        for (int s = 0; s < masses.Length; s++)
        {
            double w = state.Mesh.CellVolume * Math.Pow(state.SpeciesVelocities[s].Spacing, state.VelocityDimension);
            for (int c = 0; c < state.CellCount; c++)
            {
                foreach (double f in state.Distribution(c, s))
                {
                    masses[s] += w * f;
                }
            }
        }

        return masses;
    }

    [Fact]
    public void Layout_StacksEachSpeciesOnItsOwnGrid()
    {
        var mesh = UniformMesh.Create1D(5, 2.0);
        var grids = Grids(2, new Velocity3(0.5, -0.25, 0));
        var state = new PhaseSpaceState(mesh, grids, Light16);
        Assert.False(state.HasSharedVelocities);
        Assert.Equal(64 + 36, state.CellLength);
        Assert.Equal(0, state.SpeciesOffset(0));
        Assert.Equal(64, state.SpeciesOffset(1));
        Assert.Equal(5 * 100, state.Data.Length);
        state.Distribution(3, 1)[7] = 42.0;
        Assert.Equal(42.0, state.Data[(3 * 100) + 64 + 7]);
        Assert.Throws<InvalidOperationException>(() => state.Velocities);

        // Physical velocities: node (i, j) of the heavy grid is c + (−L + (i + ½)h, −L + (j + ½)h).
        state.Fill(1, (_, _, v) => v.X + (10 * v.Y));
        double h = 0.5;
        Assert.Equal(0.5 + (-1.5 + (2.5 * h)) + (10 * (-0.25 + (-1.5 + (4.5 * h)))), state.Distribution(0, 1)[(2 * 6) + 4], 14);

        // Equal grids given per species are the shared layout, bit for bit the same offsets.
        var shared = new PhaseSpaceState(mesh, [grids[0], grids[0]], Light16);
        Assert.True(shared.HasSharedVelocities);
        Assert.Equal(grids[0], shared.Velocities);
        Assert.Equal(new PhaseSpaceState(mesh, grids[0], Light16).CellLength, shared.CellLength);
    }

    [Theory]
    [InlineData(1, SlopeLimiter.VanLeer)]
    [InlineData(2, SlopeLimiter.MonotonizedCentral)]
    public void Transport_AdvectsEverySpeciesWithItsOwnVelocities(int dimension, SlopeLimiter limiter)
    {
        // Free transport does not couple species: species α of a per-species state must be, bit for bit, a one-species
        // state on α's grid advanced alone. Also conserves every species' mass (periodic).
        var mesh = dimension == 1 ? UniformMesh.Create1D(9, 3.0) : UniformMesh.Create2D(6, 5, 2.0, 1.5);
        var grids = Grids(dimension == 1 ? 3 : 2, dimension == 1 ? new Velocity3(0.7, 0.2, -0.1) : new Velocity3(0.7, -0.4, 0));
        var state = new PhaseSpaceState(mesh, grids, Light16);
        FillRough(state, 7);
        var before = SpeciesMasses(state);
        var singles = new PhaseSpaceState[2];
        for (int s = 0; s < 2; s++)
        {
            singles[s] = new PhaseSpaceState(mesh, grids[s], new Mixture(Light16[s]));
            for (int c = 0; c < state.CellCount; c++)
            {
                state.Distribution(c, s).CopyTo(singles[s].Distribution(c, 0));
            }
        }

        var transport = FreeTransport.Create(mesh, grids, limiter);
        double dt = 0.9 * transport.MaxStableStep;
        double expectedStable = Math.Min(mesh.SpacingX, dimension == 2 ? mesh.SpacingY : double.PositiveInfinity) / Math.Max(6.0 - 0.75, 0.7 + 1.5 - 0.25);
        Assert.Equal(expectedStable, transport.MaxStableStep, 14);
        var workspace = transport.CreateWorkspace(state);
        for (int n = 0; n < 6; n++)
        {
            transport.Advance(state, dt, SerialCommunicator.Instance, workspace);
        }

        var after = SpeciesMasses(state);
        for (int s = 0; s < 2; s++)
        {
            var single = FreeTransport.Create(mesh, grids[s], limiter);
            var singleWorkspace = single.CreateWorkspace(singles[s]);
            for (int n = 0; n < 6; n++)
            {
                single.Advance(singles[s], dt, SerialCommunicator.Instance, singleWorkspace);
            }

            for (int c = 0; c < state.CellCount; c++)
            {
                Assert.True(state.Distribution(c, s).SequenceEqual(singles[s].Distribution(c, 0)), $"species {s}, cell {c}");
            }

            // Sums of ~10³ values of order 1: round-off; observed ≤ 4e−16.
            double drift = Math.Abs(after[s] - before[s]) / before[s];
            output.WriteLine($"species {s}: relative mass drift {drift:E2}");
            Assert.True(drift < 1e-14, $"species {s}: {drift:E2}");
        }
    }

    [Fact]
    public void Transport_EqualGridsPerSpecies_AreBitwiseTheSharedGrid()
    {
        var mesh = UniformMesh.Create1D(8, 2.0);
        var grid = new VelocityGrid(2, 8, 5.0);
        var shared = new PhaseSpaceState(mesh, grid, Light16);
        FillRough(shared, 3);
        var listed = new PhaseSpaceState(mesh, [grid, grid], Light16);
        shared.Data.CopyTo(listed.Data);
        var low = WallBoundary.Diffuse(1.0, new Velocity3(0, 0.3, 0), 0.7);
        var high = WallBoundary.Diffuse(1.5);
        var a = FreeTransport.Create(mesh, grid, SlopeLimiter.VanLeer, low, high);
        var b = FreeTransport.Create(mesh, [grid, grid], SlopeLimiter.VanLeer, low, high);
        var wa = a.CreateWorkspace(shared);
        var wb = b.CreateWorkspace(listed);
        for (int n = 0; n < 4; n++)
        {
            a.Advance(shared, 0.8 * a.MaxStableStep, SerialCommunicator.Instance, wa);
            b.Advance(listed, 0.8 * a.MaxStableStep, SerialCommunicator.Instance, wb);
        }

        Assert.True(shared.Data.SequenceEqual(listed.Data));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.3)]
    [InlineData(0.0)]
    public void Walls_ZeroNetMassFluxPerSpecies(double accommodation)
    {
        // Diffuse (α = 1), partly diffuse and specular walls, each species on its own grid (tangential centre ≠ 0 for the
        // heavy one, normal centre 0): every species' mass is conserved to round-off; the wall re-emits a Maxwellian
        // of the species' own mass on the species' own nodes.
        var mesh = UniformMesh.Create1D(10, 1.0);
        var grids = Grids(2, new Velocity3(0, 0.4, 0));
        var state = new PhaseSpaceState(mesh, grids, Light16);
        FillRough(state, 11);
        var before = SpeciesMasses(state);
        var low = WallBoundary.Diffuse(1.0, new Velocity3(0, -0.5, 0), accommodation);
        var high = WallBoundary.Diffuse(2.0, new Velocity3(0, 0.5, 0), accommodation);
        var transport = FreeTransport.Create(mesh, grids, SlopeLimiter.VanLeer, low, high);
        var workspace = transport.CreateWorkspace(state);
        for (int n = 0; n < 20; n++)
        {
            transport.Advance(state, 0.9 * transport.MaxStableStep, SerialCommunicator.Instance, workspace);
        }

        var after = SpeciesMasses(state);
        for (int s = 0; s < 2; s++)
        {
            double drift = Math.Abs(after[s] - before[s]) / before[s];
            output.WriteLine($"α = {accommodation}, species {s}: relative mass drift {drift:E2}");

            // Observed ≤ 1e−15 (sums of 10³ values); the shared-grid wall test allows 1e−13.
            Assert.True(drift < 1e-13, $"species {s}: {drift:E2}");
        }
    }

    [Fact]
    public void Walls_RefuseAGridNotCentredAtZeroAlongTheNormal()
    {
        var mesh = UniformMesh.Create1D(10, 1.0);
        var e = Assert.Throws<ArgumentException>(() => FreeTransport.Create(mesh, Grids(2, new Velocity3(0.1, 0, 0)), SlopeLimiter.VanLeer, WallBoundary.Specular(), WallBoundary.Specular()));
        Assert.Equal("velocities", e.ParamName);
    }

    [Fact]
    public void ForceTerm_ConservesMassPerCellAndSpecies_AndActsOnEachGridAlone()
    {
        var plasma = new Mixture(new Species("e", 1.0, -1.0), new Species("i", 16.0, 1.0));
        var mesh = UniformMesh.Create1D(6, 1.0);
        var grids = new[] { new VelocityGrid(1, 32, 6.0), new VelocityGrid(1, 24, 1.5, new Velocity3(0.3, 0, 0)) };
        var state = new PhaseSpaceState(mesh, grids, plasma);
        FillRough(state, 5);
        var original = state.Clone();
        double[] e = [0.5, -1.0, 2.0, 0.0, -0.25, 3.0];
        ForceTerm.Create(grids).Advance(state, e, [], 0.3);
        for (int s = 0; s < 2; s++)
        {
            var single = new PhaseSpaceState(mesh, grids[s], new Mixture(plasma[s]));
            for (int c = 0; c < 6; c++)
            {
                original.Distribution(c, s).CopyTo(single.Distribution(c, 0));
            }

            ForceTerm.Create(grids[s]).Advance(single, e, [], 0.3);
            for (int c = 0; c < 6; c++)
            {
                Assert.True(state.Distribution(c, s).SequenceEqual(single.Distribution(c, 0)), $"species {s}, cell {c}");
                double before = original.Distribution(c, s).ToArray().Sum(), after = state.Distribution(c, s).ToArray().Sum();
                Assert.True(Math.Abs(after - before) <= 1e-14 * before, $"species {s}, cell {c}: {before} → {after}");
            }
        }
    }

    [Fact]
    public void Moments_AreTakenOnEachSpeciesOwnGrid()
    {
        // Maxwellians sampled on their own (shifted, scaled) grids: n, u, T from CellMoments must be the sampled
        // parameters to the midpoint rule's spectral accuracy (8 thermal speeds per half-width).
        var mesh = UniformMesh.Create1D(3, 1.0);
        var heavyDrift = new Velocity3(0.4, -0.2, 0.1);
        var grids = new[] { new VelocityGrid(3, 32, 8.0), new VelocityGrid(3, 24, 8.0 * Math.Sqrt(0.5 / 16), heavyDrift) };
        var state = new PhaseSpaceState(mesh, grids, Light16);
        (double N, Velocity3 U, double T)[] truth = [(0.7, new Velocity3(0.05, 0, 0), 1.0), (0.3, heavyDrift + new Velocity3(0.02, 0.01, 0), 0.5)];
        for (int s = 0; s < 2; s++)
        {
            double m = Light16[s].Mass;
            var (n, u, t) = truth[s];
            state.Fill(s, (_, _, v) => n * Math.Pow(m / (2 * Math.PI * t), 1.5) * Math.Exp(-m * (v - u).LengthSquared / (2 * t)));
        }

        for (int s = 0; s < 2; s++)
        {
            var f = CellMoments.Species(state, 1, s);
            Assert.Equal(truth[s].N, f.Density, 12);
            Assert.True((f.BulkVelocity - truth[s].U).Length < 1e-12, $"species {s}: u = {f.BulkVelocity}");
            Assert.Equal(truth[s].T, f.Temperature, 11);
        }

        // The mixture: mass-averaged velocity, temperature about it (closed form of two Maxwellians).
        var mixture = CellMoments.Mixture(state, 2);
        double rho = (0.7 * 1.0) + (0.3 * 16.0);
        var u0 = ((0.7 * 1.0 * truth[0].U) + (0.3 * 16.0 * truth[1].U)) / rho;
        double energy = (1.5 * ((0.7 * 1.0) + (0.3 * 0.5))) + (0.5 * 0.7 * (truth[0].U - u0).LengthSquared) + (0.5 * 0.3 * 16.0 * (truth[1].U - u0).LengthSquared);
        Assert.True((mixture.BulkVelocity - u0).Length < 1e-12);
        Assert.Equal(energy / 1.5, mixture.Temperature, 11);

        var densities = new double[3];
        CellMoments.Densities(state, 1, densities);
        Assert.All(densities, d => Assert.Equal(0.3, d, 12));
    }

    [Fact]
    public void Field_ChargeDensityFromEachSpeciesOwnGrid()
    {
        // Electrons (wide grid) and ions (narrow, drifting grid), ρ = Σ q n with each n from its own grid: a density
        // perturbation of the ions alone gives the field of that charge.
        var plasma = new Mixture(new Species("e", 1.0, -1.0), new Species("i", 16.0, 1.0));
        var mesh = UniformMesh.Create1D(16, 4 * Math.PI);
        var grids = new[] { new VelocityGrid(1, 32, 8.0), new VelocityGrid(1, 32, 2.0, new Velocity3(0.25, 0, 0)) };
        var state = new PhaseSpaceState(mesh, grids, plasma);
        double Maxwell(double m, double v) => Math.Sqrt(m / (2 * Math.PI)) * Math.Exp(-m * v * v / 2);
        state.Fill(0, (_, _, v) => Maxwell(1.0, v.X));
        state.Fill(1, (x, _, v) => (1 + (0.1 * Math.Cos(0.5 * x))) * Maxwell(16.0, v.X - 0.25));
        var solver = PhaseSpaceSolver.Create(state);
        solver.SolveField(state);

        // Gauss: ∂E/∂x = ρ − ⟨ρ⟩ = 0.1 cos(x/2) at the cell centres (each species' n from its own grid, 1 to e^{−79}) → the
        // spectral solve gives E = 0.2 sin(x/2) at the centres. Observed error ≤ 1e−15.
        for (int c = 0; c < 16; c++)
        {
            double x = mesh.CenterX(c);
            Assert.True(Math.Abs(solver.FieldX[c] - (0.2 * Math.Sin(0.5 * x))) < 1e-13, $"cell {c}: {solver.FieldX[c]}");
        }

        var diagnostics = solver.Diagnose(state);
        Assert.Equal(4 * Math.PI, diagnostics.Masses[0], 12);
        Assert.Equal(4 * Math.PI, diagnostics.Masses[1], 12);
        Assert.Equal(16.0 * 0.25 * 4 * Math.PI, diagnostics.Momentum.X, 11);
    }
}
