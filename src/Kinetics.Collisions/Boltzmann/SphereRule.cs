using MathNet.Numerics.Integration;

namespace Kinetics.Boltzmann;

/// <summary>
/// A quadrature rule on the unit sphere S²: ∫_{S²} φ(σ) dσ ≈ Σ_i w_i φ(σ_i), weights summing to 4π.
/// </summary>
/// <remarks>
/// <para>Every rule offered here is antipodal (σ_i ∈ rule ⇒ −σ_i ∈ rule with the same weight), which the fast
/// spectral evaluator uses to share transforms between the ordered pairs (α, β) and (β, α) and to halve the sphere
/// for a species colliding with itself (docs/boltzmann.md).</para>
/// <para><see cref="Degree"/> is the largest total degree of polynomials integrated exactly.
/// Immutable and thread-safe.</para>
/// </remarks>
public sealed class SphereRule
{
    private readonly Velocity3[] _points;
    private readonly double[] _weights;
    private readonly int[] _antipodes;

    private SphereRule(string name, int degree, Velocity3[] points, double[] weights)
    {
        Name = name;
        Degree = degree;
        _points = points;
        _weights = weights;
        _antipodes = new int[points.Length];
        for (int i = 0; i < points.Length; i++)
        {
            _antipodes[i] = -1;
            for (int j = 0; j < points.Length; j++)
            {
                if ((points[i] + points[j]).Length < 1e-12 && Math.Abs(weights[i] - weights[j]) <= 1e-14 * weights[i])
                {
                    _antipodes[i] = j;
                }
            }

            if (_antipodes[i] < 0)
            {
                throw new InvalidOperationException($"sphere rule {name} is not antipodal at point {i}.");
            }
        }
    }

    /// <summary>A short description, e.g. "icosahedron (12 points, degree 5)".</summary>
    public string Name { get; }

    /// <summary>Polynomials of total degree ≤ Degree are integrated exactly.</summary>
    public int Degree { get; }

    /// <summary>M, the number of points.</summary>
    public int Count => _points.Length;

    /// <summary>The unit vector σ_i.</summary>
    /// <param name="index">i ∈ [0, Count).</param>
    public Velocity3 Point(int index) => _points[index];

    /// <summary>The weight w_i (Σ w_i = 4π).</summary>
    /// <param name="index">i ∈ [0, Count).</param>
    public double Weight(int index) => _weights[index];

    /// <summary>The index j with σ_j = −σ_i.</summary>
    /// <param name="index">i ∈ [0, Count).</param>
    public int Antipode(int index) => _antipodes[index];

    /// <summary>The 12 vertices of the regular icosahedron with equal weights: a spherical 5-design.</summary>
    public static SphereRule Icosahedron()
    {
        double phi = (1.0 + Math.Sqrt(5.0)) / 2.0;
        var points = new List<Velocity3>(12);
        foreach (double s in (ReadOnlySpan<double>)[-1.0, 1.0])
        {
            foreach (double t in (ReadOnlySpan<double>)[-phi, phi])
            {
                points.Add(new Velocity3(0, s, t));
                points.Add(new Velocity3(s, t, 0));
                points.Add(new Velocity3(t, 0, s));
            }
        }

        var unit = points.Select(p => p / p.Length).ToArray();
        return new SphereRule("icosahedron (12 points, degree 5)", 5, unit, Enumerable.Repeat(4.0 * Math.PI / 12.0, 12).ToArray());
    }

    /// <summary>
    /// The product rule: Gauss–Legendre in cos θ with <paramref name="polarPoints"/> nodes times 2·polarPoints equally
    /// spaced azimuths φ_j = π(j + ½)/polarPoints; exact for degree 2·polarPoints − 1, 2·polarPoints² points.
    /// </summary>
    /// <param name="polarPoints">n ∈ [1, 64].</param>
    public static SphereRule Product(int polarPoints)
    {
        Guard.InRange(polarPoints, 1, 64);
        int n = polarPoints, azimuths = 2 * n;
        var rule = new GaussLegendreRule(-1.0, 1.0, n);
        var points = new Velocity3[n * azimuths];
        var weights = new double[n * azimuths];
        for (int i = 0; i < n; i++)
        {
            double c = rule.Abscissas[i], s = Math.Sqrt(Math.Max(0.0, 1.0 - (c * c)));
            for (int j = 0; j < azimuths; j++)
            {
                double angle = Math.PI * (j + 0.5) / n;
                points[(i * azimuths) + j] = new Velocity3(s * Math.Cos(angle), s * Math.Sin(angle), c);
                weights[(i * azimuths) + j] = rule.Weights[i] * Math.PI / n;
            }
        }

        return new SphereRule($"product Gauss–Legendre {n} x {azimuths} (degree {(2 * n) - 1})", (2 * n) - 1, points, weights);
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
