using System.Numerics;
using System.Runtime.CompilerServices;

namespace Kinetics.Spectral;

/// <summary>The forward real transform of <see cref="Fft3DPasses"/>: per x-plane the z and y passes, then the x pass, which
/// callers that produce their data plane by plane also run one plane at a time.</summary>
internal static partial class Fft3DPasses
{
    /// <summary>Forward real-to-complex: N³ reals into the N·N·h half-spectrum, h = N/2 + 1.</summary>
    public static void ForwardReal<TOps, TVec>(
        MixedRadixPlan line, MixedRadixPlan? half, ReadOnlySpan<double> realTwiddles, FftBlocking block, double scale,
        ReadOnlySpan<double> input, Span<double> output, Span<double> scratch)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        int n = line.Length, h = (n / 2) + 1;
        for (int i = 0; i < n; i++)
        {
            ForwardRealPlane<TOps, TVec>(line, half, realTwiddles, block, scale, input.Slice(i * n * n, n * n), output.Slice(2 * i * n * h, 2 * n * h), scratch);
        }

        ForwardRealLastPass<TOps, TVec>(line, block, output, scratch);
    }

    /// <summary>The z and y passes of one x-plane of <see cref="ForwardReal"/>: N² reals <paramref name="x"/> into the
    /// plane's N·h complex values <paramref name="p"/>; <see cref="ForwardRealLastPass"/> finishes the transform.</summary>
    public static void ForwardRealPlane<TOps, TVec>(
        MixedRadixPlan line, MixedRadixPlan? half, ReadOnlySpan<double> realTwiddles, FftBlocking block, double scale,
        ReadOnlySpan<double> x, Span<double> p, Span<double> scratch)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        int n = line.Length, h = (n / 2) + 1;
        if (x.Length < n * n || p.Length < 2 * n * h)
        {
            throw new InvalidOperationException("FFT plane out of range (internal error).");
        }

        for (int j0 = 0, w; j0 < n; j0 += w)
        {
            w = Width(n - j0, block.Rows);
            if (half is not null)
            {
                // Pack: column b of T holds row j0 + b as N/2 complex numbers (x[2t], x[2t+1]).
                TransposeIn<TOps, TVec>(x.Slice(j0 * n, w * n), n / 2, w, scratch, scale);
                TransformBlock<TOps, TVec>(half, false, scratch, 0, w, w, scratch, Capacity(n, block.Rows));
                UntangleForward<TOps, TVec>(scratch, n / 2, w, realTwiddles);
                TransposeOut<TOps, TVec>(scratch, h, w, p.Slice(2 * j0 * h, 2 * w * h), 1.0);
            }
            else
            {
                for (int b = 0; b < w; b++)
                {
                    for (int t = 0; t < n; t++)
                    {
                        scratch[2 * ((t * w) + b)] = scale * x[((j0 + b) * n) + t];
                        scratch[(2 * ((t * w) + b)) + 1] = 0.0;
                    }
                }

                TransformBlock<TOps, TVec>(line, false, scratch, 0, w, w, scratch, Capacity(n, block.Rows));
                for (int b = 0; b < w; b++)
                {
                    for (int k = 0; k < h; k++)
                    {
                        p[2 * (((j0 + b) * h) + k)] = scratch[2 * ((k * w) + b)];
                        p[(2 * (((j0 + b) * h) + k)) + 1] = scratch[(2 * ((k * w) + b)) + 1];
                    }
                }
            }
        }

        Columns<TOps, TVec>(line, block.Columns, false, p[..(2 * n * h)], h, h, scratch);
    }

    /// <summary>
    /// One x-plane of the forward transform of a product of two shifted copies, formed in the z pass's scratch: for every
    /// block of rows, the inverse z passes of both copies (<paramref name="first"/>, <paramref name="second"/>: their
    /// planes after the y pass, times <paramref name="firstZ"/>, <paramref name="secondZ"/>) run as in
    /// <see cref="InverseRealRows"/> up to the packed N/2-point transform, the first into <paramref name="held"/>; their
    /// packed rows (x[2t], x[2t+1]) are multiplied pointwise there, which is the packed layout the forward z pass
    /// transforms, and the forward z pass continues from it; then the forward y pass of the plane. Per element the same
    /// operations as storing the first copy (scaled), multiply-adding the second into a cleared plane and calling
    /// <see cref="ForwardRealPlane"/> on it, so the result is bitwise that of those three steps; what is saved is three
    /// transpositions and the clear of the plane (docs/boltzmann.md, "Products formed in the z pass"). Even N only.
    /// </summary>
    public static void ForwardRealProductPlane<TOps, TVec>(
        MixedRadixPlan line, MixedRadixPlan half, ReadOnlySpan<double> realTwiddles, ReadOnlySpan<double> realInverseTwiddles, FftBlocking block,
        double inverseScale, double forwardScale, ReadOnlySpan<double> first, ReadOnlySpan<double> firstZ, ReadOnlySpan<double> second,
        ReadOnlySpan<double> secondZ, Span<double> p, Span<double> held, Span<double> scratch)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        int n = line.Length, h = (n / 2) + 1, capacity = Capacity(n, block.Rows);
        if (first.Length < 2 * n * h || second.Length < 2 * n * h || p.Length < 2 * n * h || held.Length < n * n)
        {
            throw new InvalidOperationException("FFT product plane out of range (internal error).");
        }

        for (int j0 = 0, w; j0 < n; j0 += w)
        {
            w = Width(n - j0, block.Rows);
            int doubles = n * w; // N/2 packed complex numbers per row, w rows
            BlockTranspose.Transpose<TOps, TVec, Overwrite>(first.Slice(2 * j0 * h, 2 * w * h), w, h, scratch, scratch, 1.0, firstZ);
            TangleInverse<TOps, TVec>(scratch, n / 2, w, realInverseTwiddles);
            TransformBlock<TOps, TVec>(half, true, scratch, held, 0, w, w, scratch, capacity, ref Unsafe.NullRef<double>());
            if (half.Stages.IsEmpty)
            {
                scratch[..doubles].CopyTo(held); // N = 2: the 1-point transform has no stage to write the output
            }

            BlockTranspose.Transpose<TOps, TVec, Overwrite>(second.Slice(2 * j0 * h, 2 * w * h), w, h, scratch, scratch, 1.0, secondZ);
            TangleInverse<TOps, TVec>(scratch, n / 2, w, realInverseTwiddles);
            TransformBlock<TOps, TVec>(half, true, scratch, 0, w, w, scratch, capacity);
            MultiplyPacked(scratch[..doubles], held[..doubles], inverseScale, forwardScale);
            TransformBlock<TOps, TVec>(half, false, scratch, 0, w, w, scratch, capacity);
            UntangleForward<TOps, TVec>(scratch, n / 2, w, realTwiddles);
            TransposeOut<TOps, TVec>(scratch, h, w, p.Slice(2 * j0 * h, 2 * w * h), 1.0);
        }

        Columns<TOps, TVec>(line, block.Columns, false, p[..(2 * n * h)], h, h, scratch);
    }

    // t[d] = fma(s·t[d], s·u[d], +0)·f: the second copy scaled, times the first scaled, added to a zero product (as the
    // multiply-add sink does), then the forward scale — elementwise, so the order of lanes does not matter.
    private static void MultiplyPacked(Span<double> t, ReadOnlySpan<double> u, double s, double f)
    {
        int d = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var sv = new Vector<double>(s);
            var fv = new Vector<double>(f);
            for (; d + Vector<double>.Count <= t.Length; d += Vector<double>.Count)
            {
                var x = new Vector<double>(t[d..]);
                var y = new Vector<double>(u[d..]);
                (Vector.FusedMultiplyAdd(x * sv, y * sv, Vector<double>.Zero) * fv).CopyTo(t[d..]);
            }
        }

        for (; d < t.Length; d++)
        {
            t[d] = Math.FusedMultiplyAdd(s * t[d], s * u[d], 0.0) * f;
        }
    }

    /// <summary>The x pass that finishes <see cref="ForwardReal"/> after every plane's <see cref="ForwardRealPlane"/>.</summary>
    public static void ForwardRealLastPass<TOps, TVec>(MixedRadixPlan line, FftBlocking block, Span<double> output, Span<double> scratch)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        int n = line.Length, h = (n / 2) + 1;
        if (output.Length < 2 * n * n * h)
        {
            throw new InvalidOperationException("FFT spectrum out of range (internal error).");
        }

        Columns<TOps, TVec>(line, block.Planes, false, output[..(2 * n * n * h)], n * h, n * h, scratch);
    }
}
