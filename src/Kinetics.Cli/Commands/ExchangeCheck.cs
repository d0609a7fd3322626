using System.Diagnostics;
using Kinetics.Boltzmann;
using Kinetics.Conservation;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Landau;
using Kinetics.Mixtures;
using Kinetics.Moments;
using Kinetics.Transport;
using Spectre.Console;

namespace Kinetics.Cli.Commands;

/// <summary>
/// The measurement behind `kinetics verify exchange` for two species of mass ratio 1 : r on one N³ grid.
/// </summary>
/// <remarks>
/// <para>The mixture (fixed seed 2026): each species is 0.3·𝓜[u₁, 0.9T] + 0.2·𝓜[u₂, 1.1T] with u₁ = 0.4c·e, u₂ = −0.3c·e,
/// c = √(T/m) and e a random unit direction per species, so it is anisotropic, not Maxwellian and drifting. The lighter
/// species has T = 0.7 and the heavier T = 1.3 (closer thermal speeds keep both resolved on one grid). The box is
/// L = max over bumps of |u| + 6.5√(T_bump/m) unless given.</para>
/// <para>Reported: <c>mass_leak</c> = max_α |∫Q^α|/n^α and <c>energy_leak</c> = max over unordered pairs of
/// |E(Q^{αβ}) + E(Q^{βα})|/(E^α + E^β) (self pair: |E(Q^{αα})|/E^α), both before any projection, per unit time;
/// <c>momentum_leak</c> likewise with |J| relative to (ρ^α + ρ^β)·√(2(E^α + E^β)/(ρ^α + ρ^β)); <c>rate_error</c> =
/// max_α |Ṫ^α(projected Q) − Ṫ^α(Σ_{β≠α} Q^{αβ})|/|Ṫ^α(cross)| with the library's default projection (weight |F|);
/// <c>closed_form_error</c> = the cross-pair Ṫ on two Maxwellians (heavier at T = 1.3, lighter at 0.7, n = 0.5 each)
/// against <see cref="TemperatureRelaxation"/> (Boltzmann) or <see cref="LandauMaxwellian.EnergyExchangeRate"/>
/// (Landau, Coulomb only; NaN otherwise); <c>ms_per_eval</c> = the wall time of one evaluation of Q.</para>
/// </remarks>
internal sealed class ExchangeCheck
{
    private const int Seed = 2026;
    private readonly double _ratio;
    private readonly int _n;
    private readonly bool _landau;
    private readonly double _gamma;
    private readonly double? _halfWidth;

