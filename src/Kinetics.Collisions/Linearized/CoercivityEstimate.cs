using Kinetics.Weights;

namespace Kinetics.Linearized;

/// <summary>Spectral data of a discrete L (see <see cref="GalerkinLinearizedOperator.Coercivity"/>).</summary>
/// <param name="Degree">Polynomial degree D of the Galerkin space.</param>
/// <param name="BasisSize">Dimension of the Galerkin space.</param>
/// <param name="NullSpaceDimension">Numerical dim ker L (expected S + 4).</param>
/// <param name="L2Gap">Smallest non-zero eigenvalue of L in L² (min ⟨Lf,f⟩/|f|² on (ker L)^⊥).</param>
/// <param name="Delta">δ = min ⟨Lf,f⟩/∫⟨v⟩^γ|f|² on (ker L)^⊥ (Wang, Wang and Wu, Lemma 2.3; docs/math#coercivity, weight w = ⟨v⟩^γ).</param>
/// <param name="DeltaNu">δ_ν = min ⟨Lf,f⟩/⟨ν f, f⟩ on (ker L)^⊥.</param>
/// <param name="Convention">The ⟨v⟩ of <paramref name="Delta"/>.</param>
/// <param name="Eigenvalues">All eigenvalues of G^{−1/2} L G^{−1/2}, ascending.</param>
public sealed record CoercivityEstimate(int Degree, int BasisSize, int NullSpaceDimension, double L2Gap, double Delta, double DeltaNu, BracketConvention Convention, IReadOnlyList<double> Eigenvalues);
