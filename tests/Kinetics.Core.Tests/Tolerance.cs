namespace Kinetics.Tests;

/// <summary>Relative, magnitude-scaled, NaN-aware comparisons whose failure messages print both values.</summary>
internal static class Tolerance
{
    /// <summary>|actual − expected| ≤ relative·max(|expected|, floor); NaN never passes.</summary>
    public static void AssertRelative(double expected, double actual, double relative, string what, double floor = 0.0)
    {
        double scale = Math.Max(Math.Abs(expected), floor);
        double error = Math.Abs(actual - expected);
        Assert.True(
            error <= relative * scale,
            FormattableString.Invariant($"{what}: expected {expected:R}, got {actual:R}, relative error {error / scale:E3} > {relative:E1}"));
    }

    /// <summary>|actual − expected| ≤ absolute; NaN never passes.</summary>
    public static void AssertAbsolute(double expected, double actual, double absolute, string what)
    {
        double error = Math.Abs(actual - expected);
        Assert.True(error <= absolute, FormattableString.Invariant($"{what}: expected {expected:R}, got {actual:R}, error {error:E3} > {absolute:E1}"));
    }

    /// <summary>Componentwise <see cref="AssertAbsolute"/>.</summary>
    public static void AssertAbsolute(Velocity3 expected, Velocity3 actual, double absolute, string what)
    {
        for (int axis = 0; axis < 3; axis++)
        {
            AssertAbsolute(expected[axis], actual[axis], absolute, FormattableString.Invariant($"{what}[{axis}]"));
        }
    }
}
