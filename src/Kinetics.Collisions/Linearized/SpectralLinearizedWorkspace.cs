using Kinetics.Boltzmann;

namespace Kinetics.Linearized;

/// <summary>
/// Scratch memory for one <see cref="SpectralLinearizedOperator"/> evaluation at a time (create it with
/// <see cref="SpectralLinearizedOperator.CreateWorkspace"/>). Not thread-safe: use one workspace per thread.
/// </summary>
public sealed class SpectralLinearizedWorkspace
{
    internal SpectralLinearizedWorkspace(BoltzmannWorkspace collision, int length)
    {
        Collision = collision;
        First = new double[length];
        Second = new double[length];
        Term = new double[length];
    }

    internal BoltzmannWorkspace Collision { get; }

    // √μ f.
    internal double[] First { get; }

    // √μ g (or μ for L).
    internal double[] Second { get; }

    // The second collision term of L.
    internal double[] Term { get; }
}
