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
        int cellLength = context.CellLength;
        for (int cell = 0; cell < source.Length / cellLength; cell++)
        {
            for (int s = 0; s < context.Masses.Length; s++)
            {
                int nv = context.Grids[s].Count, at = (cell * cellLength) + context.Offsets[s];
                ReadOnlySpan<double> f = source.Slice(at, nv);
                Span<double> g = destination.Slice(at, nv);
                for (int p = 0; p < nv; p++)
                {
                    g[p] = f[context.Mirror(s, p)];
                }
            }
        }
    }
}

/// <summary>What a boundary needs to know about the sweep it takes part in.</summary>
/// <param name="Grids">The velocity grid of every species.</param>
/// <param name="Offsets">Start of every species within a cell's values (S + 1 entries, the last the cell length).</param>
/// <param name="Masses">Species masses.</param>
/// <param name="Axis">The velocity component normal to the boundary (the slow mesh axis).</param>
/// <param name="Courant">ν = v Δt/Δ, normal component, one entry per value of a cell (species-major, as the state).</param>
/// <param name="IsLow">True at the low end (inward normal +e_axis), false at the high end (inward normal −e_axis).</param>
internal sealed record BoundaryContext(VelocityGrid[] Grids, int[] Offsets, double[] Masses, int Axis, double[] Courant, bool IsLow)
{
    /// <summary>The values of one cell.</summary>
    public int CellLength => Offsets[^1];

    /// <summary>The node of species s's grid with the normal component reflected (the grid is symmetric in it: its
    /// centre's normal component is 0, checked by the transport plan).</summary>
    public int Mirror(int s, int p)
    {
        var grid = Grids[s];
        int n = grid.PointsPerAxis, stride = grid.Stride(Axis);
        int i = p / stride % n;
        return p + ((n - 1 - (2 * i)) * stride);
    }

    /// <summary>e^{−m|v_p − u|²/(2T)} over species s's grid components (the unnormalised Maxwellian at node p).</summary>
    public double MaxwellianFactor(int s, int p, Velocity3 drift, double mass, double temperature)
    {
        var grid = Grids[s];
        double d2 = 0.0;
        for (int a = 0; a < grid.Dimension; a++)
        {
            double c = grid.Component(p, a) - drift[a];
            d2 += c * c;
        }

        return Math.Exp(-mass * d2 / (2.0 * temperature));
    }

    /// <summary>ν at node p of species s.</summary>
    public double CourantOf(int s, int p) => Courant[Offsets[s] + p];

    /// <summary>True when node p of species s moves into the domain through this boundary.</summary>
    public bool Incoming(int s, int p) => IsLow ? CourantOf(s, p) > 0.0 : CourantOf(s, p) < 0.0;
}
