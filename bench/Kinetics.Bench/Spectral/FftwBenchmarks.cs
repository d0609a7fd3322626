using BenchmarkDotNet.Attributes;

namespace Kinetics.Bench.Spectral;

/// <summary>
/// FFTW 3 (MEASURE plans, one thread) at the sizes of <see cref="Fft3DPlanBenchmarks"/>, as a measuring stick. Needs the
/// system's libfftw3.so.3 (`apt-get install libfftw3-dev`); without it the setup throws and BenchmarkDotNet reports
/// these benchmarks as not run. The in-place complex transform runs on zeros: FFTW has no scaling option, and unscaled
/// repeated transforms of random data overflow to ±∞/NaN after ~100 calls, which slowed it 3× in a first run;
/// FFTW's codelets do not branch on values, so zeros cost what any finite data cost (compare-fft, which copies fresh
/// random input before every call, agrees).
/// </summary>
[MemoryDiagnoser]
public class FftwBenchmarks
{
    private Fftw.Transform _complex = null!;
    private Fftw.Transform _real = null!;

    /// <summary>N, points per axis.</summary>
    [Params(32, 64, 128)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        Fftw library = Fftw.TryLoad() ?? throw new InvalidOperationException("libfftw3.so.3 is not installed: FFTW comparison skipped.");
        _complex = library.PlanComplex(N);
        _real = library.PlanReal(N);
        _complex.Data.Clear();
        var rng = new Random(1);
        Span<double> real = _real.RealInput;
        for (int i = 0; i < real.Length; i++)
        {
            real[i] = rng.NextDouble() - 0.5;
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _complex?.Dispose();
        _real?.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void FftwForward() => _complex.Execute();

    [Benchmark]
    public void FftwForwardReal() => _real.Execute();
}
