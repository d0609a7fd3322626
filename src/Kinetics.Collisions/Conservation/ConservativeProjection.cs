using Kinetics.Grids;

namespace Kinetics.Conservation;

/// <summary>
/// The conservative correction of docs/math#conservative-projection: the smallest weighted-L² change to a discrete
/// multi-species collision term Q = (Q^α)_α after which every species mass, the total momentum and the total energy
/// are conserved to round-off. The species live on <see cref="SpeciesGrids"/> — one shared <see cref="CartesianGrid"/>
/// (<see cref="Create(CartesianGrid, ReadOnlySpan{double})"/>) or a grid per species
/// (<see cref="Create(SpeciesGrids, ReadOnlySpan{double})"/>, docs/species-grids.md) — and every moment is taken on the
/// species' own grid, with its own cell volume h_α³ and its physical velocities c_α + v_p.
/// </summary>
/// <remarks>
/// <para>Constraints φ_r: ∫Q^α = 0 for each α; Σ_α m^α ∫ v_d Q^α = 0, d = x, y, z; Σ_α ∫ (m^α/2)|v|² Q^α = 0. With a
/// positive diagonal weight W the result Q̃ = Q − W Σ_r μ_r φ_r minimises Σ_α h_α³ Σ_p (Q̃ − Q)²/W subject to the
/// constraints (Lagrange multipliers; the (S+4)×(S+4) Gram system is solved by Cholesky, followed by one refinement
/// pass so that the residual is at round-off). On a shared grid this is Q̃ = Q − W Cᵀ (C W Cᵀ)⁻¹ C Q with the rows of
/// C weighted by h³; on per-species grids the Gram system is assembled as h_0³ Σ_α h_α³ Σ_p W φ_r φ_s, which on a
/// shared grid is exactly that matrix, so the shared-grid arithmetic is unchanged by the generalisation. With W ≡ 1
/// (the Gamba–Tharkabhushanam choice) the Gram matrix is precomputed; with W = F (the distribution itself) the
/// correction has the shape (a^α + b·m^α v + c m^α|v|²/2)F^α: it vanishes in the tails and stays where each species
/// lives, whatever its grid.</para>
/// <para>Data are stacked species-major with per-species lengths (<see cref="SpeciesGrids.Offset"/>): on a shared grid,
/// entry α·N³ + p is species α at grid point p. Applied to one pair (S = 2) it enforces pairwise momentum and energy
/// exchange. Immutable and thread-safe; applying allocates nothing.</para>
/// </remarks>
public sealed class ConservativeProjection
{
    private const int MaxSpecies = 64;
    private readonly double[] _masses;
    private readonly double[] _uniformCholesky;

    // h_0³: the reference cell volume that scales the multipliers (see the remarks); h_α³/h_0³ per species (exactly 1 on
    // a shared grid).
    private readonly double _referenceVolume;
    private readonly double[] _volumeRatio;
    private readonly CartesianGrid? _sharedGrid;

    private ConservativeProjection(SpeciesGrids grids, double[] masses)
    {
        Grids = grids;
        _masses = masses;
        _referenceVolume = grids[0].CellVolume;
        _sharedGrid = grids.IsShared ? grids[0].Grid : null;
        _volumeRatio = new double[masses.Length];
        for (int a = 0; a < masses.Length; a++)
        {
            _volumeRatio[a] = grids[a].CellVolume / _referenceVolume;
        }

        int r = ConstraintCount;
        _uniformCholesky = new double[r * r];
        BuildGram(default, _uniformCholesky);
        if (!SmallCholesky.Factor(_uniformCholesky, r))
        {
            throw new InvalidOperationException($"The conservation constraints are degenerate on {grids}.");
        }
    }

    /// <summary>The species' grids (all the same grid for <see cref="Create(CartesianGrid, ReadOnlySpan{double})"/>).</summary>
    public SpeciesGrids Grids { get; }

    /// <summary>The shared velocity grid.</summary>
    /// <exception cref="InvalidOperationException">The species have different grids (use <see cref="Grids"/>).</exception>
    public CartesianGrid Grid => _sharedGrid
        ?? throw new InvalidOperationException("The species of this projection have different grids; use Grids.");

