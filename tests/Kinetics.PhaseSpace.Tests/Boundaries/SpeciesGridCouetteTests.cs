using Kinetics.Boltzmann;
using Kinetics.Dynamics;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Mixtures;
using Kinetics.PhaseSpace.Boundaries;
using Kinetics.PhaseSpace.Integration;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.PhaseSpace.Moments;
using Kinetics.PhaseSpace.States;
using Kinetics.PhaseSpace.Velocities;
using Kinetics.Transport;
using Xunit.Abstractions;

namespace Kinetics.PhaseSpace.Tests.Boundaries;

/// <summary>
/// Plane Couette flow of a 1:4 hard-sphere mixture on per-species velocity grids at small Knudsen number, against
/// Chapman–Enskog (docs/phase-space.md, "Couette flow on per-species grids against Chapman–Enskog"). Walls at x = 0 and 1
/// move with ∓U/2 along y at T = 1; n = 0.5 per species; one diameter d for every pair with d² = 1/(√2πnKn), n = 1, so Kn
/// is the hard-sphere mean free path over the gap. Three numbers are compared:
/// <list type="bullet">
/// <item>the bulk relation P_xy = −μ du_y/dx, measured across the middle face (independent of slip), against the
/// Chapman–Enskog mixture viscosity μ_CE (<see cref="ChapmanEnskog"/>, Sonine order 8) and against the viscosity η_grid of
/// the discrete operator itself (<see cref="GridViscosity"/>): μ_eff/η_grid isolates the flow solver (transport, walls,
/// batched collision step), η_grid/μ_CE the velocity grid;</item>
/// <item>the shear stress against the no-slip Navier–Stokes value −η_grid U: the first-order velocity slip makes this
/// error O(Kn);</item>
/// <item>steadiness: P_xy is uniform across a steady gap (momentum conservation), so its spread over the bulk measures
/// the distance from the steady state.</item>
/// </list>
/// </summary>
public sealed class SpeciesGridCouetteTests(ITestOutputHelper output)
{
    private const double WallSpeed = 0.2;

    // ζ/Kn of the initial profile: between the values the Kn = 0.1 run approaches from a no-slip start (1.2 at t = 2,
    // decreasing) and from ζ/Kn = 1.4 (1.23 at t = 1.5, increasing), so the slow viscous mode (time ρ/(π²μ) ≈ 0.2/Kn,
    // beyond these runs) starts small.
    private const double SlipGuess = 1.25;
    private static readonly Mixture Pair = new(new Species("light", 1.0), new Species("heavy", 4.0));
    private static readonly double[] Masses = [1.0, 4.0];

    /// <summary>Measured in the middle and the bulk of a Couette run.</summary>
    /// <param name="Viscosity">μ_eff = −P_xy/(du_y/dx) across the middle face.</param>
    /// <param name="ChapmanEnskogViscosity">μ_CE at the middle cells' densities and temperature.</param>
    /// <param name="Stress">P_xy averaged over the two middle cells.</param>
    /// <param name="Slope">Least-squares du_y/dx over the cells with centres in (0.25, 0.75).</param>
    /// <param name="BulkSpread">(max − min) of P_xy over those cells, over |P_xy|.</param>
    /// <param name="Linearity">Largest deviation of u_y from the bulk fit there, over U/2.</param>
    /// <param name="MassDrift">Relative change of the total mass.</param>
    /// <param name="Steps">Strang steps taken.</param>
    private sealed record Couette(double Viscosity, double ChapmanEnskogViscosity, double Stress, double Slope, double BulkSpread, double Linearity, double MassDrift, int Steps)
    {
        /// <summary>ζ/Kn from U = (du/dx)(1 + 2ζ), the NS profile with first-order slip ζ at both walls.</summary>
        public double SlipOverKn(double kn) => ((WallSpeed / Slope) - 1) / 2 / kn;
    }

    [Fact]
    public void Couette_PerSpeciesGrids_Kn01_BulkViscosityIsTheGridsViscosity()
    {
        // CI size: Kn = 0.1, 10 cells (Δx = λ), N = 16 per species (light [−5, 5]³, heavy [−2.5, 2.5]³), t = 0.8 (≈ 5
        // relaxation times of the stress) from the Navier–Stokes profile with the slip measured in the long runs.
        const double Kn = 0.1;
        var grids = Grids(16, 5.0, perSpecies: true);
        double etaGrid = GridViscosity(grids, Kernels(Kn));
        var r = Run(Kn, cells: 10, grids, finalTime: 0.8, slipOverKn: SlipGuess);
        Report(Kn, etaGrid, r);
        Assert.True(r.MassDrift < 1e-13, $"mass drift {r.MassDrift}");

        // Observed (load ≈ 20, 2 min): η_grid/μ_CE = 1.1615 — the N = 16 grid's own viscosity, 16 % above Chapman–Enskog
        // (1.03 at N = 24, L = 6; docs) — and μ_eff/η_grid = 0.9790 (0.988 at t = 1.5 on 20 cells: the stress is still
        // relaxing at t = 0.8). Bulk spread of P_xy 3.2e−3. Margins: ±1 % on η_grid/μ_CE, ±1.5 % on μ_eff/η_grid.
        Assert.InRange(etaGrid / r.ChapmanEnskogViscosity, 1.15, 1.173);
        Assert.InRange(r.Viscosity / etaGrid, 0.964, 0.994);
        Assert.True(r.BulkSpread < 1e-2, $"P_xy spread over the bulk {r.BulkSpread}");
    }

