namespace Kinetics.Dynamics;

/// <summary>
/// Optional capability of an <see cref="ICollisionOperator"/>: the largest collision (loss) frequency of a state,
/// max_{α, p} ν^α(v_p), which bounds the stiffness of ∂_t F = 𝒞(F) and sets the stable explicit step.
/// </summary>
/// <remarks>For the Boltzmann operator ν^α(v) = Σ_β ∫ B^{αβ} F^β(v*) dω dv* is the loss rate (Q⁻ = ν F); explicit SSP
/// schemes need ν Δt ≲ 1 at every grid point, including the tails where F is small, so this is the right quantity
/// for the step control (the relative rate |𝒞(F)|/F is not, near equilibrium).</remarks>
public interface ICollisionFrequency
{
    /// <summary>max over species and grid points of the collision frequency ν^α(v_p) of <paramref name="state"/>.</summary>
    /// <param name="state">S·N³ stacked distributions (not modified).</param>
    double MaxCollisionFrequency(ReadOnlySpan<double> state);
}
