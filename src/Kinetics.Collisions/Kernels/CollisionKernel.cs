using Kinetics.Mixtures;

namespace Kinetics.Kernels;

/// <summary>
/// A collision kernel B(|g|, angle) = C · b(angle) · |g|^γ for one species pair, g = v − v* (docs/math#boltzmann-operator).
/// </summary>
/// <remarks>
/// <para>γ ∈ (−3, 1]: soft potentials γ &lt; 0, Maxwell molecules γ = 0, hard potentials γ &gt; 0, hard spheres γ = 1 with
/// isotropic b_σ. The kinetic factor |g|^γ does not involve the reduced mass (docs/math#collision-kernels); physical
/// parametrisations (<see cref="HardSpheres"/>, <see cref="VariableHardSpheres"/>, <see cref="VariableSoftSpheres"/>)
/// fold their mass and diameter dependence into the strength C.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class CollisionKernel
{
    /// <summary>Creates B = C·b·|g|^γ.</summary>
    /// <param name="gamma">γ ∈ (−3, 1].</param>
    /// <param name="angular">The angular function b (both representations).</param>
    /// <param name="strength">C &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">γ outside (−3, 1] or C ≤ 0.</exception>
    public CollisionKernel(double gamma, AngularFunction angular, double strength = 1.0)
    {
        Guard.InHalfOpenRange(gamma, -3.0, 1.0);
        ArgumentNullException.ThrowIfNull(angular);
        Guard.Positive(strength);
        Gamma = gamma;
        Angular = angular;
        Strength = strength;
    }

    /// <summary>γ, the exponent of |v − v*|.</summary>
    public double Gamma { get; }

    /// <summary>C, the constant prefactor.</summary>
    public double Strength { get; }

    /// <summary>The angular function b.</summary>
    public AngularFunction Angular { get; }

    /// <summary>C·b₀ with b₀ = ∫_{S²} b dω: the total rate per unit |g|^γ (ν^{αβ} = C b₀ E|v − X|^γ).</summary>
    public double TotalAngularStrength => Strength * Angular.Integral;

    /// <summary>True when b_σ is constant (the spectral method's isotropic fast path).</summary>
    public bool IsIsotropic => Angular.IsIsotropicInSigma;

    /// <summary>B in the ω-representation: C b_ω(cos θ) |g|^γ.</summary>
    /// <param name="relativeSpeed">|g| ≥ 0 (|g| = 0 with γ &lt; 0 returns +∞).</param>
    /// <param name="cosTheta">cos θ = ω·ĝ.</param>
    public double EvaluateOmega(double relativeSpeed, double cosTheta)
    {
        Guard.NonNegative(relativeSpeed);
        return Strength * Angular.Omega(cosTheta) * Math.Pow(relativeSpeed, Gamma);
    }

    /// <summary>B in the σ-representation: C b_σ(cos χ) |g|^γ.</summary>
    /// <param name="relativeSpeed">|g| ≥ 0.</param>
    /// <param name="cosChi">cos χ = σ·ĝ.</param>
    public double EvaluateSigma(double relativeSpeed, double cosChi)
    {
        Guard.NonNegative(relativeSpeed);
        return Strength * Angular.Sigma(cosChi) * Math.Pow(relativeSpeed, Gamma);
    }

    /// <summary>True when both kernels have the same γ, C (relative 1e−12) and angular function.</summary>
    /// <param name="other">The other kernel.</param>
    public bool AgreesWith(CollisionKernel other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return ReferenceEquals(this, other)
            || (other.Gamma == Gamma
                && Math.Abs(other.Strength - Strength) <= 1e-12 * Math.Max(other.Strength, Strength)
                && Angular.AgreesWith(other.Angular));
    }

    /// <summary>Maxwell molecules: γ = 0 with angular function <paramref name="angular"/> and strength C.</summary>
    /// <param name="angular">b.</param>
    /// <param name="strength">C &gt; 0.</param>
    public static CollisionKernel MaxwellMolecules(AngularFunction angular, double strength = 1.0) => new(0.0, angular, strength);

    /// <summary>
    /// Hard spheres of collision diameter d: B = (d²/4)|g| in the σ-representation (b_σ ≡ d²/4, total cross-section πd²),
    /// i.e. b_ω = (d²/2)|cos θ| over the whole ω-sphere.
    /// </summary>
    /// <param name="diameter">d &gt; 0 (for a pair, d = (σ^α + σ^β)/2).</param>
    public static CollisionKernel HardSpheres(double diameter)
    {
        Guard.Positive(diameter);
        return new CollisionKernel(1.0, AngularFunction.Isotropic(diameter * diameter / 4.0));
    }

    /// <summary>
    /// Variable hard spheres (Bird): total cross-section σ_T(g) = π d_ref² (2T_ref/(m_r g²))^{ω−1/2} / Γ(5/2 − ω) with
    /// isotropic scattering, so B = g σ_T(g)/(4π) in the σ-representation and γ = 2 − 2ω.
    /// </summary>
    /// <param name="referenceDiameter">d_ref &gt; 0 at the reference temperature.</param>
    /// <param name="referenceTemperature">T_ref &gt; 0 (k_B = 1).</param>
    /// <param name="viscosityIndex">ω ∈ [1/2, 2): 1/2 hard spheres, 1 Maxwell molecules; γ = 2 − 2ω ∈ (−2, 1].</param>
    /// <param name="reducedMass">m_r = m^α m^β/(m^α + m^β) &gt; 0.</param>
    public static CollisionKernel VariableHardSpheres(double referenceDiameter, double referenceTemperature, double viscosityIndex, double reducedMass) =>
        VariableSoftSpheres(referenceDiameter, referenceTemperature, viscosityIndex, reducedMass, 1.0);

    /// <summary>
    /// Variable soft spheres (Koura–Matsumoto): the VHS total cross-section with the anisotropic scattering law
    /// b_σ ∝ (1 + cos χ)^{α−1} (see <see cref="AngularFunction.VariableSoftSphere"/>).
    /// </summary>
    /// <param name="referenceDiameter">d_ref &gt; 0.</param>
    /// <param name="referenceTemperature">T_ref &gt; 0.</param>
    /// <param name="viscosityIndex">ω ∈ [1/2, 2).</param>
    /// <param name="reducedMass">m_r &gt; 0.</param>
    /// <param name="scatteringExponent">α ≥ 1 (α = 1 is VHS).</param>
    public static CollisionKernel VariableSoftSpheres(double referenceDiameter, double referenceTemperature, double viscosityIndex, double reducedMass, double scatteringExponent)
    {
        Guard.Positive(referenceDiameter);
        Guard.Positive(referenceTemperature);
        Guard.InRange(viscosityIndex, 0.5, 1.999);
        Guard.Positive(reducedMass);
        double omega = viscosityIndex;
        double gamma = 2.0 - (2.0 * omega);

        // B_σ-total = g σ_T(g) = π d² (2T_ref/m_r)^{ω−1/2} g^{2−2ω} / Γ(5/2−ω); the angular law carries 1/(4π)·∫ = 1.
        double strength = Math.PI * referenceDiameter * referenceDiameter
            * Math.Pow(2.0 * referenceTemperature / reducedMass, omega - 0.5)
            / MathNet.Numerics.SpecialFunctions.Gamma(2.5 - omega);
        return new CollisionKernel(gamma, AngularFunction.VariableSoftSphere(scatteringExponent, 1.0), strength);
    }

    /// <summary>Reduced mass m^α m^β/(m^α + m^β) of two species.</summary>
    /// <param name="a">First species.</param>
    /// <param name="b">Second species.</param>
    public static double ReducedMass(Species a, Species b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return ReducedMass(a.Mass, b.Mass);
    }

    // m_a m_b/(m_a + m_b) = lo/(1 + lo/hi): no overflow of the product or the sum (ReducedMass(1e308, 1e308) = 5e307).
    internal static double ReducedMass(double massA, double massB)
    {
        double lo = Math.Min(massA, massB), hi = Math.Max(massA, massB);
        return lo / (1.0 + (lo / hi));
    }

    /// <inheritdoc />
    public override string ToString() => $"B = {Strength:G6}·[{Angular}]·|g|^{Gamma:G6}";
}
