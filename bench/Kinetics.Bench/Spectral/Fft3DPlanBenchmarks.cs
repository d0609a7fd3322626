using System.Numerics;
using BenchmarkDotNet.Attributes;
using Kinetics.Spectral;

namespace Kinetics.Bench.Spectral;

/// <summary>
/// Our 3-D FFT, single thread, with an explicit workspace (the zero-allocation path). Forward runs in place on the same
/// buffer call after call: the engine is data-oblivious (no branch on values), and `compare-fft`, which copies fresh
/// input before every call, gives the same medians (docs/benchmarks.md).
/// </summary>
[MemoryDiagnoser]
public class Fft3DPlanBenchmarks
{
    private Fft3DPlan _plan = null!;
    private Fft3DWorkspace _workspace = null!;
    private Complex[] _data = null!;
    private double[] _real = null!;
    private Complex[] _half = null!;

    /// <summary>N, points per axis.</summary>
    [Params(32, 64)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _plan = Fft3DPlan.Create(N);
        _workspace = _plan.CreateWorkspace();
        var rng = new Random(1);
        _data = new Complex[_plan.Count];
        _real = new double[_plan.Count];
        for (int i = 0; i < _plan.Count; i++)
        {
            _data[i] = new Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5);
            _real[i] = _data[i].Real;
        }

        _half = new Complex[_plan.HalfSpectrumCount];
        _plan.ForwardReal(_real, _half, _workspace);
    }

    [Benchmark(Baseline = true)]
    public void Forward() => _plan.Forward(_data, _workspace);

    [Benchmark]
    public void ForwardReal() => _plan.ForwardReal(_real, _half, _workspace);

    [Benchmark]
    public void InverseReal() => _plan.InverseReal(_half, _real, _workspace);
}
