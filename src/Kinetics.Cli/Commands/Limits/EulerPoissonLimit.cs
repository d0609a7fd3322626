using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Kinetics.Boltzmann;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Mixtures;
using Kinetics.PhaseSpace.Integration;
using Kinetics.PhaseSpace.Limits;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.PhaseSpace.Moments;
using Kinetics.PhaseSpace.States;
using Kinetics.PhaseSpace.Transport;
using Kinetics.PhaseSpace.Velocities;
using Kinetics.Quadrature;
using Spectre.Console;

namespace Kinetics.Cli.Commands.Limits;

/// <summary>
/// `kinetics limit euler-poisson`: two charged species (masses 1 and 2, charges 1 and 1/2) under the Vlasov–Poisson–Boltzmann
/// equation in Euler scaling with Knudsen number ε, advanced by the asymptotic-preserving phase-space step at a step that
/// does not depend on ε, against the two-species Euler–Poisson solution (one velocity, one temperature) of the same
/// initial data; the error-versus-ε table and the fitted order (docs/limits.md).
/// </summary>
internal static class EulerPoissonLimit
{
    private const double VelocityHalfWidth = 6.0;
    private static readonly double[] Masses = [1.0, 2.0];
    private static readonly double[] Charges = [1.0, 0.5];

    public static Command Create()
    {
        var eps = new Option<string>("--eps") { Description = "Knudsen numbers ε (comma-separated, at least 2, each in [1e−6, 1]).", DefaultValueFactory = _ => "0.05,0.025,0.0125,0.00625" }.NumberList(2, 12, 1e-6, 1.0);
        var cells = new Option<int>("--cells") { Description = "Cells of the periodic 1-D mesh (one wavelength 2π).", DefaultValueFactory = _ => 32 }.InRange(8, 512);
        var n = new Option<int>("--n") { Description = "Velocity points per axis (3-D grid on [−6, 6]³; even, 2^a·3^b·5^c).", DefaultValueFactory = _ => 12 }.GridSize(8, 24);
        var step = new Option<double>("--step") { Description = "Time step Δt (the same for every ε; at most the transport limit).", DefaultValueFactory = _ => 0.005 }.InRange(1e-4, 0.1);
        var finalTime = new Option<double>("--t-final") { Description = "Final time.", DefaultValueFactory = _ => 1.0 }.InRange(0, 20, minOpen: true);
        var amplitude = new Option<double>("--amplitude") { Description = "δ of the initial density n^A = 1 + δ cos x.", DefaultValueFactory = _ => 0.05 }.InRange(0, 0.5, minOpen: true);
        var json = JsonOutput.CreateOption();
        var command = new Command("euler-poisson", "Vlasov–Poisson–Boltzmann (two species, Euler scaling) at decreasing ε against two-species Euler–Poisson: error table and observed order.")
        {
            eps, cells, n, step, finalTime, amplitude, json,
        };
        command.SetAction(parse => Run(
            new JsonOutput(parse.GetValue(json)),
            LimitTable.ParseEpsilons(parse.GetValue(eps)!),
            parse.GetValue(cells),
            parse.GetValue(n),
            parse.GetValue(step),
            parse.GetValue(finalTime),
            parse.GetValue(amplitude)));
        return command;
    }

