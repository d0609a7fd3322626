namespace Kinetics.Landau;

/// <summary>
/// Scratch memory for <see cref="RadialLandauOperator"/> and <see cref="RadialLandauSolver"/> on one
/// <see cref="RadialLandauGrid"/>. Not thread-safe: use one workspace per thread.
/// </summary>
public sealed class RadialLandauWorkspace
{
    /// <summary>Allocates the scratch for <paramref name="grid"/>.</summary>
    /// <param name="grid">The radial grid.</param>
    public RadialLandauWorkspace(RadialLandauGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        Grid = grid;
        Gate = new WorkspaceGate(grid);
        int n = grid.Count;
        Diffusion = new double[n];
        Friction = new double[n];
        MeanRatio = new double[n];
        Iterate = new double[n];
        Next = new double[n];
        Rate = new double[n];
        Lower = new double[n];
        Diagonal = new double[n];
        Upper = new double[n];
        Start = new double[n];
        History = new double[n];
        Saved = new double[n];
    }

    /// <summary>The grid this workspace serves.</summary>
    public RadialLandauGrid Grid { get; }

    internal double[] Diffusion { get; }

    internal double[] Friction { get; }

    internal double[] MeanRatio { get; }

    internal double[] Iterate { get; }

    internal double[] Next { get; }

    internal double[] Rate { get; }

    internal double[] Lower { get; }

    internal double[] Diagonal { get; }

    internal double[] Upper { get; }

    internal double[] Start { get; }

    internal double[] History { get; }

    internal double[] Saved { get; }

    internal WorkspaceGate Gate { get; }

    // Checks that the workspace belongs to `grid` and holds it for one evaluation (concurrent use throws).
    internal static WorkspaceGate.Lease Enter(RadialLandauWorkspace workspace, RadialLandauGrid grid)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return workspace.Gate.Enter(grid, nameof(workspace));
    }
}
