using FsCheck.Fluent;
using Kinetics.Quadrature;
using static Kinetics.Tests.PhysicalGenerators;
using SF = MathNet.Numerics.SpecialFunctions;

namespace Kinetics.Tests.Quadrature;

public class SphereRuleTests
{
    // Exactness: |Σ wᵢ Y(σᵢ) − ∫Y| ≤ 1e-12 · scale, scale = max(Σ wᵢ|Y(σᵢ)|, ∫|Y| dσ) (the second term matters when a
    // harmonic vanishes at every point of a rule). The sums have ≤ 2145 terms with a few ulps of error in points and
    // weights: round-off is ≤ ~1e-14 of the scale; 1e-12 leaves headroom.
    private const double ExactRelative = 1e-12;

    // Sharpness: some harmonic of degree Degree + 1 must miss by ≥ 1e-6 of its scale (the misses observed are
    // O(0.01–1); round-off is 1e-14).
    private const double SharpRelative = 1e-6;

    // ∫|Y| over S², estimated with a fine product rule (a scale only, 1 % accuracy is plenty).
    private static readonly SphereRule Fine = SphereRule.Product(60);

    public static TheoryData<string> RuleNames => new()
    {
        "octahedron", "cube", "icosahedron", "octahedral14", "octahedral26", "icosahedral32", "lebedev50",
        "product0", "product1", "product2", "product3", "product4", "product5", "product8", "product11", "product16",
    };

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void SphereRule_WeightsSumTo4Pi_AndPointsAreUnitVectors(string name)
    {
        var rule = Rule(name);
        Tolerance.AssertRelative(4 * Math.PI, rule.Weights.ToArray().Sum(), 1e-14, "Σ w");
        foreach (var p in rule.Points)
        {
            Tolerance.AssertAbsolute(1.0, p.Length, 4e-16, "|σ|");
        }

        Assert.Equal(rule.Count, rule.Weights.Length);
    }

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void SphereRule_IntegratesSphericalHarmonicsExactlyToItsDegree_AndNotOneBeyond(string name) =>
        AssertExactAndSharp(Rule(name));

    [LongFact]
    public void ProductRules_OfHighDegree_AreExactAndSharp()
    {
        for (int degree = 20; degree <= 40; degree += 5)
        {
            AssertExactAndSharp(SphereRule.Product(degree));
        }
    }

    private static void AssertExactAndSharp(SphereRule rule)
    {
        for (int l = 0; l <= rule.Degree + 1; l++)
        {
            double worst = 0.0;
            for (int m = -l; m <= l; m++)
            {
                double sum = 0.0, absolute = 0.0;
                for (int i = 0; i < rule.Count; i++)
                {
                    double y = RealHarmonic(l, m, rule.Points[i]);
                    sum += rule.Weights[i] * y;
                    absolute += rule.Weights[i] * Math.Abs(y);
                }

                // ∫ Y_lm dσ = 4π δ_{l0} (Y_00 = 1 in this unnormalised family).
                double exact = l == 0 ? 4 * Math.PI : 0.0;
                double scale = Math.Max(absolute, Fine.Integrate(v => Math.Abs(RealHarmonic(l, m, v))));
                double relative = Math.Abs(sum - exact) / scale;
                if (l <= rule.Degree)
                {
                    Assert.True(relative <= ExactRelative, $"{rule}: Y_{l},{m} integrated to {sum} (relative {relative:E2})");
                }

                worst = Math.Max(worst, relative);
            }

            if (l == rule.Degree + 1)
            {
                Assert.True(worst >= SharpRelative, $"{rule}: every harmonic of degree {l} integrated exactly (worst {worst:E2}); the degree is not sharp");
            }
        }
    }

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void SphereRule_IsExactForMonomials_InEveryRotatedFrame(string name)
    {
        var rule = Rule(name);
        var gen = from axis in UnitVector
                  from angle in Uniform(0.0, 2 * Math.PI)
                  select (axis, angle);
        Check(gen, c =>
        {
            for (int a = 0; a <= rule.Degree; a++)
            {
                for (int b = 0; a + b <= rule.Degree; b++)
                {
                    for (int d = 0; a + b + d <= rule.Degree; d++)
                    {
                        double sum = 0.0, absolute = 0.0;
                        for (int i = 0; i < rule.Count; i++)
                        {
                            var v = Rotate(rule.Points[i], c.axis, c.angle);
                            double y = Math.Pow(v.X, a) * Math.Pow(v.Y, b) * Math.Pow(v.Z, d);
                            sum += rule.Weights[i] * y;
                            absolute += rule.Weights[i] * Math.Abs(y);
                        }

                        double exact = MonomialIntegral(a, b, d);
                        // Scale: ∫|x^a y^b z^c| (a rotation can make every |y(σᵢ)| tiny, e.g. for two-point rules).
                        double scale = Math.Max(absolute, AbsoluteMonomialIntegral(a, b, d));
                        Assert.True(Math.Abs(sum - exact) <= ExactRelative * scale, $"{rule}: x^{a} y^{b} z^{d} gave {sum}, exact {exact}");
                    }
                }
            }
        }, count: 20);
    }

