using Kinetics.Quadrature;

namespace Kinetics.Linearized;

/// <summary>
/// A quadrature rule on velocity space, ∫_{ℝ³} g(v) dv ≈ Σ_p w_p g(v_p), for functions with Gaussian decay (perturbations
/// f = √μ·polynomial and the like). Built as a product of a Gauss–Legendre rule in |v| ∈ [0, V] and a product rule on the
/// sphere (Gauss–Legendre in cos ϑ, midpoint trapezoid in φ), exact for polynomials × √μ to high order.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class VelocityQuadrature
{
    private readonly Velocity3[] _points;
    private readonly double[] _weights;

    private VelocityQuadrature(Velocity3[] points, double[] weights)
    {
        _points = points;
        _weights = weights;
    }

    /// <summary>Number of points P.</summary>
    public int Count => _points.Length;

    /// <summary>Point v_p.</summary>
    /// <param name="index">p ∈ [0, P).</param>
    public Velocity3 Point(int index)
    {
        Guard.Index(index, Count);
        return _points[index];
    }

    /// <summary>Weight w_p.</summary>
    /// <param name="index">p ∈ [0, P).</param>
    public double Weight(int index)
    {
        Guard.Index(index, Count);
        return _weights[index];
    }

    /// <summary>The spherical product rule: radial Gauss–Legendre on [0, V] (weight r²), cos ϑ Gauss–Legendre, φ trapezoid.</summary>
    /// <param name="maxSpeed">V &gt; 0 (for √μ of mass m, V ≈ 12/√m leaves e^{−36}).</param>
    /// <param name="radialCount">Radial nodes in [2, 256].</param>
    /// <param name="polarCount">cos ϑ nodes in [2, 256].</param>
    /// <param name="azimuthalCount">φ nodes in [3, 512].</param>
    public static VelocityQuadrature SphericalProduct(double maxSpeed, int radialCount, int polarCount, int azimuthalCount)
    {
        Guard.Positive(maxSpeed);
        Guard.InRange(radialCount, 2, 256);
        Guard.InRange(polarCount, 2, 256);
        Guard.InRange(azimuthalCount, 3, 512);
        var radial = GaussLegendreRule.Create(radialCount, 0.0, maxSpeed);
        var directions = ProductDirections.Create(GaussLegendreRule.Create(polarCount, -1.0, 1.0), azimuthalCount);
        var points = new Velocity3[radialCount * directions.Count];
        var weights = new double[points.Length];
        int p = 0;
        for (int i = 0; i < radialCount; i++)
        {
            double r = radial.Nodes[i];
            for (int d = 0; d < directions.Count; d++, p++)
            {
                points[p] = r * directions.Points[d];
                weights[p] = radial.Weights[i] * r * r * directions.Weights[d];
            }
        }

        return new VelocityQuadrature(points, weights);
    }
}
