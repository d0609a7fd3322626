using System.Numerics;
using Kinetics.Spectral;

namespace Kinetics.Boltzmann;

/// <summary>
/// Scratch memory for one <see cref="BoltzmannOperator"/> evaluation at a time (create it with
/// <see cref="BoltzmannOperator.CreateWorkspace"/>). Not thread-safe: use one workspace per thread.
/// </summary>
public sealed class BoltzmannWorkspace
{
    internal BoltzmannWorkspace(BoltzmannOperator owner, Fft3DPlan fft, int species, int lanes, int gainGroups, int count, int halfCount, int partialBuffers, int maxSigmas, int anisotropicLanes, bool sharedShifts, int orbitTable, int anisotropicBatch)
    {
        Gate = new WorkspaceGate(owner);
        Fft = new Fft3DWorkspace[lanes];
        Schedules = new ShiftSharingSchedule[lanes];
        for (int lane = 0; lane < lanes; lane++)
        {
            Fft[lane] = fft.CreateWorkspace();
            Schedules[lane] = new ShiftSharingSchedule(fft, partialBuffers, maxSigmas, sharedShifts);
        }

        Species = species;
        Spectra = new Complex[species * halfCount];
        SecondSpectra = new Complex[species * halfCount];
        LaneProducts = new double[lanes * 2 * halfCount * anisotropicLanes];
        OrbitWeights = new double[lanes * orbitTable];
        OrbitTableLength = orbitTable;
        SigmaSpectra = new Complex[lanes * anisotropicBatch * halfCount];
        AnisotropicBatch = anisotropicBatch;
        GainSpectra = new Complex[gainGroups * species * species * halfCount];
        LossSpectra = new Complex[species * species * halfCount];
        ProductSpectrum = new Complex[lanes * halfCount];
        Shifted = new double[lanes * count];
        Product = new double[lanes * count];
        Real = new double[lanes * count];
        Pairs = new double[species * species * count];
        Lanes = lanes;
        Runner = lanes > 1 ? new GainLaneRunner(owner, this, lanes) : null;
    }

    // The plan that created this workspace and the concurrent-use flag.
    internal WorkspaceGate Gate { get; }

    internal int Species { get; }

    internal Fft3DWorkspace[] Fft { get; }

    internal int Lanes { get; }

    // Lanes > 1: the allocation-free runner of the gain work items over the lanes.
    internal GainLaneRunner? Runner { get; }

    // Per lane: the schedule (and buffers) of the batched shifted products that share x and y passes.
    internal ShiftSharingSchedule[] Schedules { get; }

    internal Complex[] Spectra { get; }

    // Ĝ^β of the second argument of a bilinear evaluation.
    internal Complex[] SecondSpectra { get; }

    // Per lane: the product spectra of L directions of an anisotropic pair, real parts [p·L + l] then imaginary parts
    // (empty when every pair is isotropic).
    internal double[] LaneProducts { get; }

    // Per lane: the anisotropic weights at the orbit representatives of one (pair, radial node), OrbitTableLength doubles
    // (AnisotropicGainWeights.FillOrbitWeights; empty when every pair is isotropic or the series runs per point).
    internal double[] OrbitWeights { get; }

    internal int OrbitTableLength { get; }

    // Per lane: the half spectra of one batch of anisotropic products (ShiftSharingSchedule.TransformEach), AnisotropicBatch
    // of them (empty when no pair takes the shared anisotropic path).
    internal Complex[] SigmaSpectra { get; }

    internal int AnisotropicBatch { get; }

    // Per gain group (one when serial): S² slots of gain spectra; group 0 holds the sum after a parallel evaluation.
    internal Complex[] GainSpectra { get; }

    internal Complex[] LossSpectra { get; }

    internal Complex[] ProductSpectrum { get; }

    // One shifted copy X(· + a r σ) per lane; the partner copy goes straight into Product (fused multiply-add).
    internal double[] Shifted { get; }

    internal double[] Product { get; }

    // Per lane: the inverse transform of the loss of one output slot.
    internal double[] Real { get; }

    internal double[] Pairs { get; }
}
