using System.Numerics;
using Kinetics.PhaseSpace.Theory;
using Xunit.Abstractions;

namespace Kinetics.PhaseSpace.Tests.Theory;

public sealed class PlasmaDispersionTests(ITestOutputHelper output)
{
    // Independent oracle: the entire-function series Z(ζ) = i√π e^{−ζ²} − 2ζ Σ_n (−2ζ²)^n/(2n + 1)!! (Fried & Conte),
    // accurate for |ζ| ≲ 3 (the largest term is about e^{|ζ|²}).
    private static Complex SeriesZ(Complex zeta)
    {
        Complex sum = Complex.Zero, term = Complex.One;
        for (int n = 0; n < 200; n++)
        {
            sum += term;
            term *= -2.0 * zeta * zeta / ((2 * n) + 3);
        }

        return (Complex.ImaginaryOne * Math.Sqrt(Math.PI) * Complex.Exp(-zeta * zeta)) - (2.0 * zeta * sum);
    }

    [Fact]
    public void Z_MatchesPowerSeries()
    {
        Complex[] points = [0, new(0.5, 0), new(1.5, 0.3), new(2.0, -0.2), new(-1.2, 0.8), new(0.3, -1.5), new(2.5, -0.5), new(0, 1.7)];
        foreach (var zeta in points)
        {
            Complex a = PlasmaDispersion.Z(zeta), b = SeriesZ(zeta);
            output.WriteLine($"ζ = {zeta}: Z = {a}, series {b}, |Δ| = {(a - b).Magnitude:E2}");

            // Observed |Δ| ≤ 2e−13 (series cancellation grows like e^{|ζ|²}); bound 1e−11.
            Assert.True((a - b).Magnitude <= 1e-11 * Math.Max(1, b.Magnitude), $"ζ = {zeta}: {a} vs {b}");
        }
    }

    [Fact]
    public void Z_AtZero_IsISqrtPi() =>
        Assert.True((PlasmaDispersion.Z(0) - new Complex(0, Math.Sqrt(Math.PI))).Magnitude < 1e-13);

    [Theory]
    [InlineData(0.5, 1.4156, -0.1533)]
    [InlineData(0.4, 1.2850, -0.0661)]
    [InlineData(0.3, 1.1598, -0.0126)]
    public void LandauRoot_MatchesPublishedValues(double k, double frequency, double rate)
    {
        Complex root = BeamDispersion.Maxwellian.Root(k, Math.Sqrt(1 + (3 * k * k)));
        output.WriteLine($"k = {k}: ω = {root.Real:F6}, γ = {root.Imaginary:F6}");

        // The published figures have four decimals.
        Assert.InRange(root.Real, frequency - 1e-4, frequency + 1e-4);
        Assert.InRange(root.Imaginary, rate - 1e-4, rate + 1e-4);
    }
}
