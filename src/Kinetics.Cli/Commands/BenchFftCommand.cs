using System.CommandLine;
using System.Globalization;
using System.Numerics;
using System.Runtime.Intrinsics;
using Kinetics.Benchmarking;
using Kinetics.Spectral;
using Spectre.Console;

namespace Kinetics.Cli.Commands;

/// <summary>
/// `kinetics bench fft --n N [--reps R] [--json]`: single-thread timings of our 3-D FFT (forward and inverse, complex
/// and real) with an explicit workspace: warm-up (≥ 50 calls and ≥ 0.5 s, so tiered compilation is done), then the
/// median of R timed calls, fresh input copied in (untimed) before each, the four transforms timed round-robin
/// (bench/Shared/FftTiming.cs, shared with the benchmark project); plus bytes allocated per transform.
/// </summary>
internal static class BenchFftCommand
{
    public static Command Create()
    {
        var n = new Option<int>("--n") { Description = "Points per axis N (2^a·3^b·5^c, e.g. 16, 24, 32, 48, 64, 96, 128).", DefaultValueFactory = _ => 32 }.InRange(2, 512);
        var reps = new Option<int>("--reps") { Description = "Timed calls per transform (median reported); 0 chooses by size.", DefaultValueFactory = _ => 0 }.InRange(0, 100_000);
        var json = JsonOutput.CreateOption();
        var command = new Command("fft", "Time the 3-D FFT (complex and real, forward and inverse), single thread, median over repeated calls.") { n, reps, json };
        command.SetAction(parse => Run(parse.GetValue(n), parse.GetValue(reps), new JsonOutput(parse.GetValue(json))));
        return command;
    }

    private static int Run(int n, int reps, JsonOutput output)
    {
        if (!Fft3DPlan.IsSupportedSize(n))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--n must have no prime factor other than 2, 3 and 5 (was {n})."));
        }

        if (reps <= 0)
        {
            reps = Math.Clamp(10_000_000 / (n * n * n), 11, 301);
        }

        var plan = Fft3DPlan.Create(n);
        var workspace = plan.CreateWorkspace();
        var input = FftTiming.RandomInput(plan.Count);

        var real = input.Select(c => c.Real).ToArray();
        var data = new Complex[plan.Count];
        var half = new Complex[plan.HalfSpectrumCount];
        var halfInput = new Complex[plan.HalfSpectrumCount];
        plan.ForwardReal(real, halfInput, workspace);
        var realOut = new double[plan.Count];

        double[] medians = FftTiming.Medians(reps, [
            (() => input.CopyTo(data), () => plan.Forward(data, workspace)),
            (() => input.CopyTo(data), () => plan.Inverse(data, workspace)),
            (() => { }, () => plan.ForwardReal(real, half, workspace)),
            (() => halfInput.CopyTo(half), () => plan.InverseRealOverwritingInput(half, realOut, workspace)),
        ]);
        var (forward, inverse, forwardReal, inverseReal) = (medians[0], medians[1], medians[2], medians[3]);

        long before = GC.GetAllocatedBytesForCurrentThread();
        plan.Forward(data, workspace);
        plan.Inverse(data, workspace);
        plan.ForwardReal(real, half, workspace);
        plan.InverseRealOverwritingInput(half, realOut, workspace);
        long allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / 4;

        string simd = Vector512.IsHardwareAccelerated ? "Vector512" : Vector256.IsHardwareAccelerated ? "Vector256" : Vector128.IsHardwareAccelerated ? "Vector128" : "Scalar";
        output.Human.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"3-D FFT N = {n} ({simd}, one thread, median of {reps}): forward {forward:F4} ms, inverse {inverse:F4} ms, real forward {forwardReal:F4} ms ({forwardReal / forward:F2}x), real inverse {inverseReal:F4} ms; {allocated} bytes allocated per transform"));
        output.WriteResult(new
        {
            n,
            forward_ms = Math.Round(forward, 4),
            inverse_ms = Math.Round(inverse, 4),
            forward_real_ms = Math.Round(forwardReal, 4),
            inverse_real_ms = Math.Round(inverseReal, 4),
            real_to_complex_ratio = Math.Round(forwardReal / forward, 3),
            allocated_bytes = allocated,
            instruction_set = simd,
            reps,
        });
        return 0;
    }
}
