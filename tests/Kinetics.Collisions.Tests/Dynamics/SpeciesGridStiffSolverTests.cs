using System.Globalization;
using Kinetics.Boltzmann;
using Kinetics.Distributions;
using Kinetics.Dynamics;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Landau;
using Kinetics.Mixtures;
using Kinetics.Moments;
using Kinetics.Tests.Landau;
using Xunit.Abstractions;

namespace Kinetics.Tests.Dynamics;

public class SpeciesGridStiffSolverTests(ITestOutputHelper output)
{
    private static readonly CollisionKernel Maxwell = new(0.0, AngularFunction.AbsoluteCosine(1.0));

    private static ISpeciesGridCollisionOperator Operator(string kind, SpeciesGrids grids, Mixture mixture) => kind == "landau"
        ? SpeciesGridLandauOperator.Create(grids, mixture, LandauCouplings.Uniform(mixture.Count, 1.0), LandauKernel.Coulomb(LandauNormalization.FlynnGuo))
        : SpeciesGridBoltzmannOperator.Create(grids, CollisionKernelTable.Uniform(mixture, Maxwell));

    private static double[] Maxwellians(SpeciesGrids grids, Mixture mixture, params MacroscopicState[] states)
    {
        double[] values = new double[grids.TotalCount];
        for (int a = 0; a < grids.SpeciesCount; a++)
        {
            var s = states[a];
            Maxwellian.Fill(grids[a].Grid, new MacroscopicState(s.Density, s.BulkVelocity - grids[a].Centre, s.Temperature), mixture[a].Mass, grids.Slice(values.AsSpan(), a));
        }

        return values;
    }

    // A random non-Maxwellian mixture: per species two bumps drifting in random directions with different temperatures
    // (anisotropic, not a Maxwellian), each species on its own grid around its bumps.
    private static (SpeciesGrids Grids, double[] State) RandomMixture(Mixture mixture, int seed, int n)
    {
        var random = new Random(seed);
        double Uniform(double lo, double hi) => lo + ((hi - lo) * random.NextDouble());
        Velocity3 Direction() => new(Uniform(-1, 1), Uniform(-1, 1), Uniform(-1, 1));
        int s = mixture.Count;
        var first = new MacroscopicState[s];
        var second = new MacroscopicState[s];
        var temperatures = new double[s];
        var drifts = new Velocity3[s];
        for (int a = 0; a < s; a++)
        {
            double t = Uniform(0.6, 1.4), c = Math.Sqrt(t / mixture[a].Mass);
            var u1 = 0.5 * c * Direction();
            var u2 = -0.4 * c * Direction();
            first[a] = new MacroscopicState(Uniform(0.3, 0.7), u1, 0.8 * t);
            second[a] = new MacroscopicState(Uniform(0.1, 0.4), u2, 1.2 * t);
            temperatures[a] = 1.3 * t;
            drifts[a] = 0.5 * (u1 + u2);
        }

        var grids = SpeciesGrids.ForMaxwellians(mixture, temperatures, drifts, n);
        double[] f = Maxwellians(grids, mixture, first);
        double[] g = Maxwellians(grids, mixture, second);
        for (int p = 0; p < f.Length; p++)
        {
            f[p] += g[p];
        }

        return (grids, f);
    }

    // (n_α, Σ m_α∫v F_α, Σ ∫(m_α/2)|v|²F_α, Σ m_α∫|v||F_α|) by direct sums over each species' physical points.
    private static (double[] Densities, Velocity3 Momentum, double Energy, double MomentumScale) Conserved(SpeciesGrids grids, Mixture mixture, ReadOnlySpan<double> state)
    {
        var densities = new double[grids.SpeciesCount];
        var momentum = Velocity3.Zero;
        double energy = 0, scale = 0;
        for (int a = 0; a < grids.SpeciesCount; a++)
        {
            ReadOnlySpan<double> f = grids.Slice(state, a);
            double m = mixture[a].Mass, h3 = grids[a].CellVolume;
            for (int p = 0; p < f.Length; p++)
            {
                var v = grids[a].Point(p);
                densities[a] += h3 * f[p];
                momentum += (h3 * m * f[p]) * v;
                energy += h3 * 0.5 * m * v.LengthSquared * f[p];
                scale += h3 * m * v.Length * Math.Abs(f[p]);
            }
        }

        return (densities, momentum, energy, scale);
    }

