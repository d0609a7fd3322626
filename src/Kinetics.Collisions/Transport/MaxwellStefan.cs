using Kinetics.Quadrature;
using Kinetics.Kernels;
using MathNet.Numerics;

namespace Kinetics.Transport;

/// <summary>
/// Maxwell–Stefan binary coefficients Δ_ij of the flux-incompressible Maxwell–Stefan law −∇c_i = Σ_j c_i c_j (u_i − u_j)/Δ_ij
/// derived from the collision kernels (docs/math#transport):
/// 1/Δ_ij = (μ_ij/θ) C_ij λ_ij (2θ/μ_ij)^{γ/2} (4/(3√π)) Γ((5+γ)/2), λ_ij = 2π∫₋₁¹ b_σ(x)(1 − x) dx, μ_ij = m_i m_j/(m_i + m_j).
/// </summary>
/// <remarks>
/// <para>Normalisation: ∫ m_i v Q_ij(M_i, M_j) dv = −θ c_i c_j (u_i − u_j)/Δ_ij + O(|u_i − u_j|³) for Maxwellians of densities
/// c_i, c_j, common temperature θ and drifts u_i, u_j (exact for γ = 0). Hard spheres of diameter d give
/// Δ_ij = (3/(8d²))√(θ/(2π μ_ij)) = n·𝒟_ij, the first Chapman–Enskog binary diffusion coefficient.</para>
/// </remarks>
public static class MaxwellStefan
{
    /// <summary>
    /// The largest drift accepted by <see cref="MomentumExchange"/>, in relative thermal speeds √(T/μ): the cost of its
    /// quadrature grows linearly with the drift (one radial panel per thermal speed, about 10 ms each), so larger
    /// drifts are refused instead of running for minutes.
    /// </summary>
    public const double MaxDriftInThermalSpeeds = 100.0;

