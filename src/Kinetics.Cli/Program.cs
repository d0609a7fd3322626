using System.CommandLine;
using Kinetics.Cli.Commands;

var root = new RootCommand("kinetics — collision operators of kinetic theory: demonstrations, verification and benchmarks.");
root.Subcommands.Add(InfoCommand.Create());
root.Subcommands.Add(new Command("bench", "Timings of the numerical cores, single thread.") { BenchFftCommand.Create(), BenchBoltzmannCommand.Create() });
root.Subcommands.Add(new Command("verify", "Accuracy checks against exact solutions.") { VerifyBkwCommand.Create() });
return root.Parse(args).Invoke();
