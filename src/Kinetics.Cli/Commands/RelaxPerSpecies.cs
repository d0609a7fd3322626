using System.Globalization;
using Kinetics.Boltzmann;
using Kinetics.Distributions;
using Kinetics.Dynamics;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Landau;
using Spectre.Console;

namespace Kinetics.Cli.Commands;

/// <summary>
/// `kinetics relax` on per-species grids (docs/species-grids.md): <see cref="SpeciesGridBoltzmannOperator"/> or
/// <see cref="SpeciesGridLandauOperator"/> integrated by <see cref="SpeciesGridSolver"/> (SSP-RK3, |F|-weighted
/// conservative projection of every stage, every moment on the species' own grid).
/// </summary>
/// <remarks>The steady-state-preserving form and the equilibrium limiter of the shared-grid run need one discrete
/// equilibrium on one grid and are not used here; checkpoints, restarts and snapshots store one grid and are refused
/// (use <c>--grids shared</c>).</remarks>
internal static class RelaxPerSpecies
{
    /// <summary>Checks the options that per-species grids do not support, before anything is computed.</summary>
    public static void Validate(RelaxFiles files)
    {
        foreach (var (option, value) in new[] { ("--checkpoint", files.Checkpoint), ("--restart", files.Restart), ("--snapshot", files.Snapshot) })
        {
            if (value is not null)
            {
                throw new ArgumentException($"{option} stores one shared grid and is not available on per-species grids (chosen by --grids for this mixture): add --grids shared to use it.");
            }
        }
    }

    /// <summary>Builds the operator, the solver and the initial state; returns the run.</summary>
    public static Func<IProgress<SolverProgress>, CancellationToken, SpaceHomogeneousResult> Prepare(
        RelaxSettings settings, SpeciesGrids grids, RelaxFiles files, JsonOutput io, StepObserver observer)
    {
        var mixture = settings.Mixture;
        int s = mixture.Count;
        ISpeciesGridCollisionOperator op;
        string description;
        if (settings.Landau is LandauKernel landau)
        {
            op = SpeciesGridLandauOperator.Create(grids, mixture, LandauCouplings.Uniform(s, 1.0), landau);
            description = $"Landau, Φ = |z|^({landau.Gamma:G4}+2) Π(z)";
        }
        else
        {
            // As on the shared grid, resolution is not checked by the operator (the run reports entropy and conservation).
            op = SpeciesGridBoltzmannOperator.Create(
                grids,
                CollisionKernelTable.Uniform(mixture, settings.Kernel),
                new BoltzmannOptions { ResolutionTolerance = double.PositiveInfinity, MaxDegreeOfParallelism = Math.Clamp(Environment.ProcessorCount, 1, 4) });
            description = $"Boltzmann, {settings.Kernel}";
        }

        // The step control of the shared-grid run (Courant 1 on the collision frequency, bulk-only relative rates), and its
        // partial result on a failed step (exit code 3 with what was computed).
        var solver = SpeciesGridSolver.Create(op, new SpaceHomogeneousOptions
        {
            Scheme = TimeScheme.SspRk3, Courant = 1.0, RateFloor = 1e-3, MaxSteps = files.MaxSteps, PartialResultOnFailure = true,
        });

        double[] initial = new double[grids.TotalCount];
        for (int a = 0; a < s; a++)
        {
            var state = settings.States[a];
            var local = new MacroscopicState(state.Density, state.BulkVelocity - grids[a].Centre, state.Temperature);
            DiscreteMaxwellian.Fill(grids[a].Grid, local, mixture[a].Mass, grids.Slice(initial.AsSpan(), a));
        }

        string boxes = string.Join("; ", Enumerable.Range(0, s).Select(a => string.Create(
            CultureInfo.InvariantCulture, $"{mixture[a].Name}: N = {grids[a].PointsPerAxis}, L = {grids[a].HalfWidth:G4} about {grids[a].Centre.X:G3}")));
        io.Human.MarkupLine(CultureInfo.InvariantCulture, $"[bold]kinetics relax[/]: {Markup.Escape(mixture.ToString())}, {Markup.Escape(description)}, per-species grids ({Markup.Escape(boxes)})");
        return (progress, token) => solver.Run(initial, settings.FinalTime, observer, progress, token);
    }
}
