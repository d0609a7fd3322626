using System.CommandLine;

namespace Kinetics.Cli.Commands;

/// <summary>`kinetics info`: versions and SIMD capabilities (placeholder until the foundation lands).</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print exactly one JSON object on standard output." };
        var command = new Command("info", "Versions, SIMD capabilities of this CPU and a grid/Maxwellian sanity table.") { json };
        command.SetAction(parse =>
        {
            Console.WriteLine(parse.GetValue(json) ? "{}" : "kinetics");
            return 0;
        });
        return command;
    }
}