    private static int Run(JsonOutput output, double[] epsilons, int cells, int points, double step, double finalTime, double delta)
    {
        var clock = Stopwatch.StartNew();
        const double length = 2 * Math.PI;
        var inv = CultureInfo.InvariantCulture;
        var mesh = UniformMesh.Create1D(cells, length);
        var grid = new CartesianGrid(points, VelocityHalfWidth);
        var velocities = VelocityGrid.FromCartesian(grid);
        var mixture = new Mixture(new Species("A", Masses[0], Charges[0]), new Species("B", Masses[1], Charges[1]));

        // Maxwell molecules, B = 1/(4π) for every pair: ν = n^A + n^B = 2 at equilibrium. The octahedral sphere rule and 4
        // radial nodes keep an evaluation at about 2 ms (N = 12, two species); the resolution check is relaxed to 1e−3
        // because the coarse grid's spectral ringing reaches the box faces (the tails relax by the BGK penalisation).
        var op = BoltzmannOperator.Create(
            grid,
            CollisionKernelTable.Uniform(mixture, new CollisionKernel(0.0, AngularFunction.Isotropic(1.0 / (4 * Math.PI)))),
            new BoltzmannOptions { Sphere = SphereRule.Octahedron, RadialPoints = 4, ResolutionTolerance = 1e-3 });
        var probe = new PhaseSpaceState(mesh, velocities, mixture);
        double stable = AsymptoticPreservingSolver.Create(probe, op, Options(1.0)).StableStep;
        if (step > stable)
        {
            throw new ArgumentException(string.Create(inv, $"--step {step} is above the transport limit {stable:G4} of {cells} cells; lower it or use fewer cells."));
        }

        // The limit: Euler–Poisson on a mesh 8× finer, averaged onto the kinetic cells.
        var (reference, referenceSteps) = EulerPoissonReference(cells, 8, length, delta, finalTime);
        double[] initialA = InitialDensity(cells, length, delta);
        double norm = Math.Sqrt(initialA.Sum(x => (x - 1) * (x - 1)));

        output.Human.WriteLine(string.Create(inv, $"VPB, species A (m = 1, q = 1) and B (m = 2, q = 1/2), Maxwell molecules; n^A = 1 + {delta}·cos x, n^B = 1, θ = 1, u = 0 on [0, 2π)"));
        output.Human.WriteLine(string.Create(inv, $"{cells} cells, N = {points} on [−6, 6]³, Δt = {step}, t = {finalTime}; Euler–Poisson reference on {8 * cells} cells ({referenceSteps} SSP-RK3 steps)"));
        var result = LimitTable.Sweep(output, epsilons, eps =>
        {
            var state = new PhaseSpaceState(mesh, velocities, mixture);
            for (int c = 0; c < cells; c++)
            {
                DiscreteMaxwellian.Fill(grid, new MacroscopicState(initialA[c], Velocity3.Zero, 1.0), Masses[0], state.Distribution(c, 0));
                DiscreteMaxwellian.Fill(grid, new MacroscopicState(1.0, Velocity3.Zero, 1.0), Masses[1], state.Distribution(c, 1));
            }

            var solver = AsymptoticPreservingSolver.Create(state, op, Options(eps));
            return LimitTable.Measure(solver, state, finalTime, step, reference, norm);
        }, string.Create(inv, $"‖(n^A, n^B) − Euler–Poisson‖₂ / ‖n^A(0) − 1‖₂ at t = {finalTime}"), "the discretisation floor (docs/limits.md) is reached.");
        result["step"] = step;
        result["t_final"] = finalTime;
        result["cells"] = cells;
        result["velocity_points"] = points;
        result["amplitude"] = delta;
        result["reference_cells"] = 8 * cells;
        result["error_norm"] = "L2 over cells of (n^A, n^B) minus the Euler–Poisson cell averages, relative to the L2 norm of n^A(0) − 1";
        result["wall_s"] = clock.Elapsed.TotalSeconds;
        output.WriteResult(result);
        return 0;
    }

    // Unlimited (Fromm) slopes: a limiter clips the slopes at the peak of the Maxwellian in the force term on this coarse velocity
    // grid (h = 1), which heats the gas in proportion to |E| and leaves a 2.5 % floor at t = 1 (docs/limits.md).
    private static AsymptoticPreservingOptions Options(double eps) => new()
    {
        Epsilon = eps,
        Explicit = new PhaseSpaceOptions { Limiter = SlopeLimiter.Unlimited },
    };

    private static double[] InitialDensity(int cells, double length, double delta)
    {
        var density = new double[cells];
        double h = length / cells;
        for (int c = 0; c < cells; c++)
        {
            density[c] = 1.0 + (delta * (Math.Sin((c + 1) * h) - Math.Sin(c * h)) / h);
        }

        return density;
    }

    private static (double[] Densities, int Steps) EulerPoissonReference(int cells, int refinement, double length, double delta, double finalTime)
    {
        int fine = cells * refinement;
        var solver = EulerPoisson1D.Create(Masses, Charges, fine, length);
        var densities = new double[2 * fine];
        InitialDensity(fine, length, delta).CopyTo(densities, 0);
        Array.Fill(densities, 1.0, fine, fine);
        var state = new double[solver.VariableCount * fine];
        solver.FromPrimitive(densities, new double[fine], Enumerable.Repeat(1.0, fine).ToArray(), state);
        int steps = solver.Advance(state, finalTime);
        var coarse = new double[2 * cells];
        for (int s = 0; s < 2; s++)
        {
            for (int c = 0; c < cells; c++)
            {
                double sum = 0;
                for (int j = 0; j < refinement; j++)
                {
                    sum += state[(s * fine) + (c * refinement) + j];
                }

                coarse[(s * cells) + c] = sum / refinement;
            }
        }

        return (coarse, steps);
    }
}