    /// <summary>S, the number of species.</summary>
    public int SpeciesCount => _masses.Length;

    /// <summary>S + 4, the number of conserved quantities (S masses, 3 momentum components, energy).</summary>
    public int ConstraintCount => _masses.Length + 4;

    /// <summary>Creates the projection for species of masses <paramref name="masses"/> sharing <paramref name="grid"/>
    /// (centred at the origin: <see cref="SpeciesGrids.Shared"/>).</summary>
    /// <param name="grid">The velocity grid.</param>
    /// <param name="masses">m^α &gt; 0, 1 to 64 species.</param>
    public static ConservativeProjection Create(CartesianGrid grid, ReadOnlySpan<double> masses)
    {
        ArgumentNullException.ThrowIfNull(grid);
        Guard.InRange(masses.Length, 1, MaxSpecies, nameof(masses) + ".Length");
        CheckMasses(masses);

        // S·N³ must be a valid array length (the stacked spans have that many entries).
        Guard.Size(masses.Length, grid.Count, nameof(masses) + ".Length × grid.Count");
        return new ConservativeProjection(SpeciesGrids.Shared(grid, masses.Length), masses.ToArray());
    }

    /// <summary>Creates the projection for species of masses <paramref name="masses"/>, species α on
    /// <paramref name="grids"/>[α].</summary>
    /// <param name="grids">One grid per species.</param>
    /// <param name="masses">m^α &gt; 0, one per species.</param>
    public static ConservativeProjection Create(SpeciesGrids grids, ReadOnlySpan<double> masses)
    {
        ArgumentNullException.ThrowIfNull(grids);
        Guard.Length(masses.Length, grids.SpeciesCount, nameof(masses));
        CheckMasses(masses);
        return new ConservativeProjection(grids, masses.ToArray());
    }

    /// <summary>
    /// Writes the S + 4 conserved-quantity rates of <paramref name="collision"/> into <paramref name="rates"/>:
    /// ∫Q^α (α = 0 … S−1), then Σ m^α ∫ v_d Q^α (d = x, y, z), then Σ ∫ (m^α/2)|v|² Q^α, each species on its own grid.
    /// </summary>
    /// <param name="collision">Σ_α N_α³ stacked values.</param>
    /// <param name="rates">S + 4 values.</param>
    public void Measure(ReadOnlySpan<double> collision, Span<double> rates)
    {
        Guard.Length(collision.Length, Grids.TotalCount, nameof(collision));
        Guard.Length(rates.Length, ConstraintCount, nameof(rates));
        Guard.AllFinite(collision);
        ApplyConstraints(collision, rates, default);
    }

    /// <summary>Projects <paramref name="collision"/> in place with the uniform weight W ≡ 1.</summary>
    /// <param name="collision">Σ_α N_α³ stacked values, overwritten by the corrected collision term.</param>
    /// <returns>The defects before projection and the size of the correction.</returns>
    public ConservationReport Apply(Span<double> collision) => ApplyCore(collision, default);

    /// <summary>Projects <paramref name="collision"/> in place with the positive weight <paramref name="weights"/>
    /// (typically the distributions F^α themselves, stacked the same way).</summary>
    /// <param name="collision">Σ_α N_α³ stacked values, overwritten by the corrected collision term.</param>
    /// <param name="weights">Σ_α N_α³ stacked weights ≥ 0, not all zero for any species.</param>
    /// <returns>The defects before projection and the size of the correction.</returns>
    public ConservationReport Apply(Span<double> collision, ReadOnlySpan<double> weights)
    {
        Guard.Length(weights.Length, Grids.TotalCount, nameof(weights));
        foreach (double w in weights)
        {
            if (!(w >= 0) || !double.IsFinite(w))
            {
                throw new ArgumentException($"weights must be finite and >= 0 (found {w}).", nameof(weights));
            }
        }

        return ApplyCore(collision, weights);
    }

