using Kinetics.PhaseSpace.States;

namespace Kinetics.PhaseSpace.Integration;

/// <summary>
/// The species densities of the diffusive-scaling step, from the centred flux form n^{n+1} = n^n − Δt ∂ₓ J^n with
/// J^n = ε^{−1}∫ v_x F^n dv: the second-order transport over τ = Δt/ε carries (τ²/2)v²∂²ₓF, a spurious diffusivity
/// Δtθ/(2ε²m) in the density equation that grows as ε → 0 (docs/limits.md). The transported distribution of each species is
/// rescaled per cell to these densities (species totals unchanged: the centred fluxes telescope). The rescaling moves
/// momentum and energy with the particles, so total momentum and energy are not conserved to round-off in this scaling
/// (their change is the density transfer times the local drift and temperature); a version that moved particles without
/// energy was tried and made the error larger (docs/limits.md).
/// </summary>
internal sealed class DiffusiveDensityCorrection(int cells, int species)
{
    private readonly double[] _flux = new double[cells * species];
    private readonly double[] _density = new double[cells * species];

    /// <summary>Records n^n and J^n of every cell (1-D mesh, the whole mesh on this process).</summary>
    public void Record(PhaseSpaceState state, double epsilon)
    {
        var grid = state.Velocities;
        int nv = grid.Count, s = state.SpeciesCount;
        double w = grid.Weight;
        for (int c = 0; c < cells; c++)
        {
            for (int a = 0; a < s; a++)
            {
                ReadOnlySpan<double> f = state.Distribution(c, a);
                double n = 0, j = 0;
                for (int p = 0; p < nv; p++)
                {
                    n += f[p];
                    j += grid.Component(p, 0) * f[p];
                }

                _density[(c * s) + a] = n * w;
                _flux[(c * s) + a] = j * w / epsilon;
            }
        }
    }

    /// <summary>Rescales every species of every cell of the transported state to n^n − Δt (J_{c+1} − J_{c−1})/(2Δx).</summary>
    public void Apply(PhaseSpaceState state, double step)
    {
        var grid = state.Velocities;
        int nv = grid.Count, s = state.SpeciesCount;
        double w = grid.Weight, ratio = step / (2.0 * state.Mesh.SpacingX);
        for (int c = 0; c < cells; c++)
        {
            int left = (c - 1 + cells) % cells, right = (c + 1) % cells;
            for (int a = 0; a < s; a++)
            {
                Span<double> f = state.Distribution(c, a);
                double current = 0;
                for (int p = 0; p < nv; p++)
                {
                    current += f[p];
                }

                double target = _density[(c * s) + a] - (ratio * (_flux[(right * s) + a] - _flux[(left * s) + a]));
                double scale = target / (current * w);
                for (int p = 0; p < nv; p++)
                {
                    f[p] *= scale;
                }
            }
        }
    }
}
