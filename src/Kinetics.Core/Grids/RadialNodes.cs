namespace Kinetics.Grids;

/// <summary>How the radii of a <see cref="RadialGrid"/> are placed.</summary>
public enum RadialNodes
{
    /// <summary>
    /// Gauss nodes for the weight r² on [0, R] (<see cref="Kinetics.Quadrature.RadialPowerRule"/> with s = 2): n radii,
    /// volume integrals of isotropic functions exact when g(r) is a polynomial of degree ≤ 2n − 1 (spectral accuracy
    /// for smooth g). The default.
    /// </summary>
    Gauss = 0,

    /// <summary>
    /// Cell-centred radii rᵢ = (i + ½)h, h = R/n, each carrying the exact volume of its shell
    /// (4π/3)[(rᵢ + h/2)³ − (rᵢ − h/2)³] = 4π(rᵢ²h + h³/12): second-order accurate, constants integrated exactly, suited
    /// to finite-volume discretisations of radial equations.
    /// </summary>
    CellCentred,
}
