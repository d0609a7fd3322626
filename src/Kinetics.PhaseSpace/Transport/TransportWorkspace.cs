using Kinetics.PhaseSpace.States;

namespace Kinetics.PhaseSpace.Transport;

/// <summary>
/// Scratch memory of <see cref="FreeTransport"/> for one state layout: a copy of the old values, the face fluxes, the
/// halo rows and the Courant numbers. Not thread-safe: one workspace per concurrent caller.
/// </summary>
public sealed class TransportWorkspace
{
    internal TransportWorkspace(PhaseSpaceState state)
    {
        int rowValues = state.Mesh.RowLength * state.CellLength;
        Old = new double[state.Data.Length];
        Flux = new double[(state.RowCount + 1) * rowValues];
        SendLow = new double[2 * rowValues];
        SendHigh = new double[2 * rowValues];
        GhostLow = new double[2 * rowValues];
        GhostHigh = new double[2 * rowValues];
        Courant = new double[state.Velocities.Count];
        CellLength = state.CellLength;
        CellCount = state.CellCount;
    }

    internal double[] Old { get; }

    internal double[] Flux { get; }

    internal double[] SendLow { get; }

    internal double[] SendHigh { get; }

    internal double[] GhostLow { get; }

    internal double[] GhostHigh { get; }

    internal double[] Courant { get; }

    internal int CellLength { get; }

    internal int CellCount { get; }

    internal void Check(PhaseSpaceState state)
    {
        if (state.CellLength != CellLength || state.CellCount != CellCount)
        {
            throw new ArgumentException("The workspace was created for a state of another layout.", nameof(state));
        }
    }
}
