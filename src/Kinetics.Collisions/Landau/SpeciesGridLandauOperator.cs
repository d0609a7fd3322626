using System.Numerics;
using Kinetics.Conservation;
using Kinetics.Grids;
using Kinetics.Mixtures;
using Kinetics.Spectral;

namespace Kinetics.Landau;

/// <summary>
/// The multi-species Landau operator with every species on its own velocity grid (<see cref="SpeciesGrids"/>):
/// destination_a = Σ_b Q_ab(F_a, F_b) on species a's grid, with F_b given on species b's grid, and Q_ab exactly as in
/// <see cref="SpectralLandauOperator"/> (c_ab∇·[K_b∇F_a/m_a² − b_bF_a/(m_am_b)], K_b = Φ_γ*F_b, b_b = ∇·K_b).
/// Immutable and thread-safe after creation; evaluation allocates nothing (scratch in a
/// <see cref="SpeciesGridLandauWorkspace"/>).
/// </summary>
/// <remarks>
/// <para><b>How a partner b reaches a's grid</b> (docs/species-grids.md, with the measurements behind the choice):</para>
/// <list type="bullet">
/// <item><i>same grid and centre</i>: b's spectrum is used directly (the shared-grid operator, no extra cost);</item>
/// <item><i>b's box no wider than a's</i> (b narrower, e.g. ions seen by electrons): F_b is projected onto a's band by
/// <see cref="SpectralTransfer"/> (its Fourier coefficients on a's period, by b's quadrature) and enters a's fields like
/// a species on a's grid. Q_ab's Fourier modes inside a's band depend on F_b only through these coefficients up to the
/// resolution of F_a itself, so the exchange rates keep spectral accuracy even when F_b is far narrower than a's spacing;</item>
/// <item><i>b's box wider than a's</i> (b lighter, e.g. electrons seen by ions): the fields K_b, b_b are computed on b's
/// own grid (where F_b is resolved and fits the period) and interpolated to a's points by <see cref="SpectralTransfer"/>.</item>
/// </list>
/// <para>Cost per evaluation: the 17 FFTs per species of the shared-grid operator on that species' grid, plus one FFT
/// and one transfer per narrower partner, plus 10 FFTs and 9 transfers per species whose fields are interpolated. N does
/// not depend on the mass ratio. Momentum and energy exchange hold to spectral accuracy, species masses to round-off;
/// apply <see cref="Kinetics.Conservation.ConservativeProjection"/> for round-off conservation.</para>
/// </remarks>
public sealed partial class SpeciesGridLandauOperator
{
    private readonly SpectralLandauOperator[] _operators;
    private readonly PairMode[,] _modes;
    private readonly SpectralTransfer?[,] _transfers;
    private readonly bool[] _fieldSources;
    private readonly double[] _masses;

    private SpeciesGridLandauOperator(SpeciesGrids grids, Mixture mixture, LandauCouplings couplings, LandauKernel kernel)
    {
        Grids = grids;
        Mixture = mixture;
        Couplings = couplings;
        Kernel = kernel;
        _masses = mixture.Masses();
        int s = grids.SpeciesCount;
        _operators = new SpectralLandauOperator[s];
        var byGrid = new Dictionary<CartesianGrid, SpectralLandauOperator>();
        for (int a = 0; a < s; a++)
        {
            CartesianGrid g = grids[a].Grid;
            if (!byGrid.TryGetValue(g, out var op))
            {
                op = SpectralLandauOperator.Create(g, mixture, couplings, kernel);
                byGrid[g] = op;
            }

            _operators[a] = op;
        }

        _modes = new PairMode[s, s];
        _transfers = new SpectralTransfer?[s, s];
        _fieldSources = new bool[s];
        for (int a = 0; a < s; a++)
        {
            for (int b = 0; b < s; b++)
            {
                if (a != b && couplings[a, b] == 0)
                {
                    _modes[a, b] = PairMode.None;
                }
                else if (a == b || grids[a] == grids[b])
                {
                    _modes[a, b] = PairMode.SameGrid;
                }
                else if (grids[b].HalfWidth <= grids[a].HalfWidth)
                {
                    _modes[a, b] = PairMode.Distribution;
                    _transfers[a, b] = SpectralTransfer.Create(grids[b], grids[a]);
                }
                else
                {
                    _modes[a, b] = PairMode.Fields;
                    _transfers[a, b] = SpectralTransfer.Create(grids[b], grids[a]);
                    _fieldSources[b] = true;
                }
            }
        }
    }

    private enum PairMode
    {
        None,
        SameGrid,
        Distribution,
        Fields,
    }

    /// <summary>The species' grids.</summary>
    public SpeciesGrids Grids { get; }

    /// <summary>The species.</summary>
    public Mixture Mixture { get; }

    /// <summary>The pair couplings c_ab.</summary>
    public LandauCouplings Couplings { get; }

