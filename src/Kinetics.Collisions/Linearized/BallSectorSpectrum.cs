namespace Kinetics.Linearized;

/// <summary>Spectral data of one spherical-harmonic sector of L on a velocity ball (see <see cref="BallLinearizedOperator.Spectrum"/>).</summary>
/// <param name="Degree">The sector ℓ.</param>
/// <param name="Radius">The ball radius V.</param>
/// <param name="NodeCount">Radial nodes per species inside the ball.</param>
/// <param name="InvariantCount">Collision invariants in this sector (S + 1 for ℓ = 0, 1 for ℓ = 1, 0 above), projected out.</param>
/// <param name="Gap">Smallest eigenvalue of the sector matrix on the orthogonal complement of the invariants (L² gap of the sector).</param>
/// <param name="DeltaNu">δ_ν = min ⟨Lf, f⟩/⟨ν f, f⟩ on the same complement (weight ν, as <see cref="CoercivityEstimate.DeltaNu"/>).</param>
/// <param name="Delta">δ = min ⟨Lf, f⟩/∫(1 + |v|)^γ|f|² on the same complement (the weight w, as <see cref="CoercivityEstimate.Delta"/>).</param>
/// <param name="NullSpaceResidual">max_j ‖A χ_j‖/‖ν χ_j‖ over the invariants of the sector (0 when there are none).</param>
/// <param name="LowestEigenvalues">The lowest InvariantCount + 3 eigenvalues of the sector matrix itself, ascending.</param>
public sealed record BallSectorSpectrum(int Degree, double Radius, int NodeCount, int InvariantCount, double Gap, double DeltaNu, double Delta, double NullSpaceResidual, IReadOnlyList<double> LowestEigenvalues);
