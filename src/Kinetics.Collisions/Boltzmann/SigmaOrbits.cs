namespace Kinetics.Boltzmann;

/// <summary>
/// The directions σ_0 … σ_{M−1} of a pair grouped into orbits under H = {±g}, g the signed permutations of the axes that
/// keep the z axis (up to sign) and map the set onto itself up to sign. A weight that depends on k only through |k| and
/// σ·k̂ and satisfies W(−k, σ) = conj W(k, σ) — the anisotropic gain weight W(ρ|k|, σ·k̂), whose Legendre terms are real
/// times (∓i)^n — then obeys W(k, hσ_r) = W(hᵀk, σ_r): its values for the orbit representatives σ_r on the grid give
/// every σ by a signed permutation of (k_x, k_y), with a complex conjugate when k_z changes sign (docs/boltzmann.md,
/// "Anisotropic weights over σ orbits").
/// </summary>
/// <remarks>Only axis maps that keep z are used, so that the k_z index — the contiguous one of the half spectrum — is
/// never moved: the weights of σ_m for a row (k_x, k_y) are the contiguous row (x', y') of its representative's table. For
/// the product rules with d + 1 a multiple of 4 azimuths there are 16 such g (D4h) and M/|orbit| ≈ M/16 representatives
/// (6 for <c>Product(11)</c>); for a rule without symmetry every σ up to sign is its own representative.</remarks>
internal sealed class SigmaOrbits
{
    private readonly int[] _representative; // [m]: r
    private readonly int[] _maps;            // [m]: bit 0 swap x ↔ y, bit 1 negate x', bit 2 negate y', bit 3 conjugate
    private readonly int[] _sigmaOfOrbit;    // [r]: m of σ_r

    /// <summary>Groups <paramref name="sigmas"/> (unit vectors).</summary>
    public SigmaOrbits(ReadOnlySpan<Velocity3> sigmas)
    {
        int count = sigmas.Length;
        _representative = new int[count];
        _maps = new int[count];
        _representative.AsSpan().Fill(-1);
        var orbits = new List<int>();
        for (int m = 0; m < count; m++)
        {
            if (_representative[m] >= 0)
            {
                continue;
            }

            int r = orbits.Count;
            orbits.Add(m);

            // Every h = s·g (s = ±1, g: optional x ↔ y swap and axis signs) with hσ_m in the set: σ_{m'} = hσ_m gets r and the
            // map k → k'' = c·hᵀk, c = ±1 chosen so that k''_z = k_z ≥ 0 (then W(k, σ_{m'}) = W(k'', σ_m), conjugated when c = −1).
            for (int swap = 0; swap < 2; swap++)
            {
                for (int signs = 0; signs < 16; signs++)
                {
                    int sx = (signs & 1) == 0 ? 1 : -1, sy = (signs & 2) == 0 ? 1 : -1, sz = (signs & 4) == 0 ? 1 : -1, s = (signs & 8) == 0 ? 1 : -1;

                    // (hσ)_a = s·sign_a·σ_{axis(a)}, axis = (1, 0, 2) when swapped.
                    var sigma = sigmas[m];
                    var image = swap == 1
                        ? new Velocity3(s * sx * sigma.Y, s * sy * sigma.X, s * sz * sigma.Z)
                        : new Velocity3(s * sx * sigma.X, s * sy * sigma.Y, s * sz * sigma.Z);
                    int target = Find(sigmas, image);
                    if (target < 0 || _representative[target] >= 0)
                    {
                        continue;
                    }

                    // hᵀk: (hᵀk)_{axis(a)} = s·sign_a·k_a. c = s·sz keeps k_z; then k''_x = c·(hᵀk)_x, k''_y = c·(hᵀk)_y:
                    // unswapped (k''_x, k''_y) = (sz·sx·k_x, sz·sy·k_y), swapped (sz·sy·k_y, sz·sx·k_x).
                    int c = s * sz, negateX = swap == 1 ? sz * sy : sz * sx, negateY = swap == 1 ? sz * sx : sz * sy;
                    _representative[target] = r;
                    _maps[target] = swap | (negateX < 0 ? 2 : 0) | (negateY < 0 ? 4 : 0) | (c < 0 ? 8 : 0);
                }
            }
        }

        _sigmaOfOrbit = orbits.ToArray();
        Order = [.. Enumerable.Range(0, count).OrderBy(m => _representative[m])];
    }

    /// <summary>The σ sorted by orbit (ties in index order): consecutive σ read the same representative's table.</summary>
    public int[] Order { get; }

    /// <summary>The orbit of every σ (index σ_m → orbit r).</summary>
    public ReadOnlySpan<int> Orbits => _representative;

    /// <summary>The number of orbits (representatives σ_r).</summary>
    public int OrbitCount => _sigmaOfOrbit.Length;

    /// <summary>M.</summary>
    public int SigmaCount => _representative.Length;

    /// <summary>The index m of representative σ_r.</summary>
    public int SigmaOfOrbit(int orbit) => _sigmaOfOrbit[orbit];

    /// <summary>The orbit r of σ_m.</summary>
    public int Orbit(int sigma) => _representative[sigma];

    /// <summary>W(k, σ_m) = W(k'', σ_r), conjugated when <c>Conjugate</c>, with k''_z = k_z and (k''_x, k''_y) =
    /// (±k_x, ±k_y), or (±k_y, ±k_x) when <c>Swap</c>.</summary>
    public (bool Swap, int SignX, int SignY, bool Conjugate) Map(int sigma)
    {
        int map = _maps[sigma];
        return ((map & 1) != 0, (map & 2) != 0 ? -1 : 1, (map & 4) != 0 ? -1 : 1, (map & 8) != 0);
    }

    private static int Find(ReadOnlySpan<Velocity3> sigmas, Velocity3 image)
    {
        for (int c = 0; c < sigmas.Length; c++)
        {
            if ((image - sigmas[c]).Length < 1e-12)
            {
                return c;
            }
        }

        return -1;
    }
}
