using FsCheck.Fluent;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Moments;
using static Kinetics.Tests.PhysicalGenerators;

namespace Kinetics.Tests.Moments;

public class EntropyTests
{
    // ∫ 𝓜 log 𝓜 dv = n [log(n (m/(2πT))^{3/2}) − 3/2] (the Gaussian's log is quadratic: ∫ β|v−u|² 𝓜 = (3/2) n).
    private static double MaxwellianEntropy(MacroscopicState s, double m) =>
        s.Density * (Math.Log(s.Density * Math.Pow(m / (2 * Math.PI * s.Temperature), 1.5)) - 1.5);

    [Fact]
    public void Entropy_OfMaxwellian_MatchesClosedForm()
    {
        Check(MaxwellianSpecies, c =>
        {
            var grid = SpeciesMomentsTests.ResolvedGrid(c.State, c.Mass);
            var h = Entropy.Of(Maxwellian.OnGrid(grid, c.State, c.Mass));
            double exact = MaxwellianEntropy(c.State, c.Mass);
            // log 𝓜 is a quadratic polynomial times a resolved Gaussian: only summation round-off (~1e-13 of the
            // absolute integrand n(|log peak| + 3/2)) remains.
            double scale = c.State.Density * (Math.Abs(Math.Log(c.State.Density * Math.Pow(c.Mass / (2 * Math.PI * c.State.Temperature), 1.5))) + 1.5);
            Tolerance.AssertAbsolute(exact, h.Value, 1e-11 * scale, "H");
            // Far tails underflow to exactly 0, which counts as non-positive but carries no mass.
            Assert.Equal(0.0, h.NegativePart);
        }, count: 40);
    }

    [Fact]
    public void Entropy_OfRadialMaxwellian_MatchesClosedForm()
    {
        var state = new MacroscopicState(2.5, 0.7);
        double mass = 3.0;
        var grid = new RadialGrid(48, 9.0 * Math.Sqrt(state.Temperature / mass));
        var h = Entropy.Of(Maxwellian.OnGrid(grid, state, mass));
        // Gauss rule for an entire integrand: round-off only.
        Tolerance.AssertRelative(MaxwellianEntropy(state, mass), h.Value, 1e-12, "H");
        Assert.Equal(0, h.NonPositiveCount);
    }

    [Fact]
    public void Entropy_SkipsNonPositiveValues_AndReportsThem()
    {
        // Lengths straddle the 512-value chunk: 4³ = 64, 8³ = 512, 9³ = 729, 11³ = 1331.
        var gen = from n in Gen.Elements(4, 8, 9, 11)
                  from seed in Gen.Choose(0, int.MaxValue)
                  from negativeFraction in Uniform(0.0, 0.5)
                  select (n, seed, negativeFraction);
        Check(gen, c =>
        {
            var grid = new CartesianGrid(c.n, 3.0);
            var random = new Random(c.seed);
            var f = DistributionFunction.Sample(grid, _ => random.NextDouble() < c.negativeFraction ? (random.NextDouble() < 0.2 ? 0.0 : -random.NextDouble()) : 2 * random.NextDouble());
            double sum = 0.0, negative = 0.0;
            long count = 0;
            foreach (double x in f.ReadOnlyValues)
            {
                if (x > 0)
                {
                    sum += x * Math.Log(x);
                }
                else
                {
                    count++;
                    negative += x;
                }
            }

            var h = Entropy.Of(f);
            // Vectorised log (a few ulps) and a different summation order against a scalar reference: ≤ 1e-13 of Σ|F log F|.
            double scale = f.ReadOnlyValues.ToArray().Sum(x => Math.Abs(Entropy.Density(x))) * grid.CellVolume + 1e-300;
            Tolerance.AssertAbsolute(sum * grid.CellVolume, h.Value, 1e-13 * scale, "H");
            Assert.Equal(count, h.NonPositiveCount);
            Tolerance.AssertAbsolute(negative * grid.CellVolume, h.NegativePart, 1e-13 * (Math.Abs(negative) * grid.CellVolume + 1e-300), "∫ min(F, 0)");
        });
    }

    [Fact]
    public void Entropy_OfMixture_IsSumOverSpecies_AndRejectsMismatchedGrids()
    {
        var grid = new CartesianGrid(10, 6.0);
        var a = Maxwellian.OnGrid(grid, new MacroscopicState(1.0, 1.0), 1.0);
        var b = Maxwellian.OnGrid(grid, new MacroscopicState(0.5, 2.0), 4.0);
        var total = Entropy.Of([a, b]);
        Assert.Equal(Entropy.Of(a).Value + Entropy.Of(b).Value, total.Value, 14);
        var other = Maxwellian.OnGrid(new CartesianGrid(12, 6.0), MacroscopicState.Unit, 1.0);
        Assert.Equal("distributions[1]", Assert.Throws<ArgumentException>(() => Entropy.Of([a, other])).ParamName);
        Assert.Equal("distributions", Assert.Throws<ArgumentException>(() => Entropy.Of(Array.Empty<DistributionFunction>())).ParamName);
    }

    [Fact]
    public void EntropyDensity_FollowsTheDocumentedRule()
    {
        Assert.Equal(0.0, Entropy.Density(0.0));
        Assert.Equal(0.0, Entropy.Density(-3.0));
        Assert.Equal(0.0, Entropy.Density(1.0));
        Assert.Equal(2.0 * Math.Log(2.0), Entropy.Density(2.0));
    }
}
