using FsCheck.Fluent;
using Kinetics.Conservation;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Moments;
using Kinetics.Quadrature;
using Kinetics.Spectral;
using Kinetics.Weights;
using static Kinetics.Tests.BadInput.BadInputFixtures;
using static Kinetics.Tests.BadInput.BadInputGenerators;
using static Kinetics.Tests.BadInput.BadInputProbeFactory;

namespace Kinetics.Tests.BadInput;

internal static partial class BadInputProbes
{
    private static IEnumerable<Probe> Core()
    {
        int n = Grid.PointsPerAxis;
        yield return Arg("CartesianGrid.Coordinate", "i", BadIndex(n), i => Grid.Coordinate(i));
        yield return Arg("CartesianGrid.Index", "i", BadIndex(n), i => Grid.Index(i, 0, 0));
        yield return Arg("CartesianGrid.Index", "j", BadIndex(n), j => Grid.Index(0, j, 0));
        yield return Arg("CartesianGrid.Index", "k", BadIndex(n), k => Grid.Index(0, 0, k));
        yield return Arg("CartesianGrid.Indices", "index", BadIndex(Grid.Count), p => Grid.Indices(p));
        yield return Arg("CartesianGrid.Point", "index", BadIndex(Grid.Count), p => Grid.Point(p));
        yield return Arg("CartesianGrid(.ctor)", "halfWidth", NonPositive, l => _ = new CartesianGrid(8, l));
        yield return Arg("CartesianGrid(.ctor)", "pointsPerAxis", BadIndex(CartesianGrid.MaxPointsPerAxis + 1).Where(k => k < CartesianGrid.MinPointsPerAxis || k > CartesianGrid.MaxPointsPerAxis), k => _ = new CartesianGrid(k, 1.0));
        yield return ArgSpan("CartesianGrid.Integrate", "values", WithNonFinite(Single()), v => Grid.Integrate(v));
        yield return Arg("RadialGrid(.ctor)", "nodes", Undefined<RadialNodes>(), k => _ = new RadialGrid(8, 1.0, k));
        yield return Arg("RadialGrid(.ctor)", "radius", NonPositive, r => _ = new RadialGrid(8, r));
        yield return ArgSpan("RadialGrid.Integrate", "values", WithNonFinite(new double[8]), v => new RadialGrid(8, 1.0).Integrate(v));
        yield return ArgSpan("QuadratureRule.Integrate", "values", WithNonFinite(new double[6]), v => GaussLegendreRule.Create(6).Integrate(v));
        yield return Arg("GaussLegendreRule.Create", "count", BadIndex(GaussLegendreRule.MaxCount + 1).Where(k => k < 1), k => GaussLegendreRule.Create(k));
        yield return Arg("MacroscopicState(.ctor)", "temperature", NonPositive, t => _ = new MacroscopicState(1.0, t));
        yield return Arg("MacroscopicState(.ctor)", "density", Negative, d => _ = new MacroscopicState(d, 1.0));
        yield return Arg("Maxwellian.Evaluate", "mass", NonPositive, m => Maxwellian.Evaluate(MacroscopicState.Unit, m, Velocity3.Zero));
        yield return Arg("Maxwellian.Evaluate", "v", NonFiniteVelocity, v => Maxwellian.Evaluate(MacroscopicState.Unit, 1.0, v));
        yield return Arg("Maxwellian.EvaluateSqrt", "v", NonFiniteVelocity, v => Maxwellian.EvaluateSqrt(MacroscopicState.Unit, 1.0, v));
        yield return Arg("Maxwellian.Fill", "mass", NonPositive, m => Maxwellian.Fill(Grid, MacroscopicState.Unit, m, new double[Grid.Count]));
        yield return ArgSpan("Maxwellian.Common", "densities", WithNonFinite([1.0, 2.0]), d => Maxwellian.Common(Grid, Pair, d, Velocity3.Zero, 1.0));
        yield return Arg("Maxwellian.Common", "temperature", NonPositive, t => Maxwellian.Common(Grid, Pair, [1.0, 1.0], Velocity3.Zero, t));
        yield return Arg("Maxwellian.Common", "bulkVelocity", NonFiniteVelocity, u => Maxwellian.Common(Grid, Pair, [1.0, 1.0], u, 1.0));
        yield return ArgSpan("DistributionFunction(.ctor)", "values", WithNonFinite(Single()), v => _ = new DistributionFunction(Grid, v));
        yield return ArgSpan("Entropy.Of", "distribution", WithNonFinite(Single()), v =>
        {
            var f = new DistributionFunction(Grid);
            v.CopyTo(f.Values); // the mutable view lets a caller store NaN after construction
            Entropy.Of(f);
        });
        yield return ArgSpan("SpeciesMoments.Of", "values", WithNonFinite(Single()), v => SpeciesMoments.Of(Grid, v, 1.0));
        yield return Arg("SpeciesMoments.Of", "mass", NonPositive, m => SpeciesMoments.Of(Grid, Single(), m));
        yield return ArgSpan("SpeciesMoments.Of(radial)", "distribution", WithNonFinite(new double[8]), v =>
        {
            var f = new RadialDistribution(new RadialGrid(8, 4.0));
            v.CopyTo(f.Values);
            SpeciesMoments.Of(f, 1.0);
        });
        yield return Arg("JapaneseBracket.Evaluate", "convention", Undefined<BracketConvention>(), c => JapaneseBracket.Evaluate(1.0, c));
        yield return Arg("JapaneseBracket.Evaluate", "speed", Negative, s => JapaneseBracket.Evaluate(s, BracketConvention.OnePlusNorm));
        yield return Arg("JapaneseBracket.Fill", "convention", Undefined<BracketConvention>(), c => JapaneseBracket.Fill(Grid, 1.0, c, new double[Grid.Count]));
        yield return Arg("GaussianWeight.Evaluate", "rate", NonFinite, q => GaussianWeight.Evaluate(Velocity3.Zero, q));
        yield return Arg("Fft3DPlan.Create", "normalization", Undefined<FftNormalization>(), k => Fft3DPlan.Create(8, k));
        yield return Arg("ConservativeProjection.Create", "masses", NonPositive, m => ConservativeProjection.Create(Grid, [1.0, m]));
        yield return Arg(
            "ConservativeProjection.Create", "masses.Length × grid.Count", Gen.Choose(3, 8),
            s => ConservativeProjection.Create(new CartesianGrid(1024, 1.0), Enumerable.Repeat(1.0, s).ToArray()));
        yield return ArgSpan("ConservativeProjection.Apply", "collision", WithNonFinite(new double[2 * Grid.Count]), q => ConservativeProjection.Create(Grid, [1.0, 2.0]).Apply(q.ToArray()));
    }
}
