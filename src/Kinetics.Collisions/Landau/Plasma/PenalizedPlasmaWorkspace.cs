using System.Numerics;
using Kinetics.Conservation;
using Kinetics.Spectral;

namespace Kinetics.Landau.Plasma;

/// <summary>Scratch of one caller of <see cref="PenalizedPlasmaStepper"/> (not thread-safe).</summary>
public sealed class PenalizedPlasmaWorkspace
{
    internal PenalizedPlasmaWorkspace(PenalizedPlasmaStepper owner, PlasmaLandauWorkspace op, ConservativeProjection projection, SpectralGrid[] spectral)
    {
        Owner = owner;
        Operator = op;
        Projection = projection;
        int total = owner.Operator.Grids.TotalCount, s = spectral.Length;
        Spectra = spectral.Select(g => new Complex[g.Plan.HalfSpectrumCount]).ToArray();
        Fft = spectral.Select(g => g.Plan.CreateWorkspace()).ToArray();
        States = new SpeciesState[s];
        Diffusivities = new double[s];
        Friction = new double[s * s];
        Equilibrium = new double[total];
        Target = new double[total];
        Work = new double[total];
        Weights = new double[total];
        Stage = new double[total];
        Mean = new double[total];
        Corrected = new double[total];
        InitialRateBuffer = new double[total];
        Reference = owner.SubtractsEquilibriumResidual ? new double[total] : [];
        ReferenceRate = owner.SubtractsEquilibriumResidual ? new double[total] : [];
        StageStates = new SpeciesState[s];
    }

    /// <summary>The projected collision term of the state at the start of the last step.</summary>
    public ReadOnlySpan<double> InitialRate => InitialRateBuffer;

    /// <summary>Evaluations of the collision operator made with this workspace.</summary>
    public int Evaluations { get; internal set; }

    internal PenalizedPlasmaStepper Owner { get; }

    internal PlasmaLandauWorkspace Operator { get; }

    internal ConservativeProjection Projection { get; }

    internal Complex[][] Spectra { get; }

    internal Fft3DWorkspace[] Fft { get; }

    internal SpeciesState[] States { get; }

    internal double[] Diffusivities { get; }

    internal double[] Friction { get; }

    internal double[] Equilibrium { get; }

    internal double[] Target { get; }

    internal double[] Work { get; }

    internal double[] Weights { get; }

    internal double[] Stage { get; }

    internal double[] Mean { get; }

    internal double[] Corrected { get; }

    internal double[] InitialRateBuffer { get; }

    internal double[] Reference { get; }

    internal double[] ReferenceRate { get; }

    internal SpeciesState[] StageStates { get; }
}
