using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Kinetics.Benchmarking;
using Kinetics.Spectral;

namespace Kinetics.Bench.Spectral;

/// <summary>
/// Probe `fft-blocks --n N [--real] [--phases] R,C,P[-] ...`: the complex forward transform (with --real also the real forward and
/// inverse; with --phases the z+y plane passes and the x pass alone; with --split the z and y passes over all planes, each
/// on one L2-resident plane, and the stages alone on one L1-resident block; Vector512) under several block widths (z rows R,
/// y columns C, x planes P; a trailing "-" drops the radix-16 pass, "+" forces the along-row z pass on and "~" off),
/// round-robin with FFTW's transform in one process; prints medians (KINETICS_BENCH_MIN=1: minima). The tuning aid
/// behind docs/fft.md's block-width table and "Along-row z pass".
/// </summary>
internal static class FftBlockProbe
{
    public static int Run(string[] args)
    {
        int n = int.Parse(args[2], CultureInfo.InvariantCulture);
        bool real = args.Contains("--real"), phases = args.Contains("--phases"), split = args.Contains("--split");
        // "old": the single width of every pass before per-pass widths (32 up to N = 64, 16 above); "new": FftBlocking.For.
        var specs = args.Skip(3).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var blockings = specs.Select(a => a.TrimEnd('-', '+', '~')).Select(a =>
        {
            if (a is "old" or "new")
            {
                return a == "old" ? FftBlocking.Uniform(n <= 64 ? 32 : 16) : FftBlocking.For(n);
            }

            int[] w = a.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            return new FftBlocking(w[0], w[1], w[2]);
        }).ToArray();
        int reps = int.TryParse(Environment.GetEnvironmentVariable("PROBE_REPS"), out int r) && r > 0 ? r : Math.Clamp(100_000_000 / (n * n * n * 20), 21, 301);
        var input = FftTiming.RandomInput(n * n * n);
        var realSource = input.Select(c => c.Real).ToArray();
        var realInput = (double[])realSource.Clone();
        var data = new Complex[input.Length];
        var half = new Complex[n * n * ((n / 2) + 1)];
        var names = new List<string>();
        var cases = new List<(Action Prepare, Action Run)>();
        for (int s = 0; s < blockings.Length; s++)
        {
            FftBlocking b = blockings[s];
            // A trailing "-" drops the radix-16 pass (128 = 8·4·4 as before it), "old-" is the engine before issue #18.
            // A "+" forces the along-row z pass on (where the passes allow it), a "~" off (docs/fft.md "Along-row z pass").
            bool? alongRows = specs[s].Contains('+') ? true : specs[s].Contains('~') ? false : null;
            var plan = Fft3DPlan.Create(n, FftNormalization.Backward, FftInstructionSets.Best, b, radix16: !specs[s].Contains('-'), alongRows);
            var ws = plan.CreateWorkspace();
            names.Add($"c{specs[s]}");
            cases.Add((() => input.CopyTo(data), () => plan.Forward(data, ws)));
            if (phases)
            {
                var line = new MixedRadixPlan(n, alongRows: alongRows);
                var scratch = new double[Fft3DPasses.ScratchLength(n, b)];
                names.Add($"planes{b.Rows},{b.Columns}");
                cases.Add((() => input.CopyTo(data), () => Fft3DPasses.ComplexPlanes<Vector512Lanes, Vector512<double>>(line, b, false, 1.0, MemoryMarshal.Cast<Complex, double>(data.AsSpan()), scratch)));
                names.Add($"x{b.Planes}");
                cases.Add((() => input.CopyTo(data), () => Fft3DPasses.ComplexFirstAxis<Vector512Lanes, Vector512<double>>(line, b, false, MemoryMarshal.Cast<Complex, double>(data.AsSpan()), scratch)));
            }

            if (split)
            {
                var line = new MixedRadixPlan(n, alongRows: alongRows);
                var scratch = new double[Fft3DPasses.ScratchLength(n, b)];
                int planeDoubles = 2 * n * n;
                names.Add($"z{b.Rows}");
                cases.Add((() => input.CopyTo(data), () =>
                {
                    Span<double> d = MemoryMarshal.Cast<Complex, double>(data.AsSpan());
                    for (int i = 0; i < n; i++)
                    {
                        Fft3DPasses.ComplexRows<Vector512Lanes, Vector512<double>>(line, b, false, 1.0, d.Slice(i * planeDoubles, planeDoubles), scratch);
                    }
                }));
                names.Add($"y{b.Columns}");
                cases.Add((() => input.CopyTo(data), () =>
                {
                    Span<double> d = MemoryMarshal.Cast<Complex, double>(data.AsSpan());
                    for (int i = 0; i < n; i++)
                    {
                        Fft3DPasses.ComplexColumns<Vector512Lanes, Vector512<double>>(line, b, false, d.Slice(i * planeDoubles, planeDoubles), scratch);
                    }
                }));
                names.Add($"l1stages{b.Columns}");
                cases.Add((() => { }, () =>
                {
                    Span<double> d = MemoryMarshal.Cast<Complex, double>(data.AsSpan())[..(2 * n * b.Columns)];
                    for (int i = 0; i < n * n / b.Columns; i++)
                    {
                        Fft3DPasses.ComplexColumnsProbe<Vector512Lanes, Vector512<double>>(line, b.Columns, d, scratch);
                    }
                }));
                names.Add($"z{b.Rows}hot");
                cases.Add((() => input.CopyTo(data), () =>
                {
                    Span<double> d = MemoryMarshal.Cast<Complex, double>(data.AsSpan())[..planeDoubles];
                    for (int i = 0; i < n; i++)
                    {
                        Fft3DPasses.ComplexRows<Vector512Lanes, Vector512<double>>(line, b, false, 1.0, d, scratch);
                    }
                }));
                names.Add($"y{b.Columns}hot");
                cases.Add((() => input.CopyTo(data), () =>
                {
                    Span<double> d = MemoryMarshal.Cast<Complex, double>(data.AsSpan())[..planeDoubles];
                    for (int i = 0; i < n; i++)
                    {
                        Fft3DPasses.ComplexColumns<Vector512Lanes, Vector512<double>>(line, b, false, d, scratch);
                    }
                }));
            }

            if (real)
            {
                plan.ForwardReal(realSource, half, ws);
                var spectrum = (Complex[])half.Clone();
                names.Add($"r{b.Rows},{b.Columns},{b.Planes}");
                cases.Add((() => realSource.CopyTo(realInput), () => plan.ForwardReal(realInput, half, ws)));
                names.Add($"i{b.Rows},{b.Columns},{b.Planes}");
                cases.Add((() => { }, () => plan.InverseReal(spectrum, realInput, ws)));
            }
        }

        Fftw? library = Fftw.TryLoad();
        using Fftw.Transform? complexPlan = library?.PlanComplex(n);
        using Fftw.Transform? realPlan = real ? library?.PlanReal(n) : null;
        if (complexPlan is not null)
        {
            names.Add("fftw");
            cases.Add((() => input.CopyTo(complexPlan.Data), complexPlan.Execute));
        }

        if (realPlan is not null)
        {
            names.Add("fftw-real");
            cases.Add((() => realSource.CopyTo(realPlan.RealInput), realPlan.Execute));
        }

        double[] m = Environment.GetEnvironmentVariable("PROBE_CPU") == "1" ? CpuTimes(reps, cases) : FftTiming.Medians(reps, cases);
        Console.WriteLine($"N={n} reps {reps}: " + string.Join("; ", names.Select((s, i) => string.Create(CultureInfo.InvariantCulture, $"{s} {m[i]:F4}"))));
        return 0;
    }

