namespace Kinetics;

/// <summary>
/// A double-precision 3-vector in velocity space (System.Numerics.Vector3 is single precision).
/// </summary>
/// <param name="X">First Cartesian component.</param>
/// <param name="Y">Second Cartesian component.</param>
/// <param name="Z">Third Cartesian component.</param>
public readonly record struct Velocity3(double X, double Y, double Z)
{
    /// <summary>The zero vector.</summary>
    public static Velocity3 Zero => default;

    /// <summary>Euclidean norm |v|.</summary>
    public double Length => Math.Sqrt((X * X) + (Y * Y) + (Z * Z));

    /// <summary>Squared Euclidean norm |v|².</summary>
    public double LengthSquared => (X * X) + (Y * Y) + (Z * Z);

    /// <summary>True when every component is finite.</summary>
    public bool IsFinite => double.IsFinite(X) && double.IsFinite(Y) && double.IsFinite(Z);

    /// <summary>Component <paramref name="axis"/> (0 = x, 1 = y, 2 = z).</summary>
    /// <param name="axis">Axis index in [0, 2].</param>
    public double this[int axis] => axis switch
    {
        0 => X,
        1 => Y,
        2 => Z,
        _ => throw new ArgumentOutOfRangeException(nameof(axis), axis, $"axis must be in [0, 2] (was {axis})."),
    };

    /// <summary>Dot product a·b.</summary>
    public static double Dot(Velocity3 a, Velocity3 b) => (a.X * b.X) + (a.Y * b.Y) + (a.Z * b.Z);

    /// <summary>Cross product a×b.</summary>
    public static Velocity3 Cross(Velocity3 a, Velocity3 b) =>
        new((a.Y * b.Z) - (a.Z * b.Y), (a.Z * b.X) - (a.X * b.Z), (a.X * b.Y) - (a.Y * b.X));

    /// <summary>Componentwise sum.</summary>
    public static Velocity3 operator +(Velocity3 a, Velocity3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    /// <summary>Componentwise difference.</summary>
    public static Velocity3 operator -(Velocity3 a, Velocity3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    /// <summary>Negation.</summary>
    public static Velocity3 operator -(Velocity3 a) => new(-a.X, -a.Y, -a.Z);

    /// <summary>Scaling by a scalar.</summary>
    public static Velocity3 operator *(double s, Velocity3 a) => new(s * a.X, s * a.Y, s * a.Z);

    /// <summary>Scaling by a scalar.</summary>
    public static Velocity3 operator *(Velocity3 a, double s) => new(s * a.X, s * a.Y, s * a.Z);

    /// <summary>Division by a scalar.</summary>
    public static Velocity3 operator /(Velocity3 a, double s) => new(a.X / s, a.Y / s, a.Z / s);

    /// <summary>Named alternative to <c>+</c>.</summary>
    public static Velocity3 Add(Velocity3 a, Velocity3 b) => a + b;

    /// <summary>Named alternative to binary <c>-</c>.</summary>
    public static Velocity3 Subtract(Velocity3 a, Velocity3 b) => a - b;

    /// <summary>Named alternative to unary <c>-</c>.</summary>
    public static Velocity3 Negate(Velocity3 a) => -a;

    /// <summary>Named alternative to <c>*</c>.</summary>
    public static Velocity3 Multiply(double s, Velocity3 a) => s * a;

    /// <summary>Named alternative to <c>/</c>.</summary>
    public static Velocity3 Divide(Velocity3 a, double s) => a / s;
}
