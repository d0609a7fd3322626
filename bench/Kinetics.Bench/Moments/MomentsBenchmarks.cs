using BenchmarkDotNet.Attributes;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Moments;

namespace Kinetics.Bench.Moments;

/// <summary>Species moments and entropy on N³ Cartesian grids: the marginal/TensorPrimitives paths vs pointwise loops.</summary>
[MemoryDiagnoser]
public class MomentsBenchmarks
{
    private DistributionFunction _f = null!;

    [Params(32, 64)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var grid = new CartesianGrid(N, 8.0);
        _f = Maxwellian.OnGrid(grid, new MacroscopicState(1.0, new Velocity3(0.3, -0.1, 0.2), 1.0), 1.0);
    }

    [Benchmark(Baseline = true)]
    public double PointwiseMoments()
    {
        var grid = _f.Grid;
        ReadOnlySpan<double> f = _f.ReadOnlyValues;
        double n = 0, e = 0;
        var flux = Velocity3.Zero;
        for (int p = 0; p < f.Length; p++)
        {
            var v = grid.Point(p);
            n += f[p];
            flux += f[p] * v;
            e += v.LengthSquared * f[p];
        }

        return n + flux.X + e;
    }

    [Benchmark]
    public double SpeciesMomentsOf() => SpeciesMoments.Of(_f, 1.0).Temperature;

    [Benchmark]
    public double PointwiseEntropy()
    {
        double h = 0;
        foreach (double x in _f.ReadOnlyValues)
        {
            h += x > 0 ? x * Math.Log(x) : 0.0;
        }

        return h;
    }

    [Benchmark]
    public double EntropyOf() => Entropy.Of(_f).Value;
}
