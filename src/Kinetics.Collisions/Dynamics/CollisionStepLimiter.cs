using Kinetics.Conservation;
using Kinetics.Grids;

namespace Kinetics.Dynamics;

/// <summary>
/// Keeps the collision update of a space-inhomogeneous solver positive and entropy-stable at coarse grids, cell by cell:
/// after F_after = F_before + Δt·Q (any explicit update whose Q conserves each cell's moments, as
/// <see cref="BatchedCollisionStep"/> gives), negative values are clipped conservatively and F_after is replaced by
/// 𝓜 + θ(F_after − 𝓜) with the largest θ ∈ [0, 1] for which the cell's entropy does not exceed its value before the
/// collision update and the negative mass fraction stays within a tolerance.
/// </summary>
/// <remarks>
/// <para>𝓜 is the cell's discrete mixture equilibrium (<see cref="Distributions.DiscreteMaxwellian.FillMixture"/>) with
/// the cell's species densities, total momentum and total energy: the discrete entropy minimiser under these constraints,
/// so θ = 0 is always admissible and every θ keeps the cell's conserved moments to round-off. The same construction as
/// <see cref="SpaceHomogeneousOptions.EquilibriumLimiter"/> (the scaling limiter of Zhang and Shu with the local average
/// replaced by the equilibrium of the same moments), applied per cell; with an upwind (monotone) transport step, whose
/// convex combinations do not increase the entropy, the whole splitting step then has a non-increasing entropy
/// (docs/boltzmann.md, "Long runs at coarse grids"). θ = 1 (no change) whenever the update is positive and
/// entropy-stable, which is every cell on resolved grids.</para>
/// <para>Serial; one limiter per concurrent caller (it holds the scratch of one cell). Allocates per cell only while it
/// computes 𝓜 (a few small arrays).</para>
/// </remarks>
public sealed class CollisionStepLimiter
{
    private readonly ConservativeProjection _projection;
    private readonly double[] _masses;
    private readonly double[] _densities;
    private readonly double[] _equilibrium;
    private readonly double[] _scratch;
    private readonly double[] _change;

    private CollisionStepLimiter(CartesianGrid grid, double[] masses, double negativeTolerance)
    {
        Grid = grid;
        _masses = masses;
        NegativeTolerance = negativeTolerance;
        _projection = ConservativeProjection.Create(grid, masses);
        int length = masses.Length * grid.Count;
        _densities = new double[masses.Length];
        _equilibrium = new double[length];
        _scratch = new double[length];
        _change = new double[length];
    }

    /// <summary>The velocity grid of one cell.</summary>
    public CartesianGrid Grid { get; }

    /// <summary>The largest negative mass fraction max_α ∫max(−F^α, 0)/∫|F^α| let through per cell.</summary>
    public double NegativeTolerance { get; }

    /// <summary>Σ_α N³, the values per cell.</summary>
    public int CellLength => _masses.Length * Grid.Count;

    /// <summary>Creates the limiter for cells of S species on <paramref name="grid"/>.</summary>
    /// <param name="grid">The velocity grid.</param>
    /// <param name="masses">m^α &gt; 0, one per species (1 to 64 species).</param>
    /// <param name="negativeTolerance">Negative mass fraction allowed per cell, in [0, 1] (default 1e−3).</param>
    public static CollisionStepLimiter Create(CartesianGrid grid, ReadOnlySpan<double> masses, double negativeTolerance = 1e-3)
    {
        ArgumentNullException.ThrowIfNull(grid);
        Guard.InRange(masses.Length, 1, 64, nameof(masses) + ".Length");
        foreach (double m in masses)
        {
            Guard.Positive(m, nameof(masses));
        }

        Guard.InRange(negativeTolerance, 0.0, 1.0);
        return new CollisionStepLimiter(grid, masses.ToArray(), negativeTolerance);
    }

    /// <summary>
    /// Limits every cell of <paramref name="after"/> (in place) against the same cell of <paramref name="before"/>.
    /// </summary>
    /// <param name="before">cellCount·S·N³ values before the collision update (not modified).</param>
    /// <param name="after">cellCount·S·N³ values after it, with the same conserved moments per cell; limited in place.</param>
    /// <returns>The number of cells the limiter changed (θ &lt; 1).</returns>
    /// <exception cref="ArgumentException">Lengths are not equal whole numbers of cells, or a value is not finite.</exception>
    public int Apply(ReadOnlySpan<double> before, Span<double> after)
    {
        int block = CellLength;
        if (before.Length % block != 0 || before.IsEmpty)
        {
            throw new ArgumentException($"before must hold a positive whole number of cells of S·N³ = {block} values (was {before.Length}).", nameof(before));
        }

        Guard.Length(after.Length, before.Length, nameof(after));
        Guard.AllFinite(before);
        Guard.AllFinite(after);
        int limited = 0;
        for (int start = 0; start < before.Length; start += block)
        {
            if (LimitCell(before.Slice(start, block), after.Slice(start, block)) < 1)
            {
                limited++;
            }
        }

        return limited;
    }

    private double LimitCell(ReadOnlySpan<double> before, Span<double> after)
    {
        int s = _masses.Length, count = Grid.Count;
        double cellVolume = Grid.CellVolume, entropyBefore = EquilibriumLimiter.Entropy(before, cellVolume);
        ClipConservatively(after);
        if (EquilibriumLimiter.Entropy(after, cellVolume) <= entropyBefore + (1e-13 * Math.Abs(entropyBefore))
            && EquilibriumLimiter.NegativeFraction(after, s) <= NegativeTolerance)
        {
            return 1.0;
        }

        // 𝓜 with the conserved moments of the cell (those of `after`, equal to `before`'s to round-off).
        double energy = 0;
        var momentum = Velocity3.Zero;
        for (int a = 0; a < s; a++)
        {
            var m = Moments.SpeciesMoments.Of(Grid, after.Slice(a * count, count), _masses[a]);
            _densities[a] = m.Density;
            momentum += m.Momentum;
            energy += m.Energy;
        }

        if (_densities.Any(d => !(d > 0)))
        {
            return 1.0; // a vacuum species: no equilibrium to limit towards
        }

        try
        {
            Distributions.DiscreteMaxwellian.FillMixture(Grid, _masses, _densities, momentum, energy, _equilibrium);
        }
        catch (ArgumentException)
        {
            return 1.0; // no Maxwellian carries these moments on this grid
        }

        return EquilibriumLimiter.Apply(after, _equilibrium, _scratch, entropyBefore, NegativeTolerance, s, cellVolume);
    }

    // F ← F⁺ − W Cᵀλ with W = F⁺ = max(F, 0): the clipped mass, momentum and energy are put back where F⁺ lives.
    private void ClipConservatively(Span<double> state)
    {
        bool any = false;
        for (int p = 0; p < state.Length; p++)
        {
            _scratch[p] = Math.Max(state[p], 0.0);
            _change[p] = _scratch[p] - state[p];
            any |= _change[p] != 0;
        }

        if (!any)
        {
            return;
        }

        _projection.Apply(_change, _scratch);
        for (int p = 0; p < state.Length; p++)
        {
            state[p] += _change[p];
        }
    }
}