    [LongFact]
    public void Couette_PerSpeciesGrids_ApproachesNavierStokes_AsKnudsenFalls()
    {
        double[] knudsen = [0.1, 0.05, 0.025];
        var grids = Grids(16, 5.0, perSpecies: true);
        double etaGridOverKn = GridViscosity(grids, Kernels(1.0));
        var runs = knudsen.Select(kn => Run(kn, cells: (int)Math.Round(2 / kn), grids, finalTime: 15 * kn, slipOverKn: SlipGuess)).ToArray();
        var slipErrors = new double[knudsen.Length];
        var bulkErrors = new double[knudsen.Length];
        for (int i = 0; i < knudsen.Length; i++)
        {
            double etaGrid = etaGridOverKn * knudsen[i];
            Report(knudsen[i], etaGrid, runs[i]);
            slipErrors[i] = 1 - (runs[i].Stress / (-etaGrid * WallSpeed));
            bulkErrors[i] = Math.Abs(1 - (runs[i].Viscosity / etaGrid));
            Assert.True(runs[i].MassDrift < 1e-12, $"mass drift {runs[i].MassDrift}");
            Assert.True(runs[i].BulkSpread < 1e-2, $"P_xy spread over the bulk {runs[i].BulkSpread} at Kn = {knudsen[i]}");
        }

        // Observed (docs/phase-space.md): μ_eff/η_grid = 0.9874, 0.9970, 0.9987 — the bulk relation with the grid's own
        // viscosity, its error falling with Kn; 1 − P_xy/(−η_grid U) = 0.204, 0.112, 0.060 (first-order slip), order 0.88;
        // ζ/Kn = 1.195, 1.225 at Kn = 0.1, 0.05 (at 0.025 the run is too short for the slope to leave the initial 1.25 Kn);
        // bulk spread of P_xy 5.8e−3, 1.3e−3, 8.7e−4.
        double order = Math.Log(slipErrors[0] / slipErrors[^1]) / Math.Log(knudsen[0] / knudsen[^1]);
        output.WriteLine($"no-slip Navier–Stokes error {string.Join(", ", slipErrors.Select(e => e.ToString("E3")))}; observed order {order:F3}");
        Assert.All(bulkErrors, e => Assert.True(e < 0.02, $"|μ_eff/η_grid − 1| = {e}"));
        Assert.True(bulkErrors[^1] < bulkErrors[0] / 2, $"bulk error {bulkErrors[^1]} at Kn = 0.025 against {bulkErrors[0]} at Kn = 0.1");
        Assert.InRange(order, 0.75, 1.05);
        Assert.True(Math.Abs(runs[0].SlipOverKn(knudsen[0]) - runs[1].SlipOverKn(knudsen[1])) < 0.05, "ζ/Kn not constant: slip not first order");
    }

    [LongFact]
    public void Couette_PerSpeciesGrids_AgainstOneSharedGrid_AtTheSameCost()
    {
        // Kn = 0.1, 20 cells, t = 1.5: per-species N = 16 (light [−5, 5]³, heavy [−2.5, 2.5]³) against one shared grid
        // N = 20 on [−5, 5]³ (h = 0.5, the heavy species' thermal speed), whose evaluation costs about as much (docs).
        // Observed: η_grid/μ_CE = 1.1619 (per-species) and 1.0601 (shared); μ_eff/η_grid = 0.9874 and 0.9895.
        const double Kn = 0.1;
        var perSpecies = Grids(16, 5.0, perSpecies: true);
        var shared = Grids(20, 5.0, perSpecies: false);
        double etaPer = GridViscosity(perSpecies, Kernels(Kn)), etaShared = GridViscosity(shared, Kernels(Kn));
        var per = Run(Kn, cells: 20, perSpecies, finalTime: 1.5, slipOverKn: SlipGuess);
        var one = Run(Kn, cells: 20, shared, finalTime: 1.5, slipOverKn: SlipGuess);
        Report(Kn, etaPer, per);
        Report(Kn, etaShared, one);
        // Margins: ±1 % on the grids' viscosities, ±1.2 % on the bulk relation.
        Assert.InRange(etaPer / per.ChapmanEnskogViscosity, 1.15, 1.173);
        Assert.InRange(etaShared / one.ChapmanEnskogViscosity, 1.05, 1.071);
        Assert.InRange(per.Viscosity / etaPer, 0.975, 0.999);
        Assert.InRange(one.Viscosity / etaShared, 0.977, 1.001);
    }