    /// <summary>The kernel Φ_γ.</summary>
    public LandauKernel Kernel { get; }

    /// <summary>Species masses m_a in index order.</summary>
    public ReadOnlySpan<double> Masses => _masses;

    /// <summary>Builds the operator (one <see cref="SpectralLandauOperator"/> per distinct grid, kernel truncated at each
    /// grid's half-width, and the transfers between grids).</summary>
    /// <param name="grids">One grid per species (N with factors 2, 3, 5 only).</param>
    /// <param name="mixture">Species (masses m_a).</param>
    /// <param name="couplings">c_ab = c_ba, one per species pair.</param>
    /// <param name="kernel">Φ_γ and its normalisation.</param>
    /// <returns>The operator.</returns>
    public static SpeciesGridLandauOperator Create(SpeciesGrids grids, Mixture mixture, LandauCouplings couplings, LandauKernel kernel)
    {
        ArgumentNullException.ThrowIfNull(grids);
        ArgumentNullException.ThrowIfNull(mixture);
        ArgumentNullException.ThrowIfNull(couplings);
        ArgumentNullException.ThrowIfNull(kernel);
        if (grids.SpeciesCount != mixture.Count)
        {
            throw new ArgumentException($"grids are for {grids.SpeciesCount} species but the mixture has {mixture.Count}.", nameof(grids));
        }

        if (couplings.SpeciesCount != mixture.Count)
        {
            throw new ArgumentException($"couplings are for {couplings.SpeciesCount} species but the mixture has {mixture.Count}.", nameof(couplings));
        }

        return new SpeciesGridLandauOperator(grids, mixture, couplings, kernel);
    }

    /// <summary>Allocates scratch for evaluations of this operator.</summary>
    /// <returns>A new workspace.</returns>
    public SpeciesGridLandauWorkspace CreateWorkspace()
    {
        int s = Grids.SpeciesCount, scratch = 0, largest = 0;
        foreach (var t in _transfers)
        {
            scratch = Math.Max(scratch, t?.ScratchLength ?? 0);
        }

        for (int a = 0; a < s; a++)
        {
            largest = Math.Max(largest, Grids.Count(a));
        }

        var species = new SpectralLandauWorkspace[s];
        var fields = new double[s][];
        for (int a = 0; a < s; a++)
        {
            species[a] = _operators[a].CreateWorkspace();
            fields[a] = _fieldSources[a] ? new double[9 * Grids.Count(a)] : [];
        }

        return new SpeciesGridLandauWorkspace(this, species, fields, new double[largest], new double[scratch]);
    }

    /// <summary>
    /// The mixture operator: destination_a = Σ_b Q_ab(F_a, F_b) on species a's grid, for every species a. Data are stacked
    /// with per-species lengths (<see cref="SpeciesGrids.Offset"/>).
    /// </summary>
    /// <param name="distributions">Σ N_a³ stacked values of F (not modified).</param>
    /// <param name="destination">Σ N_a³ stacked values of Q.</param>
    /// <param name="workspace">Scratch of this operator.</param>
    public void Evaluate(ReadOnlySpan<double> distributions, Span<double> destination, SpeciesGridLandauWorkspace workspace)
    {
        using var lease = Enter(workspace);
        Guard.Length(distributions.Length, Grids.TotalCount, nameof(distributions));
        Guard.Length(destination.Length, Grids.TotalCount, nameof(destination));
        Guard.AllFinite(distributions, nameof(distributions));
        Prepare(distributions, workspace);
        for (int a = 0; a < Grids.SpeciesCount; a++)
        {
            ApplyForSpecies(a, -1, distributions, Grids.Slice(destination, a), workspace);
        }
    }

    /// <summary>Allocating convenience of <see cref="Evaluate(ReadOnlySpan{double}, Span{double}, SpeciesGridLandauWorkspace)"/>.</summary>
    /// <param name="distributions">Σ N_a³ stacked distributions of F.</param>
    /// <returns>Σ N_a³ stacked values of Q.</returns>
    public double[] Evaluate(ReadOnlySpan<double> distributions)
    {
        var q = new double[distributions.Length];
        Evaluate(distributions, q, CreateWorkspace());
        return q;
    }

    /// <summary>One ordered pair: destination = Q_ab(F_a, F_b) on species α's grid.</summary>
    /// <param name="alpha">Test species (the equation's species).</param>
    /// <param name="beta">Field species.</param>
    /// <param name="distributions">Σ N³ stacked distributions of F (only species α and β are read).</param>
    /// <param name="destination">N_a³ values of Q_ab.</param>
    /// <param name="workspace">Scratch of this operator.</param>
    public void EvaluatePair(int alpha, int beta, ReadOnlySpan<double> distributions, Span<double> destination, SpeciesGridLandauWorkspace workspace)
    {
        using var lease = Enter(workspace);
        Guard.InRange(alpha, 0, Grids.SpeciesCount - 1);
        Guard.InRange(beta, 0, Grids.SpeciesCount - 1);
        Guard.Length(distributions.Length, Grids.TotalCount, nameof(distributions));
        Guard.Length(destination.Length, Grids.Count(alpha), nameof(destination));
        Guard.AllFinite(distributions, nameof(distributions));
        Prepare(distributions, workspace);
        ApplyForSpecies(alpha, beta, distributions, destination, workspace);
    }

