namespace Kinetics.Grids;

/// <summary>One species' grid chosen by <see cref="GridSelection.ForSpecies"/>: N, L and the indicators of
/// <see cref="GridChoice"/> (for that species alone, velocities relative to the centre) and the box centre.</summary>
/// <param name="Centre">c_α, the centre of the species' box (the midpoint of its drifts' range on each axis).</param>
/// <param name="Choice">N, L = the half-width about the centre, and the species' indicators.</param>
public readonly record struct SpeciesGridChoice(Velocity3 Centre, GridChoice Choice)
{
    /// <summary>The species' grid.</summary>
    public SpeciesGrid ToGrid() => new(Choice.ToGrid(), Centre);
}

/// <summary>The per-species part of <see cref="GridSelection"/> (docs/species-grids.md, "Choosing the grids").</summary>
public static partial class GridSelection
{
    /// <summary>
    /// The default rule for mixtures: per-species grids when the widest thermal speeds of the species, max over each
    /// species' states of √(T/m), differ by more than this factor (mass ratios beyond about 1:9 at equal temperatures).
    /// Below it one shared grid resolves every species at the same N, is cheaper, and is more accurate in time: `kinetics
    /// relax --masses 1,4 --drifts 0.3,-0.2 --n 32` (spread 2.13) keeps a monotone entropy on the shared grid but not on
    /// per-species grids (docs/species-grids.md, "Choosing the grids").
    /// </summary>
    public const double PerSpeciesThreshold = 3.0;

    /// <summary>
    /// A grid per species at <paramref name="pointsPerAxis"/> points per axis: species α's box is centred at the
    /// midpoint of its drifts' range on each axis and its half-width balances the box and resolution indicators for
    /// that species alone (<see cref="ForPoints"/> on its own states, velocities relative to the centre).
    /// </summary>
    /// <param name="pointsPerAxis">N, even, no prime factor above 5 (the same for every species).</param>
    /// <param name="species">For each state, the species index in [0, S); every index in [0, S) must appear (a species may
    /// appear several times, e.g. with its initial and its equilibrium temperature and drift).</param>
    /// <param name="masses">m^α &gt; 0, one per species (S entries).</param>
    /// <param name="temperatures">T &gt; 0 of each state.</param>
    /// <param name="drifts">u of each state.</param>
    /// <returns>S choices, entry α for species α.</returns>
    public static SpeciesGridChoice[] ForSpecies(
        int pointsPerAxis, ReadOnlySpan<int> species, ReadOnlySpan<double> masses, ReadOnlySpan<double> temperatures, ReadOnlySpan<Velocity3> drifts)
    {
        CheckSize(pointsPerAxis);
        int count = CheckStates(species, masses, temperatures, drifts);
        var choices = new SpeciesGridChoice[count];
        for (int a = 0; a < count; a++)
        {
            var (t, u) = StatesOf(a, species, temperatures, drifts);
            var low = new Velocity3(u.Min(v => v.X), u.Min(v => v.Y), u.Min(v => v.Z));
            var high = new Velocity3(u.Max(v => v.X), u.Max(v => v.Y), u.Max(v => v.Z));
            Velocity3 centre = 0.5 * (low + high);
            double[] m = Enumerable.Repeat(masses[a], t.Length).ToArray();
            Velocity3[] relative = u.Select(v => v - centre).ToArray();
            choices[a] = new SpeciesGridChoice(centre, ForPoints(pointsPerAxis, m, t, relative));
        }

        return choices;
    }

    /// <summary>The grids of <see cref="ForSpecies"/> as <see cref="SpeciesGrids"/>.</summary>
    /// <param name="pointsPerAxis">N.</param>
    /// <param name="species">Species index of each state.</param>
    /// <param name="masses">m^α, one per species.</param>
    /// <param name="temperatures">T of each state.</param>
    /// <param name="drifts">u of each state.</param>
    public static SpeciesGrids ForSpeciesGrids(
        int pointsPerAxis, ReadOnlySpan<int> species, ReadOnlySpan<double> masses, ReadOnlySpan<double> temperatures, ReadOnlySpan<Velocity3> drifts) =>
        new(ForSpecies(pointsPerAxis, species, masses, temperatures, drifts).Select(c => c.ToGrid()));

    /// <summary>
    /// max_α c_α / min_α c_α with c_α = max over species α's states of √(T/m^α): the spread of the box sizes the species
    /// need. Per-species grids are the default above <see cref="PerSpeciesThreshold"/>.
    /// </summary>
    /// <param name="species">Species index of each state.</param>
    /// <param name="masses">m^α, one per species.</param>
    /// <param name="temperatures">T of each state.</param>
    public static double ThermalSpeedSpread(ReadOnlySpan<int> species, ReadOnlySpan<double> masses, ReadOnlySpan<double> temperatures)
    {
        int count = CheckStates(species, masses, temperatures, default, checkDrifts: false);
        var widest = new double[count];
        for (int i = 0; i < species.Length; i++)
        {
            widest[species[i]] = Math.Max(widest[species[i]], Math.Sqrt(temperatures[i] / masses[species[i]]));
        }

        return widest.Max() / widest.Min();
    }

    /// <summary>True when <see cref="ThermalSpeedSpread"/> exceeds <see cref="PerSpeciesThreshold"/>.</summary>
    /// <param name="species">Species index of each state.</param>
    /// <param name="masses">m^α, one per species.</param>
    /// <param name="temperatures">T of each state.</param>
    public static bool PrefersPerSpeciesGrids(ReadOnlySpan<int> species, ReadOnlySpan<double> masses, ReadOnlySpan<double> temperatures) =>
        ThermalSpeedSpread(species, masses, temperatures) > PerSpeciesThreshold;

    private static (double[] Temperatures, Velocity3[] Drifts) StatesOf(int a, ReadOnlySpan<int> species, ReadOnlySpan<double> temperatures, ReadOnlySpan<Velocity3> drifts)
    {
        var t = new List<double>();
        var u = new List<Velocity3>();
        for (int i = 0; i < species.Length; i++)
        {
            if (species[i] == a)
            {
                t.Add(temperatures[i]);
                u.Add(drifts[i]);
            }
        }

        return (t.ToArray(), u.ToArray());
    }

    // Validates the per-state arrays; returns S.
    private static int CheckStates(ReadOnlySpan<int> species, ReadOnlySpan<double> masses, ReadOnlySpan<double> temperatures, ReadOnlySpan<Velocity3> drifts, bool checkDrifts = true)
    {
        Guard.InRange(masses.Length, 1, 64, nameof(masses) + ".Length");
        Guard.Length(temperatures.Length, species.Length, nameof(temperatures));
        if (checkDrifts)
        {
            Guard.Length(drifts.Length, species.Length, nameof(drifts));
        }

        var seen = new bool[masses.Length];
        for (int i = 0; i < species.Length; i++)
        {
            Guard.InRange(species[i], 0, masses.Length - 1, nameof(species));
            seen[species[i]] = true;
            Guard.Positive(temperatures[i], nameof(temperatures));
            if (checkDrifts && !double.IsFinite(drifts[i].LengthSquared))
            {
                throw new ArgumentException($"drifts must be finite (was {drifts[i]}).", nameof(drifts));
            }
        }

        for (int a = 0; a < masses.Length; a++)
        {
            Guard.Positive(masses[a], nameof(masses));
            if (!seen[a])
            {
                throw new ArgumentException($"species must list every species index in [0, {masses.Length}); {a} is missing.", nameof(species));
            }
        }

        return masses.Length;
    }
}
