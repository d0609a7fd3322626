using System.CommandLine;
using Kinetics.Cli.Commands;

// The `kinetics` command. Each subcommand lives in Commands/<Name>Command.cs as an internal static class with
// `public static Command Create()`, and is registered here with one line. A subcommand that reports figures adds
// `JsonOutput.CreateOption()` (--json) and writes through `JsonOutput`: with --json exactly one JSON object on standard
// output and all human-readable text (Spectre tables, progress bars) on standard error.
var root = new RootCommand("kinetics — collision operators of kinetic theory: demonstrations, verification and benchmarks.");
root.Subcommands.Add(RelaxCommand.Create());
root.Subcommands.Add(InfoCommand.Create());
root.Subcommands.Add(new Command("verify", "Accuracy checks against exact solutions and closed forms.")
{
    VerifyBkwCommand.Create(),
    VerifyLandauCommand.Create(),
});
root.Subcommands.Add(BlowdownCommand.Create());
root.Subcommands.Add(new Command("bench", "Timings of the numerical cores.") { BenchFftCommand.Create(), BenchBoltzmannCommand.Create() });
root.Subcommands.Add(EstimateCommand.Create());
root.Subcommands.Add(TransportCommand.Create());
root.Subcommands.Add(ScenarioCommand.Create());
root.Subcommands.Add(FlowCommand.Create());
return root.Parse(args).Invoke();
