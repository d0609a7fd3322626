using Kinetics.Spectral;

namespace Kinetics.Boltzmann;

/// <summary>
/// The orbits of the half-spectrum wave vectors k (k_x, k_y signed, 0 ≤ k_z ≤ N/2) under G, the signed axis permutations
/// g that map a set of directions σ_0 … σ_{M−1} onto itself (or, with <c>allowAntipodes</c>, onto itself up to sign). A
/// weight that depends on k only through |k| and σ·k̂, as the anisotropic gain weight W(ρ|k|, σ·k̂) does, satisfies
/// W(g k*, σ_m) = W(k*, gᵀσ_m) = W(k*, ±σ_{m'}), so its values at the orbit representatives k* give all N³/2 points by a
/// permutation of σ (docs/boltzmann.md, "Anisotropic weights over spectral orbits").
/// </summary>
/// <remarks>G is a subgroup of the 48 signed permutations of the axes, which map the integer lattice onto itself. For the
/// product rules (φ_j = 2πj/(d + 1), d + 1 a multiple of 4, Gauss nodes in z) it has 16 elements, for Lebedev rules 48,
/// for a rule without symmetry only the identity (every point is its own representative).</remarks>
internal sealed class SpectralOrbits
{
    private readonly int[] _representatives; // [r·3 + axis]: k*
    private readonly int[] _pointOrbit;      // [p]: r
    private readonly int[] _pointMap;        // [p]: offset g·M into _sigmaMap
    private readonly int[] _sigmaMap;        // [g·M̄ + m]: m' (gᵀσ_m = σ_{m'}) or M + m' (gᵀσ_m = −σ_{m'}); 0 for m ≥ M
    private readonly int[] _order;           // the points sorted by orbit

    /// <summary>Orbits of the half spectrum of an N³ grid under the symmetries of <paramref name="sigmas"/>.</summary>
    /// <param name="n">N, points per axis.</param>
    /// <param name="sigmas">The unit directions σ_m.</param>
    /// <param name="allowAntipodes">Accept g with gᵀσ_m = −σ_{m'} (a set holding one σ of each antipodal pair).</param>
    /// <param name="padding">Rows of <see cref="SigmaMap"/> are padded with zeros to a multiple of this (SIMD lanes).</param>
    public SpectralOrbits(int n, ReadOnlySpan<Velocity3> sigmas, bool allowAntipodes, int padding = 1)
    {
        int m = sigmas.Length;
        SigmaCount = m;
        MapStride = (m + padding - 1) / padding * padding;
        var elements = new List<(int[] Axes, int[] Signs)>();
        var maps = new List<int>();
        var map = new int[m];
        foreach (int[] axes in (int[][])[[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]])
        {
            for (int s = 0; s < 8; s++)
            {
                int[] signs = [(s & 1) == 0 ? 1 : -1, (s & 2) == 0 ? 1 : -1, (s & 4) == 0 ? 1 : -1];
                if (MapSigmas(sigmas, axes, signs, allowAntipodes, map))
                {
                    elements.Add((axes, signs));
                    maps.AddRange(map);
                    maps.AddRange(new int[MapStride - m]);
                }
            }
        }

        GroupOrder = elements.Count;
        _sigmaMap = maps.ToArray();

        // Representative of k: the lexicographically smallest gᵀk over G, with the g that attains it (then k = g k*).
        int h = (n / 2) + 1, count = n * n * h;
        _pointOrbit = new int[count];
        _pointMap = new int[count];
        var index = new Dictionary<(int, int, int), int>();
        var representatives = new List<int>();
        Span<int> k = stackalloc int[3];
        Span<int> image = stackalloc int[3];
        Span<int> best = stackalloc int[3];
        for (int i = 0, p = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                for (int z = 0; z < h; z++, p++)
                {
                    (k[0], k[1], k[2]) = (SpectralGrid.SignedIndex(i, n), SpectralGrid.SignedIndex(j, n), z);
                    int chosen = -1;
                    for (int g = 0; g < elements.Count; g++)
                    {
                        // (gᵀk)_{axes[a]} = signs[a] k_a for (g v)_a = signs[a] v_{axes[a]}.
                        var (axes, signs) = elements[g];
                        for (int a = 0; a < 3; a++)
                        {
                            image[axes[a]] = signs[a] * k[a];
                        }

                        if (chosen < 0 || Less(image, best))
                        {
                            image.CopyTo(best);
                            chosen = g;
                        }
                    }

                    var key = (best[0], best[1], best[2]);
                    if (!index.TryGetValue(key, out int orbit))
                    {
                        orbit = index.Count;
                        index.Add(key, orbit);
                        representatives.AddRange([best[0], best[1], best[2]]);
                    }

                    _pointOrbit[p] = orbit;
                    _pointMap[p] = chosen * MapStride;
                }
            }
        }

