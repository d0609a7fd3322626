using FsCheck;
using FsCheck.Fluent;
using Kinetics.Distributions;

namespace Kinetics.Tests;

/// <summary>FsCheck generators of physical inputs (finite, in stated ranges) and of deliberately invalid ones.</summary>
internal static class PhysicalGenerators
{
    private const int Resolution = 1 << 30;

    /// <summary>Uniform double in [lo, hi].</summary>
    public static Gen<double> Uniform(double lo, double hi) =>
        Gen.Choose(0, Resolution).Select(i => lo + ((hi - lo) * i / Resolution));

    /// <summary>log-uniform double in [lo, hi] (lo &gt; 0): spreads samples over orders of magnitude.</summary>
    public static Gen<double> LogUniform(double lo, double hi) =>
        Uniform(Math.Log(lo), Math.Log(hi)).Select(Math.Exp);

    /// <summary>Particle masses spanning the mass ratios of the seeds (electron-like 1/16 to heavy ion 16).</summary>
    public static Gen<double> Mass => LogUniform(1.0 / 16.0, 16.0);

    /// <summary>Temperatures from 0.1 to 10.</summary>
    public static Gen<double> Temperature => LogUniform(0.1, 10.0);

    /// <summary>Densities from 0.01 to 100.</summary>
    public static Gen<double> Density => LogUniform(0.01, 100.0);

    /// <summary>A vector with components in [−bound, bound].</summary>
    public static Gen<Velocity3> Vector(double bound) =>
        from x in Uniform(-bound, bound)
        from y in Uniform(-bound, bound)
        from z in Uniform(-bound, bound)
        select new Velocity3(x, y, z);

    /// <summary>A unit vector uniform on S²: rejection sampling in the unit ball (excluding a tiny core), then normalised.</summary>
    public static Gen<Velocity3> UnitVector =>
        Vector(1.0).Where(v => v.LengthSquared is > 1e-4 and <= 1.0).Select(v => v / v.Length);

    /// <summary>A Maxwellian species: (n, u, T) and a mass; the drift is at most two thermal speeds.</summary>
    public static Gen<(MacroscopicState State, double Mass)> MaxwellianSpecies =>
        from n in Density
        from t in Temperature
        from m in Mass
        from direction in Vector(1.0)
        select (new MacroscopicState(n, direction * (2.0 * Math.Sqrt(t / m) / Math.Sqrt(3.0)), t), m);

    /// <summary>Values no positive physical parameter may take: ≤ 0, NaN, ±∞.</summary>
    public static Gen<double> NonPositiveOrNonFinite =>
        Gen.OneOf(
            Uniform(-1e6, 0.0),
            Gen.Elements(0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, -double.Epsilon));

    /// <summary>Non-finite values.</summary>
    public static Gen<double> NonFinite => Gen.Elements(double.NaN, double.PositiveInfinity, double.NegativeInfinity);

    /// <summary>How many times more cases every property runs in the long verification (KINETICS_LONG_TESTS=1).</summary>
    public const int LongRunFactor = 20;

    /// <summary>
    /// Runs a property over <paramref name="count"/> generated cases (× <see cref="LongRunFactor"/> in the long
    /// verification run) through <see cref="PropertyCheck.Run"/>: a fixed seed unless <c>KINETICS_PROPERTY_SEED</c>
    /// asks for another, named on failure with the command that replays it.
    /// </summary>
    public static void Check<T>(Gen<T> gen, Action<T> property, int count = 100)
    {
        int cases = Environment.GetEnvironmentVariable("KINETICS_LONG_TESTS") == "1" ? count * LongRunFactor : count;
        PropertyCheck.Run(cases, Prop.ForAll(gen.ToArbitrary(), property));
    }
}
