using System.CommandLine;
using Kinetics.Cli.Commands;

var root = new RootCommand("kinetics — collision operators of kinetic theory: demonstrations, verification and benchmarks.");
root.Subcommands.Add(InfoCommand.Create());
root.Subcommands.Add(new Command("bench", "Timings of the numerical cores, single thread.") { BenchFftCommand.Create() });
root.Subcommands.Add(BlowdownCommand.Create());
var verify = new Command("verify", "Verification of the operators against closed forms and structure.");
verify.Subcommands.Add(VerifyLandauCommand.Create());
root.Subcommands.Add(verify);
return root.Parse(args).Invoke();
