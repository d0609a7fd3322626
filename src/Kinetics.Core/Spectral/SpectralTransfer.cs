using Kinetics.Grids;

namespace Kinetics.Spectral;

/// <summary>
/// Band-limited transfer of grid values from one <see cref="SpeciesGrid"/> to another (different centre, spacing and
/// size), through the trigonometric polynomial of the <i>wider</i> of the two grids (the one with the larger half-width
/// L_w, its N_w modes per axis and its period 2L_w about its centre).
/// </summary>
/// <remarks>
/// <para>Effectively computes, separably per axis, <c>target(x) = h_s³ Σ_j D(x − w_j) source(w_j)</c> with the source
/// points w_j, h_s the source spacing and the Dirichlet kernel of the wide grid
/// D(d) = (1/2L_w)[1 + 2Σ_{k=1}^{N_w/2−1} cos(πkd/L_w) + cos(πN_w d/(2L_w))] (Nyquist split symmetrically, so real data
/// stay real). Two cases, one formula:</para>
/// <list type="bullet">
/// <item>source wider (interpolation): the source's own trigonometric interpolant sampled at the target points,
/// exact at the source points and spectrally accurate for data resolved on the source grid;</item>
/// <item>source narrower (projection): the Fourier coefficients of the source data on the wide period, computed by the
/// source grid's quadrature, restricted to the wide grid's band — the band-limited Galerkin representation of narrow
/// data on a coarse grid. Mass is transferred exactly: h_t Σ_i D(x_i − w) = 1 for every w (only the k = 0 mode
/// survives the sum over a full period).</item>
/// </list>
/// <para>Cost per transfer N_s²N_t·N_s + N_s N_t·N_s N_t + N_t³·N_s multiply-adds (three tensor passes, contiguous and
/// vectorised). Immutable and thread-safe; <see cref="Apply"/> allocates nothing (scratch of <see cref="ScratchLength"/>).</para>
/// </remarks>
public sealed class SpectralTransfer
{
    private readonly double[][] _matrices; // per axis, N_t × N_s row-major
    private readonly double[] _transposedZ; // N_s × N_t

    private SpectralTransfer(SpeciesGrid source, SpeciesGrid target)
    {
        Source = source;
        Target = target;
        int ns = source.PointsPerAxis, nt = target.PointsPerAxis;
        _matrices = new double[3][];
        for (int axis = 0; axis < 3; axis++)
        {
            _matrices[axis] = AxisMatrix(source, target, axis, target.Centre[axis]);
        }

        _transposedZ = new double[ns * nt];
        for (int i = 0; i < nt; i++)
        {
            for (int j = 0; j < ns; j++)
            {
                _transposedZ[(j * nt) + i] = _matrices[2][(i * ns) + j];
            }
        }
    }

    /// <summary>The grid the values come from.</summary>
    public SpeciesGrid Source { get; }

    /// <summary>The grid the values go to.</summary>
    public SpeciesGrid Target { get; }

    /// <summary>Length of the scratch span <see cref="Apply"/> needs: N_s²N_t + N_s N_t².</summary>
    public int ScratchLength => (Source.PointsPerAxis * Source.PointsPerAxis * Target.PointsPerAxis) + (Source.PointsPerAxis * Target.PointsPerAxis * Target.PointsPerAxis);

    /// <summary>Builds the transfer from <paramref name="source"/> to <paramref name="target"/>.</summary>
    /// <param name="source">Grid of the input values.</param>
    /// <param name="target">Grid of the output values.</param>
    public static SpectralTransfer Create(SpeciesGrid source, SpeciesGrid target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        return new SpectralTransfer(source, target);
    }

