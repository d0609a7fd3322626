namespace Kinetics.Landau.Plasma;

/// <summary>How <see cref="PlasmaLandauOperator"/> evaluates one ordered pair Q_ab (species a's equation, field of b).</summary>
public enum CrossPairForm
{
    /// <summary>No term (c_ab = 0).</summary>
    None,

    /// <summary>The full operator of <see cref="SpeciesGridLandauOperator"/> (b's data or fields transferred between grids).</summary>
    Exact,

    /// <summary>
    /// b's thermal speed at most about 0.75 of a's grid spacing (see <see cref="PlasmaLandauOperator"/>): b's field expanded about its mean velocity to second order (a point mass plus
    /// its isotropic temperature), and the pair's momentum and energy exchange taken from the exact partner term Q_ba.
    /// </summary>
    Expanded,
}
