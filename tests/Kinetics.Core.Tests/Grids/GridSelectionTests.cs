using Kinetics.Grids;

namespace Kinetics.Tests.Grids;

public class GridSelectionTests
{
    private static readonly double[] Masses = [1.0, 8.0 / 7.0];
    private static readonly double[] Temperatures = [1.5, 0.5];
    private static readonly Velocity3[] Drifts = [Velocity3.Zero, Velocity3.Zero];

    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    [InlineData(64)]
    public void ForPoints_BalancesBoxAndResolution(int n)
    {
        var choice = GridSelection.ForPoints(n, Masses, Temperatures, Drifts);
        Assert.Equal(n, choice.PointsPerAxis);

        // The indicators from their definitions: exp(−(L/c_max)²/2) and exp(−π²c_min²/(2h²)).
        double cMax = Math.Sqrt(1.5), cMin = Math.Sqrt(0.5 * 7 / 8), h = 2 * choice.HalfWidth / n;
        double box = Math.Exp(-Math.Pow(choice.HalfWidth / cMax, 2) / 2), resolution = Math.Exp(-Math.PI * Math.PI * cMin * cMin / (2 * h * h));
        Tolerance.AssertRelative(box, choice.BoxIndicator, 1e-12, "box");
        Tolerance.AssertRelative(resolution, choice.ResolutionIndicator, 1e-12, "resolution");
        Tolerance.AssertRelative(box, resolution, 1e-9, "balance");
        Assert.True(choice.RelativeSpeedCutoff <= choice.HalfWidth * 4 / (3 + Math.Sqrt(2)) * (1 + 1e-15));
    }

    [Fact]
    public void ForAccuracy_MeetsTheTargetWithTheSmallestSize()
    {
        var choice = GridSelection.ForAccuracy(1e-8, Masses, Temperatures, Drifts);
        Assert.True(choice.BoxIndicator <= 1e-8 * (1 + 1e-12));
        Assert.True(choice.ResolutionIndicator <= 1e-8);
        double smaller = 2 * choice.HalfWidth / (choice.PointsPerAxis - 2);
        Assert.True(Math.Exp(-Math.PI * Math.PI * 0.5 * 7 / 8 / (2 * smaller * smaller)) > 1e-8 || !Kinetics.Spectral.Fft3DPlan.IsSupportedSize(choice.PointsPerAxis - 2));
    }

    [Fact]
    public void BadInput_IsRejectedWithTheParameterName()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GridSelection.ForPoints(14, Masses, Temperatures, Drifts));
        Assert.Throws<ArgumentOutOfRangeException>(() => GridSelection.ForPoints(16, [1.0, -1.0], Temperatures, Drifts));
        Assert.Throws<ArgumentException>(() => GridSelection.ForPoints(16, Masses, [1.0], Drifts));
        Assert.Throws<ArgumentOutOfRangeException>(() => GridSelection.ForAccuracy(0.0, Masses, Temperatures, Drifts));
        Assert.Throws<ArgumentException>(() => GridSelection.ForAccuracy(1e-12, [1.0, 1e6], [1.0, 1.0], Drifts, maxPointsPerAxis: 64));
    }
}
