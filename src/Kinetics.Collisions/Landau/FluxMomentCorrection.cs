using Kinetics.Conservation;
using Kinetics.Grids;

namespace Kinetics.Landau;

/// <summary>
/// Restores the flux identities ∫φ ∇·J dv = −∫∇φ·J dv (φ = 1, v_d, |v|²/2) for a collision term Q = ∇·J computed by
/// spectral differentiation, by the smallest |F|-weighted change Q ← Q − |F|(λ₀ + λ·v + λ₄|v|²/2).
/// </summary>
/// <remarks>The spectral divergence differentiates the periodised weights v_d and |v|², whose kinks at the box faces
/// give Gibbs errors that couple the grid moments of Q to its unresolved high modes. When the field of a partner is far
/// narrower than the grid spacing (a heavy species seen from a light one's grid) those modes are large and the grid
/// energy moment was off by 22 % at 1:100 and had the wrong sign at 1:1836 (N = 32); the flux sums Σ J, Σ v·J are
/// spectrally accurate (docs/species-grids.md). The change is of the size of that moment defect.</remarks>
internal static class FluxMomentCorrection
{
    // fluxSums = (Σ J_x, Σ J_y, Σ J_z, Σ v·J) over the grid points, local coordinates.
    public static void Apply(CartesianGrid grid, ReadOnlySpan<double> f, ReadOnlySpan<double> fluxSums, Span<double> q)
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

        // Defects (grid moment − flux moment), all without the common factor h³.
        rhs[1] += fluxSums[0];
        rhs[2] += fluxSums[1];
        rhs[3] += fluxSums[2];
        rhs[4] += fluxSums[3];
        for (int r = 0; r < 5; r++)
        {
            for (int s = r + 1; s < 5; s++)
            {
                gram[(r * 5) + s] = gram[(s * 5) + r];
            }
        }

        if (!ConservativeProjection.Cholesky(gram, 5))
        {
            return; // |F| vanishes (or nearly) on the grid: nothing to correct with.
        }

        ConservativeProjection.SolveCholesky(gram, 5, rhs);
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

    private static void Basis(double x, double y, double z, Span<double> phi)
    {
        phi[0] = 1.0;
        phi[1] = x;
        phi[2] = y;
        phi[3] = z;
        phi[4] = 0.5 * ((x * x) + (y * y) + (z * z));
    }
}
