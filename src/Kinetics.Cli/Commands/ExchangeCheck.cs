using System.Diagnostics;
using Kinetics.Conservation;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Landau;
using Kinetics.Mixtures;
using Kinetics.Moments;
using Kinetics.Transport;
using Spectre.Console;

namespace Kinetics.Cli.Commands;

/// <summary>
/// The measurement behind `kinetics verify exchange` for two species of mass ratio 1 : r, on one grid per species
/// (default) or one shared N³ grid.
/// </summary>
/// <remarks>
/// <para>The mixture (fixed seed 2026): each species is 0.3·𝓜[u₁, 0.9T] + 0.2·𝓜[u₂, 1.1T] with u₁ = 0.4c·e, u₂ = −0.3c·e,
/// c = √(T/m) and e a random unit direction per species, so it is anisotropic, not Maxwellian and drifting. The lighter
/// species has T = 0.7 and the heavier T = 1.3. Shared grid: the box is L = max over bumps of |u| + 6.5√(T_bump/m)
/// unless given. Per-species grids (<see cref="SpeciesGrids"/>): species α's box is centred at its mean drift c_α with
/// L_α = max over its bumps of |u − c_α| + 8√(T_bump/m_α) (docs/species-grids.md), N points per axis each.</para>
/// <para>Reported, with every moment taken on the species' own grid in physical velocities: <c>mass_leak</c> =
/// max_α |∫Q^α|/n^α and <c>energy_leak</c> = max over unordered pairs of |E(Q^{αβ}) + E(Q^{βα})|/(E^α + E^β) (self pair:
/// |E(Q^{αα})|/E^α), both before any projection, per unit time; <c>momentum_leak</c> likewise with |J| relative to
/// (ρ^α + ρ^β)·√(2(E^α + E^β)/(ρ^α + ρ^β)); <c>rate_error</c> = max_α |Ṫ^α(projected Q) − Ṫ^α(Σ_{β≠α} Q^{αβ})|/|Ṫ^α(cross)|
/// with the library's default projection (weight |F|); <c>closed_form_error</c> = the cross-pair Ṫ on two Maxwellians at
/// rest (heavier at T = 1.3, lighter at 0.7, n = 0.5 each, on the same grids) against <see cref="TemperatureRelaxation"/>
/// (Boltzmann) or <see cref="LandauMaxwellian.EnergyExchangeRate"/> (Landau, Coulomb only; NaN otherwise);
/// <c>ms_per_eval</c> = the median wall time of repeated evaluations of Q after a warm-up (at least 2, until 2 s).</para>
/// </remarks>
internal sealed class ExchangeCheck
{
    /// <summary>Thermal speeds between a bump's drift and the face of its species' own box.</summary>
    public const double SpeciesThermalSpeeds = SpeciesGrids.DefaultThermalSpeeds;

    private const int Seed = 2026;
    private readonly double _ratio;
    private readonly int _n;
    private readonly bool _landau;
    private readonly double _gamma;
    private readonly double? _halfWidth;
    private readonly bool _perSpecies;

    public ExchangeCheck(double ratio, int n, bool landau, double? gamma, double? halfWidth, bool perSpecies)
    {
        _ratio = ratio;
        _n = n;
        _landau = landau;
        _gamma = gamma ?? (landau ? -3.0 : -1.0);
        _halfWidth = halfWidth;
        _perSpecies = perSpecies;
    }

    /// <summary>The two-bump components (species, density, drift, temperature) of the test mixture.</summary>
    public static (int Species, double Density, Velocity3 Drift, double Temperature)[] Bumps(Mixture mixture, double[] temperatures)
    {
        var random = new Random(Seed);
        var bumps = new List<(int, double, Velocity3, double)>();
        for (int a = 0; a < mixture.Count; a++)
        {
            var e = new Velocity3(random.NextDouble() - 0.5, random.NextDouble() - 0.5, random.NextDouble() - 0.5);
            e /= e.Length;
            double c = Math.Sqrt(temperatures[a] / mixture[a].Mass);
            bumps.Add((a, 0.3, 0.4 * c * e, 0.9 * temperatures[a]));
            bumps.Add((a, 0.2, -0.3 * c * e, 1.1 * temperatures[a]));
        }

        return [.. bumps];
    }

