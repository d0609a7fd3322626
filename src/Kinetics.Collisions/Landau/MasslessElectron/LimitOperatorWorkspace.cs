using Kinetics.Spectral;

namespace Kinetics.Landau.MasslessElectron;

/// <summary>Scratch for <see cref="LorentzOperator"/> and <see cref="ConstantFrictionOperator"/> evaluations (one per
/// concurrent caller; not thread-safe).</summary>
public sealed class LimitOperatorWorkspace
{
    internal LimitOperatorWorkspace(object owner, SpectralWorkspace spectral, int count)
    {
        Owner = owner;
        Spectral = spectral;
        Gradient = new double[3 * count];
        Flux = new double[3 * count];
    }

    internal object Owner { get; }

    internal SpectralWorkspace Spectral { get; }

    internal double[] Gradient { get; }

    internal double[] Flux { get; }

    internal void Check(object owner, string paramName)
    {
        if (!ReferenceEquals(Owner, owner))
        {
            throw new ArgumentException("workspace was created by a different operator.", paramName);
        }
    }
}
