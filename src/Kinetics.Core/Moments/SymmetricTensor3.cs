namespace Kinetics.Moments;

/// <summary>A symmetric 3 × 3 tensor by its six independent components (the pressure tensor P_ab).</summary>
/// <param name="Xx">P_xx.</param>
/// <param name="Yy">P_yy.</param>
/// <param name="Zz">P_zz.</param>
/// <param name="Xy">P_xy = P_yx.</param>
/// <param name="Xz">P_xz = P_zx.</param>
/// <param name="Yz">P_yz = P_zy.</param>
public readonly record struct SymmetricTensor3(double Xx, double Yy, double Zz, double Xy, double Xz, double Yz)
{
    /// <summary>The trace P_xx + P_yy + P_zz.</summary>
    public double Trace => Xx + Yy + Zz;

    /// <summary>Componentwise sum.</summary>
    /// <param name="a">First term.</param>
    /// <param name="b">Second term.</param>
    public static SymmetricTensor3 operator +(SymmetricTensor3 a, SymmetricTensor3 b) =>
        new(a.Xx + b.Xx, a.Yy + b.Yy, a.Zz + b.Zz, a.Xy + b.Xy, a.Xz + b.Xz, a.Yz + b.Yz);

    /// <summary>Named alternative to <c>+</c>.</summary>
    /// <param name="a">First term.</param>
    /// <param name="b">Second term.</param>
    public static SymmetricTensor3 Add(SymmetricTensor3 a, SymmetricTensor3 b) => a + b;
}
