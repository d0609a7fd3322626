using System.CommandLine;
using System.Numerics;
using Kinetics.PhaseSpace.Diagnostics;
using Kinetics.PhaseSpace.Theory;
using Spectre.Console;

namespace Kinetics.Cli.Commands.Flow;

/// <summary>
/// `kinetics flow landau-damping`: linear Landau damping of F = (1 + α cos kx)𝓜(v) (1D-1V electrons, fixed ions). The
/// damping rate and frequency are read from the maxima of the field energy (<see cref="FieldEnergyFit"/>) and compared
/// with the least-damped root of 1 + k⁻²(1 + ζZ(ζ)) = 0, ζ = ω/(√2k) (<see cref="BeamDispersion"/>).
/// </summary>
internal static class LandauDampingFlow
{
    public static Command Create()
    {
        var k = new Option<double>("--k") { Description = "Wavenumber k of the perturbation, in inverse Debye lengths (box 2π/k).", DefaultValueFactory = _ => 0.5 }.InRange(0, 10, minOpen: true);
        var amplitude = new Option<double>("--amplitude") { Description = "Relative density perturbation α (small: linear regime).", DefaultValueFactory = _ => 0.01 }.InRange(0, 0.5, minOpen: true);
        var cells = new Option<int>("--cells") { Description = "Spatial cells (even, no prime factor above 5).", DefaultValueFactory = _ => 64 }.GridSize(4, 4096);
        var velocities = new Option<int>("--velocities") { Description = "Velocity nodes on [−L, L].", DefaultValueFactory = _ => 256 }.InRange(8, 1024);
        var halfWidth = new Option<double>("--half-width") { Description = "Velocity half-width L, in thermal speeds.", DefaultValueFactory = _ => 6.0 }.InRange(1, 100);
        var finalTime = new Option<double>("--t-final") { Description = "Final time, in inverse plasma frequencies.", DefaultValueFactory = _ => 30.0 }.InRange(0, 10000, minOpen: true);
        var fitFrom = new Option<double>("--fit-from") { Description = "Maxima of the field energy before this time are not fitted (initial transient).", DefaultValueFactory = _ => 3.0 }.InRange(0, 10000);
        var limiter = FlowRuntime.CreateLimiterOption();
        var csv = OutputPrefix.Create("landau-damping", "PREFIX.csv (field-energy history t, W(t))");
        var threads = FlowRuntime.CreateThreadsOption();
        var json = JsonOutput.CreateOption();
        var control = new FlowRunControl();
        var command = new Command("landau-damping", "Linear Landau damping (1D-1V Vlasov–Poisson): rate and frequency against the plasma dispersion function.")
        {
            k, amplitude, cells, velocities, halfWidth, finalTime, fitFrom, limiter, csv, threads, json,
        };
        foreach (var option in control.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => FlowRuntime.Execute(parse.GetValue(json), "flow landau-damping", (communicator, output) =>
        {
            double wavenumber = parse.GetValue(k), alpha = parse.GetValue(amplitude), tFinal = parse.GetValue(finalTime), from = parse.GetValue(fitFrom);
            if (from >= tFinal)
            {
                throw new ArgumentException($"--fit-from ({from}) must be below --t-final ({tFinal}).");
            }

            var slope = FlowRuntime.Limiter(parse.GetValue(limiter)!);
            string csvPath = OutputPrefix.Normalize(parse.GetValue(csv)!) + ".csv";

            Complex theory = BeamDispersion.Maxwellian.Root(wavenumber, Math.Sqrt(1 + (3 * wavenumber * wavenumber)));
            var run = ElectronRun.Execute(
                communicator, wavenumber, parse.GetValue(cells), parse.GetValue(velocities), parse.GetValue(halfWidth), tFinal,
                (x, v) => Math.Exp(-v * v / 2) / Math.Sqrt(2 * Math.PI) * (1 + (alpha * Math.Cos(wavenumber * x))),
                slope,
                FlowRuntime.Threads(parse.GetValue(threads), communicator),
                control.Read(parse),
                output,
                "landau-damping");
            if (!run.Finished)
            {
                return communicator.Rank == 0 ? FlowRunControl.WriteStopped(output, "flow landau-damping", run.Clock, run.Fingerprint) : 0;
            }

            var fit = FieldEnergyFit.Oscillation(run.Times, run.FieldEnergies, from, tFinal);
            if (communicator.Rank != 0)
            {
                return 0;
            }

            run.WriteHistory(csvPath);

            double rateError = Math.Abs(fit.Rate - theory.Imaginary) / Math.Abs(theory.Imaginary);
            double frequencyError = Math.Abs(fit.Frequency - theory.Real) / theory.Real;
            var table = new Table().AddColumns("", "measured", "linear theory", "relative error");
            table.AddRow("damping rate γ", $"{fit.Rate:F5}", $"{theory.Imaginary:F5}", $"{rateError:E2}");
            table.AddRow("frequency ω", $"{fit.Frequency:F5}", $"{theory.Real:F5}", $"{frequencyError:E2}");
            output.Human.Write(table);
            output.Human.WriteLine($"{run.Steps} steps on {run.Ranks} process(es), {fit.Maxima} maxima fitted, mass drift {run.MassDrift:E2}, energy drift {run.EnergyDrift:E2}, {run.WallSeconds:F1} s");
            output.Human.WriteLine($"fingerprint {run.Fingerprint}");
            output.WriteResult(new
            {
                command = "flow landau-damping",
                k = wavenumber,
                amplitude = alpha,
                dampingRate = fit.Rate,
                frequency = fit.Frequency,
                theoryDampingRate = theory.Imaginary,
                theoryFrequency = theory.Real,
                dampingRateRelativeError = rateError,
                frequencyRelativeError = frequencyError,
                maximaFitted = fit.Maxima,
                fingerprint = run.Fingerprint,
                steps = run.Steps,
                ranks = run.Ranks,
                massDrift = run.MassDrift,
                energyDrift = run.EnergyDrift,
                wallS = run.WallSeconds,
                csv = csvPath,
            });
            return 0;
        }));
        return command;
    }
}
