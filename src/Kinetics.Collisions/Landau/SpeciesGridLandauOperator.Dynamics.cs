using Kinetics.Dynamics;

namespace Kinetics.Landau;

/// <summary>The <see cref="ISpeciesGridCollisionOperator"/> view used by <see cref="SpeciesGridSolver"/>.</summary>
public sealed partial class SpeciesGridLandauOperator : ISpeciesGridCollisionOperator, IDiffusionBound, IWorkspaceOperator<SpeciesGridLandauWorkspace>
{
    private WorkspacePool<SpeciesGridLandauWorkspace>? _pool;

    /// <summary>
    /// <see cref="ISpeciesGridCollisionOperator"/> entry point: destination = (Σ_b Q_ab)_a with a workspace rented from an
    /// internal pool (allocates only when more callers run concurrently than ever before).
    /// </summary>
    /// <param name="distributions">Σ N_a³ stacked distributions (not modified).</param>
    /// <param name="destination">Σ N_a³ stacked collision terms.</param>
    public void Evaluate(ReadOnlySpan<double> distributions, Span<double> destination)
    {
        Guard.Length(distributions.Length, Grids.TotalCount, nameof(distributions));
        Guard.AllFinite(distributions);
        Guard.Length(destination.Length, Grids.TotalCount, nameof(destination));
        WorkspacePool<SpeciesGridLandauWorkspace>.Of(ref _pool, this).Evaluate(this, distributions, destination);
    }

    /// <summary>
    /// max over species a and points p of species a's grid of m_a λ̄(D_a(v_p)), D_a = Σ_b (c_ab/m_a²) Φ*F_b the diffusion matrix
    /// (the fields of other grids transferred as in <see cref="Evaluate(ReadOnlySpan{double}, Span{double})"/>) and λ̄ its
    /// Gershgorin bound (the β of the Fokker–Planck penalty, docs/limits.md).
    /// </summary>
    /// <param name="state">Σ N_a³ stacked distributions (not modified).</param>
    public double MaxMassWeightedDiffusion(ReadOnlySpan<double> state)
    {
        Guard.Length(state.Length, Grids.TotalCount, nameof(state));
        Guard.AllFinite(state);
        var pool = WorkspacePool<SpeciesGridLandauWorkspace>.Of(ref _pool, this);
        var workspace = pool.Rent();
        try
        {
            using var lease = Enter(workspace);
            Prepare(state, workspace);
            double bound = 0;
            for (int a = 0; a < Grids.SpeciesCount; a++)
            {
                AssembleFields(a, -1, state, workspace);
                bound = Math.Max(bound, _masses[a] * SpectralLandauOperator.MaxGershgorin(workspace.Species[a].Diffusion, Grids.Count(a)));
            }

            return bound;
        }
        finally
        {
            pool.Return(workspace);
        }
    }

    void IWorkspaceOperator<SpeciesGridLandauWorkspace>.Evaluate(ReadOnlySpan<double> distributions, Span<double> destination, SpeciesGridLandauWorkspace workspace) =>
        Evaluate(distributions, destination, workspace);
}
