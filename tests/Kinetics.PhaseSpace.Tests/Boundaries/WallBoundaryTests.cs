using FsCheck;
using FsCheck.Fluent;
using Kinetics.Mixtures;
using Kinetics.PhaseSpace.Boundaries;
using Kinetics.PhaseSpace.Integration;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.PhaseSpace.Moments;
using Kinetics.PhaseSpace.States;
using Kinetics.PhaseSpace.Velocities;
using Kinetics.Tests;
using Xunit.Abstractions;

namespace Kinetics.PhaseSpace.Tests.Boundaries;

public sealed class WallBoundaryTests(ITestOutputHelper output)
{
    private static readonly Mixture Two = new(new Species("A", 1.0), new Species("B", 8.0 / 7.0));

    public static TheoryData<string> Walls => ["specular", "diffuse", "partly-diffuse", "moving"];

    private static WallBoundary Wall(string kind, double temperature) => kind switch
    {
        "specular" => WallBoundary.Specular(),
        "diffuse" => WallBoundary.Diffuse(temperature),
        "partly-diffuse" => WallBoundary.Diffuse(temperature, accommodation: 0.3),
        _ => WallBoundary.Diffuse(temperature, new Velocity3(0, 0.4, 0)),
    };

    [Theory]
    [MemberData(nameof(Walls))]
    public void Walls_ConserveEverySpeciesMassToRoundOff(string kind)
    {
        var mesh = UniformMesh.Create1D(8, 1.0);
        var grid = new VelocityGrid(3, 6, 4.0);
        var options = new PhaseSpaceOptions { LowBoundary = Wall(kind, 1.0), HighBoundary = Wall(kind, 2.0) };
        var template = new PhaseSpaceState(mesh, grid, Two);

        // Rough positive states, far from any wall equilibrium.
        var values = Gen.Choose(0, int.MaxValue).Select(seed =>
        {
            var random = new Random(seed);
            return Enumerable.Range(0, template.Data.Length).Select(_ => random.NextDouble() < 0.1 ? 5 * random.NextDouble() : random.NextDouble()).ToArray();
        });
        PropertyCheck.Run(10, Prop.ForAll(values.ToArbitrary(), v =>
        {
            var state = template.Clone();
            v.CopyTo(state.Data);
            var solver = PhaseSpaceSolver.Create(state, options);
            var before = solver.Diagnose(state);
            for (int step = 0; step < 10; step++)
            {
                solver.Step(state, solver.StableStep);
            }

            var after = solver.Diagnose(state);
            for (int s = 0; s < 2; s++)
            {
                // Round-off of summing ~10⁴ values (observed ≤ 2e−15); every wall face flux sums to zero by construction.
                Tolerance.AssertRelative(before.Masses[s], after.Masses[s], 1e-13, $"{kind}: mass of species {s}");
            }
        }));
    }

    [Fact]
    public void DiffuseWalls_FreeMolecularHeatFlux_MatchesClosedForm1V()
    {
        // Collisionless gas between diffuse walls at T₁ (x = 0) and T₂ (x = 1), 1V. Steady state: F = n₁𝓜_{T₁} for v > 0,
        // n₂𝓜_{T₂} for v < 0, n₁√T₁ = n₂√T₂ (no net flux), (n₁ + n₂)/2 = n̄. In 1V the half-range energy flux is T·Γ with
        // Γ = n√(T/2πm), so q = Γ(T₁ − T₂), Γ = 2n̄√(T₁T₂)/((√T₁ + √T₂)√(2πm)).
        const double T1 = 1.0, T2 = 2.0, N = 1.0;
        double gamma = 2 * N * Math.Sqrt(T1 * T2) / ((Math.Sqrt(T1) + Math.Sqrt(T2)) * Math.Sqrt(2 * Math.PI));
        double exact = gamma * (T1 - T2);
        var mesh = UniformMesh.Create1D(16, 1.0);
        var grid = new VelocityGrid(1, 256, 10.0);
        var state = new PhaseSpaceState(mesh, grid, new Mixture(new Species("n", 1.0)));
        state.Fill(0, (_, _, v) => N * Math.Exp(-v.X * v.X / 3) / Math.Sqrt(3 * Math.PI));
        var solver = PhaseSpaceSolver.Create(state, new PhaseSpaceOptions { LowBoundary = WallBoundary.Diffuse(T1), HighBoundary = WallBoundary.Diffuse(T2) });
        double mass0 = solver.Diagnose(state).Masses[0];
        solver.Run(state, 40.0);
        var q = Enumerable.Range(0, 16).Select(c => CellMoments.Species(state, c, 0).HeatFlux.X).ToArray();
        output.WriteLine($"q: closed form {exact:F6}, cells {string.Join(", ", q.Select(x => x.ToString("F6", System.Globalization.CultureInfo.InvariantCulture)))}");

        // Uniform in x (steady, no net flux) and equal to the closed form; observed spread 3e−5, error 2e−4 relative.
        Assert.All(q, x => Tolerance.AssertRelative(exact, x, 5e-3, "heat flux"));
        Tolerance.AssertRelative(mass0, solver.Diagnose(state).Masses[0], 1e-13, "mass");
    }

    [LongFact]
    public void DiffuseWalls_FreeMolecularHeatFlux_MatchesClosedForm3V()
    {
        // 3V: the half-range energy flux is 2T·Γ, so q = 2Γ(T₁ − T₂) with the same Γ.
        const double T1 = 1.0, T2 = 2.0, N = 1.0;
        double gamma = 2 * N * Math.Sqrt(T1 * T2) / ((Math.Sqrt(T1) + Math.Sqrt(T2)) * Math.Sqrt(2 * Math.PI));
        double exact = 2 * gamma * (T1 - T2);
        var mesh = UniformMesh.Create1D(8, 1.0);
        var grid = new VelocityGrid(3, 32, 8.0);
        var state = new PhaseSpaceState(mesh, grid, new Mixture(new Species("n", 1.0)));
        state.Fill(0, (_, _, v) => N * Math.Pow(3 * Math.PI, -1.5) * Math.Exp(-v.LengthSquared / 3));
        var solver = PhaseSpaceSolver.Create(state, new PhaseSpaceOptions { LowBoundary = WallBoundary.Diffuse(T1), HighBoundary = WallBoundary.Diffuse(T2) });
        solver.Run(state, 30.0);
        var q = Enumerable.Range(0, 8).Select(c => CellMoments.Species(state, c, 0).HeatFlux.X).ToArray();
        output.WriteLine($"q: closed form {exact:F6}, cells {string.Join(", ", q)}");
        Assert.All(q, x => Tolerance.AssertRelative(exact, x, 2e-2, "heat flux"));
    }

    [Fact]
    public void Create_RejectsOnlyOneBoundary()
    {
        var state = new PhaseSpaceState(UniformMesh.Create1D(8, 1.0), new VelocityGrid(1, 8, 3.0), Two);
        Assert.Throws<ArgumentException>(() => PhaseSpaceSolver.Create(state, new PhaseSpaceOptions { LowBoundary = WallBoundary.Specular() }));
    }
}
