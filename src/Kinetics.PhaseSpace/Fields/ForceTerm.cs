using Kinetics.PhaseSpace.States;
using Kinetics.PhaseSpace.Transport;
using Kinetics.PhaseSpace.Velocities;

namespace Kinetics.PhaseSpace.Fields;

/// <summary>
/// The force term ∂_t F^α + (q^α/m^α) E·∇ᵥF^α = 0 in each cell, by the same conservative flux-limited finite volumes
/// as the free transport, one velocity axis at a time, with zero flux through the edges of the velocity box: the mass
/// of every species in every cell is conserved to round-off. Momentum and energy change by (q/m)E·n Δt up to the
/// limiter's slope sums and the splitting error (docs/phase-space.md).
/// </summary>
/// <remarks>
/// Every species is advected on its own velocity grid (h_α, N_α) when the plan holds a grid per species. A step whose
/// velocity Courant number |q E_a/m| Δt/h exceeds 1 is split into equal sub-steps. Immutable and thread-safe; scratch is
/// on the stack (at most 2N + 5 doubles per line).
/// </remarks>
public sealed class ForceTerm
{
    private readonly VelocityGrid[] _grids;

    private ForceTerm(VelocityGrid[] grids, SlopeLimiter limiter)
    {
        _grids = grids;
        Limiter = limiter;
    }

    /// <summary>The velocity grid shared by every species.</summary>
    /// <exception cref="InvalidOperationException">The plan holds a grid per species (<see cref="SpeciesVelocities"/>).</exception>
    public VelocityGrid Velocities => _grids.All(g => g.Equals(_grids[0]))
        ? _grids[0]
        : throw new InvalidOperationException("This plan acts on species with their own velocity grids (SpeciesVelocities).");

    /// <summary>The velocity grid of every species (one entry for a plan on one shared grid).</summary>
    public IReadOnlyList<VelocityGrid> SpeciesVelocities => _grids;

    /// <summary>The slope limiter.</summary>
    public SlopeLimiter Limiter { get; }

    /// <summary>The budget of sub-steps of one advection (|ν| ≤ 1 each) in <see cref="Advance"/>.</summary>
    public const int MaxSubsteps = 10_000;

    /// <summary>Plans the force term on <paramref name="velocities"/>.</summary>
    /// <param name="velocities">The velocity grid.</param>
    /// <param name="limiter">The slope limiter.</param>
    public static ForceTerm Create(VelocityGrid velocities, SlopeLimiter limiter = SlopeLimiter.VanLeer)
    {
        ArgumentNullException.ThrowIfNull(velocities);
        return Create([velocities], limiter);
    }

    /// <summary>Plans the force term with a velocity grid per species.</summary>
    /// <param name="velocities">One grid per species, in species order (<see cref="PhaseSpaceState.SpeciesVelocities"/>).</param>
    /// <param name="limiter">The slope limiter.</param>
    public static ForceTerm Create(IReadOnlyList<VelocityGrid> velocities, SlopeLimiter limiter = SlopeLimiter.VanLeer)
    {
        ArgumentNullException.ThrowIfNull(velocities);
        Guard.InRange(velocities.Count, 1, 1024, nameof(velocities) + ".Count");
        var grids = velocities.ToArray();
        for (int s = 0; s < grids.Length; s++)
        {
            ArgumentNullException.ThrowIfNull(grids[s], $"{nameof(velocities)}[{s}]");
        }

        if (!Enum.IsDefined(limiter))
        {
            throw new ArgumentOutOfRangeException(nameof(limiter), limiter, $"limiter must be a defined {nameof(SlopeLimiter)} (was {limiter}).");
        }

        return new ForceTerm(grids, limiter);
    }

    private VelocityGrid GridOf(int species) => _grids.Length == 1 ? _grids[0] : _grids[species];

