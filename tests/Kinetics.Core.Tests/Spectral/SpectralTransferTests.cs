using Kinetics.Grids;
using Kinetics.Spectral;

namespace Kinetics.Tests.Spectral;

public class SpectralTransferTests
{
    private static double Gaussian(Velocity3 v, Velocity3 centre, double variance) =>
        Math.Exp(-(v - centre).LengthSquared / (2 * variance));

    private static double[] Sample(SpeciesGrid grid, Func<Velocity3, double> f)
    {
        var values = new double[grid.Count];
        for (int p = 0; p < values.Length; p++)
        {
            values[p] = f(grid.Point(p));
        }

        return values;
    }

    [Fact]
    public void Interpolation_FromWiderGrid_IsSpectrallyAccurate_AndExactOnItself()
    {
        // Source wide (L = 8, N = 32), target narrow and off-centre (L = 2, N = 20): the trigonometric interpolant.
        var source = new SpeciesGrid(new CartesianGrid(32, 8.0));
        var target = new SpeciesGrid(new CartesianGrid(20, 2.0), new Velocity3(0.3, -0.2, 0.1));
        var centre = new Velocity3(0.2, 0.1, -0.3);
        double[] values = Sample(source, v => Gaussian(v, centre, 1.0));
        var result = new double[target.Count];
        var transfer = SpectralTransfer.Create(source, target);
        transfer.Apply(values, result, new double[transfer.ScratchLength]);
        double worst = 0;
        for (int p = 0; p < result.Length; p++)
        {
            worst = Math.Max(worst, Math.Abs(result[p] - Gaussian(target.Point(p), centre, 1.0)));
        }

        // Observed 1.3e-9 (the Gaussian's spectrum at the band edge π/h = 2π is e^{−2π²} = 2.7e-9; 9e-6 at N = 24).
        Assert.True(worst < 2e-8, $"{worst:E2}");

        var self = SpectralTransfer.Create(source, source);
        var back = new double[source.Count];
        self.Apply(values, back, new double[self.ScratchLength]);
        Assert.True(values.Zip(back).Max(t => Math.Abs(t.First - t.Second)) < 1e-14);
    }

    [Fact]
    public void Projection_FromNarrowerGrid_TransfersMassExactly_AndLowMoments()
    {
        // A Gaussian of variance 1e-4 (1:1e4 narrower than the coarse spacing 0.5) projected onto the coarse band.
        var source = new SpeciesGrid(new CartesianGrid(16, 0.08), new Velocity3(0.05, 0.0, -0.02));
        var target = new SpeciesGrid(new CartesianGrid(32, 8.0));
        double[] values = Sample(source, v => Gaussian(v, source.Centre, 1e-4));
        var result = new double[target.Count];
        var transfer = SpectralTransfer.Create(source, target);
        transfer.Apply(values, result, new double[transfer.ScratchLength], scale: 2.0);
        double massSource = values.Sum() * source.CellVolume, massTarget = result.Sum() * target.CellVolume;
        Assert.True(Math.Abs((massTarget / (2 * massSource)) - 1) < 1e-13, $"{massTarget} vs {2 * massSource}");

        // ∫ e^{−|v|²/2} × projected = the same against the narrow data (the test function is inside the band).
        double Weighted(SpeciesGrid g, double[] f) => Enumerable.Range(0, f.Length).Sum(p => f[p] * Gaussian(g.Point(p), default, 1.0)) * g.CellVolume;
        double expected = 2 * Weighted(source, values), actual = Weighted(target, result);
        // Observed 2.9e-9: the test function's spectrum at the coarse band edge, e^{−2π²} = 2.7e-9.
        Assert.True(Math.Abs((actual / expected) - 1) < 2e-8, $"{actual} vs {expected}");
    }

    [Fact]
    public void Accumulate_AddsScaledTransfer_AndApplyAllocatesNothing()
    {
        var source = new SpeciesGrid(new CartesianGrid(12, 4.0));
        var target = new SpeciesGrid(new CartesianGrid(10, 2.0), new Velocity3(0.5, 0, 0));
        double[] values = Sample(source, v => Gaussian(v, default, 0.8));
        var transfer = SpectralTransfer.Create(source, target);
        var scratch = new double[transfer.ScratchLength];
        var once = new double[target.Count];
        transfer.Apply(values, once, scratch);
        var twice = (double[])once.Clone();
        transfer.Apply(values, twice, scratch, scale: -0.5, accumulate: true);
        Assert.True(once.Zip(twice).All(t => Math.Abs((0.5 * t.First) - t.Second) < 1e-15));
        AllocationCheck.AssertNone(() => transfer.Apply(values, once, scratch), "SpectralTransfer.Apply");
    }

    [Fact]
    public void InvalidArguments_NameTheParameter()
    {
        var source = new SpeciesGrid(new CartesianGrid(8, 1.0));
        var target = new SpeciesGrid(new CartesianGrid(6, 1.0));
        var transfer = SpectralTransfer.Create(source, target);
        Assert.Equal("source", Assert.Throws<ArgumentException>(() => transfer.Apply(new double[5], new double[target.Count], new double[transfer.ScratchLength])).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => transfer.Apply(new double[source.Count], new double[5], new double[transfer.ScratchLength])).ParamName);
        Assert.Equal("scratch", Assert.Throws<ArgumentException>(() => transfer.Apply(new double[source.Count], new double[target.Count], new double[3])).ParamName);
        Assert.Throws<ArgumentNullException>(() => SpectralTransfer.Create(null!, target));
        Assert.Equal("centre", Assert.Throws<ArgumentOutOfRangeException>(() => new SpeciesGrid(new CartesianGrid(8, 1.0), new Velocity3(double.NaN, 0, 0))).ParamName);
    }

    [Fact]
    public void SpeciesGrids_ForMaxwellians_ScalesEachBoxToItsThermalSpeed()
    {
        var mixture = new Kinetics.Mixtures.Mixture(new Kinetics.Mixtures.Species("e", 1.0), new Kinetics.Mixtures.Species("i", 1836.0));
        var grids = SpeciesGrids.ForMaxwellians(mixture, [1.3, 0.7], [new Velocity3(0.1, 0, 0), default], 32);
        Assert.Equal(8 * Math.Sqrt(1.3), grids[0].HalfWidth, 14);
        Assert.Equal(8 * Math.Sqrt(0.7 / 1836), grids[1].HalfWidth, 14);
        Assert.Equal(new Velocity3(0.1, 0, 0), grids[0].Centre);
        Assert.Equal(2 * 32 * 32 * 32, grids.TotalCount);
        Assert.Equal(32 * 32 * 32, grids.Offset(1));
        Assert.False(grids.IsShared);
        Assert.True(SpeciesGrids.Shared(new CartesianGrid(8, 1.0), 3).IsShared);
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => SpeciesGrids.ForMaxwellians(mixture, [1.0, -1.0], default, 16));
        Assert.Equal("temperatures", negative.ParamName);
        Assert.Contains("temperatures[1]", negative.Message, StringComparison.Ordinal);
        Assert.Equal("temperatures", Assert.Throws<ArgumentException>(() => SpeciesGrids.ForMaxwellians(mixture, [1.0], default, 16)).ParamName);
        Assert.Equal("species", Assert.Throws<ArgumentOutOfRangeException>(() => grids.Offset(2)).ParamName);
    }
}
