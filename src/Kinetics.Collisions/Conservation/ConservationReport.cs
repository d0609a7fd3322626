namespace Kinetics.Conservation;

/// <summary>
/// What a <see cref="ConservativeProjection"/> found and changed. Defects are the rates of change of the conserved
/// quantities implied by the collision term before projection, with quadrature weight h³:
/// mass defect max_α |∫ Q^α dv|, momentum defect |Σ_α m^α ∫ v Q^α dv| (Euclidean norm), energy defect
/// |Σ_α ∫ (m^α/2)|v|² Q^α dv|. The correction is δ = Q̃ − Q.
/// </summary>
/// <param name="MassDefect">max_α |∫ Q^α dv| before the projection.</param>
/// <param name="MomentumDefect">|Σ_α m^α ∫ v Q^α dv| before the projection.</param>
/// <param name="EnergyDefect">|Σ_α ∫ (m^α/2)|v|² Q^α dv| before the projection.</param>
/// <param name="CorrectionNorm">(Σ_α ∫ δ^α² dv)^{1/2}, the discrete L² norm of the correction.</param>
/// <param name="RelativeCorrection">CorrectionNorm divided by the L² norm of Q (0 when Q = 0).</param>
/// <param name="ResidualAfter">
/// The largest conserved-quantity rate after projection, each relative to the scale Σ_α ∫ |Q^α| φ dv of its own
/// invariant φ (1, m|v|, m|v|²/2): round-off (≈ 1e−15) when the projection succeeded.
/// </param>
public readonly record struct ConservationReport(
    double MassDefect,
    double MomentumDefect,
    double EnergyDefect,
    double CorrectionNorm,
    double RelativeCorrection,
    double ResidualAfter)
{
    /// <summary>The largest conserved-quantity rate before projection, each relative to the scale Σ_α ∫ |Q^α| φ dv of its
    /// own invariant (the same measure as <see cref="ResidualAfter"/>).</summary>
    public double ResidualBefore { get; init; }
}
