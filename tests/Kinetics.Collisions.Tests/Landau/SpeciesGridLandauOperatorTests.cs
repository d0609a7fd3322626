using Kinetics.Conservation;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Landau;
using Kinetics.Mixtures;
using Xunit.Abstractions;

namespace Kinetics.Tests.Landau;

public class SpeciesGridLandauOperatorTests(ITestOutputHelper output)
{
    private const double TemperatureA = 1.3;
    private const double TemperatureB = 0.7;

    internal static Mixture Pair(double ratio) => new(new Species("light", 1.0, 1.0), new Species("heavy", ratio, 1.0));

    // Stacked values of analytic distributions sampled on each species' own grid.
    internal static double[] Sample(SpeciesGrids grids, params Func<Velocity3, double>[] f)
    {
        var values = new double[grids.TotalCount];
        for (int a = 0; a < grids.SpeciesCount; a++)
        {
            Span<double> slice = grids.Slice(values.AsSpan(), a);
            for (int p = 0; p < slice.Length; p++)
            {
                slice[p] = f[a](grids[a].Point(p));
            }
        }

        return values;
    }

    // ∫ φ(v) q dv on species a's own grid, recomputed here from the physical grid points.
    internal static double Moment(SpeciesGrids grids, int a, ReadOnlySpan<double> q, Func<Velocity3, double> phi)
    {
        double sum = 0;
        for (int p = 0; p < q.Length; p++)
        {
            sum += phi(grids[a].Point(p)) * q[p];
        }

        return sum * grids[a].CellVolume;
    }

    [Theory]
    [InlineData(1.0, 2e-8)]
    [InlineData(4.0, 3e-8)]
    [InlineData(16.0, 3e-7)]
    [InlineData(100.0, 3e-6)]
    [InlineData(400.0, 2e-5)]
    [InlineData(1836.0, 6e-5)]
    public void EnergyExchange_MatchesClosedForm_AtEveryMassRatio(double ratio, double tolerance)
    {
        // Maxwellians at T = 1.3 (light) and 0.7 (heavy), each on its own N = 32 grid (L = 8√(T/m)): the heavy species
        // is 1/√ratio as wide, at 1:1836 far narrower than the light grid's spacing.
        var mixture = Pair(ratio);
        var grids = SpeciesGrids.ForMaxwellians(mixture, [TemperatureA, TemperatureB], default, 32);
        var op = SpeciesGridLandauOperator.Create(grids, mixture, LandauCouplings.Uniform(2), LandauKernel.Coulomb());
        var sa = new MacroscopicState(1.0, TemperatureA);
        var sb = new MacroscopicState(1.0, TemperatureB);
        var values = Sample(grids, v => Maxwellian.Evaluate(sa, 1.0, v), v => Maxwellian.Evaluate(sb, ratio, v));
        var ws = op.CreateWorkspace();
        var qa = new double[grids.Count(0)];
        var qb = new double[grids.Count(1)];
        op.EvaluatePair(0, 1, values, qa, ws);
        op.EvaluatePair(1, 0, values, qb, ws);
        double wa = Moment(grids, 0, qa, v => 0.5 * v.LengthSquared);
        double wb = Moment(grids, 1, qb, v => 0.5 * ratio * v.LengthSquared);
        double exact = LandauMaxwellian.EnergyExchangeRate(1.0, sa, 1.0, sb, ratio);
        double errorA = Math.Abs((wa / exact) - 1), errorB = Math.Abs((-wb / exact) - 1);
        output.WriteLine($"1:{ratio}: W_light relative error {errorA:E2}, W_heavy {errorB:E2}");

        // Observed (N = 32): light 1.4e-9, 1.3e-9, 2.7e-8, 2.8e-7, 1.2e-6, 5.6e-6 and heavy 2.2e-10, 2.9e-9, 1.1e-8,
        // 1.7e-8, 1.8e-8, 1.9e-8 for the six ratios; tolerances ≈ 10× the larger of the two.
        Assert.True(errorA < tolerance, $"light: {errorA:E2}");
        Assert.True(errorB < tolerance, $"heavy: {errorB:E2}");
    }

    [Fact]
    public void EnergyExchange_Hydrogen_N48_MatchesClosedForm()
    {
        var mixture = Pair(1836.0);
        var grids = SpeciesGrids.ForMaxwellians(mixture, [TemperatureA, TemperatureB], default, 48);
        var op = SpeciesGridLandauOperator.Create(grids, mixture, LandauCouplings.Uniform(2), LandauKernel.Coulomb());
        var sa = new MacroscopicState(1.0, TemperatureA);
        var sb = new MacroscopicState(1.0, TemperatureB);
        var values = Sample(grids, v => Maxwellian.Evaluate(sa, 1.0, v), v => Maxwellian.Evaluate(sb, 1836.0, v));
        var ws = op.CreateWorkspace();
        var qa = new double[grids.Count(0)];
        op.EvaluatePair(0, 1, values, qa, ws);
        double error = Math.Abs((Moment(grids, 0, qa, v => 0.5 * v.LengthSquared) / LandauMaxwellian.EnergyExchangeRate(1.0, sa, 1.0, sb, 1836.0)) - 1);
        output.WriteLine($"1:1836, N = 48: relative error {error:E2}");

        // Observed 8.3e-13.
        Assert.True(error < 8e-12, $"{error:E2}");
    }

