using System.Numerics.Tensors;
using Kinetics.Mixtures;

namespace Kinetics.Grids;

/// <summary>
/// A uniform, cell-centred Cartesian velocity grid on the cube [−L, L]³ with N points per axis.
/// </summary>
/// <remarks>
/// <para>Point i on an axis sits at v_i = −L + (i + ½)h with spacing h = 2L/N, so the grid is symmetric about the
/// origin and, for even N, does not contain v = 0. Every point carries the quadrature weight h³ (the midpoint /
/// periodic trapezoidal rule, spectrally accurate for smooth functions that decay inside the box).</para>
/// <para>Values are stored flattened in row-major order with the x index slowest:
/// <c>index = (i·N + j)·N + k</c> for the point (v_x[i], v_y[j], v_z[k]). This is the layout of
/// <see cref="Kinetics.Distributions.DistributionFunction"/> and of every spectral operator.</para>
/// <para>Instances are immutable and compare by value (N and L).</para>
/// </remarks>
public sealed class CartesianGrid : IEquatable<CartesianGrid>
{
    /// <summary>Smallest supported number of points per axis.</summary>
    public const int MinPointsPerAxis = 4;

    /// <summary>Largest supported number of points per axis (N³ must fit an array).</summary>
    public const int MaxPointsPerAxis = 1024;

    private readonly double[] _axis;

    /// <summary>Creates the grid with <paramref name="pointsPerAxis"/> points per axis on [−halfWidth, halfWidth]³.</summary>
    /// <param name="pointsPerAxis">N, in [4, 1024].</param>
    /// <param name="halfWidth">L &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">N or L out of range.</exception>
    public CartesianGrid(int pointsPerAxis, double halfWidth)
    {
        Guard.InRange(pointsPerAxis, MinPointsPerAxis, MaxPointsPerAxis);
        Guard.Positive(halfWidth);
        PointsPerAxis = pointsPerAxis;
        HalfWidth = halfWidth;
        Spacing = 2.0 * halfWidth / pointsPerAxis;
        _axis = new double[pointsPerAxis];
        for (int i = 0; i < pointsPerAxis; i++)
        {
            _axis[i] = -halfWidth + ((i + 0.5) * Spacing);
        }
    }

    /// <summary>N, the number of points per axis.</summary>
    public int PointsPerAxis { get; }

    /// <summary>L, the half-width of the box [−L, L]³.</summary>
    public double HalfWidth { get; }

    /// <summary>h = 2L/N, the spacing between neighbouring points.</summary>
    public double Spacing { get; }

    /// <summary>N³, the total number of points.</summary>
    public int Count => PointsPerAxis * PointsPerAxis * PointsPerAxis;

    /// <summary>h³, the quadrature weight of every point (∫ g dv ≈ h³ Σ g(v_i)).</summary>
    public double CellVolume => Spacing * Spacing * Spacing;

    /// <summary>The N axis coordinates v_i = −L + (i + ½)h (identical on the three axes).</summary>
    public ReadOnlySpan<double> Axis => _axis;

    /// <summary>Coordinate of the point with axis index <paramref name="i"/>.</summary>
    /// <param name="i">Axis index in [0, N).</param>
    public double Coordinate(int i)
    {
        Guard.Index(i, PointsPerAxis);
        return _axis[i];
    }

    /// <summary>Flattened index (i·N + j)·N + k of the point (i, j, k).</summary>
    /// <param name="i">x index.</param>
    /// <param name="j">y index.</param>
    /// <param name="k">z index.</param>
    public int Index(int i, int j, int k)
    {
        Guard.Index(i, PointsPerAxis);
        Guard.Index(j, PointsPerAxis);
        Guard.Index(k, PointsPerAxis);
        return (((i * PointsPerAxis) + j) * PointsPerAxis) + k;
    }

    /// <summary>Axis indices (i, j, k) of the flattened index <paramref name="index"/>.</summary>
    /// <param name="index">Flattened index in [0, N³).</param>
    public (int I, int J, int K) Indices(int index)
    {
        Guard.Index(index, Count);
        int n = PointsPerAxis;
        int k = index % n;
        int ij = index / n;
        return (ij / n, ij % n, k);
    }

