using Kinetics.Kernels;
using MathNet.Numerics;

namespace Kinetics.Linearized;

/// <summary>
/// The collision frequencies ν^{αβ}(v) = ∫∫ B^{αβ} μ^β(v*) dω dv* and ν^α = Σ_β ν^{αβ} of the linearized operator
/// L = ν − K around the global Maxwellians μ^α = 𝓜[1, 0, 1; m^α], in closed form (docs/math#collision-frequency).
/// </summary>
/// <remarks>
/// <para>ν^{αβ}(v) = C^{αβ} b₀^{αβ} 𝔼|v − X_β|^γ with X_β ~ 𝒩(0, I/m^β) and b₀ = ∫_{S²} b dω, i.e.
/// ν^{αβ}(v) = C b₀ (2/m^β)^{γ/2} Γ((3+γ)/2)/Γ(3/2) ₁F₁(−γ/2; 3/2; −m^β|v|²/2). It depends on b only through b₀ and on the
/// partner mass only. Special cases are used where they are exact: γ = 0 (constant), γ = −1 (erf), γ = −2 (Dawson).</para>
/// <para>Stable for all |v|: ₁F₁ is evaluated through Kummer's transform as a positive series (log space) for
/// m|v|²/2 &lt; 38 and through its algebraic asymptotic series beyond, so ν/|v|^γ → C b₀ without cancellation.</para>
/// <para>Immutable and thread-safe. The table must have one γ for all pairs.</para>
/// </remarks>
public sealed class CollisionFrequency
{
    private readonly double[] _masses;

    /// <summary>Creates the collision frequencies of a mixture's kernel table.</summary>
    /// <param name="kernels">B^{αβ} for every pair, with a common γ.</param>
    /// <exception cref="ArgumentException">The pairs do not share one γ.</exception>
    public static CollisionFrequency Create(CollisionKernelTable kernels) => new(kernels);

    /// <summary>Creates the collision frequencies of a mixture's kernel table.</summary>
    /// <param name="kernels">B^{αβ} for every pair, with a common γ.</param>
    /// <exception cref="ArgumentException">The pairs do not share one γ.</exception>
    private CollisionFrequency(CollisionKernelTable kernels)
    {
        ArgumentNullException.ThrowIfNull(kernels);
        if (!kernels.HasCommonGamma)
        {
            throw new ArgumentException("all species pairs must share one γ for the linearized operator.", nameof(kernels));
        }

        Kernels = kernels;
        _masses = kernels.Mixture.Masses();
        Gamma = kernels[0, 0].Gamma;
    }

    /// <summary>The kernel table.</summary>
    public CollisionKernelTable Kernels { get; }

    /// <summary>γ common to all pairs.</summary>
    public double Gamma { get; }

    /// <summary>Number of species.</summary>
    public int SpeciesCount => _masses.Length;

    /// <summary>ν^{αβ}(v) at speed |v| (ν is radial).</summary>
    /// <param name="alpha">Species α (whose equation).</param>
    /// <param name="beta">Partner species β.</param>
    /// <param name="speed">|v| ≥ 0.</param>
    public double EvaluatePair(int alpha, int beta, double speed)
    {
        var kernel = Kernels[alpha, beta];
        Guard.NonNegative(speed);
        return kernel.TotalAngularStrength * GaussianAbsoluteMoment(Gamma, 1.0 / _masses[beta], speed);
    }

    /// <summary>ν^α(v) = Σ_β ν^{αβ}(v) at speed |v|.</summary>
    /// <param name="alpha">Species α.</param>
    /// <param name="speed">|v| ≥ 0.</param>
    public double Evaluate(int alpha, double speed)
    {
        double sum = 0;
        for (int beta = 0; beta < SpeciesCount; beta++)
        {
            sum += EvaluatePair(alpha, beta, speed);
        }

        return sum;
    }

