using System.Numerics;
using Kinetics.Grids;

namespace Kinetics.Spectral;

/// <summary>
/// Zero-padding (N → M &gt; N) and truncation (N → M &lt; N) of full 3-D spectra between two cell-centred grids on the
/// same box [−L, L]³: the target spectrum's inverse transform samples the source's trigonometric interpolant on the
/// target grid (padding), or keeps its modes |k| ≤ M/2 (truncation).
/// </summary>
/// <remarks>
/// <para>With the interpolant p(v) = N^{−3} Σ_k X_k e^{iξ_k·(v − a₀)} (a₀ = −L + h_N/2, see <see cref="SpectralGrid"/>),
/// the target coefficients are Y_k = (M/N)³·e^{iξ_k·(b₀ − a₀)(1,1,1)}·X_k with b₀ = −L + h_M/2: the factor (M/N)³
/// makes the Backward-normalised inverse return values (not sums), and the phase accounts for the cell-centred
/// offsets, which differ between the grids (b₀ − a₀ = L/M − L/N per axis).</para>
/// <para>Nyquist (even min(N, M), per axis): padding splits the source Nyquist coefficient c symmetrically, c/2 to
/// +N/2 and c/2 to −N/2 (each with its own phase); truncation puts the sum of the phased ±M/2 coefficients on the
/// target's Nyquist index. So real data stay real and truncation∘padding is the identity.</para>
/// <para>Immutable and thread-safe; <see cref="Apply"/> allocates nothing and costs O(min(N, M)³) plus clearing M³.</para>
/// </remarks>
public sealed class SpectralResampling
{
    private readonly AxisEntry[] _map;

    private SpectralResampling(CartesianGrid source, CartesianGrid target, AxisEntry[] map)
    {
        Source = source;
        Target = target;
        _map = map;
    }

    /// <summary>The grid of the input spectrum (N per axis).</summary>
    public CartesianGrid Source { get; }

    /// <summary>The grid of the output spectrum (M per axis).</summary>
    public CartesianGrid Target { get; }

    /// <summary>Creates the resampling from <paramref name="source"/> to <paramref name="target"/> (same half-width L).</summary>
    /// <param name="source">Grid with N points per axis.</param>
    /// <param name="target">Grid with M points per axis, same L.</param>
    /// <exception cref="ArgumentException">The half-widths differ.</exception>
    public static SpectralResampling Create(CartesianGrid source, CartesianGrid target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        if (source.HalfWidth != target.HalfWidth)
        {
            throw new ArgumentException($"target must have the half-width of source (L = {source.HalfWidth}), was {target.HalfWidth}.", nameof(target));
        }

        int n = source.PointsPerAxis, m = target.PointsPerAxis, p = Math.Min(n, m);
        double l = source.HalfWidth, delta = target.Coordinate(0) - source.Coordinate(0), ratio = (double)m / n;
        Complex Weight(int signedK, double share) => Complex.FromPolarCoordinates(ratio * share, Math.PI * signedK / l * delta);
        var map = new List<AxisEntry>();
        for (int k = -((p - 1) / 2); k <= (p - 1) / 2; k++)
        {
            map.Add(new AxisEntry(Mod(k, m), Mod(k, n), Weight(k, 1.0)));
        }

        if (p % 2 == 0)
        {
            int q = p / 2;
            if (n <= m)
            {
                // Split the source Nyquist c (index N/2) into c/2 at ±N/2 (one entry when N = M: halves recombine).
                map.Add(new AxisEntry(Mod(q, m), n / 2, Weight(q, 0.5)));
                map.Add(new AxisEntry(Mod(-q, m), n / 2, Weight(-q, 0.5)));
            }
            else
            {
                map.Add(new AxisEntry(m / 2, Mod(q, n), Weight(q, 1.0)));
                map.Add(new AxisEntry(m / 2, Mod(-q, n), Weight(-q, 1.0)));
            }
        }

        return new SpectralResampling(source, target, [.. map]);
    }

    /// <summary>Resamples a full source spectrum (N³, Backward normalisation) into a full target spectrum (M³).</summary>
    /// <param name="sourceSpectrum">N³ values (not modified).</param>
    /// <param name="targetSpectrum">M³ values, overwritten (must not overlap the source).</param>
    public void Apply(ReadOnlySpan<Complex> sourceSpectrum, Span<Complex> targetSpectrum)
    {
        Guard.Length(sourceSpectrum.Length, Source.Count, nameof(sourceSpectrum));
        Guard.Length(targetSpectrum.Length, Target.Count, nameof(targetSpectrum));
        int n = Source.PointsPerAxis, m = Target.PointsPerAxis;
        targetSpectrum.Clear();
        foreach (AxisEntry a in _map)
        {
            foreach (AxisEntry b in _map)
            {
                Complex ab = a.Weight * b.Weight;
                int dst = ((a.Target * m) + b.Target) * m, src = ((a.Source * n) + b.Source) * n;
                foreach (AxisEntry c in _map)
                {
                    targetSpectrum[dst + c.Target] += ab * c.Weight * sourceSpectrum[src + c.Source];
                }
            }
        }
    }

    private static int Mod(int k, int n) => ((k % n) + n) % n;

    /// <summary>One term target[Target] += Weight·source[Source] of the 1-D map (the 3-D map is its tensor cube).</summary>
    private readonly record struct AxisEntry(int Target, int Source, Complex Weight);
}
