namespace Kinetics.Limits;

/// <summary>Boundary conditions of the one-dimensional limit solvers.</summary>
public enum LimitBoundary
{
    /// <summary>Periodic domain [0, ℓ).</summary>
    Periodic = 1,

    /// <summary>
    /// Impermeable walls at 0 and ℓ (zero species fluxes). For the fluid solvers (<c>EulerPoisson1D</c>,
    /// <see cref="NavierStokesFourier1D"/>): reflecting walls — the normal velocity reverses, no tangential stress and no
    /// heat flux (specular, adiabatic; the limit of the specular kinetic wall).
    /// </summary>
    Walls = 2,

    /// <summary>
    /// Impermeable walls at rest that hold the gas at their temperature: no slip (u = v = 0) and isothermal (θ = θ_w) at the
    /// wall (<see cref="NavierStokesFourier1D"/> only; the Navier–Stokes limit of a fully diffuse wall without slip or
    /// temperature jump).
    /// </summary>
    NoSlipWalls = 3,
}
