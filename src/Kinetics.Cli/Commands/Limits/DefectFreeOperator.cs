using Kinetics.Boltzmann;
using Kinetics.Distributions;
using Kinetics.Dynamics;
using Kinetics.Grids;
using Kinetics.Moments;

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
        double energy = 0;
        var densities = new double[species];
        var momentum = default(Velocity3);
        for (int a = 0; a < species; a++)
        {
            var moments = SpeciesMoments.Of(grid, state.Slice(a * count, count), masses[a]);
            densities[a] = moments.Density;
            momentum += moments.Momentum;
            energy += moments.Energy;
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
