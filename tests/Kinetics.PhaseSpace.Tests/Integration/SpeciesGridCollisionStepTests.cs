using Kinetics.Dynamics;
using Kinetics.Grids;
using Kinetics.Landau;
using Kinetics.Mixtures;
using Kinetics.PhaseSpace.Integration;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.PhaseSpace.States;
using Kinetics.PhaseSpace.Velocities;
using Xunit.Abstractions;

namespace Kinetics.PhaseSpace.Tests.Integration;

// The collision step on per-species velocity grids inside PhaseSpaceSolver (docs/phase-space.md, "Per-species velocity
// grids"): every species on its own grid, a 1:16 mixture, Landau (Coulomb) cross terms through SpeciesGridLandauOperator.
public sealed class SpeciesGridCollisionStepTests(ITestOutputHelper output)
{
    private static readonly Mixture Pair = new(new Species("light", 1.0), new Species("heavy", 16.0));

    // Boxes from the selection rule: 8 thermal speeds at T = 1 around u = 0 (light) and u = (0.1, 0, 0) (heavy), N = 12.
    private static SpeciesGrids Grids() => SpeciesGrids.ForMaxwellians(Pair, [1.0, 1.0], [Velocity3.Zero, new Velocity3(0.1, 0, 0)], 12);

    private static SpeciesGridLandauOperator Operator(SpeciesGrids grids) =>
        SpeciesGridLandauOperator.Create(grids, Pair, LandauCouplings.Uniform(2), LandauKernel.Coulomb());

    // Species α: n (1 + b·bump) 𝓜[u, T] at α's physical nodes, a non-Maxwellian two-bump shape when b ≠ 0.
    private static void FillCell(SpeciesGrids grids, Span<double> cell, int species, double n, Velocity3 u, double t, double bump)
    {
        var grid = grids[species];
        double m = Pair[species].Mass;
        Span<double> f = grids.Slice(cell, species);
        double norm = n * Math.Pow(m / (2 * Math.PI * t), 1.5);
        var shift = new Velocity3(0.5 * Math.Sqrt(t / m), 0.3 * Math.Sqrt(t / m), 0);
        for (int p = 0; p < f.Length; p++)
        {
            var v = grid.Point(p);
            f[p] = norm * ((1 - bump) * Math.Exp(-m * (v - u).LengthSquared / (2 * t))
                + (bump * Math.Exp(-m * (v - u - shift).LengthSquared / (1.4 * t)) * Math.Pow(2 / 1.4, 1.5)));
        }
    }

    // (n_α, Σ m_α∫v F_α, Σ ∫(m_α/2)|v|²F_α) of one cell by direct sums at each species' physical points.
    private static (double[] Masses, Velocity3 Momentum, double Energy) Invariants(SpeciesGrids grids, ReadOnlySpan<double> cell)
    {
        var masses = new double[2];
        var momentum = Velocity3.Zero;
        double energy = 0;
        for (int a = 0; a < 2; a++)
        {
            ReadOnlySpan<double> f = grids.Slice(cell, a);
            double m = Pair[a].Mass, h3 = grids[a].CellVolume;
            for (int p = 0; p < f.Length; p++)
            {
                var v = grids[a].Point(p);
                masses[a] += h3 * f[p];
                momentum += (h3 * m * f[p]) * v;
                energy += h3 * 0.5 * m * v.LengthSquared * f[p];
            }
        }

        return (masses, momentum, energy);
    }

    private static PhaseSpaceState State(SpeciesGrids grids, int cells, double length) =>
        new(UniformMesh.Create1D(cells, length), VelocityGrid.FromSpeciesGrids(grids), Pair);

