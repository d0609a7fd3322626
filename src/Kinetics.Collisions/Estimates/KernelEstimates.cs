using Kinetics.Weights;
using Kinetics.Kernels;
using Kinetics.Linearized;

namespace Kinetics.Estimates;

/// <summary>
/// The quantitative estimates of Wang, Wang and Wu (docs/math#kernel-estimates) computed numerically and returned as data: bounds of ν/⟨v⟩^γ,
/// fitted decay exponents with 95 % confidence intervals, the hybrid Gaussian rate and the ε^{3+γ} scaling of K^{1−χ}.
/// </summary>
/// <remarks>
/// <para>All integrals are deterministic quadratures of the collision-integral definitions (no Monte Carlo, which
/// under-samples the rare events that dominate at large |v|, docs/math#kernel-estimates). Expected values: ν slope γ, |∂ν| slope
/// γ − 1, gain-kernel integral slope γ − 2 (sharp for b ∝ |cos θ|), hybrid rate c_h = m^α(m^β − m^α)²/(4[(m^α + m^β)² + 4m^α m^β]),
/// K^{1−χ} row integral slope 3 + γ in ε.</para>
/// </remarks>
public static class KernelEstimates
{
    /// <summary>Geometrically spaced speeds from <paramref name="from"/> to <paramref name="to"/> (inclusive).</summary>
    /// <param name="from">First speed &gt; 0.</param>
    /// <param name="to">Last speed &gt; from.</param>
    /// <param name="count">Number of speeds ≥ 2.</param>
    public static double[] GeometricSpeeds(double from, double to, int count)
    {
        Guard.Positive(from);
        Guard.Positive(to - from);
        Guard.InRange(count, 2, 10000);
        return Enumerable.Range(0, count).Select(i => from * Math.Pow(to / from, i / (double)(count - 1))).ToArray();
    }

    /// <summary>
    /// inf and sup of ν^α(v)/⟨v⟩^γ over |v| ∈ [0, maxSpeed] (sampled on 400 points, geometric beyond |v| = 1), and the
    /// asymptotic constant lim ν^α|v|^{−γ} = Σ_β C b₀ (docs/math#kernel-estimates: ν ≍ ⟨v⟩^γ with these explicit constants).
    /// </summary>
    /// <param name="frequency">ν.</param>
    /// <param name="alpha">Species α.</param>
    /// <param name="convention">Which ⟨v⟩.</param>
    /// <param name="maxSpeed">Largest |v| &gt; 1.</param>
    public static FrequencyBounds CollisionFrequencyBounds(CollisionFrequency frequency, int alpha, BracketConvention convention, double maxSpeed = 1e4)
    {
        ArgumentNullException.ThrowIfNull(frequency);
        Guard.InRange(maxSpeed, 1.0 + 1e-9, 1e8);
        var speeds = Enumerable.Range(0, 100).Select(i => i / 100.0).Concat(GeometricSpeeds(1.0, maxSpeed, 300));
        double lo = double.PositiveInfinity, hi = 0;
        foreach (double s in speeds)
        {
            double ratio = frequency.Evaluate(alpha, s) / Math.Pow(JapaneseBracket.Evaluate(s, convention), frequency.Gamma);
            lo = Math.Min(lo, ratio);
            hi = Math.Max(hi, ratio);
        }

        double asymptotic = 0;
        for (int beta = 0; beta < frequency.SpeciesCount; beta++)
        {
            asymptotic += frequency.Kernels[alpha, beta].TotalAngularStrength;
        }

        return new FrequencyBounds(convention, lo, hi, asymptotic);
    }

    /// <summary>Log–log slope of ν^α over the given speeds (→ γ).</summary>
    /// <param name="frequency">ν.</param>
    /// <param name="alpha">Species α.</param>
    /// <param name="speeds">Speeds &gt; 0 (e.g. 8…64).</param>
    public static SlopeFit CollisionFrequencySlope(CollisionFrequency frequency, int alpha, IReadOnlyList<double> speeds)
    {
        ArgumentNullException.ThrowIfNull(frequency);
        ArgumentNullException.ThrowIfNull(speeds);
        return SlopeFit.LogLog(speeds, speeds.Select(s => frequency.Evaluate(alpha, s)).ToArray());
    }