    /// <summary>Advances every owned cell of <paramref name="state"/> by Δt in the field (E_x, E_y) given per owned cell.</summary>
    /// <param name="state">The state (modified in place).</param>
    /// <param name="fieldX">E_x per owned cell.</param>
    /// <param name="fieldY">E_y per owned cell (empty for none).</param>
    /// <param name="step">Δt ≥ 0.</param>
    /// <param name="maxDegreeOfParallelism">Threads over cells (−1: the runtime's default).</param>
    public void Advance(PhaseSpaceState state, ReadOnlySpan<double> fieldX, ReadOnlySpan<double> fieldY, double step, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(state);
        bool sameGrids = _grids.Length == 1
            ? state.HasSharedVelocities && state.SpeciesVelocities[0].Equals(_grids[0])
            : state.SpeciesCount == _grids.Length && state.SpeciesVelocities.SequenceEqual(_grids);
        if (!sameGrids)
        {
            throw new ArgumentException("state must live on this plan's velocity grid(s).", nameof(state));
        }

        Guard.Length(fieldX.Length, state.CellCount, nameof(fieldX));
        if (fieldY.Length != 0)
        {
            Guard.Length(fieldY.Length, state.CellCount, nameof(fieldY));
            if (_grids[0].Dimension < 2)
            {
                throw new ArgumentException("fieldY needs a velocity grid of at least 2 dimensions.", nameof(fieldY));
            }
        }

        Guard.NonNegative(step);
        Guard.AllFinite(fieldX);
        Guard.AllFinite(fieldY);
        double largestField = 0.0, largestRatio = 0.0;
        foreach (double e in fieldX)
        {
            largestField = Math.Max(largestField, Math.Abs(e));
        }

        foreach (double e in fieldY)
        {
            largestField = Math.Max(largestField, Math.Abs(e));
        }

        for (int s = 0; s < state.SpeciesCount; s++)
        {
            // |q/m|/h_α: the velocity Courant number per unit field and time on the species' own grid.
            largestRatio = Math.Max(largestRatio, Math.Abs(state.Charges[s] / state.Masses[s]) / GridOf(s).Spacing);
        }

        double largestCourant = largestRatio * largestField * step;
        if (!(largestCourant <= MaxSubsteps))
        {
            throw new ArgumentOutOfRangeException(
                nameof(step), step, $"step gives a velocity Courant number |q/m|·|E|·Δt/h = {largestCourant:G3}; at most {MaxSubsteps} sub-steps are allowed.");
        }

        double[] ex = fieldX.ToArray(), ey = fieldY.ToArray();
        int species = state.SpeciesCount;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        System.Threading.Tasks.Parallel.For(0, state.CellCount, options, c =>
        {
            for (int s = 0; s < species; s++)
            {
                double qm = state.Charges[s] / state.Masses[s];
                if (qm == 0.0)
                {
                    continue;
                }

                var grid = GridOf(s);
                double h = grid.Spacing;
                Span<double> f = state.Distribution(c, s);
                AdvectAxis(grid, f, 0, qm * ex[c] * step / h);
                if (ey.Length > 0)
                {
                    AdvectAxis(grid, f, 1, qm * ey[c] * step / h);
                }
            }
        });
    }

    /// <summary>Advects F along velocity axis <paramref name="axis"/> with Courant number ν (sub-stepped to |ν| ≤ 1).</summary>
    private void AdvectAxis(VelocityGrid grid, Span<double> f, int axis, double courant)
    {
        if (courant == 0.0)
        {
            return;
        }

        int n = grid.PointsPerAxis, stride = grid.Stride(axis), outer = grid.Count / (n * stride);
        int substeps = (int)Math.Ceiling(Math.Abs(courant));
        double nu = courant / substeps;
        Span<double> line = stackalloc double[n + 4];
        Span<double> flux = stackalloc double[n + 1];
        line.Clear();
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < stride; i++)
            {
                int start = (o * n * stride) + i;
                for (int j = 0; j < n; j++)
                {
                    line[j + 2] = f[start + (j * stride)];
                }

                for (int sub = 0; sub < substeps; sub++)
                {
                    AdvectLine(line, flux, n, nu);
                }

                for (int j = 0; j < n; j++)
                {
                    f[start + (j * stride)] = line[j + 2];
                }
            }
        }
    }

    /// <summary>One sub-step on a line padded with two zeros each side; faces 0 and N carry no flux.</summary>
    private void AdvectLine(Span<double> line, Span<double> flux, int n, double nu)
    {
        ReadOnlySpan<double> courant = [nu];
        flux[0] = 0.0;
        flux[n] = 0.0;

        // Face j (1 ≤ j ≤ N − 1) lies between nodes j − 1 and j, i.e. padded entries j + 1 and j + 2.
        LimitedFlux.Compute(Limiter, courant, line.Slice(1, n - 1), line.Slice(2, n - 1), line.Slice(3, n - 1), line.Slice(4, n - 1), flux.Slice(1, n - 1));
        for (int j = 0; j < n; j++)
        {
            line[j + 2] -= flux[j + 1] - flux[j];
        }
    }
}
