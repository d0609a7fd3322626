using System.Diagnostics;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Landau;
using Kinetics.Landau.Plasma;
using Kinetics.Mixtures;
using Kinetics.PhaseSpace.Integration;
using Kinetics.PhaseSpace.Limits;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.PhaseSpace.Moments;
using Kinetics.PhaseSpace.States;
using Kinetics.PhaseSpace.Transport;
using Kinetics.PhaseSpace.Velocities;

namespace Kinetics.Cli.Commands.Scenarios;

/// <summary>
/// The 1-D Vlasov–Poisson–Landau problem of `kinetics scenario massless-electron --problem vpl-1d`: ions (T₊) and
/// electrons (T₋ = 1/β) on a periodic line, each species on its own 3-D velocity grid (electrons on the box of ξ = εv
/// scaled by 1/ε), stiff penalised collisions per cell, against the limit system (ions with Maxwell–Boltzmann electrons,
/// <see cref="MaxwellBoltzmannIonSolver"/>) run with the same steps. Well-prepared data: ion density 1 + δcos kx,
/// electrons e^{βφ₀}μ_β with φ₀ the Poisson–Boltzmann potential of the initial ions (docs/massless-electrons.md).
/// </summary>
internal static class MasslessElectronVpl1D
{
    public sealed record Settings(int VelocityPoints, int Cells, double Wavenumber, double Amplitude, double IonTemperature, double ElectronTemperature, double FinalTime, SlopeLimiter Limiter, double ElectronBox = 8.0, double Cfl = 0.8, int ElectronPoints = 0, bool WellBalanced = false);

    public sealed record Case(
        double Epsilon, string CrossForm, int Steps, double Dt, double IonError, double IonDensityError, double ElectronError, double ElectronTemperatureLimit, double ElectronTemperature,
        double ElectronDensityError, double ElectronShapeError, double ElectronAnisotropy, double MassDrift, double EnergyDrift, double Wall);

