using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Quadrature;

namespace Kinetics.Boltzmann;

/// <summary>Input checks of the evaluations: lengths, workspace, overlap, finiteness, and resolution by the grid.</summary>
public sealed partial class BoltzmannOperator
{
    // Checks lengths, ownership, overlap, finiteness and resolution, and holds the workspace for the evaluation (a
    // second thread entering it meanwhile gets an InvalidOperationException).
    private WorkspaceGate.Lease Validate(
        ReadOnlySpan<double> distributions, Span<double> destination, int outputBlocks, BoltzmannWorkspace workspace, string name = "distributions") =>
        ValidateCore(distributions, destination, outputBlocks, workspace, name, resolution: true);

    // The same without the resolution check: the integrators measure resolution themselves (Dynamics.ResolutionPolicy).
    private WorkspaceGate.Lease ValidateWithoutResolution(ReadOnlySpan<double> distributions, Span<double> destination, int outputBlocks, BoltzmannWorkspace workspace) =>
        ValidateCore(distributions, destination, outputBlocks, workspace, "distributions", resolution: false);

    private WorkspaceGate.Lease ValidateCore(
        ReadOnlySpan<double> distributions, Span<double> destination, int outputBlocks, BoltzmannWorkspace workspace, string name, bool resolution)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        int count = Grid.Count;
        Guard.Length(distributions.Length, SpeciesCount * count, name);
        Guard.Length(destination.Length, outputBlocks * count, nameof(destination));
        if (distributions.Overlaps(destination))
        {
            throw new ArgumentException($"destination must not overlap {name}.", nameof(destination));
        }

        Guard.AllFinite(distributions, name);
        for (int a = 0; a < SpeciesCount && resolution; a++)
        {
            CheckResolved(distributions.Slice(a * count, count), a, name);
        }

        return workspace.Gate.Enter(this, nameof(workspace));
    }

    // max |F| over the outermost layer of cells relative to max |F|.
    private void CheckResolved(ReadOnlySpan<double> distributions, int species, string name)
    {
        if (double.IsPositiveInfinity(_resolutionTolerance))
        {
            return;
        }

        double ratio = GridResolution.BoundaryRatio(Grid, distributions);
        if (ratio > _resolutionTolerance)
        {
            throw new ArgumentException(
                $"{name}: species {species} is not resolved by the grid: |F| on the box boundary is {ratio:G3} of its maximum " +
                $"(options.ResolutionTolerance = {_resolutionTolerance:G3}); " +
                $"{Dynamics.SpeciesResolution.Measure(Grid, distributions, _masses[species]).Remedy(Grid, _resolutionTolerance, Dynamics.SpeciesResolution.DefaultMaxSpacingRatio)}. " +
                "During time integration use the solvers' ResolutionPolicy, which measures and reports instead of throwing.",
                name);
        }
    }

    // Bytes of the plan (wave-number table, per pair the gain/loss tables, the anisotropic Legendre tables bounded by
    // the order the plan would choose, the phases) and of one workspace, before anything is allocated: N = 1024 needs
    // tens of GiB and is refused up front instead of running out of memory after a minute.
    private static double EstimateBytes(CartesianGrid grid, CollisionKernelTable kernels, BoltzmannOptions options, double support)
    {
        double n = grid.PointsPerAxis, count = n * n * n, half = n * n * (Math.Floor(n / 2) + 1);
        int s = kernels.SpeciesCount, lanes = options.MaxDegreeOfParallelism;
        double nodes = options.RadialPoints > 0 ? options.RadialPoints : Math.Max(8, grid.PointsPerAxis / 2);
        double table = (3 * Math.Floor(n / 2) * Math.Floor(n / 2)) + 1;
        double xiMax = Math.PI * Math.Sqrt(table - 1) / grid.HalfWidth, rho = 2.0 * 2.0 * support * xiMax;
        double order = Math.Min(600, Math.Ceiling(rho + (12 * Math.Cbrt(rho)) + 12));
        double plan = 4 * half; // wave numbers
        double stored = 0;      // the stored orbit tables, kept only within options.AnisotropicTableBytes
        for (int a = 0; a < s; a++)
        {
            for (int b = a; b < s; b++)
            {
                bool anisotropic = !kernels[a, b].IsIsotropic;
                plan += 8 * ((2 * nodes) + 1) * table;
                plan += anisotropic ? 8 * 2 * nodes * table * (order + 1) : 0;
                plan += 16 * 2 * nodes * (anisotropic ? 122 : 32) * 3 * n;
                stored += anisotropic ? 16 * (a == b ? 1 : 2) * 61 * nodes * (n + 1) * (n + 1) * (Math.Floor(n / 2) + 1) : 0;
            }
        }

        plan += stored <= options.AnisotropicTableBytes ? stored : 0;

        double groups = lanes == 1 ? 1 : Math.Max(lanes, Math.Clamp(Math.Floor((64.0 * 1024 * 1024) / (16 * s * s * half)), 1, 8));
        double workspace = (16 * half * ((2 * s) + (groups * s * s) + (s * s) + lanes))
            + (8 * count * ((3 * lanes) + (s * s)))
            + (HasAnisotropicPair(kernels) ? 8 * lanes * 2 * half * AnisotropicGainWeights.LaneCount : 0)
            + (HasAnisotropicPair(kernels) ? 16 * lanes * half * AnisotropicGainWeights.MaxBatch : 0);
        return plan + workspace;

        static bool HasAnisotropicPair(CollisionKernelTable k)
        {
            for (int a = 0; a < k.SpeciesCount; a++)
            {
                for (int b = 0; b < k.SpeciesCount; b++)
                {
                    if (!k[a, b].IsIsotropic)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }

    private static bool IsAntipodal(SphereRule rule)
    {
        for (int i = 0; i < rule.Count; i++)
        {
            bool found = false;
            for (int j = 0; j < rule.Count && !found; j++)
            {
                found = (rule.Points[i] + rule.Points[j]).Length < 1e-12 && Math.Abs(rule.Weights[i] - rule.Weights[j]) <= 1e-14 * rule.Weights[i];
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }
}
