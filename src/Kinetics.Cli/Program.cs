using System.CommandLine;
using Kinetics.Cli.Commands;

var root = new RootCommand("kinetics — collision operators of kinetic theory: demonstrations, verification and benchmarks.");
root.Subcommands.Add(InfoCommand.Create());
root.Subcommands.Add(EstimateCommand.Create());
root.Subcommands.Add(TransportCommand.Create());
return root.Parse(args).Invoke();