    /// <summary>
    /// Projects <paramref name="collision"/> in place with the weight W = |F^α| of the distributions themselves: the
    /// default of every conservative evaluation in the library (docs/boltzmann.md, "Projection weight").
    /// </summary>
    /// <remarks>
    /// The correction of species α is (a^α + b·m^α v + c m^α|v|²/2)|F^α|: it vanishes where the species does, so a small
    /// defect is put back where the species lives instead of being spread over the box (the uniform weight moves energy
    /// into the far field of a narrow species and changes its temperature rate). |F| keeps the weight valid when F dips
    /// below zero. Allocates nothing; the Gram system is built from the same pass over the grid.
    /// </remarks>
    /// <param name="collision">Σ_α N_α³ stacked values, overwritten by the corrected collision term.</param>
    /// <param name="distributions">Σ_α N_α³ stacked distributions F^α (finite, any sign; not modified).</param>
    /// <returns>The defects before projection and the size of the correction.</returns>
    /// <exception cref="ArgumentException">A species of <paramref name="distributions"/> is zero everywhere.</exception>
    public ConservationReport ApplyDistributionWeighted(Span<double> collision, ReadOnlySpan<double> distributions)
    {
        Guard.Length(distributions.Length, Grids.TotalCount, nameof(distributions));
        Guard.AllFinite(distributions, nameof(distributions));
        return ApplyCore(collision, distributions, absolute: true);
    }

    /// <summary>
    /// The largest conserved-quantity rate of <paramref name="collision"/>, each relative to the scale Σ_α∫|Q^α|φ of its
    /// own invariant (1, m|v|, m|v|²/2): round-off after a projection (<see cref="ConservationReport.ResidualAfter"/>).
    /// </summary>
    /// <param name="collision">Σ_α N_α³ stacked values.</param>
    public double RelativeResidual(ReadOnlySpan<double> collision)
    {
        Guard.Length(collision.Length, Grids.TotalCount, nameof(collision));
        Guard.AllFinite(collision);
        return Residual(collision);
    }

    private static void CheckMasses(ReadOnlySpan<double> masses)
    {
        foreach (double m in masses)
        {
            Guard.Positive(m, nameof(masses));
        }
    }

    private ConservationReport ApplyCore(Span<double> collision, ReadOnlySpan<double> weights, bool absolute = false)
    {
        Guard.Length(collision.Length, Grids.TotalCount, nameof(collision));
        Guard.AllFinite(collision);
        int r = ConstraintCount, s = SpeciesCount;
        Span<double> rates = stackalloc double[r];
        Span<double> lambda = stackalloc double[r];
        Span<double> gram = stackalloc double[r * r];
        if (weights.IsEmpty)
        {
            _uniformCholesky.CopyTo(gram);
        }
        else
        {
            BuildGram(weights, gram, absolute);
            if (!SmallCholesky.Factor(gram, r))
            {
                throw new ArgumentException("weights make the conservation constraints degenerate (a species has zero weight everywhere).", absolute ? "distributions" : nameof(weights));
            }
        }

        ApplyConstraints(collision, rates, default);
        double massDefect = 0;
        for (int a = 0; a < s; a++)
        {
            massDefect = Math.Max(massDefect, Math.Abs(rates[a]));
        }

        double momentumDefect = Math.Sqrt((rates[s] * rates[s]) + (rates[s + 1] * rates[s + 1]) + (rates[s + 2] * rates[s + 2]));
        double energyDefect = Math.Abs(rates[s + 3]);
        double normBefore = L2(collision), residualBefore = Residual(collision);

        // Two passes: the second removes what round-off in the first left behind (iterative refinement).
        double correctionSquared = 0;
        for (int pass = 0; pass < 2; pass++)
        {
            if (pass > 0)
            {
                ApplyConstraints(collision, rates, default);
            }

            rates.CopyTo(lambda);
            SmallCholesky.Solve(gram, r, lambda);
            correctionSquared += SubtractCorrection(collision, weights, lambda, absolute);
        }

        double correction = Math.Sqrt(correctionSquared * _referenceVolume);
        return new ConservationReport(
            massDefect, momentumDefect, energyDefect, correction, normBefore > 0 ? correction / normBefore : 0.0, Residual(collision))
        {
            ResidualBefore = residualBefore,
        };
    }

