using System.CommandLine;
using Kinetics.Cli.Commands.Scenarios;

namespace Kinetics.Cli.Commands;

/// <summary>`kinetics scenario`: the scenarios from the source papers as documented samples (expected outputs in docs/scenarios.md).</summary>
internal static class ScenarioCommand
{
    public static Command Create() => new("scenario", "Physical scenarios from the source papers, as documented samples (expected output in docs/scenarios.md).")
    {
        TwoTemperatureScenario.Create(),
        IonElectronScenario.Create(),
        PlasmaScenario.Create(),
        MasslessElectronScenario.Create(),
    };
}
