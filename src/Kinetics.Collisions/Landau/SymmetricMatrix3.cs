namespace Kinetics.Landau;

/// <summary>A real symmetric 3×3 matrix (the value of a Landau diffusion field at one velocity).</summary>
/// <param name="XX">Entry (x, x).</param>
/// <param name="XY">Entry (x, y) = (y, x).</param>
/// <param name="XZ">Entry (x, z) = (z, x).</param>
/// <param name="YY">Entry (y, y).</param>
/// <param name="YZ">Entry (y, z) = (z, y).</param>
/// <param name="ZZ">Entry (z, z).</param>
public readonly record struct SymmetricMatrix3(double XX, double XY, double XZ, double YY, double YZ, double ZZ)
{
    /// <summary>The trace XX + YY + ZZ.</summary>
    public double Trace => XX + YY + ZZ;

    /// <summary>Entry (i, j), i, j ∈ {0, 1, 2}.</summary>
    /// <param name="i">Row.</param>
    /// <param name="j">Column.</param>
    public double this[int i, int j] => (Math.Min(i, j), Math.Max(i, j)) switch
    {
        (0, 0) => XX,
        (0, 1) => XY,
        (0, 2) => XZ,
        (1, 1) => YY,
        (1, 2) => YZ,
        (2, 2) => ZZ,
        _ => throw new ArgumentOutOfRangeException(nameof(i), $"indices must be in [0, 2] (were {i}, {j})."),
    };

    /// <summary>λ_∥ v̂v̂ᵀ + λ_⊥ (I − v̂v̂ᵀ) for a unit vector v̂ (the form of A[F] for radial F).</summary>
    /// <param name="unit">v̂, |v̂| = 1.</param>
    /// <param name="parallel">Eigenvalue along v̂.</param>
    /// <param name="perpendicular">Eigenvalue on v̂^⊥.</param>
    /// <returns>The matrix.</returns>
    public static SymmetricMatrix3 FromAxial(Velocity3 unit, double parallel, double perpendicular)
    {
        double d = parallel - perpendicular;
        return new SymmetricMatrix3(
            perpendicular + (d * unit.X * unit.X), d * unit.X * unit.Y, d * unit.X * unit.Z,
            perpendicular + (d * unit.Y * unit.Y), d * unit.Y * unit.Z, perpendicular + (d * unit.Z * unit.Z));
    }

    /// <summary>The product M v.</summary>
    /// <param name="v">A vector.</param>
    /// <returns>M v.</returns>
    public Velocity3 Multiply(Velocity3 v) => new(
        (XX * v.X) + (XY * v.Y) + (XZ * v.Z),
        (XY * v.X) + (YY * v.Y) + (YZ * v.Z),
        (XZ * v.X) + (YZ * v.Y) + (ZZ * v.Z));

    /// <summary>The quadratic form eᵀ M e.</summary>
    /// <param name="e">A vector.</param>
    /// <returns>eᵀ M e.</returns>
    public double Quadratic(Velocity3 e) => Velocity3.Dot(e, Multiply(e));

    /// <summary>s M.</summary>
    /// <param name="s">Scalar.</param>
    /// <param name="m">Matrix.</param>
    /// <returns>The scaled matrix.</returns>
    public static SymmetricMatrix3 operator *(double s, SymmetricMatrix3 m) =>
        new(s * m.XX, s * m.XY, s * m.XZ, s * m.YY, s * m.YZ, s * m.ZZ);

    /// <summary>s M (named alternative of the operator).</summary>
    /// <param name="s">Scalar.</param>
    /// <param name="m">Matrix.</param>
    /// <returns>The scaled matrix.</returns>
    public static SymmetricMatrix3 Multiply(double s, SymmetricMatrix3 m) => s * m;

    /// <summary>The largest absolute entry difference max |M − N|.</summary>
    /// <param name="other">N.</param>
    /// <returns>The max-norm of the difference.</returns>
    public double MaxAbsDifference(SymmetricMatrix3 other) =>
        Math.Max(Math.Max(Math.Max(Math.Abs(XX - other.XX), Math.Abs(XY - other.XY)), Math.Max(Math.Abs(XZ - other.XZ), Math.Abs(YY - other.YY))),
            Math.Max(Math.Abs(YZ - other.YZ), Math.Abs(ZZ - other.ZZ)));
}
