using Kinetics.PhaseSpace.Integration;
using Kinetics.PhaseSpace.Transport;

namespace Kinetics.PhaseSpace.Limits;

/// <summary>Options of a <see cref="MaxwellBoltzmannIonSolver"/>.</summary>
public sealed record MaxwellBoltzmannOptions
{
    /// <summary>The electrons' initial temperature T₋ = 1/β, in (0, 10⁶] (default 1).</summary>
    public double ElectronTemperature { get; init; } = 1.0;

    /// <summary>
    /// False (default): β follows from the total energy of the limit system, 3N₋/(2β) + Σ½m∫|v|²F + ½∫E² = const (Flynn
    /// and Guo's energy identity); true: β stays at its initial value.
    /// </summary>
    public bool HoldElectronTemperature { get; init; }

    /// <summary>The ions' collision step (null: collisionless ions).</summary>
    public CollisionStep? Collisions { get; init; }

    /// <summary>Target Courant number of the transport, in (0, 1] (default 0.8).</summary>
    public double Cfl { get; init; } = 0.8;

    /// <summary>The slope limiter of transport and force term (default van Leer).</summary>
    public SlopeLimiter Limiter { get; init; } = SlopeLimiter.VanLeer;

    /// <summary>Threads over cells (−1: the runtime's default).</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
