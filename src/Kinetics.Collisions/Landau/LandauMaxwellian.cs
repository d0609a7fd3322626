using Kinetics.Distributions;
using MathNet.Numerics;

namespace Kinetics.Landau;

/// <summary>
/// Closed forms of the Coulomb (γ = −3) Landau fields of Maxwellians (docs/math#landau-maxwellian-closed-forms).
/// For the unit Maxwellian 𝓜(v) = (2π)^{−3/2}e^{−|v|²/2}, ρ = |v|, g(ρ) = √(2/π) ρ e^{−ρ²/2}, in the
/// <see cref="LandauNormalization.GualdaniWinter"/> normalisation A[F] = (1/8π)(Π/|z|) * F:
/// a[𝓜] = erf(ρ/√2)/(4πρ); A[𝓜](v) = λ₁ v̂v̂ᵀ + λ₂(I − v̂v̂ᵀ) with λ₁ = [erf(ρ/√2) − g]/(4πρ³) and
/// λ₂ = [(ρ² − 1)erf(ρ/√2) + g]/(8πρ³); λ₁(0) = λ₂(0) = c₀ = 1/(3(2π)^{3/2}).
/// Flynn and Guo's σ = Φ * μ (Φ = Π/|z|, μ = 𝓜) is 8π A[𝓜].
/// </summary>
/// <remarks>
/// For ρ &lt; 2 the three functions are evaluated by their alternating Taylor series in x = ρ²/2,
/// a = 3c₀Σ(−x)^k/(k!(2k+1)), λ₁ = 3c₀Σ(−x)^k/(k!(2k+3)), λ₂ = 3c₀Σ(−x)^k/(k!(2k+1)(2k+3)) (derived from the erf
/// series; the closed forms lose ~2 log₁₀(1/ρ) digits to cancellation as ρ → 0); for ρ ≥ 2 by the closed forms.
/// The bracket is ⟨ρ⟩ = √(1 + ρ²) (the convention of the Landau papers).
/// </remarks>
public static class LandauMaxwellian
{
    private const double SeriesLimit = 2.0;

    /// <summary>c₀ = 1/(3(2π)^{3/2}) = λ₁(0) = λ₂(0) = 0.0211645453114137 (also the heat rate of the blow-down profile).</summary>
    public static double C0 { get; } = 1.0 / (3.0 * Math.Pow(2.0 * Math.PI, 1.5));

    /// <summary>
    /// The sharp upper constant in c₀ ≤ λ₁(ρ)⟨ρ⟩³ ≤ 0.09059260203, the maximum (at ρ = 2.858935) rounded up in the 11th
    /// digit. The 7-digit bound 0.0905926 found in the literature is 2.0e−9 below the true maximum 0.0905926020261, so the
    /// printed inequality fails in the 9th digit; this value is a true bound.
    /// </summary>
    public static double ParallelBoundUpper => 0.09059260203;

    /// <summary>The strict upper constant in c₀ ≤ λ₂(ρ)⟨ρ⟩ &lt; 1/(8π) (approached as ρ → ∞).</summary>
    public static double PerpendicularBoundUpper { get; } = 1.0 / (8.0 * Math.PI);

    /// <summary>⟨ρ⟩ = √(1 + ρ²), the bracket used by the Landau papers in the σ bounds.</summary>
    /// <param name="rho">ρ ≥ 0.</param>
    /// <returns>√(1 + ρ²).</returns>
    public static double Bracket(double rho)
    {
        CheckRadius(rho);
        return Math.Sqrt(1.0 + (rho * rho));
    }

    /// <summary>a[𝓜](ρ) = erf(ρ/√2)/(4πρ), the Newtonian potential of the unit Maxwellian (a(0) = 3c₀).</summary>
    /// <param name="rho">ρ = |v| ≥ 0 (may be +∞).</param>
    /// <returns>a[𝓜](ρ).</returns>
    public static double Potential(double rho)
    {
        CheckRadius(rho);
        if (rho < SeriesLimit)
        {
            return Series(rho, k => 1.0 / ((2 * k) + 1));
        }

        return SpecialFunctions.Erf(rho / Math.Sqrt(2.0)) / (4.0 * Math.PI * rho);
    }

    /// <summary>λ₁(ρ), the eigenvalue of A[𝓜](v) along v̂ (decreasing, ≍ ⟨ρ⟩^{−3}).</summary>
    /// <param name="rho">ρ = |v| ≥ 0 (may be +∞).</param>
    /// <returns>λ₁(ρ).</returns>
    public static double ParallelEigenvalue(double rho)
    {
        CheckRadius(rho);
        if (rho < SeriesLimit)
        {
            return Series(rho, k => 1.0 / ((2 * k) + 3));
        }

        return double.IsPositiveInfinity(rho) ? 0.0 : (SpecialFunctions.Erf(rho / Math.Sqrt(2.0)) - G(rho)) / (4.0 * Math.PI) / rho / rho / rho;
    }

