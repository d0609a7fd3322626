using System.Numerics;
using BenchmarkDotNet.Attributes;
using Kinetics.Spectral;

namespace Kinetics.Bench.Spectral;

/// <summary>
/// Our 3-D FFT, single thread, with an explicit workspace (the zero-allocation path). Forward runs in place on the same
/// buffer call after call, so it uses the unitary (<see cref="FftNormalization.Symmetric"/>) plan: an unscaled transform
/// multiplies the norm by N^{3/2} per call and reaches ±∞/NaN after ~100 calls, which made x86 arithmetic 2–3× slower
/// in a first run (docs/benchmarks.md). The N^{−3/2} factor is applied inside the z-axis transposition, so the
/// work is the same as an unscaled forward transform.
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
    [Params(32, 64, 128)]
    public int N { get; set; }

    /// <summary>Block widths of the axis passes: "new" = <see cref="FftBlocking.For"/> (what <see cref="Fft3DPlan.Create(int, FftNormalization)"/>
    /// uses), "old" = the engine before issue #18 (one width for every pass, 32 up to N = 64 and 16 above; 128 as 8·4·4 without the radix-16 pass), for before/after in one run.</summary>
    [Params("new", "old")]
    public string Widths { get; set; } = "new";

    [GlobalSetup]
    public void Setup()
    {
        FftBlocking blocking = Widths == "old" ? FftBlocking.Uniform(N <= 64 ? 32 : 16) : FftBlocking.For(N);
        _plan = Fft3DPlan.Create(N, FftNormalization.Symmetric, FftInstructionSets.Best, blocking, radix16: Widths != "old");
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
