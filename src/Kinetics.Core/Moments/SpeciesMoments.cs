using System.Numerics.Tensors;
using Kinetics.Distributions;
using Kinetics.Grids;

namespace Kinetics.Moments;

/// <summary>
/// The hydrodynamic moments of one species' distribution F with particle mass m, computed by the grid's quadrature:
/// n = ∫F, momentum m∫vF, energy ∫(m/2)|v|²F, bulk velocity u = ∫vF / n and temperature T with
/// (3/2) n T = ∫(m/2)|v − u|²F (docs/math#conventions, k_B = 1).
/// </summary>
/// <remarks>
/// <para>The temperature is computed from the centred second moment (not from energy minus kinetic energy), so it
/// keeps its relative accuracy when |u| is large compared with the thermal speed.</para>
/// <para>No positivity is assumed: F may have negative values (spectral methods produce them). A vacuum
/// species (<see cref="Density"/> exactly 0) has <see cref="BulkVelocity"/> = 0 and <see cref="Temperature"/> = 0 by
/// definition (not NaN); non-finite values of F are rejected with an <see cref="ArgumentException"/>;
/// <see cref="ToMacroscopicState"/> throws unless n &gt; 0 and T &gt; 0.</para>
/// </remarks>
public readonly record struct SpeciesMoments
{
    private SpeciesMoments(double mass, double density, Velocity3 momentum, double energy, Velocity3 bulkVelocity, double temperature)
    {
        Mass = mass;
        Density = density;
        Momentum = momentum;
        Energy = energy;
        BulkVelocity = bulkVelocity;
        Temperature = temperature;
    }

    /// <summary>Particle mass m used for the mass-weighted moments.</summary>
    public double Mass { get; }

    /// <summary>Number density n = ∫F dv.</summary>
    public double Density { get; }

    /// <summary>Mass density m n.</summary>
    public double MassDensity => Mass * Density;

    /// <summary>Momentum density m∫vF dv (= m n u).</summary>
    public Velocity3 Momentum { get; }

    /// <summary>Kinetic energy density ∫(m/2)|v|²F dv (= (3/2) n T + (m/2) n |u|²).</summary>
    public double Energy { get; }

    /// <summary>Bulk velocity u = ∫vF dv / n (0 for a vacuum species, n = 0).</summary>
    public Velocity3 BulkVelocity { get; }

    /// <summary>Temperature T = (2/(3n)) ∫(m/2)|v − u|²F dv (0 for a vacuum species, n = 0).</summary>
    public double Temperature { get; }

    /// <summary>Moments of <paramref name="distribution"/> for particles of mass <paramref name="mass"/> on its Cartesian grid.</summary>
    /// <remarks>
    /// Cost O(N³): one pass builds the three axis marginals Σ_{jk} F, Σ_{ik} F, Σ_{ij} F (row sums and row additions
    /// with TensorPrimitives); every moment up to second order is then an O(N) dot product with the axis
    /// coordinates. The result equals the midpoint-rule sums h³ Σ_p φ(v_p) F_p up to round-off.
    /// </remarks>
    /// <param name="distribution">F on a Cartesian grid (finite values).</param>
    /// <param name="mass">m &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">mass ≤ 0 or not finite.</exception>
    public static SpeciesMoments Of(DistributionFunction distribution, double mass)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        return Of(distribution.Grid, distribution.ReadOnlyValues, mass);
    }

    /// <summary>
    /// Moments of the N³ values <paramref name="values"/> on <paramref name="grid"/> (flattened (i·N + j)·N + k), for data
    /// held in a span — one species block of the species-major stacked layout used by the operators and solvers. Same
    /// conventions and cost as <see cref="Of(DistributionFunction, double)"/>; applied to a collision term Q it gives the
    /// rates ∫Q, m∫vQ and ∫(m/2)|v|²Q in <see cref="Density"/>, <see cref="Momentum"/> and <see cref="Energy"/>.
    /// </summary>
    /// <param name="grid">The Cartesian grid.</param>
    /// <param name="values">N³ finite values.</param>
    /// <param name="mass">m &gt; 0.</param>
    /// <exception cref="ArgumentException">values does not have N³ entries.</exception>
    /// <exception cref="ArgumentOutOfRangeException">mass ≤ 0 or not finite.</exception>
    public static SpeciesMoments Of(CartesianGrid grid, ReadOnlySpan<double> values, double mass)
    {
        ArgumentNullException.ThrowIfNull(grid);
        Guard.Length(values.Length, grid.Count, nameof(values));
        Guard.Positive(mass);
        Guard.AllFinite(values);
        int n = grid.PointsPerAxis;
        ReadOnlySpan<double> f = values;
        ReadOnlySpan<double> axis = grid.Axis;
        Span<double> marginals = n <= 256 ? stackalloc double[3 * n] : new double[3 * n];
        marginals.Clear();
        Span<double> mx = marginals[..n], my = marginals.Slice(n, n), mz = marginals.Slice(2 * n, n);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                ReadOnlySpan<double> row = f.Slice(((i * n) + j) * n, n);
                double rowSum = TensorPrimitives.Sum(row);
                mx[i] += rowSum;
                my[j] += rowSum;
                TensorPrimitives.Add(mz, row, mz);
            }
        }

        double h3 = grid.CellVolume;
        double density = h3 * TensorPrimitives.Sum(mx);
        var flux = new Velocity3(TensorPrimitives.Dot(axis, mx), TensorPrimitives.Dot(axis, my), TensorPrimitives.Dot(axis, mz)) * h3;
        // A vacuum species (density exactly 0) has no velocity or temperature of its own: both are reported as 0.
        Velocity3 u = density == 0 ? Velocity3.Zero : flux / density;
        double centred = 0.0, raw = 0.0;
        for (int i = 0; i < n; i++)
        {
            double v = axis[i], dx = v - u.X, dy = v - u.Y, dz = v - u.Z;
            centred += (dx * dx * mx[i]) + (dy * dy * my[i]) + (dz * dz * mz[i]);
            raw += v * v * (mx[i] + my[i] + mz[i]);
        }

        return new SpeciesMoments(mass, density, mass * flux, 0.5 * mass * h3 * raw, u, density == 0 ? 0.0 : mass * h3 * centred / (3.0 * density));
    }

    /// <summary>Moments of the isotropic distribution <paramref name="distribution"/> on its radial grid (u = 0, momentum 0).</summary>
    /// <remarks>n = Σᵢ Wᵢ gᵢ and (3/2) n T = Σᵢ Wᵢ (m/2) rᵢ² gᵢ with the grid's volume weights Wᵢ.</remarks>
    /// <param name="distribution">g on a radial grid.</param>
    /// <param name="mass">m &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">mass ≤ 0 or not finite.</exception>
    public static SpeciesMoments Of(RadialDistribution distribution, double mass)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        Guard.Positive(mass);
        RadialGrid grid = distribution.Grid;
        ReadOnlySpan<double> g = distribution.ReadOnlyValues;
        Guard.AllFinite(g, nameof(distribution));
        ReadOnlySpan<double> w = grid.Weights, r = grid.Radii;
        double density = TensorPrimitives.Dot(w, g);
        double second = 0.0;
        for (int i = 0; i < g.Length; i++)
        {
            second += w[i] * r[i] * r[i] * g[i];
        }

        double energy = 0.5 * mass * second;
        return new SpeciesMoments(mass, density, Velocity3.Zero, energy, Velocity3.Zero, density == 0 ? 0.0 : 2.0 * energy / (3.0 * density));
    }

    /// <summary>
    /// Moments of the N³ values <paramref name="values"/> on a species grid centred at c, in physical velocities c + v_p:
    /// momentum m∫(c + v)F = P + m n c and energy ∫(m/2)|c + v|²F = E + c·P + (m/2)|c|² n from the local moments P, E of
    /// <see cref="Of(CartesianGrid, ReadOnlySpan{double}, double)"/>; the temperature does not depend on c. Applied to a
    /// collision term it gives the physical rates.
    /// </summary>
    /// <param name="grid">The species grid.</param>
    /// <param name="values">N³ finite values.</param>
    /// <param name="mass">m &gt; 0.</param>
    /// <exception cref="ArgumentException">values does not have N³ entries.</exception>
    public static SpeciesMoments Of(SpeciesGrid grid, ReadOnlySpan<double> values, double mass)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var local = Of(grid.Grid, values, mass);
        Velocity3 c = grid.Centre;
        double n = local.Density;
        return new SpeciesMoments(
            mass,
            n,
            local.Momentum + (mass * n * c),
            local.Energy + Velocity3.Dot(c, local.Momentum) + (0.5 * mass * n * c.LengthSquared),
            n == 0 ? Velocity3.Zero : local.BulkVelocity + c,
            local.Temperature);
    }

    /// <summary>(n, u, T) as a <see cref="MacroscopicState"/>.</summary>
    /// <exception cref="InvalidOperationException">n ≤ 0 or T ≤ 0 (the distribution is not a physical state).</exception>
    public MacroscopicState ToMacroscopicState()
    {
        if (!(Density > 0) || !(Temperature > 0))
        {
            throw new InvalidOperationException($"The moments do not define a physical state: density = {Density}, temperature = {Temperature} (both must be > 0).");
        }

        return new MacroscopicState(Density, BulkVelocity, Temperature);
    }
}
