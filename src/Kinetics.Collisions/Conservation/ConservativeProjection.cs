using Kinetics.Grids;

namespace Kinetics.Conservation;

/// <summary>
/// The conservative correction of docs/math#conservative-projection: the smallest weighted-L² change to a discrete multi-species collision
/// term Q = (Q^α)_α on a <see cref="CartesianGrid"/> after which every species mass, the total momentum and the total
/// energy are conserved to round-off.
/// </summary>
/// <remarks>
/// <para>With the constraint matrix C (rows: ∫Q^α = 0 for each α; Σ_α m^α ∫ v_d Q^α = 0, d = x, y, z;
/// Σ_α ∫ (m^α/2)|v|² Q^α = 0, all with weight h³) and a positive diagonal weight W, the result is
/// Q̃ = Q − W Cᵀ (C W Cᵀ)⁻¹ C Q, the minimiser of Σ (Q̃ − Q)²/W subject to C Q̃ = 0 (Lagrange multipliers; the
/// (S+4)×(S+4) Gram system is solved by Cholesky, followed by one refinement pass so that the residual is at
/// round-off). With W ≡ 1 (the Gamba–Tharkabhushanam choice) the Gram matrix is precomputed; with W = F (the
/// distribution itself) the correction has the shape (a^α + b·m^α v + c m^α|v|²/2)F^α and vanishes in the tails.</para>
/// <para>Data are stacked species-major: entry α·N³ + p is species α at grid point p. Applied to one pair (S = 2) it
/// enforces pairwise momentum and energy exchange. Immutable and thread-safe; applying allocates nothing.</para>
/// </remarks>
public sealed class ConservativeProjection
{
    private const int MaxSpecies = 64;
    private readonly double[] _masses;
    private readonly double[] _uniformCholesky;

    private ConservativeProjection(CartesianGrid grid, double[] masses)
    {
        Grid = grid;
        _masses = masses;
        int r = ConstraintCount;
        _uniformCholesky = new double[r * r];
        Span<double> gram = _uniformCholesky;
        BuildGram(default, gram);
        if (!SmallCholesky.Factor(gram, r))
        {
            throw new InvalidOperationException($"The conservation constraints are degenerate on {grid}.");
        }
    }

    /// <summary>The velocity grid.</summary>
    public CartesianGrid Grid { get; }

    /// <summary>S, the number of species.</summary>
    public int SpeciesCount => _masses.Length;

    /// <summary>S + 4, the number of conserved quantities (S masses, 3 momentum components, energy).</summary>
    public int ConstraintCount => _masses.Length + 4;

    /// <summary>Creates the projection for species of masses <paramref name="masses"/> on <paramref name="grid"/>.</summary>
    /// <param name="grid">The velocity grid.</param>
    /// <param name="masses">m^α &gt; 0, 1 to 64 species.</param>
    public static ConservativeProjection Create(CartesianGrid grid, ReadOnlySpan<double> masses)
    {
        ArgumentNullException.ThrowIfNull(grid);
        Guard.InRange(masses.Length, 1, MaxSpecies, nameof(masses) + ".Length");
        foreach (double m in masses)
        {
            Guard.Positive(m, nameof(masses));
        }

        // S·N³ must be a valid array length (the stacked spans have that many entries).
        Guard.Size(masses.Length, grid.Count, nameof(masses) + ".Length × grid.Count");
        return new ConservativeProjection(grid, masses.ToArray());
    }

    /// <summary>
    /// Writes the S + 4 conserved-quantity rates C·Q of <paramref name="collision"/> into <paramref name="rates"/>:
    /// ∫Q^α (α = 0 … S−1), then Σ m^α ∫ v_d Q^α (d = x, y, z), then Σ ∫ (m^α/2)|v|² Q^α.
    /// </summary>
    /// <param name="collision">S·N³ stacked values.</param>
    /// <param name="rates">S + 4 values.</param>
    public void Measure(ReadOnlySpan<double> collision, Span<double> rates)
    {
        Guard.Length(collision.Length, SpeciesCount * Grid.Count, nameof(collision));
        Guard.Length(rates.Length, ConstraintCount, nameof(rates));
        ApplyConstraints(collision, rates, default);
    }

    /// <summary>Projects <paramref name="collision"/> in place with the uniform weight W ≡ 1.</summary>
    /// <param name="collision">S·N³ stacked values, overwritten by the corrected collision term.</param>
    /// <returns>The defects before projection and the size of the correction.</returns>
    public ConservationReport Apply(Span<double> collision) => ApplyCore(collision, default);

