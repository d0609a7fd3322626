namespace Kinetics.Dynamics;

/// <summary>Explicit strong-stability-preserving Runge–Kutta schemes (Shu–Osher form).</summary>
/// <remarks>
/// Each stage is a convex combination of forward-Euler steps, so positivity and any convex invariant of forward Euler
/// with step Δt is kept by the scheme with the same Δt (SSP coefficient 1). Linear invariants (mass, momentum,
/// energy) are kept exactly when every stage's collision term conserves them.
/// </remarks>
public enum TimeScheme
{
    /// <summary>Forward Euler (order 1, one evaluation per step).</summary>
    ForwardEuler = 1,

    /// <summary>SSP-RK2, Heun's method (order 2, two evaluations per step).</summary>
    SspRk2 = 2,

    /// <summary>SSP-RK3 of Shu and Osher (order 3, three evaluations per step). The default.</summary>
    SspRk3 = 3,
}
