using System.Numerics;
using Kinetics.Conservation;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Mixtures;
using Kinetics.Spectral;

namespace Kinetics.Boltzmann;

/// <summary>
/// The multi-species Boltzmann operator with every species on its own velocity grid (<see cref="SpeciesGrids"/>):
/// destination_α = Σ_β Q^{αβ}(F^α, F^β) on α's grid with F^β given on β's grid, for isotropic b_σ, with the
/// discretisation of <see cref="BoltzmannOperator"/> (docs/species-grids.md).
/// </summary>
/// <remarks>
/// <para><b>How a partner β reaches α's grid.</b> Partners whose box is no wider than α's (heavier species, or the same
/// grid) are projected onto α's band by <see cref="SpectralTransfer"/> and evaluated together with α's self pair by a
/// <see cref="BoltzmannOperator"/> on α's grid (its Fourier modes inside α's band depend on F^β only through that
/// projection, up to the resolution of F^α). Partners with a wider box (lighter species) are handled by the gain and loss
/// of the same spectral method with the partner interpolated from its own grid at the shifted points of α's grid, with R,
/// radial nodes and sphere rule of the wider grid's operator so that the two directions of a pair balance.</para>
/// <para>Cost: one <see cref="BoltzmannOperator"/> evaluation per species on its own grid over the species no wider than
/// it, plus per wider partner and radial node M inverse transforms, M grid transfers and one forward transform. N does
/// not depend on the mass ratio. Momentum and energy exchange to quadrature accuracy; use
/// <see cref="Kinetics.Conservation.SpeciesGridProjection"/> for round-off conservation. Immutable after creation;
/// evaluation with a workspace allocates nothing.</para>
/// </remarks>
public sealed class SpeciesGridBoltzmannOperator
{
    private readonly BoltzmannOperator[] _local;
    private readonly int[][] _localSpecies;        // global index of each local species (α itself first)
    private readonly SpectralTransfer?[][] _projections; // [α][local index]
    private readonly WidePartnerTerm?[,] _wide;
    private readonly Fft3DPlan[] _plans;
    private readonly CrossExchangeMoments?[][] _moments; // [α][local index]: weak-form exchange of projected partners

    private SpeciesGridBoltzmannOperator(SpeciesGrids grids, CollisionKernelTable kernels, BoltzmannOptions options)
    {
        Grids = grids;
        Kernels = kernels;
        int s = grids.SpeciesCount;
        _local = new BoltzmannOperator[s];
        _localSpecies = new int[s][];
        _projections = new SpectralTransfer?[s][];
        _wide = new WidePartnerTerm?[s, s];
        _plans = Enumerable.Range(0, s).Select(a => Fft3DPlan.Create(grids[a].PointsPerAxis)).ToArray();
        var local = options with { ResolutionTolerance = double.PositiveInfinity };
        for (int a = 0; a < s; a++)
        {
            var members = new List<int> { a };
            for (int b = 0; b < s; b++)
            {
                if (b != a && grids[b].HalfWidth <= grids[a].HalfWidth)
                {
                    members.Add(b);
                }
            }

            _localSpecies[a] = members.ToArray();
            var mixture = new Mixture(members.Select(i => kernels.Mixture[i]));
            var table = CollisionKernelTable.FromPairs(mixture, (i, j) => kernels[members[i], members[j]]);
            _local[a] = BoltzmannOperator.Create(grids[a].Grid, table, local);
            _projections[a] = members.Select(b => b == a || grids[b] == grids[a] ? null : SpectralTransfer.Create(grids[b], grids[a])).ToArray();
        }

        double[] masses = kernels.Mixture.Masses();
        _moments = new CrossExchangeMoments?[s][];
        for (int a = 0; a < s; a++)
        {
            int[] members = _localSpecies[a];
            _moments[a] = members.Select(b => b == a || grids[b] == grids[a] ? null
                : new CrossExchangeMoments(grids[a].Grid, masses[a], masses[b], kernels[a, b], _local[a].TruncationRadius, _local[a].RadialPoints)).ToArray();
        }

        for (int a = 0; a < s; a++)
        {
            for (int b = 0; b < s; b++)
            {
                if (grids[b].HalfWidth > grids[a].HalfWidth)
                {
                    // Use β's operator (where α is projected) for R, the nodes and the sphere rule.
                    BoltzmannOperator wide = _local[b];
                    int la = Array.IndexOf(_localSpecies[b], a);
                    _wide[a, b] = new WidePartnerTerm(grids[a], grids[b], masses[a], masses[b], kernels[a, b], wide.SphereFor(0, la), wide.TruncationRadius, wide.RadialPoints);
                }
            }
        }
    }

