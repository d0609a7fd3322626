using System.Numerics.Tensors;
using Kinetics.Conservation;
using Kinetics.Dynamics;

namespace Kinetics.PhaseSpace.Integration;

/// <summary>
/// The explicit collision remainder of the Filbet–Jin penalised steps (<see cref="AsymptoticPreservingSolver"/> and the
/// stiff <see cref="CollisionStep"/>): 𝒞̃(F) = χ·(𝒞(F) − 𝒞(M[F])) − (1 − χ)ν̂(F − M[F]), conservatively projected with
/// weight M[F], χ = M/(M + cutoff·max M) per species (docs/limits.md, "The phase-space stiff step"). Species are the
/// slices [offsets[α], offsets[α + 1]) of a cell: one shared grid or a grid per species (docs/species-grids.md).
/// </summary>
internal static class PenalisedRemainder
{
    /// <summary>
    /// Overwrites <paramref name="collision"/> (𝒞(F) on entry) with 𝒞̃(F), given the cell's equilibrium M[F], its defect 𝒞(M[F])
    /// and collision frequency ν̂.
    /// </summary>
    public static void Apply(
        ReadOnlySpan<int> offsets,
        ConservativeProjection projection,
        double tailCutoff,
        double frequency,
        ReadOnlySpan<double> f,
        ReadOnlySpan<double> equilibrium,
        ReadOnlySpan<double> defect,
        Span<double> collision)
    {
        for (int a = 0; a + 1 < offsets.Length; a++)
        {
            int start = offsets[a], end = offsets[a + 1];
            double floor = tailCutoff * TensorPrimitives.Max(equilibrium[start..end]);
            for (int p = start; p < end; p++)
            {
                double chi = equilibrium[p] / (equilibrium[p] + floor);
                collision[p] = (chi * (collision[p] - defect[p])) - ((1.0 - chi) * frequency * (f[p] - equilibrium[p]));
            }
        }

        projection.Apply(collision, equilibrium);
    }

    /// <summary>
    /// ν̂ of a cell: the operator's largest collision frequency when it reports one, else the largest relative rate
    /// |𝒞(F)|/F over the points where F exceeds 1e−6 of its species maximum.
    /// </summary>
    public static double Frequency(object collisionOperator, ReadOnlySpan<int> offsets, ReadOnlySpan<double> f, ReadOnlySpan<double> collision)
    {
        if (collisionOperator is ICollisionFrequency frequency)
        {
            return frequency.MaxCollisionFrequency(f);
        }

        double nu = 0;
        for (int a = 0; a + 1 < offsets.Length; a++)
        {
            int start = offsets[a], end = offsets[a + 1];
            ReadOnlySpan<double> fa = f[start..end];
            double floor = 1e-6 * TensorPrimitives.Max(fa);
            for (int p = 0; p < fa.Length; p++)
            {
                if (fa[p] > floor)
                {
                    nu = Math.Max(nu, Math.Abs(collision[start + p]) / fa[p]);
                }
            }
        }

        return nu;
    }
}
