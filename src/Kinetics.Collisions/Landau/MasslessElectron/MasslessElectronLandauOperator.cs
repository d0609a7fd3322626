using Kinetics.Grids;
using Kinetics.Landau.Plasma;
using Kinetics.Mixtures;

namespace Kinetics.Landau.MasslessElectron;

/// <summary>
/// The collision operators of Flynn and Guo's rescaled two-species Landau system (Z = κ = 1, kernel Φ(z) = (I − ẑẑᵀ)/|z|),
/// ions on a grid in v and electrons on a grid in the rescaled velocity ξ = εv, ε = √(m₋/m₊):
/// Q^ε₋₊(G, F)(v) = ∇_v·∫Φ(εv − ξ'){εG(ξ')∇_vF(v) − F(v)∇_ξ'G(ξ')}dξ' (electrons acting on ions) and
/// Q^ε₊₋(F, G)(ξ) = ∇_ξ·∫Φ(ξ − εv'){F(v')∇_ξG(ξ) − εG(ξ)∇_v'F(v')}dv' (ions acting on electrons), and the full
/// right-hand sides ∂_tF = Q(F, F) + Q^ε₋₊(G, F), ∂_tG = ε⁻¹[Q(G, G) + Q^ε₊₋(F, G)]. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para><b>How.</b> The change of variables F₋(w) = ε³G(εw) maps the rescaled system exactly onto the physical one with
/// m₊ = 1, m₋ = ε², unit couplings (docs/massless-electrons.md): Q^ε₋₊(G, F) = Q₊₋(F, F₋) (the mass-weighted pair operator
/// of <see cref="SpeciesGridLandauOperator"/>), Q^ε₊₋(F, G)(ξ) = ε⁻²Q₋₊(F₋, F)(ξ/ε) and Q(G, G)(ξ) = ε⁻²Q₋₋(F₋, F₋)(ξ/ε).
/// The electron grid in ξ is that grid scaled by 1/ε, so the operator is <see cref="PlasmaLandauOperator"/> on the
/// scaled grids, electron values scaled by ε³ on the way in and electron results by ε⁻² (ε⁻³ for the right-hand side) on the
/// way out.</para>
/// <para><b>Exact or expanded.</b> When the ions' box half-width is at most <c>expansionThreshold</c> (default 6) spacings
/// of the scaled electron grid, L₊ ≤ 6h_ξ/ε, Q^ε₊₋ is evaluated in <see cref="CrossPairForm.Expanded"/> form: the ions as
/// point scatterers (the Lorentz operator n₊∇·(Φ(ξ − εu₊)∇G)) plus their temperature's energy diffusion, with the
/// exchange of the exact Q^ε₋₊; otherwise exactly (<see cref="ElectronForm"/>). With N = 32 and both boxes of 8 thermal
/// speeds the switch falls at ε = 0.375 (docs/massless-electrons.md has the measurements behind it).</para>
/// </remarks>
public sealed class MasslessElectronLandauOperator
{
    private readonly PlasmaLandauOperator _physical;
    private readonly double _cube;

    private MasslessElectronLandauOperator(SpeciesGrid ionGrid, SpeciesGrid electronGrid, double epsilon, double threshold)
    {
        IonGrid = ionGrid;
        ElectronGrid = electronGrid;
        Epsilon = epsilon;
        _cube = epsilon * epsilon * epsilon;
        var scaled = new SpeciesGrid(new CartesianGrid(electronGrid.PointsPerAxis, electronGrid.HalfWidth / epsilon), electronGrid.Centre / epsilon);
        var mixture = new Mixture(new Species("ion", 1.0, 1.0), new Species("electron", epsilon * epsilon, -1.0));
        _physical = PlasmaLandauOperator.Create(new SpeciesGrids([ionGrid, scaled]), mixture, LandauCouplings.Uniform(2), LandauKernel.Coulomb(LandauNormalization.FlynnGuo), threshold);
    }

    /// <summary>ε = √(m₋/m₊).</summary>
    public double Epsilon { get; }

    /// <summary>The ions' grid (velocity v).</summary>
    public SpeciesGrid IonGrid { get; }

    /// <summary>The electrons' grid (rescaled velocity ξ = εv).</summary>
    public SpeciesGrid ElectronGrid { get; }

    /// <summary>How Q^ε₊₋ is evaluated (exact, or expanded when the ions fit in one electron cell).</summary>
    public CrossPairForm ElectronForm => _physical.Form(1, 0);

    /// <summary>The equivalent physical-variable operator (m₊ = 1, m₋ = ε², electron grid scaled by 1/ε).</summary>
    public PlasmaLandauOperator Physical => _physical;

