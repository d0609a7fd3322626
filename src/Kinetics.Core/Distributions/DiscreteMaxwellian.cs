using Kinetics.Grids;
using Kinetics.Moments;

namespace Kinetics.Distributions;

/// <summary>
/// Discrete Maxwellians: F(v_p) = exp(a + b·v_p + c|v_p|²) on a <see cref="CartesianGrid"/> whose density, bulk velocity
/// and temperature computed by the grid's quadrature (<see cref="SpeciesMoments"/>) equal the requested (n, u, T) to
/// round-off, for initial data, wall and inflow Maxwellians and equilibria.
/// </summary>
/// <remarks>
/// <para>The sampled Maxwellian 𝓜[n, u, T; m](v_p) has grid moments that differ from (n, u, T) by the quadrature error
/// of the midpoint rule and by the box truncation (5e−6 to 4e−5 relative at N = 16 when h is about one thermal speed).
/// The discrete Maxwellian keeps the Gaussian shape and adjusts its five coefficients by Newton's method on the
/// moment equations Σ_p h³ φ(v_p) F(v_p) = (n, n u, n(|u|²/2 + 3T/(2m))), φ = (1, v, |v|²/2), whose Jacobian is the
/// Gram matrix Σ h³ φφᵀF (symmetric positive definite): the minimiser of the discrete entropy under those constraints
/// (L. Mieussens, "Discrete velocity model and implicit scheme for the BGK equation of rarefied gas dynamics", Math.
/// Models Methods Appl. Sci. 10 (2000)). Newton starts from the continuum coefficients and stops when the moment
/// residual is at round-off (typically 2–3 iterations; at most 30).</para>
/// </remarks>
public static class DiscreteMaxwellian
{
    private const int MaxIterations = 30;

    /// <summary>Writes the discrete Maxwellian with grid moments (n, u, T) for particles of mass m into
    /// <paramref name="destination"/>.</summary>
    /// <param name="grid">The velocity grid.</param>
    /// <param name="state">(n, u, T): n &gt; 0, T &gt; 0, u inside the box.</param>
    /// <param name="mass">m &gt; 0.</param>
    /// <param name="destination">N³ values.</param>
    /// <exception cref="ArgumentException">The grid cannot carry these moments (e.g. the thermal speed is far below the
    /// spacing or the Maxwellian does not fit in the box): Newton does not converge.</exception>
    public static void Fill(CartesianGrid grid, MacroscopicState state, double mass, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(grid);
        Guard.Positive(mass);
        Guard.Length(destination.Length, grid.Count, nameof(destination));
        Maxwellian.Fill(grid, state, mass, destination);
        Velocity3 u = state.BulkVelocity;
        double n = state.Density, theta = state.Temperature / mass;
        Span<double> target = [n, n * u.X, n * u.Y, n * u.Z, n * ((0.5 * u.LengthSquared) + (1.5 * theta))];
        Span<double> moments = stackalloc double[5];
        Span<double> gram = stackalloc double[25];
        Span<double> step = stackalloc double[5];

        // Coefficients of log F = a + b·v + c|v|²/2 (φ-basis), started at the continuum Maxwellian.
        Span<double> coefficients =
        [
            Math.Log(n / Math.Pow(2 * Math.PI * theta, 1.5)) - (0.5 * u.LengthSquared / theta),
            u.X / theta, u.Y / theta, u.Z / theta, -1.0 / theta,
        ];
        double scale = Math.Abs(target[0]) + Math.Abs(target[4]) + Math.Abs(target[1]) + Math.Abs(target[2]) + Math.Abs(target[3]);
        double previous = double.PositiveInfinity;
        for (int iteration = 0; ; iteration++)
        {
            Accumulate(grid, destination, moments, gram);
            double residual = 0;
            for (int i = 0; i < 5; i++)
            {
                step[i] = target[i] - moments[i];
                residual = Math.Max(residual, Math.Abs(step[i]));
            }

            // Converged: at round-off of the N³-term sums, or stagnating there (Newton no longer halves the residual).
            if (residual <= 1e-15 * scale || (iteration >= 2 && residual <= 1e-11 * scale && residual > 0.5 * previous))
            {
                return;
            }

            previous = residual;

            if (iteration == MaxIterations || !SmallCholesky.TrySolve(gram, step, 5))
            {
                throw new ArgumentException(
                    $"state: no discrete Maxwellian with these moments on {grid} (n = {n:G6}, u = {u}, T = {state.Temperature:G6}, m = {mass:G6}; " +
                    $"moment residual {residual / scale:G3} after {iteration} Newton steps); refine the grid or enlarge L.",
                    nameof(state));
            }

            for (int i = 0; i < 5; i++)
            {
                coefficients[i] += step[i];
            }

            Evaluate(grid, coefficients, destination);
        }
    }

