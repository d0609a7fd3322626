using System.Diagnostics;
using System.Globalization;
using Kinetics.Cli.Plotting;
using Spectre.Console;
using static Kinetics.Cli.Commands.Scenarios.ScenarioMath;

namespace Kinetics.Cli.Commands.Scenarios;

/// <summary>The table, plot and JSON of `kinetics scenario massless-electron --problem vpl-1d` (<see cref="MasslessElectronVpl1D"/>).</summary>
internal static class MasslessElectronVpl1DReport
{
    public static int Run(double[] epsilons, MasslessElectronVpl1D.Settings settings, string prefix, JsonOutput io)
    {
        if (settings.Cells is < 8 or > 128 || !Spectral.Fft3DPlan.IsSupportedSize(settings.Cells))
        {
            throw new ArgumentException($"--cells must be in [8, 128] and of the form 2^a·3^b·5^c (was {settings.Cells}).");
        }

        if (!(settings.Amplitude > 0 && settings.Amplitude <= 0.5))
        {
            throw new ArgumentException($"--amplitude must be in (0, 0.5] (was {settings.Amplitude}).");
        }

        if (!(settings.Wavenumber >= 0.05 && settings.Wavenumber <= 5))
        {
            throw new ArgumentException($"--wavenumber must be in [0.05, 5] (was {settings.Wavenumber}).");
        }

        if (!(settings.IonTemperature >= 0.05 && settings.IonTemperature <= 5))
        {
            throw new ArgumentException($"--t-ion must be in [0.05, 5] (was {settings.IonTemperature}).");
        }

        if (!(settings.ElectronBox >= 4 && settings.ElectronBox <= 10))
        {
            throw new ArgumentException($"--electron-box must be in [4, 10] (was {settings.ElectronBox}).");
        }

        if (!(settings.Cfl > 0 && settings.Cfl <= 1))
        {
            throw new ArgumentException($"--cfl must be in (0, 1] (was {settings.Cfl}).");
        }

        var total = Stopwatch.StartNew();
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("ε", "cross form", "steps", "Δt", "‖F₊^ε − F₊⁰‖₁/‖F₊⁰‖₁", "order", "max|n₊^ε − n₊⁰|/max n₊⁰", "‖F₋^ε − μ_βe^{βφ}‖₁/‖·‖₁", "order", "T₋ (limit)", "wall s");
        var cases = new List<MasslessElectronVpl1D.Case>();
        foreach (double epsilon in epsilons)
        {
            var result = MasslessElectronVpl1D.Run(epsilon, settings);
            string Order(Func<MasslessElectronVpl1D.Case, double> pick) =>
                cases.Count > 0 ? F(Math.Log(pick(cases[^1]) / pick(result)) / Math.Log(cases[^1].Epsilon / epsilon), "F2") : "";
            table.AddRow(
                F(epsilon, "G4"), result.CrossForm, result.Steps.ToString(CultureInfo.InvariantCulture), F(result.Dt, "E2"), F(result.IonError, "E3"), Order(c => c.IonError),
                F(result.IonDensityError, "E3"), F(result.ElectronError, "E3"), Order(c => c.ElectronError),
                $"{F(result.ElectronTemperature, "F5")} ({F(result.ElectronTemperatureLimit, "F5")})", F(result.Wall, "F1"));
            cases.Add(result);
            if (!double.IsFinite(result.IonError) || !double.IsFinite(result.ElectronError))
            {
                io.Warn($"ε = {epsilon}: the run produced non-finite values.", meaningless: true);
            }
        }

        var logEps = cases.Select(c => Math.Log(c.Epsilon)).ToList();
        double observed = Slope(logEps, cases.Select(c => Math.Log(c.IonError)).ToList());
        double electronOrder = Slope(logEps, cases.Select(c => Math.Log(c.ElectronError)).ToList());
        bool falls = cases.Zip(cases.Skip(1), (a, b) => b.IonError < a.IonError).All(x => x);
        if (!falls)
        {
            io.Warn("the ions' error does not fall monotonically as ε falls.");
        }

        io.Human.MarkupLine("[bold]kinetics scenario massless-electron --problem vpl-1d[/]: " + Markup.Escape(
            $"ions n = 1 + {F(settings.Amplitude, "G3")}cos({F(settings.Wavenumber, "G3")}x) at T₊ = {F(settings.IonTemperature, "G3")}, well-prepared electrons at T₋ = 1, {settings.Cells} cells, N = {settings.VelocityPoints} (ions), {(settings.ElectronPoints > 0 ? settings.ElectronPoints : settings.VelocityPoints)} (electrons), t = {F(settings.FinalTime, "G4")}; limit: ions with Maxwell–Boltzmann electrons (same steps)."));
        io.Human.Write(table);
        io.Human.WriteLine($"Observed order in ε (least squares): ions {F(observed, "F3")}, electrons {F(electronOrder, "F3")} (Flynn & Guo: O(ε) for well-prepared data).");
        double anchor = cases[^1].IonError / cases[^1].Epsilon;
        var figure = new Figure
        {
            Title = $"1-D VPL against the massless-electron limit ({settings.Cells} cells, N = {settings.VelocityPoints}/{(settings.ElectronPoints > 0 ? settings.ElectronPoints : settings.VelocityPoints)} ions/electrons, t = {F(settings.FinalTime, "G4")}): order {F(observed, "F2")}",
            XLabel = "ε = √(m₋/m₊)",
            YLabel = "relative L¹ error",
            XScale = AxisScale.Log10,
            YScale = AxisScale.Log10,
        }
            .Add(new PlotSeries("ions ‖F₊^ε − F₊⁰‖₁", epsilons, cases.Select(c => c.IonError).ToArray(), SeriesStyle.LineMarkers, 0))
            .Add(new PlotSeries("electrons ‖F₋^ε − μ_β e^{βφ}‖₁", epsilons, cases.Select(c => c.ElectronError).ToArray(), SeriesStyle.LineMarkers, 2))
            .Add(new PlotSeries("O(ε) reference", epsilons, epsilons.Select(e => anchor * e).ToArray(), SeriesStyle.Dashed, 1));
        var files = figure.Save(prefix);
        io.Human.MarkupLine($"Wrote [blue]{Markup.Escape(files[0])}[/] and [blue]{Markup.Escape(files[1])}[/].");
        io.WriteResult(new Dictionary<string, object?>
        {
            ["problem"] = "vpl-1d",
            ["png"] = files[0],
            ["svg"] = files[1],
            ["eps"] = epsilons,
            ["ion_error"] = cases.Select(c => c.IonError).ToArray(),
            ["observed_order"] = observed,
            ["electron_error"] = cases.Select(c => c.ElectronError).ToArray(),
            ["electron_observed_order"] = electronOrder,
            ["error_falls"] = falls,
            ["n"] = settings.VelocityPoints,
            ["n_electron"] = settings.ElectronPoints > 0 ? settings.ElectronPoints : settings.VelocityPoints,
            ["cells"] = settings.Cells,
            ["wavenumber"] = settings.Wavenumber,
            ["amplitude"] = settings.Amplitude,
            ["ion_temperature"] = settings.IonTemperature,
            ["t_final"] = settings.FinalTime,
            ["electron_box"] = settings.ElectronBox,
            ["limiter"] = settings.Limiter.ToString(),
            ["cfl"] = settings.Cfl,
            ["electrons"] = settings.WellBalanced ? "well-balanced" : "plain",
            ["cases"] = cases.Select(c => new Dictionary<string, object>
            {
                ["epsilon"] = c.Epsilon,
                ["cross_form"] = c.CrossForm,
                ["steps"] = c.Steps,
                ["dt"] = c.Dt,
                ["ion_error"] = c.IonError,
                ["ion_density_error"] = c.IonDensityError,
                ["electron_error"] = c.ElectronError,
                ["electron_density_error"] = c.ElectronDensityError,
                ["electron_shape_error"] = c.ElectronShapeError,
                ["electron_anisotropy"] = c.ElectronAnisotropy,
                ["electron_temperature"] = c.ElectronTemperature,
                ["electron_temperature_limit"] = c.ElectronTemperatureLimit,
                ["mass_drift"] = c.MassDrift,
                ["energy_drift"] = c.EnergyDrift,
                ["wall_s"] = c.Wall,
            }).ToArray(),
            ["wall_s"] = total.Elapsed.TotalSeconds,
        });
        return 0;
    }
}
