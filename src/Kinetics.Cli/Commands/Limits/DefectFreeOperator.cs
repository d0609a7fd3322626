using Kinetics.Boltzmann;
using Kinetics.Distributions;
using Kinetics.Dynamics;
using Kinetics.Grids;

namespace Kinetics.Cli.Commands.Limits;

/// <summary>
/// 𝒞(F) − 𝒞(M[F]) for a mixture on one velocity grid, M[F] the discrete mixture equilibrium
/// (<see cref="DiscreteMaxwellian.FillMixture"/>) with the species densities, total momentum and total energy of F: the
/// discrete operator's equilibrium defect removed (as in the AP step), so that M[F] is an exact equilibrium
/// (docs/limits.md, wave damping).
/// </summary>
internal sealed class DefectFreeOperator(BoltzmannOperator inner) : ICollisionOperator, ICollisionFrequency
{
    public CartesianGrid Grid => inner.Grid;

    public ReadOnlySpan<double> Masses => inner.Masses;

    public double MaxCollisionFrequency(ReadOnlySpan<double> state) => inner.MaxCollisionFrequency(state);

    public void Evaluate(ReadOnlySpan<double> state, Span<double> destination)
    {
        inner.Evaluate(state, destination);
        var grid = inner.Grid;
        var masses = inner.Masses;
        int count = grid.Count, species = masses.Length;
        double volume = grid.CellVolume, energy = 0;
        var densities = new double[species];
        var momentum = default(Velocity3);
        for (int a = 0; a < species; a++)
        {
            var f = state.Slice(a * count, count);
            double n = 0, px = 0, py = 0, pz = 0, e = 0;
            for (int p = 0; p < count; p++)
            {
                var v = grid.Point(p);
                n += f[p];
                px += v.X * f[p];
                py += v.Y * f[p];
                pz += v.Z * f[p];
                e += v.LengthSquared * f[p];
            }

            densities[a] = n * volume;
            momentum += masses[a] * volume * new Velocity3(px, py, pz);
            energy += 0.5 * masses[a] * volume * e;
        }

        var equilibrium = new double[species * count];
        var defect = new double[species * count];
        DiscreteMaxwellian.FillMixture(grid, masses, densities, momentum, energy, equilibrium);
        inner.Evaluate(equilibrium, defect);
        for (int p = 0; p < defect.Length; p++)
        {
            destination[p] -= defect[p];
        }
    }
}
