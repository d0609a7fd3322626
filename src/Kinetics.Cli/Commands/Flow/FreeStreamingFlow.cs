using System.CommandLine;
using Kinetics.Mixtures;
using Kinetics.PhaseSpace.Integration;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.PhaseSpace.Moments;
using Kinetics.PhaseSpace.Parallel;
using Kinetics.PhaseSpace.Transport;
using Kinetics.PhaseSpace.Velocities;
using Spectre.Console;

namespace Kinetics.Cli.Commands.Flow;

/// <summary>
/// `kinetics flow free-streaming`: a unit Maxwellian with a sinusoidal density perturbation streams freely,
/// F(t, x, v) = 𝓜(v)(1 + α cos k(x − vt)), so the density perturbation decays by phase mixing as e^{−k²t²/2}. The run is
/// repeated on finer meshes (fixed Courant number) and the L¹ phase-space error against the exact cell averages gives the
/// convergence table and the observed order (least-squares slope of log error against log Δx).
/// </summary>
internal static class FreeStreamingFlow
{
    public static Command Create()
    {
        var k = new Option<double>("--k") { Description = "Wavenumber k (box 2π/k).", DefaultValueFactory = _ => 0.5 }.InRange(0, 10, minOpen: true);
        var amplitude = new Option<double>("--amplitude") { Description = "Relative density perturbation α.", DefaultValueFactory = _ => 0.2 }.InRange(0, 1);
        var finalTime = new Option<double>("--t-final") { Description = "Final time (density perturbation decayed by e^{−k²t²/2}).", DefaultValueFactory = _ => 4.0 }.InRange(0, 1000, minOpen: true);
        var cells = new Option<string>("--cells") { Description = "Spatial resolutions, comma-separated integers in [4, 65536].", DefaultValueFactory = _ => "32,64,128,256" };
        var velocities = new Option<int>("--velocities") { Description = "Velocity nodes on [−L, L].", DefaultValueFactory = _ => 64 }.InRange(8, 1024);
        var halfWidth = new Option<double>("--half-width") { Description = "Velocity half-width L.", DefaultValueFactory = _ => 8.0 }.InRange(1, 100);
        var limiter = FlowRuntime.CreateLimiterOption();
        var csv = OutputPrefix.Create("free-streaming", "PREFIX.csv (convergence table)");
        var threads = FlowRuntime.CreateThreadsOption();
        var json = JsonOutput.CreateOption();
        var command = new Command("free-streaming", "Free transport of a perturbed Maxwellian against the phase-mixing closed form: convergence table and observed order.")
        {
            k, amplitude, finalTime, cells, velocities, halfWidth, limiter, csv, threads, json,
        };
        command.SetAction(parse => FlowRuntime.Execute(parse.GetValue(json), "flow free-streaming", (communicator, output) =>
        {
            double wavenumber = parse.GetValue(k), alpha = parse.GetValue(amplitude), tFinal = parse.GetValue(finalTime);
            int[] resolutions = ParseCells(parse.GetValue(cells)!);
            var slope = FlowRuntime.Limiter(parse.GetValue(limiter)!);
            string csvPath = OutputPrefix.Normalize(parse.GetValue(csv)!) + ".csv";
            var grid = new VelocityGrid(1, parse.GetValue(velocities), parse.GetValue(halfWidth));
            var rows = resolutions.Select(n => Run(communicator, output, wavenumber, alpha, tFinal, n, grid, slope, FlowRuntime.Threads(parse.GetValue(threads), communicator))).ToArray();
            double order = rows.Length > 1
                ? Slope(rows.Select(r => Math.Log(r.Spacing)).ToArray(), rows.Select(r => Math.Log(r.Error)).ToArray())
                : double.NaN;
            if (communicator.Rank != 0)
            {
                return 0;
            }

            File.WriteAllLines(csvPath, rows.Select(r => FormattableString.Invariant($"{r.Cells},{r.Spacing:R},{r.Error:R},{r.DensityError:R},{r.MassDrift:R}")).Prepend("cells,dx,l1_error_f,max_density_error,mass_drift"));

            var table = new Table().AddColumns("Nx", "Δx", "L¹ error of F", "order", "max density error", "mass drift");
            for (int i = 0; i < rows.Length; i++)
            {
                string pairOrder = i == 0 ? "" : $"{Math.Log(rows[i - 1].Error / rows[i].Error) / Math.Log(rows[i - 1].Spacing / rows[i].Spacing):F3}";
                table.AddRow($"{rows[i].Cells}", $"{rows[i].Spacing:F4}", $"{rows[i].Error:E3}", pairOrder, $"{rows[i].DensityError:E3}", $"{rows[i].MassDrift:E1}");
            }

            output.Human.Write(table);
            output.Human.WriteLine($"observed order {order:F3} (least squares over {rows.Length} resolutions); density decay e^(−k²t²/2) = {Math.Exp(-wavenumber * wavenumber * tFinal * tFinal / 2):F5}");
            output.WriteResult(new
            {
                command = "flow free-streaming",
                k = wavenumber,
                amplitude = alpha,
                tFinal,
                cells = rows.Select(r => r.Cells).ToArray(),
                errors = rows.Select(r => r.Error).ToArray(),
                densityErrors = rows.Select(r => r.DensityError).ToArray(),
                massDrifts = rows.Select(r => r.MassDrift).ToArray(),
                observedOrder = order,
                densityDecay = Math.Exp(-wavenumber * wavenumber * tFinal * tFinal / 2),
                csv = csvPath,
            });
            return 0;
        }));
        return command;
    }

