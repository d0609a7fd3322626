using Kinetics.Boltzmann;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Mixtures;
using Kinetics.PhaseSpace.Integration;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.PhaseSpace.States;
using Kinetics.PhaseSpace.Velocities;
using Kinetics.Quadrature;

namespace Kinetics.PhaseSpace.Tests.Integration;

/// <summary>The diffusive-scaling (micro–macro) step of <see cref="AsymptoticPreservingSolver"/>: docs/limits.md.</summary>
public sealed class DiffusiveMicroMacroTests
{
    private const int Cells = 8;
    private static readonly Mixture Gas = new(new Species("A", 1.0), new Species("B", 2.0));
    private static readonly CartesianGrid Grid = new(12, 6.0);
    private static readonly Lazy<BoltzmannOperator> Op = new(() => BoltzmannOperator.Create(
        Grid,
        CollisionKernelTable.Uniform(Gas, new CollisionKernel(0.0, AngularFunction.Isotropic(1.0 / (4 * Math.PI)))),
        new BoltzmannOptions { Sphere = SphereRule.Octahedron, RadialPoints = 4, ResolutionTolerance = 1e-2 }));

    // Binary mixture at rest, θ = 1, total density 1: c_A = 0.5 + 0.1 cos x, c_B = 0.5 − 0.1 cos x (local Maxwellians); with
    // drift, well-prepared data for the diffusive scaling: species drifts ±0.1ε sin x and a temperature wave of B.
    private static PhaseSpaceState Concentrations(double drift = 0.0)
    {
        var mesh = UniformMesh.Create1D(Cells, 2 * Math.PI);
        var state = new PhaseSpaceState(mesh, VelocityGrid.FromCartesian(Grid), Gas);
        for (int c = 0; c < Cells; c++)
        {
            double x = mesh.CenterX(c), u = drift * Math.Sin(x);
            DiscreteMaxwellian.Fill(Grid, new MacroscopicState(0.5 + (0.1 * Math.Cos(x)), new Velocity3(u, 0, 0), 1.0), 1.0, state.Distribution(c, 0));
            DiscreteMaxwellian.Fill(Grid, new MacroscopicState(0.5 - (0.1 * Math.Cos(x)), new Velocity3(-u, 0, 0), 1.0 + (drift == 0 ? 0.0 : 0.1 * Math.Sin(x))), 2.0, state.Distribution(c, 1));
        }

        return state;
    }

    // Species numbers, x-momentum and energy summed directly from the values (independent of the solver's moments).
    private static double[] Totals(PhaseSpaceState state)
    {
        var totals = new double[4];
        for (int c = 0; c < state.CellCount; c++)
        {
            for (int s = 0; s < 2; s++)
            {
                ReadOnlySpan<double> f = state.Distribution(c, s);
                double m = state.Masses[s];
                for (int p = 0; p < Grid.Count; p++)
                {
                    var v = Grid.Point(p);
                    totals[s] += f[p];
                    totals[2] += m * v.X * f[p];
                    totals[3] += 0.5 * m * v.LengthSquared * f[p];
                }
            }
        }

        return totals;
    }

    // The cos x coefficient of species A's density, (2/n) Σ n_A(x_c) cos x_c.
    private static double CosineMode(PhaseSpaceState state)
    {
        double sum = 0;
        for (int c = 0; c < Cells; c++)
        {
            double n = 0;
            foreach (double value in state.Distribution(c, 0))
            {
                n += value;
            }

            sum += n * Grid.CellVolume * Math.Cos(state.Mesh.CenterX(c));
        }

        return 2.0 * sum / Cells;
    }

    private static AsymptoticPreservingSolver Solver(PhaseSpaceState state, double eps) => AsymptoticPreservingSolver.Create(
        state, Op.Value, new AsymptoticPreservingOptions { Epsilon = eps, Scaling = KineticScaling.Diffusive, Explicit = new PhaseSpaceOptions { Limiter = Kinetics.PhaseSpace.Transport.SlopeLimiter.Unlimited } });

