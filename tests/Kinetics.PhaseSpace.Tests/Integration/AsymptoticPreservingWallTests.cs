using Kinetics.Boltzmann;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Limits;
using Kinetics.Mixtures;
using Kinetics.PhaseSpace.Boundaries;
using Kinetics.PhaseSpace.Fields;
using Kinetics.PhaseSpace.Integration;
using Kinetics.PhaseSpace.Limits;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.PhaseSpace.Moments;
using Kinetics.PhaseSpace.States;
using Kinetics.PhaseSpace.Transport;
using Kinetics.PhaseSpace.Velocities;
using Kinetics.Quadrature;
using Xunit.Abstractions;

namespace Kinetics.PhaseSpace.Tests.Integration;

/// <summary>
/// The Euler-scaling asymptotic-preserving step between specular walls against Euler–Poisson between reflecting grounded
/// walls (docs/limits.md, "The AP step between walls"): the set-up of `kinetics limit euler-poisson --boundary walls`. The
/// data carry no charge perturbation (q^A δ − q^B 2δ = 0), so E = 0 at t = 0 and they are compatible with u = 0 at the
/// grounded walls (docs/limits.md: with a charge perturbation the wall field is not balanced at t = 0, a kink that leaves a
/// spatial floor).
/// </summary>
public sealed class AsymptoticPreservingWallTests(ITestOutputHelper output)
{
    private static readonly double[] Masses = [1.0, 2.0];
    private static readonly double[] Charges = [1.0, 0.5];
    private static readonly Mixture Gas = new(new Species("A", 1.0, 1.0), new Species("B", 2.0, 0.5));
    private static readonly CartesianGrid Grid = new(12, 6.0);
    private const double Length = 2 * Math.PI;
    private const double Delta = 0.05;
    private const double K = 0.5; // n^A = 1 + δ cos(x/2), n^B = 1 − 2δ cos(x/2): half a wavelength, no charge perturbation.

    private static BoltzmannOperator Operator() => BoltzmannOperator.Create(
        Grid,
        CollisionKernelTable.Uniform(Gas, new CollisionKernel(0.0, AngularFunction.Isotropic(1.0 / (4 * Math.PI)))),
        new BoltzmannOptions { Sphere = SphereRule.Octahedron, RadialPoints = 4, ResolutionTolerance = 1e-3 });

    private static AsymptoticPreservingOptions Options(double eps) => new()
    {
        Epsilon = eps,
        Explicit = new PhaseSpaceOptions
        {
            Limiter = SlopeLimiter.Unlimited,
            LowBoundary = WallBoundary.Specular(),
            HighBoundary = WallBoundary.Specular(),
            LowField = FieldBoundary.Grounded,
            HighField = FieldBoundary.Grounded,
            NeutralisingBackground = true,
        },
    };

    private static double[] InitialDensity(int cells, double amplitude = Delta)
    {
        double h = Length / cells;
        return [.. Enumerable.Range(0, cells).Select(c => 1.0 + (amplitude * (Math.Sin(K * (c + 1) * h) - Math.Sin(K * c * h)) / (K * h)))];
    }

    private static PhaseSpaceState State(int cells)
    {
        var state = new PhaseSpaceState(UniformMesh.Create1D(cells, Length), VelocityGrid.FromCartesian(Grid), Gas);
        double[] a = InitialDensity(cells), b = InitialDensity(cells, -2 * Delta);
        for (int c = 0; c < cells; c++)
        {
            DiscreteMaxwellian.Fill(Grid, new MacroscopicState(a[c], Velocity3.Zero, 1.0), Masses[0], state.Distribution(c, 0));
            DiscreteMaxwellian.Fill(Grid, new MacroscopicState(b[c], Velocity3.Zero, 1.0), Masses[1], state.Distribution(c, 1));
        }

        return state;
    }

    // Euler–Poisson between reflecting grounded walls on 8× the cells, averaged onto the kinetic cells (species-major).
    private static double[] Reference(int cells, double time)
    {
        const int refinement = 8;
        int fine = cells * refinement;
        var solver = EulerPoisson1D.Create(Masses, Charges, fine, Length, LimitBoundary.Walls, FieldBoundary.Grounded, FieldBoundary.Grounded, neutralisingBackground: true);
        var densities = new double[2 * fine];
        InitialDensity(fine).CopyTo(densities, 0);
        InitialDensity(fine, -2 * Delta).CopyTo(densities, fine);
        var state = new double[4 * fine];
        solver.FromPrimitive(densities, new double[fine], Enumerable.Repeat(1.0, fine).ToArray(), state);
        solver.Advance(state, time);
        var coarse = new double[2 * cells];
        for (int i = 0; i < coarse.Length; i++)
        {
            coarse[i] = state.Skip((i / cells * fine) + (i % cells * refinement)).Take(refinement).Average();
        }

        return coarse;
    }