    /// <summary>The grids of the check: per species (centre: mean drift; L: 8 thermal speeds beyond the farthest bump) or shared.</summary>
    public SpeciesGrids Grids(Mixture mixture, (int Species, double Density, Velocity3 Drift, double Temperature)[] bumps)
    {
        if (!_perSpecies)
        {
            double halfWidth = _halfWidth ?? bumps.Max(b => b.Drift.Length + (6.5 * Math.Sqrt(b.Temperature / mixture[b.Species].Mass)));
            return SpeciesGrids.Shared(new CartesianGrid(_n, halfWidth), mixture.Count);
        }

        var grids = new SpeciesGrid[mixture.Count];
        for (int a = 0; a < grids.Length; a++)
        {
            var own = bumps.Where(b => b.Species == a).ToArray();
            Velocity3 centre = own.Aggregate(Velocity3.Zero, (sum, b) => sum + (b.Density * b.Drift)) / own.Sum(b => b.Density);
            double halfWidth = own.Max(b => (b.Drift - centre).Length + (SpeciesThermalSpeeds * Math.Sqrt(b.Temperature / mixture[a].Mass)));
            grids[a] = new SpeciesGrid(new CartesianGrid(_n, halfWidth), centre);
        }

        return new SpeciesGrids(grids);
    }

    public Result Run(IAnsiConsole human)
    {
        var mixture = new Mixture([new Species("A", 1.0), new Species("B", _ratio)]);
        double[] temperatures = _ratio >= 1 ? [0.7, 1.3] : [1.3, 0.7];
        var bumps = Bumps(mixture, temperatures);
        var grids = Grids(mixture, bumps);
        double[] f = new double[grids.TotalCount];
        foreach (var (species, density, drift, temperature) in bumps)
        {
            Add(grids[species], new MacroscopicState(density, drift, temperature), mixture[species].Mass, grids.Slice(f.AsSpan(), species));
        }

        var evaluator = _landau ? ExchangeEvaluator.Landau(grids, mixture, _gamma) : ExchangeEvaluator.Boltzmann(grids, mixture, _gamma);
        human.MarkupLine(Markup.Escape($"kinetics verify exchange: {evaluator.Description}, masses 1:{_ratio:G4}, {grids}"));

        double[][][] pairs = PairBuffers(grids);
        evaluator.Pairs(f, pairs);
        double[] q = new double[grids.TotalCount];
        double ms = MedianMilliseconds(() => evaluator.Evaluate(f, q));

        var moments = new SpeciesMoments[2];
        for (int a = 0; a < 2; a++)
        {
            moments[a] = SpeciesMoments.Of(grids[a], grids.Slice(f, a), mixture[a].Mass);
        }

        SpeciesMoments Of(ReadOnlySpan<double> values, int species) => SpeciesMoments.Of(grids[species], values, mixture[species].Mass);
        SpeciesMoments Pair(int a, int b) => Of(pairs[a][b], a);

        double massLeak = 0, energyLeak = 0, momentumLeak = 0;
        for (int a = 0; a < 2; a++)
        {
            massLeak = Math.Max(massLeak, Math.Abs(Of(grids.Slice(q, a), a).Density) / moments[a].Density);
            for (int b = a; b < 2; b++)
            {
                var ab = Pair(a, b);
                var ba = a == b ? default : Pair(b, a);
                double energy = ab.Energy + ba.Energy, energyScale = moments[a].Energy + (a == b ? 0 : moments[b].Energy);
                double rho = moments[a].MassDensity + (a == b ? 0 : moments[b].MassDensity);
                energyLeak = Math.Max(energyLeak, Math.Abs(energy) / energyScale);
                momentumLeak = Math.Max(momentumLeak, (ab.Momentum + ba.Momentum).Length / (rho * Math.Sqrt(2 * energyScale / rho)));
            }
        }

        // Default projection (W = |F|) of the full Q against the un-projected cross pairs.
        double[] projected = (double[])q.Clone();
        Project(grids, mixture, projected, f);
        double rateError = 0;
        double[] crossRates = new double[2], projectedRates = new double[2];
        for (int a = 0; a < 2; a++)
        {
            crossRates[a] = TemperatureRate(moments[a], Pair(a, 1 - a));
            projectedRates[a] = TemperatureRate(moments[a], Of(grids.Slice(projected, a), a));
            rateError = Math.Max(rateError, Math.Abs(projectedRates[a] - crossRates[a]) / Math.Abs(crossRates[a]));
        }

        double closedFormError = ClosedFormError(grids, mixture, evaluator);
        return new Result(new Dictionary<string, object>
        {
            ["operator"] = _landau ? "landau" : "boltzmann",
            ["masses"] = mixture.Masses(),
            ["n"] = _n,
            ["grids"] = _perSpecies ? "per-species" : "shared",
            ["half_width"] = grids[0].HalfWidth,
            ["half_widths"] = Enumerable.Range(0, 2).Select(a => grids[a].HalfWidth).ToArray(),
            ["gamma"] = _gamma,
            ["discretisation"] = evaluator.Description,
            ["mass_leak"] = massLeak,
            ["energy_leak"] = energyLeak,
            ["momentum_leak"] = momentumLeak,
            ["rate_error"] = rateError,
            ["temperature_rates_cross"] = crossRates,
            ["temperature_rates_projected"] = projectedRates,
            ["closed_form_error"] = closedFormError,
            ["ms_per_eval"] = ms,
        });
    }