    [Fact]
    public void Steps_ConserveSpeciesMomentumAndEnergy_ForEveryEpsilon_AtOneStep()
    {
        // A drifting, non-isothermal start (the acoustic part of the implicit macroscopic step is active).
        const double step = 0.01;
        foreach (double eps in new[] { 1.0, 1e-3, 1e-6 })
        {
            var state = Concentrations(drift: 0.1 * eps);
            double[] before = Totals(state);
            var solver = Solver(state, eps);
            Assert.True(step <= solver.StableStep, $"ε = {eps}: stable step {solver.StableStep}");
            solver.Run(state, 5 * step, step);
            double[] after = Totals(state);
            for (int k = 0; k < 4; k++)
            {
                double scale = k == 2 ? before[3] : before[k];
                Assert.True(Math.Abs(after[k] - before[k]) < 1e-13 * scale, $"ε = {eps}, total {k}: {before[k]:R} → {after[k]:R}");
            }
        }
    }

    [Fact]
    public void AtAFixedStep_TheSolutionTendsToTheDiffusiveLimit_AsEpsilonFalls()
    {
        // Δt = 0.01 for every ε from 0.1 to 1e−6 (the explicit diffusive step would be ε·Δx/v_max, 1e−7 at ε = 1e−6).
        const double step = 0.01, time = 0.1;
        double[] eps = [0.1, 0.03, 0.01, 1e-6];
        var modes = new double[eps.Length];
        for (int i = 0; i < eps.Length; i++)
        {
            var state = Concentrations();
            Solver(state, eps[i]).Run(state, time, step);
            Guard(state);
            modes[i] = CosineMode(state);
        }

        // Distance to the ε = 1e−6 solution: falls with ε, observed order 1.35 over the decade 0.1 → 0.01 (between the O(ε)
        // of the scheme's lagged non-equilibrium part and the O(ε²) of the model).
        double d1 = Math.Abs(modes[0] - modes[3]), d2 = Math.Abs(modes[1] - modes[3]), d3 = Math.Abs(modes[2] - modes[3]);
        Assert.True(d1 > d2 && d2 > d3, $"distances {d1:E3}, {d2:E3}, {d3:E3}; limit mode {modes[3]:R}");
        Assert.InRange(Math.Log(d1 / d3) / Math.Log(10.0), 1.1, 1.6);

        // The limit: Fick's law for two species, D = Δ_AB/C₀ = θ/μ_AB = 1.5 (Maxwell molecules, B = 1/(4π)), on the centred
        // (wide) stencil of the scheme: the mode decays like exp(−D sin²(kΔx)/Δx² t).
        double dx = 2 * Math.PI / Cells, amplitude = 0.1 * 2.0 / Cells * Enumerable.Range(0, Cells).Sum(c => Math.Cos((c + 0.5) * dx) * Math.Cos((c + 0.5) * dx));
        double fick = amplitude * Math.Exp(-1.5 * Math.Pow(Math.Sin(dx) / dx, 2) * time);
        // Observed: the limit decays 14 % faster than Fick (1.33e−2 against 1.145e−2): the N = 12 grid's linearised operator
        // (momentum exchange 4–6 % low, a spurious heat flux of the diffusion mode; docs/limits.md). Margin 1.4×.
        Assert.True(Math.Abs(modes[3] - fick) < 0.2 * (amplitude - fick), $"mode {modes[3]:R} against Fick {fick:R} (decay {amplitude - fick:R})");
    }

    [Fact]
    public void AtTheStableStep_StaysBoundedForEpsilonFromOneToOneMillionth()
    {
        // 20 steps at the solver's own stable step (0.13 below ε ≈ 1 on this mesh): the mode decays, nothing grows.
        foreach (double eps in new[] { 1.0, 0.1, 1e-2, 1e-4, 1e-6 })
        {
            var state = Concentrations();
            var solver = Solver(state, eps);
            double initial = CosineMode(state);
            for (int n = 0; n < 20; n++)
            {
                solver.Step(state, solver.StableStep);
            }

            Guard(state);
            double mode = CosineMode(state);
            Assert.True(Math.Abs(mode) < initial, $"ε = {eps}: mode {initial:R} → {mode:R}");
        }
    }

    private static void Guard(PhaseSpaceState state)
    {
        foreach (double value in state.Data)
        {
            Assert.True(double.IsFinite(value));
        }
    }
}