    /// <summary>Log–log slope of |∂ν^α/∂|v|| over the given speeds (→ γ − 1, docs/math#kernel-estimates).</summary>
    /// <param name="frequency">ν (γ ≠ 0).</param>
    /// <param name="alpha">Species α.</param>
    /// <param name="speeds">Speeds &gt; 0.</param>
    public static SlopeFit CollisionFrequencyDerivativeSlope(CollisionFrequency frequency, int alpha, IReadOnlyList<double> speeds)
    {
        ArgumentNullException.ThrowIfNull(frequency);
        ArgumentNullException.ThrowIfNull(speeds);
        return SlopeFit.LogLog(speeds, speeds.Select(s => Math.Abs(frequency.RadialDerivative(alpha, s))).ToArray());
    }

    /// <summary>
    /// I(v) = ∫ ⟨v⟩^ℓ/⟨w⟩^ℓ Σ_β k^{(1),χ}_{αβ}(v, w) dw, the weighted row integral of the typical gain kernel of K^χ (Wang, Wang and Wu
    /// (2.73); its ⟨v⟩^{γ−2} bound is sharp for b ∝ |cos θ|). Computed from the definition
    /// Σ_β ∫∫ B χ(|u|) √μ^β(v+u) √μ^β(v*') ⟨v⟩^ℓ/⟨v'⟩^ℓ dω du with the u_⊥ angle done exactly (Bessel I₀), then a 3-D
    /// graded Gauss–Legendre quadrature in (ω·v̂, u_∥, |u_⊥|). The loss and hybrid parts are omitted: they decay like Gaussians
    /// in |v| (the hybrid only for m^α ≠ m^β; see <see cref="HybridKernelIntegral"/>).
    /// </summary>
    /// <param name="kernels">B^{αβ} (common γ).</param>
    /// <param name="alpha">Species α.</param>
    /// <param name="speed">|v| ≥ 0.</param>
    /// <param name="cutoff">χ_ε (null: whole kernel).</param>
    /// <param name="weightExponent">ℓ ≥ 0.</param>
    /// <param name="convention">Which ⟨v⟩.</param>
    public static double GainKernelIntegral(CollisionKernelTable kernels, int alpha, double speed, SoftCutoff? cutoff = null, double weightExponent = 0.0, BracketConvention convention = BracketConvention.OnePlusNorm)
    {
        ArgumentNullException.ThrowIfNull(kernels);
        Guard.NonNegative(speed);
        Guard.InRange(weightExponent, 0.0, 20.0);
        double sum = 0;
        for (int beta = 0; beta < kernels.SpeciesCount; beta++)
        {
            sum += DecayQuadrature.Typical(kernels, alpha, beta, speed, cutoff, weightExponent, convention);
        }

        return sum;
    }

    /// <summary>Log–log slope of <see cref="GainKernelIntegral"/> over the speeds (→ γ − 2).</summary>
    /// <param name="kernels">B^{αβ}.</param>
    /// <param name="alpha">Species α.</param>
    /// <param name="speeds">Speeds (e.g. 16…64).</param>
    /// <param name="cutoff">χ_ε.</param>
    /// <param name="weightExponent">ℓ ≥ 0.</param>
    /// <param name="convention">Which ⟨v⟩.</param>
    public static SlopeFit GainKernelDecay(CollisionKernelTable kernels, int alpha, IReadOnlyList<double> speeds, SoftCutoff? cutoff = null, double weightExponent = 0.0, BracketConvention convention = BracketConvention.OnePlusNorm)
    {
        ArgumentNullException.ThrowIfNull(speeds);
        return SlopeFit.LogLog(speeds, speeds.Select(s => GainKernelIntegral(kernels, alpha, s, cutoff, weightExponent, convention)).ToArray());
    }