    [Theory]
    [InlineData(4.0, 2)]
    [InlineData(100.0, 3)]
    [InlineData(1836.0, 5)]
    public void Projection_ConservesToRoundOff_OnRandomNonMaxwellianMixtures(double ratio, int seed)
    {
        // Two-bump anisotropic species, each on a grid centred at its own drift; moments recomputed independently.
        var mixture = Pair(ratio);
        var random = new Random(seed);
        double Draw(double lo, double hi) => lo + ((hi - lo) * random.NextDouble());
        Velocity3 RandomDrift(double scale) => new(Draw(-scale, scale), Draw(-scale, scale), Draw(-scale, scale));
        var fa = AnalyticDistribution.Sum(
            AnalyticDistribution.Maxwellian(new MacroscopicState(Draw(0.5, 1.5), RandomDrift(0.3), Draw(0.8, 1.2)), 1.0),
            AnalyticDistribution.Maxwellian(new MacroscopicState(Draw(0.1, 0.5), RandomDrift(0.5), Draw(0.5, 0.9)), 1.0));
        double thermalB = Math.Sqrt(1.0 / ratio);
        var fb = AnalyticDistribution.Sum(
            AnalyticDistribution.Maxwellian(new MacroscopicState(Draw(0.5, 1.5), RandomDrift(0.3 * thermalB), Draw(0.6, 0.9)), ratio),
            AnalyticDistribution.Maxwellian(new MacroscopicState(Draw(0.1, 0.5), RandomDrift(0.4 * thermalB), Draw(0.4, 0.7)), ratio));
        var grids = new SpeciesGrids(
        [
            new SpeciesGrid(new CartesianGrid(24, 9.0), new Velocity3(0.1, -0.05, 0.0)),
            new SpeciesGrid(new CartesianGrid(32, 7.5 * thermalB), new Velocity3(0.0, 0.2 * thermalB, -0.1 * thermalB)),
        ]);
        var op = SpeciesGridLandauOperator.Create(grids, mixture, new LandauCouplings(2, [1.0, 0.7, 0.7, 1.3]), LandauKernel.Coulomb());
        var values = Sample(grids, fa.Value, fb.Value);
        double[] q = op.Evaluate(values);
        var projection = ConservativeProjection.Create(grids, mixture.Masses());
        projection.Apply(q, values);

        double[] scales = new double[6], rates = new double[6];
        for (int a = 0; a < 2; a++)
        {
            double m = mixture[a].Mass;
            ReadOnlySpan<double> qa = grids.Slice(q, a);
            rates[a] = Moment(grids, a, qa, _ => 1.0);
            scales[a] = Moment(grids, a, qa.ToArray().Select(Math.Abs).ToArray(), _ => 1.0);
            for (int d = 0; d < 3; d++)
            {
                int axis = d;
                rates[2 + d] += m * Moment(grids, a, qa, v => v[axis]);
            }

            scales[2] += m * Moment(grids, a, qa.ToArray().Select(Math.Abs).ToArray(), v => v.Length);
            rates[5] += 0.5 * m * Moment(grids, a, qa, v => v.LengthSquared);
            scales[5] += 0.5 * m * Moment(grids, a, qa.ToArray().Select(Math.Abs).ToArray(), v => v.LengthSquared);
        }

        scales[3] = scales[4] = scales[2];
        double worst = Enumerable.Range(0, 6).Max(c => Math.Abs(rates[c]) / scales[c]);
        output.WriteLine($"1:{ratio}: largest relative conservation residual after projection {worst:E2}");

        // Observed ≤ 4e-16 (round-off); the bound is 1e-13.
        Assert.True(worst < 1e-14, $"{worst:E2}");
    }

