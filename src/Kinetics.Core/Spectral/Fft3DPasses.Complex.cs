using System.Runtime.Intrinsics;

namespace Kinetics.Spectral;

/// <summary>The complex transform of <see cref="Fft3DPasses"/>: per x-plane the z pass (transposing, or along the rows for
/// the sizes of <see cref="MixedRadixPlan.AlongRows"/>) and the y pass, then the x pass.</summary>
internal static partial class Fft3DPasses
{
    /// <summary>Complex 3-D transform in place on N³ values.</summary>
    public static void Complex<TOps, TVec>(MixedRadixPlan line, FftBlocking block, bool inverse, double scale, Span<double> data, Span<double> scratch)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        ComplexPlanes<TOps, TVec>(line, block, inverse, scale, data, scratch);
        ComplexFirstAxis<TOps, TVec>(line, block, inverse, data, scratch);
    }

    /// <summary>The z and y passes of <see cref="Complex{TOps, TVec}"/>, x-plane by x-plane.</summary>
    internal static void ComplexPlanes<TOps, TVec>(MixedRadixPlan line, FftBlocking block, bool inverse, double scale, Span<double> data, Span<double> scratch)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        int n = line.Length;
        int plane = n * n;
        for (int i = 0; i < n; i++)
        {
            Span<double> p = data.Slice(2 * i * plane, 2 * plane);
            ComplexRows<TOps, TVec>(line, block, inverse, scale, p, scratch);
            ComplexColumns<TOps, TVec>(line, block, inverse, p, scratch);
        }
    }

    /// <summary>The z pass of one x-plane (N rows of N complex, scaled by <paramref name="scale"/>), in place.</summary>
    internal static void ComplexRows<TOps, TVec>(MixedRadixPlan line, FftBlocking block, bool inverse, double scale, Span<double> p, Span<double> scratch)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        int n = line.Length;
        if (typeof(TVec) == typeof(Vector512<double>) && line.AlongRows)
        {
            StockhamStages.TransformRows(line, inverse, p, n, scale, scratch);
            return;
        }

        for (int j0 = 0, w; j0 < n; j0 += w)
        {
            w = Width(n - j0, block.Rows);
            Span<double> rows = p.Slice(2 * j0 * n, 2 * w * n);
            TransposeIn<TOps, TVec>(rows, n, w, scratch, scale);
            TransformBlock<TOps, TVec>(line, inverse, scratch, 0, w, w, scratch, Capacity(n, block.Rows));
            TransposeOut<TOps, TVec>(scratch, n, w, rows, 1.0);
        }
    }

    /// <summary>Measurement aid: one block of <paramref name="width"/> adjacent lines of stride width (L1-resident), in place.</summary>
    internal static void ComplexColumnsProbe<TOps, TVec>(MixedRadixPlan line, int width, Span<double> block, Span<double> scratch)
        where TOps : IComplexLanes<TVec>
        where TVec : struct =>
        TransformBlock<TOps, TVec>(line, false, block, 0, width, width, scratch, Capacity(line.Length, width));

    /// <summary>The y pass of one x-plane (N lines of stride N), in place.</summary>
    internal static void ComplexColumns<TOps, TVec>(MixedRadixPlan line, FftBlocking block, bool inverse, Span<double> p, Span<double> scratch)
        where TOps : IComplexLanes<TVec>
        where TVec : struct =>
        Columns<TOps, TVec>(line, block.Columns, inverse, p, line.Length, line.Length, scratch);

    /// <summary>The x pass of <see cref="Complex{TOps, TVec}"/>: the N² lines of stride N².</summary>
    internal static void ComplexFirstAxis<TOps, TVec>(MixedRadixPlan line, FftBlocking block, bool inverse, Span<double> data, Span<double> scratch)
        where TOps : IComplexLanes<TVec>
        where TVec : struct
    {
        int plane = line.Length * line.Length;
        Columns<TOps, TVec>(line, block.Planes, inverse, data, plane, plane, scratch);
    }
}
