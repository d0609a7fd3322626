namespace Kinetics.Quadrature;

/// <summary>
/// Gauss rule for radial integrals with a power weight: ∫₀^R r^s g(r) dr ≈ Σᵢ wᵢ g(rᵢ), s &gt; −1, exact for
/// polynomials g of degree ≤ 2n − 1 (so ∫₀^R r^{s+k} dr = R^{s+k+1}/(s+k+1) is reproduced for k ≤ 2n − 1).
/// </summary>
/// <remarks>
/// <para>The Gauss–Jacobi rule with α = 0, β = s mapped by r = R(1 + x)/2: rᵢ = R(1 + xᵢ)/2 and
/// wᵢ = (R/2)^{s+1} wᵢ^{GJ}. The weight r^s is integrated exactly, so the rule stays spectrally accurate for the
/// integrable endpoint singularity of a soft kernel (s = γ + 2 ∈ (−1, 3] for γ ∈ (−3, 1], docs/math#boltzmann-operator) where
/// Gauss–Legendre loses accuracy.</para>
/// <para>s = 2 is the radial part of a 3-D volume integral of an isotropic function: ∫_{|v|≤R} g(|v|) dv =
/// 4π ∫₀^R r² g(r) dr (see <see cref="Kinetics.Grids.RadialGrid"/>).</para>
/// </remarks>
public sealed class RadialPowerRule : QuadratureRule
{
    private RadialPowerRule(double[] nodes, double[] weights, double radius, double exponent, int degree)
        : base(nodes, weights, 0.0, radius, degree)
    {
        Exponent = exponent;
    }

    /// <summary>s, the exponent of the weight r^s.</summary>
    public double Exponent { get; }

    /// <summary>R, the upper limit of integration.</summary>
    public double Radius => UpperBound;

    /// <summary>Creates the <paramref name="count"/>-point rule for ∫₀^R r^s g(r) dr.</summary>
    /// <param name="count">n, in [1, 512].</param>
    /// <param name="radius">R &gt; 0 (finite).</param>
    /// <param name="exponent">s in (−1, 64].</param>
    /// <exception cref="ArgumentOutOfRangeException">n, R or s out of range (NaN included).</exception>
    public static RadialPowerRule Create(int count, double radius, double exponent)
    {
        Guard.InRange(count, 1, GaussJacobiRule.MaxCount);
        Guard.Positive(radius);
        Guard.InHalfOpenRange(exponent, -1.0, GaussJacobiRule.MaxExponent);
        var jacobi = GaussJacobiRule.Create(count, 0.0, exponent);
        double half = 0.5 * radius;
        double scale = Math.Pow(half, exponent + 1.0);
        var nodes = new double[count];
        var weights = new double[count];
        for (int i = 0; i < count; i++)
        {
            nodes[i] = half * (1.0 + jacobi.Nodes[i]);
            weights[i] = scale * jacobi.Weights[i];
        }

        return new RadialPowerRule(nodes, weights, radius, exponent, jacobi.Degree);
    }
}
