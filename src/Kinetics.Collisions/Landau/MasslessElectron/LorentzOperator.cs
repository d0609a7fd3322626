using Kinetics.Conservation;
using Kinetics.Grids;
using Kinetics.Spectral;

namespace Kinetics.Landau.MasslessElectron;

/// <summary>
/// The ε → 0 limit of the ions' action on the electrons, Q⁰₊₋(F, G)(ξ) = n₊∇_ξ·(Φ(ξ − ξ₀)∇_ξG) (Flynn and Guo, eq. (2.38),
/// with ξ₀ = 0 there): a Lorentz (pitch-angle) operator — ions are infinitely heavy static scatterers. It annihilates
/// every G radial about ξ₀, conserves mass and energy, and dissipates entropy (∫Q ln G ≤ 0).
/// </summary>
/// <remarks>
/// ∇G and the divergence are spectral on the electron grid, Φ(w) = (I − ŵŵᵀ)/|w| is taken pointwise (points closer than
/// h/4 to ξ₀ use |w| = h/4), and the grid moments of the result are set to those of the flux (mass 0, momentum −ΣJ,
/// energy −Σ(ξ − c)·J with c the grid centre) by the smallest |G|-weighted change, as in docs/species-grids.md.
/// Immutable and thread-safe; evaluation allocates nothing (scratch in a <see cref="LimitOperatorWorkspace"/>).
/// </remarks>
public sealed class LorentzOperator
{
    private readonly SpectralGrid _spectral;

    private LorentzOperator(SpeciesGrid grid)
    {
        Grid = grid;
        _spectral = new SpectralGrid(grid.Grid);
    }

    /// <summary>The electron grid (ξ).</summary>
    public SpeciesGrid Grid { get; }

    /// <summary>Builds the operator on an electron grid.</summary>
    /// <param name="grid">Grid in ξ.</param>
    /// <returns>The operator.</returns>
    public static LorentzOperator Create(SpeciesGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return new LorentzOperator(grid);
    }

    /// <summary>Scratch for <see cref="Evaluate"/>.</summary>
    /// <returns>A new workspace.</returns>
    public LimitOperatorWorkspace CreateWorkspace() => new(this, _spectral.CreateWorkspace(), Grid.Count);

    /// <summary>destination = n₊∇·(Φ(ξ − ξ₀)∇G).</summary>
    /// <param name="ionDensity">n₊ ≥ 0.</param>
    /// <param name="centre">ξ₀ (the scatterers' velocity in ξ; 0 at ε = 0).</param>
    /// <param name="electrons">G on <see cref="Grid"/> (not modified).</param>
    /// <param name="destination">Values of Q⁰₊₋.</param>
    /// <param name="workspace">Scratch from <see cref="CreateWorkspace"/>.</param>
    public void Evaluate(double ionDensity, Velocity3 centre, ReadOnlySpan<double> electrons, Span<double> destination, LimitOperatorWorkspace workspace)
    {
        Guard.NonNegative(ionDensity);
        Guard.Finite(centre);
        Guard.Length(electrons.Length, Grid.Count, nameof(electrons));
        Guard.AllFinite(electrons);
        Guard.Length(destination.Length, Grid.Count, nameof(destination));
        ArgumentNullException.ThrowIfNull(workspace);
        workspace.Check(this, nameof(workspace));
        int count = Grid.Count;
        double[] gradient = workspace.Gradient, flux = workspace.Flux;
        for (int d = 0; d < 3; d++)
        {
            SpectralDerivative.First(_spectral, electrons, d, gradient.AsSpan(d * count, count), workspace.Spectral);
        }

        double floor = 0.25 * Grid.Spacing, px = 0, py = 0, pz = 0, energy = 0;
        for (int p = 0; p < count; p++)
        {
            Velocity3 w = Grid.Point(p) - centre;
            double length = w.Length, r = Math.Max(length, floor);
            Velocity3 e = length > 0 ? w / length : Velocity3.Zero;
            var g = new Velocity3(gradient[p], gradient[count + p], gradient[(2 * count) + p]);
            Velocity3 j = (ionDensity / r) * (g - (Velocity3.Dot(e, g) * e));
            flux[p] = j.X;
            flux[count + p] = j.Y;
            flux[(2 * count) + p] = j.Z;
            px += j.X;
            py += j.Y;
            pz += j.Z;
            energy += Velocity3.Dot(Grid.Grid.Point(p), j);
        }

        destination.Clear();
        Span<double> derivative = gradient.AsSpan(0, count);
        for (int d = 0; d < 3; d++)
        {
            SpectralDerivative.First(_spectral, flux.AsSpan(d * count, count), d, derivative, workspace.Spectral);
            for (int p = 0; p < count; p++)
            {
                destination[p] += derivative[p];
            }
        }

        Span<double> targets = [0.0, -px, -py, -pz, -energy];
        LocalMomentCorrection.Apply(Grid.Grid, electrons, targets, destination);
    }
}
