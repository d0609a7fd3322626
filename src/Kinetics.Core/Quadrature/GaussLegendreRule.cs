namespace Kinetics.Quadrature;

/// <summary>
/// The n-point Gauss–Legendre rule on [a, b]: ∫ₐᵇ g(x) dx ≈ Σᵢ wᵢ g(xᵢ), exact for polynomials of degree ≤ 2n − 1.
/// </summary>
/// <remarks>Nodes and weights come from MathNet.Numerics (<c>MathNet.Numerics.Integration.GaussLegendreRule</c>:
/// tabulated to 1024 points, Newton iteration beyond), re-sorted into increasing order.</remarks>
public sealed class GaussLegendreRule : QuadratureRule
{
    /// <summary>Largest supported number of points.</summary>
    public const int MaxCount = 1024;

    private GaussLegendreRule(double[] nodes, double[] weights, double a, double b, int n)
        : base(nodes, weights, a, b, (2 * n) - 1)
    {
    }

    /// <summary>Creates the <paramref name="count"/>-point Gauss–Legendre rule on [<paramref name="lowerBound"/>, <paramref name="upperBound"/>].</summary>
    /// <param name="count">n, in [1, 1024].</param>
    /// <param name="lowerBound">a (finite).</param>
    /// <param name="upperBound">b &gt; a (finite).</param>
    /// <exception cref="ArgumentOutOfRangeException">n out of range, a or b not finite, or b ≤ a.</exception>
    public static GaussLegendreRule Create(int count, double lowerBound = -1.0, double upperBound = 1.0)
    {
        Guard.InRange(count, 1, MaxCount);
        Guard.Finite(lowerBound);
        Guard.Finite(upperBound);
        if (!(upperBound > lowerBound))
        {
            throw new ArgumentOutOfRangeException(nameof(upperBound), upperBound, $"upperBound must be > lowerBound = {lowerBound} (was {upperBound}).");
        }

        var mathNet = new MathNet.Numerics.Integration.GaussLegendreRule(lowerBound, upperBound, count);
        double[] nodes = (double[])mathNet.Abscissas.Clone();
        double[] weights = (double[])mathNet.Weights.Clone();
        Array.Sort(nodes, weights);
        return new GaussLegendreRule(nodes, weights, lowerBound, upperBound, count);
    }

    /// <summary>The smallest n-point rule exact for polynomials of degree ≤ <paramref name="degree"/> (n = ⌊d/2⌋ + 1).</summary>
    /// <param name="degree">d ≥ 0.</param>
    /// <param name="lowerBound">a (finite).</param>
    /// <param name="upperBound">b &gt; a (finite).</param>
    public static GaussLegendreRule ForDegree(int degree, double lowerBound = -1.0, double upperBound = 1.0)
    {
        Guard.InRange(degree, 0, (2 * MaxCount) - 1);
        return Create((degree / 2) + 1, lowerBound, upperBound);
    }
}