    [Fact]
    public void UniformState_ReproducesTheSpeciesGridSolver()
    {
        // A uniform gas in a periodic box is the space-homogeneous problem; transport leaves it bitwise unchanged, so the
        // phase-space run must be SpeciesGridSolver's run with the same fixed steps.
        var grids = Grids();
        var op = Operator(grids);
        var initial = new double[grids.TotalCount];
        FillCell(grids, initial, 0, 0.6, new Velocity3(0.05, 0, 0), 1.2, 0.2);
        FillCell(grids, initial, 1, 0.4, new Velocity3(0.1, 0.02, 0), 0.8, 0.1);
        var state = State(grids, 4, 4.0);
        for (int c = 0; c < 4; c++)
        {
            initial.CopyTo(state.Cell(c));
        }

        const double Dt = 0.05;
        const int Steps = 3;
        var options = new SpaceHomogeneousOptions { FixedStep = Dt };
        var solver = PhaseSpaceSolver.Create(state, new PhaseSpaceOptions { Collisions = CollisionStep.CreateOnSpeciesGrids(op, options) });
        Assert.True(solver.StableStep >= Dt, "the test's step must be a stable transport step");
        for (int n = 0; n < Steps; n++)
        {
            solver.Step(state, Dt);
        }

        var reference = SpeciesGridSolver.Create(op, options).Run(initial, Steps * Dt).State.ToArray();
        double scale = reference.Max(Math.Abs), worst = 0;
        for (int c = 0; c < 4; c++)
        {
            var cell = state.Cell(c).ToArray();
            worst = Math.Max(worst, cell.Zip(reference, (a, b) => Math.Abs(a - b)).Max());
        }

        // Same arithmetic step for step; the homogeneous run's last step length is T − Σ dt (round-off). Observed 0.
        output.WriteLine($"max |phase space − SpeciesGridSolver| / max F = {worst / scale:E2}");
        Assert.True(worst <= 1e-14 * scale, $"max difference {worst / scale:E3} of max F");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CollisionStep_ConservesEachCellsInvariants(bool batched)
    {
        // Non-uniform, non-Maxwellian cells: after one collision step every cell keeps its species masses, its total
        // momentum and its total energy, recomputed here by direct sums on each species' own grid.
        var grids = Grids();
        var op = Operator(grids);
        var state = State(grids, 3, 3.0);
        for (int c = 0; c < 3; c++)
        {
            FillCell(grids, state.Cell(c), 0, 0.5 + (0.1 * c), new Velocity3(0.1 * c, -0.05, 0), 1.0 + (0.2 * c), 0.3);
            FillCell(grids, state.Cell(c), 1, 0.5 - (0.1 * c), new Velocity3(0.1, 0.03 * c, 0), 0.9 - (0.1 * c), 0.2);
        }

        var before = Enumerable.Range(0, 3).Select(c => Invariants(grids, state.Cell(c))).ToArray();
        var step = batched
            ? CollisionStep.CreateBatchedOnSpeciesGrids(op, substeps: 2)
            : CollisionStep.CreateOnSpeciesGrids(op, new SpaceHomogeneousOptions { FixedStep = 0.05 });
        step.Advance(state, 0.1);
        double worst = 0;
        for (int c = 0; c < 3; c++)
        {
            var after = Invariants(grids, state.Cell(c));
            var b = before[c];
            double momentumScale = Math.Sqrt(2 * b.Energy * (b.Masses[0] + (16 * b.Masses[1])));
            double[] errors =
            [
                Math.Abs(after.Masses[0] - b.Masses[0]) / b.Masses[0],
                Math.Abs(after.Masses[1] - b.Masses[1]) / b.Masses[1],
                (after.Momentum - b.Momentum).Length / momentumScale,
                Math.Abs(after.Energy - b.Energy) / b.Energy,
            ];
            output.WriteLine($"cell {c}: masses {errors[0]:E2} {errors[1]:E2}, momentum {errors[2]:E2}, energy {errors[3]:E2}");
            worst = Math.Max(worst, errors.Max());
            Assert.True(state.Cell(c).ToArray().Zip(FreshCell(grids, c), (x, y) => Math.Abs(x - y)).Max() > 1e-6, "the step must act");
        }

        Assert.True(worst <= 1e-13, $"worst relative invariant change {worst:E2}");
    }

    private static double[] FreshCell(SpeciesGrids grids, int c)
    {
        var cell = new double[grids.TotalCount];
        FillCell(grids, cell, 0, 0.5 + (0.1 * c), new Velocity3(0.1 * c, -0.05, 0), 1.0 + (0.2 * c), 0.3);
        FillCell(grids, cell, 1, 0.5 - (0.1 * c), new Velocity3(0.1, 0.03 * c, 0), 0.9 - (0.1 * c), 0.2);
        return cell;
    }

    [Fact]
    public void PeriodicPerturbation_RelaxesConservatively_WithMonotoneEntropy()
    {
        // 1D periodic box, 1:16 mixture at unequal temperatures with a density perturbation of each species: transport
        // (each species with its own velocities) and collisions (per-species-grid Landau). Species masses, total momentum and
        // total energy are conserved to round-off (periodic transport conserves Σ_x F per node; collisions per cell), the
        // entropy Σ ∫F ln F does not increase, the temperatures approach each other and the density perturbation decays.
        var grids = Grids();
        var op = Operator(grids);
        const int Cells = 8;
        double length = 2 * Math.PI;
        var state = State(grids, Cells, length);
        var mesh = state.Mesh;
        for (int c = 0; c < Cells; c++)
        {
            double wave = Math.Cos(2 * Math.PI * mesh.CenterX(c) / length);
            FillCell(grids, state.Cell(c), 0, 0.5 * (1 + (0.2 * wave)), Velocity3.Zero, 1.2, 0.0);
            FillCell(grids, state.Cell(c), 1, 0.5 * (1 - (0.2 * wave)), new Velocity3(0.1, 0, 0), 0.8, 0.0);
        }

        var solver = PhaseSpaceSolver.Create(state, new PhaseSpaceOptions { Collisions = CollisionStep.CreateOnSpeciesGrids(op) });
        var start = solver.Diagnose(state);
        double dt = solver.StepFor(state);
        double entropy = Entropy(state), firstGap = TemperatureGap(state), firstAmplitude = Amplitude(state);
        double worstMass = 0, worstMomentum = 0, worstEnergy = 0, largestRise = double.NegativeInfinity;
        const int Steps = 12;
        for (int n = 0; n < Steps; n++)
        {
            solver.Step(state, dt);
            var d = solver.Diagnose(state);
            for (int s = 0; s < 2; s++)
            {
                worstMass = Math.Max(worstMass, Math.Abs(d.Masses[s] - start.Masses[s]) / start.Masses[s]);
            }

            double momentumScale = Math.Sqrt(2 * start.KineticEnergy * ((start.Masses[0] * 1.0) + (start.Masses[1] * 16.0)));
            worstMomentum = Math.Max(worstMomentum, (d.Momentum - start.Momentum).Length / momentumScale);
            worstEnergy = Math.Max(worstEnergy, Math.Abs(d.KineticEnergy - start.KineticEnergy) / start.KineticEnergy);
            double next = Entropy(state);
            largestRise = Math.Max(largestRise, (next - entropy) / Math.Abs(entropy));
            entropy = next;
        }

        double gap = TemperatureGap(state), amplitude = Amplitude(state);
        output.WriteLine($"{Steps} steps of {dt:G4}: mass {worstMass:E2}, momentum {worstMomentum:E2}, energy {worstEnergy:E2}, largest relative entropy change per step {largestRise:E2}");
        output.WriteLine($"T_light − T_heavy {firstGap:G4} → {gap:G4}; density perturbation {firstAmplitude:G4} → {amplitude:G4}");
        Assert.True(worstMass <= 1e-13, $"mass {worstMass:E2}");
        Assert.True(worstMomentum <= 1e-13, $"momentum {worstMomentum:E2}");
        Assert.True(worstEnergy <= 1e-13, $"energy {worstEnergy:E2}");
        Assert.True(largestRise <= 0, $"entropy rose by {largestRise:E2} in a step");
        // Light–heavy energy exchange is slow at 1:16 (∝ m_light/m_heavy): observed 0.3962 → 0.3943 over t = 2.1.
        Assert.True(gap < firstGap, $"temperature gap {firstGap} → {gap}");
        Assert.True(amplitude < firstAmplitude, $"density perturbation {firstAmplitude} → {amplitude}");
    }

    // Σ_α Σ_c Δx h_α³ Σ_p F ln F (F > 0).
    private static double Entropy(PhaseSpaceState state)
    {
        double h = 0;
        for (int s = 0; s < state.SpeciesCount; s++)
        {
            double w = state.Mesh.CellVolume * state.VelocitiesOf(s).Weight;
            for (int c = 0; c < state.CellCount; c++)
            {
                foreach (double f in state.Distribution(c, s))
                {
                    h += f > 0 ? w * f * Math.Log(f) : 0.0;
                }
            }
        }

        return h;
    }

    private static double TemperatureGap(PhaseSpaceState state)
    {
        double light = 0, heavy = 0;
        for (int c = 0; c < state.CellCount; c++)
        {
            light += Moments.CellMoments.Species(state, c, 0).Temperature;
            heavy += Moments.CellMoments.Species(state, c, 1).Temperature;
        }

        return (light - heavy) / state.CellCount;
    }

    private static double Amplitude(PhaseSpaceState state)
    {
        var n = new double[state.CellCount];
        Moments.CellMoments.Densities(state, 0, n);
        return n.Max() - n.Min();
    }
}
