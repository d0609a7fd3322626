namespace Kinetics.Kernels;

/// <summary>
/// The checks of user angular functions, by an adaptive Lipschitz certification with a stated coverage rather than a
/// fixed sample:
/// <list type="bullet">
/// <item><b>Non-negativity and finiteness of b_σ on [−1, 1].</b> b_σ is evaluated at the 2¹⁴ + 1 end points of
/// 2¹⁴ equal cells (width 1.2e−4). A cell [a, b] is certified when min(b_σ(a), b_σ(b)) ≥ Λ(b − a)/2, with Λ four times
/// the largest divided difference on the cell and its two neighbours (a local Lipschitz bound with a safety factor
/// 4); otherwise it is bisected (its own new divided differences raise Λ) down to width 2⁻²⁹, where a cell whose
/// samples are all ≥ 0 is accepted (the function touches 0 there, as VSS does at cos χ = −1).
/// Coverage: every negative or non-finite excursion wider than one base cell (1.2e−4) contains a sample and is
/// found with certainty; narrower ones are found whenever the function's slope next to them exceeds the
/// certified margin, and the result is a proof for every function whose Lipschitz constant on each cell is at most
/// 4 × the largest slope observed there. Budget: 10⁶ evaluations, then the function is rejected as not certifiable.</item>
/// <item><b>Grad's cutoff b_ω(c) ≤ C_b c.</b> The ratio b_ω(c)/c is sampled at c = 2⁻ᵏ, k = 0 … 60; it must be finite
/// and its log–log slope over c ∈ [2⁻⁶⁰, 2⁻⁴⁰] must be ≥ −0.01. A power law b_ω ∝ c^p therefore passes iff p ≥ 0.99
/// (p = 1: bounded ratio); b_ω(0) &gt; 0 (slope −1) and b_ω ∝ √c (slope −½) fail.</item>
/// <item><b>Agreement of two angular functions</b> (symmetry of kernel tables): the two b_σ are compared at the
/// 2¹⁴ + 1 base points to 1e−12 relative, so any difference wider than 1.2e−4 in cos χ is found with certainty.</item>
/// </list>
/// Measured cost (one shared 2-core machine): about 1 ms for smooth functions, VSS included (docs/verification.md).
/// </summary>
internal static class AngularValidation
{
    /// <summary>Number of base cells on [−1, 1].</summary>
    public const int BaseCells = 1 << 14;

    private const int MaxDepth = 16;
    private const long MaxEvaluations = 1_000_000;
    private const double SafetyFactor = 4.0;

    /// <summary>The base sample points −1 + 2i/2¹⁴ (shared by all checks).</summary>
    public static double Point(int i) => -1.0 + (2.0 * i / BaseCells);

    /// <summary>
    /// Certifies b ≥ 0 and finite on [−1, 1] (see the class remarks); returns the largest value sampled. Throws an
    /// <see cref="ArgumentException"/> naming <paramref name="paramName"/> and the offending cos χ otherwise.
    /// </summary>
    public static double CertifyNonNegative(Func<double, double> b, string paramName)
    {
        var x = new double[BaseCells + 1];
        var v = new double[BaseCells + 1];
        double sup = 0;
        for (int i = 0; i <= BaseCells; i++)
        {
            x[i] = Point(i);
            v[i] = Check(b, x[i], paramName);
            sup = Math.Max(sup, v[i]);
        }

        long evaluations = BaseCells + 1;
        double h = 2.0 / BaseCells;
        for (int i = 0; i < BaseCells; i++)
        {
            double slope = Math.Abs(v[i + 1] - v[i]) / h;
            if (i > 0)
            {
                slope = Math.Max(slope, Math.Abs(v[i] - v[i - 1]) / h);
            }

            if (i < BaseCells - 1)
            {
                slope = Math.Max(slope, Math.Abs(v[i + 2] - v[i + 1]) / h);
            }

            sup = Math.Max(sup, Refine(b, x[i], x[i + 1], v[i], v[i + 1], SafetyFactor * slope, 0, ref evaluations, paramName));
        }

        return sup;
    }