    /// <summary>Velocity of the point with flattened index <paramref name="index"/>.</summary>
    /// <param name="index">Flattened index in [0, N³).</param>
    public Velocity3 Point(int index)
    {
        var (i, j, k) = Indices(index);
        return new Velocity3(_axis[i], _axis[j], _axis[k]);
    }

    /// <summary>h³ Σ_p g_p ≈ ∫_{[−L,L]³} g dv for values g_p = g(v_p) in the grid's flattened order (midpoint rule).</summary>
    /// <param name="values">N³ values.</param>
    /// <exception cref="ArgumentException"><paramref name="values"/> does not have length N³.</exception>
    public double Integrate(ReadOnlySpan<double> values)
    {
        Guard.Length(values.Length, Count, nameof(values));
        Guard.AllFinite(values);
        return CellVolume * TensorPrimitives.Sum(values);
    }

    /// <summary>
    /// Writes |v_p|² at every grid point into <paramref name="destination"/> (effectively
    /// <c>destination[(i·N + j)·N + k] = v_i² + v_j² + v_k²</c>).
    /// </summary>
    /// <param name="destination">N³ values in the grid's flattened order.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> does not have length N³.</exception>
    public void FillSquaredSpeeds(Span<double> destination)
    {
        Guard.Length(destination.Length, Count, nameof(destination));
        int n = PointsPerAxis;
        Span<double> squares = n <= 256 ? stackalloc double[n] : new double[n];
        TensorPrimitives.Multiply(_axis, _axis, squares);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                // destination[(i·N + j)·N + k] = (v_i² + v_j²) + v_k²
                TensorPrimitives.Add(squares, squares[i] + squares[j], destination.Slice(((i * n) + j) * n, n));
            }
        }
    }

    /// <summary>
    /// A half-width that resolves a Maxwellian of species <paramref name="species"/> at temperature
    /// <paramref name="temperature"/> and drift speed <paramref name="driftSpeed"/>: L = |u| + k·√(T/m).
    /// </summary>
    /// <remarks>With the default k = 8 the Maxwellian's tail at the box face is e^{−32} ≈ 1.3e−14 of its peak.</remarks>
    /// <param name="species">The species (its mass sets the thermal speed).</param>
    /// <param name="temperature">Temperature T &gt; 0.</param>
    /// <param name="driftSpeed">|u| ≥ 0.</param>
    /// <param name="thermalSpeeds">k &gt; 0, the number of thermal speeds to include.</param>
    public static double RecommendedHalfWidth(Species species, double temperature, double driftSpeed = 0.0, double thermalSpeeds = 8.0)
    {
        ArgumentNullException.ThrowIfNull(species);
        Guard.NonNegative(driftSpeed);
        Guard.Positive(thermalSpeeds);
        return driftSpeed + (thermalSpeeds * species.ThermalSpeed(temperature));
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="other"/> is the same grid as this one.</summary>
    /// <param name="other">The grid to compare with.</param>
    /// <param name="paramName">Parameter name used in the exception.</param>
    public void EnsureSame(CartesianGrid other, string paramName)
    {
        ArgumentNullException.ThrowIfNull(other, paramName);
        if (!Equals(other))
        {
            throw new ArgumentException($"{paramName} lives on {other}, which does not match {this}.", paramName);
        }
    }

    /// <inheritdoc />
    public bool Equals(CartesianGrid? other) =>
        other is not null && (ReferenceEquals(this, other) || (other.PointsPerAxis == PointsPerAxis && other.HalfWidth == HalfWidth));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CartesianGrid);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(PointsPerAxis, HalfWidth);

    /// <inheritdoc />
    public override string ToString() => $"CartesianGrid(N = {PointsPerAxis}, [-{HalfWidth:G6}, {HalfWidth:G6}]^3, h = {Spacing:G6})";
}