    /// <summary>λ₂(ρ), the eigenvalue of A[𝓜](v) on v̂^⊥ (decreasing, ≍ ⟨ρ⟩^{−1}); λ₂ = (a − λ₁)/2.</summary>
    /// <param name="rho">ρ = |v| ≥ 0 (may be +∞).</param>
    /// <returns>λ₂(ρ).</returns>
    public static double PerpendicularEigenvalue(double rho)
    {
        CheckRadius(rho);
        if (rho < SeriesLimit)
        {
            return Series(rho, k => 1.0 / (((2 * k) + 1) * ((2.0 * k) + 3)));
        }

        if (double.IsPositiveInfinity(rho))
        {
            return 0.0;
        }

        double erf = SpecialFunctions.Erf(rho / Math.Sqrt(2.0));
        return (((1.0 - (1.0 / (rho * rho))) * erf) + (G(rho) / (rho * rho))) / (8.0 * Math.PI * rho);
    }

    /// <summary>σ_∥(ρ) = 8πλ₁(ρ), the eigenvalue of Flynn and Guo's σ = Φ * μ along v̂ (σ(0) = (2/3)√(2/π) I).</summary>
    /// <param name="rho">ρ ≥ 0.</param>
    /// <returns>σ_∥(ρ).</returns>
    public static double SigmaParallel(double rho) => 8.0 * Math.PI * ParallelEigenvalue(rho);

    /// <summary>σ_⊥(ρ) = 8πλ₂(ρ), the eigenvalue of σ = Φ * μ on v̂^⊥.</summary>
    /// <param name="rho">ρ ≥ 0.</param>
    /// <returns>σ_⊥(ρ).</returns>
    public static double SigmaPerpendicular(double rho) => 8.0 * Math.PI * PerpendicularEigenvalue(rho);

    /// <summary>Large-|v| asymptote of σ_∥: 2/ρ³ (error O(ρ^{−2}e^{−ρ²/2}); docs/math#landau-maxwellian-closed-forms).</summary>
    /// <param name="rho">ρ &gt; 0.</param>
    /// <returns>2/ρ³.</returns>
    public static double SigmaParallelAsymptote(double rho)
    {
        Guard.Positive(rho);
        return 2.0 / (rho * rho * rho);
    }

    /// <summary>Large-|v| asymptote of σ_⊥: 1/ρ − 1/ρ³ (error O(ρ^{−2}e^{−ρ²/2})).</summary>
    /// <param name="rho">ρ &gt; 0.</param>
    /// <returns>1/ρ − 1/ρ³.</returns>
    public static double SigmaPerpendicularAsymptote(double rho)
    {
        Guard.Positive(rho);
        return (1.0 / rho) - (1.0 / (rho * rho * rho));
    }

    /// <summary>
    /// A[𝓜[n,u,T;m]](v) for the Maxwellian of docs/math#conventions (velocity variance θ = T/m per component), by the scaling
    /// A[n θ^{−3/2}𝓜((·−u)/√θ)](v) = n θ^{−1/2} A[𝓜]((v−u)/√θ) (docs/math#landau-maxwellian-closed-forms), in the given normalisation.
    /// </summary>
    /// <param name="v">Velocity.</param>
    /// <param name="state">(n, u, T).</param>
    /// <param name="mass">m &gt; 0.</param>
    /// <param name="normalization">Kernel prefactor convention (Flynn–Guo gives 8π times Gualdani–Winter).</param>
    /// <returns>The diffusion matrix.</returns>
    public static SymmetricMatrix3 DiffusionMatrix(Velocity3 v, MacroscopicState state, double mass, LandauNormalization normalization = LandauNormalization.GualdaniWinter)
    {
        var (w, rho, scale) = Reduce(v, state, mass, normalization);
        Velocity3 unit = rho > 0 ? w / rho : new Velocity3(1, 0, 0);
        return scale * SymmetricMatrix3.FromAxial(unit, ParallelEigenvalue(rho), PerpendicularEigenvalue(rho));
    }

    /// <summary>a = tr A[𝓜[n,u,T;m]](v) (Gualdani–Winter: the Newtonian potential n θ^{−1/2} a[𝓜]((v−u)/√θ)).</summary>
    /// <param name="v">Velocity.</param>
    /// <param name="state">(n, u, T).</param>
    /// <param name="mass">m &gt; 0.</param>
    /// <param name="normalization">Kernel prefactor convention.</param>
    /// <returns>The trace field.</returns>
    public static double Potential(Velocity3 v, MacroscopicState state, double mass, LandauNormalization normalization = LandauNormalization.GualdaniWinter)
    {
        var (_, rho, scale) = Reduce(v, state, mass, normalization);
        return scale * Potential(rho);
    }

