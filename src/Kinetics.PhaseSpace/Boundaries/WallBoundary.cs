using System.Buffers;

namespace Kinetics.PhaseSpace.Boundaries;

/// <summary>
/// Maxwell's wall: a fraction α (the accommodation coefficient) of the particles hitting it is re-emitted diffusely as
/// the wall Maxwellian 𝓜[n_w, u_w, T_w; m^α], the rest is reflected specularly. α = 0 is a specular wall, α = 1 a fully
/// diffuse one; u_w (tangential) moves the wall (Couette flow).
/// </summary>
/// <remarks>
/// Applied as face fluxes: with G_p the incident face values (computed by the interior scheme) and p* the node with the
/// normal velocity reflected, the re-emitted values are G_p = α n_w ν_p 𝓜_w(v_p) − (1 − α) G_{p*}, and n_w is fixed per
/// species and step by Σ_p G_p = 0: n_w = −Σ_incident G / Σ_emitted ν 𝓜_w. The net mass flux through the wall is
/// therefore zero to round-off for every α (independently of the quadrature of 𝓜_w). The ghost rows are the mirror
/// images of the interior rows.
/// </remarks>
public sealed class WallBoundary : BoundaryCondition
{
    private WallBoundary(double temperature, Velocity3 velocity, double accommodation)
    {
        Temperature = temperature;
        Velocity = velocity;
        Accommodation = accommodation;
    }

    /// <summary>T_w (not used when α = 0).</summary>
    public double Temperature { get; }

    /// <summary>u_w, the wall velocity (its normal component must be 0).</summary>
    public Velocity3 Velocity { get; }

    /// <summary>α in [0, 1].</summary>
    public double Accommodation { get; }

    /// <summary>A specular wall (α = 0).</summary>
    public static WallBoundary Specular() => new(1.0, Velocity3.Zero, 0.0);

    /// <summary>A diffuse (α = 1) or partly diffuse wall at temperature T_w moving with u_w.</summary>
    /// <param name="temperature">T_w &gt; 0.</param>
    /// <param name="velocity">u_w; its component normal to the wall must be zero (checked when the wall is used).</param>
    /// <param name="accommodation">α in [0, 1] (default 1).</param>
    public static WallBoundary Diffuse(double temperature, Velocity3 velocity = default, double accommodation = 1.0)
    {
        Guard.Positive(temperature);
        Guard.InRange(accommodation, 0.0, 1.0);
        if (!velocity.IsFinite)
        {
            throw new ArgumentOutOfRangeException(nameof(velocity), velocity, "velocity must be finite.");
        }

        return new WallBoundary(temperature, velocity, accommodation);
    }

    internal override void FillGhosts(ReadOnlySpan<double> interior, Span<double> ghosts, BoundaryContext context) =>
        Mirror(interior, ghosts, context);

    internal override void ApplyFaceFlux(Span<double> flux, BoundaryContext context)
    {
        if (Velocity[context.Axis] != 0.0)
        {
            throw new InvalidOperationException($"The wall velocity must be tangential (component {context.Axis} is {Velocity[context.Axis]}).");
        }

        int largest = context.Grids.Max(g => g.Count);
        double[] maxwellian = ArrayPool<double>.Shared.Rent(largest);
        try
        {
            for (int s = 0; s < context.Masses.Length; s++)
            {
                int nv = context.Grids[s].Count;
                Span<double> g = flux.Slice(context.Offsets[s], nv);
                double incident = 0.0, emitted = 0.0;
                double m = context.Masses[s];
                for (int p = 0; p < nv; p++)
                {
                    if (context.Incoming(s, p))
                    {
                        maxwellian[p] = context.MaxwellianFactor(s, p, Velocity, m, Temperature);
                        emitted += context.CourantOf(s, p) * maxwellian[p];
                    }
                    else
                    {
                        incident += g[p];
                    }
                }

                double density = emitted != 0.0 ? -incident / emitted : 0.0;
                for (int p = 0; p < nv; p++)
                {
                    if (context.Incoming(s, p))
                    {
                        g[p] = (Accommodation * density * context.CourantOf(s, p) * maxwellian[p]) - ((1.0 - Accommodation) * g[context.Mirror(s, p)]);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(maxwellian);
        }
    }
}
