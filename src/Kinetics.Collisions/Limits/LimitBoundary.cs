namespace Kinetics.Limits;

/// <summary>Boundary conditions of the one-dimensional limit solvers.</summary>
public enum LimitBoundary
{
    /// <summary>Periodic domain [0, ℓ).</summary>
    Periodic = 1,

    /// <summary>Impermeable walls at 0 and ℓ (zero species fluxes).</summary>
    Walls = 2,
}
