using FsCheck.Fluent;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Mixtures;
using Kinetics.Moments;
using static Kinetics.Tests.PhysicalGenerators;

namespace Kinetics.Tests.Moments;

public class MixtureMomentsTests
{
    [Fact]
    public void MixtureMoments_OfIndependentMaxwellians_MatchTheClosedForms()
    {
        // Masses over the full range (ratios up to 256), thermal speeds σ = √(T/m) within a factor 2 of each other so that
        // one uniform grid resolves both species (wider spreads need non-uniform grids).
        var species = from m in Mass
                      from sigma in Uniform(0.5, 1.0)
                      from n in Density
                      from direction in Vector(1.0)
                      select (State: new MacroscopicState(n, direction * sigma, m * sigma * sigma), Mass: m);
        var gen = from a in species
                  from b in species
                  select (a, b);
        Check(gen, c =>
        {
            var mixture = new Mixture(new Species("A", c.a.Mass), new Species("B", c.b.Mass));
            // One grid resolving both species (the coarser of the two resolved grids by spacing, the wider by extent).
            var ga = SpeciesMomentsTests.ResolvedGrid(c.a.State, c.a.Mass);
            var gb = SpeciesMomentsTests.ResolvedGrid(c.b.State, c.b.Mass);
            double halfWidth = Math.Max(ga.HalfWidth, gb.HalfWidth);
            double spacing = Math.Min(ga.Spacing, gb.Spacing);
            var grid = new CartesianGrid(2 * (int)Math.Ceiling(halfWidth / spacing), halfWidth);

            var f = Maxwellian.Independent(grid, mixture, [c.a.State, c.b.State]);
            var moments = MixtureMoments.Of(mixture, f);

            // Closed forms from the inputs: ρ = Σ mn, u = Σ mnu/ρ, (3/2) n T = Σ [(3/2) n^α T^α + (m^α n^α/2)|u^α − u|²].
            (MacroscopicState s, double m)[] both = [(c.a.State, c.a.Mass), (c.b.State, c.b.Mass)];
            double n = both.Sum(x => x.s.Density);
            double rho = both.Sum(x => x.m * x.s.Density);
            var momentum = both.Aggregate(Velocity3.Zero, (acc, x) => acc + (x.m * x.s.Density * x.s.BulkVelocity));
            var u = momentum / rho;
            double thermal = both.Sum(x => (1.5 * x.s.Density * x.s.Temperature) + (0.5 * x.m * x.s.Density * (x.s.BulkVelocity - u).LengthSquared));
            double t = thermal / (1.5 * n);
            double energy = both.Sum(x => (1.5 * x.s.Density * x.s.Temperature) + (0.5 * x.m * x.s.Density * x.s.BulkVelocity.LengthSquared));
            // Resolved grids (see SpeciesMomentsTests.ResolvedGrid): only summation round-off remains, ≤ ~1e-12.
            Tolerance.AssertRelative(n, moments.Density, 1e-11, "n");
            Tolerance.AssertRelative(rho, moments.MassDensity, 1e-11, "ρ");
            double speed = both.Max(x => x.s.BulkVelocity.Length + Math.Sqrt(x.s.Temperature / x.m));
            Tolerance.AssertAbsolute(u, moments.BulkVelocity, 1e-10 * speed, "u");
            Tolerance.AssertAbsolute(momentum, moments.Momentum, 1e-10 * rho * speed, "momentum");
            Tolerance.AssertRelative(energy, moments.Energy, 1e-10, "E");
            Tolerance.AssertRelative(t, moments.Temperature, 1e-10, "T");
            Assert.Equal(2, moments.Species.Count);
        }, count: 40);
    }

    [Fact]
    public void MixtureTemperature_MatchesPointwiseDefinition()
    {
        // (3/2) n T = Σ_α h³ Σ_p (m^α/2)|v_p − u|² F^α_p with the mixture u: a direct reference sum.
        var grid = new CartesianGrid(12, 4.0);
        var mixture = new Mixture(new Species("light", 0.5), new Species("heavy", 4.0));
        var random = new Random(7);
        var f = new[] { DistributionFunction.Sample(grid, _ => random.NextDouble()), DistributionFunction.Sample(grid, _ => random.NextDouble()) };
        var moments = MixtureMoments.Of(mixture, f);
        double thermal = 0.0;
        for (int a = 0; a < 2; a++)
        {
            for (int p = 0; p < grid.Count; p++)
            {
                thermal += 0.5 * mixture[a].Mass * (grid.Point(p) - moments.BulkVelocity).LengthSquared * f[a].Values[p];
            }
        }

        // Two summation orders of 3456 positive terms: ≤ ~1e-13 relative.
        Tolerance.AssertRelative(thermal * grid.CellVolume / (1.5 * moments.Density), moments.Temperature, 1e-12, "T");
    }

    [Fact]
    public void MixtureMoments_RejectMismatchedGrids_NamingTheDistribution()
    {
        var mixture = new Mixture(new Species("A", 1.0), new Species("B", 2.0));
        var f = new[] { new DistributionFunction(new CartesianGrid(8, 4.0)), new DistributionFunction(new CartesianGrid(8, 5.0)) };
        var ex = Assert.Throws<ArgumentException>(() => MixtureMoments.Of(mixture, f));
        Assert.Equal("distributions[1]", ex.ParamName);
        Assert.Contains("does not match", ex.Message, StringComparison.Ordinal);

        var radial = new[] { new RadialDistribution(new RadialGrid(8, 4.0)), new RadialDistribution(new RadialGrid(8, 4.0, RadialNodes.CellCentred)) };
        Assert.Equal("distributions[1]", Assert.Throws<ArgumentException>(() => MixtureMoments.Of(mixture, radial)).ParamName);

        var tooFew = new[] { f[0] };
        var countError = Assert.Throws<ArgumentException>(() => MixtureMoments.Of(mixture, tooFew));
        Assert.Equal("distributions", countError.ParamName);
        Assert.Contains("length 2", countError.Message, StringComparison.Ordinal);
    }
}
