using System.Numerics.Tensors;

namespace Kinetics.Quadrature;

/// <summary>
/// A quadrature rule on the unit sphere S²: ∫_{S²} g(σ) dσ ≈ Σᵢ wᵢ g(σᵢ) with unit vectors σᵢ and weights wᵢ that
/// sum to 4π (the area of S²; dσ is the surface measure, not normalised).
/// </summary>
/// <remarks>
/// <para><see cref="Degree"/> is the sharp exactness degree: every spherical harmonic of degree ≤ Degree (equivalently
/// every polynomial in (x, y, z) of total degree ≤ Degree) is integrated exactly up to round-off, and at least one
/// harmonic of degree Degree + 1 is not (the tests check both sides).</para>
/// <para>Factories: <see cref="Product(int)"/> (Gauss–Legendre in cos θ × trapezoid in φ, any degree) and the
/// symmetric low-point rules <see cref="Octahedron"/> (6, degree 3), <see cref="Cube"/> (8, degree 3),
/// <see cref="Icosahedron"/> (12, degree 5), <see cref="Octahedral14"/> (14, degree 5),
/// <see cref="Octahedral26"/> (26, degree 7) and <see cref="Icosahedral32"/> (32, degree 9), whose weights are exact
/// rationals derived in docs/quadrature.md. Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class SphereRule
{
    /// <summary>Largest degree accepted by <see cref="Product(int)"/>.</summary>
    public const int MaxProductDegree = 1023;

    private static readonly double GoldenRatio = (1.0 + Math.Sqrt(5.0)) / 2.0;

    private readonly Velocity3[] _points;
    private readonly double[] _weights;

    private SphereRule(string name, Velocity3[] points, double[] weights, int degree)
    {
        Name = name;
        _points = points;
        _weights = weights;
        Degree = degree;
    }

    /// <summary>A short description, e.g. "octahedron (6 points, degree 3)".</summary>
    public string Name { get; }

    /// <summary>Number of points M.</summary>
    public int Count => _points.Length;

    /// <summary>The unit vectors σᵢ.</summary>
    public ReadOnlySpan<Velocity3> Points => _points;

    /// <summary>The weights wᵢ; they sum to 4π.</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>The sharp exactness degree (see the type remarks).</summary>
    public int Degree { get; }

    /// <summary>The 6 vertices ±eₓ, ±e_y, ±e_z with equal weights 4π/6; degree 3.</summary>
    public static SphereRule Octahedron => Symmetric("octahedron", 3, (OctahedronVertices(), 1.0 / 6.0));

    /// <summary>The 8 vertices (±1, ±1, ±1)/√3 with equal weights 4π/8; degree 3.</summary>
    public static SphereRule Cube => Symmetric("cube", 3, (CubeVertices(), 1.0 / 8.0));

    /// <summary>The 12 vertices of the regular icosahedron, (0, ±1, ±φ)/√(1+φ²) and cyclic permutations, equal weights; degree 5.</summary>
    public static SphereRule Icosahedron => Symmetric("icosahedron", 5, (IcosahedronVertices(), 1.0 / 12.0));

    /// <summary>Octahedron (weight 4π·1/15 each) + cube (4π·3/40 each): 14 points, degree 5.</summary>
    public static SphereRule Octahedral14 =>
        Symmetric("octahedral 14-point", 5, (OctahedronVertices(), 1.0 / 15.0), (CubeVertices(), 3.0 / 40.0));

    /// <summary>Octahedron (4π·1/21), 12 edge midpoints (±1, ±1, 0)/√2 (4π·4/105) and cube (4π·9/280): 26 points, degree 7.</summary>
    public static SphereRule Octahedral26 =>
        Symmetric("octahedral 26-point", 7, (OctahedronVertices(), 1.0 / 21.0), (EdgeMidpoints(), 4.0 / 105.0), (CubeVertices(), 9.0 / 280.0));

    /// <summary>Icosahedron vertices (4π·5/168 each) + the 20 vertices of the dual dodecahedron, i.e. the icosahedron's face directions (4π·9/280 each): 32 points, degree 9.</summary>
    public static SphereRule Icosahedral32 =>
        Symmetric("icosahedral 32-point", 9, (IcosahedronVertices(), 5.0 / 168.0), (DodecahedronVertices(), 9.0 / 280.0));

    /// <summary>
    /// Lebedev's 50-point rule of degree 11 (V. I. Lebedev, "Values of the nodes and weights of ninth to seventeenth order
    /// Gauss–Markov quadrature formulae invariant under the octahedron group with inversion", USSR Comput. Math. Math.
    /// Phys. 15 (1975)): octahedron vertices (4π·4/315 each), the 12 edge midpoints (4π·64/2835), the cube vertices
    /// (4π·27/1280) and the 24 points (±1, ±1, ±3)/√11 with permutations (4π·14641/725760). Antipodal.
    /// </summary>
    public static SphereRule Lebedev50 =>
        Symmetric(
            "Lebedev 50-point", 11, (OctahedronVertices(), 4.0 / 315.0), (EdgeMidpoints(), 64.0 / 2835.0), (CubeVertices(), 27.0 / 1280.0),
            (PermutedOrbit(1.0, 3.0), 14641.0 / 725760.0));

    /// <summary>
    /// The product rule of exactness degree <paramref name="degree"/> = d: n_θ = ⌊d/2⌋ + 1 Gauss–Legendre nodes in
    /// z = cos θ times n_φ = d + 1 equally spaced angles φⱼ = 2πj/n_φ (the trapezoid rule, exact for e^{imφ}, |m| &lt; n_φ).
    /// </summary>
    /// <remarks>n_θ·n_φ points. The degree is sharp: Re (x + iy)^{d+1} has the Fourier mode m = n_φ, which the trapezoid
    /// rule aliases to m = 0. Points are ordered with φ fastest.</remarks>
    /// <param name="degree">d in [0, 1023].</param>
    public static SphereRule Product(int degree)
    {
        Guard.InRange(degree, 0, MaxProductDegree);
        var gauss = GaussLegendreRule.ForDegree(degree);
        int nPhi = degree + 1;
        var points = new Velocity3[gauss.Count * nPhi];
        var weights = new double[points.Length];
        int p = 0;
        for (int i = 0; i < gauss.Count; i++)
        {
            double z = gauss.Nodes[i];
            double s = Math.Sqrt(Math.Max(0.0, 1.0 - (z * z)));
            for (int j = 0; j < nPhi; j++)
            {
                double phi = 2.0 * Math.PI * j / nPhi;
                points[p] = new Velocity3(s * Math.Cos(phi), s * Math.Sin(phi), z);
                weights[p] = gauss.Weights[i] * 2.0 * Math.PI / nPhi;
                p++;
            }
        }

        return new SphereRule($"product Gauss x trapezoid ({gauss.Count} x {nPhi} points, degree {degree})", points, weights, degree);
    }

    /// <summary>Σᵢ wᵢ g(σᵢ) ≈ ∫_{S²} g dσ.</summary>
    /// <param name="integrand">g on the unit sphere.</param>
    public double Integrate(Func<Velocity3, double> integrand)
    {
        ArgumentNullException.ThrowIfNull(integrand);
        double sum = 0.0;
        for (int i = 0; i < _points.Length; i++)
        {
            sum += _weights[i] * integrand(_points[i]);
        }

        return sum;
    }

    /// <summary>Σᵢ wᵢ gᵢ for values gᵢ = g(σᵢ) already sampled at the points.</summary>
    /// <param name="values">g at the points, length <see cref="Count"/>.</param>
    public double Integrate(ReadOnlySpan<double> values)
    {
        Guard.Length(values.Length, Count, nameof(values));
        return TensorPrimitives.Dot(values, (ReadOnlySpan<double>)_weights);
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    // Orbits are given with weights normalised to total 1; the rule scales them by 4π.
    private static SphereRule Symmetric(string name, int degree, params (Velocity3[] Orbit, double Weight)[] orbits)
    {
        var points = new List<Velocity3>();
        var weights = new List<double>();
        foreach (var (orbit, weight) in orbits)
        {
            foreach (var v in orbit)
            {
                points.Add(v / v.Length);
                weights.Add(4.0 * Math.PI * weight);
            }
        }

        return new SphereRule($"{name} ({points.Count} points, degree {degree})", [.. points], [.. weights], degree);
    }

    private static Velocity3[] OctahedronVertices() =>
        [new(1, 0, 0), new(-1, 0, 0), new(0, 1, 0), new(0, -1, 0), new(0, 0, 1), new(0, 0, -1)];

    private static Velocity3[] CubeVertices()
    {
        var result = new List<Velocity3>(8);
        foreach (double x in (ReadOnlySpan<double>)[1.0, -1.0])
        {
            foreach (double y in (ReadOnlySpan<double>)[1.0, -1.0])
            {
                foreach (double z in (ReadOnlySpan<double>)[1.0, -1.0])
                {
                    result.Add(new Velocity3(x, y, z));
                }
            }
        }

        return [.. result];
    }

    private static Velocity3[] EdgeMidpoints() => CyclicOrbit(1.0, 1.0);

    private static Velocity3[] IcosahedronVertices() => CyclicOrbit(1.0, GoldenRatio);

    // The dual of IcosahedronVertices: its 20 face directions, (±1, ±1, ±1) and (0, ±φ, ±1/φ) cyclic.
    private static Velocity3[] DodecahedronVertices() => [.. CubeVertices(), .. CyclicOrbit(GoldenRatio, 1.0 / GoldenRatio)];

    // The 24 points (±a, ±a, ±b) and their permutations (b in each of the three positions).
    private static Velocity3[] PermutedOrbit(double a, double b)
    {
        var result = new List<Velocity3>(24);
        foreach (double s1 in (ReadOnlySpan<double>)[a, -a])
        {
            foreach (double s2 in (ReadOnlySpan<double>)[a, -a])
            {
                foreach (double s3 in (ReadOnlySpan<double>)[b, -b])
                {
                    result.Add(new Velocity3(s1, s2, s3));
                    result.Add(new Velocity3(s1, s3, s2));
                    result.Add(new Velocity3(s3, s1, s2));
                }
            }
        }

        return [.. result];
    }

    // The 12 points (0, ±a, ±b), (±a, ±b, 0), (±b, 0, ±a): the cyclic permutations of (0, ±a, ±b).
    private static Velocity3[] CyclicOrbit(double a, double b)
    {
        var result = new List<Velocity3>(12);
        foreach (double sa in (ReadOnlySpan<double>)[a, -a])
        {
            foreach (double sb in (ReadOnlySpan<double>)[b, -b])
            {
                result.Add(new Velocity3(0, sa, sb));
                result.Add(new Velocity3(sa, sb, 0));
                result.Add(new Velocity3(sb, 0, sa));
            }
        }

        return [.. result];
    }
}