    /// <summary>Writes ν^α(|v_i|) for each speed into <paramref name="destination"/>.</summary>
    /// <param name="alpha">Species α.</param>
    /// <param name="speeds">Speeds |v_i| ≥ 0.</param>
    /// <param name="destination">Same length as <paramref name="speeds"/>.</param>
    public void Evaluate(int alpha, ReadOnlySpan<double> speeds, Span<double> destination)
    {
        Guard.Length(destination.Length, speeds.Length);
        for (int i = 0; i < speeds.Length; i++)
        {
            destination[i] = Evaluate(alpha, speeds[i]);
        }
    }

    /// <summary>∂ν^α/∂|v|, the radial derivative (|∇ν^α| = |∂ν^α/∂|v||; ≍ |γ| b₀ |v|^{γ−1} at large |v|).</summary>
    /// <param name="alpha">Species α.</param>
    /// <param name="speed">|v| ≥ 0.</param>
    public double RadialDerivative(int alpha, double speed)
    {
        Guard.NonNegative(speed);
        double sum = 0;
        for (int beta = 0; beta < SpeciesCount; beta++)
        {
            sum += Kernels[alpha, beta].TotalAngularStrength * GaussianAbsoluteMomentDerivative(Gamma, 1.0 / _masses[beta], speed);
        }

        return sum;
    }

    /// <summary>
    /// 𝔼|y − X|^γ for X ~ 𝒩(0, s² I₃) at distance |y|: (2s²)^{γ/2} Γ((3+γ)/2)/Γ(3/2) ₁F₁(−γ/2; 3/2; −|y|²/(2s²)).
    /// Exact special forms at γ = 0 (1), γ = −1 (erf(|y|/(√2 s))/|y|) and γ = −2 ((√2/s) D(|y|/(√2 s))/|y|, D = Dawson).
    /// </summary>
    /// <param name="gamma">γ ∈ (−3, 1].</param>
    /// <param name="variance">s² &gt; 0 (1/m for the Maxwellian μ of mass m).</param>
    /// <param name="distance">|y| ≥ 0.</param>
    public static double GaussianAbsoluteMoment(double gamma, double variance, double distance)
    {
        Guard.InHalfOpenRange(gamma, -3.0, 1.0);
        Guard.Positive(variance);
        Guard.NonNegative(distance);
        double z = distance * distance / (2.0 * variance);
        switch (gamma)
        {
            case 0.0:
                return 1.0;
            case -1.0:
                return z < 1e-8
                    ? Math.Sqrt(2.0 / (Math.PI * variance)) * (1.0 - (z / 3.0))
                    : SpecialFunctions.Erf(Math.Sqrt(z)) / distance;
            case -2.0:
                return z < 1e-8
                    ? (1.0 - (2.0 * z / 3.0)) / variance
                    : Math.Sqrt(2.0 / variance) * ConfluentHypergeometric.Dawson(Math.Sqrt(z)) / distance;
            default:
                return Math.Exp((0.5 * gamma * Math.Log(2.0 * variance)) + SpecialFunctions.GammaLn((3.0 + gamma) / 2.0) - SpecialFunctions.GammaLn(1.5))
                    * ConfluentHypergeometric.KummerNegative(-gamma / 2.0, 1.5, z);
        }
    }

    /// <summary>d/d|y| of <see cref="GaussianAbsoluteMoment"/>, from d/dz ₁F₁(a; b; −z) = −(a/b) ₁F₁(a+1; b+1; −z).</summary>
    /// <param name="gamma">γ ∈ (−3, 1].</param>
    /// <param name="variance">s² &gt; 0.</param>
    /// <param name="distance">|y| ≥ 0.</param>
    public static double GaussianAbsoluteMomentDerivative(double gamma, double variance, double distance)
    {
        Guard.InHalfOpenRange(gamma, -3.0, 1.0);
        Guard.Positive(variance);
        Guard.NonNegative(distance);
        if (gamma == 0.0)
        {
            return 0.0;
        }

        double z = distance * distance / (2.0 * variance);
        double prefactor = Math.Exp((0.5 * gamma * Math.Log(2.0 * variance)) + SpecialFunctions.GammaLn((3.0 + gamma) / 2.0) - SpecialFunctions.GammaLn(1.5));
        return prefactor * (gamma / 3.0) * ConfluentHypergeometric.KummerNegative(1.0 - (gamma / 2.0), 2.5, z) * distance / variance;
    }
}
