using Kinetics.Landau.Plasma;

namespace Kinetics.Landau.MasslessElectron;

/// <summary>Scratch for <see cref="MasslessElectronLandauOperator"/> (one per concurrent caller; not thread-safe).</summary>
public sealed class MasslessElectronWorkspace
{
    internal MasslessElectronWorkspace(MasslessElectronLandauOperator owner, PlasmaLandauWorkspace physical, double[] values, double[] rates)
    {
        Owner = owner;
        Physical = physical;
        Values = values;
        Rates = rates;
    }

    internal MasslessElectronLandauOperator Owner { get; }

    internal PlasmaLandauWorkspace Physical { get; }

    // Stacked physical-variable values [F; ε³G] and rates.
    internal double[] Values { get; }

    internal double[] Rates { get; }
}