    private void Report(double kn, double etaGrid, Couette r) =>
        output.WriteLine(
            $"Kn {kn}: {r.Steps} steps; μ_eff {r.Viscosity:F6}, η_grid {etaGrid:F6}, μ_CE {r.ChapmanEnskogViscosity:F6}; μ_eff/η_grid {r.Viscosity / etaGrid:F5}, "
            + $"μ_eff/μ_CE {r.Viscosity / r.ChapmanEnskogViscosity:F5}, η_grid/μ_CE {etaGrid / r.ChapmanEnskogViscosity:F5}; P_xy {r.Stress:F7}, "
            + $"P_xy/(−η_grid U) {r.Stress / (-etaGrid * WallSpeed):F5}; slope {r.Slope:F6}, ζ/Kn {r.SlipOverKn(kn):F4}; bulk spread of P_xy {r.BulkSpread:E2}, "
            + $"non-linearity {r.Linearity:E2}; mass drift {r.MassDrift:E1}");

    // Hard spheres, one diameter for every pair: d² = 1/(√2 π n Kn), n = 1.
    private static CollisionKernelTable Kernels(double kn) =>
        CollisionKernelTable.Uniform(Pair, CollisionKernel.HardSpheres(1.0 / Math.Sqrt(Math.Sqrt(2) * Math.PI * kn)));

    // Per species: light on [−L, L]³, heavy on [−L/2, L/2]³ (L·√(m_light/m_heavy), the rule of `flow couette --grids
    // per-species`), N points each; shared: both on [−L, L]³.
    private static VelocityGrid[] Grids(int points, double halfWidth, bool perSpecies) =>
        [new VelocityGrid(3, points, halfWidth), new VelocityGrid(3, points, perSpecies ? halfWidth / 2 : halfWidth)];

    private static SpeciesGridBoltzmannOperator Operator(VelocityGrid[] grids, CollisionKernelTable kernels) =>
        SpeciesGridBoltzmannOperator.Create(
            new SpeciesGrids(grids.Select(g => g.ToSpeciesGrid())), kernels, new BoltzmannOptions { ResolutionTolerance = double.PositiveInfinity });

    private static double Maxwellian(double m, double uy, Velocity3 v)
    {
        double vy = v.Y - uy;
        return 0.5 * Math.Pow(m / (2 * Math.PI), 1.5) * Math.Exp(-m * ((v.X * v.X) + (vy * vy) + (v.Z * v.Z)) / 2);
    }

    /// <summary>
    /// The shear viscosity of the discrete operator, by the Green–Kubo relation of the linearized Boltzmann equation. From
    /// F^α = μ^α(1 + εφ^α), φ^α = m^α v_x v_y/θ = 2W_xW_y (the source of the shear Burnett function, 𝓛B = 2W°W), the
    /// homogeneous relaxation h(t) = e^{−𝓛t}εφ gives ∫₀^∞h dt = ε𝓛⁻¹φ, and with ⟨φ, h⟩ = P_xy/θ and η = θ⟨φ_xy, B_xy⟩
    /// (docs/transport.md): η = (1/ε)∫₀^∞ P_xy(t) dt. Exact for any linear operator, so on the grid it is the viscosity of
    /// the discrete 𝓛. P_xy is odd in ε (reflection v_y → −v_y of the symmetric grids), so ε = 1e−3 gives it to O(ε²).
    /// SSP-RK3 with Δt = 0.5/ν_max (0.25/ν_max gives the same η_grid to 1e−5); each step's area is integrated exactly for an exponential, the tail after P_xy has
    /// fallen below 1e−5 of its start by its last rate.
    /// </summary>
    private static double GridViscosity(VelocityGrid[] velocityGrids, CollisionKernelTable kernels)
    {
        const double Epsilon = 1e-3;
        var op = Operator(velocityGrids, kernels);
        var grids = op.Grids;
        var f = new double[grids.TotalCount];
        for (int a = 0; a < 2; a++)
        {
            var s = grids.Slice(f.AsSpan(), a);
            double m = Masses[a];
            for (int p = 0; p < s.Length; p++)
            {
                var v = grids[a].Point(p);
                s[p] = Maxwellian(m, 0, v) * (1 + (Epsilon * m * v.X * v.Y));
            }
        }

        double Stress()
        {
            double sum = 0;
            for (int a = 0; a < 2; a++)
            {
                ReadOnlySpan<double> s = grids.Slice(f.AsSpan(), a);
                for (int p = 0; p < s.Length; p++)
                {
                    var v = grids[a].Point(p);
                    sum += grids[a].CellVolume * Masses[a] * v.X * v.Y * s[p];
                }
            }

            return sum;
        }

        var workspace = op.CreateWorkspace();
        double dt = 0.5 / op.MaxCollisionFrequency(f);
        var k = new double[f.Length];
        var stage1 = new double[f.Length];
        var stage2 = new double[f.Length];
        double start = Stress(), previous = start, area = 0, rate = 0;
        for (int n = 0; n < 20_000; n++)
        {
            op.Evaluate(f, k, workspace);
            for (int i = 0; i < f.Length; i++)
            {
                stage1[i] = f[i] + (dt * k[i]);
            }

            op.Evaluate(stage1, k, workspace);
            for (int i = 0; i < f.Length; i++)
            {
                stage2[i] = (0.75 * f[i]) + (0.25 * (stage1[i] + (dt * k[i])));
            }

            op.Evaluate(stage2, k, workspace);
            for (int i = 0; i < f.Length; i++)
            {
                f[i] = (f[i] / 3) + (2.0 / 3 * (stage2[i] + (dt * k[i])));
            }

            double current = Stress();
            rate = Math.Log(previous / current) / dt;
            area += dt * (previous - current) / Math.Log(previous / current);
            previous = current;
            if (Math.Abs(current) < 1e-5 * Math.Abs(start))
            {
                return (area + (current / rate)) / Epsilon;
            }
        }

        throw new InvalidOperationException($"the stress did not relax within 20 000 steps (last rate {rate})");
    }

