using Kinetics.Distributions;

namespace Kinetics.Landau;

/// <summary>
/// A smooth distribution given analytically by its value, gradient and Hessian, as needed by
/// <see cref="LandauReferenceEvaluator"/> to evaluate the Landau operator pointwise.
/// </summary>
/// <param name="Value">F(v).</param>
/// <param name="Gradient">∇F(v).</param>
/// <param name="Hessian">∇²F(v).</param>
public sealed record AnalyticDistribution(Func<Velocity3, double> Value, Func<Velocity3, Velocity3> Gradient, Func<Velocity3, SymmetricMatrix3> Hessian)
{
    /// <summary>The Maxwellian 𝓜[n, u, T; m] of docs/math#conventions with its exact derivatives.</summary>
    /// <param name="state">(n, u, T).</param>
    /// <param name="mass">m &gt; 0.</param>
    /// <returns>The distribution.</returns>
    public static AnalyticDistribution Maxwellian(MacroscopicState state, double mass)
    {
        Guard.Positive(mass);
        double beta = mass / state.Temperature; // ∇F = −β(v − u)F, ∇²F = (β²(v−u)(v−u)ᵀ − βI)F
        double Value(Velocity3 v) => Distributions.Maxwellian.Evaluate(state, mass, v);
        return new AnalyticDistribution(
            Value,
            v => (-beta * Value(v)) * (v - state.BulkVelocity),
            v =>
            {
                Velocity3 w = v - state.BulkVelocity;
                double f = Value(v), b2 = beta * beta;
                return f * new SymmetricMatrix3((b2 * w.X * w.X) - beta, b2 * w.X * w.Y, b2 * w.X * w.Z, (b2 * w.Y * w.Y) - beta, b2 * w.Y * w.Z, (b2 * w.Z * w.Z) - beta);
            });
    }

    /// <summary>The sum of two distributions (values, gradients and Hessians add).</summary>
    /// <param name="first">First term.</param>
    /// <param name="second">Second term.</param>
    /// <returns>first + second.</returns>
    public static AnalyticDistribution Sum(AnalyticDistribution first, AnalyticDistribution second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return new AnalyticDistribution(
            v => first.Value(v) + second.Value(v),
            v => first.Gradient(v) + second.Gradient(v),
            v =>
            {
                var a = first.Hessian(v);
                var b = second.Hessian(v);
                return new SymmetricMatrix3(a.XX + b.XX, a.XY + b.XY, a.XZ + b.XZ, a.YY + b.YY, a.YZ + b.YZ, a.ZZ + b.ZZ);
            });
    }
}