    /// <summary>The species' grids.</summary>
    public SpeciesGrids Grids { get; }

    /// <summary>The kernels B^{αβ} and the mixture.</summary>
    public CollisionKernelTable Kernels { get; }

    /// <summary>Builds the operator.</summary>
    /// <param name="grids">One grid per species (N even, factors 2, 3, 5).</param>
    /// <param name="kernels">B^{αβ} with isotropic b_σ for every pair with a wider partner.</param>
    /// <param name="options">Discretisation choices of the per-grid operators (the resolution check is not applied to
    /// projected partners); null for the defaults.</param>
    public static SpeciesGridBoltzmannOperator Create(SpeciesGrids grids, CollisionKernelTable kernels, BoltzmannOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(grids);
        ArgumentNullException.ThrowIfNull(kernels);
        if (grids.SpeciesCount != kernels.SpeciesCount)
        {
            throw new ArgumentException($"grids are for {grids.SpeciesCount} species but the kernels for {kernels.SpeciesCount}.", nameof(grids));
        }

        return new SpeciesGridBoltzmannOperator(grids, kernels, options ?? new BoltzmannOptions());
    }

    /// <summary>Allocates scratch for evaluations (one per concurrent caller).</summary>
    public SpeciesGridBoltzmannWorkspace CreateWorkspace()
    {
        int s = Grids.SpeciesCount, transfer = 0;
        foreach (var row in _projections)
        {
            foreach (var t in row)
            {
                transfer = Math.Max(transfer, t?.ScratchLength ?? 0);
            }
        }

        var wide = new WidePartnerScratch?[s, s];
        for (int a = 0; a < s; a++)
        {
            for (int b = 0; b < s; b++)
            {
                wide[a, b] = _wide[a, b]?.CreateScratch();
            }
        }

        return new SpeciesGridBoltzmannWorkspace(
            this,
            _local.Select(o => o.CreateWorkspace()).ToArray(),
            _local.Select((o, a) => new double[_localSpecies[a].Length * o.Grid.Count]).ToArray(),
            _local.Select((o, a) => new double[_localSpecies[a].Length * _localSpecies[a].Length * o.Grid.Count]).ToArray(),
            _plans.Select(p => new Complex[p.HalfSpectrumCount]).ToArray(),
            _plans.Select(p => p.CreateWorkspace()).ToArray(),
            new double[transfer],
            wide,
            Enumerable.Range(0, s).Select(a => _moments[a].FirstOrDefault(m => m is not null)?.CreateScratch()).ToArray());
    }

    /// <summary>destination_α = Σ_β Q^{αβ}(F^α, F^β) on α's grid (stacked with <see cref="SpeciesGrids.Offset"/>).</summary>
    /// <param name="values">Σ N_α³ stacked values of F (not modified).</param>
    /// <param name="destination">Σ N_α³ stacked values of Q.</param>
    /// <param name="workspace">Scratch of this operator.</param>
    public void Evaluate(ReadOnlySpan<double> values, Span<double> destination, SpeciesGridBoltzmannWorkspace workspace) =>
        EvaluateCore(values, destination, workspace, -1);

    /// <summary>Allocating convenience of <see cref="Evaluate(ReadOnlySpan{double}, Span{double}, SpeciesGridBoltzmannWorkspace)"/>.</summary>
    /// <param name="values">Σ N_α³ stacked values of F.</param>
    public double[] Evaluate(ReadOnlySpan<double> values)
    {
        var q = new double[values.Length];
        Evaluate(values, q, CreateWorkspace());
        return q;
    }

    /// <summary>One ordered pair: destination = Q^{αβ}(F^α, F^β) on α's grid.</summary>
    /// <param name="alpha">The equation's species.</param>
    /// <param name="beta">The partner.</param>
    /// <param name="values">Σ N³ stacked values of F.</param>
    /// <param name="destination">N_α³ values.</param>
    /// <param name="workspace">Scratch of this operator.</param>
    public void EvaluatePair(int alpha, int beta, ReadOnlySpan<double> values, Span<double> destination, SpeciesGridBoltzmannWorkspace workspace)
    {
        Guard.InRange(alpha, 0, Grids.SpeciesCount - 1);
        Guard.InRange(beta, 0, Grids.SpeciesCount - 1);
        Guard.Length(destination.Length, Grids.Count(alpha), nameof(destination));
        using var lease = Enter(workspace);
        Guard.Length(values.Length, Grids.TotalCount, nameof(values));
        Guard.AllFinite(values, nameof(values));
        destination.Clear();
        EvaluateSpecies(alpha, beta, values, destination, workspace);
    }

