using Kinetics.Grids;

namespace Kinetics.Conservation;

/// <summary>
/// The conservative correction for a mixture whose species live on different grids (<see cref="SpeciesGrids"/>): the
/// smallest weighted-L² change to Q = (Q^α)_α after which every species mass, the total momentum and the total energy
/// are conserved to round-off, each moment taken on the species' own grid with its own weight h_α³ and its physical
/// velocities c_α + v_p.
/// </summary>
/// <remarks>
/// <para>Constraints φ: ∫Q^α = 0 for each α; Σ_α m^α∫v_d Q^α = 0 (d = x, y, z); Σ_α ∫(m^α/2)|v|²Q^α = 0. The result
/// Q̃ = Q − W Σ_r λ_r φ_r minimises Σ_α h_α³ Σ_p (Q̃ − Q)²/W subject to the constraints; λ solves the (S+4)×(S+4) Gram
/// system G_rs = Σ_α h_α³ Σ_p W φ_r φ_s (Cholesky, then one refinement pass). With W = F^α (the default of the
/// per-species operators' callers) the correction is (a^α + b·m^α v + c m^α|v|²/2)F^α: it stays where each species
/// lives, whatever its grid. On a shared grid this is <see cref="ConservativeProjection"/>.</para>
/// <para>Immutable and thread-safe; applying allocates nothing.</para>
/// </remarks>
public sealed class SpeciesGridProjection
{
    private readonly double[] _masses;
    private readonly double[] _uniformCholesky;

    private SpeciesGridProjection(SpeciesGrids grids, double[] masses)
    {
        Grids = grids;
        _masses = masses;
        int r = ConstraintCount;
        _uniformCholesky = new double[r * r];
        BuildGram(default, _uniformCholesky);
        if (!SmallCholesky.Factor(_uniformCholesky, r))
        {
            throw new InvalidOperationException($"The conservation constraints are degenerate on {grids}.");
        }
    }

    /// <summary>The species' grids.</summary>
    public SpeciesGrids Grids { get; }

    /// <summary>S, the number of species.</summary>
    public int SpeciesCount => _masses.Length;

    /// <summary>S + 4, the number of conserved quantities.</summary>
    public int ConstraintCount => _masses.Length + 4;

    /// <summary>Creates the projection for species of masses <paramref name="masses"/> on <paramref name="grids"/>.</summary>
    /// <param name="grids">One grid per species.</param>
    /// <param name="masses">m^α &gt; 0, one per species.</param>
    public static SpeciesGridProjection Create(SpeciesGrids grids, ReadOnlySpan<double> masses)
    {
        ArgumentNullException.ThrowIfNull(grids);
        Guard.Length(masses.Length, grids.SpeciesCount, nameof(masses));
        foreach (double m in masses)
        {
            Guard.Positive(m, nameof(masses));
        }

        return new SpeciesGridProjection(grids, masses.ToArray());
    }

    /// <summary>
    /// Writes the S + 4 conserved-quantity rates of <paramref name="collision"/>: ∫Q^α (α = 0 … S−1), then
    /// Σ m^α∫v_d Q^α (d = x, y, z), then Σ∫(m^α/2)|v|²Q^α, each species on its own grid.
    /// </summary>
    /// <param name="collision">Σ N_α³ stacked values.</param>
    /// <param name="rates">S + 4 values.</param>
    public void Measure(ReadOnlySpan<double> collision, Span<double> rates)
    {
        Guard.Length(collision.Length, Grids.TotalCount, nameof(collision));
        Guard.Length(rates.Length, ConstraintCount, nameof(rates));
        Guard.AllFinite(collision);
        Constraints(collision, rates, default);
    }

    /// <summary>Projects <paramref name="collision"/> in place with the uniform weight W ≡ 1.</summary>
    /// <param name="collision">Σ N_α³ stacked values, overwritten by the corrected collision term.</param>
    /// <returns>The defects before projection and the size of the correction.</returns>
    public ConservationReport Apply(Span<double> collision) => ApplyCore(collision, default);

    /// <summary>Projects <paramref name="collision"/> in place with the weight <paramref name="weights"/> (typically
    /// the distributions themselves, stacked the same way).</summary>
    /// <param name="collision">Σ N_α³ stacked values, overwritten by the corrected collision term.</param>
    /// <param name="weights">Σ N_α³ stacked weights ≥ 0, not all zero for any species.</param>
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

    private ConservationReport ApplyCore(Span<double> collision, ReadOnlySpan<double> weights)
    {
        Guard.Length(collision.Length, Grids.TotalCount, nameof(collision));
        Guard.AllFinite(collision);
        int r = ConstraintCount, s = SpeciesCount;
        Span<double> rates = stackalloc double[r];
        Span<double> gram = stackalloc double[r * r];
        if (weights.IsEmpty)
        {
            _uniformCholesky.CopyTo(gram);
        }
        else
        {
            BuildGram(weights, gram);
            if (!SmallCholesky.Factor(gram, r))
            {
                throw new ArgumentException("weights make the conservation constraints degenerate (a species has zero weight everywhere).", nameof(weights));
            }
        }

        Constraints(collision, rates, default);
        double massDefect = 0;
        for (int a = 0; a < s; a++)
        {
            massDefect = Math.Max(massDefect, Math.Abs(rates[a]));
        }

        double momentumDefect = Math.Sqrt((rates[s] * rates[s]) + (rates[s + 1] * rates[s + 1]) + (rates[s + 2] * rates[s + 2]));
        double energyDefect = Math.Abs(rates[s + 3]);
        double normBefore = Norm(collision);
        double correctionSquared = 0;
        for (int pass = 0; pass < 2; pass++)
        {
            if (pass > 0)
            {
                Constraints(collision, rates, default);
            }

            SmallCholesky.Solve(gram, r, rates);
            correctionSquared += SubtractCorrection(collision, weights, rates);
        }

        double correction = Math.Sqrt(correctionSquared);
        return new ConservationReport(massDefect, momentumDefect, energyDefect, correction, normBefore > 0 ? correction / normBefore : 0.0, RelativeResidual(collision));
    }

