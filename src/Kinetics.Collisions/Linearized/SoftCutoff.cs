namespace Kinetics.Linearized;

/// <summary>
/// The smooth soft-potential cutoff χ_ε(r) of Wang, Wang and Wu (docs/math#kernel-estimates): χ = 0 on [0, ε], χ = 1 on [2ε, ∞), C^∞ in between
/// (χ = ψ(s)/(ψ(s) + ψ(1 − s)), s = (r − ε)/ε, ψ(x) = e^{−1/x}). It splits K = K^χ + K^{1−χ} by the relative speed |v − v*|.
/// </summary>
public readonly record struct SoftCutoff
{
    /// <summary>Creates χ_ε.</summary>
    /// <param name="epsilon">ε &gt; 0.</param>
    public SoftCutoff(double epsilon)
    {
        Guard.Positive(epsilon);
        Epsilon = epsilon;
    }

    /// <summary>ε: χ vanishes below ε and equals 1 above 2ε.</summary>
    public double Epsilon { get; }

    /// <summary>χ_ε(r).</summary>
    /// <param name="relativeSpeed">r = |v − v*| ≥ 0.</param>
    public double Evaluate(double relativeSpeed)
    {
        if (!(relativeSpeed >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(relativeSpeed), relativeSpeed, $"relativeSpeed must be >= 0 (+∞ allowed) (was {relativeSpeed}).");
        }

        double s = (relativeSpeed - Epsilon) / Epsilon;
        if (s <= 0)
        {
            return 0.0;
        }

        if (s >= 1)
        {
            return 1.0;
        }

        double a = Math.Exp(-1.0 / s), b = Math.Exp(-1.0 / (1.0 - s));
        return a / (a + b);
    }
}
