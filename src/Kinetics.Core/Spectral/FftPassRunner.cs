using System.Runtime.Intrinsics;

namespace Kinetics.Spectral;

/// <summary>
/// The passes of one <see cref="Fft3DPlan"/> on one register width: the single place where the plan's
/// <see cref="FftInstructionSet"/> becomes the lane type of the generic passes of <see cref="Fft3DPasses"/>. A plan
/// creates its runner once (<see cref="For"/>); every entry point then makes one virtual call per transform or plane.
/// </summary>
internal abstract class FftPassRunner
{
    /// <summary>The runner for <paramref name="set"/> with the plan's line plans, real-transform twiddles and block width.</summary>
    public static FftPassRunner For(
        FftInstructionSet set, MixedRadixPlan line, MixedRadixPlan? half, double[] realTwiddles, double[] realInverseTwiddles, FftBlocking block) => set switch
        {
            FftInstructionSet.Vector512 => new FftPassRunner<Vector512Lanes, Vector512<double>>(line, half, realTwiddles, realInverseTwiddles, block),
            FftInstructionSet.Vector256 => new FftPassRunner<Vector256Lanes, Vector256<double>>(line, half, realTwiddles, realInverseTwiddles, block),
            FftInstructionSet.Vector128 => new FftPassRunner<Vector128Lanes, Vector128<double>>(line, half, realTwiddles, realInverseTwiddles, block),
            _ => new FftPassRunner<ScalarLanes, ScalarComplex>(line, half, realTwiddles, realInverseTwiddles, block),
        };

    /// <summary>In-place complex 3-D transform.</summary>
    public abstract void Complex(bool inverse, double scale, Span<double> data, Span<double> scratch);

    /// <summary>Forward real transform into the half spectrum.</summary>
    public abstract void ForwardReal(double scale, ReadOnlySpan<double> input, Span<double> output, Span<double> scratch);

    /// <summary>The z and y passes of one x-plane of a forward real transform.</summary>
    public abstract void ForwardRealPlane(double scale, ReadOnlySpan<double> input, Span<double> plane, Span<double> scratch);

    /// <summary>The x pass that finishes a forward real transform.</summary>
    public abstract void ForwardRealLastPass(Span<double> output, Span<double> scratch);

    /// <summary>The z and y passes of one x-plane of the forward transform of a product of two shifted copies (even N).</summary>
    public abstract void ForwardRealProductPlane(
        double inverseScale, double forwardScale, ReadOnlySpan<double> first, ReadOnlySpan<double> firstZ, ReadOnlySpan<double> second,
        ReadOnlySpan<double> secondZ, Span<double> plane, Span<double> held, Span<double> scratch);

    /// <summary>Inverse real transform of a half spectrum (overwritten).</summary>
    public abstract void InverseReal(double scale, Span<double> spectrum, Span<double> output, Span<double> scratch);

    /// <summary>Inverse real transform of a separably modulated half spectrum, stored or multiply-added.</summary>
    public abstract void InverseRealModulated(
        bool multiplyAdd, double scale, ReadOnlySpan<double> spectrum, ReadOnlySpan<double> factors, Span<double> work,
        ReadOnlySpan<double> multiplier, Span<double> output, Span<double> scratch);

    /// <summary>The x pass of a modulated inverse.</summary>
    public abstract void InverseRealFirstPass(ReadOnlySpan<double> spectrum, ReadOnlySpan<double> xTable, Span<double> partial, Span<double> scratch);

    /// <summary>The y pass of one x-plane of a modulated inverse.</summary>
    public abstract void InverseRealColumns(ReadOnlySpan<double> source, Span<double> plane, ref double yTable, Span<double> scratch);

    /// <summary>The z pass that finishes one x-plane, stored or multiply-added.</summary>
    public abstract void InverseRealRows(
        bool multiplyAdd, double scale, ReadOnlySpan<double> plane, ReadOnlySpan<double> zTable, ReadOnlySpan<double> multiplier,
        Span<double> output, Span<double> scratch);
}