    /// <summary>
    /// The discrete equilibrium of a mixture: F^α(v_p) = exp(a^α + m^α(b·v_p + c|v_p|²/2)) with one (b, c) for all
    /// species, whose grid moments are the species densities n^α, the total momentum and the total energy given. It is the
    /// minimiser of the discrete entropy Σ_α h³ Σ_p F^α log F^α under these constraints (a common temperature and bulk
    /// velocity is what the multipliers b, c express), so H(F) ≥ H(equilibrium) for every positive F with the same
    /// conserved moments, on the grid and not only in the limit.
    /// </summary>
    /// <param name="grid">The velocity grid.</param>
    /// <param name="masses">m^α &gt; 0.</param>
    /// <param name="densities">n^α &gt; 0.</param>
    /// <param name="momentum">Σ_α m^α ∫ v F^α (the total momentum density).</param>
    /// <param name="energy">Σ_α ∫ (m^α/2)|v|² F^α; must exceed the kinetic energy |momentum|²/(2ρ).</param>
    /// <param name="destination">S·N³ values, species-major.</param>
    /// <exception cref="ArgumentException">Newton does not converge (the grid cannot carry these moments).</exception>
    public static void FillMixture(
        CartesianGrid grid, ReadOnlySpan<double> masses, ReadOnlySpan<double> densities, Velocity3 momentum, double energy, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(grid);
        int s = masses.Length, count = grid.Count, r = s + 4;
        Guard.InRange(s, 1, 64, nameof(masses) + ".Length");
        Guard.Length(densities.Length, s, nameof(densities));
        Guard.Length(destination.Length, s * count, nameof(destination));
        Guard.Finite(momentum);
        Guard.Finite(energy);
        double rho = 0, total = 0;
        for (int a = 0; a < s; a++)
        {
            Guard.Positive(masses[a], nameof(masses));
            Guard.Positive(densities[a], nameof(densities));
            rho += masses[a] * densities[a];
            total += densities[a];
        }

        Velocity3 u = momentum / rho;
        double temperature = (energy - (0.5 * rho * u.LengthSquared)) / (1.5 * total);
        if (!(temperature > 0) || !double.IsFinite(temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(energy), energy, $"energy must exceed the kinetic energy |momentum|²/(2ρ) = {0.5 * rho * u.LengthSquared:G6} (was {energy:G6}).");
        }

        // Unknowns x = (a^0 … a^{S−1}, b_x, b_y, b_z, c); start from the continuum Maxwellians at (n^α, u, T).
        Span<double> x = stackalloc double[r];
        Span<double> step = stackalloc double[r];
        Span<double> jacobian = stackalloc double[r * r];
        Span<double> local = stackalloc double[25];
        Span<double> moments = stackalloc double[5];
        for (int a = 0; a < s; a++)
        {
            x[a] = Math.Log(densities[a] * Math.Pow(masses[a] / (2 * Math.PI * temperature), 1.5)) - (0.5 * masses[a] * u.LengthSquared / temperature);
        }

        x[s] = u.X / temperature;
        x[s + 1] = u.Y / temperature;
        x[s + 2] = u.Z / temperature;
        x[s + 3] = -1.0 / temperature;
        double scale = total + energy + Math.Abs(momentum.X) + Math.Abs(momentum.Y) + Math.Abs(momentum.Z);
        double previous = double.PositiveInfinity;
        Span<double> species = stackalloc double[5];
        for (int iteration = 0; ; iteration++)
        {
            jacobian.Clear();
            step[s] = momentum.X;
            step[s + 1] = momentum.Y;
            step[s + 2] = momentum.Z;
            step[s + 3] = energy;
            for (int a = 0; a < s; a++)
            {
                double m = masses[a];
                species[0] = x[a];
                species[1] = m * x[s];
                species[2] = m * x[s + 1];
                species[3] = m * x[s + 2];
                species[4] = m * x[s + 3];
                Span<double> f = destination.Slice(a * count, count);
                Evaluate(grid, species, f);
                Accumulate(grid, f, moments, local);

                // Rows/columns: species mass a; momentum s..s+2 and energy s+3 carry a factor m per index.
                Span<int> row = [a, s, s + 1, s + 2, s + 3];
                Span<double> factor = [1.0, m, m, m, m];
                step[a] = densities[a] - moments[0];
                for (int i = 1; i < 5; i++)
                {
                    step[row[i]] -= factor[i] * moments[i];
                }

                for (int i = 0; i < 5; i++)
                {
                    for (int j = 0; j < 5; j++)
                    {
                        jacobian[(row[i] * r) + row[j]] += factor[i] * factor[j] * local[(i * 5) + j];
                    }
                }
            }

            double residual = 0;
            for (int i = 0; i < r; i++)
            {
                residual = Math.Max(residual, Math.Abs(step[i]));
            }

            if (residual <= 1e-15 * scale || (iteration >= 2 && residual <= 1e-11 * scale && residual > 0.5 * previous))
            {
                return;
            }

            previous = residual;
            if (iteration == MaxIterations || !SmallCholesky.TrySolve(jacobian, step, r))
            {
                throw new ArgumentException(
                    $"no discrete mixture equilibrium with these moments on {grid} (T = {temperature:G6}, u = {u}; moment residual {residual / scale:G3} " +
                    $"after {iteration} Newton steps); refine the grid or enlarge L.",
                    nameof(energy));
            }

            for (int i = 0; i < r; i++)
            {
                x[i] += step[i];
            }
        }
    }