    private static Couette Run(double kn, int cells, VelocityGrid[] grids, double finalTime, double slipOverKn)
    {
        var kernels = Kernels(kn);
        var mesh = UniformMesh.Create1D(cells, 1.0);
        var state = new PhaseSpaceState(mesh, grids, Pair);

        // The Navier–Stokes profile with first-order slip ζ = slipOverKn·Kn at both walls: u_y = U(x − ½)/(1 + 2ζ), T = 1.
        double slope = WallSpeed / (1 + (2 * slipOverKn * kn));
        for (int s = 0; s < 2; s++)
        {
            double m = Masses[s];
            state.Fill(s, (x, _, v) => Maxwellian(m, slope * (x - 0.5), v));
        }

        var options = new PhaseSpaceOptions
        {
            LowBoundary = WallBoundary.Diffuse(1.0, new Velocity3(0, -WallSpeed / 2, 0)),
            HighBoundary = WallBoundary.Diffuse(1.0, new Velocity3(0, WallSpeed / 2, 0)),
            Collisions = CollisionStep.CreateBatchedOnSpeciesGrids(Operator(grids, kernels), new BatchedCollisionStepOptions { MaxDegreeOfParallelism = 2 }),
        };
        var solver = PhaseSpaceSolver.Create(state, options);
        double mass0 = solver.Diagnose(state).Masses.Sum();
        int steps = solver.Run(state, finalTime);
        double drift = Math.Abs(solver.Diagnose(state).Masses.Sum() - mass0) / mass0;

        int a = (cells / 2) - 1, b = cells / 2;
        CellFields fa = CellMoments.Mixture(state, a), fb = CellMoments.Mixture(state, b);
        double dudx = (fb.BulkVelocity.Y - fa.BulkVelocity.Y) / mesh.SpacingX, stress = 0.5 * (fa.Stress.Xy + fb.Stress.Xy);
        double[] densities = [.. Enumerable.Range(0, 2).Select(s => 0.5 * (CellMoments.Species(state, a, s).Density + CellMoments.Species(state, b, s).Density))];
        var ce = ChapmanEnskog.Create(kernels, densities, 0.5 * (fa.Temperature + fb.Temperature)).Converged();

        var bulk = Enumerable.Range(0, cells).Where(c => mesh.CenterX(c) > 0.25 && mesh.CenterX(c) < 0.75).ToArray();
        double[] x = [.. bulk.Select(mesh.CenterX)];
        double[] u = [.. bulk.Select(c => CellMoments.Mixture(state, c).BulkVelocity.Y)];
        double[] p = [.. bulk.Select(c => CellMoments.Mixture(state, c).Stress.Xy)];
        double xm = x.Average(), um = u.Average();
        double fit = x.Zip(u, (xi, ui) => (xi - xm) * (ui - um)).Sum() / x.Sum(xi => (xi - xm) * (xi - xm));
        double linearity = x.Zip(u, (xi, ui) => Math.Abs(ui - um - (fit * (xi - xm)))).Max() / (WallSpeed / 2);
        return new Couette(-stress / dudx, ce.Viscosity, stress, fit, (p.Max() - p.Min()) / Math.Abs(stress), linearity, drift, steps);
    }
}