    /// <summary>
    /// H(v) = ∫ k^{(2)}_{αβ}(v, w) dw, the row integral of the hybrid gain kernel (docs/math#kernel-estimates), by 3-D deterministic
    /// quadrature of ∫∫ B √μ^β(v + u) √μ^α(v') dω du. For m^α ≠ m^β it decays like e^{−c_h|v|²}.
    /// </summary>
    /// <param name="kernels">B^{αβ}.</param>
    /// <param name="alpha">Species α.</param>
    /// <param name="beta">Partner β.</param>
    /// <param name="speed">|v| ≥ 0.</param>
    public static double HybridKernelIntegral(CollisionKernelTable kernels, int alpha, int beta, double speed)
    {
        ArgumentNullException.ThrowIfNull(kernels);
        Guard.NonNegative(speed);
        return DecayQuadrature.Hybrid(kernels, alpha, beta, speed);
    }

    /// <summary>
    /// The Gaussian rate of the hybrid kernel: the fit of −log H against |v|² over the speeds (its slope → c_h as |v| → ∞;
    /// the local rate approaches c_h from above, e.g. 0.0557 at |v| = 64 for masses 1:4).
    /// </summary>
    /// <param name="kernels">B^{αβ}.</param>
    /// <param name="alpha">Species α.</param>
    /// <param name="beta">Partner β.</param>
    /// <param name="speeds">Speeds (e.g. 48…64 for 1:4).</param>
    public static SlopeFit HybridDecayRate(CollisionKernelTable kernels, int alpha, int beta, IReadOnlyList<double> speeds)
    {
        ArgumentNullException.ThrowIfNull(speeds);
        return SlopeFit.Linear(speeds.Select(s => s * s).ToArray(), speeds.Select(s => -Math.Log(HybridKernelIntegral(kernels, alpha, beta, s))).ToArray());
    }

    /// <summary>c_h = m^α(m^β − m^α)²/(4[(m^α + m^β)² + 4m^α m^β]) (docs/math#kernel-estimates; 0.0549 for 1:4, 0.0039 for 7:8).</summary>
    /// <param name="massAlpha">m^α &gt; 0.</param>
    /// <param name="massBeta">m^β &gt; 0.</param>
    public static double HybridRate(double massAlpha, double massBeta)
    {
        Guard.Positive(massAlpha);
        Guard.Positive(massBeta);
        double d = massBeta - massAlpha, s = massAlpha + massBeta;
        return massAlpha * d * d / (4.0 * ((s * s) + (4.0 * massAlpha * massBeta)));
    }

    /// <summary>
    /// The row integral of the near-singular part K^{1−χ_ε} applied to 1, Σ_β ∫∫ B (1 − χ_ε(|u|)) √μ^β(v+u)[√μ^β(v*') + √μ^α(v') + √μ^α(v)] dω du
    /// (sum of the absolute gain and loss kernels), which scales like ε^{3+γ} (docs/math#kernel-estimates).
    /// </summary>
    /// <param name="kernels">B^{αβ}.</param>
    /// <param name="alpha">Species α.</param>
    /// <param name="v">Velocity.</param>
    /// <param name="cutoff">χ_ε.</param>
    public static double SingularPartRowIntegral(CollisionKernelTable kernels, int alpha, Velocity3 v, SoftCutoff cutoff)
    {
        var op = ReferenceLinearizedOperator.Create(kernels);
        double ma = op.Mass(alpha), rootV = op.SqrtMaxwellian(alpha, v), sum = 0;
        for (int beta = 0; beta < kernels.SpeciesCount; beta++)
        {
            double mb = op.Mass(beta);
            sum += op.Integrate(
                alpha,
                beta,
                v,
                (vStar, vPrime, vStarPrime) => LinearizedKernel.SqrtMaxwellian(mb, vStar)
                    * (LinearizedKernel.SqrtMaxwellian(mb, vStarPrime) + LinearizedKernel.SqrtMaxwellian(ma, vPrime) + rootV),
                2.0 * cutoff.Epsilon,
                r => 1.0 - cutoff.Evaluate(r));
        }

        return sum;
    }