        _representatives = representatives.ToArray();
        OrbitCount = index.Count;
        _order = [.. Enumerable.Range(0, count).OrderBy(p => _pointOrbit[p])];
    }

    /// <summary>|G|, the number of symmetries found (1: none but the identity).</summary>
    public int GroupOrder { get; }

    /// <summary>The number of orbits (representatives k*).</summary>
    public int OrbitCount { get; }

    /// <summary>M, the number of directions.</summary>
    public int SigmaCount { get; }

    /// <summary>M̄ ≥ M, the length of a row of <see cref="SigmaMap"/>.</summary>
    public int MapStride { get; }

    /// <summary>The half-spectrum points sorted by orbit (ties in point order): a pass in this order reads one
    /// representative's weights for consecutive points.</summary>
    public ReadOnlySpan<int> Order => _order;

    /// <summary>k* of orbit r as (k_x, k_y, k_z).</summary>
    public (int X, int Y, int Z) Representative(int orbit) =>
        (_representatives[3 * orbit], _representatives[(3 * orbit) + 1], _representatives[(3 * orbit) + 2]);

    /// <summary>The orbit of each half-spectrum point p (the operator's order: k_x slowest, k_z fastest).</summary>
    public ReadOnlySpan<int> PointOrbit => _pointOrbit;

    /// <summary>For each point p = g k*, the offset g·M̄ of its row in <see cref="SigmaMap"/>.</summary>
    public ReadOnlySpan<int> PointMap => _pointMap;

    /// <summary>[g·M̄ + m]: m' when gᵀσ_m = σ_{m'}, M + m' when gᵀσ_m = −σ_{m'}; W(g k*, σ_m) is the weight of k* at that entry.</summary>
    public ReadOnlySpan<int> SigmaMap => _sigmaMap;

    // g (axes, signs) maps the set onto itself: for every m an m' with gᵀσ_m = ±σ_{m'} (to 1e−12).
    private static bool MapSigmas(ReadOnlySpan<Velocity3> sigmas, int[] axes, int[] signs, bool allowAntipodes, Span<int> map)
    {
        Span<double> image = stackalloc double[3];
        for (int m = 0; m < sigmas.Length; m++)
        {
            for (int a = 0; a < 3; a++)
            {
                image[axes[a]] = signs[a] * sigmas[m][a];
            }

            var transformed = new Velocity3(image[0], image[1], image[2]);
            map[m] = -1;
            for (int c = 0; c < sigmas.Length && map[m] < 0; c++)
            {
                if ((transformed - sigmas[c]).Length < 1e-12)
                {
                    map[m] = c;
                }
                else if (allowAntipodes && (transformed + sigmas[c]).Length < 1e-12)
                {
                    map[m] = sigmas.Length + c;
                }
            }

            if (map[m] < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Less(ReadOnlySpan<int> x, ReadOnlySpan<int> y) =>
        x[0] != y[0] ? x[0] < y[0] : x[1] != y[1] ? x[1] < y[1] : x[2] < y[2];
}
