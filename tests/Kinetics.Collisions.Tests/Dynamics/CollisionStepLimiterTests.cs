using Kinetics.Conservation;
using Kinetics.Distributions;
using Kinetics.Dynamics;
using Kinetics.Grids;

namespace Kinetics.Tests.Dynamics;

public class CollisionStepLimiterTests
{
    private static readonly CartesianGrid Grid = new(10, 5.0);
    private static readonly double[] Masses = [1.0, 2.0];

    // Σ_α h³ Σ F log F over F > 0, and the conserved moments, by plain loops (not by the limiter's helpers).
    private static double Entropy(ReadOnlySpan<double> f)
    {
        double sum = 0;
        foreach (double v in f)
        {
            sum += v > 0 ? v * Math.Log(v) : 0;
        }

        return sum * Grid.CellVolume;
    }

    private static double[] Moments(ReadOnlySpan<double> f)
    {
        int count = Grid.Count;
        double[] m = new double[2 + 4];
        for (int a = 0; a < 2; a++)
        {
            for (int p = 0; p < count; p++)
            {
                double w = f[(a * count) + p] * Grid.CellVolume;
                var v = Grid.Point(p);
                m[a] += w;
                m[2] += Masses[a] * w * v.X;
                m[3] += Masses[a] * w * v.Y;
                m[4] += Masses[a] * w * v.Z;
                m[5] += 0.5 * Masses[a] * w * v.LengthSquared;
            }
        }

        return m;
    }

    private static double[] Cell(double ta, double tb)
    {
        double[] f = new double[2 * Grid.Count];
        DiscreteMaxwellian.Fill(Grid, new MacroscopicState(0.6, new Velocity3(0.2, 0, 0), ta), Masses[0], f.AsSpan(0, Grid.Count));
        DiscreteMaxwellian.Fill(Grid, new MacroscopicState(0.4, tb), Masses[1], f.AsSpan(Grid.Count, Grid.Count));
        return f;
    }

    [Fact]
    public void Apply_ClipsNegativesAndRestoresEntropy_KeepingEveryCellsMoments()
    {
        // Cell 0: an entropy-stable update (a small step towards the other species' temperature) is left bit for bit.
        // Cell 1: an update that adds moment-free ringing with negative values and raises the entropy is limited.
        double[] before = [.. Cell(1.2, 0.8), .. Cell(1.3, 0.7)];
        double[] after = [.. Cell(1.19, 0.81), .. Cell(1.3, 0.7)];
        int block = 2 * Grid.Count;
        var random = new Random(4);
        for (int p = 0; p < Grid.Count; p++)
        {
            // ±noise on both species of cell 1, larger than the tails: negative values far out.
            after[block + p] += 2e-3 * (random.NextDouble() - 0.5);
            after[block + Grid.Count + p] += 2e-3 * (random.NextDouble() - 0.5);
        }

        // Make the noise moment-free per species so that the cell's conserved moments equal before's.
        var projection = ConservativeProjection.Create(Grid, Masses);
        double[] noise = new double[block];
        for (int p = 0; p < block; p++)
        {
            noise[p] = after[block + p] - before[block + p];
        }

        projection.Apply(noise);
        for (int p = 0; p < block; p++)
        {
            after[block + p] = before[block + p] + noise[p];
        }

        double[] cell0 = after[..block];
        double[] moments1 = Moments(after.AsSpan(block, block));
        Assert.True(Entropy(after.AsSpan(block, block)) > Entropy(before.AsSpan(block, block)) || after.AsSpan(block).ToArray().Min() < 0, "cell 1 must need limiting");

        var limiter = CollisionStepLimiter.Create(Grid, Masses);
        int limited = limiter.Apply(before, after);

        Assert.Equal(1, limited);
        Assert.True(cell0.AsSpan().SequenceEqual(after.AsSpan(0, block)), "an entropy-stable positive cell is left unchanged");
        double hBefore = Entropy(before.AsSpan(block, block)), hAfter = Entropy(after.AsSpan(block, block));
        Assert.True(hAfter <= hBefore + (1e-13 * Math.Abs(hBefore)), $"H {hBefore:R} -> {hAfter:R}");
        double worst = after.AsSpan(block, block).ToArray().Min() / after.AsSpan(block, block).ToArray().Max();
        Assert.True(worst > -1e-3, $"min F/max F {worst}");
        double[] limitedMoments = Moments(after.AsSpan(block, block));
        for (int k = 0; k < moments1.Length; k++)
        {
            // Round-off of the projection and the convex combination of O(1) values: ~1e-16 of the moment scales.
            Assert.True(Math.Abs(limitedMoments[k] - moments1[k]) < 1e-13, $"moment {k}: {moments1[k]:R} -> {limitedMoments[k]:R}");
        }
    }

    [Fact]
    public void BadInput_IsRejectedWithTheParameterName()
    {
        Assert.Equal("negativeTolerance", Assert.Throws<ArgumentOutOfRangeException>(() => CollisionStepLimiter.Create(Grid, Masses, 2.0)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => CollisionStepLimiter.Create(Grid, [1.0, 0.0]));
        var limiter = CollisionStepLimiter.Create(Grid, Masses);
        Assert.Equal("before", Assert.Throws<ArgumentException>(() => limiter.Apply(new double[3], new double[3])).ParamName);
        Assert.Equal("after", Assert.Throws<ArgumentException>(() => limiter.Apply(new double[2 * Grid.Count], new double[Grid.Count])).ParamName);
    }
}
