namespace Kinetics.Landau;

/// <summary>
/// A finite-volume grid on the radius ρ = |v| ∈ [0, R] for isotropic distributions, refined near the origin:
/// cell centres c_i = ℓ sinh((i + ½)Δ), Δ = asinh(R/ℓ)/N, interior faces at the midpoints f_k = (c_k + c_{k+1})/2,
/// the inner face at 0 and the outer face at R. Cell volumes are V_i = (f_i³ − f_{i−1}³)/3 (the 4π is kept outside).
/// </summary>
/// <remarks>
/// Spacing is ≈ ℓΔ near 0 and ≈ ρΔ for ρ ≫ ℓ, so a bump of width √δ is resolved by choosing ℓ ≈ √δ. Faces at the
/// midpoints of centres make c_{k+1}² − c_k² = 2 f_k (c_{k+1} − c_k) exactly, which is what makes the discrete
/// energy Σ c_i² F_i V_i conserved to round-off by <see cref="RadialLandauOperator"/>. Immutable.
/// </remarks>
public sealed class RadialLandauGrid
{
    private readonly double[] _centers;
    private readonly double[] _faces;
    private readonly double[] _volumes;

    /// <summary>Creates the grid.</summary>
    /// <param name="cells">N ≥ 8 cells.</param>
    /// <param name="radius">Outer radius R &gt; 0.</param>
    /// <param name="coreWidth">ℓ ∈ (0, R]: the length scale below which the grid is uniform.</param>
    public RadialLandauGrid(int cells, double radius, double coreWidth)
    {
        Guard.InRange(cells, 8, 1_000_000);
        Guard.Positive(radius);
        Guard.InHalfOpenRange(coreWidth, 0.0, radius);
        Count = cells;
        Radius = radius;
        CoreWidth = coreWidth;
        double step = Math.Asinh(radius / coreWidth) / cells;
        _centers = new double[cells];
        _faces = new double[cells];
        _volumes = new double[cells];
        for (int i = 0; i < cells; i++)
        {
            _centers[i] = coreWidth * Math.Sinh((i + 0.5) * step);
        }

        for (int k = 0; k < cells - 1; k++)
        {
            _faces[k] = 0.5 * (_centers[k] + _centers[k + 1]);
        }

        _faces[cells - 1] = radius;
        double inner = 0;
        for (int i = 0; i < cells; i++)
        {
            double outer = _faces[i];
            _volumes[i] = ((outer * outer * outer) - (inner * inner * inner)) / 3.0;
            inner = outer;
        }
    }

    /// <summary>N, the number of cells.</summary>
    public int Count { get; }

    /// <summary>R, the outer radius (zero-flux boundary).</summary>
    public double Radius { get; }

    /// <summary>ℓ, the core width.</summary>
    public double CoreWidth { get; }

    /// <summary>Cell centres c_i (where values live).</summary>
    public ReadOnlySpan<double> Centers => _centers;

    /// <summary>Outer face of each cell: f_i, with f_{N−1} = R (the inner face of cell 0 is 0).</summary>
    public ReadOnlySpan<double> Faces => _faces;

    /// <summary>V_i = (f_i³ − f_{i−1}³)/3; 4π V_i is the volume of the spherical shell.</summary>
    public ReadOnlySpan<double> Volumes => _volumes;

    /// <summary>The discrete moment 4π Σ φ(c_i) F_i V_i of a radial profile (mass for φ = 1).</summary>
    /// <param name="values">F at the centres.</param>
    /// <param name="weight">φ(ρ), or null for 1.</param>
    /// <returns>The moment.</returns>
    public double Moment(ReadOnlySpan<double> values, Func<double, double>? weight = null)
    {
        Guard.Length(values.Length, Count, nameof(values));
        double sum = 0;
        for (int i = 0; i < Count; i++)
        {
            sum += (weight is null ? 1.0 : weight(_centers[i])) * values[i] * _volumes[i];
        }

        return 4.0 * Math.PI * sum;
    }

    /// <summary>The discrete energy moment 4π Σ c_i² F_i V_i (≈ ∫|v|²F dv), conserved exactly by the radial operator.</summary>
    /// <param name="values">F at the centres.</param>
    /// <returns>The second moment.</returns>
    public double SecondMoment(ReadOnlySpan<double> values) => Moment(values, r => r * r);

    /// <summary>Samples a radial profile at the centres.</summary>
    /// <param name="profile">F(ρ).</param>
    /// <returns>The N values.</returns>
    public double[] Sample(Func<double, double> profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var values = new double[Count];
        for (int i = 0; i < Count; i++)
        {
            values[i] = profile(_centers[i]);
        }

        return values;
    }
}
