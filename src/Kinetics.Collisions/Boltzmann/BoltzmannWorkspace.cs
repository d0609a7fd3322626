using System.Numerics;
using Kinetics.Spectral;

namespace Kinetics.Boltzmann;

/// <summary>
/// Scratch memory for one <see cref="BoltzmannOperator"/> evaluation at a time (create it with
/// <see cref="BoltzmannOperator.CreateWorkspace"/>). Not thread-safe: use one workspace per thread.
/// </summary>
public sealed class BoltzmannWorkspace
{
    internal BoltzmannWorkspace(Fft3DPlan fft, int species, int lanes, int count, int halfCount, int partialBuffers, int maxSigmas, int anisotropicLanes)
    {
        Fft = new Fft3DWorkspace[lanes];
        Batches = new SigmaBatchScratch[lanes];
        for (int lane = 0; lane < lanes; lane++)
        {
            Fft[lane] = fft.CreateWorkspace();
            Batches[lane] = new SigmaBatchScratch(fft, partialBuffers, maxSigmas);
        }

        Species = species;
        Spectra = new Complex[species * halfCount];
        SecondSpectra = new Complex[species * halfCount];
        LaneProducts = new double[lanes * 2 * halfCount * anisotropicLanes];
        GainSpectra = new Complex[lanes * species * species * halfCount];
        LossSpectra = new Complex[species * species * halfCount];
        ProductSpectrum = new Complex[lanes * halfCount];
        Shifted = new double[lanes * count];
        Product = new double[lanes * count];
        Real = new double[count];
        Pairs = new double[species * species * count];
        Lanes = lanes;
    }

    internal int Species { get; }

    internal Fft3DWorkspace[] Fft { get; }

    internal int Lanes { get; }

    // Per lane: the shared x passes and tables of the batched shifted products.
    internal SigmaBatchScratch[] Batches { get; }

    internal Complex[] Spectra { get; }

    // Ĝ^β of the second argument of a bilinear evaluation.
    internal Complex[] SecondSpectra { get; }

    // Per lane: the product spectra of L directions of an anisotropic pair, real parts [p·L + l] then imaginary parts
    // (empty when every pair is isotropic).
    internal double[] LaneProducts { get; }

    internal Complex[] GainSpectra { get; }

    internal Complex[] LossSpectra { get; }

    internal Complex[] ProductSpectrum { get; }

    // One shifted copy X(· + a r σ) per lane; the partner copy goes straight into Product (fused multiply-add).
    internal double[] Shifted { get; }

    internal double[] Product { get; }

    internal double[] Real { get; }

    internal double[] Pairs { get; }
}
