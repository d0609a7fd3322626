using Kinetics.Grids;

namespace Kinetics.Conservation;

/// <summary>
/// Gives a collision term prescribed grid moments Σ_p φ(v_p) Q_p for φ = (1, v_x, v_y, v_z, |v|²/2) (local grid
/// coordinates) by the smallest |F|-weighted change Q ← Q − |F|(λ₀ + λ·v + λ₄|v|²/2).
/// </summary>
/// <remarks>Used where a cross term's grid moments are less accurate than an independent formula for them: the grid sum
/// Σ φ Q pairs the periodised, kinked weights v_d and |v|² with the unresolved high modes of Q, which are large when the
/// partner is far narrower than the grid spacing (a heavy species seen from a light one's grid); the flux sums of a
/// Landau term and the weak-form exchange integrals of a Boltzmann term are spectrally accurate
/// (docs/species-grids.md). The change is of the size of that moment defect.</remarks>
internal static class LocalMomentCorrection
{
    // targets = the wanted (Σ q, Σ x q, Σ y q, Σ z q, Σ |v|²/2 q) over the grid points (no cell volume).
    public static void Apply(CartesianGrid grid, ReadOnlySpan<double> f, ReadOnlySpan<double> targets, Span<double> q)
    {
        int n = grid.PointsPerAxis, p = 0;
        ReadOnlySpan<double> axis = grid.Axis;
        Span<double> gram = stackalloc double[25];
        Span<double> rhs = stackalloc double[5];
        Span<double> phi = stackalloc double[5];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                for (int k = 0; k < n; k++, p++)
                {
                    Basis(axis[i], axis[j], axis[k], phi);
                    double w = Math.Abs(f[p]);
                    for (int r = 0; r < 5; r++)
                    {
                        rhs[r] += phi[r] * q[p];
                        for (int s = 0; s <= r; s++)
                        {
                            gram[(r * 5) + s] += w * phi[r] * phi[s];
                        }
                    }
                }
            }
        }

        // Defects (grid moment − target).
        for (int r = 0; r < 5; r++)
        {
            rhs[r] -= targets[r];
        }

        for (int r = 0; r < 5; r++)
        {
            for (int s = r + 1; s < 5; s++)
            {
                gram[(r * 5) + s] = gram[(s * 5) + r];
            }
        }

        if (!SmallCholesky.Factor(gram, 5))
        {
            return; // |F| vanishes (or nearly) on the grid: nothing to correct with.
        }

        SmallCholesky.Solve(gram, 5, rhs);
        p = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                for (int k = 0; k < n; k++, p++)
                {
                    Basis(axis[i], axis[j], axis[k], phi);
                    double delta = (rhs[0] * phi[0]) + (rhs[1] * phi[1]) + (rhs[2] * phi[2]) + (rhs[3] * phi[3]) + (rhs[4] * phi[4]);
                    q[p] -= Math.Abs(f[p]) * delta;
                }
            }
        }

    }

    // moments = (Σ q, Σ x q, Σ y q, Σ z q, Σ |v|²/2 q) over the grid points (local coordinates, no cell volume).
    public static void Measure(CartesianGrid grid, ReadOnlySpan<double> q, Span<double> moments)
    {
        int n = grid.PointsPerAxis, p = 0;
        ReadOnlySpan<double> axis = grid.Axis;
        Span<double> phi = stackalloc double[5];
        moments.Clear();
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                for (int k = 0; k < n; k++, p++)
                {
                    Basis(axis[i], axis[j], axis[k], phi);
                    for (int r = 0; r < 5; r++)
                    {
                        moments[r] += phi[r] * q[p];
                    }
                }
            }
        }
    }

    private static void Basis(double x, double y, double z, Span<double> phi)
    {
        phi[0] = 1.0;
        phi[1] = x;
        phi[2] = y;
        phi[3] = z;
        phi[4] = 0.5 * ((x * x) + (y * y) + (z * z));
    }
}