    [Fact]
    public void SharedGrid_AgreesWithSpectralOperator_AndMassIsExact()
    {
        // On one grid the only difference from SpectralLandauOperator is the flux-moment correction.
        var mixture = Pair(4.0);
        var grid = new CartesianGrid(32, 8.0);
        var grids = SpeciesGrids.Shared(grid, 2);
        var couplings = new LandauCouplings(2, [1.0, 0.7, 0.7, 1.3]);
        var fa = AnalyticDistribution.Sum(
            AnalyticDistribution.Maxwellian(new MacroscopicState(1.0, new Velocity3(0.3, 0, 0), 1.0), 1.0),
            AnalyticDistribution.Maxwellian(new MacroscopicState(0.4, new Velocity3(-0.5, 0.3, 0), 1.3), 1.0));
        var fb = AnalyticDistribution.Sum(
            AnalyticDistribution.Maxwellian(new MacroscopicState(0.8, new Velocity3(0, 0.2, -0.2), 4.5), 4.0),
            AnalyticDistribution.Maxwellian(new MacroscopicState(0.3, new Velocity3(0.2, 0, 0.3), 4.0), 4.0));
        var values = Sample(grids, fa.Value, fb.Value);
        double[] perSpecies = SpeciesGridLandauOperator.Create(grids, mixture, couplings, LandauKernel.Coulomb()).Evaluate(values);
        double[] shared = SpectralLandauOperator.Create(grid, mixture, couplings, LandauKernel.Coulomb()).Evaluate(values);
        double scale = shared.Max(Math.Abs), worst = perSpecies.Zip(shared).Max(t => Math.Abs(t.First - t.Second));
        double mass0 = Math.Abs(Moment(grids, 0, grids.Slice(perSpecies, 0), _ => 1.0)), mass1 = Math.Abs(Moment(grids, 1, grids.Slice(perSpecies, 1), _ => 1.0));
        output.WriteLine($"max |Q_species − Q_shared| / max |Q| = {worst / scale:E2}; masses {mass0:E2}, {mass1:E2}");

        // Observed 3.5e-6 (the size of the spectral moment defect it removes) and masses ≈ 1e-18.
        Assert.True(worst < 3e-5 * scale, $"worst < 3e-5 * scale: {worst} vs {(3e-5 * scale)}");
        Assert.True(mass0 < 1e-15 && mass1 < 1e-15, "mass0 < 1e-15 && mass1 < 1e-15");
    }

    [Fact]
    public void DifferentGrids_MatchReferenceQuadrature_BothDirections()
    {
        // Masses 1 : 4, non-Maxwellian F resolved on both grids (the setting of the shared-grid reference test): light
        // on [−8, 8]³, heavy on an off-centre box of half-width 9, so Q_light,heavy interpolates the heavy fields and
        // Q_heavy,light projects the light distribution. Both against the pointwise quadrature of the same operator
        // truncated at R = 9 (the wider grid's half-width, used for both cross terms).
        var mixture = Pair(4.0);
        var kernel = LandauKernel.Coulomb();
        var fa = AnalyticDistribution.Sum(
            AnalyticDistribution.Maxwellian(new MacroscopicState(1.0, new Velocity3(0.3, 0, 0), 1.0), 1.0),
            AnalyticDistribution.Maxwellian(new MacroscopicState(0.4, new Velocity3(-0.5, 0.3, 0), 1.3), 1.0));
        var fb = AnalyticDistribution.Sum(
            AnalyticDistribution.Maxwellian(new MacroscopicState(0.8, new Velocity3(0, 0.2, -0.2), 4.5), 4.0),
            AnalyticDistribution.Maxwellian(new MacroscopicState(0.3, new Velocity3(0.2, 0, 0.3), 4.0), 4.0));
        var grids = new SpeciesGrids(
        [
            new SpeciesGrid(new CartesianGrid(32, 8.0)),
            new SpeciesGrid(new CartesianGrid(32, 9.0), new Velocity3(0.1, 0.1, 0.0)),
        ]);
        var op = SpeciesGridLandauOperator.Create(grids, mixture, new LandauCouplings(2, [1.0, 0.7, 0.7, 1.3]), kernel);
        var values = Sample(grids, fa.Value, fb.Value);
        var ws = op.CreateWorkspace();
        var qab = new double[grids.Count(0)];
        var qba = new double[grids.Count(1)];
        op.EvaluatePair(0, 1, values, qab, ws);
        op.EvaluatePair(1, 0, values, qba, ws);
        double worst = 0, scale = 0;
        foreach (var (i, j, k) in new[] { (16, 16, 16), (14, 17, 15), (18, 13, 16), (15, 16, 19) })
        {
            int p = grids[0].Grid.Index(i, j, k);
            double refAb = LandauReferenceEvaluator.Collision(kernel, 0.7, 1.0, 4.0, fa, fb.Value, grids[0].Point(p), 9.0);
            double refBa = LandauReferenceEvaluator.Collision(kernel, 0.7, 4.0, 1.0, fb, fa.Value, grids[1].Point(p), 9.0);
            output.WriteLine($"{p}: light {Math.Abs(refAb - qab[p]):E2} of {refAb:E2}, heavy {Math.Abs(refBa - qba[p]):E2} of {refBa:E2}");
            worst = Math.Max(worst, Math.Max(Math.Abs(refAb - qab[p]), Math.Abs(refBa - qba[p])));
            scale = Math.Max(scale, Math.Max(Math.Abs(refAb), Math.Abs(refBa)));
        }

        output.WriteLine($"max |Q_species − Q_reference| / max |Q| = {worst / scale:E3}");

        // Observed 2.6e-5 (the shared-grid operator: 6e-5 on one N = 32, L = 8 grid in the same setting).
        Assert.True(worst < 2e-4 * scale, $"worst < 2e-4 * scale: {worst} vs {(2e-4 * scale)}");
    }
}
