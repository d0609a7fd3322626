using Kinetics.Distributions;
using Kinetics.Grids;

namespace Kinetics.PhaseSpace.Integration;

/// <summary>
/// The local equilibrium M[F] of a mixture in one cell: for every species the discrete Maxwellian (docs/phase-space.md)
/// of density n^α with the mixture's velocity u and temperature θ, so that the species densities, the total momentum and
/// the total energy of M[F] equal those of F to round-off (grid quadrature).
/// </summary>
internal static class MixtureEquilibrium
{
    /// <summary>Writes M[F] for the S·N³ species-major values <paramref name="cell"/> into <paramref name="destination"/>.</summary>
    public static void Fill(CartesianGrid grid, ReadOnlySpan<double> masses, ReadOnlySpan<double> cell, Span<double> destination)
    {
        int count = grid.Count, s = masses.Length;
        ReadOnlySpan<double> axis = grid.Axis;
        int n = grid.PointsPerAxis;
        Span<double> densities = stackalloc double[s];
        double mx = 0, my = 0, mz = 0, energy = 0, h3 = grid.CellVolume;
        for (int a = 0; a < s; a++)
        {
            ReadOnlySpan<double> f = cell.Slice(a * count, count);
            double density = 0, px = 0, py = 0, pz = 0, e = 0;
            int p = 0;
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    for (int k = 0; k < n; k++, p++)
                    {
                        double value = f[p];
                        density += value;
                        px += axis[i] * value;
                        py += axis[j] * value;
                        pz += axis[k] * value;
                        e += ((axis[i] * axis[i]) + (axis[j] * axis[j]) + (axis[k] * axis[k])) * value;
                    }
                }
            }

            densities[a] = density * h3;
            mx += masses[a] * px * h3;
            my += masses[a] * py * h3;
            mz += masses[a] * pz * h3;
            energy += 0.5 * masses[a] * e * h3;
        }

        FillFromMoments(grid, masses, densities, new Velocity3(mx, my, mz), energy, destination);
    }

    /// <summary>
    /// Writes the equilibrium with species densities <paramref name="densities"/>, total momentum density
    /// <paramref name="momentum"/> (Σ m^α ∫ v F^α) and total energy density <paramref name="energy"/> (Σ ∫ (m^α/2)|v|² F^α).
    /// </summary>
    public static void FillFromMoments(CartesianGrid grid, ReadOnlySpan<double> masses, ReadOnlySpan<double> densities, Velocity3 momentum, double energy, Span<double> destination)
    {
        int count = grid.Count, s = masses.Length;
        var (u, theta) = CommonState(masses, densities, momentum, energy);
        for (int a = 0; a < s; a++)
        {
            DiscreteMaxwellian.Fill(grid, new MacroscopicState(densities[a], u, theta), masses[a], destination.Slice(a * count, count));
        }
    }

    /// <summary>
    /// The common velocity u = momentum/ρ (ρ = Σ m^α n^α) and temperature θ with (3/2)(Σ n^α)θ = energy − ρ|u|²/2 of the
    /// mixture equilibrium with these species densities, total momentum density and total energy density.
    /// </summary>
    internal static (Velocity3 Velocity, double Temperature) CommonState(ReadOnlySpan<double> masses, ReadOnlySpan<double> densities, Velocity3 momentum, double energy)
    {
        double rho = 0, total = 0;
        for (int a = 0; a < masses.Length; a++)
        {
            rho += masses[a] * densities[a];
            total += densities[a];
        }

        var u = new Velocity3(momentum.X / rho, momentum.Y / rho, momentum.Z / rho);
        return (u, 2.0 / 3.0 * (energy - (0.5 * rho * u.LengthSquared)) / total);
    }
}
