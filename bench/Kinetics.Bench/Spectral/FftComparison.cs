using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Kinetics.Benchmarking;
using Kinetics.Spectral;

namespace Kinetics.Bench.Spectral;

/// <summary>
/// Quick mode `compare-fft --n N [--json] [--reps R]`: times our forward complex and real 3-D transforms and FFTW's
/// (MEASURE plan, one thread, when libfftw3.so.3 is installed) in the same process: fresh input copied in before every
/// timed call (untimed), warm-up first, median over R calls. Prints one JSON object with --json.
/// </summary>
internal static class FftComparison
{
    public static int Run(string[] args)
    {
        int n = 32, reps = 0;
        bool json = false;
        for (int i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--n":
                    n = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--reps":
                    reps = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--json":
                    json = true;
                    break;
                default:
                    Console.Error.WriteLine($"compare-fft: unknown argument '{args[i]}' (expected --n N, --reps R, --json).");
                    return 2;
            }
        }

        if (!Fft3DPlan.IsSupportedSize(n) || n < 2)
        {
            Console.Error.WriteLine($"compare-fft: --n must be 2^a·3^b·5^c >= 2 (was {n}).");
            return 2;
        }

        if (reps <= 0)
        {
            reps = Math.Clamp(200_000_000 / (n * n * n * 20), 21, 501); // ≈ a few seconds in all
        }

        var plan = Fft3DPlan.Create(n);
        var workspace = plan.CreateWorkspace();
        var input = FftTiming.RandomInput(plan.Count);

        var realSource = input.Select(c => c.Real).ToArray();
        var realInput = (double[])realSource.Clone();
        var data = new Complex[plan.Count];
        var half = new Complex[plan.HalfSpectrumCount];

        // Allocation per transform, after a warm-up call of each kind: both overloads, complex and real.
        plan.Forward(data, workspace);
        plan.ForwardReal(realInput, half, workspace);
        plan.Forward(data);
        plan.ForwardReal(realInput, half);
        const int calls = 20;
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < calls / 4; i++)
        {
            plan.Forward(data, workspace);
            plan.ForwardReal(realInput, half, workspace);
            plan.Forward(data);
            plan.ForwardReal(realInput, half);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        var cases = new List<(Action Prepare, Action Run)>
        {
            (() => input.CopyTo(data), () => plan.Forward(data, workspace)),
            (() => realSource.CopyTo(realInput), () => plan.ForwardReal(realInput, half, workspace)),
            (() => input.CopyTo(data), () => plan.Forward(data)),
        };
        Fftw? library = Fftw.TryLoad();
        using Fftw.Transform? complexPlan = library?.PlanComplex(n);
        using Fftw.Transform? realPlan = library?.PlanReal(n);
        if (complexPlan is not null && realPlan is not null)
        {
            cases.Add((() => input.CopyTo(complexPlan.Data), complexPlan.Execute));
            cases.Add((() => realSource.CopyTo(realPlan.RealInput), realPlan.Execute));
        }

        double[] medians = FftTiming.Medians(reps, cases);
        double ours = medians[0], oursReal = medians[1], oursPooled = medians[2];
        double? fftw = library is null ? null : medians[3], fftwReal = library is null ? null : medians[4];

        var result = new
        {
            n,
            ours_ms = Round(ours),
            fftw_ms = fftw is null ? (double?)null : Round(fftw.Value),
            ratio = fftw is null ? (double?)null : Round(ours / fftw.Value),
            real_ms = Round(oursReal),
            allocated_bytes = allocated / calls,
        };
        string fftwText = fftw is null
            ? "FFTW not installed (libfftw3.so.3)"
            : string.Create(CultureInfo.InvariantCulture, $"FFTW MEASURE {fftw:F4} ms, real {fftwReal:F4} ms; ratio {ours / fftw:F2}");
        string text = string.Create(
            CultureInfo.InvariantCulture,
            $"N = {n}: ours {ours:F4} ms (pooled scratch {oursPooled:F4} ms), real {oursReal:F4} ms ({oursReal / ours:F2}x complex); {fftwText}; {FftInstructionSets.Best}; {reps} reps; {allocated / calls} bytes/transform");
        if (json)
        {
            Console.Error.WriteLine(text);
            Console.WriteLine(JsonSerializer.Serialize(result));
        }
        else
        {
            Console.WriteLine(text);
        }

        return 0;
    }

    private static double Round(double ms) => Math.Round(ms, 4);
}
