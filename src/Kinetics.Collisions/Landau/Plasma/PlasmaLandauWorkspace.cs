using Kinetics.Spectral;

namespace Kinetics.Landau.Plasma;

/// <summary>Scratch for <see cref="PlasmaLandauOperator"/> evaluations (one per concurrent caller; not thread-safe).</summary>
public sealed class PlasmaLandauWorkspace
{
    internal PlasmaLandauWorkspace(PlasmaLandauOperator owner, SpeciesGridLandauWorkspace exact, SpectralWorkspace?[] spectral, int largest)
    {
        Owner = owner;
        Exact = exact;
        Spectral = spectral;
        Pair = new double[largest];
        Gradient = new double[3 * largest];
        Flux = new double[3 * largest];
        Derivative = new double[largest];
        int s = spectral.Length;
        Exchange = new double[s * s * 4];
    }

    internal PlasmaLandauOperator Owner { get; }

    internal SpeciesGridLandauWorkspace Exact { get; }

    // Per species with an expanded pair: derivatives on its grid.
    internal SpectralWorkspace?[] Spectral { get; }

    internal double[] Pair { get; }

    internal double[] Gradient { get; }

    internal double[] Flux { get; }

    internal double[] Derivative { get; }

    // (a·S + b)·4: m_a∫v Q_ab (x, y, z) and ∫(m_a/2)|v|² Q_ab of the exact pairs, filled as they are evaluated.
    internal double[] Exchange { get; }
}