/// <summary><see cref="FftPassRunner"/> on the lanes <typeparamref name="TOps"/>.</summary>
internal sealed class FftPassRunner<TOps, TVec>(
    MixedRadixPlan line, MixedRadixPlan? half, double[] realTwiddles, double[] realInverseTwiddles, FftBlocking block) : FftPassRunner
    where TOps : IComplexLanes<TVec>
    where TVec : struct
{
    public override void Complex(bool inverse, double scale, Span<double> data, Span<double> scratch) =>
        Fft3DPasses.Complex<TOps, TVec>(line, block, inverse, scale, data, scratch);

    public override void ForwardReal(double scale, ReadOnlySpan<double> input, Span<double> output, Span<double> scratch) =>
        Fft3DPasses.ForwardReal<TOps, TVec>(line, half, realTwiddles, block, scale, input, output, scratch);

    public override void ForwardRealPlane(double scale, ReadOnlySpan<double> input, Span<double> plane, Span<double> scratch) =>
        Fft3DPasses.ForwardRealPlane<TOps, TVec>(line, half, realTwiddles, block, scale, input, plane, scratch);

    public override void ForwardRealLastPass(Span<double> output, Span<double> scratch) =>
        Fft3DPasses.ForwardRealLastPass<TOps, TVec>(line, block, output, scratch);

    public override void ForwardRealProductPlane(
        double inverseScale, double forwardScale, ReadOnlySpan<double> first, ReadOnlySpan<double> firstZ, ReadOnlySpan<double> second,
        ReadOnlySpan<double> secondZ, Span<double> plane, Span<double> held, Span<double> scratch) =>
        Fft3DPasses.ForwardRealProductPlane<TOps, TVec>(
            line, half ?? throw new InvalidOperationException("products in the z pass need an even N (internal error)."), realTwiddles, realInverseTwiddles,
            block, inverseScale, forwardScale, first, firstZ, second, secondZ, plane, held, scratch);

    public override void InverseReal(double scale, Span<double> spectrum, Span<double> output, Span<double> scratch) =>
        Fft3DPasses.InverseReal<TOps, TVec>(line, half, realInverseTwiddles, block, scale, spectrum, output, scratch);

    public override void InverseRealModulated(
        bool multiplyAdd, double scale, ReadOnlySpan<double> spectrum, ReadOnlySpan<double> factors, Span<double> work,
        ReadOnlySpan<double> multiplier, Span<double> output, Span<double> scratch)
    {
        if (multiplyAdd)
        {
            Fft3DPasses.InverseRealModulated<TOps, TVec, MultiplyAdd>(line, half, realInverseTwiddles, block, scale, spectrum, factors, work, multiplier, output, scratch);
        }
        else
        {
            Fft3DPasses.InverseRealModulated<TOps, TVec, Overwrite>(line, half, realInverseTwiddles, block, scale, spectrum, factors, work, multiplier, output, scratch);
        }
    }

    public override void InverseRealFirstPass(ReadOnlySpan<double> spectrum, ReadOnlySpan<double> xTable, Span<double> partial, Span<double> scratch) =>
        Fft3DPasses.InverseRealFirstPass<TOps, TVec>(line, block, spectrum, xTable, partial, scratch);

    public override void InverseRealColumns(ReadOnlySpan<double> source, Span<double> plane, ref double yTable, Span<double> scratch) =>
        Fft3DPasses.InverseRealColumns<TOps, TVec>(line, block, source, plane, ref yTable, scratch);

    public override void InverseRealRows(
        bool multiplyAdd, double scale, ReadOnlySpan<double> plane, ReadOnlySpan<double> zTable, ReadOnlySpan<double> multiplier,
        Span<double> output, Span<double> scratch)
    {
        if (multiplyAdd)
        {
            Fft3DPasses.InverseRealRows<TOps, TVec, MultiplyAdd>(line, half, realInverseTwiddles, block, scale, plane, zTable, multiplier, output, scratch);
        }
        else
        {
            Fft3DPasses.InverseRealRows<TOps, TVec, Overwrite>(line, half, realInverseTwiddles, block, scale, plane, zTable, multiplier, output, scratch);
        }
    }
}