    // destination += 𝓜[state; mass] on the species grid (the local grid sees the drift u − c).
    private static void Add(SpeciesGrid grid, MacroscopicState state, double mass, Span<double> destination)
    {
        double[] component = new double[grid.Count];
        Maxwellian.Fill(grid.Grid, new MacroscopicState(state.Density, state.BulkVelocity - grid.Centre, state.Temperature), mass, component);
        for (int p = 0; p < component.Length; p++)
        {
            destination[p] += component[p];
        }
    }

    private static void Project(SpeciesGrids grids, Mixture mixture, double[] q, double[] f) =>
        ConservativeProjection.Create(grids, mixture.Masses()).ApplyDistributionWeighted(q, f);

    private static double[][][] PairBuffers(SpeciesGrids grids) =>
        Enumerable.Range(0, grids.SpeciesCount).Select(a => Enumerable.Range(0, grids.SpeciesCount).Select(_ => new double[grids.Count(a)]).ToArray()).ToArray();

    // Median wall time of repeated calls (at least 2, at most 9, until 2 s have been spent); the caller has warmed up.
    private static double MedianMilliseconds(Action evaluate)
    {
        var times = new List<double>();
        var total = Stopwatch.StartNew();
        while (times.Count < 2 || (times.Count < 9 && total.Elapsed.TotalSeconds < 2))
        {
            var clock = Stopwatch.StartNew();
            evaluate();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        int middle = times.Count / 2;
        return times.Count % 2 == 1 ? times[middle] : 0.5 * (times[middle - 1] + times[middle]);
    }

    // dT/dt of a species from the moments of F and of its collision term: (3/2) n T = E − |J|²/(2ρ).
    private static double TemperatureRate(SpeciesMoments f, SpeciesMoments q)
    {
        double n = f.Density, rho = f.MassDensity, temperature = f.Temperature;
        var j = f.Momentum;
        double dRho = q.Density * f.Mass;
        double inner = q.Energy - (Velocity3.Dot(j, q.Momentum) / rho) + (j.LengthSquared * dRho / (2 * rho * rho));
        return (inner - (1.5 * q.Density * temperature)) / (1.5 * n);
    }

    private double ClosedFormError(SpeciesGrids grids, Mixture mixture, ExchangeEvaluator evaluator)
    {
        double heavy = 1.3, light = 0.7;
        var states = new[]
        {
            new MacroscopicState(0.5, Velocity3.Zero, _ratio >= 1 ? light : heavy),
            new MacroscopicState(0.5, Velocity3.Zero, _ratio >= 1 ? heavy : light),
        };
        double[] f = new double[grids.TotalCount];
        for (int a = 0; a < 2; a++)
        {
            Add(grids[a], states[a], mixture[a].Mass, grids.Slice(f.AsSpan(), a));
        }

        double[][][] pairs = PairBuffers(grids);
        evaluator.Pairs(f, pairs);
        double worst = 0;
        for (int a = 0; a < 2; a++)
        {
            int b = 1 - a;
            var moments = SpeciesMoments.Of(grids[a], grids.Slice(f, a), mixture[a].Mass);
            double rate = TemperatureRate(moments, SpeciesMoments.Of(grids[a], pairs[a][b], mixture[a].Mass));
            double energyRate = evaluator.ClosedFormEnergyRate(mixture[a].Mass, states[a], mixture[b].Mass, states[b]);
            double exact = 2.0 / 3.0 * energyRate / states[a].Density;
            worst = Math.Max(worst, Math.Abs(rate - exact) / Math.Abs(exact));
        }

        return worst;
    }

    /// <summary>The reported figures, in output order.</summary>
    public sealed record Result(Dictionary<string, object> Fields);
}
