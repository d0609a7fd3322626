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

            if (iteration == MaxIterations || !SolveSymmetric(gram, step))
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

    // Solves G x = rhs in place (Cholesky); false when G is not positive definite.
    private static bool SolveSymmetric(Span<double> g, Span<double> x)
    {
        const int r = 5;
        for (int j = 0; j < r; j++)
        {
            double d = g[(j * r) + j];
            for (int k = 0; k < j; k++)
            {
                d -= g[(j * r) + k] * g[(j * r) + k];
            }

            if (!(d > 0) || !double.IsFinite(d))
            {
                return false;
            }

            d = Math.Sqrt(d);
            g[(j * r) + j] = d;
            for (int i = j + 1; i < r; i++)
            {
                double v = g[(i * r) + j];
                for (int k = 0; k < j; k++)
                {
                    v -= g[(i * r) + k] * g[(j * r) + k];
                }

                g[(i * r) + j] = v / d;
            }
        }

        for (int i = 0; i < r; i++)
        {
            double v = x[i];
            for (int k = 0; k < i; k++)
            {
                v -= g[(i * r) + k] * x[k];
            }

            x[i] = v / g[(i * r) + i];
        }

        for (int i = r - 1; i >= 0; i--)
        {
            double v = x[i];
            for (int k = i + 1; k < r; k++)
            {
                v -= g[(k * r) + i] * x[k];
            }

            x[i] = v / g[(i * r) + i];
        }

        return true;
    }
}
