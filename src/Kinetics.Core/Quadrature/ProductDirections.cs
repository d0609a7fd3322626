namespace Kinetics.Quadrature;

/// <summary>
/// A product rule over directions: Gauss–Legendre nodes in cos θ (on the whole sphere, [−1, 1], or a cap such as the
/// hemisphere [0, 1]) times n_φ midpoint angles φⱼ = 2π(j + ½)/n_φ, with weights wᵢ·2π/n_φ. The points are given in a
/// local frame (x, y, z) = (sin θ cos φ, sin θ sin φ, cos θ) and placed about any axis by <see cref="About"/>.
/// </summary>
/// <remarks>
/// The one angular loop of the linearized operators and the transport integrals (relative velocity û, then the
/// collision direction ω or σ about û). Unlike <see cref="SphereRule.Product(int)"/> the polar rule and the number of
/// angles are free and the angles are offset by half a step. Points are ordered with φ fastest. Immutable and
/// thread-safe.
/// </remarks>
internal sealed class ProductDirections
{
    private readonly Velocity3[] _points;
    private readonly double[] _weights;

    private ProductDirections(Velocity3[] points, double[] weights)
    {
        _points = points;
        _weights = weights;
    }

    /// <summary>Number of directions.</summary>
    public int Count => _points.Length;

    /// <summary>The directions in the local frame; Z is cos θ.</summary>
    public ReadOnlySpan<Velocity3> Points => _points;

    /// <summary>The weights wᵢ·2π/n_φ (they sum to 2π times the length of the polar interval).</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>The product of <paramref name="polar"/> (in cos θ) and <paramref name="azimuthal"/> midpoint angles.</summary>
    /// <param name="polar">Gauss–Legendre rule in cos θ, inside [−1, 1].</param>
    /// <param name="azimuthal">n_φ ≥ 1.</param>
    public static ProductDirections Create(GaussLegendreRule polar, int azimuthal)
    {
        ArgumentNullException.ThrowIfNull(polar);
        Guard.InRange(polar.LowerBound, -1.0, 1.0, nameof(polar));
        Guard.InRange(polar.UpperBound, -1.0, 1.0, nameof(polar));
        ArgumentOutOfRangeException.ThrowIfLessThan(azimuthal, 1);
        var points = new Velocity3[polar.Count * azimuthal];
        var weights = new double[points.Length];
        for (int i = 0, p = 0; i < polar.Count; i++)
        {
            double c = polar.Nodes[i], s = Math.Sqrt(1.0 - (c * c));
            for (int j = 0; j < azimuthal; j++, p++)
            {
                double phi = 2.0 * Math.PI * (j + 0.5) / azimuthal;
                points[p] = new Velocity3(s * Math.Cos(phi), s * Math.Sin(phi), c);
                weights[p] = polar.Weights[i] * (2.0 * Math.PI / azimuthal);
            }
        }

        return new ProductDirections(points, weights);
    }

    /// <summary>A right-handed orthonormal pair (e₁, e₂) perpendicular to the unit vector <paramref name="axis"/>.</summary>
    /// <param name="axis">A unit vector.</param>
    public static (Velocity3 E1, Velocity3 E2) Frame(Velocity3 axis)
    {
        var helper = Math.Abs(axis.X) < 0.9 ? new Velocity3(1, 0, 0) : new Velocity3(0, 1, 0);
        var e1 = Velocity3.Cross(axis, helper);
        e1 /= e1.Length;
        return (e1, Velocity3.Cross(axis, e1));
    }

    /// <summary>The local direction <paramref name="local"/> placed about <paramref name="axis"/>: z·axis + x·e₁ + y·e₂.</summary>
    /// <param name="local">A point of <see cref="Points"/>.</param>
    /// <param name="axis">The unit axis (local z).</param>
    /// <param name="e1">Local x (from <see cref="Frame"/>).</param>
    /// <param name="e2">Local y.</param>
    public static Velocity3 About(Velocity3 local, Velocity3 axis, Velocity3 e1, Velocity3 e2) =>
        (local.Z * axis) + ((local.X * e1) + (local.Y * e2));
}
