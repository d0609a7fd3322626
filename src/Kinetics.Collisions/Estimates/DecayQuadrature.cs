using Kinetics.Quadrature;
using Kinetics.Weights;
using Kinetics.Kernels;
using Kinetics.Linearized;

namespace Kinetics.Estimates;

/// <summary>
/// Row integrals of the gain kernels of K at a speed |v|, by nested graded Gauss–Legendre quadrature of the collision-integral
/// definitions in coordinates adapted to the concentration at large |v|: c = ω·v̂ (or its angle), u_∥ = u·ω and ρ = |u_⊥|, the
/// u_⊥ angle integrated exactly (∫₀^{2π} e^{a cos ψ} dψ = 2π I₀(a)).
/// </summary>
internal static class DecayQuadrature
{
    // Typical part: ∫_{S²}dω ∫du B χ √μ^β(v+u) √μ^β(v + u_⊥ + λu_∥ω) ⟨v⟩^ℓ/⟨v + (1+λ)u_∥ω⟩^ℓ (docs/math#kernels-of-k).
    public static double Typical(CollisionKernelTable kernels, int alpha, int beta, double speed, SoftCutoff? cutoff, double ell, BracketConvention convention)
    {
        var kernel = kernels[alpha, beta];
        double ma = kernels.Mixture[alpha].Mass, mb = kernels.Mixture[beta].Mass;
        double lambda = (mb - ma) / (ma + mb), gamma = kernel.Gamma;
        double weightV = Math.Pow(JapaneseBracket.Evaluate(speed, convention), ell);
        double kappa2 = mb * (1 - lambda) * (1 - lambda) / (4.0 * (1 + (lambda * lambda)));
        double cMax = speed > 0 ? Math.Min(1.0, 9.0 / (speed * Math.Sqrt(kappa2))) : 1.0;
        double sigmaU = Math.Sqrt(2.0 / (mb * (1 + (lambda * lambda))));
        double sigmaRho = 1.0 / Math.Sqrt(mb);

        double AtCosine(double c)
        {
            double vPar = speed * c, s = speed * Math.Sqrt(Math.Max(0.0, 1 - (c * c)));
            double center = -vPar * (1 + lambda) / (1 + (lambda * lambda));
            double AtParallel(double u)
            {
                double a = ((vPar + u) * (vPar + u)) + ((vPar + (lambda * u)) * (vPar + (lambda * u)));
                double exponent = -(mb / 4.0) * a;
                if (exponent < -700)
                {
                    return 0.0;
                }

                double weight = 1.0;
                if (ell != 0)
                {
                    double vPrime2 = (speed * speed) + (2 * (1 + lambda) * u * vPar) + ((1 + lambda) * (1 + lambda) * u * u);
                    weight = weightV / Math.Pow(JapaneseBracket.Evaluate(Math.Sqrt(Math.Max(0.0, vPrime2)), convention), ell);
                }

                double Radial(double rho)
                {
                    double u2 = (u * u) + (rho * rho), norm = Math.Sqrt(u2), diff = s - rho;
                    return rho * kernel.Angular.Omega(Math.Abs(u) / norm) * Math.Pow(u2, gamma / 2.0) * Cut(cutoff, norm)
                        * Math.Exp(-(mb / 2.0) * diff * diff) * ConfluentHypergeometric.ScaledBesselI0(mb * s * rho);
                }

                return Math.Exp(exponent) * weight * GaussianWindow(Radial, s, sigmaRho);
            }

            return WindowAcrossZero(AtParallel, center, sigmaU);
        }

        double integral = PanelRule.Twelve.Integrate(AtCosine, GradedPanels.Uniform(0.0, cMax, cMax / 12.0));
        return kernel.Strength * 4.0 * Math.PI * Math.Pow(mb / (2.0 * Math.PI), 1.5) * 2.0 * Math.PI * integral;
    }