    /// <summary>
    /// <c>destination = scale · T(source)</c>, or <c>destination += scale · T(source)</c> when
    /// <paramref name="accumulate"/> is true.
    /// </summary>
    /// <param name="source">N_s³ finite values on <see cref="Source"/> (not modified).</param>
    /// <param name="destination">N_t³ values on <see cref="Target"/> (not overlapping the other spans).</param>
    /// <param name="scratch">At least <see cref="ScratchLength"/> values.</param>
    /// <param name="scale">Finite factor applied to the transferred values.</param>
    /// <param name="accumulate">Add to <paramref name="destination"/> instead of overwriting it.</param>
    public void Apply(ReadOnlySpan<double> source, Span<double> destination, Span<double> scratch, double scale = 1.0, bool accumulate = false)
    {
        int ns = Source.PointsPerAxis, nt = Target.PointsPerAxis;
        Guard.Length(source.Length, Source.Count, nameof(source));
        Guard.Length(destination.Length, Target.Count, nameof(destination));
        if (scratch.Length < ScratchLength)
        {
            throw new ArgumentException($"scratch must hold at least {ScratchLength} values (was {scratch.Length}).", nameof(scratch));
        }

        Guard.Finite(scale);
        Guard.AllFinite(source);
        if (destination.Overlaps(source) || scratch.Overlaps(source) || scratch.Overlaps(destination))
        {
            throw new ArgumentException("destination, scratch and source must not overlap.", nameof(destination));
        }

        Span<double> first = scratch[..(ns * ns * nt)];
        Span<double> second = scratch.Slice(ns * ns * nt, ns * nt * nt);

        // first[(i'·N_s + j')·N_t + k] = Σ_k' source[(i'·N_s + j')·N_s + k'] Mzᵀ[k', k]: (N_s² × N_s)·(N_s × N_t).
        RowMajorProduct.Multiply(source, _transposedZ, first, ns * ns, ns, nt, 1.0, false);

        // second[(i'·N_t + j)·N_t + k] = Σ_j' My[j, j'] first[(i'·N_s + j')·N_t + k]: per i', (N_t × N_s)·(N_s × N_t).
        for (int ip = 0; ip < ns; ip++)
        {
            RowMajorProduct.Multiply(_matrices[1], first.Slice(ip * ns * nt, ns * nt), second.Slice(ip * nt * nt, nt * nt), nt, ns, nt, 1.0, false);
        }

        // destination[(i·N_t + j)·N_t + k] (+)= scale Σ_i' Mx[i, i'] second[(i'·N_t + j)·N_t + k]: (N_t × N_s)·(N_s × N_t²).
        RowMajorProduct.Multiply(_matrices[0], second, destination, nt, ns, nt * nt, scale, accumulate);
    }

    // The N_t × N_s matrix (row-major) of one axis: h_s D(x_i − w_j) with x_i = centre + the target grid's coordinate i,
    // w_j the source coordinates and D the Dirichlet kernel of the wider grid. centre is the target's centre on this axis,
    // or that centre minus a shift (ShiftedTransferSet), computed by the caller exactly as SpeciesGrid.Coordinate would.
    internal static double[] AxisMatrix(SpeciesGrid source, SpeciesGrid target, int axis, double centre)
    {
        SpeciesGrid wide = source.HalfWidth >= target.HalfWidth ? source : target;
        int ns = source.PointsPerAxis, nt = target.PointsPerAxis, nw = wide.PointsPerAxis;
        double lw = wide.HalfWidth, hs = source.Spacing;
        var m = new double[nt * ns];
        for (int i = 0; i < nt; i++)
        {
            double x = centre + target.Grid.Coordinate(i);
            for (int j = 0; j < ns; j++)
            {
                m[(i * ns) + j] = hs * Dirichlet(x - source.Coordinate(axis, j), lw, nw);
            }
        }

        return m;
    }

    // (1/2L)[1 + 2Σ_{k=1}^{N/2−1} cos(πkd/L) + cos(πNd/(2L))] for even N; odd N has no Nyquist term.
    private static double Dirichlet(double d, double halfWidth, int n)
    {
        double t = Math.PI * d / halfWidth, sum = 1.0;
        int top = (n - 1) / 2;
        for (int k = 1; k <= top; k++)
        {
            sum += 2.0 * Math.Cos(k * t);
        }

        if (n % 2 == 0)
        {
            sum += Math.Cos(n / 2 * t);
        }

        return sum / (2.0 * halfWidth);
    }
}