    /// <summary>Log–log slope of <see cref="SingularPartRowIntegral"/> in ε (→ 3 + γ).</summary>
    /// <param name="kernels">B^{αβ}.</param>
    /// <param name="alpha">Species α.</param>
    /// <param name="v">Velocity.</param>
    /// <param name="epsilons">Cutoff scales ε &gt; 0.</param>
    public static SlopeFit SingularPartScaling(CollisionKernelTable kernels, int alpha, Velocity3 v, IReadOnlyList<double> epsilons)
    {
        ArgumentNullException.ThrowIfNull(epsilons);
        return SlopeFit.LogLog(epsilons, epsilons.Select(e => SingularPartRowIntegral(kernels, alpha, v, new SoftCutoff(e))).ToArray());
    }

    /// <summary>
    /// The L² gap of L = ν − K compressed to each ball |v| ≤ V of <paramref name="ball"/> (min over the assembled sectors ℓ of
    /// the smallest eigenvalue on the orthogonal complement of the collision invariants), ν(V), their ratio, the weighted
    /// coercivity constants δ_ν and δ on the same ball, and the log–log fit
    /// of λ(V) against V (expected slope min(γ, 0)). Needs at least two radii for the fit.
    /// </summary>
    /// <param name="ball">The discretised operator (<see cref="BallLinearizedOperator.Create"/>).</param>
    public static BoundedDomainGap BoundedDomainGap(BallLinearizedOperator ball)
    {
        ArgumentNullException.ThrowIfNull(ball);
        if (ball.Radii.Count < 2)
        {
            throw new ArgumentException($"the fit needs at least two radii (got {ball.Radii.Count}).", nameof(ball));
        }

        var points = new List<BoundedDomainGapPoint>();
        foreach (double radius in ball.Radii)
        {
            var sectors = Enumerable.Range(0, ball.MaxDegree + 1).Select(l => ball.Spectrum(l, radius)).ToArray();
            var gaps = sectors.Select(x => x.Gap).ToArray();
            int degree = Array.IndexOf(gaps, gaps.Min());
            double frequency = ball.MinimumFrequency(radius);
            points.Add(new BoundedDomainGapPoint(radius, gaps[degree], degree, frequency, gaps[degree] / frequency, sectors.Min(x => x.DeltaNu), sectors.Min(x => x.Delta), sectors.Max(x => x.NullSpaceResidual), gaps));
        }

        var radii = points.Select(p => p.Radius).ToArray();
        return new BoundedDomainGap(
            ball.Gamma,
            points,
            SlopeFit.LogLog(radii, points.Select(p => p.Gap).ToArray()),
            Math.Min(ball.Gamma, 0.0),
            SlopeFit.LogLog(radii, points.Select(p => p.MinimumFrequency).ToArray()),
            ball.KernelAsymmetry,
            ball.NodeCount,
            ball.MaxDegree);
    }

    /// <summary>
    /// Assembles <see cref="BallLinearizedOperator"/> for <paramref name="radii"/> and returns <see cref="BoundedDomainGap(BallLinearizedOperator)"/>.
    /// </summary>
    /// <param name="kernels">B^{αβ} with a common γ ∈ (−2, 1].</param>
    /// <param name="radii">At least two ball radii, ascending.</param>
    /// <param name="maxDegree">Largest sector ℓ in [1, 32].</param>
    /// <param name="panelWidth">Radial panel width in (0, 4] (code units) for r ≤ 8·panelWidth, growing ∝ r beyond.</param>
    /// <param name="order">Gauss–Legendre points per panel in [2, 16].</param>
    public static BoundedDomainGap BoundedDomainGap(CollisionKernelTable kernels, IReadOnlyList<double> radii, int maxDegree = 4, double panelWidth = 1.5, int order = 8) =>
        BoundedDomainGap(BallLinearizedOperator.Create(kernels, radii, maxDegree, panelWidth, order));
}
