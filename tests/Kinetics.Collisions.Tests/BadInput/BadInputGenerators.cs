using FsCheck;
using FsCheck.Fluent;

namespace Kinetics.Tests.BadInput;

/// <summary>Generators of invalid values, one per parameter kind.</summary>
internal static class BadInputGenerators
{
    /// <summary>NaN, +∞, −∞.</summary>
    public static Gen<double> NonFinite => Gen.Elements(double.NaN, double.PositiveInfinity, double.NegativeInfinity);

    /// <summary>Values no positive parameter may take: ≤ 0 (including −0 and −ε), NaN, ±∞.</summary>
    public static Gen<double> NonPositive =>
        Gen.OneOf(Gen.Choose(-1_000_000, 0).Select(i => i / 1000.0), Gen.Elements(0.0, -0.0, -double.Epsilon, double.NaN, double.PositiveInfinity, double.NegativeInfinity));

    /// <summary>Negative or non-finite values (for parameters that must be finite and ≥ 0).</summary>
    public static Gen<double> Negative =>
        Gen.OneOf(Gen.Choose(-1_000_000, -1).Select(i => i / 1000.0), Gen.Elements(-double.Epsilon, double.NaN, double.PositiveInfinity, double.NegativeInfinity));

    /// <summary>Indices outside [0, count): −1, count, count + k, int.MinValue, int.MaxValue.</summary>
    public static Gen<int> BadIndex(int count) =>
        Gen.OneOf(Gen.Elements(-1, count, int.MinValue, int.MaxValue), Gen.Choose(1, 1000).Select(k => count + k), Gen.Choose(-1000, -1));

    /// <summary>Integer values that are not members of <typeparamref name="TEnum"/>.</summary>
    public static Gen<TEnum> Undefined<TEnum>()
        where TEnum : struct, Enum =>
        Gen.Choose(-1000, 1000).Where(i => !Enum.IsDefined(typeof(TEnum), i)).Select(i => (TEnum)Enum.ToObject(typeof(TEnum), i));

    /// <summary>Cosines outside [−1, 1] or non-finite.</summary>
    public static Gen<double> BadCosine =>
        Gen.OneOf(Gen.Choose(1001, 100_000).Select(i => i / 1000.0), Gen.Choose(-100_000, -1001).Select(i => i / 1000.0), NonFinite);

    /// <summary>A copy of <paramref name="valid"/> with one entry replaced by NaN or ±∞ at a random position.</summary>
    public static Gen<double[]> WithNonFinite(double[] valid) =>
        from index in Gen.Choose(0, valid.Length - 1)
        from bad in NonFinite
        select Replace(valid, index, bad);

    /// <summary>A copy of <paramref name="valid"/> with one entry made ≤ 0 at a random position.</summary>
    public static Gen<double[]> WithNonPositive(double[] valid) =>
        from index in Gen.Choose(0, valid.Length - 1)
        from bad in Gen.Elements(0.0, -1e-300, -1.0)
        select Replace(valid, index, bad);

    /// <summary>Velocities with at least one non-finite component.</summary>
    public static Gen<Velocity3> NonFiniteVelocity =>
        from bad in NonFinite
        from axis in Gen.Choose(0, 2)
        select axis switch { 0 => new Velocity3(bad, 0, 0), 1 => new Velocity3(0, bad, 0), _ => new Velocity3(0, 0, bad) };

    private static double[] Replace(double[] valid, int index, double value)
    {
        double[] copy = (double[])valid.Clone();
        copy[index] = value;
        return copy;
    }
}