    /// <summary>Thread CPU time (CLOCK_THREAD_CPUTIME_ID) per call, round-robin: lower quartile (PROBE_STAT=min: minimum) over the repetitions, so
    /// time slices lost to the other processes of a shared machine do not count (their cache pollution still does).</summary>
    private static double[] CpuTimes(int reps, List<(Action Prepare, Action Run)> cases)
    {
        for (int i = 0; i < 30; i++)
        {
            foreach (var (prepare, run) in cases)
            {
                prepare();
                run();
            }
        }

        var times = cases.Select(_ => new double[reps]).ToArray();
        for (int i = 0; i < reps; i++)
        {
            for (int c = 0; c < cases.Count; c++)
            {
                cases[c].Prepare();
                double start = ThreadCpuMs();
                cases[c].Run();
                times[c][i] = ThreadCpuMs() - start;
            }
        }

        bool min = Environment.GetEnvironmentVariable("PROBE_STAT") == "min";
        return times.Select(t =>
        {
            Array.Sort(t);
            return t[min ? 0 : reps / 4];
        }).ToArray();
    }

    private static double ThreadCpuMs()
    {
        if (ClockGetTime(3, out TimeSpec t) != 0)
        {
            throw new InvalidOperationException("clock_gettime failed");
        }

        return (t.Seconds * 1e3) + (t.Nanoseconds * 1e-6);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