    [Fact]
    public void Product_HasTheAdvertisedPointCounts()
    {
        for (int d = 0; d <= 20; d++)
        {
            Assert.Equal(((d / 2) + 1) * (d + 1), SphereRule.Product(d).Count);
        }

        Assert.Equal(6, SphereRule.Octahedron.Count);
        Assert.Equal(8, SphereRule.Cube.Count);
        Assert.Equal(12, SphereRule.Icosahedron.Count);
        Assert.Equal(14, SphereRule.Octahedral14.Count);
        Assert.Equal(26, SphereRule.Octahedral26.Count);
        Assert.Equal(32, SphereRule.Icosahedral32.Count);
        Assert.Equal(50, SphereRule.Lebedev50.Count);
    }

    [Fact]
    public void Product_OfHighDegree_IsExact()
    {
        var rule = SphereRule.Product(40);
        // x^40: ∫ = 4π/41; a single monomial of the top degree with a closed form.
        Tolerance.AssertRelative(4 * Math.PI / 41, rule.Integrate(v => Math.Pow(v.X, 40)), 1e-13, "x^40");
    }

    private static SphereRule Rule(string name) => name switch
    {
        "octahedron" => SphereRule.Octahedron,
        "cube" => SphereRule.Cube,
        "icosahedron" => SphereRule.Icosahedron,
        "octahedral14" => SphereRule.Octahedral14,
        "octahedral26" => SphereRule.Octahedral26,
        "icosahedral32" => SphereRule.Icosahedral32,
        "lebedev50" => SphereRule.Lebedev50,
        _ when name.StartsWith("product", StringComparison.Ordinal) => SphereRule.Product(int.Parse(name["product".Length..], System.Globalization.CultureInfo.InvariantCulture)),
        _ => throw new ArgumentException(name),
    };

    // ∫_{S²} x^a y^b z^c dσ = 2 Γ((a+1)/2) Γ((b+1)/2) Γ((c+1)/2) / Γ((a+b+c+3)/2) if a, b, c are all even, else 0.
    private static double MonomialIntegral(int a, int b, int c) =>
        (a % 2 == 1 || b % 2 == 1 || c % 2 == 1) ? 0.0 : AbsoluteMonomialIntegral(a, b, c);

    // ∫_{S²} |x|^a |y|^b |z|^c dσ = 2 Γ((a+1)/2) Γ((b+1)/2) Γ((c+1)/2) / Γ((a+b+c+3)/2) for all a, b, c ≥ 0.
    private static double AbsoluteMonomialIntegral(int a, int b, int c) =>
        2.0 * Math.Exp(SF.GammaLn((a + 1) / 2.0) + SF.GammaLn((b + 1) / 2.0) + SF.GammaLn((c + 1) / 2.0) - SF.GammaLn((a + b + c + 3) / 2.0));

    // Rodrigues' rotation of v about the unit axis k by angle θ.
    private static Velocity3 Rotate(Velocity3 v, Velocity3 k, double angle) =>
        (Math.Cos(angle) * v) + (Math.Sin(angle) * Velocity3.Cross(k, v)) + ((1 - Math.Cos(angle)) * Velocity3.Dot(k, v) * k);

    // Unnormalised real spherical harmonics: P_l^|m|(cos θ)·cos(mφ) for m ≥ 0, ·sin(|m|φ) for m < 0, with the
    // associated Legendre functions from the standard upward recurrence in l (reference evaluator of the tests).
    private static double RealHarmonic(int l, int m, Velocity3 v)
    {
        int am = Math.Abs(m);
        double z = v.Z, s = Math.Sqrt(Math.Max(0.0, 1 - (z * z)));
        double pmm = 1.0;
        for (int i = 1; i <= am; i++)
        {
            pmm *= -(2 * i - 1) * s;
        }

        double p = pmm;
        if (l > am)
        {
            double previous = pmm;
            p = z * (2 * am + 1) * pmm;
            for (int ll = am + 2; ll <= l; ll++)
            {
                double next = (((2 * ll) - 1) * z * p - ((ll + am - 1) * previous)) / (ll - am);
                previous = p;
                p = next;
            }
        }

        double phi = Math.Atan2(v.Y, v.X);
        return m >= 0 ? p * Math.Cos(m * phi) : p * Math.Sin(am * phi);
    }
}