    // Hybrid part: ∫_{S²}dω ∫du B √μ^β(v+u) √μ^α(v + (1+λ)u_∥ω), concentrated at ω ∥ v for large |v|.
    public static double Hybrid(CollisionKernelTable kernels, int alpha, int beta, double speed)
    {
        var kernel = kernels[alpha, beta];
        double ma = kernels.Mixture[alpha].Mass, mb = kernels.Mixture[beta].Mass;
        double lambda = (mb - ma) / (ma + mb), gamma = kernel.Gamma;
        double ch = KernelEstimates.HybridRate(ma, mb);
        double thetaMax = speed > 0 ? Math.Min(Math.PI / 2, 9.0 / (speed * Math.Sqrt((ma / 4.0) - ch))) : Math.PI / 2;
        double a = mb + (ma * (1 + lambda) * (1 + lambda));
        double sigmaU = Math.Sqrt(2.0 / a), sigmaRho = Math.Sqrt(2.0 / mb);

        double AtAngle(double theta)
        {
            double c = Math.Cos(theta), sinTheta = Math.Sin(theta);
            double vPar = speed * c, s = speed * sinTheta;
            double center = -vPar * (mb + (ma * (1 + lambda))) / a;
            double AtParallel(double u)
            {
                double p = vPar + u, q = vPar + ((1 + lambda) * u);
                double exponent = (-(mb / 4.0) * p * p) - ((ma / 4.0) * ((s * s) + (q * q)));
                if (exponent < -700)
                {
                    return 0.0;
                }

                double Radial(double rho)
                {
                    double u2 = (u * u) + (rho * rho), norm = Math.Sqrt(u2), diff = rho - s;
                    return rho * kernel.Angular.Omega(Math.Abs(u) / norm) * Math.Pow(u2, gamma / 2.0)
                        * Math.Exp(-(mb / 4.0) * diff * diff) * ConfluentHypergeometric.ScaledBesselI0(mb * rho * s / 2.0);
                }

                return Math.Exp(exponent) * GaussianWindow(Radial, s, sigmaRho);
            }

            return sinTheta * WindowAcrossZero(AtParallel, center, sigmaU);
        }

        double integral = PanelRule.Twelve.Integrate(AtAngle, GradedPanels.Uniform(0.0, thetaMax, thetaMax / 12.0));
        return kernel.Strength * Math.Pow(ma * mb, 0.75) / Math.Pow(2.0 * Math.PI, 1.5) * 4.0 * Math.PI * 2.0 * Math.PI * integral;
    }

    private static double Cut(SoftCutoff? cutoff, double relativeSpeed) => cutoff?.Evaluate(relativeSpeed) ?? 1.0;

    // ∫₀^∞ f over the window [s − 10σ, s + 10σ] ∩ [0, ∞), graded toward 0 when the window reaches it.
    private static double GaussianWindow(Func<double, double> f, double s, double sigma)
    {
        double lo = Math.Max(0.0, s - (10.0 * sigma)), hi = s + (10.0 * sigma);
        return lo > 0
            ? PanelRule.Twelve.Integrate(f, GradedPanels.Uniform(lo, hi, 1.2 * sigma))
            : PanelRule.Twelve.Integrate(f, GradedPanels.TowardLowerEnd(0.0, hi, 1.2 * sigma, Math.Min(hi, sigma)));
    }

    // ∫ over [center − 10σ, center + 10σ]; split at 0 (the |u|^γ singularity and the cutoff live there) with grading toward it.
    private static double WindowAcrossZero(Func<double, double> f, double center, double sigma)
    {
        double lo = center - (10.0 * sigma), hi = center + (10.0 * sigma);
        if (lo >= 0 || hi <= 0)
        {
            return PanelRule.Twelve.Integrate(f, GradedPanels.Uniform(lo, hi, 1.2 * sigma));
        }

        return PanelRule.Twelve.Integrate(f, GradedPanels.TowardLowerEnd(0.0, hi, 1.2 * sigma, Math.Min(hi, sigma)))
            + PanelRule.Twelve.Integrate(x => f(-x), GradedPanels.TowardLowerEnd(0.0, -lo, 1.2 * sigma, Math.Min(-lo, sigma)));
    }
}