    private static double ConservationError(SpeciesGrids grids, Mixture mixture, ReadOnlySpan<double> before, ReadOnlySpan<double> after)
    {
        var x = Conserved(grids, mixture, before);
        var y = Conserved(grids, mixture, after);
        double worst = (y.Momentum - x.Momentum).Length / x.MomentumScale;
        worst = Math.Max(worst, Math.Abs(y.Energy - x.Energy) / x.Energy);
        for (int a = 0; a < x.Densities.Length; a++)
        {
            worst = Math.Max(worst, Math.Abs(y.Densities[a] - x.Densities[a]) / x.Densities[a]);
        }

        return worst;
    }

    private static double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double d = 0;
        for (int p = 0; p < a.Length; p++)
        {
            d += (a[p] - b[p]) * (a[p] - b[p]);
        }

        return Math.Sqrt(d);
    }

    [Theory]
    [InlineData("boltzmann", 100.0, StiffScheme.Penalized)]
    [InlineData("boltzmann", 1836.0, StiffScheme.ImplicitEuler)]
    [InlineData("landau", 1836.0, StiffScheme.Penalized)]
    [InlineData("landau", 100.0, StiffScheme.ImplicitEuler)]
    public void Steps_ConserveMassesMomentumEnergy_OnRandomNonMaxwellianMixtures(string kind, double ratio, StiffScheme scheme)
    {
        var mixture = SpeciesGridLandauOperatorTests.Pair(ratio);
        foreach (int seed in new[] { 11, 12 })
        {
            var (grids, f) = RandomMixture(mixture, seed, 16);
            var solver = SpeciesGridStiffSolver.Create(Operator(kind, grids, mixture), new StiffOptions { Epsilon = 1e-6, Step = 0.1, Scheme = scheme, MaxIterations = 4 });
            var result = solver.Run(f, 0.2);
            double error = ConservationError(grids, mixture, f, result.State);
            double moved = Distance(result.State, f) / Distance(f, new double[f.Length]);
            output.WriteLine($"{kind} 1:{ratio} {scheme} seed {seed}: {result.Steps} steps, moved {moved:E2}, conservation {error:E2}");
            Assert.Equal(2, result.Steps);
            Assert.True(moved > 1e-8, "the state must move");
            Assert.True(error < 1e-13, $"{error:E2}");
        }
    }

    // Two-temperature drifting Maxwellians (zero total momentum) on grids scaled to the equilibrium temperature.
    private static (Mixture Mixture, SpeciesGrids Grids, double[] State) TwoTemperatures(double ratio, int n, double speeds)
    {
        var mixture = SpeciesGridLandauOperatorTests.Pair(ratio);
        var grids = SpeciesGrids.ForMaxwellians(mixture, [1.05, 1.05], default, n, speeds);
        double[] f = Maxwellians(
            grids,
            mixture,
            new MacroscopicState(0.6, new Velocity3(0.3, 0, 0), 1.4),
            new MacroscopicState(0.4, new Velocity3(-0.3 * 0.6 / (0.4 * ratio), 0.02, 0), 0.7));
        return (mixture, grids, f);
    }

    [Fact]
    public void SharedGrid_SameStepsAsStiffCollisionSolver()
    {
        // On one shared grid the per-species operator, projection and equilibrium reduce to the shared-grid ones, so both
        // solvers take the same steps. Observed max |difference| / max F: 2.2e-16 penalised, 3.6e-14 implicit Euler (the two
        // projections sum in different orders, and the Anderson fixed point carries that through six iterations); bound 1e-13.
        var mixture = SpeciesGridLandauOperatorTests.Pair(4.0);
        var grid = new CartesianGrid(12, 7.0);
        var table = CollisionKernelTable.Uniform(mixture, Maxwell);
        var grids = SpeciesGrids.Shared(grid, 2);
        double[] f = Maxwellians(grids, mixture, new MacroscopicState(0.6, new Velocity3(0.2, 0, 0), 1.3), new MacroscopicState(0.4, new Velocity3(-0.1, 0.1, 0), 0.7));
        var shared = BoltzmannOperator.Create(grid, table, new BoltzmannOptions { ResolutionTolerance = double.PositiveInfinity });
        var perSpecies = SpeciesGridBoltzmannOperator.Create(grids, table);
        foreach (var scheme in new[] { StiffScheme.Penalized, StiffScheme.ImplicitEuler })
        {
            var options = new StiffOptions { Epsilon = 1e-3, Step = 0.2, Scheme = scheme, MaxIterations = 6 };
            var expected = StiffCollisionSolver.Create(shared, options).Run(f, 0.4).State.ToArray();
            var actual = SpeciesGridStiffSolver.Create(perSpecies, options).Run(f, 0.4).State.ToArray();
            double worst = expected.Zip(actual).Max(x => Math.Abs(x.First - x.Second)) / expected.Max();
            output.WriteLine($"{scheme}: max |difference| / max F = {worst:E2}");
            Assert.True(worst < 1e-13, $"{scheme}: {worst:E2}");
        }
    }

    [Fact]
    public void ResolvedSteps_ReproduceTheExplicitSpeciesGridSolver_AtFirstOrder()
    {
        // ε = 1, Maxwell molecules 1:16, two-temperature drifting Maxwellians on per-species grids (N = 16): T_light − T_heavy
        // at t = 0.4 by SpeciesGridSolver (SSP-RK3, Courant 0.25, 57 steps) against the stiff schemes at Δt = 0.04 and 0.02.
        // Observed errors (relative to ΔT(0.4) = 0.5523): penalised 5.23e-2 / 2.89e-2 (ratio 1.81; β = 6.3, so βΔt = 0.25 and
        // 0.13: the penalised step relaxes at the rate k/(1 + βΔt)), implicit Euler 2.89e-3 / 1.63e-3 (ratio 1.78) — first
        // order with the explicit solver's rate as the limit. Asserted: ratio in [1.7, 2.3], the finer error ≤ 1.25× observed.
        var (mixture, grids, f) = TwoTemperatures(16.0, 16, 6.0);
        var op = Operator("boltzmann", grids, mixture);
        double DeltaT(ReadOnlySpan<double> s) =>
            SpeciesMoments.Of(grids[0], grids.Slice(s, 0), 1.0).Temperature - SpeciesMoments.Of(grids[1], grids.Slice(s, 1), 16.0).Temperature;
        var explicitResult = SpeciesGridSolver.Create(op, new SpaceHomogeneousOptions { Courant = 0.25 }).Run(f, 0.4);
        double reference = DeltaT(explicitResult.State);
        output.WriteLine($"explicit: {explicitResult.Steps} steps, ΔT(0) = {DeltaT(f):F6}, ΔT(0.4) = {reference:F6}");
        foreach (var (scheme, bound) in new[] { (StiffScheme.Penalized, 3.5e-2), (StiffScheme.ImplicitEuler, 2.0e-3) })
        {
            double coarse = (DeltaT(SpeciesGridStiffSolver.Create(op, new StiffOptions { Step = 0.04, Scheme = scheme }).Run(f, 0.4).State) - reference) / reference;
            double fine = (DeltaT(SpeciesGridStiffSolver.Create(op, new StiffOptions { Step = 0.02, Scheme = scheme }).Run(f, 0.4).State) - reference) / reference;
            output.WriteLine($"{scheme}: relative errors {coarse:E3} (Δt = 0.04), {fine:E3} (Δt = 0.02), ratio {coarse / fine:F3}");
            Assert.InRange(coarse / fine, 1.7, 2.3);
            Assert.True(Math.Abs(fine) <= bound, $"{scheme}: {fine:E2}");
        }
    }

    [Theory]
    [InlineData("boltzmann", 100.0)]
    [InlineData("landau", 1836.0)]
    public void LargeSteps_AreStable_AtAThousandTimesTheExplicitLimit(string kind, double ratio)
    {
        // ε = 1e-3, Δt = 10³ × the explicit step 0.25ε/ν̂ (ν̂ as SpeciesGridSolver sets it: the larger of the operator's
        // collision frequency and the relative rate), penalised scheme, 6 steps from drifting two-temperature Maxwellians:
        // finite, conservative to round-off (recomputed here; observed ≤ 8.5e-15), and the distance to the mixture equilibrium
        // never grows. Observed Σ_α‖F_α − M_α‖/‖M_α‖: Boltzmann 1:100 (ν̂ = 319, the relative rate of the tails) 0.818 → 0.676;
        // Landau 1:1836 (ν̂ = 3745, relative rate only) 0.8168 → 0.8166 — stable, but a step relaxes by a collision step of
        // length 1/β, and β from the tails' relative rate is far above the bulk rates.
        var (mixture, grids, f) = TwoTemperatures(ratio, 16, 6.0);
        var op = Operator(kind, grids, mixture);
        var rate = new double[f.Length];
        op.Evaluate(f, rate);
        double nu = op is ICollisionFrequency frequency ? frequency.MaxCollisionFrequency(f) : 0;
        for (int a = 0; a < 2; a++)
        {
            ReadOnlySpan<double> fa = grids.Slice((ReadOnlySpan<double>)f, a), qa = grids.Slice((ReadOnlySpan<double>)rate, a);
            double floor = 1e-6 * fa.ToArray().Max();
            for (int p = 0; p < fa.Length; p++)
            {
                nu = fa[p] > floor ? Math.Max(nu, Math.Abs(qa[p]) / fa[p]) : nu;
            }
        }

        double epsilon = 1e-3, explicitStep = 0.25 * epsilon / nu;
        var solver = SpeciesGridStiffSolver.Create(op, new StiffOptions { Epsilon = epsilon, Step = 1e3 * explicitStep, Scheme = StiffScheme.Penalized });
        var equilibrium = new double[f.Length];
        solver.Equilibrium(f, equilibrium);
        var distances = new List<double>();
        // Σ_α ‖F_α − M_α‖/‖M_α‖: each species on its own scale (the heavy species' values are (m_h/m_l)^{3/2} larger).
        double Relative(ReadOnlySpan<double> state)
        {
            double sum = 0;
            for (int a = 0; a < 2; a++)
            {
                ReadOnlySpan<double> m = grids.Slice((ReadOnlySpan<double>)equilibrium, a);
                sum += Distance(grids.Slice(state, a), m) / Distance(m, new double[m.Length]);
            }

            return sum;
        }

        var result = solver.Run(f, 6e3 * explicitStep, (t, step, state) => distances.Add(Relative(state)));
        double error = ConservationError(grids, mixture, f, result.State);
        output.WriteLine($"{kind} 1:{ratio}: ν̂ = {nu:E3}, Δt = {1e3 * explicitStep:E3}, {result.Steps} steps, conservation {error:E2}, distances to M: "
            + string.Join(", ", distances.Select(d => d.ToString("E3", CultureInfo.InvariantCulture))));
        Assert.Equal(6, result.Steps);
        Assert.All(result.ToArray(), x => Assert.True(double.IsFinite(x), "finite"));
        Assert.True(error < 1e-13, $"{error:E2}");
        for (int k = 1; k < distances.Count; k++)
        {
            Assert.True(distances[k] <= distances[k - 1] * (1 + 1e-12), $"step {k}: {distances[k]} > {distances[k - 1]}");
        }
    }

    [Theory]
    [InlineData(16, 6.0, 3.3e-3)]
    public void ImplicitStep_IsAsymptoticPreserving_TendsToTheMixtureMaxwellian(int n, double speeds, double bound)
    {
        // Boltzmann (Maxwell molecules) 1:16 from drifting two-temperature Maxwellians, one implicit Euler step Δt = 0.5 with
        // the equilibrium defect removed: ‖F¹ − M‖/‖F⁰ − M‖ with M the mixture Maxwellian on each species' grid. Observed
        // (N = 16, 6 thermal speeds): 6.8e-1, 2.4e-2, 2.1e-3, 1.65e-3 for ε = 1, 1e-2, 1e-4, 1e-6 (100 iterations; residual
        // 1e-8 at ε ≤ 1e-2); N = 24 on 7 speeds: 6.8e-1, 2.2e-2, 1.8e-4, 4.1e-5 — the floor is the fixed point's, falling
        // with the resolution. Without the defect removal the step ends at the discrete operator's own equilibrium, 1.2e-2
        // from M at N = 16 for every ε ≤ 1e-2. Asserted: decreasing in ε, ≤ 2× the observed floor at ε = 1e-6.
        var (mixture, grids, f) = TwoTemperatures(16.0, n, speeds);
        var op = Operator("boltzmann", grids, mixture);
        double previous = double.PositiveInfinity, ratio = 0;
        var m = new double[f.Length];
        foreach (double eps in new[] { 1.0, 1e-2, 1e-4, 1e-6 })
        {
            var solver = SpeciesGridStiffSolver.Create(op, new StiffOptions { Epsilon = eps, Step = 0.5, MaxIterations = 100, Tolerance = 1e-13, RemoveEquilibriumDefect = true });
            solver.Equilibrium(f, m);
            var next = new double[f.Length];
            var report = solver.Step(f, next);
            ratio = Distance(next, m) / Distance(f, m);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ε = {eps:E0}: ‖F¹ − M‖/‖F⁰ − M‖ = {ratio:E2}, iterations {report.Iterations}, residual {report.Residual:E1}, β = {report.Penalty:F3}"));
            Assert.True(ratio < previous, $"ε = {eps}: {ratio:E2} ≥ {previous:E2}");
            previous = ratio;
        }

        Assert.True(ratio <= bound, $"{ratio:E2}");
    }

    [LongFact]
    public void ImplicitStep_IsAsymptoticPreserving_Resolved() => ImplicitStep_IsAsymptoticPreserving_TendsToTheMixtureMaxwellian(24, 7.0, 8e-5);

    [Fact]
    public void BadInput_IsRejectedByName()
    {
        var (mixture, grids, f) = TwoTemperatures(4.0, 8, 6.0);
        var op = Operator("boltzmann", grids, mixture);
        Assert.Throws<ArgumentNullException>(() => SpeciesGridStiffSolver.Create(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => SpeciesGridStiffSolver.Create(op, new StiffOptions { Epsilon = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SpeciesGridStiffSolver.Create(op, new StiffOptions { PenaltyFactor = 0.1 }));
        var solver = SpeciesGridStiffSolver.Create(op);
        Assert.Equal("state", Assert.ThrowsAny<ArgumentException>(() => solver.Step(new double[3], new double[f.Length])).ParamName);
        Assert.Equal("next", Assert.ThrowsAny<ArgumentException>(() => solver.Step(f, f)).ParamName);
        Assert.Equal("step", Assert.ThrowsAny<ArgumentException>(() => solver.Step(f, new double[f.Length], -1.0)).ParamName);
        var nan = (double[])f.Clone();
        nan[5] = double.NaN;
        Assert.Equal("state", Assert.ThrowsAny<ArgumentException>(() => solver.Step(nan, new double[f.Length])).ParamName);
        Assert.Equal("state", Assert.ThrowsAny<ArgumentException>(() => solver.Equilibrium(new double[f.Length], new double[f.Length])).ParamName);
    }
}
