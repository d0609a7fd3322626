namespace Kinetics.Spectral;

/// <summary>
/// The block widths of the three axis passes of a 3-D transform: how many lines each pass moves through its scratch at
/// once. <see cref="Rows"/> rows of the contiguous z axis are transposed into scratch per block; <see cref="Columns"/>
/// adjacent y lines (stride N within an x-plane) and <see cref="Planes"/> adjacent x lines (stride N² across the
/// cube) are transformed in place, one register lane per line.
/// </summary>
/// <remarks>The widths were chosen by measurement per size (docs/fft.md, "Block widths"): a pass runs fastest when
/// its three scratch blocks (3·N·B complex) stay in L1, which favours narrow blocks as N grows, as long as a strided row
/// segment still covers whole cache lines (B·16 bytes ≥ 64).</remarks>
/// <param name="Rows">B of the z pass (transposed rows per block).</param>
/// <param name="Columns">B of the y pass.</param>
/// <param name="Planes">B of the x pass.</param>
internal readonly record struct FftBlocking(int Rows, int Columns, int Planes)
{
    /// <summary>The widest of the three.</summary>
    public int Max => Math.Max(Rows, Math.Max(Columns, Planes));

    /// <summary>The measured choice for N (docs/fft.md, "Block widths"): narrower blocks as N grows, narrowest for the
    /// powers of two, whose strides of N·16 and N²·16 bytes map the rows of a block into the same few cache sets
    /// (from 128 on, with the radix-16 pass, the x pass runs best 16 lines wide; at 128 the y pass 4 wide).</summary>
    public static FftBlocking For(int size) => size switch
    {
        <= 24 => Uniform(32),
        <= 32 => Uniform(16),
        64 => Uniform(8),
        <= 64 => new(8, 8, 16),
        128 => new(8, 4, 16), // with the along-row z pass: y lines 4 wide (one cache line per row)
        _ when (size & (size - 1)) == 0 => new(8, 8, 16), // 128 with its radix-16 pass: x lines 16 wide
        _ => Uniform(16),
    };

    /// <summary>The same width for every pass (tests and measurements).</summary>
    public static FftBlocking Uniform(int width) => new(width, width, width);
}