    private sealed record Row(int Cells, double Spacing, double Error, double DensityError, double MassDrift);

    private static Row Run(IDomainCommunicator communicator, JsonOutput io, double k, double alpha, double tFinal, int cells, VelocityGrid grid, SlopeLimiter limiter, int threads)
    {
        var mesh = UniformMesh.Create1D(cells, 2 * Math.PI / k);
        var options = new PhaseSpaceOptions { Limiter = limiter, Communicator = communicator, MaxDegreeOfParallelism = threads };
        var state = PhaseSpaceSolver.CreateLocalState(mesh, grid, new Mixture(new Species("n", 1.0)), options);

        // Exact cell averages: (1/Δx)∫cos k(x − vt) dx over a cell = sinc(kΔx/2) cos k(x_c − vt).
        double dx = mesh.SpacingX, sinc = Math.Sin(k * dx / 2) / (k * dx / 2);
        double Exact(double x, double v, double t) => Math.Exp(-v * v / 2) / Math.Sqrt(2 * Math.PI) * (1 + (alpha * sinc * Math.Cos(k * (x - (v * t)))));
        state.Fill(0, (x, _, v) => Exact(x, v.X, 0));
        var solver = PhaseSpaceSolver.Create(state, options);
        double mass0 = solver.Diagnose(state).Masses[0];
        FlowRunControl.Run(solver, state, tFinal, null, FlowRunControl.Settings.None, communicator, io, $"free streaming, {cells} cells", null, () => []);
        double mass1 = solver.Diagnose(state).Masses[0];

        // Per-cell errors (L¹ of F, density error), gathered in cell order.
        var local = new double[2 * state.CellCount];
        var density = new double[state.CellCount];
        CellMoments.Densities(state, 0, density);
        double decay = Math.Exp(-k * k * tFinal * tFinal / 2);
        for (int c = 0; c < state.CellCount; c++)
        {
            double x = mesh.CenterX(state.FirstCell + c);
            ReadOnlySpan<double> f = state.Distribution(c, 0);
            double sum = 0;
            for (int p = 0; p < grid.Count; p++)
            {
                sum += Math.Abs(f[p] - Exact(x, grid.Axis[p], tFinal));
            }

            local[2 * c] = sum * dx * grid.Spacing;
            local[(2 * c) + 1] = Math.Abs(density[c] - (1 + (alpha * decay * sinc * Math.Cos(k * x))));
        }

        double[] all = solver.Gather(local, 2);
        double error = 0, densityError = 0;
        for (int c = 0; c < cells; c++)
        {
            error += all[2 * c];
            densityError = Math.Max(densityError, all[(2 * c) + 1]);
        }

        return new Row(cells, dx, error, densityError, Math.Abs(mass1 - mass0) / mass0);
    }

    private static int[] ParseCells(string text)
    {
        var values = new List<int>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, System.Globalization.CultureInfo.InvariantCulture, out int n) || n < 4 || n > 65536)
            {
                throw new ArgumentException($"--cells must be comma-separated integers in [4, 65536] (got '{part}').");
            }

            values.Add(n);
        }

        return values.Count > 0 ? [.. values] : throw new ArgumentException("--cells must list at least one resolution.");
    }

    private static double Slope(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }

        return sxy / sxx;
    }
}
