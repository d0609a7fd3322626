using System.Numerics;
using System.Runtime.InteropServices;

namespace Kinetics.Bench.Spectral;

/// <summary>
/// FFTW 3 through P/Invoke to the system's libfftw3.so.3, loaded at run time when present. Benchmarks only: FFTW is
/// GPL, a measuring stick that is never shipped, referenced by a package or required (absent → <see cref="TryLoad"/> is null).
/// </summary>
internal sealed unsafe class Fftw
{
    private const int Forward = -1;
    private const uint Measure = 0;

    private readonly delegate* unmanaged<int, int, int, Complex*, Complex*, int, uint, nint> _planDft3D;
    private readonly delegate* unmanaged<int, int, int, double*, Complex*, uint, nint> _planDftR2C3D;
    private readonly delegate* unmanaged<nint, void> _execute;
    private readonly delegate* unmanaged<nint, void> _destroyPlan;
    private readonly delegate* unmanaged<nuint, void*> _malloc;
    private readonly delegate* unmanaged<void*, void> _free;

    private Fftw(nint library)
    {
        _planDft3D = (delegate* unmanaged<int, int, int, Complex*, Complex*, int, uint, nint>)NativeLibrary.GetExport(library, "fftw_plan_dft_3d");
        _planDftR2C3D = (delegate* unmanaged<int, int, int, double*, Complex*, uint, nint>)NativeLibrary.GetExport(library, "fftw_plan_dft_r2c_3d");
        _execute = (delegate* unmanaged<nint, void>)NativeLibrary.GetExport(library, "fftw_execute");
        _destroyPlan = (delegate* unmanaged<nint, void>)NativeLibrary.GetExport(library, "fftw_destroy_plan");
        _malloc = (delegate* unmanaged<nuint, void*>)NativeLibrary.GetExport(library, "fftw_malloc");
        _free = (delegate* unmanaged<void*, void>)NativeLibrary.GetExport(library, "fftw_free");
    }

    /// <summary>The library, or null when libfftw3.so.3 is not installed (or KINETICS_BENCH_NO_FFTW=1 pretends so).</summary>
    public static Fftw? TryLoad() =>
        Environment.GetEnvironmentVariable("KINETICS_BENCH_NO_FFTW") == "1" ? null :
        NativeLibrary.TryLoad("libfftw3.so.3", out nint library) || NativeLibrary.TryLoad("libfftw3.so", out library) ? new Fftw(library) : null;

    /// <summary>An in-place complex forward N³ plan (FFTW_MEASURE, one thread) on FFTW-aligned memory.</summary>
    public Transform PlanComplex(int n)
    {
        var data = (Complex*)_malloc((nuint)(sizeof(Complex) * n * n * n));
        nint plan = _planDft3D(n, n, n, data, data, Forward, Measure);
        return new Transform(this, plan, data, n * n * n, null, 0);
    }

    /// <summary>An out-of-place real-to-complex forward N³ plan (FFTW_MEASURE, one thread).</summary>
    public Transform PlanReal(int n)
    {
        var input = (double*)_malloc((nuint)(sizeof(double) * n * n * n));
        var output = (Complex*)_malloc((nuint)(sizeof(Complex) * n * n * ((n / 2) + 1)));
        nint plan = _planDftR2C3D(n, n, n, input, output, Measure);
        return new Transform(this, plan, output, n * n * ((n / 2) + 1), input, n * n * n);
    }

    /// <summary>One FFTW plan with its buffers.</summary>
    internal sealed class Transform : IDisposable
    {
        private readonly Fftw _owner;
        private readonly nint _plan;
        private readonly Complex* _data;
        private readonly double* _real;
        private readonly int _count;
        private readonly int _realCount;

        public Transform(Fftw owner, nint plan, Complex* data, int count, double* real, int realCount)
        {
            _owner = owner;
            _plan = plan;
            _data = data;
            _count = count;
            _real = real;
            _realCount = realCount;
        }

        /// <summary>The complex array the plan transforms (in place for complex plans, the output of real plans).</summary>
        public Span<Complex> Data => new(_data, _count);

        /// <summary>The real input of a real-to-complex plan (empty for complex plans).</summary>
        public Span<double> RealInput => new(_real, _realCount);

        public void Execute() => _owner._execute(_plan);

        public void Dispose()
        {
            _owner._destroyPlan(_plan);
            _owner._free(_data);
            if (_real is not null)
            {
                _owner._free(_real);
            }
        }
    }
}