    private void EvaluateCore(ReadOnlySpan<double> values, Span<double> destination, SpeciesGridBoltzmannWorkspace workspace, int onlyPartner)
    {
        using var lease = Enter(workspace);
        Guard.Length(values.Length, Grids.TotalCount, nameof(values));
        Guard.Length(destination.Length, Grids.TotalCount, nameof(destination));
        Guard.AllFinite(values, nameof(values));
        destination.Clear();
        for (int a = 0; a < Grids.SpeciesCount; a++)
        {
            EvaluateSpecies(a, onlyPartner, values, Grids.Slice(destination, a), workspace);
        }
    }

    // destination (cleared by the caller) += Σ_β Q^{αβ} (onlyPartner < 0) or Q^{α,onlyPartner}.
    private void EvaluateSpecies(int a, int onlyPartner, ReadOnlySpan<double> values, Span<double> destination, SpeciesGridBoltzmannWorkspace workspace)
    {
        int count = Grids.Count(a);
        int[] members = _localSpecies[a];
        bool localNeeded = onlyPartner < 0 || members.Contains(onlyPartner);
        if (localNeeded)
        {
            double[] stacked = workspace.Local[a];
            for (int i = 0; i < members.Length; i++)
            {
                Span<double> target = stacked.AsSpan(i * count, count);
                if (_projections[a][i] is { } transfer)
                {
                    transfer.Apply(Grids.Slice(values, members[i]), target, workspace.Transfer);
                }
                else
                {
                    Grids.Slice(values, members[i]).CopyTo(target);
                }
            }

            double[] pairs = workspace.Pairs[a];
            _local[a].EvaluatePairs(stacked, pairs, workspace.Operators[a]);
            Span<double> targets = stackalloc double[5];
            for (int i = 0; i < members.Length; i++)
            {
                if (onlyPartner < 0 || members[i] == onlyPartner)
                {
                    Span<double> q = pairs.AsSpan(i * count, count);
                    if (_moments[a][i] is { } moments)
                    {
                        // The projected partner's exchange by the weak form (spectrally accurate), imposed on Q^{αβ}.
                        ReadOnlySpan<double> fa = stacked.AsSpan(0, count);
                        moments.Targets(fa, stacked.AsSpan(i * count, count), Grids[a].Centre, targets, workspace.Moments[a]);
                        LocalMomentCorrection.Apply(Grids[a].Grid, fa, targets, q);
                    }

                    for (int p = 0; p < count; p++)
                    {
                        destination[p] += q[p];
                    }
                }
            }
        }

        bool spectrum = false;
        Span<double> wanted = stackalloc double[5];
        for (int b = 0; b < Grids.SpeciesCount; b++)
        {
            if (_wide[a, b] is not { } term || (onlyPartner >= 0 && b != onlyPartner))
            {
                continue;
            }

            if (!spectrum)
            {
                _plans[a].ForwardReal(Grids.Slice(values, a), workspace.Spectra[a], workspace.Ffts[a]);
                spectrum = true;
            }

            WidePartnerScratch scratch = workspace.Wide[a, b]!;
            _plans[b].ForwardReal(Grids.Slice(values, b), workspace.Spectra[b], workspace.Ffts[b]);
            term.Evaluate(Grids.Slice(values, a), workspace.Spectra[a], Grids.Slice(values, b), workspace.Spectra[b], scratch.Term, scratch);

            // The gain and loss conserve α's mass only to quadrature accuracy: remove that defect alone (momentum and
            // energy exchange are kept as computed).
            LocalMomentCorrection.Measure(Grids[a].Grid, scratch.Term, wanted);
            wanted[0] = 0;
            LocalMomentCorrection.Apply(Grids[a].Grid, Grids.Slice(values, a), wanted, scratch.Term);
            for (int p = 0; p < count; p++)
            {
                destination[p] += scratch.Term[p];
            }
        }
    }

    // Checks the workspace belongs to this operator and marks it in use until the lease is disposed.
    private WorkspaceGate.Lease Enter(SpeciesGridBoltzmannWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return workspace.Gate.Enter(this, nameof(workspace));
    }
}
