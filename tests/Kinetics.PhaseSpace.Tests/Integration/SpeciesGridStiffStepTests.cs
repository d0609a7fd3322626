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
using Xunit.Abstractions;

namespace Kinetics.PhaseSpace.Tests.Integration;

/// <summary>
/// The stiff phase-space steps on per-species velocity grids (docs/species-grids.md, "Stiff steps on per-species grids"):
/// <see cref="CollisionStep.CreateStiffOnSpeciesGrids"/> and <see cref="AsymptoticPreservingSolver"/> (Euler and diffusive
/// scaling) with an operator on a grid per species, for the H₂/N₂/CO₂ masses 2, 28, 44 of seed 002.
/// </summary>
public sealed class SpeciesGridStiffStepTests(ITestOutputHelper output)
{
    private const int Cells = 8;
    private static readonly Mixture Ternary = new(new Species("H2", 2.0), new Species("N2", 28.0), new Species("CO2", 44.0));
    private static readonly CollisionKernelTable Maxwell = CollisionKernelTable.Uniform(Ternary, new CollisionKernel(0.0, AngularFunction.Isotropic(1.0 / (4 * Math.PI))));
    private static readonly BoltzmannOptions Coarse = new() { Sphere = SphereRule.Octahedron, RadialPoints = 4 };

    // Each species on N = 12 points over 6 of its thermal speeds at θ = 1, centred at rest.
    private static readonly Lazy<SpeciesGridBoltzmannOperator> Op = new(() =>
        SpeciesGridBoltzmannOperator.Create(SpeciesGrids.ForMaxwellians(Ternary, [1.0, 1.0, 1.0], default, 12, 6.0), Maxwell, Coarse));

    private static PhaseSpaceState State(SpeciesGrids grids, Func<int, double, MacroscopicState> local)
    {
        var mesh = UniformMesh.Create1D(Cells, 2 * Math.PI);
        var state = new PhaseSpaceState(mesh, VelocityGrid.FromSpeciesGrids(grids), Ternary);
        for (int c = 0; c < Cells; c++)
        {
            double x = mesh.CenterX(c);
            for (int s = 0; s < 3; s++)
            {
                var m = local(s, x);
                DiscreteMaxwellian.Fill(grids[s].Grid, new MacroscopicState(m.Density, m.BulkVelocity - grids[s].Centre, m.Temperature), Ternary[s].Mass, state.Distribution(c, s));
            }
        }

        return state;
    }

    // c = (0.4 + 0.1 cos x, 0.3 − 0.1 cos x, 0.3) at rest, θ = 1: the set-up of `limit maxwell-stefan`, with drifts and a
    // temperature wave of ±drift when asked (non-equilibrium between the species).
    private static PhaseSpaceState Concentrations(double drift = 0.0) => State(Op.Value.Grids, (s, x) => s switch
    {
        0 => new MacroscopicState(0.4 + (0.1 * Math.Cos(x)), new Velocity3(drift * Math.Sin(x), 0, 0), 1.0 + (drift * Math.Sin(x))),
        1 => new MacroscopicState(0.3 - (0.1 * Math.Cos(x)), new Velocity3(-drift * Math.Sin(x), 0, 0), 1.0),
        _ => new MacroscopicState(0.3, Velocity3.Zero, 1.0 - (drift * Math.Cos(x))),
    });

    // Per cell (or summed): species numbers, x-momentum and energy by direct sums at each species' physical points.
    private static double[] Totals(PhaseSpaceState state, int cell = -1)
    {
        var totals = new double[5];
        for (int c = 0; c < state.CellCount; c++)
        {
            if (cell >= 0 && c != cell)
            {
                continue;
            }

            for (int s = 0; s < 3; s++)
            {
                ReadOnlySpan<double> f = state.Distribution(c, s);
                var grid = state.VelocitiesOf(s).ToSpeciesGrid();
                double m = state.Masses[s], h3 = grid.CellVolume;
                for (int p = 0; p < f.Length; p++)
                {
                    var v = grid.Point(p);
                    totals[s] += h3 * f[p];
                    totals[3] += h3 * m * v.X * f[p];
                    totals[4] += h3 * 0.5 * m * v.LengthSquared * f[p];
                }
            }
        }

        return totals;
    }

    private static AsymptoticPreservingSolver Diffusive(PhaseSpaceState state, double eps) => AsymptoticPreservingSolver.CreateOnSpeciesGrids(
        state, Op.Value, new AsymptoticPreservingOptions { Epsilon = eps, Scaling = KineticScaling.Diffusive, Explicit = new PhaseSpaceOptions { Limiter = Kinetics.PhaseSpace.Transport.SlopeLimiter.Unlimited } });