    /// <summary>
    /// The largest conserved-quantity rate of <paramref name="collision"/>, each relative to the scale Σ_α∫|Q^α|φ of its
    /// own invariant (1, m|v|, m|v|²/2): round-off after <see cref="Apply(Span{double})"/>.
    /// </summary>
    /// <param name="collision">Σ N_α³ stacked values.</param>
    public double RelativeResidual(ReadOnlySpan<double> collision)
    {
        Guard.Length(collision.Length, Grids.TotalCount, nameof(collision));
        Guard.AllFinite(collision);
        int r = ConstraintCount;
        Span<double> rates = stackalloc double[r];
        Span<double> scales = stackalloc double[r];
        Constraints(collision, rates, scales);
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

    // rates = C q (physical velocities, own h³ per species); with `scales` non-empty also Σ|q||φ|.
    private void Constraints(ReadOnlySpan<double> q, Span<double> rates, Span<double> scales)
    {
        rates.Clear();
        scales.Clear();
        int s = SpeciesCount;
        for (int a = 0; a < s; a++)
        {
            SpeciesGrid g = Grids[a];
            ReadOnlySpan<double> qa = Grids.Slice(q, a);
            int n = g.PointsPerAxis, p = 0;
            double mass = 0, px = 0, py = 0, pz = 0, energy = 0, sMass = 0, sMomentum = 0, sEnergy = 0;
            for (int i = 0; i < n; i++)
            {
                double vx = g.Coordinate(0, i);
                for (int j = 0; j < n; j++)
                {
                    double vy = g.Coordinate(1, j);
                    for (int k = 0; k < n; k++, p++)
                    {
                        double vz = g.Coordinate(2, k), value = qa[p], v2 = (vx * vx) + (vy * vy) + (vz * vz);
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

    // q ← q − W Σ_r λ_r φ_r; returns Σ_α h_α³ Σ_p (W Σλφ)².
    private double SubtractCorrection(Span<double> q, ReadOnlySpan<double> weights, ReadOnlySpan<double> lambda)
    {
        int s = SpeciesCount;
        double sum = 0;
        for (int a = 0; a < s; a++)
        {
            SpeciesGrid g = Grids[a];
            Span<double> qa = Grids.Slice(q, a);
            ReadOnlySpan<double> wa = weights.IsEmpty ? default : Grids.Slice(weights, a);
            double m = _masses[a], c0 = lambda[a], cx = m * lambda[s], cy = m * lambda[s + 1], cz = m * lambda[s + 2], ce = 0.5 * m * lambda[s + 3];
            int n = g.PointsPerAxis, p = 0;
            double local = 0;
            for (int i = 0; i < n; i++)
            {
                double vx = g.Coordinate(0, i);
                for (int j = 0; j < n; j++)
                {
                    double vy = g.Coordinate(1, j);
                    for (int k = 0; k < n; k++, p++)
                    {
                        double vz = g.Coordinate(2, k);
                        double delta = c0 + (cx * vx) + (cy * vy) + (cz * vz) + (ce * ((vx * vx) + (vy * vy) + (vz * vz)));
                        if (!wa.IsEmpty)
                        {
                            delta *= wa[p];
                        }

                        qa[p] -= delta;
                        local += delta * delta;
                    }
                }
            }

            sum += local * g.CellVolume;
        }

        return sum;
    }

    // G_rs = Σ_α h_α³ Σ_p W φ_r φ_s (full symmetric matrix), W ≡ 1 when weights is empty.
    private void BuildGram(ReadOnlySpan<double> weights, Span<double> gram)
    {
        int s = SpeciesCount, r = s + 4;
        gram.Clear();
        Span<double> phi = stackalloc double[5];
        Span<double> moments = stackalloc double[15];
        Span<int> row = stackalloc int[5];
        Span<double> factor = stackalloc double[5];
        for (int a = 0; a < s; a++)
        {
            SpeciesGrid g = Grids[a];
            ReadOnlySpan<double> wa = weights.IsEmpty ? default : Grids.Slice(weights, a);
            int n = g.PointsPerAxis, p = 0;
            moments.Clear();
            for (int i = 0; i < n; i++)
            {
                double vx = g.Coordinate(0, i);
                for (int j = 0; j < n; j++)
                {
                    double vy = g.Coordinate(1, j);
                    for (int k = 0; k < n; k++, p++)
                    {
                        double vz = g.Coordinate(2, k), w = wa.IsEmpty ? 1.0 : wa[p];
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

            double m = _masses[a], h3 = g.CellVolume;
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
                    double value = factor[x] * factor[y] * moments[u] * h3;
                    gram[(row[x] * r) + row[y]] += value;
                    if (row[x] != row[y])
                    {
                        gram[(row[y] * r) + row[x]] += value;
                    }
                }
            }
        }
    }

    private double Norm(ReadOnlySpan<double> q)
    {
        double sum = 0;
        for (int a = 0; a < SpeciesCount; a++)
        {
            double local = 0;
            foreach (double v in Grids.Slice(q, a))
            {
                local += v * v;
            }

            sum += local * Grids[a].CellVolume;
        }

        return Math.Sqrt(sum);
    }
}
