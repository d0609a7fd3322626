using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Mixtures;

namespace Kinetics.Moments;

/// <summary>
/// Moments of a mixture (F^α)_α: the per-species <see cref="SpeciesMoments"/> and the mixture totals
/// n = Σ n^α, ρ = Σ m^α n^α, momentum Σ m^α n^α u^α, energy Σ E^α, the mixture (barycentric) bulk velocity
/// u = Σ m^α n^α u^α / ρ and the mixture temperature T with (3/2) n T = Σ_α ∫(m^α/2)|v − u|² F^α dv.
/// </summary>
/// <remarks>
/// The mixture temperature is assembled as (3/2) n T = Σ_α [(3/2) n^α T^α + (m^α n^α/2)|u^α − u|²], algebraically
/// identical to the definition and free of the cancellation of E − ρ|u|²/2. Momentum and energy of the mixture are
/// the quantities an operator must conserve (docs/math#boltzmann-operator).
/// </remarks>
public sealed class MixtureMoments
{
    private readonly SpeciesMoments[] _species;

    private MixtureMoments(SpeciesMoments[] species)
    {
        _species = species;
        double n = 0.0, rho = 0.0, energy = 0.0;
        var momentum = Velocity3.Zero;
        foreach (var s in species)
        {
            n += s.Density;
            rho += s.MassDensity;
            momentum += s.Momentum;
            energy += s.Energy;
        }

        // Vacuum species (density 0) carry no momentum or energy and are left out of the mixture's u and T; a mixture
        // that is all vacuum has u = 0 and T = 0 (documented on the properties).
        Velocity3 u = rho == 0 ? Velocity3.Zero : momentum / rho;
        double thermal = 0.0;
        foreach (var s in species)
        {
            if (s.Density == 0)
            {
                continue;
            }

            thermal += (1.5 * s.Density * s.Temperature) + (0.5 * s.MassDensity * (s.BulkVelocity - u).LengthSquared);
        }

        Density = n;
        MassDensity = rho;
        Momentum = momentum;
        Energy = energy;
        BulkVelocity = u;
        Temperature = n == 0 ? 0.0 : thermal / (1.5 * n);
    }

    /// <summary>Moments of each species, in mixture order.</summary>
    public IReadOnlyList<SpeciesMoments> Species => _species;

    /// <summary>Total number density n = Σ n^α.</summary>
    public double Density { get; }

    /// <summary>Mass density ρ = Σ m^α n^α.</summary>
    public double MassDensity { get; }

    /// <summary>Total momentum density Σ m^α ∫vF^α dv.</summary>
    public Velocity3 Momentum { get; }

    /// <summary>Total kinetic energy density Σ ∫(m^α/2)|v|²F^α dv.</summary>
    public double Energy { get; }

    /// <summary>Barycentric bulk velocity u = Momentum / ρ (0 when every species is vacuum, ρ = 0).</summary>
    public Velocity3 BulkVelocity { get; }

    /// <summary>
    /// Mixture temperature T, (3/2) n T = Σ_α ∫(m^α/2)|v − u|²F^α dv with the mixture u. Vacuum species (density 0)
    /// contribute nothing to either side, so one vacuum species leaves T finite; T = 0 when every species is vacuum.
    /// </summary>
    public double Temperature { get; }

    /// <summary>Moments of the mixture state <paramref name="distributions"/> (one per species of <paramref name="mixture"/>, all on one grid).</summary>
    /// <param name="mixture">The mixture (its masses weight the moments).</param>
    /// <param name="distributions">F^α in mixture order, all on the same Cartesian grid.</param>
    /// <exception cref="ArgumentException">Wrong number of distributions, or distributions on different grids.</exception>
    public static MixtureMoments Of(Mixture mixture, IReadOnlyList<DistributionFunction> distributions)
    {
        ArgumentNullException.ThrowIfNull(mixture);
        ArgumentNullException.ThrowIfNull(distributions);
        Guard.Length(distributions.Count, mixture.Count, nameof(distributions));
        var species = new SpeciesMoments[mixture.Count];
        for (int a = 0; a < species.Length; a++)
        {
            ArgumentNullException.ThrowIfNull(distributions[a], $"{nameof(distributions)}[{a}]");
            distributions[0].Grid.EnsureSame(distributions[a].Grid, $"{nameof(distributions)}[{a}]");
            species[a] = SpeciesMoments.Of(distributions[a], mixture[a].Mass);
        }

        return new MixtureMoments(species);
    }

