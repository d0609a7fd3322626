using System.Numerics;
using Kinetics.Spectral;
using static Kinetics.Tests.Spectral.FftReference;

namespace Kinetics.Tests.Spectral;

/// <summary>The radix-16 Stockham pass (N = 2^a, a ≡ 1 mod 3, a ≥ 7: 128 = 16·8, 1024 = 16·8·8) against a naive DFT
/// in one dimension and against the plan without it in three.</summary>
public class Radix16Tests
{
    [Theory]
    [InlineData(128)]
    [InlineData(1024)]
    public void LineTransform_MatchesTheNaiveDft(int n)
    {
        var plan = new LineFftPlan(n);
        var x = RandomComplex(n, n);
        var scratch = new Complex[2 * n];
        foreach (bool inverse in new[] { false, true })
        {
            var expected = new Complex[n];
            double sign = inverse ? 1.0 : -1.0;
            for (int k = 0; k < n; k++)
            {
                Complex sum = Complex.Zero;
                for (int t = 0; t < n; t++)
                {
                    sum += x[t] * Complex.FromPolarCoordinates(1.0, sign * 2.0 * Math.PI * ((long)k * t % n) / n);
                }

                expected[k] = sum;
            }

            var actual = (Complex[])x.Clone();
            plan.Transform(actual, inverse, scratch);

            // Observed (forward) 4.3e-16 at N = 128 and 1.1e-15 at 1024, the naive sum's own round-off included: 5e-15.
            double error = RelativeError(actual, expected);
            Assert.True(error <= 5e-15, $"N = {n}, inverse = {inverse}: relative error {error:E2}");
        }
    }

    [Fact]
    public void Plan128_AgreesWithThePlanWithoutRadix16_OnEveryInstructionSet()
    {
        const int n = 128;
        var x = RandomComplex(n * n * n, 17);
        var r = RandomReal(n * n * n, 19);
        foreach (FftInstructionSet set in AcceleratedSets())
        {
            var with = Fft3DPlan.Create(n, FftNormalization.Backward, set, FftBlocking.For(n));
            var without = Fft3DPlan.Create(n, FftNormalization.Backward, set, FftBlocking.For(n), radix16: false);
            var a = (Complex[])x.Clone();
            var b = (Complex[])x.Clone();
            with.Forward(a, with.CreateWorkspace());
            without.Forward(b, without.CreateWorkspace());

            // Two factorisations of the same DFT: they differ by round-off only (observed 4.8e-16, scalar path): 5e-15.
            Assert.True(RelativeError(a, b) <= 5e-15, $"{set}: complex {RelativeError(a, b):E2}");
            var ha = new Complex[with.HalfSpectrumCount];
            var hb = new Complex[with.HalfSpectrumCount];
            with.ForwardReal(r, ha, with.CreateWorkspace());
            without.ForwardReal(r, hb, without.CreateWorkspace());
            Assert.True(RelativeError(ha, hb) <= 5e-15, $"{set}: real {RelativeError(ha, hb):E2}");
        }
    }
}