    // The relative L² distance of (n^A, n^B) from the reference and the largest relative species drift.
    private static (double Error, double Drift) Run(BoltzmannOperator op, int cells, double eps, double step, double time, double[] reference)
    {
        var state = State(cells);
        var solver = AsymptoticPreservingSolver.Create(state, op, Options(eps));
        double[] before = solver.Explicit.Diagnose(state).Masses.ToArray();
        solver.Run(state, time, step);
        double[] after = solver.Explicit.Diagnose(state).Masses.ToArray();
        double sum = 0;
        var density = new double[cells];
        for (int s = 0; s < 2; s++)
        {
            CellMoments.Densities(state, s, density);
            for (int c = 0; c < cells; c++)
            {
                double d = density[c] - reference[(s * cells) + c];
                sum += d * d;
            }
        }

        double norm = Math.Sqrt(InitialDensity(cells).Sum(x => (x - 1) * (x - 1)));
        return (Math.Sqrt(sum) / norm, before.Zip(after, (b, a) => Math.Abs(a - b) / b).Max());
    }

    [Fact]
    public void BetweenSpecularWalls_ConservesSpeciesToRoundOff_AndApproachesEulerPoissonAsEpsilonFalls()
    {
        // 16 cells, Δt = 0.02 (10 steps) for every ε, t = 0.2. Observed: errors 4.2855e−3 (ε = 0.1) and 2.2136e−3 (ε = 0.025),
        // species drift 2.0e−15 and 1.3e−15 (the specular wall's face values cancel pairwise; the relaxation keeps each cell's
        // species).
        var op = Operator();
        const int cells = 16;
        double[] reference = Reference(cells, 0.2);
        var (coarse, drift1) = Run(op, cells, 0.1, 0.02, 0.2, reference);
        var (fine, drift2) = Run(op, cells, 0.025, 0.02, 0.2, reference);
        output.WriteLine($"errors {coarse:E4}, {fine:E4}; species drift {drift1:E2}, {drift2:E2}");
        Assert.True(Math.Max(drift1, drift2) < 2e-14, $"species drift {drift1:E2}, {drift2:E2}");
        Assert.InRange(coarse, 0.9 * 4.2855e-3, 1.1 * 4.2855e-3);
        Assert.InRange(fine, 0.9 * 2.2136e-3, 1.1 * 2.2136e-3);
    }

    [Fact]
    public void BetweenSpecularWalls_StaysBoundedAndConservative_DownToEpsilonOneMillionth()
    {
        // The step does not depend on ε: 10 steps of 0.02 at ε = 1e−6 keep every species' total to round-off and the density
        // positive (observed drift 1.0e−14; the error against Euler–Poisson at t = 0.2, 9.18e−4, is the scheme's ε → 0 floor).
        var op = Operator();
        const int cells = 16;
        double[] reference = Reference(cells, 0.2);
        var (error, drift) = Run(op, cells, 1e-6, 0.02, 0.2, reference);
        output.WriteLine($"ε = 1e−6: error {error:E4}, species drift {drift:E2}");
        Assert.True(drift < 2e-14, $"species drift {drift:E2}");
        Assert.True(error < 1.5e-3, $"error {error:E3}");
    }

    [LongFact]
    public void BetweenSpecularWalls_ConvergesToEulerPoissonAtOrderOne()
    {
        // The command's defaults: 32 cells, N = 12, Δt = 0.005 for every ε, t = 1; ε = 0.05 … 0.00625 (docs/limits.md table).
        var op = Operator();
        const int cells = 32;
        double[] reference = Reference(cells, 1.0);
        double[] eps = [0.05, 0.025, 0.0125, 0.00625];
        var errors = new List<double>();
        foreach (double e in eps)
        {
            var (error, drift) = Run(op, cells, e, 0.005, 1.0, reference);
            output.WriteLine($"ε = {e}: error {error:E4}, species drift {drift:E2}");
            Assert.True(drift < 1e-13, $"ε = {e}: species drift {drift:E2}");
            errors.Add(error);
        }

        for (int i = 1; i < errors.Count; i++)
        {
            Assert.True(errors[i] < errors[i - 1], $"error {errors[i - 1]:E3} → {errors[i]:E3}");
        }

        double order = Math.Log(errors[0] / errors[^1]) / Math.Log(eps[0] / eps[^1]);
        Assert.True(order >= 0.8, $"order {order:F2}");
    }
}
