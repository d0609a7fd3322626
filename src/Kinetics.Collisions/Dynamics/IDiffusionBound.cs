namespace Kinetics.Dynamics;

/// <summary>
/// Optional capability of a collision operator of Fokker–Planck type (the Landau operators): a bound of its diffusion,
/// which sets β of the Fokker–Planck penalty of the stiff steps (<see cref="StiffPenalty.FokkerPlanck"/>, docs/limits.md).
/// </summary>
public interface IDiffusionBound
{
    /// <summary>
    /// max over species a and grid points p of m_a λ̄(D_a(v_p)), D_a the diffusion matrix of species a's collision operator
    /// ∇·(D_a∇F_a − B_aF_a) evaluated at <paramref name="state"/> and λ̄ an upper bound of its largest eigenvalue.
    /// </summary>
    /// <param name="state">Stacked distributions in the operator's layout, finite (not modified).</param>
    /// <returns>The bound (≥ 0).</returns>
    double MaxMassWeightedDiffusion(ReadOnlySpan<double> state);
}
