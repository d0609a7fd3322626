using Kinetics.PhaseSpace.States;

namespace Kinetics.PhaseSpace.Transport;

/// <summary>
/// Scratch memory of <see cref="FreeTransport"/> for one state layout: a copy of the old values, the face fluxes, the
/// halo rows and the Courant numbers. One workspace per concurrent caller: a workspace used by two threads at once, or
/// with another plan, is refused.
/// </summary>
public sealed class TransportWorkspace
{
    internal TransportWorkspace(FreeTransport owner, PhaseSpaceState state)
    {
        Gate = new WorkspaceGate(owner);
        int rowValues = state.Mesh.RowLength * state.CellLength;
        Old = new double[state.Data.Length];
        Flux = new double[(state.RowCount + 1) * rowValues];
        SendLow = new double[2 * rowValues];
        SendHigh = new double[2 * rowValues];
        GhostLow = new double[2 * rowValues];
        GhostHigh = new double[2 * rowValues];
        Courant = new double[state.CellLength];
        CellLength = state.CellLength;
        CellCount = state.CellCount;
    }

    // The plan that created it and the in-use flag: a second thread using the workspace at the same time is refused.
    internal WorkspaceGate Gate { get; }

    internal double[] Old { get; }

    internal double[] Flux { get; }

    internal double[] SendLow { get; }

    internal double[] SendHigh { get; }

    internal double[] GhostLow { get; }

    internal double[] GhostHigh { get; }

    internal double[] Courant { get; }

    internal int CellLength { get; }

    internal int CellCount { get; }

    internal void Check(PhaseSpaceState state, string paramName)
    {
        if (state.CellLength != CellLength || state.CellCount != CellCount)
        {
            throw new ArgumentException(
                $"workspace was created for states of {CellCount} cells × {CellLength} values; this state has {state.CellCount} × {state.CellLength}.", paramName);
        }
    }
}
