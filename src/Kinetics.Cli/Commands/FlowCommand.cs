using System.CommandLine;
using Kinetics.Cli.Commands.Flow;

namespace Kinetics.Cli.Commands;

/// <summary>
/// `kinetics flow &lt;scenario&gt;`: kinetic equations in space and velocity (Kinetics.PhaseSpace) — free streaming, linear
/// Landau damping, the two-stream instability. Each runs on one process or, under <c>mpirun.mpich -np P</c>, on P
/// processes with the same result bit for bit.
/// </summary>
internal static class FlowCommand
{
    public static Command Create() => new("flow", "Kinetic equations in space and velocity: transport, Vlasov–Poisson, verification runs.")
    {
        FreeStreamingFlow.Create(),
        LandauDampingFlow.Create(),
        TwoStreamFlow.Create(),
        CouetteFlow.Create(),
        FourierFlow.Create(),
    };
}
