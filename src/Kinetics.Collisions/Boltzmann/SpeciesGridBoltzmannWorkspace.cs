using System.Numerics;
using Kinetics.Spectral;

namespace Kinetics.Boltzmann;

/// <summary>Scratch for <see cref="SpeciesGridBoltzmannOperator"/> evaluations (one per concurrent caller; not thread-safe).</summary>
public sealed class SpeciesGridBoltzmannWorkspace
{
    internal SpeciesGridBoltzmannWorkspace(
        SpeciesGridBoltzmannOperator owner,
        BoltzmannWorkspace[] operators,
        double[][] local,
        double[][] pairs,
        Complex[][] spectra,
        Fft3DWorkspace[] ffts,
        WidePartnerScratch?[,] wide,
        CrossExchangeScratch?[,] exchange)
    {
        Gate = new WorkspaceGate(owner);
        Operators = operators;
        Local = local;
        Pairs = pairs;
        Spectra = spectra;
        Ffts = ffts;
        Wide = wide;
        Exchange = exchange;
        Frequency = new double[local.Max(l => l.Length)];
    }

    // Ownership and the in-use flag: an evaluation holds the gate, so a second thread using the same workspace at the
    // same time is refused instead of corrupting the shared scratch.
    internal WorkspaceGate Gate { get; }

    internal SpeciesGridBoltzmannOperator Owner => (SpeciesGridBoltzmannOperator)Gate.Owner;

    internal BoltzmannWorkspace[] Operators { get; }

    // Local[α]: the species sharing α's grid, stacked (α first).
    internal double[][] Local { get; }

    // Pairs[α]: every ordered pair of the local species on α's grid.
    internal double[][] Pairs { get; }

    internal Complex[][] Spectra { get; }

    internal Fft3DWorkspace[] Ffts { get; }

    // Wide[narrow, wide]: scratch of the pair on different grids.
    internal WidePartnerScratch?[,] Wide { get; }

    // Exchange[narrow, wide]: scratch of the wide side's weak-form exchange.
    internal CrossExchangeScratch?[,] Exchange { get; }

    // Frequency: ν^α of one species at a time (MaxCollisionFrequency).
    internal double[] Frequency { get; }
}
