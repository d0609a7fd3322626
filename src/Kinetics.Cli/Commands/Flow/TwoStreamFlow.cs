using System.CommandLine;
using System.Numerics;
using Kinetics.PhaseSpace.Diagnostics;
using Kinetics.PhaseSpace.Theory;
using Spectre.Console;

namespace Kinetics.Cli.Commands.Flow;

/// <summary>
/// `kinetics flow two-stream`: the two-stream instability of two counter-streaming Maxwellian beams ±u₀ (1D-1V
/// electrons, fixed ions). The growth rate is half the slope of log W over the linear phase and is compared with the
/// unstable root of 1 + Σ_b (n_b/(k²T_b))(1 + ζ_b Z(ζ_b)) = 0 (<see cref="BeamDispersion"/>).
/// </summary>
internal static class TwoStreamFlow
{
    public static Command Create()
    {
        var k = new Option<double>("--k") { Description = "Wavenumber k of the perturbation (box 2π/k), in inverse Debye lengths.", DefaultValueFactory = _ => 0.3 }.InRange(0, 10, minOpen: true);
        var drift = new Option<double>("--drift") { Description = "Beam speed u₀ (beams at ±u₀), in units of √(T_unit/m).", DefaultValueFactory = _ => 2.4 }.InRange(0, 100);
        var temperature = new Option<double>("--temperature") { Description = "Temperature of each beam.", DefaultValueFactory = _ => 1.0 }.InRange(0, 100, minOpen: true);
        var amplitude = new Option<double>("--amplitude") { Description = "Relative density perturbation α (tiny: a long linear phase).", DefaultValueFactory = _ => 1e-6 }.InRange(0, 0.5, minOpen: true);
        var cells = new Option<int>("--cells") { Description = "Spatial cells (even, no prime factor above 5).", DefaultValueFactory = _ => 64 }.GridSize(4, 4096);
        var velocities = new Option<int>("--velocities") { Description = "Velocity nodes on [−L, L].", DefaultValueFactory = _ => 256 }.InRange(8, 1024);
        var halfWidth = new Option<double>("--half-width") { Description = "Velocity half-width L.", DefaultValueFactory = _ => 9.0 }.InRange(1, 100);
        var finalTime = new Option<double>("--t-final") { Description = "Final time (before saturation), in inverse plasma frequencies.", DefaultValueFactory = _ => 35.0 }.InRange(0, 10000, minOpen: true);
        var fitFrom = new Option<double>("--fit-from") { Description = "Start of the fitted window (after the damped roots have died out).", DefaultValueFactory = _ => 15.0 }.InRange(0, 10000);
        var limiter = FlowRuntime.CreateLimiterOption();
        var csv = OutputPrefix.Create("two-stream", "PREFIX.csv (field-energy history t, W(t))");
        var threads = FlowRuntime.CreateThreadsOption();
        var json = JsonOutput.CreateOption();
        var control = new FlowRunControl();
        var command = new Command("two-stream", "Two-stream instability (1D-1V Vlasov–Poisson): growth rate against the dispersion relation.")
        {
            k, drift, temperature, amplitude, cells, velocities, halfWidth, finalTime, fitFrom, limiter, csv, threads, json,
        };
        foreach (var option in control.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => FlowRuntime.Execute(parse.GetValue(json), "flow two-stream", (communicator, output) =>
        {
            double wavenumber = parse.GetValue(k), u = parse.GetValue(drift), t = parse.GetValue(temperature), alpha = parse.GetValue(amplitude);
            double tFinal = parse.GetValue(finalTime), from = parse.GetValue(fitFrom);
            if (from >= tFinal)
            {
                throw new ArgumentException($"--fit-from ({from}) must be below --t-final ({tFinal}).");
            }

            var slope = FlowRuntime.Limiter(parse.GetValue(limiter)!);
            string csvPath = OutputPrefix.Normalize(parse.GetValue(csv)!) + ".csv";

            Complex theory = BeamDispersion.TwoStream(u, t).Root(wavenumber, new Complex(0, 0.3));
            if (!(theory.Imaginary > 0))
            {
                throw new ArgumentException($"No growing mode at k = {wavenumber}, u₀ = {u}, T = {t} (root {theory}).");
            }

            double norm = 1 / Math.Sqrt(2 * Math.PI * t);
            var run = ElectronRun.Execute(
                communicator, wavenumber, parse.GetValue(cells), parse.GetValue(velocities), parse.GetValue(halfWidth), tFinal,
                (x, v) => 0.5 * norm * (Math.Exp(-(v - u) * (v - u) / (2 * t)) + Math.Exp(-(v + u) * (v + u) / (2 * t))) * (1 + (alpha * Math.Cos(wavenumber * x))),
                slope,
                FlowRuntime.Threads(parse.GetValue(threads), communicator),
                control.Read(parse),
                output,
                "two-stream");
            if (!run.Finished)
            {
                return communicator.Rank == 0 ? FlowRunControl.WriteStopped(output, "flow two-stream", run.Clock, run.Fingerprint) : 0;
            }

            double rate = FieldEnergyFit.GrowthRate(run.Times, run.FieldEnergies, from, tFinal);
            if (communicator.Rank != 0)
            {
                return 0;
            }

            run.WriteHistory(csvPath);

            double error = Math.Abs(rate - theory.Imaginary) / theory.Imaginary;
            output.Human.WriteLine($"growth rate {rate:F5}, dispersion relation {theory.Imaginary:F5} (Re ω = {theory.Real:E1}), relative error {error:E2}");
            output.Human.WriteLine($"{run.Steps} steps on {run.Ranks} process(es), fitted on [{from}, {tFinal}], mass drift {run.MassDrift:E2}, {run.WallSeconds:F1} s");
            output.WriteResult(new
            {
                command = "flow two-stream",
                k = wavenumber,
                drift = u,
                temperature = t,
                growthRate = rate,
                theoryGrowthRate = theory.Imaginary,
                relativeError = error,
                fitWindow = new[] { from, tFinal },
                fingerprint = run.Fingerprint,
                steps = run.Steps,
                ranks = run.Ranks,
                massDrift = run.MassDrift,
                wallS = run.WallSeconds,
                csv = csvPath,
            });
            return 0;
        }));
        return command;
    }
}