    /// <summary>
    /// Moments of a mixture state held in a span: all species on <paramref name="grid"/>, stacked species-major (species α
    /// at [α N³, (α + 1) N³)), the layout of the operators and solvers. Reads the span in place (no copy).
    /// </summary>
    /// <param name="mixture">The mixture (its masses weight the moments).</param>
    /// <param name="grid">The shared Cartesian grid.</param>
    /// <param name="stacked">S·N³ finite values, S = mixture.Count.</param>
    /// <exception cref="ArgumentException">stacked does not have S·N³ entries or is not finite.</exception>
    public static MixtureMoments Of(Mixture mixture, CartesianGrid grid, ReadOnlySpan<double> stacked)
    {
        ArgumentNullException.ThrowIfNull(mixture);
        ArgumentNullException.ThrowIfNull(grid);
        int count = grid.Count;
        Guard.Length(stacked.Length, mixture.Count * count, nameof(stacked));
        var species = new SpeciesMoments[mixture.Count];
        for (int a = 0; a < species.Length; a++)
        {
            species[a] = SpeciesMoments.Of(grid, stacked.Slice(a * count, count), mixture[a].Mass);
        }

        return new MixtureMoments(species);
    }

    /// <summary>
    /// Moments of a mixture state on per-species grids (stacked as <paramref name="grids"/> says), in physical velocities
    /// (each species grid's centre added). Reads the span in place (no copy).
    /// </summary>
    /// <param name="mixture">The mixture.</param>
    /// <param name="grids">One grid per species of <paramref name="mixture"/>.</param>
    /// <param name="stacked">Σ N_α³ finite values.</param>
    /// <exception cref="ArgumentException">Wrong number of grids or values, or non-finite values.</exception>
    public static MixtureMoments Of(Mixture mixture, SpeciesGrids grids, ReadOnlySpan<double> stacked)
    {
        ArgumentNullException.ThrowIfNull(mixture);
        ArgumentNullException.ThrowIfNull(grids);
        Guard.Length(grids.SpeciesCount, mixture.Count, nameof(grids));
        var species = new SpeciesMoments[mixture.Count];
        for (int a = 0; a < species.Length; a++)
        {
            species[a] = SpeciesMoments.Of(grids[a], grids.Slice(stacked, a), mixture[a].Mass);
        }

        return new MixtureMoments(species);
    }

    // u = Σ m^α ∫v F^α / Σ m^α ∫F^α of a stacked shared-grid state (0 when all species are vacuum), without allocating.
    internal static Velocity3 BarycentricVelocity(CartesianGrid grid, ReadOnlySpan<double> stacked, ReadOnlySpan<double> masses)
    {
        if (masses.IsEmpty)
        {
            throw new ArgumentException("masses must contain at least one mass (was empty).", nameof(masses));
        }

        int count = grid.Count;
        Guard.Length(stacked.Length, masses.Length * count, nameof(stacked));
        double rho = 0.0;
        var momentum = Velocity3.Zero;
        for (int a = 0; a < masses.Length; a++)
        {
            var m = SpeciesMoments.Of(grid, stacked.Slice(a * count, count), masses[a]);
            rho += m.MassDensity;
            momentum += m.Momentum;
        }

        return rho == 0 ? Velocity3.Zero : momentum / rho;
    }

    // The same on per-species grids, in physical velocities.
    internal static Velocity3 BarycentricVelocity(SpeciesGrids grids, ReadOnlySpan<double> stacked, ReadOnlySpan<double> masses)
    {
        Guard.Length(masses.Length, grids.SpeciesCount, nameof(masses));
        Guard.Length(stacked.Length, grids.TotalCount, nameof(stacked));
        double rho = 0.0;
        var momentum = Velocity3.Zero;
        for (int a = 0; a < masses.Length; a++)
        {
            var m = SpeciesMoments.Of(grids[a], grids.Slice(stacked, a), masses[a]);
            rho += m.MassDensity;
            momentum += m.Momentum;
        }

        return rho == 0 ? Velocity3.Zero : momentum / rho;
    }

    /// <summary>Moments of an isotropic mixture state (one radial distribution per species, all on one radial grid).</summary>
    /// <param name="mixture">The mixture.</param>
    /// <param name="distributions">g^α in mixture order, all on the same radial grid.</param>
    /// <exception cref="ArgumentException">Wrong number of distributions, or distributions on different grids.</exception>
    public static MixtureMoments Of(Mixture mixture, IReadOnlyList<RadialDistribution> distributions)
    {
        ArgumentNullException.ThrowIfNull(mixture);
        ArgumentNullException.ThrowIfNull(distributions);
        Guard.Length(distributions.Count, mixture.Count, nameof(distributions));
        var species = new SpeciesMoments[mixture.Count];
        for (int a = 0; a < species.Length; a++)
        {
            ArgumentNullException.ThrowIfNull(distributions[a], $"{nameof(distributions)}[{a}]");
            distributions[0].Grid.EnsureSame(distributions[a].Grid, $"{nameof(distributions)}[{a}]");
            species[a] = SpeciesMoments.Of(distributions[a], mixture[a].Mass);
        }

        return new MixtureMoments(species);
    }
}
