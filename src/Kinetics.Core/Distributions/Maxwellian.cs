using Kinetics.Grids;
using Kinetics.Mixtures;

namespace Kinetics.Distributions;

/// <summary>
/// Maxwellians in the convention of docs/math#conventions: 𝓜[n, u, T; m](v) = n (m/(2πT))^{3/2} exp(−m|v − u|²/(2T)).
/// </summary>
/// <remarks>
/// The global Maxwellian of species α is μ^α = 𝓜[1, 0, 1; m^α]; a "bi-Maxwellian" (docs/math#conventions) is the vector
/// (𝓜[n^α, u, T; m^α])_α with common u and T and any densities, which is an equilibrium of every collision operator in
/// Kinetics. Independent per-species states (different u^α or T^α, a local Maxwellian vector) are not.
/// </remarks>
public static class Maxwellian
{
    /// <summary>Evaluates 𝓜[n, u, T; m](v).</summary>
    /// <param name="state">(n, u, T).</param>
    /// <param name="mass">Particle mass m &gt; 0.</param>
    /// <param name="v">Velocity.</param>
    public static double Evaluate(MacroscopicState state, double mass, Velocity3 v)
    {
        Guard.Positive(mass);
        EnsureValid(state);
        Guard.Finite(v);
        return Pointwise(state, mass, v, 1.0);
    }

    /// <summary>Evaluates √𝓜[n, u, T; m](v).</summary>
    /// <param name="state">(n, u, T).</param>
    /// <param name="mass">Particle mass m &gt; 0.</param>
    /// <param name="v">Velocity.</param>
    public static double EvaluateSqrt(MacroscopicState state, double mass, Velocity3 v)
    {
        Guard.Positive(mass);
        EnsureValid(state);
        Guard.Finite(v);
        return Pointwise(state, mass, v, 0.5);
    }

    /// <summary>
    /// Writes 𝓜[n, u, T; m] at every point of <paramref name="grid"/> into <paramref name="destination"/>
    /// (effectively <c>destination[p] = 𝓜(v_p)</c>).
    /// </summary>
    /// <param name="grid">The velocity grid.</param>
    /// <param name="state">(n, u, T).</param>
    /// <param name="mass">Particle mass m &gt; 0.</param>
    /// <param name="destination">N³ values in the grid's flattened order.</param>
    public static void Fill(CartesianGrid grid, MacroscopicState state, double mass, Span<double> destination) =>
        FillCore(grid, state, mass, destination, squareRoot: false);

    /// <summary>Writes √𝓜[n, u, T; m] at every grid point into <paramref name="destination"/>.</summary>
    /// <param name="grid">The velocity grid.</param>
    /// <param name="state">(n, u, T).</param>
    /// <param name="mass">Particle mass m &gt; 0.</param>
    /// <param name="destination">N³ values in the grid's flattened order.</param>
    public static void FillSqrt(CartesianGrid grid, MacroscopicState state, double mass, Span<double> destination) =>
        FillCore(grid, state, mass, destination, squareRoot: true);

