using MathNet.Numerics.Integration;

namespace Kinetics.Kernels;

/// <summary>
/// The angular part b of a collision kernel B = C·b·|v − v*|^γ, available in both representations
/// (<see cref="AngularRepresentation"/>): b_σ(cos χ) = b_ω(cos θ)/(2|cos θ|), cos χ = 1 − 2cos²θ
/// (docs/math#collision-rules).
/// </summary>
/// <remarks>
/// <para>Only the even part of b_ω matters; b_ω is evaluated at |cos θ|. Every instance satisfies Grad's angular
/// cutoff 0 ≤ b_ω(cos θ) ≤ C_b|cos θ|, equivalently a bounded b_σ ≥ 0 (certified by an adaptive Lipschitz check with stated coverage, see docs/verification.md, when the
/// function is user supplied).</para>
/// <para>Immutable and thread-safe (user functions must be pure).</para>
/// </remarks>
public sealed class AngularFunction
{
    private readonly Func<double, double> _sigma;
    private readonly Func<double, double> _omega;

    private AngularFunction(string name, Func<double, double> sigma, Func<double, double> omega, bool isotropicInSigma, double? integral, double? momentumTransfer, double? supremum = null)
    {
        Name = name;
        _sigma = sigma;
        _omega = omega;
        IsIsotropicInSigma = isotropicInSigma;

        // Closed-form laws pass their supremum (positive by construction); user functions are certified.
        double sup = supremum ?? AngularValidation.CertifyNonNegative(sigma, nameof(sigma));
        GradConstant = 2.0 * sup;
        Integral = integral ?? (2.0 * Math.PI * Integrate(sigma));
        MomentumTransfer = momentumTransfer ?? (2.0 * Math.PI * Integrate(x => sigma(x) * (1.0 - x)));
        if (!(Integral > 0))
        {
            throw new ArgumentException($"b must not vanish identically (∫ b dσ was {Integral}).", nameof(sigma));
        }
    }

    /// <summary>A short description, e.g. "isotropic b_σ = 0.25".</summary>
    public string Name { get; }

    /// <summary>True when b_σ is constant (b_ω ∝ |cos θ|): the spectral method's isotropic fast path applies.</summary>
    public bool IsIsotropicInSigma { get; }

    /// <summary>b₀ = ∫_{S²} b_ω dω = ∫_{S²} b_σ dσ = 2π ∫₋₁¹ b_σ(x) dx (the paper's C_{αβ}, docs/math#collision-kernels).</summary>
    public double Integral { get; }

    /// <summary>λ = ∫_{S²} b_σ(k·σ)(1 − k·σ) dσ = 2π ∫₋₁¹ b_σ(x)(1 − x) dx, the momentum-transfer integral (docs/math#angular-representations).</summary>
    public double MomentumTransfer { get; }

    /// <summary>C_b = sup b_ω(cos θ)/|cos θ| = 2 sup b_σ (the largest value met by the validation, or the closed form).</summary>
    public double GradConstant { get; }

    /// <summary>b_σ(cos χ), the σ-representation.</summary>
    /// <param name="cosChi">cos χ ∈ [−1, 1].</param>
    public double Sigma(double cosChi) => _sigma(Math.Clamp(CheckCosine(cosChi), -1.0, 1.0));

    /// <summary>b_ω(cos θ), the ω-representation (even in cos θ).</summary>
    /// <param name="cosTheta">cos θ ∈ [−1, 1].</param>
    public double Omega(double cosTheta) => _omega(Math.Min(Math.Abs(CheckCosine(cosTheta)), 1.0));

    /// <summary>b in the requested representation.</summary>
    /// <param name="representation">Which angle <paramref name="cosine"/> is.</param>
    /// <param name="cosine">cos θ or cos χ in [−1, 1].</param>
    public double Evaluate(AngularRepresentation representation, double cosine)
    {
        Guard.Defined(representation);
        return representation == AngularRepresentation.Omega ? Omega(cosine) : Sigma(cosine);
    }

    /// <summary>Isotropic scattering b_σ ≡ <paramref name="value"/>, i.e. b_ω = 2·value·|cos θ| (hard spheres, VHS).</summary>
    /// <param name="value">b_σ &gt; 0.</param>
    public static AngularFunction Isotropic(double value)
    {
        Guard.Positive(value);
        return new AngularFunction(
            $"isotropic b_σ = {value:G6}", _ => value, c => 2.0 * value * c, isotropicInSigma: true, 4.0 * Math.PI * value, 4.0 * Math.PI * value, value);
    }

    /// <summary>b_ω(cos θ) = <paramref name="coefficient"/>·|cos θ| (the choice of Wang, Wang and Wu, b₀ = 2π·coefficient), i.e. b_σ ≡ coefficient/2.</summary>
    /// <param name="coefficient">c &gt; 0.</param>
    public static AngularFunction AbsoluteCosine(double coefficient = 1.0)
    {
        Guard.Positive(coefficient);
        var iso = Isotropic(coefficient / 2.0);
        return new AngularFunction($"b_ω = {coefficient:G6}|cos θ|", iso._sigma, iso._omega, true, iso.Integral, iso.MomentumTransfer, iso.GradConstant / 2.0);
    }