    public static Case Run(double epsilon, Settings s)
    {
        var clock = Stopwatch.StartNew();
        var kernel = LandauKernel.Coulomb(LandauNormalization.FlynnGuo);
        var mesh = UniformMesh.Create1D(s.Cells, 2 * Math.PI / s.Wavenumber);
        var ionGrid = new SpeciesGrid(new CartesianGrid(s.VelocityPoints, 8.0 * Math.Sqrt(s.IonTemperature)));
        var electronGrid = new SpeciesGrid(new CartesianGrid(s.ElectronPoints > 0 ? s.ElectronPoints : s.VelocityPoints, s.ElectronBox * Math.Sqrt(s.ElectronTemperature) / epsilon));
        var mixture = new Mixture(new Species("ion", 1.0, 1.0), new Species("electron", epsilon * epsilon, -1.0));
        var grids = new SpeciesGrids([ionGrid, electronGrid]);
        var op = PlasmaLandauOperator.Create(grids, mixture, LandauCouplings.Uniform(2), kernel);
        var ions = new Mixture(new Species("ion", 1.0, 1.0));
        var limitOp = PlasmaLandauOperator.Create(new SpeciesGrids([ionGrid]), ions, LandauCouplings.Uniform(1), kernel);

        // The limit: ions only, Boltzmann electrons; its initial field gives the well-prepared electrons.
        var limitState = new PhaseSpaceState(mesh, [VelocityGrid.FromSpeciesGrid(ionGrid)], ions);
        FillIons(limitState, ionGrid, s);
        var limit = MaxwellBoltzmannIonSolver.Create(limitState, new MaxwellBoltzmannOptions
        {
            ElectronTemperature = s.ElectronTemperature,
            Limiter = s.Limiter,
            Cfl = s.Cfl,
            Collisions = CollisionStep.CreatePenalizedPlasma(PenalizedPlasmaStepper.Create(limitOp)),
        });
        limit.Initialize(limitState);

        var state = new PhaseSpaceState(mesh, VelocityGrid.FromSpeciesGrids(grids), mixture);
        FillIons(state, ionGrid, s);
        FillElectrons(state, electronGrid, limit.ElectronDensity, s.ElectronTemperature, epsilon * epsilon);
        // Well-balanced electrons: equilibrium-preserving collisions and the Vlasov part balanced about e^{βφ}μ_β
        // (docs/massless-electrons.md, "Well-balanced electrons").
        var solver = PhaseSpaceSolver.Create(state, new PhaseSpaceOptions
        {
            Limiter = s.Limiter,
            Cfl = s.Cfl,
            Collisions = CollisionStep.CreatePenalizedPlasma(PenalizedPlasmaStepper.Create(op, PenalizedPlasmaStepper.DefaultPenaltyFactor, s.WellBalanced ? [1] : [])),
            BoltzmannBalancedSpecies = s.WellBalanced ? 1 : -1,
        });
        var before = solver.Diagnose(state);
        double stable = Math.Min(solver.StepFor(state), limit.StableStep);
        int steps = (int)Math.Ceiling(s.FinalTime / stable);
        double dt = s.FinalTime / steps;
        for (int step = 0; step < steps; step++)
        {
            solver.Step(state, dt);
            limit.Step(limitState, dt);
        }

        var after = solver.Diagnose(state);
        double diff = 0, norm = 0;
        for (int c = 0; c < state.CellCount; c++)
        {
            ReadOnlySpan<double> f = state.Distribution(c, 0), g = limitState.Distribution(c, 0);
            for (int p = 0; p < f.Length; p++)
            {
                diff += Math.Abs(f[p] - g[p]);
                norm += Math.Abs(g[p]);
            }
        }

        var densities = new double[state.CellCount];
        var limitDensities = new double[state.CellCount];
        CellMoments.Densities(state, 0, densities);
        CellMoments.Densities(limitState, 0, limitDensities);
        double densityError = densities.Zip(limitDensities, (a, b) => Math.Abs(a - b)).Max() / limitDensities.Max();

        // Electrons against μ_β e^{βφ} of the limit (β, φ of the limit solver at the final time), L¹ over (x, ξ).
        double temperatureLimit = 1.0 / limit.Beta, electronDiff = 0, electronNorm = 0, electronEnergy = 0, electronCount = 0, shapeDiff = 0, electronDensityError = 0, anisotropy = 0;
        var reference = new double[electronGrid.Count];
        var local = new double[electronGrid.Count];
        var v2 = Enumerable.Range(0, electronGrid.Count).Select(p => electronGrid.Point(p).LengthSquared).ToArray();
        for (int c = 0; c < state.CellCount; c++)
        {
            Maxwellian.Fill(electronGrid.Grid, new MacroscopicState(limit.ElectronDensity[c], temperatureLimit), epsilon * epsilon, reference);
            ReadOnlySpan<double> f = state.Distribution(c, 1);
            var own = CellMoments.Species(state, c, 1);
            anisotropy = Math.Max(anisotropy, Math.Abs(own.Stress.Xx - (0.5 * (own.Stress.Yy + own.Stress.Zz))) / (own.Density * own.Temperature));
            electronDensityError = Math.Max(electronDensityError, Math.Abs(own.Density - limit.ElectronDensity[c]));
            Maxwellian.Fill(electronGrid.Grid, new MacroscopicState(own.Density, own.BulkVelocity, own.Temperature), epsilon * epsilon, local);
            for (int p = 0; p < f.Length; p++)
            {
                shapeDiff += Math.Abs(f[p] - local[p]);
                electronDiff += Math.Abs(f[p] - reference[p]);
                electronNorm += Math.Abs(reference[p]);
                electronEnergy += v2[p] * f[p];
                electronCount += f[p];
            }
        }

        double electronTemperature = epsilon * epsilon * electronEnergy / (3.0 * electronCount);
        electronDensityError /= limit.ElectronDensity.ToArray().Max();
        double massDrift = Math.Max(Math.Abs(after.Masses[0] / before.Masses[0] - 1), Math.Abs(after.Masses[1] / before.Masses[1] - 1));
        double energyDrift = Math.Abs(after.TotalEnergy / before.TotalEnergy - 1);
        return new Case(
            epsilon, op.Form(1, 0).ToString(), steps, dt, diff / norm, densityError, electronDiff / electronNorm, temperatureLimit, electronTemperature,
            electronDensityError, shapeDiff / electronNorm, anisotropy, massDrift, energyDrift, clock.Elapsed.TotalSeconds);
    }

    private static void FillIons(PhaseSpaceState state, SpeciesGrid grid, Settings s)
    {
        for (int c = 0; c < state.CellCount; c++)
        {
            double x = state.Mesh.CenterX(c);
            Maxwellian.Fill(grid.Grid, new MacroscopicState(1.0 + (s.Amplitude * Math.Cos(s.Wavenumber * x)), s.IonTemperature), 1.0, state.Distribution(c, 0));
        }
    }

    // Electrons e^{βφ₀(x)}μ_β at the nodes, each cell rescaled so that its grid density is exactly n₋(x) (the Poisson–
    // Boltzmann density), so the initial charge is the limit's to round-off.
    private static void FillElectrons(PhaseSpaceState state, SpeciesGrid grid, ReadOnlySpan<double> density, double temperature, double mass)
    {
        double weight = grid.Grid.Spacing * grid.Grid.Spacing * grid.Grid.Spacing;
        for (int c = 0; c < state.CellCount; c++)
        {
            Span<double> f = state.Distribution(c, 1);
            Maxwellian.Fill(grid.Grid, new MacroscopicState(density[c], temperature), mass, f);
            double sum = 0;
            foreach (double value in f)
            {
                sum += value;
            }

            double scale = density[c] / (sum * weight);
            for (int p = 0; p < f.Length; p++)
            {
                f[p] *= scale;
            }
        }
    }
}