    /// <summary>1/Δ_ij from the closed form.</summary>
    /// <param name="kernel">B_ij = C b_σ |g|^γ.</param>
    /// <param name="massI">m_i &gt; 0.</param>
    /// <param name="massJ">m_j &gt; 0.</param>
    /// <param name="temperature">θ &gt; 0.</param>
    public static double InverseCoefficient(CollisionKernel kernel, double massI, double massJ, double temperature)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        Guard.Positive(massI);
        Guard.Positive(massJ);
        Guard.Positive(temperature);
        double mu = CollisionKernel.ReducedMass(massI, massJ), gamma = kernel.Gamma;
        return mu / temperature * kernel.Strength * kernel.Angular.MomentumTransfer * Math.Pow(2.0 * temperature / mu, gamma / 2.0)
            * 4.0 / (3.0 * Math.Sqrt(Math.PI)) * SpecialFunctions.Gamma((5.0 + gamma) / 2.0);
    }

    /// <summary>Δ_ij from the closed form.</summary>
    /// <param name="kernel">B_ij.</param>
    /// <param name="massI">m_i &gt; 0.</param>
    /// <param name="massJ">m_j &gt; 0.</param>
    /// <param name="temperature">θ &gt; 0.</param>
    public static double Coefficient(CollisionKernel kernel, double massI, double massJ, double temperature) =>
        1.0 / InverseCoefficient(kernel, massI, massJ, temperature);

    /// <summary>All Δ_ij of a mixture at temperature θ (the diagonal is irrelevant and reported as +∞).</summary>
    /// <param name="kernels">B_ij for every pair.</param>
    /// <param name="temperature">θ &gt; 0.</param>
    public static MaxwellStefanCoefficients Coefficients(CollisionKernelTable kernels, double temperature)
    {
        ArgumentNullException.ThrowIfNull(kernels);
        int n = kernels.SpeciesCount;
        var delta = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                delta[(i * n) + j] = i == j ? double.PositiveInfinity : Coefficient(kernels[i, j], kernels.Mixture[i].Mass, kernels.Mixture[j].Mass, temperature);
            }
        }

        return new MaxwellStefanCoefficients(n, delta);
    }

    /// <summary>
    /// The momentum exchange ∫ m_i v Q_ij(M_i, M_j) dv between unit-density Maxwellians of temperature θ and drifts u_i, u_j,
    /// by deterministic quadrature of the collision integral: with g = v − v* ~ 𝒩(u_i − u_j, (θ/μ_ij) I) (exact for the product
    /// of the two Maxwellians), it equals μ_ij ∫ p(g) C|g|^γ ∫_{S²} b_σ(ĝ·σ)(|g|σ − g) dσ dg, since v' − v = (m_j/M)(|g|σ − g).
    /// g on a spherical product rule (graded Gauss–Legendre in |g|), σ on a product rule about ĝ.
    /// </summary>
    /// <param name="kernel">B_ij (σ-representation).</param>
    /// <param name="massI">m_i &gt; 0.</param>
    /// <param name="massJ">m_j &gt; 0.</param>
    /// <param name="temperature">θ &gt; 0.</param>
    /// <param name="driftDifference">u_i − u_j.</param>
    public static Velocity3 MomentumExchange(CollisionKernel kernel, double massI, double massJ, double temperature, Velocity3 driftDifference)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        Guard.Positive(massI);
        Guard.Positive(massJ);
        Guard.Positive(temperature);
        Guard.Finite(driftDifference);
        double mu = CollisionKernel.ReducedMass(massI, massJ), variance = temperature / mu, sd = Math.Sqrt(variance);
        if (!(driftDifference.Length <= MaxDriftInThermalSpeeds * sd))
        {
            // The radial panels scale with |Δu|/√(T/μ) (one per thermal speed): this is the quadrature's budget.
            throw new ArgumentOutOfRangeException(
                nameof(driftDifference), driftDifference,
                $"|driftDifference| must be <= {MaxDriftInThermalSpeeds} relative thermal speeds √(T/μ) = {MaxDriftInThermalSpeeds * sd:G6} (the quadrature budget; was {driftDifference.Length:G6}).");
        }

        double reach = driftDifference.Length + (12.0 * sd);
        var directions = ProductDirections.Create(GaussLegendreRule.Create(12, -1.0, 1.0), 12);
        var sigmas = ProductDirections.Create(GaussLegendreRule.Create(12, -1.0, 1.0), 6);
        var radial = PanelRule.Create(12).Nodes(GradedPanels.FromOrigin(sd, reach, (int)Math.Ceiling((reach - sd) / sd), 1e-7));

        double norm = Math.Pow(2.0 * Math.PI * variance, -1.5);
        double sx = 0, sy = 0, sz = 0;
        foreach (var (r, wr) in radial)
        {
            double rw = wr * r * r * Math.Pow(r, kernel.Gamma);
            for (int i = 0; i < directions.Count; i++)
            {
                var gHat = directions.Points[i];
                var g = r * gHat;
                double density = norm * Math.Exp(-(g - driftDifference).LengthSquared / (2.0 * variance));
                var (e1, e2) = ProductDirections.Frame(gHat);
                var transfer = Velocity3.Zero;
                for (int k = 0; k < sigmas.Count; k++)
                {
                    var local = sigmas.Points[k];
                    var sigma = ProductDirections.About(local, gHat, e1, e2);
                    transfer += kernel.Angular.Sigma(local.Z) * sigmas.Weights[k] * ((r * sigma) - g);
                }

                double weight = rw * directions.Weights[i] * density;
                sx += weight * transfer.X;
                sy += weight * transfer.Y;
                sz += weight * transfer.Z;
            }
        }

        return mu * kernel.Strength * new Velocity3(sx, sy, sz);
    }

    /// <summary>
    /// 1/Δ_ij from the operator: the small-drift limit of −(∫ m_i v Q_ij(M_i, M_j) dv)·ê/(θ ε) with drift difference εê, Richardson
    /// extrapolated from ε and 2ε (the remainder is odd in ε, so O(ε²) relative and removed to O(ε⁴)).
    /// </summary>
    /// <param name="kernel">B_ij.</param>
    /// <param name="massI">m_i &gt; 0.</param>
    /// <param name="massJ">m_j &gt; 0.</param>
    /// <param name="temperature">θ &gt; 0.</param>
    /// <param name="drift">ε &gt; 0 (relative to the thermal speed √(θ/μ_ij); 0.05 is a good default).</param>
    public static double InverseCoefficientFromMomentumExchange(CollisionKernel kernel, double massI, double massJ, double temperature, double drift = 0.05)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        Guard.Positive(massI);
        Guard.Positive(massJ);
        Guard.Positive(temperature);
        Guard.InHalfOpenRange(drift, 0.0, MaxDriftInThermalSpeeds / 2.0);
        double mu = CollisionKernel.ReducedMass(massI, massJ), scale = drift * Math.Sqrt(temperature / mu);
        var direction = new Velocity3(0.6, -0.48, 0.64);
        double At(double eps) => -Velocity3.Dot(MomentumExchange(kernel, massI, massJ, temperature, eps * direction), direction) / (temperature * eps);
        return ((4.0 * At(scale)) - At(2.0 * scale)) / 3.0;
    }
}