    /// <summary>
    /// Variable-soft-sphere scattering: b_σ(cos χ) = scale · α 2^{1−α} (1 + cos χ)^{α−1} / (4π), normalised so that
    /// ∫ b_σ dσ = scale. α = 1 is isotropic (VHS); Koura–Matsumoto α ∈ [1, 2].
    /// </summary>
    /// <param name="scatteringExponent">α ≥ 1 (α &lt; 1 makes b_σ unbounded at χ = π and violates Grad's cutoff).</param>
    /// <param name="scale">∫_{S²} b_σ dσ &gt; 0.</param>
    public static AngularFunction VariableSoftSphere(double scatteringExponent, double scale = 1.0)
    {
        Guard.InRange(scatteringExponent, 1.0, 10.0);
        Guard.Positive(scale);
        double alpha = scatteringExponent;
        double c = scale * alpha * Math.Pow(2.0, 1.0 - alpha) / (4.0 * Math.PI);
        double Sigma(double x) => c * Math.Pow(1.0 + x, alpha - 1.0);

        // cos χ = 1 − 2cos²θ ⇒ 1 + cos χ = 2(1 − cos²θ).
        double Omega(double ct) => 2.0 * ct * c * Math.Pow(2.0 * (1.0 - (ct * ct)), alpha - 1.0);

        // λ = 2π ∫ b_σ(1−x) dx = scale · 2/(α+1) (Beta-function integral).
        return new AngularFunction($"VSS α = {alpha:G6}", Sigma, Omega, alpha == 1.0, scale, scale * 2.0 / (alpha + 1.0), c * Math.Pow(2.0, alpha - 1.0));
    }

    /// <summary>A user angular function given in the ω-representation (whole sphere). b_σ is derived as b_ω/(2|cos θ|).</summary>
    /// <param name="name">Description.</param>
    /// <param name="omega">b_ω(cos θ) for cos θ ∈ [0, 1] (only |cos θ| is used); must satisfy 0 ≤ b_ω ≤ C_b|cos θ|.</param>
    /// <exception cref="ArgumentException">The Grad cutoff fails (b_ω(c)/c grows as c → 0, or b_σ negative or not finite), detected by the certification described in docs/verification.md.</exception>
    public static AngularFunction FromOmega(string name, Func<double, double> omega)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(omega);
        AngularValidation.CheckGradCutoff(omega, nameof(omega));

        // |cos θ| = √((1 − cos χ)/2); at cos χ → 1 the ratio b_ω/(2|cos θ|) is taken at a tiny |cos θ| (its limit under Grad's cutoff).
        double Sigma(double x)
        {
            double ct = Math.Max(Math.Sqrt(Math.Max(0.0, (1.0 - x) / 2.0)), 1e-9);
            return omega(ct) / (2.0 * ct);
        }

        return new AngularFunction(name, Sigma, omega, isotropicInSigma: false, null, null);
    }

    /// <summary>A user angular function given in the σ-representation. b_ω is derived as 2|cos θ| b_σ(1 − 2cos²θ).</summary>
    /// <param name="name">Description.</param>
    /// <param name="sigma">b_σ(cos χ) for cos χ ∈ [−1, 1]; must be bounded and ≥ 0.</param>
    /// <exception cref="ArgumentException">b_σ is negative or not finite somewhere the certification (docs/verification.md) can see it.</exception>
    public static AngularFunction FromSigma(string name, Func<double, double> sigma)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(sigma);
        return new AngularFunction(name, sigma, ct => 2.0 * ct * sigma(1.0 - (2.0 * ct * ct)), isotropicInSigma: false, null, null);
    }

    /// <summary>
    /// True when this function and <paramref name="other"/> agree (relative 1e−12) at the 2¹⁴ + 1 certification points of [−1, 1] (any difference wider than 1.2e−4 in cos χ is found), the check behind
    /// the required symmetry b^{αβ} = b^{βα}.
    /// </summary>
    /// <param name="other">The other angular function.</param>
    public bool AgreesWith(AngularFunction other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        return AngularValidation.Agree(_sigma, other._sigma);
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    // Double-exponential (tanh–sinh) quadrature on [−1, 1]: user b_σ may have integrable endpoint singularities in a
    // derivative (e.g. VSS (1 + x)^{α−1}), which it integrates to round-off at a fixed, bounded cost (no adaptive
    // recursion: the former adaptive Gauss–Kronrod of depth 30 took 17 s on (1 + x)^0.3).
    private static double Integrate(Func<double, double> f) =>
        DoubleExponentialTransformation.Integrate(f, -1.0, 1.0, 1e-14);

    // |cos| ≤ 1 up to round-off (1e−12) of a computed cosine.
    private static double CheckCosine(double cosine, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(cosine))] string? paramName = null)
    {
        if (!(Math.Abs(cosine) <= 1.0 + 1e-12))
        {
            throw new ArgumentOutOfRangeException(paramName, cosine, $"{paramName} must be a cosine in [-1, 1] (was {cosine}).");
        }

        return cosine;
    }
}