    /// <summary>Allocating convenience: the discrete Maxwellian as a <see cref="DistributionFunction"/>.</summary>
    /// <param name="grid">The velocity grid.</param>
    /// <param name="state">(n, u, T).</param>
    /// <param name="mass">m &gt; 0.</param>
    public static DistributionFunction OnGrid(CartesianGrid grid, MacroscopicState state, double mass)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var values = new double[grid.Count];
        Fill(grid, state, mass, values);
        return new DistributionFunction(grid, values);
    }

    private static void Evaluate(CartesianGrid grid, ReadOnlySpan<double> c, Span<double> destination)
    {
        ReadOnlySpan<double> axis = grid.Axis;
        int n = grid.PointsPerAxis, p = 0;
        for (int i = 0; i < n; i++)
        {
            double x = axis[i], ex = c[0] + (c[1] * x) + (0.5 * c[4] * x * x);
            for (int j = 0; j < n; j++)
            {
                double y = axis[j], exy = ex + (c[2] * y) + (0.5 * c[4] * y * y);
                for (int k = 0; k < n; k++, p++)
                {
                    double z = axis[k];
                    destination[p] = Math.Exp(exy + (c[3] * z) + (0.5 * c[4] * z * z));
                }
            }
        }
    }

    // moments = Σ h³ φ F, gram = Σ h³ φ φᵀ F, φ = (1, vx, vy, vz, |v|²/2).
    private static void Accumulate(CartesianGrid grid, ReadOnlySpan<double> f, Span<double> moments, Span<double> gram)
    {
        moments.Clear();
        gram.Clear();
        ReadOnlySpan<double> axis = grid.Axis;
        int n = grid.PointsPerAxis, p = 0;
        Span<double> phi = stackalloc double[5];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                for (int k = 0; k < n; k++, p++)
                {
                    double w = f[p];
                    phi[0] = 1;
                    phi[1] = axis[i];
                    phi[2] = axis[j];
                    phi[3] = axis[k];
                    phi[4] = 0.5 * ((axis[i] * axis[i]) + (axis[j] * axis[j]) + (axis[k] * axis[k]));
                    for (int a = 0; a < 5; a++)
                    {
                        double wa = w * phi[a];
                        moments[a] += wa;
                        for (int b = a; b < 5; b++)
                        {
                            gram[(a * 5) + b] += wa * phi[b];
                        }
                    }
                }
            }
        }

        double h3 = grid.CellVolume;
        for (int a = 0; a < 5; a++)
        {
            moments[a] *= h3;
            for (int b = a; b < 5; b++)
            {
                gram[(a * 5) + b] *= h3;
                gram[(b * 5) + a] = gram[(a * 5) + b];
            }
        }
    }
}