    [Fact]
    public void StiffCollisionStep_ConservesEachCell_AndRelaxesTowardsTheLocalMaxwellian_ForEveryEpsilon()
    {
        // Drifting, two-temperature cells; one stiff collision step Δt = 0.05 (K = 3 iterates). Per cell: species numbers,
        // momentum and energy by direct sums (observed ≤ 4e-15 relative, bound 1e-13); the distance to the cell's mixture
        // Maxwellian after the step falls with ε to the K-iterate floor.
        var step = CollisionStep.CreateStiffOnSpeciesGrids(Op.Value, new StiffCollisionStepOptions { Epsilon = 1.0 });
        var before = Concentrations(drift: 0.1);
        double previous = double.PositiveInfinity;
        foreach (double eps in new[] { 1.0, 1e-3, 1e-6 })
        {
            var state = before.Clone();
            CollisionStep.CreateStiffOnSpeciesGrids(Op.Value, new StiffCollisionStepOptions { Epsilon = eps }).Advance(state, 0.05);
            double worst = 0;
            for (int c = 0; c < Cells; c++)
            {
                double[] x = Totals(before, c), y = Totals(state, c);
                for (int k = 0; k < 5; k++)
                {
                    worst = Math.Max(worst, Math.Abs(y[k] - x[k]) / (k == 3 ? x[4] : x[k]));
                }
            }

            double distance = DistanceToEquilibrium(state);
            output.WriteLine($"ε = {eps:E0}: conservation {worst:E2}, ‖F − M‖/‖M‖ = {distance:E3} (start {DistanceToEquilibrium(before):E3})");
            Assert.True(worst < 1e-13, $"ε = {eps}: {worst:E2}");
            Assert.True(distance < previous, $"ε = {eps}: {distance:E3}");
            previous = distance;
        }

        Assert.True(step.IsStiff);
        Assert.Same(Op.Value, step.SpeciesGridOperator);
    }

    // Σ_α ‖F_α − M_α‖/‖M_α‖ over the cells, M the cell's mixture Maxwellian on each species' grid (common u and θ).
    private static double DistanceToEquilibrium(PhaseSpaceState state)
    {
        var grids = Op.Value.Grids;
        double sum = 0;
        for (int c = 0; c < Cells; c++)
        {
            double[] t = Totals(state, c);
            double rho = (2.0 * t[0]) + (28.0 * t[1]) + (44.0 * t[2]), u = t[3] / rho;
            double theta = 2.0 / 3.0 * (t[4] - (0.5 * rho * u * u)) / (t[0] + t[1] + t[2]);
            for (int s = 0; s < 3; s++)
            {
                var m = new double[grids.Count(s)];
                DiscreteMaxwellian.Fill(grids[s].Grid, new MacroscopicState(t[s], new Velocity3(u, 0, 0) - grids[s].Centre, theta), Ternary[s].Mass, m);
                ReadOnlySpan<double> f = state.Distribution(c, s);
                double d = 0, n = 0;
                for (int p = 0; p < m.Length; p++)
                {
                    d += (f[p] - m[p]) * (f[p] - m[p]);
                    n += m[p] * m[p];
                }

                sum += Math.Sqrt(d / n);
            }
        }

        return sum;
    }

    [Fact]
    public void Diffusive_ConservesSpeciesMomentumAndEnergy_ForEveryEpsilon()
    {
        // Masses 2, 28, 44 on their own grids, a drifting non-isothermal start (the implicit acoustic part is active), five
        // steps Δt = 0.002: observed ≤ 3e-15 relative, bound 1e-13.
        const double step = 0.002;
        foreach (double eps in new[] { 1.0, 1e-3, 1e-6 })
        {
            var state = Concentrations(drift: 0.1 * eps);
            double[] before = Totals(state);
            var solver = Diffusive(state, eps);
            Assert.True(step <= solver.StableStep, $"ε = {eps}: stable step {solver.StableStep}");
            solver.Run(state, 5 * step, step);
            double[] after = Totals(state);
            double worst = 0;
            for (int k = 0; k < 5; k++)
            {
                worst = Math.Max(worst, Math.Abs(after[k] - before[k]) / (k == 3 ? before[4] : before[k]));
            }

            output.WriteLine($"ε = {eps:E0}: stable step {solver.StableStep:E3}, conservation {worst:E2}");
            Assert.True(worst < 1e-13, $"ε = {eps}: {worst:E2}");
        }
    }

