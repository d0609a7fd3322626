using Kinetics.Dynamics;

namespace Kinetics.Landau;

/// <summary>The <see cref="ISpeciesGridCollisionOperator"/> view used by <see cref="SpeciesGridSolver"/>.</summary>
public sealed partial class SpeciesGridLandauOperator : ISpeciesGridCollisionOperator, IWorkspaceOperator<SpeciesGridLandauWorkspace>
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

    void IWorkspaceOperator<SpeciesGridLandauWorkspace>.Evaluate(ReadOnlySpan<double> distributions, Span<double> destination, SpeciesGridLandauWorkspace workspace) =>
        Evaluate(distributions, destination, workspace);
}
