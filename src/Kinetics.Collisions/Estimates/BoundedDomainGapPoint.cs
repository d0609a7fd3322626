namespace Kinetics.Estimates;

/// <summary>The L² gap of L compressed to one velocity ball |v| ≤ V (see <see cref="KernelEstimates.BoundedDomainGap(Linearized.BallLinearizedOperator)"/>).</summary>
/// <param name="Radius">V.</param>
/// <param name="Gap">λ(V) = min over ℓ ≤ ℓ_max of the sector gaps (smallest eigenvalue on the complement of the collision invariants).</param>
/// <param name="GapDegree">The sector ℓ attaining <paramref name="Gap"/>.</param>
/// <param name="MinimumFrequency">ν(V) = min over α and |v| ≤ V of ν^α(v) (the bottom of the multiplication part; = ν^α(V) for γ &lt; 0).</param>
/// <param name="GapToFrequency">λ(V)/ν(V).</param>
/// <param name="DeltaNu">min over sectors of δ_ν = min ⟨Lf, f⟩/⟨ν f, f⟩ (bounded below as V grows, unlike the gap).</param>
/// <param name="Delta">min over sectors of δ = min ⟨Lf, f⟩/∫(1 + |v|)^γ|f|² (the constant of Wang, Wang and Wu, Lemma 2.3, on the ball; docs/math#coercivity).</param>
/// <param name="NullSpaceResidual">max over the invariants of ‖A χ_j‖/‖ν χ_j‖ (sectors ℓ = 0, 1).</param>
/// <param name="SectorGaps">The gap of each sector ℓ = 0…ℓ_max.</param>
public sealed record BoundedDomainGapPoint(double Radius, double Gap, int GapDegree, double MinimumFrequency, double GapToFrequency, double DeltaNu, double Delta, double NullSpaceResidual, IReadOnlyList<double> SectorGaps);
