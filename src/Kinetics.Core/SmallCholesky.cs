namespace Kinetics;

/// <summary>
/// Cholesky factorisation G = L Lᵀ and solve for the small dense symmetric positive-definite systems of the library's
/// moment constraints (the Gram matrices of conservative projections and the Newton steps of discrete Maxwellians,
/// r ≤ 68) and of the 1-D Poisson–Boltzmann Newton step (r ≤ 512 cells). Row-major r × r storage; L overwrites the lower
/// triangle of G.
/// </summary>
internal static class SmallCholesky
{
    /// <summary>Factors <paramref name="g"/> in place; false when G is not (numerically) positive definite or not finite.</summary>
    public static bool Factor(Span<double> g, int r)
    {
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

        return true;
    }

    /// <summary>Solves L Lᵀ x = b in place (<paramref name="x"/> holds b on entry) with the factor from <see cref="Factor"/>.</summary>
    public static void Solve(ReadOnlySpan<double> l, int r, Span<double> x)
    {
        for (int i = 0; i < r; i++)
        {
            double v = x[i];
            for (int k = 0; k < i; k++)
            {
                v -= l[(i * r) + k] * x[k];
            }

            x[i] = v / l[(i * r) + i];
        }

        for (int i = r - 1; i >= 0; i--)
        {
            double v = x[i];
            for (int k = i + 1; k < r; k++)
            {
                v -= l[(k * r) + i] * x[k];
            }

            x[i] = v / l[(i * r) + i];
        }
    }

    /// <summary>Factors <paramref name="g"/> in place and solves G x = b in place; false when G is not positive definite.</summary>
    public static bool TrySolve(Span<double> g, Span<double> x, int r)
    {
        if (!Factor(g, r))
        {
            return false;
        }

        Solve(g, r, x);
        return true;
    }
}
