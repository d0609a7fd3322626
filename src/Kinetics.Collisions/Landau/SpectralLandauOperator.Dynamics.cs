using Kinetics.Dynamics;
using Kinetics.Grids;

namespace Kinetics.Landau;

/// <summary>The <see cref="ICollisionOperator"/> view and the explicit-step stiffness of the spectral Landau operator.</summary>
public sealed partial class SpectralLandauOperator : ICollisionOperator, ICollisionFrequency, IDiffusionBound, IWorkspaceOperator<SpectralLandauWorkspace>
{
    // Workspaces rented per call by the span-only ICollisionOperator entry points (one per concurrent caller).
    private WorkspacePool<SpectralLandauWorkspace>? _pool;

    /// <summary>Species masses m_a in index order.</summary>
    public ReadOnlySpan<double> Masses => _masses;

    CartesianGrid ICollisionOperator.Grid => Grid;

    /// <summary>
    /// <see cref="ICollisionOperator"/> entry point: effectively <c>destination_a = Σ_b Q_ab(F_a, F_b)</c>, with a workspace
    /// rented from an internal pool.
    /// </summary>
    /// <param name="distributions">S·N³ stacked distributions (not modified).</param>
    /// <param name="destination">S·N³ stacked collision terms.</param>
    public void Evaluate(ReadOnlySpan<double> distributions, Span<double> destination) => Pool.Evaluate(this, distributions, destination);

    // The pool's view of the workspace overload (explicit: the public overload names its input `values`).
    void IWorkspaceOperator<SpectralLandauWorkspace>.Evaluate(ReadOnlySpan<double> distributions, Span<double> destination, SpectralLandauWorkspace workspace) =>
        Evaluate(distributions, destination, workspace);

    /// <summary>
    /// The stiffness rate of the discrete operator, an upper bound of its largest eigenvalue magnitude on the grid:
    /// max over species a and points p of λ̄(D_a(v_p))·|ξ|²_max + |B_a(v_p)|·|ξ|_max, with D_a = Σ_b (c_ab/m_a²) Φ*F_b the
    /// diffusion matrix, λ̄ its Gershgorin bound, B_a = Σ_b (c_ab/(m_a m_b)) ∇·Φ*F_b the drift and |ξ|_max = √3 π/h the
    /// largest grid frequency. Explicit SSP steps need Δt ≲ 1/this (the parabolic CFL condition of a diffusion).
    /// </summary>
    /// <param name="state">S·N³ stacked distributions (not modified).</param>
    public double MaxCollisionFrequency(ReadOnlySpan<double> state)
    {
        int count = Grid.Count, species = Mixture.Count;
        Guard.Length(state.Length, species * count, nameof(state));
        Guard.AllFinite(state);
        double xiMax = Math.Sqrt(3.0) * Math.PI / Grid.Spacing;
        var workspace = Rent();
        try
        {
            for (int s = 0; s < species; s++)
            {
                Plan.ForwardReal(state.Slice(s * count, count), workspace.Spectra[s], workspace.Fft);
            }

            double rate = 0;
            for (int a = 0; a < species; a++)
            {
                CombineFields(a, -1, workspace);
                double[] k = workspace.Diffusion, d = workspace.Drift;
                for (int p = 0; p < count; p++)
                {
                    double gershgorin = Gershgorin(k, count, p);
                    double drift = Math.Sqrt((d[p] * d[p]) + (d[count + p] * d[count + p]) + (d[(2 * count) + p] * d[(2 * count) + p]));
                    rate = Math.Max(rate, (gershgorin * xiMax * xiMax) + (drift * xiMax));
                }
            }

            return rate;
        }
        finally
        {
            Pool.Return(workspace);
        }
    }

    /// <summary>
    /// max over species a and grid points p of m_a λ̄(D_a(v_p)), D_a = Σ_b (c_ab/m_a²) Φ*F_b the diffusion matrix and λ̄ its
    /// Gershgorin bound (the β of the Fokker–Planck penalty, docs/limits.md).
    /// </summary>
    /// <param name="state">S·N³ stacked distributions (not modified).</param>
    public double MaxMassWeightedDiffusion(ReadOnlySpan<double> state)
    {
        int count = Grid.Count, species = Mixture.Count;
        Guard.Length(state.Length, species * count, nameof(state));
        Guard.AllFinite(state);
        var workspace = Rent();
        try
        {
            for (int s = 0; s < species; s++)
            {
                Plan.ForwardReal(state.Slice(s * count, count), workspace.Spectra[s], workspace.Fft);
            }

            double bound = 0;
            for (int a = 0; a < species; a++)
            {
                CombineFields(a, -1, workspace);
                bound = Math.Max(bound, _masses[a] * MaxGershgorin(workspace.Diffusion, count));
            }

            return bound;
        }
        finally
        {
            Pool.Return(workspace);
        }
    }

    // max_p of the Gershgorin bound of the symmetric 3×3 matrices stored as six planes (xx, xy, xz, yy, yz, zz) of count values.
    internal static double MaxGershgorin(double[] k, int count)
    {
        double bound = 0;
        for (int p = 0; p < count; p++)
        {
            bound = Math.Max(bound, Gershgorin(k, count, p));
        }

        return bound;
    }

    private static double Gershgorin(double[] k, int count, int p)
    {
        double xx = k[p], xy = k[count + p], xz = k[(2 * count) + p], yy = k[(3 * count) + p], yz = k[(4 * count) + p], zz = k[(5 * count) + p];
        return Math.Max(
            Math.Abs(xx) + Math.Abs(xy) + Math.Abs(xz),
            Math.Max(Math.Abs(xy) + Math.Abs(yy) + Math.Abs(yz), Math.Abs(xz) + Math.Abs(yz) + Math.Abs(zz)));
    }

    // Created on first use (the constructor lives in the other part of this class).
    private WorkspacePool<SpectralLandauWorkspace> Pool => WorkspacePool<SpectralLandauWorkspace>.Of(ref _pool, this);

    private SpectralLandauWorkspace Rent() => Pool.Rent();
}
