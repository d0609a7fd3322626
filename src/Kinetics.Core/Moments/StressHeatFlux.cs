using System.Numerics.Tensors;
using Kinetics.Distributions;
using Kinetics.Grids;

namespace Kinetics.Moments;

/// <summary>
/// The pressure (stress) tensor P_ab = m∫(v − u)_a (v − u)_b F dv and the heat flux q_a = ∫(m/2)|v − u|² (v − u)_a F dv
/// of one species, or summed over the species of a mixture, about a reference velocity u (k_B = 1). For one species u
/// is by default its own bulk velocity, for a mixture the barycentric velocity Σ m^α n^α u^α / Σ m^α n^α, so that
/// tr P = 3 n T with the temperatures of <see cref="SpeciesMoments"/> and <see cref="MixtureMoments"/>.
/// </summary>
/// <remarks>
/// <para>Computed by the grid's midpoint quadrature directly on the caller's values (a span of one species, or the
/// species-major stacked state of a mixture), without copies or allocations. Cost O(N³) per species: for each row
/// (i, j) the four row sums Σ_k F, Σ_k F c_z, Σ_k F c_z², Σ_k F c_z³ (c = v − u, dot products with TensorPrimitives)
/// give every component, since |c|² c_x = (c_x² + c_y²) c_x + c_z² c_x and likewise for the others.</para>
/// <para>For a drifting Maxwellian with covariance Θ = T/m (T a temperature tensor) and mean w, about u with d = w − u:
/// P = m n (Θ + d dᵀ) and q = (m n/2)[(tr Θ + |d|²) d + 2 Θ d]; about its own mean q = 0 and P = n T.</para>
/// </remarks>
/// <param name="Stress">The pressure tensor P.</param>
/// <param name="HeatFlux">The heat flux q.</param>
public readonly record struct StressHeatFlux(SymmetricTensor3 Stress, Velocity3 HeatFlux)
{
    /// <summary>Componentwise sum (the mixture's P and q about a common u are the sums of the species' about that u).</summary>
    /// <param name="a">First term.</param>
    /// <param name="b">Second term.</param>
    public static StressHeatFlux operator +(StressHeatFlux a, StressHeatFlux b) => new(a.Stress + b.Stress, a.HeatFlux + b.HeatFlux);

    /// <summary>Named alternative to <c>+</c>.</summary>
    /// <param name="a">First term.</param>
    /// <param name="b">Second term.</param>
    public static StressHeatFlux Add(StressHeatFlux a, StressHeatFlux b) => a + b;

    /// <summary>P and q of one species about its own bulk velocity.</summary>
    /// <param name="distribution">F on a Cartesian grid.</param>
    /// <param name="mass">m &gt; 0.</param>
    public static StressHeatFlux Of(DistributionFunction distribution, double mass)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        return Of(distribution.Grid, distribution.ReadOnlyValues, mass);
    }

    /// <summary>P and q of the N³ values <paramref name="values"/> about their own bulk velocity (0 for a vacuum species).</summary>
    /// <param name="grid">The Cartesian grid.</param>
    /// <param name="values">N³ finite values (flattened (i·N + j)·N + k).</param>
    /// <param name="mass">m &gt; 0.</param>
    /// <exception cref="ArgumentException">values does not have N³ entries or is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">mass ≤ 0 or not finite.</exception>
    public static StressHeatFlux Of(CartesianGrid grid, ReadOnlySpan<double> values, double mass) =>
        About(grid, values, mass, SpeciesMoments.Of(grid, values, mass).BulkVelocity);

    /// <summary>P and q of the N³ values <paramref name="values"/> about the velocity <paramref name="about"/>.</summary>
    /// <param name="grid">The Cartesian grid.</param>
    /// <param name="values">N³ finite values.</param>
    /// <param name="mass">m &gt; 0.</param>
    /// <param name="about">The reference velocity u (finite).</param>
    /// <exception cref="ArgumentException">values does not have N³ entries or is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">mass ≤ 0 or not finite, or u not finite.</exception>
    public static StressHeatFlux About(CartesianGrid grid, ReadOnlySpan<double> values, double mass, Velocity3 about)
    {
        ArgumentNullException.ThrowIfNull(grid);
        Guard.Length(values.Length, grid.Count, nameof(values));
        Guard.Positive(mass);
        Guard.Finite(about);
        Guard.AllFinite(values);
        return Accumulate(grid, values, mass, about);
    }

    /// <summary>
    /// P and q of the N³ values on a species grid centred at c (physical velocities c + v_p) about the physical velocity
    /// <paramref name="about"/>.
    /// </summary>
    /// <param name="grid">The species grid.</param>
    /// <param name="values">N³ finite values.</param>
    /// <param name="mass">m &gt; 0.</param>
    /// <param name="about">The reference velocity u in physical velocities (finite).</param>
    public static StressHeatFlux About(SpeciesGrid grid, ReadOnlySpan<double> values, double mass, Velocity3 about)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return About(grid.Grid, values, mass, about - grid.Centre);
    }

    /// <summary>
    /// P and q of a mixture whose species all live on <paramref name="grid"/>, stacked species-major
    /// (S·N³ values), about the mixture's barycentric velocity.
    /// </summary>
    /// <param name="grid">The shared Cartesian grid.</param>
    /// <param name="stacked">S·N³ finite values, species α at [α N³, (α + 1) N³).</param>
    /// <param name="masses">m^α &gt; 0, one per species.</param>
    /// <exception cref="ArgumentException">stacked does not have S·N³ entries or is not finite.</exception>
    public static StressHeatFlux OfMixture(CartesianGrid grid, ReadOnlySpan<double> stacked, ReadOnlySpan<double> masses)
    {
        ArgumentNullException.ThrowIfNull(grid);
        Velocity3 u = MixtureMoments.BarycentricVelocity(grid, stacked, masses);
        int count = grid.Count;
        var total = default(StressHeatFlux);
        for (int a = 0; a < masses.Length; a++)
        {
            total += Accumulate(grid, stacked.Slice(a * count, count), masses[a], u);
        }

        return total;
    }

    /// <summary>
    /// P and q of a mixture on per-species grids (stacked as <see cref="SpeciesGrids"/> says), in physical velocities,
    /// about the mixture's barycentric velocity (0 when every species is vacuum).
    /// </summary>
    /// <param name="grids">One grid per species.</param>
    /// <param name="stacked">Σ N_α³ finite values.</param>
    /// <param name="masses">m^α &gt; 0, one per species.</param>
    /// <exception cref="ArgumentException">Wrong lengths or non-finite values.</exception>
    public static StressHeatFlux OfMixture(SpeciesGrids grids, ReadOnlySpan<double> stacked, ReadOnlySpan<double> masses)
    {
        ArgumentNullException.ThrowIfNull(grids);
        Guard.Length(masses.Length, grids.SpeciesCount, nameof(masses));
        Guard.Length(stacked.Length, grids.TotalCount, nameof(stacked));
        Velocity3 u = MixtureMoments.BarycentricVelocity(grids, stacked, masses);
        var total = default(StressHeatFlux);
        for (int a = 0; a < masses.Length; a++)
        {
            total += Accumulate(grids[a].Grid, grids.Slice(stacked, a), masses[a], u - grids[a].Centre);
        }

        return total;
    }

    // Σ over rows (i, j) with c_x = v_i − u_x, c_y = v_j − u_y fixed: S_r = Σ_k F_ijk c_z^r (r = 0..3), then
    // P_xx += c_x² S0, P_xy += c_x c_y S0, P_xz += c_x S1, P_zz += S2, …; 2q_x/m += c_x ((c_x² + c_y²) S0 + S2),
    // 2q_z/m += (c_x² + c_y²) S1 + S3; everything times h³ at the end.
    private static StressHeatFlux Accumulate(CartesianGrid grid, ReadOnlySpan<double> f, double mass, Velocity3 u)
    {
        int n = grid.PointsPerAxis;
        ReadOnlySpan<double> axis = grid.Axis;
        Span<double> powers = n <= 256 ? stackalloc double[3 * n] : new double[3 * n];
        Span<double> cz = powers[..n], cz2 = powers.Slice(n, n), cz3 = powers.Slice(2 * n, n);
        for (int k = 0; k < n; k++)
        {
            cz[k] = axis[k] - u.Z;
            cz2[k] = cz[k] * cz[k];
            cz3[k] = cz2[k] * cz[k];
        }

        double pxx = 0, pyy = 0, pzz = 0, pxy = 0, pxz = 0, pyz = 0, qx = 0, qy = 0, qz = 0;
        for (int i = 0; i < n; i++)
        {
            double cx = axis[i] - u.X;
            for (int j = 0; j < n; j++)
            {
                double cy = axis[j] - u.Y;
                ReadOnlySpan<double> row = f.Slice(((i * n) + j) * n, n);
                double s0 = TensorPrimitives.Sum(row), s1 = TensorPrimitives.Dot(row, cz);
                double s2 = TensorPrimitives.Dot(row, cz2), s3 = TensorPrimitives.Dot(row, cz3);
                double transverse = (cx * cx) + (cy * cy);
                pxx += cx * cx * s0;
                pyy += cy * cy * s0;
                pzz += s2;
                pxy += cx * cy * s0;
                pxz += cx * s1;
                pyz += cy * s1;
                double radial = (transverse * s0) + s2;
                qx += cx * radial;
                qy += cy * radial;
                qz += (transverse * s1) + s3;
            }
        }

        double w = mass * grid.CellVolume;
        return new StressHeatFlux(
            new SymmetricTensor3(w * pxx, w * pyy, w * pzz, w * pxy, w * pxz, w * pyz),
            new Velocity3(0.5 * w * qx, 0.5 * w * qy, 0.5 * w * qz));
    }
}
