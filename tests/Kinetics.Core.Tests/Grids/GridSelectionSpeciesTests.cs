using Kinetics.Grids;

namespace Kinetics.Tests.Grids;

public class GridSelectionSpeciesTests
{
    [Theory]
    [InlineData(16, 1.0)]
    [InlineData(32, 100.0)]
    [InlineData(48, 1836.0)]
    public void ForSpecies_CentresEachBoxOnItsDriftsAndBalancesItsOwnIndicators(int n, double heavy)
    {
        // Species 0 at two states (initial and equilibrium, different drifts and T), species 1 at one.
        int[] species = [0, 1, 0];
        double[] masses = [1.0, heavy];
        double[] temperatures = [1.5, 0.7, 1.1];
        Velocity3[] drifts = [new(0.3, 0, 0), new(-0.2, 0.1, 0), new(0.1, 0, 0)];
        var choices = GridSelection.ForSpecies(n, species, masses, temperatures, drifts);
        Assert.Equal(2, choices.Length);

        // Species 0: centre (0.2, 0, 0) (midpoint of 0.3 and 0.1), drift 0.1 from it; box set by T = 1.5, spacing by T = 1.1.
        Assert.Equal(0.2, choices[0].Centre.X, 15);
        Assert.Equal(new Velocity3(-0.2, 0.1, 0), choices[1].Centre);
        double l0 = choices[0].Choice.HalfWidth, h0 = 2 * l0 / n, cWide = Math.Sqrt(1.5), cNarrow = Math.Sqrt(1.1);
        double box = Math.Exp(-Math.Pow(l0 - 0.1, 2) / (2 * cWide * cWide)), resolution = Math.Exp(-Math.PI * Math.PI * cNarrow * cNarrow / (2 * h0 * h0));
        Tolerance.AssertRelative(box, resolution, 1e-9, "species 0 balance");

        // Species 1 alone at rest about its centre: L/c is the same for every mass (the box scales with √(T/m)).
        double c1 = Math.Sqrt(0.7 / heavy), l1 = choices[1].Choice.HalfWidth, h1 = 2 * l1 / n;
        Tolerance.AssertRelative(Math.Exp(-l1 * l1 / (2 * c1 * c1)), Math.Exp(-Math.PI * Math.PI * c1 * c1 / (2 * h1 * h1)), 1e-9, "species 1 balance");
        Tolerance.AssertRelative(Math.Sqrt(Math.PI * n / 2), l1 / c1, 1e-9, "L/c = (πN/2)^(1/2)");

        var grids = GridSelection.ForSpeciesGrids(n, species, masses, temperatures, drifts);
        Assert.Equal(choices[1].ToGrid(), grids[1]);
        Assert.Equal(n, grids[0].PointsPerAxis);
    }

    [Theory]
    [InlineData(9.0, 1.0, 1.0, false)] // spread exactly 3
    [InlineData(10.0, 1.0, 1.0, true)] // 3.16
    [InlineData(4.5, 1.0, 1.0, false)] // 2.12
    [InlineData(8.0 / 7.0, 1.5, 0.5, false)] // the relax default N2/O2 with its equilibrium T = 1.288: 1.16
    [InlineData(2.0, 1.2, 0.8, false)] // relax --operator landau --masses 1,2 (equilibrium T = 1): 1.55
    [InlineData(1836.0, 1.0, 1.0, true)]
    public void PrefersPerSpeciesGrids_AboveASpreadOfThree(double heavy, double tLight, double tHeavy, bool expected)
    {
        // Species 0 light, species 1 heavy; entries 2, 3: the equilibrium of equal densities at the mean temperature.
        double equilibrium = 0.5 * (tLight + tHeavy);
        int[] species = [0, 1, 0, 1];
        double[] masses = [1.0, heavy];
        double[] temperatures = [tLight, tHeavy, equilibrium, equilibrium];
        double widestLight = Math.Sqrt(Math.Max(tLight, equilibrium)), widestHeavy = Math.Sqrt(Math.Max(tHeavy, equilibrium) / heavy);
        Tolerance.AssertRelative(Math.Max(widestLight, widestHeavy) / Math.Min(widestLight, widestHeavy), GridSelection.ThermalSpeedSpread(species, masses, temperatures), 1e-15, "spread");
        Assert.Equal(expected, GridSelection.PrefersPerSpeciesGrids(species, masses, temperatures));
    }

    [Fact]
    public void ForSpecies_BadInput_NamesTheParameter()
    {
        Velocity3[] rest = [Velocity3.Zero, Velocity3.Zero];
        Assert.Equal("species", Assert.ThrowsAny<ArgumentException>(() => GridSelection.ForSpecies(16, [0, 0], [1.0, 2.0], [1.0, 1.0], rest)).ParamName);
        Assert.Equal("species", Assert.ThrowsAny<ArgumentException>(() => GridSelection.ForSpecies(16, [0, 2], [1.0, 2.0], [1.0, 1.0], rest)).ParamName);
        Assert.Equal("masses", Assert.ThrowsAny<ArgumentException>(() => GridSelection.ForSpecies(16, [0, 1], [1.0, -2.0], [1.0, 1.0], rest)).ParamName);
        Assert.Equal("temperatures", Assert.ThrowsAny<ArgumentException>(() => GridSelection.ForSpecies(16, [0, 1], [1.0, 2.0], [1.0, double.NaN], rest)).ParamName);
        Assert.Equal("drifts", Assert.ThrowsAny<ArgumentException>(() => GridSelection.ForSpecies(16, [0, 1], [1.0, 2.0], [1.0, 1.0], [Velocity3.Zero])).ParamName);
        Assert.Equal("pointsPerAxis", Assert.ThrowsAny<ArgumentException>(() => GridSelection.ForSpecies(14, [0, 1], [1.0, 2.0], [1.0, 1.0], rest)).ParamName);
    }
}
