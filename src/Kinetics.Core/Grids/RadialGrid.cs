using System.Numerics.Tensors;
using Kinetics.Quadrature;

namespace Kinetics.Grids;

/// <summary>
/// A radial velocity grid on [0, R] for isotropic functions F(v) = g(|v|): radii rᵢ and volume weights Wᵢ with
/// ∫_{|v|≤R} g(|v|) dv = 4π ∫₀^R r² g(r) dr ≈ Σᵢ Wᵢ g(rᵢ).
/// </summary>
/// <remarks>
/// <para>The weights include the factor 4π r² of the spherical volume element, so a density is simply
/// n = Σ Wᵢ g(rᵢ). How the radii are placed is a named choice, <see cref="RadialNodes"/>.</para>
/// <para>Instances are immutable and compare by value (node kind, n and R). Values on the grid live in a
/// <see cref="Kinetics.Distributions.RadialDistribution"/>, which rejects data from a different grid.</para>
/// </remarks>
public sealed class RadialGrid : IEquatable<RadialGrid>
{
    /// <summary>Smallest supported number of radii.</summary>
    public const int MinCount = 2;

    /// <summary>Largest supported number of Gauss radii (their construction is an O(n³) eigen-solve).</summary>
    public const int MaxGaussCount = GaussJacobiRule.MaxCount;

    /// <summary>Largest supported number of cell-centred radii.</summary>
    public const int MaxCellCentredCount = 1 << 24;

    private readonly double[] _radii;
    private readonly double[] _weights;

    /// <summary>Creates a radial grid with <paramref name="count"/> radii on [0, <paramref name="radius"/>].</summary>
    /// <param name="count">n, in [2, 512] for Gauss nodes, in [2, 2²⁴] for cell-centred nodes.</param>
    /// <param name="radius">R &gt; 0 (finite).</param>
    /// <param name="nodes">How the radii are placed (default <see cref="RadialNodes.Gauss"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">n, R or the node kind out of range.</exception>
    public RadialGrid(int count, double radius, RadialNodes nodes = RadialNodes.Gauss)
    {
        Guard.Defined(nodes);
        Guard.InRange(count, MinCount, nodes == RadialNodes.CellCentred ? MaxCellCentredCount : MaxGaussCount);
        Guard.Positive(radius);
        Count = count;
        Radius = radius;
        NodeKind = nodes;
        _radii = new double[count];
        _weights = new double[count];
        switch (nodes)
        {
            case RadialNodes.Gauss:
                var rule = RadialPowerRule.Create(count, radius, 2.0);
                rule.Nodes.CopyTo(_radii);
                TensorPrimitives.Multiply(rule.Weights, 4.0 * Math.PI, _weights);
                break;
            case RadialNodes.CellCentred:
                double h = radius / count;
                for (int i = 0; i < count; i++)
                {
                    double r = (i + 0.5) * h;
                    _radii[i] = r;
                    _weights[i] = 4.0 * Math.PI * ((r * r * h) + (h * h * h / 12.0));
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(nodes), nodes, $"nodes must be {RadialNodes.Gauss} or {RadialNodes.CellCentred} (was {nodes}).");
        }
    }

    /// <summary>n, the number of radii.</summary>
    public int Count { get; }

    /// <summary>R, the outer radius.</summary>
    public double Radius { get; }

    /// <summary>How the radii are placed.</summary>
    public RadialNodes NodeKind { get; }

    /// <summary>The radii rᵢ in increasing order, all in (0, R).</summary>
    public ReadOnlySpan<double> Radii => _radii;

    /// <summary>The volume weights Wᵢ (they include 4π r²; they sum to ≈ 4πR³/3, exactly for cell-centred nodes).</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>Σᵢ Wᵢ gᵢ ≈ ∫_{|v|≤R} g(|v|) dv for values gᵢ = g(rᵢ).</summary>
    /// <param name="values">g at the radii, length <see cref="Count"/>.</param>
    public double Integrate(ReadOnlySpan<double> values)
    {
        Guard.Length(values.Length, Count, nameof(values));
        Guard.AllFinite(values);
        return TensorPrimitives.Dot(values, (ReadOnlySpan<double>)_weights);
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="other"/> is the same grid as this one.</summary>
    /// <param name="other">The grid to compare with.</param>
    /// <param name="paramName">Parameter name used in the exception.</param>
    public void EnsureSame(RadialGrid other, string paramName)
    {
        ArgumentNullException.ThrowIfNull(other, paramName);
        if (!Equals(other))
        {
            throw new ArgumentException($"{paramName} lives on {other}, which does not match {this}.", paramName);
        }
    }

    /// <inheritdoc />
    public bool Equals(RadialGrid? other) =>
        other is not null && (ReferenceEquals(this, other) || (other.Count == Count && other.Radius == Radius && other.NodeKind == NodeKind));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RadialGrid);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Count, Radius, NodeKind);

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"RadialGrid({NodeKind}, n = {Count}, [0, {Radius:G6}])");
}