    /// <summary>
    /// The drift b = ∇·A = ∇a of the Maxwellian field: exactly −A(v)(v − u)/θ, θ = T/m (the identity behind
    /// Q(𝓜, 𝓜) = 0; docs/math#landau-maxwellian-closed-forms).
    /// </summary>
    /// <param name="v">Velocity.</param>
    /// <param name="state">(n, u, T).</param>
    /// <param name="mass">m &gt; 0.</param>
    /// <param name="normalization">Kernel prefactor convention.</param>
    /// <returns>The drift vector.</returns>
    public static Velocity3 Drift(Velocity3 v, MacroscopicState state, double mass, LandauNormalization normalization = LandauNormalization.GualdaniWinter)
    {
        var (w, rho, scale) = Reduce(v, state, mass, normalization);
        double theta = state.Temperature / mass;
        return (-scale * ParallelEigenvalue(rho) / Math.Sqrt(theta)) * w;
    }

    /// <summary>
    /// The energy exchange rate W_a = ∫ (m_a|v|²/2) Q_ab(F_a, F_b) dv between two Coulomb-Landau Maxwellians
    /// F_a = 𝓜[n_a,u,T_a;m_a], F_b = 𝓜[n_b,u,T_b;m_b] with a common bulk velocity u (the operator of
    /// <see cref="SpectralLandauOperator"/>): W_a = 2p c_ab √(2/π) n_a n_b (T_b − T_a) / (m_a m_b (θ_a + θ_b)^{3/2}),
    /// θ = T/m, and W_b = −W_a (Spitzer's form; derivation in docs/landau.md from the drift identity
    /// b_b = −K_b(v − u)/θ_b and Gaussian integrals of a[𝓜]).
    /// </summary>
    /// <param name="coupling">c_ab ≥ 0.</param>
    /// <param name="stateA">(n_a, u, T_a).</param>
    /// <param name="massA">m_a &gt; 0.</param>
    /// <param name="stateB">(n_b, u, T_b), same u.</param>
    /// <param name="massB">m_b &gt; 0.</param>
    /// <param name="normalization">Kernel prefactor convention (p).</param>
    /// <returns>W_a, the rate of change of species a's energy.</returns>
    public static double EnergyExchangeRate(double coupling, MacroscopicState stateA, double massA, MacroscopicState stateB, double massB, LandauNormalization normalization = LandauNormalization.GualdaniWinter)
    {
        Guard.NonNegative(coupling);
        Guard.Positive(massA);
        Guard.Positive(massB);
        if (stateA.BulkVelocity != stateB.BulkVelocity)
        {
            throw new ArgumentException($"stateB must have the bulk velocity of stateA ({stateA.BulkVelocity}) (was {stateB.BulkVelocity}).", nameof(stateB));
        }

        double thetaA = stateA.Temperature / massA, thetaB = stateB.Temperature / massB;
        return 2.0 * normalization.Prefactor() * coupling * Math.Sqrt(2.0 / Math.PI) * stateA.Density * stateB.Density
            * (stateB.Temperature - stateA.Temperature) / (massA * massB * Math.Pow(thetaA + thetaB, 1.5));
    }

    // w = (v − u)/√θ, ρ = |w|, and the overall factor n θ^{−1/2} · (p / (1/8π)).
    private static (Velocity3 W, double Rho, double Scale) Reduce(Velocity3 v, MacroscopicState state, double mass, LandauNormalization normalization)
    {
        Guard.Positive(mass);
        Guard.Finite(v);
        Guard.Positive(state.Temperature, "state.Temperature");
        Guard.Defined(normalization);
        double theta = state.Temperature / mass;
        double root = Math.Sqrt(theta);
        Velocity3 w = (v - state.BulkVelocity) / root;
        double scale = state.Density / root * normalization.Prefactor() * 8.0 * Math.PI;
        return (w, w.Length, scale);
    }

    private static void CheckRadius(double rho)
    {
        if (!(rho >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(rho), rho, $"rho must be >= 0 (+∞ allowed) (was {rho}).");
        }
    }

    private static double G(double rho) => Math.Sqrt(2.0 / Math.PI) * rho * Math.Exp(-0.5 * rho * rho);

    private static double Series(double rho, Func<int, double> coefficient)
    {
        double x = 0.5 * rho * rho, term = 1.0, sum = coefficient(0);
        for (int k = 1; k < 60; k++)
        {
            term *= -x / k;
            double add = term * coefficient(k);
            sum += add;
            if (Math.Abs(add) < 1e-18 * Math.Abs(sum))
            {
                break;
            }
        }

        return 3.0 * C0 * sum;
    }
}