    /// <summary>
    /// Checks Grad's cutoff b_ω(c) ≤ C_b c near c = 0 (see the class remarks); throws an <see cref="ArgumentException"/>
    /// naming <paramref name="paramName"/> otherwise.
    /// </summary>
    public static void CheckGradCutoff(Func<double, double> omega, string paramName)
    {
        const int Octaves = 60;
        Span<double> logRatio = stackalloc double[Octaves + 1];
        for (int k = 0; k <= Octaves; k++)
        {
            double c = Math.ScaleB(1.0, -k);
            double value = omega(c);
            if (!double.IsFinite(value) || value < 0)
            {
                throw new ArgumentException($"b_ω must be finite and >= 0 on [0, 1]; b_ω({c:G6}) was {value}.", paramName);
            }

            logRatio[k] = value > 0 ? Math.Log(value / c) : double.NegativeInfinity;
        }

        // Slope of log(b_ω(c)/c) against log c between c = 2^-40 and 2^-60 (log c = −k ln 2).
        double far = logRatio[Octaves], near = logRatio[40];
        if (double.IsNegativeInfinity(far))
        {
            return; // b_ω vanishes near 0: the cutoff holds there.
        }

        double slope = double.IsNegativeInfinity(near) ? double.NegativeInfinity : (far - near) / (-(Octaves - 40) * Math.Log(2.0));
        if (!(slope >= -0.01))
        {
            throw new ArgumentException(
                $"b_ω must satisfy Grad's cutoff b_ω(cos θ) <= C_b|cos θ|: b_ω(c)/c grows like c^{slope:G3} as c → 0 (from {Math.Exp(near):G3} at c = 2^-40 to {Math.Exp(far):G3} at c = 2^-60).",
                paramName);
        }
    }

    /// <summary>True when the two functions agree to 1e−12 relative at every base point (see the class remarks).</summary>
    public static bool Agree(Func<double, double> first, Func<double, double> second)
    {
        for (int i = 0; i <= BaseCells; i++)
        {
            double x = Point(i), a = first(x), b = second(x);
            if (!(Math.Abs(a - b) <= 1e-12 * Math.Max(Math.Abs(a), Math.Abs(b))))
            {
                return false;
            }
        }

        return true;
    }

    private static double Refine(Func<double, double> b, double left, double right, double vl, double vr, double lipschitz, int depth, ref long evaluations, string paramName)
    {
        double width = right - left;
        if (Math.Min(vl, vr) >= lipschitz * width / 2.0 || depth >= MaxDepth)
        {
            return Math.Max(vl, vr);
        }

        if (++evaluations > MaxEvaluations)
        {
            throw new ArgumentException(
                $"b_σ could not be certified non-negative within {MaxEvaluations} evaluations (near cos χ = {left:G6}); is it continuous there?",
                paramName);
        }

        double mid = 0.5 * (left + right), vm = Check(b, mid, paramName);
        double half = width / 2.0;
        double local = SafetyFactor * Math.Max(Math.Abs(vm - vl), Math.Abs(vr - vm)) / half;
        double lip = Math.Max(lipschitz, local);
        double a = Refine(b, left, mid, vl, vm, lip, depth + 1, ref evaluations, paramName);
        double c = Refine(b, mid, right, vm, vr, lip, depth + 1, ref evaluations, paramName);
        return Math.Max(a, c);
    }

    private static double Check(Func<double, double> b, double x, string paramName)
    {
        double value = b(x);
        if (!(value >= 0) || !double.IsFinite(value))
        {
            throw new ArgumentException(
                $"b_σ must be finite and >= 0 on [-1, 1] (Grad cutoff b_ω <= C_b|cos θ|); b_σ({x:G6}) was {value}.", paramName);
        }

        return value;
    }
}
