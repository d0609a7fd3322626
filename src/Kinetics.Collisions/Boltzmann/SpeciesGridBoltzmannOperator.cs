using System.Numerics;
using System.Numerics.Tensors;
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
/// <see cref="Kinetics.Conservation.ConservativeProjection"/> for round-off conservation. Immutable after creation;
/// evaluation with a workspace allocates nothing.</para>
/// </remarks>
public sealed partial class SpeciesGridBoltzmannOperator
{
    private readonly BoltzmannOperator[] _local;
    private readonly int[][] _localSpecies;        // global index of each species sharing α's grid (α itself first)
    private readonly WidePartnerTerm?[,] _wide;    // [narrow, wide]: both directions of a pair on different grids
    private readonly CrossExchangeMoments?[,] _exchange; // [narrow, wide]: weak-form exchange of the wide side
    private readonly Fft3DPlan[] _plans;
    private readonly double[] _masses;
    private readonly int _lanes;

    private SpeciesGridBoltzmannOperator(SpeciesGrids grids, CollisionKernelTable kernels, BoltzmannOptions options)
    {
        Grids = grids;
        Kernels = kernels;
        int s = grids.SpeciesCount;
        _local = new BoltzmannOperator[s];
        _localSpecies = new int[s][];
        _wide = new WidePartnerTerm?[s, s];
        _exchange = new CrossExchangeMoments?[s, s];
        _plans = Enumerable.Range(0, s).Select(a => Fft3DPlan.Create(grids[a].PointsPerAxis)).ToArray();
        _masses = kernels.Mixture.Masses();
        _lanes = Math.Max(1, options.MaxDegreeOfParallelism);
        var local = options with { ResolutionTolerance = double.PositiveInfinity };
        for (int a = 0; a < s; a++)
        {
            int[] members = [a, .. Enumerable.Range(0, s).Where(b => b != a && grids[b] == grids[a])];
            _localSpecies[a] = members;
            var mixture = new Mixture(members.Select(i => kernels.Mixture[i]));
            var table = CollisionKernelTable.FromPairs(mixture, (i, j) => kernels[members[i], members[j]]);
            _local[a] = BoltzmannOperator.Create(grids[a].Grid, table, local);
        }

        for (int a = 0; a < s; a++)
        {
            for (int b = 0; b < s; b++)
            {
                bool narrower = grids[a].HalfWidth < grids[b].HalfWidth || (grids[a].HalfWidth == grids[b].HalfWidth && a < b);
                if (grids[a] != grids[b] && narrower)
                {
                    // The product of each node lives on the narrow grid; R, the nodes and the sphere rule are those of the
                    // wide grid's operator (docs/species-grids.md); the nodes are the pair (a, b)'s on the wide grid.
                    BoltzmannOperator wide = _local[b];
                    var sphere = DefaultSphere.For(options, kernels, a, b);
                    int nodes = BoltzmannOperator.RadialPointsOf(options, grids[b].PointsPerAxis, _masses[a], _masses[b]);
                    _wide[a, b] = new WidePartnerTerm(grids[a], grids[b], _masses[a], _masses[b], kernels[a, b], sphere, wide.TruncationRadius, nodes);
                    _exchange[a, b] = new CrossExchangeMoments(grids[b].Grid, _masses[b], _masses[a], kernels[b, a], wide.TruncationRadius, nodes);
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
        int s = Grids.SpeciesCount;
        var wide = new WidePartnerScratch?[s, s];
        var exchange = new CrossExchangeScratch?[s, s];
        for (int a = 0; a < s; a++)
        {
            for (int b = 0; b < s; b++)
            {
                wide[a, b] = _wide[a, b]?.CreateScratch(_lanes);
                if (wide[a, b] is { } w)
                {
                    // The weak-form exchange runs after the term, on β's grid: it borrows the term's β buffers.
                    exchange[a, b] = _exchange[a, b]!.CreateScratch(w.BetaFft, w.BetaSpectrum, w.BetaGain, w.Partner);
                }
            }
        }

        return new SpeciesGridBoltzmannWorkspace(
            this,
            _local.Select(o => o.CreateWorkspace()).ToArray(),
            _local.Select((o, a) => new double[_localSpecies[a].Length * o.Grid.Count]).ToArray(),
            _local.Select((o, a) => new double[_localSpecies[a].Length * _localSpecies[a].Length * o.Grid.Count]).ToArray(),
            _plans.Select(p => new Complex[p.HalfSpectrumCount]).ToArray(),
            _plans.Select(p => p.CreateWorkspace()).ToArray(),
            wide,
            exchange);
    }

    /// <summary>destination_α = Σ_β Q^{αβ}(F^α, F^β) on α's grid (stacked with <see cref="SpeciesGrids.Offset"/>).</summary>
    /// <param name="distributions">Σ N_α³ stacked values of F (not modified).</param>
    /// <param name="destination">Σ N_α³ stacked values of Q.</param>
    /// <param name="workspace">Scratch of this operator.</param>
    public void Evaluate(ReadOnlySpan<double> distributions, Span<double> destination, SpeciesGridBoltzmannWorkspace workspace) =>
        EvaluateCore(distributions, destination, workspace);

    /// <summary>Allocating convenience of <see cref="Evaluate(ReadOnlySpan{double}, Span{double}, SpeciesGridBoltzmannWorkspace)"/>.</summary>
    /// <param name="distributions">Σ N_α³ stacked distributions of F.</param>
    public double[] Evaluate(ReadOnlySpan<double> distributions)
    {
        var q = new double[distributions.Length];
        Evaluate(distributions, q, CreateWorkspace());
        return q;
    }

    /// <summary>One ordered pair: destination = Q^{αβ}(F^α, F^β) on α's grid.</summary>
    /// <param name="alpha">The equation's species.</param>
    /// <param name="beta">The partner.</param>
    /// <param name="distributions">Σ N³ stacked distributions of F.</param>
    /// <param name="destination">N_α³ values.</param>
    /// <param name="workspace">Scratch of this operator.</param>
    public void EvaluatePair(int alpha, int beta, ReadOnlySpan<double> distributions, Span<double> destination, SpeciesGridBoltzmannWorkspace workspace)
    {
        Guard.InRange(alpha, 0, Grids.SpeciesCount - 1);
        Guard.InRange(beta, 0, Grids.SpeciesCount - 1);
        Guard.Length(destination.Length, Grids.Count(alpha), nameof(destination));
        using var lease = Enter(workspace);
        Guard.Length(distributions.Length, Grids.TotalCount, nameof(distributions));
        Guard.AllFinite(distributions, nameof(distributions));
        destination.Clear();
        if (_localSpecies[alpha].Contains(beta))
        {
            AddLocal(alpha, beta, distributions, destination, workspace);
        }
        else if (_wide[alpha, beta] is not null)
        {
            AddCross(alpha, beta, distributions, destination, default, workspace);
        }
        else
        {
            AddCross(beta, alpha, distributions, default, destination, workspace);
        }
    }

    private void EvaluateCore(ReadOnlySpan<double> distributions, Span<double> destination, SpeciesGridBoltzmannWorkspace workspace)
    {
        using var lease = Enter(workspace);
        Guard.Length(distributions.Length, Grids.TotalCount, nameof(distributions));
        Guard.Length(destination.Length, Grids.TotalCount, nameof(destination));
        Guard.AllFinite(distributions, nameof(distributions));
        destination.Clear();
        for (int a = 0; a < Grids.SpeciesCount; a++)
        {
            AddLocal(a, -1, distributions, Grids.Slice(destination, a), workspace);
        }

        for (int a = 0; a < Grids.SpeciesCount; a++)
        {
            for (int b = 0; b < Grids.SpeciesCount; b++)
            {
                if (_wide[a, b] is not null)
                {
                    AddCross(a, b, distributions, Grids.Slice(destination, a), Grids.Slice(destination, b), workspace);
                }
            }
        }
    }

    // destination (N_α³) += Σ_β Q^{αβ} over the species sharing α's grid (onlyPartner < 0) or Q^{α,onlyPartner}.
    private void AddLocal(int a, int onlyPartner, ReadOnlySpan<double> values, Span<double> destination, SpeciesGridBoltzmannWorkspace workspace)
    {
        int count = Grids.Count(a);
        int[] members = _localSpecies[a];
        double[] stacked = workspace.Local[a];
        GatherLocal(a, values, stacked);
        double[] pairs = workspace.Pairs[a];
        _local[a].EvaluatePairs(stacked, pairs, workspace.Operators[a]);
        for (int i = 0; i < members.Length; i++)
        {
            if (onlyPartner < 0 || members[i] == onlyPartner)
            {
                TensorPrimitives.Add(destination, pairs.AsSpan(i * count, count), destination);
            }
        }
    }

    // The pair (narrow α, wide β) on different grids: narrowDestination (N_α³) += Q^{αβ}, wideDestination (N_β³) += Q^{βα}
    // (either may be empty). Q^{αβ} keeps its momentum and energy exchange as computed and loses only its mass defect;
    // Q^{βα} gets its exchange from the weak form on β's grid (spectrally accurate, docs/species-grids.md).
    private void AddCross(int a, int b, ReadOnlySpan<double> values, Span<double> narrowDestination, Span<double> wideDestination, SpeciesGridBoltzmannWorkspace workspace)
    {
        WidePartnerTerm term = _wide[a, b]!;
        WidePartnerScratch scratch = workspace.Wide[a, b]!;
        ReadOnlySpan<double> fa = Grids.Slice(values, a), fb = Grids.Slice(values, b);
        _plans[a].ForwardReal(fa, workspace.Spectra[a], workspace.Ffts[a]);
        _plans[b].ForwardReal(fb, workspace.Spectra[b], workspace.Ffts[b]);
        bool wide = !wideDestination.IsEmpty;
        term.Evaluate(fa, workspace.Spectra[a], fb, workspace.Spectra[b], scratch.Term, wide ? scratch.BetaTerm : default, scratch);
        Span<double> targets = stackalloc double[5];
        if (!narrowDestination.IsEmpty)
        {
            // The gain and loss conserve α's mass only to quadrature accuracy: remove that defect alone.
            LocalMomentCorrection.Measure(Grids[a].Grid, scratch.Term, targets);
            targets[0] = 0;
            LocalMomentCorrection.Apply(Grids[a].Grid, fa, targets, scratch.Term);
            TensorPrimitives.Add(narrowDestination, scratch.Term, narrowDestination);
        }

        if (wide)
        {
            // Grid moments of a term whose partner is narrower than the spacing are not spectrally accurate (the
            // periodised |v|² of the grid sums): impose the weak-form exchange, computed with F^α projected onto β's band.
            Span<double> projected = scratch.BetaReal;
            term.ProjectToBeta(fa, projected, scratch);
            _exchange[a, b]!.Targets(fb, projected, Grids[b].Centre, targets, workspace.Exchange[a, b]!);
            LocalMomentCorrection.Apply(Grids[b].Grid, fb, targets, scratch.BetaTerm);
            TensorPrimitives.Add(wideDestination, scratch.BetaTerm, wideDestination);
        }
    }

    // stacked = the species sharing α's grid (α itself first).
    private void GatherLocal(int a, ReadOnlySpan<double> values, double[] stacked)
    {
        int count = Grids.Count(a);
        int[] members = _localSpecies[a];
        for (int i = 0; i < members.Length; i++)
        {
            Grids.Slice(values, members[i]).CopyTo(stacked.AsSpan(i * count, count));
        }
    }

    // Checks the workspace belongs to this operator and marks it in use until the lease is disposed.
    private WorkspaceGate.Lease Enter(SpeciesGridBoltzmannWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return workspace.Gate.Enter(this, nameof(workspace));
    }
}
