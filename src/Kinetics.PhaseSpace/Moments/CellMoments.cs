using Kinetics.Moments;
using Kinetics.PhaseSpace.States;

namespace Kinetics.PhaseSpace.Moments;

/// <summary>Per-cell macroscopic fields of a <see cref="PhaseSpaceState"/> (midpoint quadrature, every species on its own
/// velocity grid at its physical velocities).</summary>
public static class CellMoments
{
    /// <summary>The fields of species <paramref name="species"/> in local cell <paramref name="cell"/>.</summary>
    /// <param name="state">The state.</param>
    /// <param name="cell">Local cell in [0, state.CellCount).</param>
    /// <param name="species">α in [0, S).</param>
    /// <returns>n, u, T, P and q as documented on <see cref="CellFields"/>; u = 0, T = 0 when n = 0.</returns>
    public static CellFields Species(PhaseSpaceState state, int cell, int species)
    {
        ArgumentNullException.ThrowIfNull(state);
        Guard.InRange(cell, 0, state.CellCount - 1);
        Guard.InRange(species, 0, state.SpeciesCount - 1);
        var raw = Raw(state, cell, species);
        double n = raw.Density;
        Velocity3 u = n > 0.0 ? raw.Momentum / (n * state.Masses[species]) : Velocity3.Zero;
        return About(state, cell, species, species + 1, u, n);
    }

    /// <summary>The mixture fields in local cell <paramref name="cell"/> (u mass-averaged; P, T, q about that u).</summary>
    /// <param name="state">The state.</param>
    /// <param name="cell">Local cell in [0, state.CellCount).</param>
    public static CellFields Mixture(PhaseSpaceState state, int cell)
    {
        ArgumentNullException.ThrowIfNull(state);
        Guard.InRange(cell, 0, state.CellCount - 1);
        double n = 0.0, rho = 0.0;
        Velocity3 momentum = Velocity3.Zero;
        for (int s = 0; s < state.SpeciesCount; s++)
        {
            var raw = Raw(state, cell, s);
            n += raw.Density;
            rho += state.Masses[s] * raw.Density;
            momentum += raw.Momentum;
        }

        Velocity3 u = rho > 0.0 ? momentum / rho : Velocity3.Zero;
        return About(state, cell, 0, state.SpeciesCount, u, n);
    }

    /// <summary>Number density n^α of every owned cell (cell order), into <paramref name="destination"/>.</summary>
    /// <param name="state">The state.</param>
    /// <param name="species">α in [0, S).</param>
    /// <param name="destination">state.CellCount values.</param>
    public static void Densities(PhaseSpaceState state, int species, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(state);
        Guard.InRange(species, 0, state.SpeciesCount - 1);
        Guard.Length(destination.Length, state.CellCount, nameof(destination));
        double w = state.VelocitiesOf(species).Weight;
        for (int c = 0; c < state.CellCount; c++)
        {
            destination[c] = w * Sum(state.Distribution(c, species));
        }
    }

    internal static double Sum(ReadOnlySpan<double> f)
    {
        // A fixed left-to-right order: the same bits on every process and instruction set.
        double s = 0.0;
        for (int p = 0; p < f.Length; p++)
        {
            s += f[p];
        }

        return s;
    }

    private static (double Density, Velocity3 Momentum) Raw(PhaseSpaceState state, int cell, int species)
    {
        var grid = state.VelocitiesOf(species);
        ReadOnlySpan<double> f = state.Distribution(cell, species);
        double n = 0.0, mx = 0.0, my = 0.0, mz = 0.0;
        for (int p = 0; p < f.Length; p++)
        {
            double fp = f[p];
            n += fp;
            mx += grid.Component(p, 0) * fp;
            my += grid.Component(p, 1) * fp;
            mz += grid.Component(p, 2) * fp;
        }

        double w = grid.Weight, m = state.Masses[species];
        return (w * n, new Velocity3(m * w * mx, m * w * my, m * w * mz));
    }

    private static CellFields About(PhaseSpaceState state, int cell, int firstSpecies, int endSpecies, Velocity3 u, double n)
    {
        double pxx = 0, pyy = 0, pzz = 0, pxy = 0, pxz = 0, pyz = 0, qx = 0, qy = 0, qz = 0;
        for (int s = firstSpecies; s < endSpecies; s++)
        {
            double m = state.Masses[s];
            var grid = state.VelocitiesOf(s);
            double w = grid.Weight;
            ReadOnlySpan<double> f = state.Distribution(cell, s);
            for (int p = 0; p < f.Length; p++)
            {
                double cx = grid.Component(p, 0) - u.X, cy = grid.Component(p, 1) - u.Y, cz = grid.Component(p, 2) - u.Z;
                double mf = m * w * f[p];
                pxx += mf * cx * cx;
                pyy += mf * cy * cy;
                pzz += mf * cz * cz;
                pxy += mf * cx * cy;
                pxz += mf * cx * cz;
                pyz += mf * cy * cz;
                double e = 0.5 * mf * ((cx * cx) + (cy * cy) + (cz * cz));
                qx += e * cx;
                qy += e * cy;
                qz += e * cz;
            }
        }

        var stress = new SymmetricTensor3(pxx, pyy, pzz, pxy, pxz, pyz);
        double temperature = n > 0.0 ? stress.Trace / (state.VelocityDimension * n) : 0.0;
        return new CellFields(n, u, temperature, stress, new Velocity3(qx, qy, qz));
    }
}
