using Kinetics.Moments;

namespace Kinetics.PhaseSpace.Moments;

/// <summary>
/// The macroscopic fields of one species (or of the mixture) in one cell, for a velocity space of dimension d:
/// n = ∫F dv, n u = ∫v F dv, P_ab = Σ m ∫(v − u)_a (v − u)_b F dv, (d/2) n T = ½ tr P, q_a = Σ ∫ (m/2)|v − u|² (v − u)_a F dv
/// (k_B = 1). Components beyond d are zero. For the mixture, n = Σ n^α, u is the mass-averaged velocity, and P, T and q
/// are taken about that u.
/// </summary>
/// <param name="Density">n.</param>
/// <param name="BulkVelocity">u.</param>
/// <param name="Temperature">T, from (d/2) n T = ½ tr P (d = the velocity dimension).</param>
/// <param name="Stress">The pressure tensor P.</param>
/// <param name="HeatFlux">q.</param>
public readonly record struct CellFields(double Density, Velocity3 BulkVelocity, double Temperature, SymmetricTensor3 Stress, Velocity3 HeatFlux);
