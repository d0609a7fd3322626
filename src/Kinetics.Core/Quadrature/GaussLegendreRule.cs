namespace Kinetics.Quadrature;

/// <summary>
/// The n-point Gauss–Legendre rule on [a, b]: ∫ₐᵇ g(x) dx ≈ Σᵢ wᵢ g(xᵢ), exact for polynomials of degree ≤ 2n − 1.
/// </summary>
/// <remarks>
/// <para>Nodes are the roots of the Legendre polynomial Pₙ, found by Newton's method on the three-term recurrence
/// from Tricomi's initial guesses cos(π(i + 3/4)/(n + 1/2)); weights are 2/((1 − x²) Pₙ′(x)²). Cost O(n²); nodes and
/// weights are accurate to a few ulps. We do not use MathNet's <c>GaussLegendreRule</c> for the nodes: it is exact
/// only for its tabulated orders and its computed orders carry errors up to ~1e-11 (docs/quadrature.md); the tests
/// compare against MathNet at the tabulated orders.</para>
/// </remarks>
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

        var (reference, referenceWeights) = Compute(count);
        double half = 0.5 * (upperBound - lowerBound), mid = 0.5 * (upperBound + lowerBound);
        var nodes = new double[count];
        var weights = new double[count];
        for (int i = 0; i < count; i++)
        {
            nodes[i] = mid + (half * reference[i]);
            weights[i] = half * referenceWeights[i];
        }

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

    // Nodes (increasing) and weights on [−1, 1].
    private static (double[] Nodes, double[] Weights) Compute(int n)
    {
        var nodes = new double[n];
        var weights = new double[n];
        for (int i = 0; i < (n + 1) / 2; i++)
        {
            double x = Math.Cos(Math.PI * (i + 0.75) / (n + 0.5));
            // Newton converges quadratically from Tricomi's guess; once the step is at the 1e-15 level one more step
            // lands within rounding of the root.
            for (int iteration = 0; iteration < 20; iteration++)
            {
                var (p, dp) = Legendre(n, x);
                double step = p / dp;
                x -= step;
                if (Math.Abs(step) <= 1e-15)
                {
                    var (pFinal, dpFinal) = Legendre(n, x);
                    x -= pFinal / dpFinal;
                    break;
                }
            }

            var (_, derivative) = Legendre(n, x);
            double w = 2.0 / ((1.0 - (x * x)) * derivative * derivative);
            // Roots come in ± pairs; i counts down from the largest.
            nodes[n - 1 - i] = x;
            nodes[i] = -x;
            weights[n - 1 - i] = w;
            weights[i] = w;
        }

        if (n % 2 == 1)
        {
            nodes[n / 2] = 0.0;
        }

        return (nodes, weights);
    }

    // (Pₙ(x), Pₙ′(x)) by (k+1)P_{k+1} = (2k+1)x P_k − k P_{k−1} and Pₙ′ = n(x Pₙ − P_{n−1})/(x² − 1).
    private static (double Value, double Derivative) Legendre(int n, double x)
    {
        double previous = 1.0, current = x;
        if (n == 0)
        {
            return (1.0, 0.0);
        }

        for (int k = 1; k < n; k++)
        {
            double next = (((2.0 * k) + 1.0) * x * current - (k * previous)) / (k + 1.0);
            previous = current;
            current = next;
        }

        return (current, n * ((x * current) - previous) / ((x * x) - 1.0));
    }
}
