using System.CommandLine;

namespace Kinetics.Cli.Commands.Scenarios;

internal static class IonElectronScenario
{
    public static Command Create() => new("ion-electron", "placeholder");
}
