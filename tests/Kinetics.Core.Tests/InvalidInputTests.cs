using FsCheck.Fluent;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Mixtures;
using Kinetics.Quadrature;
using static Kinetics.Tests.PhysicalGenerators;

namespace Kinetics.Tests;

/// <summary>Bad input is rejected with an exception whose ParamName and message name the parameter.</summary>
public class InvalidInputTests
{
    [Fact]
    public void Species_RejectsNonPositiveOrNonFiniteMass()
    {
        Check(NonPositiveOrNonFinite, mass => AssertNames("mass", () => new Species("A", mass)));
    }

    [Fact]
    public void MacroscopicState_RejectsNonPositiveTemperature_AndNegativeOrNonFiniteDensity()
    {
        Check(NonPositiveOrNonFinite, t => AssertNames("temperature", () => new MacroscopicState(1.0, t)));
        Check(Gen.OneOf(Uniform(-1e3, -1e-300), NonFinite), n => AssertNames("density", () => new MacroscopicState(n, 1.0)));
        Check(NonFinite, x => AssertNames("bulkVelocity", () => new MacroscopicState(1.0, new Velocity3(0, x, 0), 1.0)));
    }

    [Fact]
    public void Maxwellian_RejectsInvalidMass_AndUnvalidatedStates()
    {
        var grid = new CartesianGrid(4, 1.0);
        Check(NonPositiveOrNonFinite, m => AssertNames("mass", () => Maxwellian.OnGrid(grid, MacroscopicState.Unit, m)));
        AssertNames("state.Temperature", () => Maxwellian.Evaluate(default, 1.0, Velocity3.Zero));
        AssertNames("destination", () => Maxwellian.Fill(grid, MacroscopicState.Unit, 1.0, new double[10]));
        AssertNames("state", () => Maxwellian.OnGrid(new RadialGrid(4, 1.0), new MacroscopicState(1.0, new Velocity3(0.1, 0, 0), 1.0), 1.0));
    }

    [Fact]
    public void Grids_RejectTooFewPoints_AndInvalidExtent()
    {
        Check(Gen.Choose(-100, CartesianGrid.MinPointsPerAxis - 1), n => AssertNames("pointsPerAxis", () => new CartesianGrid(n, 1.0)));
        Check(NonPositiveOrNonFinite, l => AssertNames("halfWidth", () => new CartesianGrid(8, l)));
        Check(Gen.Choose(-100, RadialGrid.MinCount - 1), n => AssertNames("count", () => new RadialGrid(n, 1.0)));
        Check(NonPositiveOrNonFinite, r => AssertNames("radius", () => new RadialGrid(8, r)));
        AssertNames("nodes", () => new RadialGrid(8, 1.0, (RadialNodes)5));
    }

    [Fact]
    public void Quadratures_RejectInvalidParameters()
    {
        Check(Gen.Choose(-100, 0), n => AssertNames("count", () => GaussLegendreRule.Create(n)));
        AssertNames("count", () => GaussLegendreRule.Create(GaussLegendreRule.MaxCount + 1));
        AssertNames("upperBound", () => GaussLegendreRule.Create(4, 1.0, 1.0));
        AssertNames("lowerBound", () => GaussLegendreRule.Create(4, double.NaN, 1.0));
        Check(Gen.OneOf(Uniform(-100, -1), NonFinite), a => AssertNames("alpha", () => GaussJacobiRule.Create(4, a, 0.0)));
        Check(Gen.OneOf(Uniform(-100, -1), NonFinite), b => AssertNames("beta", () => GaussJacobiRule.Create(4, 0.0, b)));
        Check(Gen.OneOf(Uniform(-100, -1), NonFinite), s => AssertNames("exponent", () => RadialPowerRule.Create(4, 1.0, s)));
        Check(NonPositiveOrNonFinite, r => AssertNames("radius", () => RadialPowerRule.Create(4, r, 2.0)));
        Check(Gen.Choose(-100, -1), d => AssertNames("degree", () => SphereRule.Product(d)));
        AssertNames("values", () => SphereRule.Octahedron.Integrate(new double[5]));
    }

    [Fact]
    public void Distributions_RejectWrongLengthOrNonFiniteValues()
    {
        var grid = new CartesianGrid(4, 1.0);
        AssertNames("values", () => new DistributionFunction(grid, new double[63]));
        Check(NonFinite, x =>
        {
            var values = new double[64];
            values[17] = x;
            var ex = AssertNames("values", () => new DistributionFunction(grid, values));
            Assert.Contains("entry 17", ex.Message, StringComparison.Ordinal);
        });
        AssertNames("function", () => RadialDistribution.Sample(new RadialGrid(4, 1.0), _ => double.NaN));
    }

    private static ArgumentException AssertNames(string parameter, Action action)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(action);
        Assert.Equal(parameter, ex.ParamName);
        Assert.Contains(parameter, ex.Message, StringComparison.Ordinal);
        return ex;
    }

    private static ArgumentException AssertNames(string parameter, Func<object> action) => AssertNames(parameter, () => { _ = action(); });
}
