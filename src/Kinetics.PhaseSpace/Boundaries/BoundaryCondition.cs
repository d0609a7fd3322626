using Kinetics.PhaseSpace.Velocities;

namespace Kinetics.PhaseSpace.Boundaries;

/// <summary>
/// A boundary condition at one end of the slow axis of a mesh (x = 0 or x = Lx in 1-D, y = 0 or y = Ly in 2-D),
/// applied by <see cref="Transport.FreeTransport"/> as two ghost rows (for the slopes next to the wall) and as the face
/// flux through the boundary face itself. A mesh is either periodic at both ends (no boundary objects) or bounded at
/// both ends.
/// </summary>
/// <remarks>Immutable and thread-safe. See <see cref="WallBoundary"/> and <see cref="MaxwellianInflow"/>.</remarks>
public abstract class BoundaryCondition
{
    private protected BoundaryCondition()
    {
    }

    /// <summary>
    /// Fills the two ghost rows (<paramref name="ghosts"/>: the row next to the boundary first) from the two rows next to
    /// the boundary (<paramref name="interior"/>: the boundary row first).
    /// </summary>
    internal abstract void FillGhosts(ReadOnlySpan<double> interior, Span<double> ghosts, BoundaryContext context);

    /// <summary>
    /// Replaces the computed face values G (Courant number times face value, per species and velocity node) of one
    /// boundary face of one cell by the boundary's own.
    /// </summary>
    internal abstract void ApplyFaceFlux(Span<double> flux, BoundaryContext context);

    /// <summary>Reflects every velocity row of <paramref name="source"/> in the normal component into <paramref name="destination"/>.</summary>
    private protected static void Mirror(ReadOnlySpan<double> source, Span<double> destination, BoundaryContext context)
    {
        int nv = context.Velocities.Count;
        for (int block = 0; block < source.Length / nv; block++)
        {
            ReadOnlySpan<double> f = source.Slice(block * nv, nv);
            Span<double> g = destination.Slice(block * nv, nv);
            for (int p = 0; p < nv; p++)
            {
                g[p] = f[context.Mirror(p)];
            }
        }
    }
}

/// <summary>What a boundary needs to know about the sweep it takes part in.</summary>
/// <param name="Velocities">The velocity grid.</param>
/// <param name="Masses">Species masses.</param>
/// <param name="Axis">The velocity component normal to the boundary (the slow mesh axis).</param>
/// <param name="Courant">ν_p = v_p Δt/Δ, normal component, one entry per velocity node.</param>
/// <param name="IsLow">True at the low end (inward normal +e_axis), false at the high end (inward normal −e_axis).</param>
internal sealed record BoundaryContext(VelocityGrid Velocities, double[] Masses, int Axis, double[] Courant, bool IsLow)
{
    /// <summary>The node with the normal component reflected.</summary>
    public int Mirror(int p)
    {
        int n = Velocities.PointsPerAxis, stride = Velocities.Stride(Axis);
        int i = p / stride % n;
        return p + ((n - 1 - (2 * i)) * stride);
    }

    /// <summary>e^{−m|v_p − u|²/(2T)} over the grid's components (the unnormalised Maxwellian at node p).</summary>
    public double MaxwellianFactor(int p, Velocity3 drift, double mass, double temperature)
    {
        double d2 = 0.0;
        for (int a = 0; a < Velocities.Dimension; a++)
        {
            double c = Velocities.Component(p, a) - drift[a];
            d2 += c * c;
        }

        return Math.Exp(-mass * d2 / (2.0 * temperature));
    }

    /// <summary>True when node p moves into the domain through this boundary.</summary>
    public bool Incoming(int p) => IsLow ? Courant[p] > 0.0 : Courant[p] < 0.0;
}