    [Fact]
    public void Diffusive_AtTheStableStep_StaysBoundedAndPositiveForEpsilonFromOneToOneMillionth()
    {
        // 20 steps at the solver's own stable step: the concentration mode of H₂ decays, the densities stay positive.
        foreach (double eps in new[] { 1.0, 1e-2, 1e-6 })
        {
            var state = Concentrations();
            var solver = Diffusive(state, eps);
            double initial = HydrogenMode(state);
            for (int n = 0; n < 20; n++)
            {
                solver.Step(state, solver.StableStep);
            }

            double mode = HydrogenMode(state), smallest = Enumerable.Range(0, Cells).Min(c => Enumerable.Range(0, 3).Min(s => Totals(state, c)[s]));
            output.WriteLine($"ε = {eps:E0}: Δt = {solver.StableStep:E3}, H₂ cos-mode {initial:E4} → {mode:E4}, smallest density {smallest:E3}");
            Assert.All(state.Data.ToArray(), v => Assert.True(double.IsFinite(v), "finite"));
            Assert.True(Math.Abs(mode) < initial, $"ε = {eps}: {initial:R} → {mode:R}");
            Assert.True(smallest > 0.15, $"ε = {eps}: {smallest:R}");
        }
    }

    [Fact]
    public void OnASharedGrid_TheSpeciesGridPathsAreTheSharedOnes()
    {
        // Masses 1 and 2 on one grid (N = 12 on [−6, 6]³): the diffusive AP solver and the stiff collision step with the
        // per-species operator on SpeciesGrids.Shared against the shared-grid operator. Observed max |difference| / max F:
        // 3.9e-14 (diffusive, 3 steps at ε = 1e-3: the equilibrium's moments summed per species, the discrete Maxwellians'
        // Newton stops and the projections' summation order, carried by the macroscopic fluxes' factor Δt/ε = 10) and
        // 2.7e-15 (stiff step, ε = 1e-3); bounds 1e-13 and 1e-14.
        var gas = new Mixture(new Species("A", 1.0), new Species("B", 2.0));
        var grid = new CartesianGrid(12, 6.0);
        var kernels = CollisionKernelTable.Uniform(gas, new CollisionKernel(0.0, AngularFunction.Isotropic(1.0 / (4 * Math.PI))));
        var shared = BoltzmannOperator.Create(grid, kernels, Coarse with { ResolutionTolerance = double.PositiveInfinity });
        var perSpecies = SpeciesGridBoltzmannOperator.Create(SpeciesGrids.Shared(grid, 2), kernels, Coarse);
        var mesh = UniformMesh.Create1D(Cells, 2 * Math.PI);
        var start = new PhaseSpaceState(mesh, VelocityGrid.FromCartesian(grid), gas);
        for (int c = 0; c < Cells; c++)
        {
            double x = mesh.CenterX(c);
            DiscreteMaxwellian.Fill(grid, new MacroscopicState(0.5 + (0.1 * Math.Cos(x)), new Velocity3(0.01 * Math.Sin(x), 0, 0), 1.0), 1.0, start.Distribution(c, 0));
            DiscreteMaxwellian.Fill(grid, new MacroscopicState(0.5 - (0.1 * Math.Cos(x)), Velocity3.Zero, 1.0 + (0.05 * Math.Sin(x))), 2.0, start.Distribution(c, 1));
        }

        var options = new AsymptoticPreservingOptions { Epsilon = 1e-3, Scaling = KineticScaling.Diffusive, Explicit = new PhaseSpaceOptions { Limiter = Kinetics.PhaseSpace.Transport.SlopeLimiter.Unlimited } };
        var a = start.Clone();
        var b = start.Clone();
        AsymptoticPreservingSolver.Create(a, shared, options).Run(a, 0.03, 0.01);
        AsymptoticPreservingSolver.CreateOnSpeciesGrids(b, perSpecies, options).Run(b, 0.03, 0.01);
        double diffusive = MaxDifference(a, b);
        a = start.Clone();
        b = start.Clone();
        var stiff = new StiffCollisionStepOptions { Epsilon = 1e-3 };
        CollisionStep.CreateStiff(shared, stiff).Advance(a, 0.05);
        CollisionStep.CreateStiffOnSpeciesGrids(perSpecies, stiff).Advance(b, 0.05);
        double step = MaxDifference(a, b);
        output.WriteLine($"diffusive {diffusive:E2}, stiff step {step:E2}");
        Assert.True(diffusive < 1e-13, $"{diffusive:E2}");
        Assert.True(step < 1e-14, $"{step:E2}");
    }

    private static double MaxDifference(PhaseSpaceState a, PhaseSpaceState b)
    {
        double worst = 0, max = 0;
        for (int p = 0; p < a.Data.Length; p++)
        {
            worst = Math.Max(worst, Math.Abs(a.Data[p] - b.Data[p]));
            max = Math.Max(max, Math.Abs(a.Data[p]));
        }

        return worst / max;
    }

    // (2/n) Σ_c n_H₂(x_c) cos x_c.
    private static double HydrogenMode(PhaseSpaceState state) =>
        2.0 / Cells * Enumerable.Range(0, Cells).Sum(c => Totals(state, c)[0] * Math.Cos(state.Mesh.CenterX(c)));
}
