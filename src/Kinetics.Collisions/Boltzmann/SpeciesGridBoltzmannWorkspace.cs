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
        double[] transfer,
        WidePartnerScratch?[,] wide,
        CrossExchangeScratch?[] moments)
    {
        Moments = moments!;
        Gate = new WorkspaceGate(owner);
        Operators = operators;
        Local = local;
        Pairs = pairs;
        Spectra = spectra;
        Ffts = ffts;
        Transfer = transfer;
        Wide = wide;
    }

    // Ownership and the in-use flag: an evaluation holds the gate, so a second thread using the same workspace at the
    // same time is refused instead of corrupting the shared scratch.
    internal WorkspaceGate Gate { get; }

    internal SpeciesGridBoltzmannOperator Owner => (SpeciesGridBoltzmannOperator)Gate.Owner;

    internal BoltzmannWorkspace[] Operators { get; }

    // Local[α]: the species no wider than α stacked on α's grid (α first, the others projected).
    internal double[][] Local { get; }

    // Pairs[α]: every ordered pair of the local species on α's grid.
    internal double[][] Pairs { get; }

    internal Complex[][] Spectra { get; }

    internal Fft3DWorkspace[] Ffts { get; }

    internal double[] Transfer { get; }

    internal WidePartnerScratch?[,] Wide { get; }

    // Moments[α]: scratch of the weak-form exchange of α's projected partners (null when α has none).
    internal CrossExchangeScratch[] Moments { get; }
}