    /// <summary>Projects <paramref name="collision"/> in place with the positive weight <paramref name="weights"/>
    /// (typically the distributions F^α themselves, stacked the same way).</summary>
    /// <param name="collision">S·N³ stacked values, overwritten by the corrected collision term.</param>
    /// <param name="weights">S·N³ stacked weights ≥ 0, not all zero for any species.</param>
    /// <returns>The defects before projection and the size of the correction.</returns>
    public ConservationReport Apply(Span<double> collision, ReadOnlySpan<double> weights)
    {
        Guard.Length(weights.Length, SpeciesCount * Grid.Count, nameof(weights));
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
    /// <param name="collision">S·N³ stacked values, overwritten by the corrected collision term.</param>
    /// <param name="distributions">S·N³ stacked distributions F^α (finite, any sign; not modified).</param>
    /// <returns>The defects before projection and the size of the correction.</returns>
    /// <exception cref="ArgumentException">A species of <paramref name="distributions"/> is zero everywhere.</exception>
    public ConservationReport ApplyDistributionWeighted(Span<double> collision, ReadOnlySpan<double> distributions)
    {
        Guard.Length(distributions.Length, SpeciesCount * Grid.Count, nameof(distributions));
        Guard.AllFinite(distributions, nameof(distributions));
        return ApplyCore(collision, distributions, absolute: true);
    }

    private ConservationReport ApplyCore(Span<double> collision, ReadOnlySpan<double> weights, bool absolute = false)
    {
        Guard.Length(collision.Length, SpeciesCount * Grid.Count, nameof(collision));
        Guard.AllFinite(collision);
        int r = ConstraintCount;
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
        for (int a = 0; a < SpeciesCount; a++)
        {
            massDefect = Math.Max(massDefect, Math.Abs(rates[a]));
        }

        double momentumDefect = Math.Sqrt((rates[SpeciesCount] * rates[SpeciesCount]) + (rates[SpeciesCount + 1] * rates[SpeciesCount + 1]) + (rates[SpeciesCount + 2] * rates[SpeciesCount + 2]));
        double energyDefect = Math.Abs(rates[SpeciesCount + 3]);
        double normBefore = L2(collision), residualBefore = RelativeResidual(collision);

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

        double correction = Math.Sqrt(correctionSquared * Grid.CellVolume);
        return new ConservationReport(
            massDefect, momentumDefect, energyDefect, correction, normBefore > 0 ? correction / normBefore : 0.0, RelativeResidual(collision))
        {
            ResidualBefore = residualBefore,
        };
    }

    // rates = C q, or with `scales` non-empty the same sums of |q|·|φ| (used for relative residuals).
    private void ApplyConstraints(ReadOnlySpan<double> q, Span<double> rates, Span<double> scales)
    {
        rates.Clear();
        scales.Clear();
        int n = Grid.PointsPerAxis, count = Grid.Count, s = SpeciesCount;
        ReadOnlySpan<double> axis = Grid.Axis;
        double h3 = Grid.CellVolume;
        for (int a = 0; a < s; a++)
        {
            ReadOnlySpan<double> qa = q.Slice(a * count, count);
            double mass = 0, px = 0, py = 0, pz = 0, energy = 0, sMass = 0, sMomentum = 0, sEnergy = 0;
            int p = 0;
            for (int i = 0; i < n; i++)
            {
                double vx = axis[i];
                for (int j = 0; j < n; j++)
                {
                    double vy = axis[j];
                    for (int k = 0; k < n; k++, p++)
                    {
                        double vz = axis[k], value = qa[p];
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

            double m = _masses[a];
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

    private double RelativeResidual(ReadOnlySpan<double> q)
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

    // q ← q − W Cᵀ λ; returns Σ (W Cᵀ λ)² (unscaled by h³).
    private double SubtractCorrection(Span<double> q, ReadOnlySpan<double> weights, ReadOnlySpan<double> lambda, bool absolute)
    {
        int n = Grid.PointsPerAxis, count = Grid.Count, s = SpeciesCount;
        ReadOnlySpan<double> axis = Grid.Axis;
        double h3 = Grid.CellVolume, sum = 0;
        for (int a = 0; a < s; a++)
        {
            Span<double> qa = q.Slice(a * count, count);
            ReadOnlySpan<double> wa = weights.IsEmpty ? default : weights.Slice(a * count, count);
            double m = _masses[a];
            double c0 = lambda[a] * h3, cx = m * lambda[s] * h3, cy = m * lambda[s + 1] * h3, cz = m * lambda[s + 2] * h3, ce = 0.5 * m * lambda[s + 3] * h3;
            int p = 0;
            for (int i = 0; i < n; i++)
            {
                double vx = axis[i];
                for (int j = 0; j < n; j++)
                {
                    double vy = axis[j];
                    for (int k = 0; k < n; k++, p++)
                    {
                        double vz = axis[k];
                        double delta = c0 + (cx * vx) + (cy * vy) + (cz * vz) + (ce * ((vx * vx) + (vy * vy) + (vz * vz)));
                        if (!wa.IsEmpty)
                        {
                            delta *= absolute ? Math.Abs(wa[p]) : wa[p];
                        }

                        qa[p] -= delta;
                        sum += delta * delta;
                    }
                }
            }
        }

        return sum;
    }

    // G = C W Cᵀ (lower triangle filled symmetric), W ≡ 1 when weights is empty, W = |weights| when absolute.
    private void BuildGram(ReadOnlySpan<double> weights, Span<double> gram, bool absolute = false)
    {
        int n = Grid.PointsPerAxis, count = Grid.Count, s = SpeciesCount, r = s + 4;
        ReadOnlySpan<double> axis = Grid.Axis;
        double h6 = Grid.CellVolume * Grid.CellVolume;
        gram.Clear();
        Span<double> phi = stackalloc double[5];
        Span<double> moments = stackalloc double[15];
        for (int a = 0; a < s; a++)
        {
            // Weighted moments Σ w φ_i φ_j of φ = (1, vx, vy, vz, |v|²/2) for this species (upper triangle, 15 entries).
            moments.Clear();
            int p = 0;
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    for (int k = 0; k < n; k++, p++)
                    {
                        double w = weights.IsEmpty ? 1.0 : absolute ? Math.Abs(weights[(a * count) + p]) : weights[(a * count) + p];
                        phi[0] = 1.0;
                        phi[1] = axis[i];
                        phi[2] = axis[j];
                        phi[3] = axis[k];
                        phi[4] = 0.5 * ((axis[i] * axis[i]) + (axis[j] * axis[j]) + (axis[k] * axis[k]));
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
            double m = _masses[a];
            Span<int> row = [a, s, s + 1, s + 2, s + 3];
            Span<double> factor = [1.0, m, m, m, m];
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
        foreach (double v in q)
        {
            sum += v * v;
        }

        return Math.Sqrt(sum * Grid.CellVolume);
    }
}
