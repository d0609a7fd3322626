using BenchmarkDotNet.Attributes;

namespace Kinetics.Bench.Spectral;

/// <summary>
/// FFTW 3 (MEASURE plans, one thread) at the sizes of <see cref="Fft3DPlanBenchmarks"/>, as a measuring stick. Needs the
/// system's libfftw3.so.3 (`apt-get install libfftw3-dev`); without it the setup throws and BenchmarkDotNet reports
/// these benchmarks as not run.
/// </summary>
[MemoryDiagnoser]
public class FftwBenchmarks
{
    private Fftw.Transform _complex = null!;
    private Fftw.Transform _real = null!;

    /// <summary>N, points per axis.</summary>
    [Params(32, 64)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        Fftw library = Fftw.TryLoad() ?? throw new InvalidOperationException("libfftw3.so.3 is not installed: FFTW comparison skipped.");
        _complex = library.PlanComplex(N);
        _real = library.PlanReal(N);
        var rng = new Random(1);
        Span<System.Numerics.Complex> data = _complex.Data;
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = new System.Numerics.Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5);
        }

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
