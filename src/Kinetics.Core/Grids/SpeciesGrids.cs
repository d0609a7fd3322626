using Kinetics.Mixtures;

namespace Kinetics.Grids;

/// <summary>
/// The velocity grids of a mixture, one <see cref="SpeciesGrid"/> per species (possibly all the same: the shared grid).
/// Data of all species are stacked species-major with per-species lengths: species α occupies
/// <c>[Offset(α), Offset(α) + Count(α))</c> of a span of length <see cref="TotalCount"/>.
/// </summary>
/// <remarks>
/// <para><b>Why per species.</b> On one shared grid the light species fixes the box (L ∝ √(T/m_light)) and the heavy one
/// the spacing (h ≲ √(T/m_heavy)/2), so N grows like √(mass ratio) and the cost of an evaluation like its 3/2 power.
/// With a grid per species, each box is scaled to its own thermal speed and centred at its own drift
/// (<see cref="ForMaxwellians"/>), and N no longer depends on the mass ratio (docs/species-grids.md).</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed class SpeciesGrids
{
    /// <summary>The default number of thermal speeds √(T/m) between a species' centre and its box face: 8, so that a
    /// Maxwellian's tail at the face is e^{−32} ≈ 1.3e−14 of its peak (as <see cref="CartesianGrid.RecommendedHalfWidth"/>).</summary>
    public const double DefaultThermalSpeeds = 8.0;

    private readonly SpeciesGrid[] _grids;
    private readonly int[] _offsets;

    /// <summary>Creates the collection from one grid per species.</summary>
    /// <param name="grids">At least one grid; entry α is species α's grid.</param>
    public SpeciesGrids(IEnumerable<SpeciesGrid> grids)
    {
        ArgumentNullException.ThrowIfNull(grids);
        _grids = grids.ToArray();
        Guard.InRange(_grids.Length, 1, 64, nameof(grids) + ".Count");
        _offsets = new int[_grids.Length + 1];
        for (int a = 0; a < _grids.Length; a++)
        {
            ArgumentNullException.ThrowIfNull(_grids[a], $"{nameof(grids)}[{a}]");
            _offsets[a + 1] = checked(_offsets[a] + _grids[a].Count);
        }
    }

    /// <summary>S, the number of species.</summary>
    public int SpeciesCount => _grids.Length;

    /// <summary>Σ_α N_α³, the length of stacked data.</summary>
    public int TotalCount => _offsets[^1];

    /// <summary>True when every species has the same grid and centre (the shared-grid layout, S·N³ stacked values).</summary>
    public bool IsShared => _grids.All(g => g == _grids[0]);

    /// <summary>Species <paramref name="species"/>'s grid.</summary>
    /// <param name="species">Index in [0, S).</param>
    public SpeciesGrid this[int species] => _grids[CheckSpecies(species)];

    /// <summary>Start of species <paramref name="species"/> in stacked data.</summary>
    /// <param name="species">Index in [0, S).</param>
    public int Offset(int species) => _offsets[CheckSpecies(species)];

    /// <summary>N_α³, the number of values of species <paramref name="species"/>.</summary>
    /// <param name="species">Index in [0, S).</param>
    public int Count(int species) => _grids[CheckSpecies(species)].Count;

    /// <summary>The slice of stacked data belonging to species <paramref name="species"/>.</summary>
    /// <param name="stacked">Σ N_α³ values.</param>
    /// <param name="species">Index in [0, S).</param>
    public ReadOnlySpan<double> Slice(ReadOnlySpan<double> stacked, int species)
    {
        Guard.Length(stacked.Length, TotalCount, nameof(stacked));
        return stacked.Slice(Offset(species), Count(species));
    }

    /// <summary>The slice of stacked data belonging to species <paramref name="species"/>.</summary>
    /// <param name="stacked">Σ N_α³ values.</param>
    /// <param name="species">Index in [0, S).</param>
    public Span<double> Slice(Span<double> stacked, int species)
    {
        Guard.Length(stacked.Length, TotalCount, nameof(stacked));
        return stacked.Slice(Offset(species), Count(species));
    }

    /// <summary>All species on the same grid (centred at <paramref name="centre"/>): the shared-grid layout.</summary>
    /// <param name="grid">The common grid.</param>
    /// <param name="speciesCount">S in [1, 64].</param>
    /// <param name="centre">The common centre.</param>
    public static SpeciesGrids Shared(CartesianGrid grid, int speciesCount, Velocity3 centre = default)
    {
        ArgumentNullException.ThrowIfNull(grid);
        Guard.InRange(speciesCount, 1, 64);
        var g = new SpeciesGrid(grid, centre);
        return new SpeciesGrids(Enumerable.Repeat(g, speciesCount));
    }

    /// <summary>
    /// The grid-selection rule for per-species grids: species α gets N points per axis on a box centred at its drift
    /// u_α with half-width L_α = k·√(T_α/m_α) (k = <paramref name="thermalSpeeds"/>), so that every species is resolved
    /// with the same number of points per thermal speed whatever the mass ratio.
    /// </summary>
    /// <param name="mixture">Species (masses).</param>
    /// <param name="temperatures">T_α &gt; 0, one per species.</param>
    /// <param name="drifts">u_α, one per species (empty: all at rest).</param>
    /// <param name="pointsPerAxis">N, in [4, 1024] (factors 2, 3, 5 for the spectral operators).</param>
    /// <param name="thermalSpeeds">k &gt; 0 (default 8).</param>
    public static SpeciesGrids ForMaxwellians(Mixture mixture, ReadOnlySpan<double> temperatures, ReadOnlySpan<Velocity3> drifts, int pointsPerAxis, double thermalSpeeds = DefaultThermalSpeeds)
    {
        ArgumentNullException.ThrowIfNull(mixture);
        Guard.Length(temperatures.Length, mixture.Count, nameof(temperatures));
        if (!drifts.IsEmpty)
        {
            Guard.Length(drifts.Length, mixture.Count, nameof(drifts));
        }

        Guard.InRange(pointsPerAxis, CartesianGrid.MinPointsPerAxis, CartesianGrid.MaxPointsPerAxis);
        Guard.Positive(thermalSpeeds);
        var grids = new SpeciesGrid[mixture.Count];
        for (int a = 0; a < grids.Length; a++)
        {
            if (!(temperatures[a] > 0) || !double.IsFinite(temperatures[a]))
            {
                throw new ArgumentOutOfRangeException(nameof(temperatures), temperatures[a], $"temperatures[{a}] must be finite and > 0 (was {temperatures[a]}).");
            }

            Velocity3 centre = drifts.IsEmpty ? default : drifts[a];
            Guard.Finite(centre, nameof(drifts));
            double halfWidth = thermalSpeeds * mixture[a].ThermalSpeed(temperatures[a]);
            grids[a] = new SpeciesGrid(new CartesianGrid(pointsPerAxis, halfWidth), centre);
        }

        return new SpeciesGrids(grids);
    }

    /// <inheritdoc />
    public override string ToString() => string.Join("; ", _grids.Select((g, a) => $"{a}: {g}"));

    private int CheckSpecies(int species)
    {
        Guard.InRange(species, 0, _grids.Length - 1, nameof(species));
        return species;
    }
}
