using BenchmarkDotNet.Attributes;
using Kinetics.Kernels;
using Kinetics.Linearized;
using Kinetics.Mixtures;

namespace Kinetics.Bench.Linearized;

/// <summary>Pointwise costs of the linearized-operator building blocks: closed-form ν and the kernels of K (masses 1:4, γ = −1.5).</summary>
[MemoryDiagnoser]
public class LinearizedKernelBenchmarks
{
    private static readonly Velocity3 V = new(0.4, -0.3, 0.5);
    private static readonly Velocity3 W = new(-0.5, 0.1, 0.6);
    private CollisionFrequency _frequency = null!;
    private LinearizedKernel _kernel = null!;

    [GlobalSetup]
    public void Setup()
    {
        var table = CollisionKernelTable.Uniform(new Mixture(new Species("A", 1), new Species("B", 4)), new CollisionKernel(-1.5, AngularFunction.AbsoluteCosine()));
        _frequency = Kinetics.Linearized.CollisionFrequency.Create(table);
        _kernel = LinearizedKernel.Create(table);
    }

    /// <summary>ν^A at 64 speeds spanning both the series and the asymptotic branch.</summary>
    [Benchmark(Baseline = true)]
    public double CollisionFrequency()
    {
        double sum = 0;
        for (int i = 0; i < 64; i++)
        {
            sum += _frequency.Evaluate(0, i * 0.25);
        }

        return sum;
    }

    /// <summary>One typical-kernel value k^{(1)}_{AB}(v, w).</summary>
    [Benchmark]
    public double Typical() => _kernel.Typical(0, 1, V, W);

    /// <summary>One hybrid-kernel value k^{(2)}_{AB}(v, w).</summary>
    [Benchmark]
    public double Hybrid() => _kernel.Hybrid(0, 1, V, W);
}
