namespace Kinetics.PhaseSpace.Fields;

/// <summary>
/// The electrostatic condition at a wall of a bounded mesh: a prescribed potential φ (Dirichlet; a grounded wall is φ = 0)
/// or a prescribed normal field (Neumann: E_x = −∂φ/∂x on a 1-D mesh, E_y = −∂φ/∂y on a 2-D mesh, uniform along the wall).
/// </summary>
/// <param name="IsPotential">True for a potential (Dirichlet), false for a field (Neumann).</param>
/// <param name="Value">φ at the wall, or the normal field at the wall.</param>
public readonly record struct FieldBoundary(bool IsPotential, double Value)
{
    /// <summary>The grounded wall, φ = 0.</summary>
    public static FieldBoundary Grounded => new(true, 0.0);

    /// <summary>A wall held at potential φ (Dirichlet).</summary>
    /// <param name="potential">φ, finite.</param>
    public static FieldBoundary Potential(double potential)
    {
        Guard.Finite(potential);
        return new(true, potential);
    }

    /// <summary>A wall with prescribed normal field (Neumann; 0 is an insulating symmetry plane).</summary>
    /// <param name="field">The normal field (E_x in 1-D, E_y in 2-D) at the wall, finite.</param>
    public static FieldBoundary Field(double field)
    {
        Guard.Finite(field);
        return new(false, field);
    }
}
