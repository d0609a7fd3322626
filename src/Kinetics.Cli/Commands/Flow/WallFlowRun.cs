using System.Diagnostics;
using System.Globalization;
using System.Text;
using Kinetics.Boltzmann;
using Kinetics.Cli.Plotting;
using Kinetics.Dynamics;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Mixtures;
using Kinetics.Moments;
using Kinetics.PhaseSpace.Boundaries;
using Kinetics.PhaseSpace.Integration;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.PhaseSpace.Moments;
using Kinetics.PhaseSpace.Parallel;
using Kinetics.PhaseSpace.Velocities;
using Kinetics.Transport;

namespace Kinetics.Cli.Commands.Flow;

/// <summary>
/// A gas mixture between two Maxwell walls on [0, 1] (1-D mesh): free-molecular on a 2V velocity grid (v_x normal,
/// v_y along the walls; collisionless flow leaves v_z a passive Maxwellian), or with the spectral Boltzmann operator
/// (γ, b ∝ |cos θ|, scaled by 1/Kn) on a 3V grid. Starts from the uniform mixture at rest at temperature T₀ and writes
/// the final profiles as CSV and SVG.
/// </summary>
internal sealed record WallFlowRun(
    double[] X, CellFields[][] Species, CellFields[] Mixture, PhaseSpaceRunClock Clock, string Fingerprint, int Ranks, double MassDrift, double WallSeconds, bool PerSpeciesGrids,
    ResolutionSummary? Resolution)
{
    /// <summary>"per-species" or "shared", for the JSON result.</summary>
    public string GridsName => PerSpeciesGrids ? "per-species" : "shared";

    /// <summary>Steps of the whole run.</summary>
    public int Steps => Clock.TotalSteps;

    /// <summary>False when the step budget stopped the run early.</summary>
    public bool Finished => Clock.IsFinished;

    public static WallFlowRun Execute(
        IDomainCommunicator communicator, double[] masses, double[] densities, double initialTemperature, WallBoundary low, WallBoundary high,
        int cells, int velocities, double halfWidth, double? knudsen, double finalTime, int threads,
        FlowRunControl.Settings files, JsonOutput io, string description, string grids = "shared")
    {
        var clock = Stopwatch.StartNew();
        var mixture = new Mixture(masses.Select((m, i) => new Kinetics.Mixtures.Species($"s{i}", m)));
        var mesh = UniformMesh.Create1D(cells, 1.0);
        int dimension = knudsen is null ? 2 : 3;
        var grid = new VelocityGrid(dimension, velocities, halfWidth);
        bool perSpecies = UsePerSpeciesGrids(grids, masses, [initialTemperature, low.Temperature, high.Temperature]);
        // Per-species: the lightest species keeps [−L, L], every other one the box scaled by its thermal speed
        // √(m_lightest/m_α), all centred at 0 (a wall mirrors the normal velocity) with N nodes per axis.
        double lightest = masses.Min();
        VelocityGrid[] speciesGrids = perSpecies
            ? masses.Select(m => new VelocityGrid(dimension, velocities, halfWidth * Math.Sqrt(lightest / m))).ToArray()
            : [];
        CollisionStep? collisions = null;
        BatchedCollisionStepOptions? batchedOptions = null;
        if (knudsen is double kn)
        {
            batchedOptions = new BatchedCollisionStepOptions { MaxDegreeOfParallelism = Math.Clamp(threads, 1, 256) };

            // The operator's input check is off, as in `relax`: coarse collisional grids ring on the box faces in the
            // Runge–Kutta stages (1e−4 of the peak at N = 24 after a few steps of a Kn = 1 Couette run, which a fixed
            // 1e−4 check refused), and the batched step measures resolution itself (ResolutionPolicy.Report) instead of
            // stopping the run.
            var boltzmannOptions = new BoltzmannOptions { ResolutionTolerance = double.PositiveInfinity };
            if (perSpecies)
            {
                // The 1/Kn scaling enters the kernel (b = |cos θ|/Kn, the kernel of MidGap's Chapman–Enskog check).
                var op = SpeciesGridBoltzmannOperator.Create(
                    new SpeciesGrids(speciesGrids.Select(g => g.ToSpeciesGrid())),
                    CollisionKernelTable.Uniform(mixture, new CollisionKernel(-1.0, AngularFunction.AbsoluteCosine(1.0 / kn))),
                    boltzmannOptions);
                collisions = CollisionStep.CreateBatchedOnSpeciesGrids(op, batchedOptions);
            }
            else
            {
                var op = BoltzmannOperator.Create(
                    grid.ToCartesian(),
                    CollisionKernelTable.Uniform(mixture, new CollisionKernel(-1.0, AngularFunction.AbsoluteCosine(1.0))),
                    boltzmannOptions);

                // All cells per Runge–Kutta stage through the conservative batched step (per-cell conservation to round-off).
                collisions = CollisionStep.CreateBatched(new ScaledCollisionOperator(op, 1.0 / kn), batchedOptions);
            }
        }

        var options = new PhaseSpaceOptions { Communicator = communicator, MaxDegreeOfParallelism = threads, LowBoundary = low, HighBoundary = high, Collisions = collisions };
        var state = perSpecies ? PhaseSpaceSolver.CreateLocalState(mesh, speciesGrids, mixture, options) : PhaseSpaceSolver.CreateLocalState(mesh, grid, mixture, options);
        for (int s = 0; s < masses.Length; s++)
        {
            double m = masses[s], n = densities[s];
            double norm = n * Math.Pow(m / (2 * Math.PI * initialTemperature), dimension / 2.0);
            state.Fill(s, (_, _, v) => norm * Math.Exp(-m * v.LengthSquared / (2 * initialTemperature)));
        }

        var solver = PhaseSpaceSolver.Create(state, options);
        // The history carried by a checkpoint: the initial total mass.
        double[] history = [solver.Diagnose(state).Masses.Sum()];
        var restart = files.Restore(solver, state, finalTime);
        if (restart is not null)
        {
            history = restart.History.ToArray();
        }

        // With collisions, the batched step measures each cell's resolution (ResolutionPolicy.Report): the worst box-edge
        // ratio and h/σ of the last stage of every step, over all cells, steps and processes, are reported at the end.
        double worstEdge = 0, worstSpacing = 0;
        Action<PhaseSpaceStep>? observer = collisions is null ? null : _ =>
        {
            foreach (var report in collisions.Reports)
            {
                worstEdge = Math.Max(worstEdge, report.WorstEdgeRatio);
                worstSpacing = Math.Max(worstSpacing, report.WorstSpacingRatio);
            }
        };
        var end = FlowRunControl.Run(solver, state, finalTime, restart, files, communicator, io, description, observer, () => history);
        ResolutionSummary? resolution = null;
        if (collisions is not null)
        {
            double[] worst = new double[2 * communicator.Size];
            communicator.AllGather([worstEdge, worstSpacing], Enumerable.Repeat(2, communicator.Size).ToArray(), worst);
            resolution = new ResolutionSummary(
                Enumerable.Range(0, communicator.Size).Max(r => worst[2 * r]),
                Enumerable.Range(0, communicator.Size).Max(r => worst[(2 * r) + 1]),
                batchedOptions!.ResolutionTolerance,
                batchedOptions.MaxSpacingRatio);
        }

        double mass0 = history[0];
        double mass1 = solver.Diagnose(state).Masses.Sum();

        // Per-cell fields, gathered in cell order: (n, u_y, T, P_xy, q_x) per species, then for the mixture.
        int width = 5 * (masses.Length + 1);
        var local = new double[state.CellCount * width];
        for (int c = 0; c < state.CellCount; c++)
        {
            for (int s = 0; s <= masses.Length; s++)
            {
                var f = s < masses.Length ? CellMoments.Species(state, c, s) : CellMoments.Mixture(state, c);
                int at = (c * width) + (5 * s);
                (local[at], local[at + 1], local[at + 2], local[at + 3], local[at + 4]) = (f.Density, f.BulkVelocity.Y, f.Temperature, f.Stress.Xy, f.HeatFlux.X);
            }
        }

        double[] all = solver.Gather(local, width);
        CellFields Field(int c, int s)
        {
            int at = (c * width) + (5 * s);
            return new CellFields(all[at], new Velocity3(0, all[at + 1], 0), all[at + 2], new SymmetricTensor3(0, 0, 0, all[at + 3], 0, 0), new Velocity3(all[at + 4], 0, 0));
        }

        var x = Enumerable.Range(0, cells).Select(mesh.CenterX).ToArray();
        var species = Enumerable.Range(0, masses.Length).Select(s => Enumerable.Range(0, cells).Select(c => Field(c, s)).ToArray()).ToArray();
        var mixed = Enumerable.Range(0, cells).Select(c => Field(c, masses.Length)).ToArray();
        return new WallFlowRun(x, species, mixed, end, solver.Fingerprint(state), communicator.Size, Math.Abs(mass1 - mass0) / mass0, clock.Elapsed.TotalSeconds, perSpecies, resolution);
    }

    /// <summary>The `--grids` rule: per-species when asked, or under auto when the thermal speeds √(T/m) over the gas and
    /// wall temperatures differ by more than <see cref="GridSelection.PerSpeciesThreshold"/> (the rule of `relax`).</summary>
    public static bool UsePerSpeciesGrids(string grids, double[] masses, double[] temperatures)
    {
        if (grids != "auto")
        {
            return grids == "per-species";
        }

        var species = new List<int>();
        var t = new List<double>();
        for (int s = 0; s < masses.Length; s++)
        {
            foreach (double temperature in temperatures)
            {
                species.Add(s);
                t.Add(temperature);
            }
        }

        return masses.Length > 1 && GridSelection.PrefersPerSpeciesGrids(species.ToArray(), masses, t.ToArray());
    }

    /// <summary>
    /// The mid-gap Navier–Stokes–Fourier check of a collisional run (docs/phase-space.md, "Collisional Couette flow and
    /// Fourier's law"): −P_xy/(du_y/dx) and −q_x/(dT/dx) across the middle face (centred differences of the two middle
    /// cells, fluxes averaged over them) against the Chapman–Enskog η and λ of the run's kernels (γ = −1,
    /// b = |cos θ|/Kn) at the local densities and temperature. A ratio is null when its gradient vanishes.
    /// </summary>
    public (double? Viscosity, double? Conductivity, double ChapmanEnskogViscosity, double ChapmanEnskogConductivity) MidGap(double[] masses, double knudsen)
    {
        int a = (X.Length / 2) - 1, b = X.Length / 2;
        CellFields fa = Mixture[a], fb = Mixture[b];
        double dx = X[b] - X[a];
        double dudx = (fb.BulkVelocity.Y - fa.BulkVelocity.Y) / dx, dtdx = (fb.Temperature - fa.Temperature) / dx;
        var mixture = new Mixture(masses.Select((m, i) => new Kinetics.Mixtures.Species($"s{i}", m)));
        var kernels = CollisionKernelTable.Uniform(mixture, new CollisionKernel(-1.0, AngularFunction.AbsoluteCosine(1.0 / knudsen)));
        double[] densities = [.. Species.Select(s => 0.5 * (s[a].Density + s[b].Density))];
        var ce = ChapmanEnskog.Create(kernels, densities, 0.5 * (fa.Temperature + fb.Temperature)).Converged();
        double? viscosity = dudx == 0 ? null : -0.5 * (fa.Stress.Xy + fb.Stress.Xy) / dudx;
        double? conductivity = dtdx == 0 ? null : -0.5 * (fa.HeatFlux.X + fb.HeatFlux.X) / dtdx;
        return (viscosity, conductivity, ce.Viscosity, ce.ThermalConductivity);
    }

    /// <summary>Writes x and, per species and for the mixture, n, u_y, T, P_xy, q_x as CSV; and a PNG/SVG plot of <paramref name="plotted"/>.</summary>
    public void Write(string prefix, string plotted, Func<CellFields, double> value)
    {
        var header = new StringBuilder("x");
        for (int s = 0; s <= Species.Length; s++)
        {
            string tag = s < Species.Length ? $"s{s}" : "mix";
            header.Append(CultureInfo.InvariantCulture, $",n_{tag},u_y_{tag},T_{tag},P_xy_{tag},q_x_{tag}");
        }

        var text = new StringBuilder(header.Append('\n').ToString());
        for (int c = 0; c < X.Length; c++)
        {
            text.Append(X[c].ToString("R", CultureInfo.InvariantCulture));
            foreach (var f in Species.Select(s => s[c]).Append(Mixture[c]))
            {
                text.Append(CultureInfo.InvariantCulture, $",{f.Density:R},{f.BulkVelocity.Y:R},{f.Temperature:R},{f.Stress.Xy:R},{f.HeatFlux.X:R}");
            }

            text.Append('\n');
        }

        File.WriteAllText(prefix + ".csv", text.ToString());
        var plot = new Figure { Title = plotted, XLabel = "x", YLabel = plotted };
        for (int s = 0; s < Species.Length; s++)
        {
            plot.Add(new PlotSeries($"species {s}", X, Species[s].Select(value).ToArray()));
        }

        plot.Add(new PlotSeries("mixture", X, Mixture.Select(value).ToArray()));
        plot.Save(prefix);
    }

    /// <summary>𝒞/Kn, keeping the operator's collision frequency (scaled) for the step choice.</summary>
    private sealed class ScaledCollisionOperator(ICollisionOperator inner, double scale) : ICollisionOperator, ICollisionFrequency
    {
        public CartesianGrid Grid => inner.Grid;

        public ReadOnlySpan<double> Masses => inner.Masses;

        public void Evaluate(ReadOnlySpan<double> distributions, Span<double> destination)
        {
            inner.Evaluate(distributions, destination);
            foreach (ref double d in destination)
            {
                d *= scale;
            }
        }

        public double MaxCollisionFrequency(ReadOnlySpan<double> state) =>
            inner is ICollisionFrequency f ? scale * f.MaxCollisionFrequency(state) : 0.0;
    }
}