    // Own spectra of every species (in its own workspace's Spectra[s]) and the raw fields of the species whose fields are
    // interpolated to narrower grids.
    private void Prepare(ReadOnlySpan<double> values, SpeciesGridLandauWorkspace workspace)
    {
        for (int b = 0; b < Grids.SpeciesCount; b++)
        {
            SpectralLandauOperator op = _operators[b];
            SpectralLandauWorkspace wb = workspace.Species[b];
            op.Plan.ForwardReal(Grids.Slice(values, b), wb.Spectra[b], wb.Fft);
            if (_fieldSources[b])
            {
                int count = Grids.Count(b);
                double[] fields = workspace.SourceFields[b];
                op.FieldsFromSpectrum(wb.Spectra[b], wb.Product, fields.AsSpan(0, 6 * count), fields.AsSpan(6 * count, 3 * count), wb.Fft);
            }
        }
    }

    private void ApplyForSpecies(int a, int onlyField, ReadOnlySpan<double> values, Span<double> destination, SpeciesGridLandauWorkspace workspace)
    {
        AssembleFields(a, onlyField, values, workspace);
        SpectralLandauOperator op = _operators[a];
        SpectralLandauWorkspace wa = workspace.Species[a];

        // Grid moments of ∇·J from the flux: Σ∇·J = 0, Σ v_d ∇·J = −Σ J_d, Σ (|v|²/2) ∇·J = −Σ v·J.
        Span<double> fluxSums = stackalloc double[4];
        op.ApplyFlux(Grids.Slice(values, a), wa.Spectra[a], destination, wa, fluxSums);
        Span<double> targets = [0.0, -fluxSums[0], -fluxSums[1], -fluxSums[2], -fluxSums[3]];
        LocalMomentCorrection.Apply(Grids[a].Grid, Grids.Slice(values, a), targets, destination);
    }

    // Species a's combined diffusion and drift fields (Σ_b over the field species, own grid or transferred) in
    // workspace.Species[a].Diffusion/Drift; Prepare must have run.
    private void AssembleFields(int a, int onlyField, ReadOnlySpan<double> values, SpeciesGridLandauWorkspace workspace)
    {
        SpectralLandauOperator op = _operators[a];
        SpectralLandauWorkspace wa = workspace.Species[a];
        int count = Grids.Count(a);
        for (int b = 0; b < Grids.SpeciesCount; b++)
        {
            if (b == a || (onlyField >= 0 && b != onlyField))
            {
                continue;
            }

            switch (_modes[a, b])
            {
                case PairMode.SameGrid:
                    workspace.Species[b].Spectra[b].CopyTo(wa.Spectra[b], 0);
                    break;
                case PairMode.Distribution:
                    Span<double> resampled = workspace.Resampled.AsSpan(0, count);
                    _transfers[a, b]!.Apply(Grids.Slice(values, b), resampled, workspace.TransferScratch);
                    op.Plan.ForwardReal(resampled, wa.Spectra[b], wa.Fft);
                    break;
                default:
                    Array.Clear(wa.Spectra[b]);
                    break;
            }
        }

        op.CombineFields(a, onlyField, wa);
        double ma = _masses[a];
        for (int b = 0; b < Grids.SpeciesCount; b++)
        {
            if (b == a || (onlyField >= 0 && b != onlyField) || _modes[a, b] != PairMode.Fields)
            {
                continue;
            }

            SpectralTransfer transfer = _transfers[a, b]!;
            int source = Grids.Count(b);
            double[] fields = workspace.SourceFields[b];
            double diffusionScale = Couplings[a, b] / (ma * ma), driftScale = Couplings[a, b] / (ma * _masses[b]);
            for (int c = 0; c < 9; c++)
            {
                Span<double> target = c < 6 ? wa.Diffusion.AsSpan(c * count, count) : wa.Drift.AsSpan((c - 6) * count, count);
                transfer.Apply(fields.AsSpan(c * source, source), target, workspace.TransferScratch, c < 6 ? diffusionScale : driftScale, accumulate: true);
            }
        }
    }

    // Checks the workspace belongs to this operator and marks it in use until the lease is disposed.
    private WorkspaceGate.Lease Enter(SpeciesGridLandauWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return workspace.Gate.Enter(this, nameof(workspace));
    }
}
