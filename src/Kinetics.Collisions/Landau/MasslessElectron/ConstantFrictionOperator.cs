using Kinetics.Conservation;
using Kinetics.Grids;
using Kinetics.Spectral;

namespace Kinetics.Landau.MasslessElectron;

/// <summary>
/// The ε → 0 limit of the electrons' action on the ions, Q⁰₋₊(G, F)(v) = −∇_v·(F c[G]) with the constant friction vector
/// c[G] = ∫Φ(ξ)∇G dξ = 2∫ξ|ξ|⁻³G(ξ) dξ (Flynn and Guo, eq. (2.37), integrated by parts). c[G] is odd in ξ, so
/// Q⁰₋₊(G, ·) = 0 for every even G (not only Maxwellians): to leading order, ions feel only the odd part of the
/// electron distribution.
/// </summary>
/// <remarks>
/// <see cref="FrictionVector"/> is the grid quadrature Σ_p 2ξ_p|ξ_p|⁻³G_p h³ — exactly zero for even G on a grid
/// symmetric about 0, and second order in h otherwise (the singular integrand is homogeneous of degree −2).
/// <see cref="Evaluate"/> differentiates F spectrally and sets the grid moments to the exact ones (∫Q = 0,
/// ∫vQ = c n₊, ∫|v|²/2 Q = c·∫vF) by the smallest |F|-weighted change. Immutable and thread-safe; evaluation
/// allocates nothing (scratch in a <see cref="LimitOperatorWorkspace"/>).
/// </remarks>
public sealed class ConstantFrictionOperator
{
    private readonly SpectralGrid _spectral;

    private ConstantFrictionOperator(SpeciesGrid grid)
    {
        Grid = grid;
        _spectral = new SpectralGrid(grid.Grid);
    }

    /// <summary>The ion grid (v).</summary>
    public SpeciesGrid Grid { get; }

    /// <summary>Builds the operator on an ion grid.</summary>
    /// <param name="grid">Grid in v.</param>
    /// <returns>The operator.</returns>
    public static ConstantFrictionOperator Create(SpeciesGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return new ConstantFrictionOperator(grid);
    }

    /// <summary>c[G] = 2∫ξ|ξ|⁻³G dξ by the grid quadrature of <paramref name="grid"/> (points at ξ = 0 are skipped).</summary>
    /// <param name="grid">The electron grid (ξ).</param>
    /// <param name="electrons">G on it.</param>
    /// <returns>The friction vector.</returns>
    public static Velocity3 FrictionVector(SpeciesGrid grid, ReadOnlySpan<double> electrons)
    {
        ArgumentNullException.ThrowIfNull(grid);
        Guard.Length(electrons.Length, grid.Count, nameof(electrons));
        Guard.AllFinite(electrons);
        double x = 0, y = 0, z = 0;
        for (int p = 0; p < electrons.Length; p++)
        {
            Velocity3 xi = grid.Point(p);
            double r = xi.Length;
            if (r > 0)
            {
                double w = 2.0 * electrons[p] / (r * r * r);
                x += w * xi.X;
                y += w * xi.Y;
                z += w * xi.Z;
            }
        }

        return new Velocity3(x, y, z) * grid.CellVolume;
    }

    /// <summary>Scratch for <see cref="Evaluate"/>.</summary>
    /// <returns>A new workspace.</returns>
    public LimitOperatorWorkspace CreateWorkspace() => new(this, _spectral.CreateWorkspace(), Grid.Count);

    /// <summary>destination = −∇·(F c) = −c·∇F.</summary>
    /// <param name="friction">c (e.g. from <see cref="FrictionVector"/>).</param>
    /// <param name="ions">F on <see cref="Grid"/> (not modified).</param>
    /// <param name="destination">Values of Q⁰₋₊.</param>
    /// <param name="workspace">Scratch from <see cref="CreateWorkspace"/>.</param>
    public void Evaluate(Velocity3 friction, ReadOnlySpan<double> ions, Span<double> destination, LimitOperatorWorkspace workspace)
    {
        Guard.Finite(friction);
        Guard.Length(ions.Length, Grid.Count, nameof(ions));
        Guard.AllFinite(ions);
        Guard.Length(destination.Length, Grid.Count, nameof(destination));
        ArgumentNullException.ThrowIfNull(workspace);
        workspace.Check(this, nameof(workspace));
        int count = Grid.Count;
        Span<double> derivative = workspace.Gradient.AsSpan(0, count);
        destination.Clear();
        double n = 0, mx = 0, my = 0, mz = 0;
        for (int d = 0; d < 3; d++)
        {
            SpectralDerivative.First(_spectral, ions, d, derivative, workspace.Spectral);
            for (int p = 0; p < count; p++)
            {
                destination[p] -= friction[d] * derivative[p];
            }
        }

        for (int p = 0; p < count; p++)
        {
            Velocity3 v = Grid.Grid.Point(p);
            n += ions[p];
            mx += v.X * ions[p];
            my += v.Y * ions[p];
            mz += v.Z * ions[p];
        }

        // Local coordinates: Σ v Q = c Σ F, Σ |v|²/2 Q = c·Σ v F.
        Span<double> targets = [0.0, friction.X * n, friction.Y * n, friction.Z * n, (friction.X * mx) + (friction.Y * my) + (friction.Z * mz)];
        LocalMomentCorrection.Apply(Grid.Grid, ions, targets, destination);
    }
}
