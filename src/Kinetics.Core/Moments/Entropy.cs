using System.Numerics.Tensors;
using Kinetics.Distributions;
using Kinetics.Grids;

namespace Kinetics.Moments;

/// <summary>
/// The Boltzmann entropy functional H = Σ_α ∫ F^α log F^α dv (non-increasing in time under every collision operator
/// of Kinetics: the H-theorem of docs/math#boltzmann-operator), evaluated by the grid's quadrature, together with a report of the
/// non-positive values it had to skip.
/// </summary>
/// <remarks>
/// <para><b>Rule for F ≤ 0.</b> The integrand F log F is taken as 0 wherever F ≤ 0. At F = 0 this is the continuous
/// extension (F log F → 0); for F &lt; 0, which discrete operators (spectral methods in particular) can produce in
/// the tails, it means negative values are excluded from H rather than making it undefined. So that this never
/// happens silently, <see cref="NonPositiveCount"/> counts the grid points with F ≤ 0 and
/// <see cref="NegativePart"/> = ∫ min(F, 0) dv ≤ 0 gives their total (quadrature-weighted) mass; a caller that
/// needs a strict H checks <c>NegativePart == 0</c>.</para>
/// <para>Cost O(N³) with vectorised logarithms (TensorPrimitives.Log) on chunks of the grid.</para>
/// </remarks>
/// <param name="Value">H = Σ ∫ F log F dv over the points with F &gt; 0.</param>
/// <param name="NonPositiveCount">Number of grid values with F ≤ 0 (summed over species).</param>
/// <param name="NegativePart">∫ min(F, 0) dv ≤ 0 (summed over species).</param>
public readonly record struct Entropy(double Value, long NonPositiveCount, double NegativePart)
{
    private const int Chunk = 512;

    /// <summary>H[F] = ∫ F log F dv for one species on a Cartesian grid (weight h³ per point).</summary>
    /// <param name="distribution">F.</param>
    public static Entropy Of(DistributionFunction distribution)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        Guard.AllFinite(distribution.ReadOnlyValues, nameof(distribution));
        return Accumulate(distribution.ReadOnlyValues, [], distribution.Grid.CellVolume);
    }

    /// <summary>H[g] = ∫ g(|v|) log g(|v|) dv for an isotropic distribution on a radial grid (volume weights Wᵢ).</summary>
    /// <param name="distribution">g.</param>
    public static Entropy Of(RadialDistribution distribution)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        Guard.AllFinite(distribution.ReadOnlyValues, nameof(distribution));
        return Accumulate(distribution.ReadOnlyValues, distribution.Grid.Weights, 1.0);
    }

    /// <summary>
    /// H = Σ_α ∫ F^α log F^α dv of values held in a span on <paramref name="grid"/>: one species (N³ values) or a mixture
    /// stacked species-major (S·N³ values). Reads the span in place (no copy, no allocation).
    /// </summary>
    /// <param name="grid">The Cartesian grid (weight h³ per point).</param>
    /// <param name="values">A positive multiple of N³ finite values.</param>
    /// <exception cref="ArgumentException">The length is not a positive multiple of N³, or a value is not finite.</exception>
    public static Entropy Of(CartesianGrid grid, ReadOnlySpan<double> values)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (values.IsEmpty || values.Length % grid.Count != 0)
        {
            throw new ArgumentException($"values must hold a positive multiple of N³ = {grid.Count} values (was {values.Length}).", nameof(values));
        }

        Guard.AllFinite(values);
        var total = default(Entropy);
        for (int start = 0; start < values.Length; start += grid.Count)
        {
            total += Accumulate(values.Slice(start, grid.Count), [], grid.CellVolume);
        }

        return total;
    }

    /// <summary>H = Σ_α ∫ F^α log F^α dv of a mixture on per-species grids (weight h_α³ for species α), read in place.</summary>
    /// <param name="grids">One grid per species.</param>
    /// <param name="stacked">Σ N_α³ finite values.</param>
    /// <exception cref="ArgumentException">Wrong length or a non-finite value.</exception>
    public static Entropy Of(SpeciesGrids grids, ReadOnlySpan<double> stacked)
    {
        ArgumentNullException.ThrowIfNull(grids);
        Guard.Length(stacked.Length, grids.TotalCount, nameof(stacked));
        Guard.AllFinite(stacked);
        var total = default(Entropy);
        for (int a = 0; a < grids.SpeciesCount; a++)
        {
            total += Accumulate(grids.Slice(stacked, a), [], grids[a].CellVolume);
        }

        return total;
    }

    /// <summary>H = Σ_α ∫ F^α log F^α dv for a mixture state, all species on one Cartesian grid.</summary>
    /// <param name="distributions">F^α.</param>
    /// <exception cref="ArgumentException">Empty list or distributions on different grids.</exception>
    public static Entropy Of(IReadOnlyList<DistributionFunction> distributions)
    {
        ArgumentNullException.ThrowIfNull(distributions);
        if (distributions.Count == 0)
        {
            throw new ArgumentException("distributions must contain at least one distribution (was empty).", nameof(distributions));
        }

        var total = default(Entropy);
        for (int a = 0; a < distributions.Count; a++)
        {
            ArgumentNullException.ThrowIfNull(distributions[a], $"{nameof(distributions)}[{a}]");
            distributions[0].Grid.EnsureSame(distributions[a].Grid, $"{nameof(distributions)}[{a}]");
            total += Of(distributions[a]);
        }

        return total;
    }

    /// <summary>Componentwise sum (entropy of a mixture = sum over species).</summary>
    /// <param name="a">First term.</param>
    /// <param name="b">Second term.</param>
    public static Entropy operator +(Entropy a, Entropy b) =>
        new(a.Value + b.Value, a.NonPositiveCount + b.NonPositiveCount, a.NegativePart + b.NegativePart);

    /// <summary>Named alternative to <c>+</c>.</summary>
    /// <param name="a">First term.</param>
    /// <param name="b">Second term.</param>
    public static Entropy Add(Entropy a, Entropy b) => a + b;

    /// <summary>The pointwise integrand F log F, with the F ≤ 0 rule of this type (0 for F ≤ 0).</summary>
    /// <param name="value">F.</param>
    public static double Density(double value) => value > 0 ? value * Math.Log(value) : 0.0;

    // Σ wᵢ Fᵢ log Fᵢ over Fᵢ > 0 (wᵢ = weights[i], or the constant `scale` when weights is empty).
    private static Entropy Accumulate(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, double scale)
    {
        Span<double> weighted = stackalloc double[Chunk];
        Span<double> logs = stackalloc double[Chunk];
        double sum = 0.0, negative = 0.0;
        long count = 0;
        for (int start = 0; start < values.Length; start += Chunk)
        {
            int length = Math.Min(Chunk, values.Length - start);
            ReadOnlySpan<double> f = values.Slice(start, length);
            for (int k = 0; k < length; k++)
            {
                double w = weights.IsEmpty ? scale : weights[start + k];
                if (f[k] > 0)
                {
                    weighted[k] = w * f[k];
                    logs[k] = f[k];
                }
                else
                {
                    // log 1 = 0 drops the point from the dot product below.
                    weighted[k] = 0.0;
                    logs[k] = 1.0;
                    count++;
                    negative += w * f[k];
                }
            }

            TensorPrimitives.Log(logs[..length], logs[..length]);
            sum += TensorPrimitives.Dot(weighted[..length], logs[..length]);
        }

        return new Entropy(sum, count, negative);
    }
}
