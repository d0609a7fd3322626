using System.CommandLine;
using Kinetics.Cli.Commands;

// The `kinetics` command. Each subcommand lives in Commands/<Name>Command.cs as an internal static class with
// `public static Command Create()`, and is registered here with one line. The error contract (validation before
// computing, no stack traces, exit codes, one JSON object under --json) is CommandLineApp's: subcommands declare
// their checks with OptionRules and OutputPrefix, throw ArgumentException for the rest, and write through JsonOutput.
var root = new RootCommand("kinetics — collision operators of kinetic theory: demonstrations, verification and benchmarks.");
root.Subcommands.Add(RelaxCommand.Create());
root.Subcommands.Add(InfoCommand.Create());
root.Subcommands.Add(new Command("verify", "Accuracy checks against exact solutions and closed forms.")
{
    VerifyBkwCommand.Create(),
    VerifyLandauCommand.Create(),
    VerifyExchangeCommand.Create(),
});
root.Subcommands.Add(BlowdownCommand.Create());
root.Subcommands.Add(new Command("bench", "Timings of the numerical cores.") { BenchFftCommand.Create(), BenchBoltzmannCommand.Create() });
root.Subcommands.Add(EstimateCommand.Create());
root.Subcommands.Add(TransportCommand.Create());
root.Subcommands.Add(ScenarioCommand.Create());
root.Subcommands.Add(FlowCommand.Create());
root.Subcommands.Add(LimitCommand.Create());
return CommandLineApp.Run(root, args);
