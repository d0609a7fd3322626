using Kinetics.Boltzmann;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Landau;
using Kinetics.Mixtures;
using Kinetics.Transport;

namespace Kinetics.Cli.Commands;

/// <summary>
/// The operator behind `kinetics verify exchange` on a mixture's <see cref="SpeciesGrids"/>: the full Q and the ordered
/// pairs Q^{αβ} (each on α's grid), and the closed-form energy exchange of two Maxwellians. On a shared grid the
/// shared-grid operators are used (<see cref="BoltzmannOperator"/>, <see cref="SpectralLandauOperator"/>), on
/// per-species grids <see cref="SpeciesGridBoltzmannOperator"/> and <see cref="SpeciesGridLandauOperator"/>.
/// </summary>
internal sealed class ExchangeEvaluator
{
    public required string Description { get; init; }

    /// <summary>pairs[α][β] (length N_α³) = Q^{αβ}(F^α, F^β) from stacked F.</summary>
    public required Action<double[], double[][][]> Pairs { get; init; }

    /// <summary>Stacked Q = Σ_β Q^{αβ} from stacked F.</summary>
    public required Action<double[], double[]> Evaluate { get; init; }

    /// <summary>W^{αβ}(m_α, state_α, m_β, state_β), the closed-form energy exchange rate.</summary>
    public required Func<double, MacroscopicState, double, MacroscopicState, double> ClosedFormEnergyRate { get; init; }

    public static ExchangeEvaluator Boltzmann(SpeciesGrids grids, Mixture mixture, double gamma)
    {
        var kernel = new CollisionKernel(gamma, AngularFunction.AbsoluteCosine(1.0));
        var table = CollisionKernelTable.Uniform(mixture, kernel);
        var options = new BoltzmannOptions { MaxDegreeOfParallelism = Math.Clamp(Environment.ProcessorCount, 1, 4) };
        Func<double, MacroscopicState, double, MacroscopicState, double> closed = (ma, a, mb, b) =>
            TemperatureRelaxation.EnergyExchangeRate(kernel, ma, a.Density, a.Temperature, mb, b.Density, b.Temperature);
        if (grids.IsShared)
        {
            var op = BoltzmannOperator.Create(grids[0].Grid, table, options);
            var workspace = op.CreateWorkspace();
            int count = grids.Count(0), s = grids.SpeciesCount;
            double[] all = new double[s * s * count];
            return new ExchangeEvaluator
            {
                Description = $"Boltzmann, b_ω = |cos θ|, γ = {gamma:G4}; shared grid; spheres {op.SphereFor(0, 0)} (A–A), {op.SphereFor(0, 1)} (A–B), {op.SphereFor(1, 1)} (B–B); {op.RadialPoints} radial nodes, R = {op.TruncationRadius:G4}",
                Pairs = (f, destination) =>
                {
                    op.EvaluatePairs(f, all, workspace);
                    for (int a = 0; a < s; a++)
                    {
                        for (int b = 0; b < s; b++)
                        {
                            all.AsSpan(((s * a) + b) * count, count).CopyTo(destination[a][b]);
                        }
                    }
                },
                Evaluate = (f, destination) => op.Evaluate(f, destination, workspace),
                ClosedFormEnergyRate = closed,
            };
        }

        var species = SpeciesGridBoltzmannOperator.Create(grids, table, options);
        var scratch = species.CreateWorkspace();
        return new ExchangeEvaluator
        {
            Description = $"Boltzmann, b_ω = |cos θ|, γ = {gamma:G4}; per-species grids (docs/species-grids.md)",
            Pairs = (f, destination) => ForEachPair(grids, (a, b) => species.EvaluatePair(a, b, f, destination[a][b], scratch)),
            Evaluate = (f, destination) => species.Evaluate(f, destination, scratch),
            ClosedFormEnergyRate = closed,
        };
    }

    public static ExchangeEvaluator Landau(SpeciesGrids grids, Mixture mixture, double gamma)
    {
        var kernel = new LandauKernel(gamma, LandauNormalization.FlynnGuo);
        var couplings = LandauCouplings.Uniform(mixture.Count, 1.0);
        Func<double, MacroscopicState, double, MacroscopicState, double> closed = (ma, a, mb, b) => gamma == -3.0
            ? LandauMaxwellian.EnergyExchangeRate(1.0, a, ma, b, mb, LandauNormalization.FlynnGuo)
            : double.NaN;
        if (grids.IsShared)
        {
            var op = SpectralLandauOperator.Create(grids[0].Grid, mixture, couplings, kernel);
            var workspace = op.CreateWorkspace();
            int count = grids.Count(0);
            return new ExchangeEvaluator
            {
                Description = $"Landau, Φ = |z|^({gamma:G4}+2) Π(z), couplings 1; shared grid, R = {op.TruncationRadius:G4}",
                Pairs = (f, destination) => ForEachPair(grids, (a, b) =>
                    op.EvaluatePair(a, b, f.AsSpan(a * count, count), f.AsSpan(b * count, count), destination[a][b], workspace)),
                Evaluate = (f, destination) => op.Evaluate(f, destination, workspace),
                ClosedFormEnergyRate = closed,
            };
        }

        var species = SpeciesGridLandauOperator.Create(grids, mixture, couplings, kernel);
        var scratch = species.CreateWorkspace();
        return new ExchangeEvaluator
        {
            Description = $"Landau, Φ = |z|^({gamma:G4}+2) Π(z), couplings 1; per-species grids (docs/species-grids.md)",
            Pairs = (f, destination) => ForEachPair(grids, (a, b) => species.EvaluatePair(a, b, f, destination[a][b], scratch)),
            Evaluate = (f, destination) => species.Evaluate(f, destination, scratch),
            ClosedFormEnergyRate = closed,
        };
    }

    private static void ForEachPair(SpeciesGrids grids, Action<int, int> pair)
    {
        for (int a = 0; a < grids.SpeciesCount; a++)
        {
            for (int b = 0; b < grids.SpeciesCount; b++)
            {
                pair(a, b);
            }
        }
    }
}