    /// <summary>Builds the operator.</summary>
    /// <param name="ionGrid">Grid in v for the ions.</param>
    /// <param name="electronGrid">Grid in ξ = εv for the electrons.</param>
    /// <param name="epsilon">ε in (0, 1].</param>
    /// <param name="expansionThreshold">See <see cref="PlasmaLandauOperator.Create"/>; in [0, 100], 0 never expands.</param>
    /// <returns>The operator.</returns>
    public static MasslessElectronLandauOperator Create(SpeciesGrid ionGrid, SpeciesGrid electronGrid, double epsilon, double expansionThreshold = PlasmaLandauOperator.DefaultExpansionThreshold)
    {
        ArgumentNullException.ThrowIfNull(ionGrid);
        ArgumentNullException.ThrowIfNull(electronGrid);
        if (!(epsilon > 0 && epsilon <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, $"epsilon must be in (0, 1] (was {epsilon}).");
        }

        Guard.InRange(expansionThreshold, 0.0, 100.0);
        return new MasslessElectronLandauOperator(ionGrid, electronGrid, epsilon, expansionThreshold);
    }

    /// <summary>Allocates scratch for evaluations of this operator.</summary>
    /// <returns>A new workspace.</returns>
    public MasslessElectronWorkspace CreateWorkspace() =>
        new(this, _physical.CreateWorkspace(), new double[_physical.Grids.TotalCount], new double[_physical.Grids.TotalCount]);

    /// <summary>destination = Q^ε₋₊(G, F) on the ion grid (electrons acting on ions).</summary>
    /// <param name="electrons">G on the electron grid (ξ).</param>
    /// <param name="ions">F on the ion grid (v).</param>
    /// <param name="destination">Ion-grid values.</param>
    /// <param name="workspace">Scratch of this operator.</param>
    public void EvaluateIonCross(ReadOnlySpan<double> electrons, ReadOnlySpan<double> ions, Span<double> destination, MasslessElectronWorkspace workspace)
    {
        Guard.Length(destination.Length, IonGrid.Count, nameof(destination));
        Load(ions, electrons, workspace);
        _physical.EvaluatePair(0, 1, workspace.Values, destination, workspace.Physical);
    }

    /// <summary>destination = Q^ε₊₋(F, G) on the electron grid (ions acting on electrons).</summary>
    /// <param name="ions">F on the ion grid (v).</param>
    /// <param name="electrons">G on the electron grid (ξ).</param>
    /// <param name="destination">Electron-grid values.</param>
    /// <param name="workspace">Scratch of this operator.</param>
    public void EvaluateElectronCross(ReadOnlySpan<double> ions, ReadOnlySpan<double> electrons, Span<double> destination, MasslessElectronWorkspace workspace)
    {
        Guard.Length(destination.Length, ElectronGrid.Count, nameof(destination));
        Load(ions, electrons, workspace);
        _physical.EvaluatePair(1, 0, workspace.Values, destination, workspace.Physical);
        double scale = 1.0 / (Epsilon * Epsilon);
        for (int p = 0; p < destination.Length; p++)
        {
            destination[p] *= scale;
        }
    }

    /// <summary>
    /// The collision right-hand sides of the rescaled system, stacked [ions; electrons]:
    /// ∂_tF = Q(F, F) + Q^ε₋₊(G, F) and ∂_tG = ε⁻¹[Q(G, G) + Q^ε₊₋(F, G)] (not projected; apply
    /// <see cref="Kinetics.Conservation.ConservativeProjection"/> on <see cref="Physical"/>'s grids for round-off conservation).
    /// </summary>
    /// <param name="ions">F on the ion grid.</param>
    /// <param name="electrons">G on the electron grid.</param>
    /// <param name="ionRate">∂_tF on the ion grid.</param>
    /// <param name="electronRate">∂_tG on the electron grid.</param>
    /// <param name="workspace">Scratch of this operator.</param>
    public void EvaluateSystem(ReadOnlySpan<double> ions, ReadOnlySpan<double> electrons, Span<double> ionRate, Span<double> electronRate, MasslessElectronWorkspace workspace)
    {
        Guard.Length(ionRate.Length, IonGrid.Count, nameof(ionRate));
        Guard.Length(electronRate.Length, ElectronGrid.Count, nameof(electronRate));
        Load(ions, electrons, workspace);
        _physical.Evaluate(workspace.Values, workspace.Rates, workspace.Physical);
        var grids = _physical.Grids;
        grids.Slice((ReadOnlySpan<double>)workspace.Rates, 0).CopyTo(ionRate);
        ReadOnlySpan<double> e = grids.Slice((ReadOnlySpan<double>)workspace.Rates, 1);
        for (int p = 0; p < e.Length; p++)
        {
            electronRate[p] = e[p] / _cube;
        }
    }

    private void Load(ReadOnlySpan<double> ions, ReadOnlySpan<double> electrons, MasslessElectronWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (!ReferenceEquals(workspace.Owner, this))
        {
            throw new ArgumentException("workspace was created by a different MasslessElectronLandauOperator.", nameof(workspace));
        }

        Guard.Length(ions.Length, IonGrid.Count, nameof(ions));
        Guard.Length(electrons.Length, ElectronGrid.Count, nameof(electrons));
        Guard.AllFinite(ions);
        Guard.AllFinite(electrons);
        var grids = _physical.Grids;
        ions.CopyTo(grids.Slice(workspace.Values.AsSpan(), 0));
        Span<double> scaled = grids.Slice(workspace.Values.AsSpan(), 1);
        for (int p = 0; p < electrons.Length; p++)
        {
            scaled[p] = _cube * electrons[p];
        }
    }
}