    public ExchangeCheck(double ratio, int n, bool landau, double? gamma, double? halfWidth)
    {
        _ratio = ratio;
        _n = n;
        _landau = landau;
        _gamma = gamma ?? (landau ? -3.0 : -1.0);
        _halfWidth = halfWidth;
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

    public Result Run(IAnsiConsole human)
    {
        var mixture = new Mixture([new Species("A", 1.0), new Species("B", _ratio)]);
        double[] temperatures = _ratio >= 1 ? [0.7, 1.3] : [1.3, 0.7];
        var bumps = Bumps(mixture, temperatures);
        double halfWidth = _halfWidth ?? bumps.Max(b => b.Drift.Length + (6.5 * Math.Sqrt(b.Temperature / mixture[b.Species].Mass)));
        var grid = new CartesianGrid(_n, halfWidth);
        int count = grid.Count;
        double[] f = new double[2 * count], component = new double[count];
        foreach (var (species, density, drift, temperature) in bumps)
        {
            Maxwellian.Fill(grid, new MacroscopicState(density, drift, temperature), mixture[species].Mass, component);
            for (int p = 0; p < count; p++)
            {
                f[(species * count) + p] += component[p];
            }
        }

        var evaluator = _landau ? Evaluator.Landau(grid, mixture, _gamma) : Evaluator.Boltzmann(grid, mixture, _gamma);
        human.MarkupLine(Markup.Escape($"kinetics verify exchange: {evaluator.Description}, masses 1:{_ratio:G4}, {grid}"));

        double[] pairs = new double[4 * count];
        evaluator.Pairs(f, pairs);
        double[] q = new double[2 * count];
        var clock = Stopwatch.StartNew();
        evaluator.Evaluate(f, q);
        double ms = clock.Elapsed.TotalMilliseconds;

        var moments = new SpeciesMoments[2];
        for (int a = 0; a < 2; a++)
        {
            moments[a] = SpeciesMoments.Of(grid, f.AsSpan(a * count, count), mixture[a].Mass);
        }

        SpeciesMoments Of(ReadOnlySpan<double> values, int species) => SpeciesMoments.Of(grid, values, mixture[species].Mass);
        SpeciesMoments Pair(int a, int b) => Of(pairs.AsSpan(((2 * a) + b) * count, count), a);

        double massLeak = 0, energyLeak = 0, momentumLeak = 0;
        for (int a = 0; a < 2; a++)
        {
            massLeak = Math.Max(massLeak, Math.Abs(Of(q.AsSpan(a * count, count), a).Density) / moments[a].Density);
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
        var projection = ConservativeProjection.Create(grid, mixture.Masses());
        double[] projected = (double[])q.Clone();
        projection.ApplyDistributionWeighted(projected, f);
        double rateError = 0;
        double[] crossRates = new double[2], projectedRates = new double[2];
        for (int a = 0; a < 2; a++)
        {
            crossRates[a] = TemperatureRate(moments[a], Pair(a, 1 - a));
            projectedRates[a] = TemperatureRate(moments[a], Of(projected.AsSpan(a * count, count), a));
            rateError = Math.Max(rateError, Math.Abs(projectedRates[a] - crossRates[a]) / Math.Abs(crossRates[a]));
        }

        double closedFormError = ClosedFormError(grid, mixture, evaluator);
        return new Result(new Dictionary<string, object>
        {
            ["operator"] = _landau ? "landau" : "boltzmann",
            ["masses"] = mixture.Masses(),
            ["n"] = _n,
            ["half_width"] = halfWidth,
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

    // dT/dt of a species from the moments of F and of its collision term: (3/2) n T = E − |J|²/(2ρ).
    private static double TemperatureRate(SpeciesMoments f, SpeciesMoments q)
    {
        double n = f.Density, rho = f.MassDensity, temperature = f.Temperature;
        var j = f.Momentum;
        double dRho = q.Density * f.Mass;
        double inner = q.Energy - (Velocity3.Dot(j, q.Momentum) / rho) + (j.LengthSquared * dRho / (2 * rho * rho));
        return (inner - (1.5 * q.Density * temperature)) / (1.5 * n);
    }

    private double ClosedFormError(CartesianGrid grid, Mixture mixture, Evaluator evaluator)
    {
        int count = grid.Count;
        double heavy = 1.3, light = 0.7;
        var states = new[]
        {
            new MacroscopicState(0.5, Velocity3.Zero, _ratio >= 1 ? light : heavy),
            new MacroscopicState(0.5, Velocity3.Zero, _ratio >= 1 ? heavy : light),
        };
        double[] f = new double[2 * count];
        for (int a = 0; a < 2; a++)
        {
            Maxwellian.Fill(grid, states[a], mixture[a].Mass, f.AsSpan(a * count, count));
        }

        double[] pairs = new double[4 * count];
        evaluator.Pairs(f, pairs);
        double worst = 0;
        for (int a = 0; a < 2; a++)
        {
            int b = 1 - a;
            var moments = SpeciesMoments.Of(grid, f.AsSpan(a * count, count), mixture[a].Mass);
            double rate = TemperatureRate(moments, SpeciesMoments.Of(grid, pairs.AsSpan(((2 * a) + b) * count, count), mixture[a].Mass));
            double energyRate = evaluator.ClosedFormEnergyRate(mixture[a].Mass, states[a], mixture[b].Mass, states[b]);
            double exact = 2.0 / 3.0 * energyRate / states[a].Density;
            worst = Math.Max(worst, Math.Abs(rate - exact) / Math.Abs(exact));
        }

        return worst;
    }

    /// <summary>The reported figures, in output order.</summary>
    public sealed record Result(Dictionary<string, object> Fields);

    private sealed class Evaluator
    {
        public required string Description { get; init; }

        public required Action<double[], double[]> Pairs { get; init; }

        public required Action<double[], double[]> Evaluate { get; init; }

        public required Func<double, MacroscopicState, double, MacroscopicState, double> ClosedFormEnergyRate { get; init; }

        public static Evaluator Boltzmann(CartesianGrid grid, Mixture mixture, double gamma)
        {
            var kernel = new CollisionKernel(gamma, AngularFunction.AbsoluteCosine(1.0));
            var op = BoltzmannOperator.Create(grid, CollisionKernelTable.Uniform(mixture, kernel), new BoltzmannOptions { MaxDegreeOfParallelism = Math.Clamp(Environment.ProcessorCount, 1, 4) });
            var workspace = op.CreateWorkspace();
            return new Evaluator
            {
                Description = $"Boltzmann, b_ω = |cos θ|, γ = {gamma:G4}; spheres {op.SphereFor(0, 0)} (A–A), {op.SphereFor(0, 1)} (A–B), {op.SphereFor(1, 1)} (B–B); {op.RadialPoints} radial nodes, R = {op.TruncationRadius:G4}",
                Pairs = (f, destination) => op.EvaluatePairs(f, destination, workspace),
                Evaluate = (f, destination) => op.Evaluate(f, destination, workspace),
                ClosedFormEnergyRate = (ma, a, mb, b) => TemperatureRelaxation.EnergyExchangeRate(kernel, ma, a.Density, a.Temperature, mb, b.Density, b.Temperature),
            };
        }

        public static Evaluator Landau(CartesianGrid grid, Mixture mixture, double gamma)
        {
            var kernel = new LandauKernel(gamma, LandauNormalization.FlynnGuo);
            var op = SpectralLandauOperator.Create(grid, mixture, LandauCouplings.Uniform(mixture.Count, 1.0), kernel);
            var workspace = op.CreateWorkspace();
            int count = grid.Count;
            return new Evaluator
            {
                Description = $"Landau, Φ = |z|^({gamma:G4}+2) Π(z), couplings 1, R = {op.TruncationRadius:G4}",
                Pairs = (f, destination) =>
                {
                    for (int a = 0; a < 2; a++)
                    {
                        for (int b = 0; b < 2; b++)
                        {
                            op.EvaluatePair(a, b, f.AsSpan(a * count, count), f.AsSpan(b * count, count), destination.AsSpan(((2 * a) + b) * count, count), workspace);
                        }
                    }
                },
                Evaluate = (f, destination) => op.Evaluate(f, destination, workspace),
                ClosedFormEnergyRate = (ma, a, mb, b) => gamma == -3.0
                    ? LandauMaxwellian.EnergyExchangeRate(1.0, a, ma, b, mb, LandauNormalization.FlynnGuo)
                    : double.NaN,
            };
        }
    }
}