    /// <summary>𝓜[n, u, T; m] sampled on <paramref name="grid"/>.</summary>
    /// <param name="grid">The velocity grid.</param>
    /// <param name="state">(n, u, T).</param>
    /// <param name="mass">Particle mass m &gt; 0.</param>
    public static DistributionFunction OnGrid(CartesianGrid grid, MacroscopicState state, double mass)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var f = new DistributionFunction(grid);
        Fill(grid, state, mass, f.Values);
        return f;
    }

    /// <summary>The global Maxwellian μ^α = 𝓜[1, 0, 1; m^α] of every species of <paramref name="mixture"/>.</summary>
    /// <param name="grid">The velocity grid.</param>
    /// <param name="mixture">The mixture.</param>
    public static DistributionFunction[] Global(CartesianGrid grid, Mixture mixture) =>
        Common(grid, mixture, Enumerable.Repeat(1.0, mixture?.Count ?? 0).ToArray(), Velocity3.Zero, 1.0);

    /// <summary>
    /// The equilibrium bi-Maxwellian (𝓜[n^α, u, T; m^α])_α: common bulk velocity <paramref name="bulkVelocity"/> and
    /// temperature <paramref name="temperature"/>, arbitrary densities.
    /// </summary>
    /// <param name="grid">The velocity grid.</param>
    /// <param name="mixture">The mixture.</param>
    /// <param name="densities">n^α ≥ 0, one per species.</param>
    /// <param name="bulkVelocity">Common u.</param>
    /// <param name="temperature">Common T &gt; 0.</param>
    public static DistributionFunction[] Common(CartesianGrid grid, Mixture mixture, ReadOnlySpan<double> densities, Velocity3 bulkVelocity, double temperature)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(mixture);
        Guard.Length(densities.Length, mixture.Count, nameof(densities));
        Guard.AllFinite(densities);
        Guard.Finite(bulkVelocity);
        Guard.Positive(temperature);
        MemoryBudget.Ensure(8.0 * mixture.Count * (double)grid.Count, $"{mixture.Count} Maxwellians on {grid}");
        var result = new DistributionFunction[mixture.Count];
        for (int a = 0; a < mixture.Count; a++)
        {
            result[a] = OnGrid(grid, new MacroscopicState(densities[a], bulkVelocity, temperature), mixture[a].Mass);
        }

        return result;
    }

    /// <summary>Independent per-species Maxwellians 𝓜[n^α, u^α, T^α; m^α] (not an equilibrium unless u^α, T^α agree).</summary>
    /// <param name="grid">The velocity grid.</param>
    /// <param name="mixture">The mixture.</param>
    /// <param name="states">One state per species.</param>
    public static DistributionFunction[] Independent(CartesianGrid grid, Mixture mixture, ReadOnlySpan<MacroscopicState> states)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(mixture);
        Guard.Length(states.Length, mixture.Count, nameof(states));
        MemoryBudget.Ensure(8.0 * mixture.Count * (double)grid.Count, $"{mixture.Count} Maxwellians on {grid}");
        var result = new DistributionFunction[mixture.Count];
        for (int a = 0; a < mixture.Count; a++)
        {
            result[a] = OnGrid(grid, states[a], mixture[a].Mass);
        }

        return result;
    }

    /// <summary>
    /// Writes the isotropic Maxwellian 𝓜[n, 0, T; m](r) = n (m/(2πT))^{3/2} exp(−m r²/(2T)) at every radius of
    /// <paramref name="grid"/> into <paramref name="destination"/>.
    /// </summary>
    /// <param name="grid">The radial grid.</param>
    /// <param name="state">(n, u, T) with u = 0 (a radial grid holds isotropic functions only).</param>
    /// <param name="mass">Particle mass m &gt; 0.</param>
    /// <param name="destination">n values, one per radius.</param>
    /// <exception cref="ArgumentException">u ≠ 0, or <paramref name="destination"/> has the wrong length.</exception>
    public static void Fill(RadialGrid grid, MacroscopicState state, double mass, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(grid);
        Guard.Positive(mass);
        EnsureValid(state);
        if (state.BulkVelocity != Velocity3.Zero)
        {
            throw new ArgumentException($"state.BulkVelocity must be zero on a radial grid (isotropic functions only; was {state.BulkVelocity}).", nameof(state));
        }

        Guard.Length(destination.Length, grid.Count, nameof(destination));
        ReadOnlySpan<double> r = grid.Radii;
        for (int i = 0; i < r.Length; i++)
        {
            destination[i] = Pointwise(state, mass, new Velocity3(r[i], 0, 0), 1.0);
        }
    }

    /// <summary>The isotropic Maxwellian 𝓜[n, 0, T; m] sampled on the radial grid <paramref name="grid"/>.</summary>
    /// <param name="grid">The radial grid.</param>
    /// <param name="state">(n, u, T) with u = 0.</param>
    /// <param name="mass">Particle mass m &gt; 0.</param>
    public static RadialDistribution OnGrid(RadialGrid grid, MacroscopicState state, double mass)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var f = new RadialDistribution(grid);
        Fill(grid, state, mass, f.Values);
        return f;
    }

    // n (β/π)^{3/2} e^{−β|v−u|²} raised to `power` (1 or ½), β = m/(2T). The direct formula is used whenever β and
    // the prefactor are finite and non-zero; at extreme but valid m and T (m = 1e200, T = 1e−200: β = ∞) it works in
    // logarithms, and β|v−u|² is taken as 0 at v = u exactly, so the result is 0 away from u and +∞ (a genuine
    // overflow of the density) at u, never NaN.
    private static double Pointwise(MacroscopicState state, double mass, Velocity3 v, double power)
    {
        double beta = mass / (2.0 * state.Temperature);
        double norm = state.Density * Math.Pow(beta / Math.PI, 1.5);
        double r2 = (v - state.BulkVelocity).LengthSquared;
        if (beta > 0 && double.IsFinite(beta) && norm > 0 && double.IsFinite(norm) && double.IsFinite(r2))
        {
            return power == 1.0 ? norm * Math.Exp(-beta * r2) : Math.Sqrt(norm) * Math.Exp(-0.5 * beta * r2);
        }

        double logBeta = Math.Log(mass) - Math.Log(2.0) - Math.Log(state.Temperature);
        double exponent = r2 == 0 ? 0.0 : Math.Exp(logBeta + Math.Log(r2));
        double logValue = Math.Log(state.Density) + (1.5 * (logBeta - Math.Log(Math.PI))) - exponent;
        return Math.Exp(power * logValue);
    }

    // default(MacroscopicState) bypasses the constructor's validation (T = 0); reject it here.
    private static void EnsureValid(MacroscopicState state) => Guard.Positive(state.Temperature, "state.Temperature");

    private static void FillCore(CartesianGrid grid, MacroscopicState state, double mass, Span<double> destination, bool squareRoot)
    {
        ArgumentNullException.ThrowIfNull(grid);
        Guard.Positive(mass);
        EnsureValid(state);
        Guard.Length(destination.Length, grid.Count, nameof(destination));
        double beta = mass / (2.0 * state.Temperature);
        double norm = state.Density * Math.Pow(beta / Math.PI, 1.5);
        if (squareRoot)
        {
            beta *= 0.5;
            norm = Math.Sqrt(norm);
        }

        if (!(beta > 0 && double.IsFinite(beta) && norm > 0 && double.IsFinite(norm)))
        {
            // Extreme m/T (β or the prefactor overflows or underflows): pointwise in logarithms, never NaN.
            for (int q = 0; q < destination.Length; q++)
            {
                destination[q] = Pointwise(state, mass, grid.Point(q), squareRoot ? 0.5 : 1.0);
            }

            return;
        }

        // The Gaussian factorises: exp(−β|v−u|²) = gx[i]·gy[j]·gz[k]; three 1-D tables replace N³ exponentials.
        int n = grid.PointsPerAxis;
        Span<double> gx = n <= 256 ? stackalloc double[n] : new double[n];
        Span<double> gy = n <= 256 ? stackalloc double[n] : new double[n];
        Span<double> gz = n <= 256 ? stackalloc double[n] : new double[n];
        ReadOnlySpan<double> axis = grid.Axis;
        Velocity3 u = state.BulkVelocity;
        for (int i = 0; i < n; i++)
        {
            gx[i] = Math.Exp(-beta * (axis[i] - u.X) * (axis[i] - u.X));
            gy[i] = Math.Exp(-beta * (axis[i] - u.Y) * (axis[i] - u.Y));
            gz[i] = Math.Exp(-beta * (axis[i] - u.Z) * (axis[i] - u.Z));
        }

        int p = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double c = norm * gx[i] * gy[j];
                for (int k = 0; k < n; k++)
                {
                    destination[p++] = c * gz[k];
                }
            }
        }
    }
}
