using System.Numerics;
using System.Runtime.InteropServices;
using Kinetics.Spectral;
using static Kinetics.Tests.Spectral.FftReference;

namespace Kinetics.Tests.Spectral;

/// <summary>The along-row z pass (<see cref="StockhamStages.TransformRows"/>: two-pass sizes N = r₁·r₂ with r₁ and
/// r₂ multiples of 4, Vector512) against a naive DFT per row and, in three dimensions, against MathNet line by line and
/// against the same plan with the pass switched off.</summary>
public class AlongRowsTests
{
    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    [InlineData(64)]
    [InlineData(128)]
    public void Rows_MatchTheNaiveDft_BothDirections_Scaled(int n)
    {
        const int rows = 3;
        const double scale = 0.75;
        var line = new MixedRadixPlan(n, alongRows: true);
        Assert.True(line.AlongRows);
        var x = RandomComplex(rows * n, n + 1);
        var scratch = new double[4 * n];
        foreach (bool inverse in new[] { false, true })
        {
            var expected = new Complex[rows * n];
            double sign = inverse ? 1.0 : -1.0;
            for (int b = 0; b < rows; b++)
            {
                for (int k = 0; k < n; k++)
                {
                    Complex sum = Complex.Zero;
                    for (int t = 0; t < n; t++)
                    {
                        sum += x[(b * n) + t] * Complex.FromPolarCoordinates(1.0, sign * 2.0 * Math.PI * (k * t % n) / n);
                    }

                    expected[(b * n) + k] = scale * sum;
                }
            }

            var actual = (Complex[])x.Clone();
            StockhamStages.TransformRows(line, inverse, MemoryMarshal.Cast<Complex, double>(actual.AsSpan()), rows, scale, scratch);

            // Round-off of two passes and the naive sum's own: observed ≤ 4e-16; 5e-15 leaves a decade.
            double error = RelativeError(actual, expected);
            Assert.True(error <= 5e-15, $"N = {n}, inverse = {inverse}: relative error {error:E2}");
        }
    }

    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    [InlineData(64)]
    public void Plan_WithRowPass_MatchesMathNet_AndRoundTrips(int n)
    {
        var x = RandomComplex(n * n * n, 3 * n);
        var expected = MathNetLineByLine(x, n);
        foreach (FftInstructionSet set in AcceleratedSets())
        {
            var plan = Fft3DPlan.Create(n, FftNormalization.Backward, set, FftBlocking.For(n), alongRows: true);
            var a = (Complex[])x.Clone();
            var ws = plan.CreateWorkspace();
            plan.Forward(a, ws);
            double error = RelativeError(a, expected);
            Assert.True(error <= 1e-12 * Math.Log2(n), $"{set}, N = {n}: forward {error:E2}");
            plan.Inverse(a, ws);
            double back = RelativeError(a, x);
            Assert.True(back <= 5e-15, $"{set}, N = {n}: round trip {back:E2}");
        }
    }

    [Fact]
    public void Plan128_AgreesWithTheAcrossLinesZPass_ComplexAndReal_BothDirections()
    {
        const int n = 128;
        var x = RandomComplex(n * n * n, 23);
        var r = RandomReal(n * n * n, 29);
        foreach (FftInstructionSet set in AcceleratedSets())
        {
            var on = Fft3DPlan.Create(n, FftNormalization.Backward, set, FftBlocking.For(n), alongRows: true);
            var off = Fft3DPlan.Create(n, FftNormalization.Backward, set, FftBlocking.For(n), alongRows: false);
            Fft3DWorkspace wsOn = on.CreateWorkspace(), wsOff = off.CreateWorkspace();
            var a = (Complex[])x.Clone();
            var b = (Complex[])x.Clone();
            on.Forward(a, wsOn);
            off.Forward(b, wsOff);

            // The same passes up to where the z pass applies its scale and the order of a 4×4 transposition: round-off only
            // (observed ≤ 5e-16): 5e-15.
            Assert.True(RelativeError(a, b) <= 5e-15, $"{set}: forward {RelativeError(a, b):E2}");
            on.Inverse(a, wsOn);
            off.Inverse(b, wsOff);
            Assert.True(RelativeError(a, b) <= 5e-15, $"{set}: inverse {RelativeError(a, b):E2}");
            Assert.True(RelativeError(a, x) <= 5e-15, $"{set}: round trip {RelativeError(a, x):E2}");

            // The real transforms keep their packed z pass: the same bits with the switch on or off.
            var ha = new Complex[on.HalfSpectrumCount];
            var hb = new Complex[on.HalfSpectrumCount];
            on.ForwardReal(r, ha, wsOn);
            off.ForwardReal(r, hb, wsOff);
            Assert.Equal(hb, ha);
            double[] ra = new double[n * n * n], rb = new double[n * n * n];
            on.InverseReal(ha, ra, wsOn);
            off.InverseReal(hb, rb, wsOff);
            Assert.Equal(rb, ra);
            Assert.True(RelativeError(ra, r) <= 5e-15, $"{set}: real round trip {RelativeError(ra, r):E2}");
        }
    }

    [Theory]
    [InlineData(8)]   // one pass
    [InlineData(12)]  // 4·3: r₂ not a multiple of 4
    [InlineData(27)]  // odd
    [InlineData(48)]  // 4·4·3: three passes
    [InlineData(60)]
    [InlineData(96)]
    [InlineData(256)] // 8·8·4
    public void OtherSizes_NeverTakeTheRowPass(int n)
    {
        Assert.False(new MixedRadixPlan(n, alongRows: true).AlongRows);
        Assert.False(new MixedRadixPlan(n).AlongRows);
    }

    [Fact]
    public void Default_IsOn_At64And128_Only()
    {
        Assert.True(new MixedRadixPlan(64).AlongRows);
        Assert.True(new MixedRadixPlan(128).AlongRows);
        foreach (int n in new[] { 16, 32 })
        {
            Assert.False(new MixedRadixPlan(n).AlongRows);
        }
    }

    [Fact]
    public void Transform_WithRowPass_AllocatesNothing()
    {
        const int n = 32;
        var plan = Fft3DPlan.Create(n, FftNormalization.Backward, FftInstructionSet.Vector512, FftBlocking.For(n), alongRows: true);
        var ws = plan.CreateWorkspace();
        var a = RandomComplex(n * n * n, 5);
        plan.Forward(a, ws);
        plan.Inverse(a, ws);
        long before = GC.GetAllocatedBytesForCurrentThread();
        plan.Forward(a, ws);
        plan.Inverse(a, ws);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
