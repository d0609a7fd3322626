using System.Numerics;

namespace Kinetics.Landau;

/// <summary>
/// Scratch memory for one <see cref="SpectralLandauOperator"/> evaluation at a time (spectra of every species, the
/// nine field components, the gradient and the flux). Not thread-safe: use one per thread. About (S + 3)·N³/2
/// complex and 16·N³ real values.
/// </summary>
public sealed class SpectralLandauWorkspace
{
    internal SpectralLandauWorkspace(SpectralLandauOperator owner, int speciesCount, int count, int halfCount)
    {
        Gate = new WorkspaceGate(owner);
        Fft = owner.Plan.CreateWorkspace();
        Spectra = new Complex[speciesCount][];
        TestSpectra = new Complex[speciesCount][];
        for (int s = 0; s < speciesCount; s++)
        {
            Spectra[s] = new Complex[halfCount];
            TestSpectra[s] = new Complex[halfCount];
        }

        Stacked = new double[speciesCount * count];
        StackedResult = new double[speciesCount * count];

        Combined = new Complex[halfCount];
        Product = new Complex[halfCount];
        Divergence = new Complex[halfCount];
        Diffusion = new double[6 * count];
        Drift = new double[3 * count];
        Gradient = new double[3 * count];
        Flux = new double[count];
    }

    internal WorkspaceGate Gate { get; }

    internal SpectralLandauOperator Owner => (SpectralLandauOperator)Gate.Owner;

    internal Kinetics.Spectral.Fft3DWorkspace Fft { get; }

    internal Complex[][] Spectra { get; }

    internal Complex[][] TestSpectra { get; }

    internal double[] Stacked { get; }

    internal double[] StackedResult { get; }

    internal Complex[] Combined { get; }

    internal Complex[] Product { get; }

    internal Complex[] Divergence { get; }

    internal double[] Diffusion { get; }

    internal double[] Drift { get; }

    internal double[] Gradient { get; }

    internal double[] Flux { get; }
}