    // rates = C q (physical velocities c_α + v_p, own h_α³); with `scales` non-empty also the sums of |q|·|φ| (used for
    // relative residuals).
    private void ApplyConstraints(ReadOnlySpan<double> q, Span<double> rates, Span<double> scales)
    {
        rates.Clear();
        scales.Clear();
        int s = SpeciesCount;
        for (int a = 0; a < s; a++)
        {
            SpeciesGrid g = Grids[a];
            ReadOnlySpan<double> axis = g.Grid.Axis;
            ReadOnlySpan<double> qa = q.Slice(Grids.Offset(a), g.Count);
            int n = g.PointsPerAxis, p = 0;
            double ox = g.Centre.X, oy = g.Centre.Y, oz = g.Centre.Z;
            double mass = 0, px = 0, py = 0, pz = 0, energy = 0, sMass = 0, sMomentum = 0, sEnergy = 0;
            for (int i = 0; i < n; i++)
            {
                double vx = ox + axis[i];
                for (int j = 0; j < n; j++)
                {
                    double vy = oy + axis[j];
                    for (int k = 0; k < n; k++, p++)
                    {
                        double vz = oz + axis[k], value = qa[p];
                        double v2 = (vx * vx) + (vy * vy) + (vz * vz);
                        mass += value;
                        px += vx * value;
                        py += vy * value;
                        pz += vz * value;
                        energy += v2 * value;
                        if (!scales.IsEmpty)
                        {
                            double abs = Math.Abs(value);
                            sMass += abs;
                            sMomentum += Math.Sqrt(v2) * abs;
                            sEnergy += v2 * abs;
                        }
                    }
                }
            }

            double m = _masses[a], h3 = g.CellVolume;
            rates[a] = mass * h3;
            rates[s] += m * px * h3;
            rates[s + 1] += m * py * h3;
            rates[s + 2] += m * pz * h3;
            rates[s + 3] += 0.5 * m * energy * h3;
            if (!scales.IsEmpty)
            {
                scales[a] = sMass * h3;
                scales[s] += m * sMomentum * h3;
                scales[s + 1] = scales[s];
                scales[s + 2] = scales[s];
                scales[s + 3] += 0.5 * m * sEnergy * h3;
            }
        }
    }

    private double Residual(ReadOnlySpan<double> q)
    {
        int r = ConstraintCount;
        Span<double> rates = stackalloc double[r];
        Span<double> scales = stackalloc double[r];
        ApplyConstraints(q, rates, scales);
        double worst = 0;
        for (int c = 0; c < r; c++)
        {
            if (scales[c] > 0)
            {
                worst = Math.Max(worst, Math.Abs(rates[c]) / scales[c]);
            }
        }

        return worst;
    }

    // q ← q − W φ (h_0³ λ); returns Σ_α (h_α³/h_0³) Σ_p (W φ h_0³ λ)².
    private double SubtractCorrection(Span<double> q, ReadOnlySpan<double> weights, ReadOnlySpan<double> lambda, bool absolute)
    {
        int s = SpeciesCount;
        double h3 = _referenceVolume, sum = 0;
        for (int a = 0; a < s; a++)
        {
            SpeciesGrid g = Grids[a];
            ReadOnlySpan<double> axis = g.Grid.Axis;
            int offset = Grids.Offset(a), count = g.Count, n = g.PointsPerAxis, p = 0;
            Span<double> qa = q.Slice(offset, count);
            ReadOnlySpan<double> wa = weights.IsEmpty ? default : weights.Slice(offset, count);
            double ox = g.Centre.X, oy = g.Centre.Y, oz = g.Centre.Z, ratio = _volumeRatio[a];
            double m = _masses[a];
            double c0 = lambda[a] * h3, cx = m * lambda[s] * h3, cy = m * lambda[s + 1] * h3, cz = m * lambda[s + 2] * h3, ce = 0.5 * m * lambda[s + 3] * h3;
            for (int i = 0; i < n; i++)
            {
                double vx = ox + axis[i];
                for (int j = 0; j < n; j++)
                {
                    double vy = oy + axis[j];
                    for (int k = 0; k < n; k++, p++)
                    {
                        double vz = oz + axis[k];
                        double delta = c0 + (cx * vx) + (cy * vy) + (cz * vz) + (ce * ((vx * vx) + (vy * vy) + (vz * vz)));
                        if (!wa.IsEmpty)
                        {
                            delta *= absolute ? Math.Abs(wa[p]) : wa[p];
                        }

                        qa[p] -= delta;
                        sum += delta * delta * ratio;
                    }
                }
            }
        }

        return sum;
    }

