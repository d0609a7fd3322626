using System.CommandLine;
using Kinetics.Cli.Commands.Limits;

namespace Kinetics.Cli.Commands;

/// <summary>`kinetics limit`: kinetic solutions against their small-parameter limit systems (docs/limits.md).</summary>
internal static class LimitCommand
{
    public static Command Create() => new("limit", "Kinetic solutions at decreasing ε against the limit systems they converge to (docs/limits.md).")
    {
        EulerPoissonLimit.Create(),
        MaxwellStefanLimit.Create(),
        WaveDampingLimit.Create(),
    };
}
