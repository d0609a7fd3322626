using System.Numerics.Tensors;

namespace Kinetics.Quadrature;

/// <summary>
/// A one-dimensional quadrature rule ∫ₐᵇ ω(x) g(x) dx ≈ Σᵢ wᵢ g(xᵢ) for a fixed weight function ω: the nodes xᵢ, the
/// weights wᵢ (which absorb ω) and the polynomial degree up to which the rule is exact.
/// </summary>
/// <remarks>Instances are immutable and thread-safe. Nodes are stored in increasing order.</remarks>
public abstract class QuadratureRule
{
    private readonly double[] _nodes;
    private readonly double[] _weights;

    /// <summary>Stores the rule; derived classes pass freshly computed arrays they no longer touch.</summary>
    /// <param name="nodes">Nodes in increasing order.</param>
    /// <param name="weights">Weights, one per node.</param>
    /// <param name="lowerBound">a, the left end of the interval.</param>
    /// <param name="upperBound">b, the right end of the interval.</param>
    /// <param name="degree">Largest d such that ∫ ω p = Σ wᵢ p(xᵢ) for every polynomial p of degree ≤ d.</param>
    private protected QuadratureRule(double[] nodes, double[] weights, double lowerBound, double upperBound, int degree)
    {
        _nodes = nodes;
        _weights = weights;
        LowerBound = lowerBound;
        UpperBound = upperBound;
        Degree = degree;
    }

    /// <summary>Number of nodes n.</summary>
    public int Count => _nodes.Length;

    /// <summary>The nodes xᵢ in increasing order, all inside (a, b).</summary>
    public ReadOnlySpan<double> Nodes => _nodes;

    /// <summary>The weights wᵢ (they include the weight function ω).</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>a, the left end of the integration interval.</summary>
    public double LowerBound { get; }

    /// <summary>b, the right end of the integration interval.</summary>
    public double UpperBound { get; }

    /// <summary>Polynomial exactness degree: the rule integrates ω·p exactly (up to round-off) when deg p ≤ Degree.</summary>
    public int Degree { get; }

    /// <summary>Σᵢ wᵢ g(xᵢ) ≈ ∫ₐᵇ ω(x) g(x) dx.</summary>
    /// <param name="integrand">g (without the weight function ω).</param>
    public double Integrate(Func<double, double> integrand)
    {
        ArgumentNullException.ThrowIfNull(integrand);
        double sum = 0.0;
        for (int i = 0; i < _nodes.Length; i++)
        {
            sum += _weights[i] * integrand(_nodes[i]);
        }

        return sum;
    }

    /// <summary>Σᵢ wᵢ gᵢ for values gᵢ = g(xᵢ) already sampled at the nodes.</summary>
    /// <param name="values">g at the nodes, length <see cref="Count"/>.</param>
    public double Integrate(ReadOnlySpan<double> values)
    {
        Guard.Length(values.Length, Count, nameof(values));
        Guard.AllFinite(values);
        return TensorPrimitives.Dot(values, (ReadOnlySpan<double>)_weights);
    }
}
