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
