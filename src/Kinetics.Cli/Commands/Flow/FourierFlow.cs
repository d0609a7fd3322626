using Spectre.Console;
using System.CommandLine;
using Kinetics.PhaseSpace.Boundaries;

namespace Kinetics.Cli.Commands.Flow;

/// <summary>
/// `kinetics flow fourier`: a gas mixture at rest between diffuse walls at T₁ (x = 0) and T₂ (x = 1). Free-molecular
/// (default) the steady heat flux has the closed form q = Σ_α ((d + 1)/2)·Γ^α (T₁ − T₂), Γ^α = 2n̄^α√(T₁T₂)/((√T₁ + √T₂)√(2πm^α))
/// (half-range energy flux ((d + 1)/2)TΓ in d velocity dimensions, n₁√T₁ = n₂√T₂); with <c>--kn</c> the Boltzmann operator
/// acts and the profiles are reported.
/// </summary>
internal static class FourierFlow
{
    public static Command Create()
    {
        var shared = new WallFlowOptions();
        var low = new Option<double>("--t-low") { Description = "Temperature T₁ of the wall at x = 0.", DefaultValueFactory = _ => 1.0 }.InRange(0, 100, minOpen: true);
        var high = new Option<double>("--t-high") { Description = "Temperature T₂ of the wall at x = 1.", DefaultValueFactory = _ => 2.0 }.InRange(0, 100, minOpen: true);
        var output = OutputPrefix.Create("fourier", "PREFIX.csv (profiles n, u_y, T, P_xy, q_x per species and mixture) PREFIX.png and PREFIX.svg (T)");
        var threads = FlowRuntime.CreateThreadsOption();
        var json = JsonOutput.CreateOption();
        var control = new FlowRunControl();
        var command = new Command("fourier", "Mixture heat transfer between diffuse walls at two temperatures: heat flux against the free-molecular closed form, temperature profiles.")
        {
            shared.Masses, shared.Densities, low, high, shared.Cells, shared.Velocities, shared.HalfWidth, shared.Knudsen, shared.FinalTime, shared.Grids, output, threads, json,
        };
        foreach (var option in control.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => FlowRuntime.Execute(parse.GetValue(json), "flow fourier", (communicator, io) =>
        {
            var (m, n) = shared.Species(parse);
            double t1 = parse.GetValue(low), t2 = parse.GetValue(high);
            double? kn = parse.GetValue(shared.Knudsen);
            string prefix = OutputPrefix.Normalize(parse.GetValue(output)!);
            var run = WallFlowRun.Execute(
                communicator, m, n, 0.5 * (t1 + t2), WallBoundary.Diffuse(t1), WallBoundary.Diffuse(t2),
                parse.GetValue(shared.Cells), parse.GetValue(shared.Velocities), parse.GetValue(shared.HalfWidth), kn, parse.GetValue(shared.FinalTime),
                FlowRuntime.Threads(parse.GetValue(threads), communicator), control.Read(parse), io, "fourier", parse.GetValue(shared.Grids)!);
            if (communicator.Rank != 0)
            {
                return 0;
            }

            if (!run.Finished)
            {
                return FlowRunControl.WriteStopped(io, "flow fourier", run.Clock, run.Fingerprint);
            }

            run.Write(prefix, "T", f => f.Temperature);
            double flux = run.Mixture.Average(f => f.HeatFlux.X);
            int d = kn is null ? 2 : 3;
            double? theory = kn is null
                ? m.Zip(n, (mass, density) => (d + 1) / 2.0 * 2 * density * Math.Sqrt(t1 * t2) / ((Math.Sqrt(t1) + Math.Sqrt(t2)) * Math.Sqrt(2 * Math.PI * mass))).Sum() * (t1 - t2)
                : null;
            io.Human.WriteLine($"heat flux q_x = {flux:F6}" + (theory is double th ? $", free-molecular closed form {th:F6}, relative error {Math.Abs(flux - th) / Math.Abs(th):E2}" : $" (Kn = {kn})"));
            var ns = kn is double knudsen ? run.MidGap(m, knudsen) : default((double? Viscosity, double? Conductivity, double ChapmanEnskogViscosity, double ChapmanEnskogConductivity)?);
            if (ns is { } check)
            {
                io.Human.WriteLine($"mid-gap −q_x/(dT/dx) = {check.Conductivity:F6}, Chapman–Enskog λ = {check.ChapmanEnskogConductivity:F6}, ratio {check.Conductivity / check.ChapmanEnskogConductivity:F4}");
            }

            run.Resolution?.WarnIfExceeded(io);
            io.Human.WriteLine($"{run.Steps} steps on {run.Ranks} process(es), mass drift {run.MassDrift:E2}, {run.WallSeconds:F1} s; profiles in {prefix}.csv, {prefix}.png, {prefix}.svg");
            io.WriteResult(new
            {
                command = "flow fourier",
                masses = m,
                densities = n,
                tLow = t1,
                tHigh = t2,
                knudsen = kn,
                heatFlux = flux,
                theoryHeatFlux = theory,
                relativeError = theory is double e ? Math.Abs(flux - e) / Math.Abs(e) : (double?)null,
                effectiveConductivity = ns?.Conductivity,
                chapmanEnskogConductivity = ns?.ChapmanEnskogConductivity,
                conductivityCeError = ns?.Conductivity is double measured ? (measured / ns.Value.ChapmanEnskogConductivity) - 1 : (double?)null,
                x = run.X,
                temperature = run.Species.Select(s => s.Select(f => f.Temperature).ToArray()).ToArray(),
                mixtureTemperature = run.Mixture.Select(f => f.Temperature).ToArray(),
                grids = run.GridsName,
                maxEdgeRatio = run.Resolution?.EdgeRatio,
                maxSpacingRatio = run.Resolution?.SpacingRatio,
                fingerprint = run.Fingerprint,
                steps = run.Steps,
                ranks = run.Ranks,
                massDrift = run.MassDrift,
                wallS = run.WallSeconds,
                csv = prefix + ".csv",
                svg = prefix + ".svg",
            });
            return 0;
        }));
        return command;
    }
}