    // G = h_0³ Σ_α h_α³ Σ_p W φ_r φ_s (full symmetric matrix), W ≡ 1 when weights is empty, W = |weights| when absolute.
    private void BuildGram(ReadOnlySpan<double> weights, Span<double> gram, bool absolute = false)
    {
        int s = SpeciesCount, r = s + 4;
        gram.Clear();
        Span<double> phi = stackalloc double[5];
        Span<double> moments = stackalloc double[15];
        Span<int> row = stackalloc int[5];
        Span<double> factor = stackalloc double[5];
        for (int a = 0; a < s; a++)
        {
            // Weighted moments Σ w φ_i φ_j of φ = (1, vx, vy, vz, |v|²/2) for this species (upper triangle, 15 entries).
            SpeciesGrid g = Grids[a];
            ReadOnlySpan<double> axis = g.Grid.Axis;
            int offset = Grids.Offset(a), n = g.PointsPerAxis, p = 0;
            double ox = g.Centre.X, oy = g.Centre.Y, oz = g.Centre.Z;
            moments.Clear();
            for (int i = 0; i < n; i++)
            {
                double vx = ox + axis[i];
                for (int j = 0; j < n; j++)
                {
                    double vy = oy + axis[j];
                    for (int k = 0; k < n; k++, p++)
                    {
                        double vz = oz + axis[k];
                        double w = weights.IsEmpty ? 1.0 : absolute ? Math.Abs(weights[offset + p]) : weights[offset + p];
                        phi[0] = 1.0;
                        phi[1] = vx;
                        phi[2] = vy;
                        phi[3] = vz;
                        phi[4] = 0.5 * ((vx * vx) + (vy * vy) + (vz * vz));
                        int t = 0;
                        for (int x = 0; x < 5; x++)
                        {
                            for (int y = x; y < 5; y++)
                            {
                                moments[t++] += w * phi[x] * phi[y];
                            }
                        }
                    }
                }
            }

            // Row indices of φ_x for this species: mass row a, momentum rows s..s+2 (×m), energy row s+3 (×m).
            double m = _masses[a], h6 = _referenceVolume * g.CellVolume;
            row[0] = a;
            row[1] = s;
            row[2] = s + 1;
            row[3] = s + 2;
            row[4] = s + 3;
            factor[0] = 1.0;
            factor[1] = m;
            factor[2] = m;
            factor[3] = m;
            factor[4] = m;
            int u = 0;
            for (int x = 0; x < 5; x++)
            {
                for (int y = x; y < 5; y++, u++)
                {
                    double value = factor[x] * factor[y] * moments[u] * h6;
                    gram[(row[x] * r) + row[y]] += value;
                    if (row[x] != row[y])
                    {
                        gram[(row[y] * r) + row[x]] += value;
                    }
                }
            }
        }
    }

    private double L2(ReadOnlySpan<double> q)
    {
        double sum = 0;
        for (int a = 0; a < SpeciesCount; a++)
        {
            double ratio = _volumeRatio[a];
            foreach (double v in q.Slice(Grids.Offset(a), Grids.Count(a)))
            {
                sum += v * v * ratio;
            }
        }

        return Math.Sqrt(sum * _referenceVolume);
    }
}
