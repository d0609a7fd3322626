using System.Numerics.Tensors;
using Kinetics.Dynamics;

namespace Kinetics.Boltzmann;

/// <summary>The collision frequency and the <see cref="ISpeciesGridCollisionOperator"/> view used by <see cref="SpeciesGridSolver"/>.</summary>
public sealed partial class SpeciesGridBoltzmannOperator : ISpeciesGridCollisionOperator, ICollisionFrequency, IWorkspaceOperator<SpeciesGridBoltzmannWorkspace>
{
    private WorkspacePool<SpeciesGridBoltzmannWorkspace>? _pool;

    /// <summary>Species masses m^α in index order.</summary>
    public ReadOnlySpan<double> Masses => _masses;

    private WorkspacePool<SpeciesGridBoltzmannWorkspace> Pool => WorkspacePool<SpeciesGridBoltzmannWorkspace>.Of(ref _pool, this);

    /// <summary>
    /// <see cref="ISpeciesGridCollisionOperator"/> entry point: destination = (Σ_β Q^{αβ})_α with a workspace rented from an
    /// internal pool (allocates only when more callers run concurrently than ever before).
    /// </summary>
    /// <param name="distributions">Σ N_α³ stacked distributions (not modified).</param>
    /// <param name="destination">Σ N_α³ stacked collision terms.</param>
    public void Evaluate(ReadOnlySpan<double> distributions, Span<double> destination)
    {
        Guard.Length(distributions.Length, Grids.TotalCount, nameof(distributions));
        Guard.AllFinite(distributions);
        Guard.Length(destination.Length, Grids.TotalCount, nameof(destination));
        Pool.Evaluate(this, distributions, destination);
    }

    /// <summary>
    /// The collision (loss) frequency of every species on its own grid: destination_α(v_p) = ν^α(v_p) = Σ_β ∫∫ B^{αβ}
    /// F^β(v*) dσ dv*, so that the loss part of Q^α is ν^α F^α (projected partners on α's grid, wider partners on their own
    /// grid and interpolated, as in the evaluation).
    /// </summary>
    /// <param name="values">Σ N_α³ stacked values of F (not modified).</param>
    /// <param name="destination">Σ N_α³ stacked values.</param>
    /// <param name="workspace">Scratch of this operator.</param>
    public void CollisionFrequency(ReadOnlySpan<double> values, Span<double> destination, SpeciesGridBoltzmannWorkspace workspace)
    {
        using var lease = Enter(workspace);
        Guard.Length(values.Length, Grids.TotalCount, nameof(values));
        Guard.Length(destination.Length, Grids.TotalCount, nameof(destination));
        Guard.AllFinite(values, nameof(values));
        for (int a = 0; a < Grids.SpeciesCount; a++)
        {
            SpeciesFrequency(a, values, Grids.Slice(destination, a), workspace);
        }
    }

    /// <summary>max over species and grid points of ν^α(v_p) (<see cref="CollisionFrequency"/>): the stiffness that sets
    /// the stable explicit step of <see cref="SpeciesGridSolver"/>.</summary>
    /// <param name="state">Σ N_α³ stacked distributions (not modified).</param>
    public double MaxCollisionFrequency(ReadOnlySpan<double> state)
    {
        Guard.Length(state.Length, Grids.TotalCount, nameof(state));
        Guard.AllFinite(state, nameof(state));
        var workspace = Pool.Rent();
        try
        {
            double largest = 0;
            for (int a = 0; a < Grids.SpeciesCount; a++)
            {
                Span<double> frequency = workspace.Frequency.AsSpan(0, Grids.Count(a));
                SpeciesFrequency(a, state, frequency, workspace);
                largest = Math.Max(largest, TensorPrimitives.Max(frequency));
            }

            return largest;
        }
        finally
        {
            Pool.Return(workspace);
        }
    }

    // target (N_α³) = ν^α on α's grid.
    private void SpeciesFrequency(int a, ReadOnlySpan<double> values, Span<double> target, SpeciesGridBoltzmannWorkspace workspace)
    {
        int count = Grids.Count(a);
        int[] members = _localSpecies[a];
        double[] stacked = workspace.Local[a];
        GatherLocal(a, values, stacked);
        Span<double> local = workspace.Pairs[a].AsSpan(0, members.Length * count);
        _local[a].CollisionFrequency(stacked, local, workspace.Operators[a]);
        local[..count].CopyTo(target);
        for (int b = 0; b < Grids.SpeciesCount; b++)
        {
            if (_wide[a, b] is { } narrow)
            {
                // α narrow, β wide: the convolution on β's grid, interpolated.
                WidePartnerScratch scratch = workspace.Wide[a, b]!;
                _plans[b].ForwardReal(Grids.Slice(values, b), workspace.Spectra[b], workspace.Ffts[b]);
                narrow.LossFrequency(workspace.Spectra[b], scratch.Term, scratch);
                TensorPrimitives.Add(target, scratch.Term, target);
            }
            else if (_wide[b, a] is { } wide)
            {
                // α wide, β narrow: β projected onto α's band.
                WidePartnerScratch scratch = workspace.Wide[b, a]!;
                wide.PartnerLossFrequency(Grids.Slice(values, b), scratch.BetaTerm, scratch);
                TensorPrimitives.Add(target, scratch.BetaTerm, target);
            }
        }
    }

    void IWorkspaceOperator<SpeciesGridBoltzmannWorkspace>.Evaluate(ReadOnlySpan<double> distributions, Span<double> destination, SpeciesGridBoltzmannWorkspace workspace) =>
        Evaluate(distributions, destination, workspace);
}
