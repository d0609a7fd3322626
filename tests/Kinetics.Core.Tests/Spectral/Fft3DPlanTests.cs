using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using Kinetics.Spectral;
using static Kinetics.Tests.Spectral.FftReference;

namespace Kinetics.Tests.Spectral;

public class Fft3DPlanTests
{
    // Round-off of an FFT grows like ε·log N in norm; 1e-12·log₂N leaves a factor ~50 over double's ε = 2.2e-16 with
    // the constants of three axes, yet catches any wrong twiddle or index (which gives O(1) errors).
    private static double FftTolerance(int n) => 1e-12 * Math.Max(1.0, Math.Log2(n));

    public static TheoryData<int> SmallSizes => new() { 2, 3, 4, 5, 6, 8, 9, 10, 12, 15 };

    public static TheoryData<int> IssueSizes => new() { 16, 20, 24, 32, 40, 48, 64, 80, 96, 128 };

    [Theory]
    [MemberData(nameof(SmallSizes))]
    public void Fft3D_MatchesNaiveDft(int n)
    {
        foreach (FftInstructionSet set in AcceleratedSets())
        {
            var plan = Fft3DPlan.Create(n, FftNormalization.None, set);
            var x = RandomComplex(plan.Count, n);
            foreach (bool inverse in new[] { false, true })
            {
                var expected = NaiveDft(x, n, inverse);
                var actual = (Complex[])x.Clone();
                if (inverse)
                {
                    plan.Inverse(actual);
                }
                else
                {
                    plan.Forward(actual);
                }

                double error = RelativeError(actual, expected);
                Assert.True(error <= FftTolerance(n), $"N = {n}, {set}, inverse = {inverse}: relative error {error:E2}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(IssueSizes))]
    public void Fft3D_MatchesMathNetLineByLine(int n)
    {
        var plan = Fft3DPlan.Create(n);
        var x = RandomComplex(plan.Count, 1000 + n);
        var expected = MathNetLineByLine(x, n);
        plan.Forward(x);
        double error = RelativeError(x, expected);
        Assert.True(error <= FftTolerance(n), $"N = {n}: relative error {error:E2}");
    }

    [LongFact]
    public void Fft3D_MatchesMathNet_AtEverySupportedSizeUpTo128_OnEveryInstructionSet()
    {
        for (int n = 2; n <= 128; n++)
        {
            if (!Fft3DPlan.IsSupportedSize(n))
            {
                continue;
            }

            var x = RandomComplex(n * n * n, 7 * n);
            var expected = MathNetLineByLine(x, n);
            var r = RandomReal(n * n * n, 11 * n);
            foreach (FftInstructionSet set in AcceleratedSets())
            {
                var plan = Fft3DPlan.Create(n, FftNormalization.Backward, set);
                var y = (Complex[])x.Clone();
                plan.Forward(y);
                Assert.True(RelativeError(y, expected) <= FftTolerance(n), $"N = {n}, {set}: {RelativeError(y, expected):E2}");
                plan.Inverse(y);
                Assert.True(RelativeError(y, x) <= 2 * FftTolerance(n), $"N = {n}, {set}: round trip {RelativeError(y, x):E2}");
                var half = new Complex[plan.HalfSpectrumCount];
                var back = new double[plan.Count];
                plan.ForwardReal(r, half);
                plan.InverseReal(half, back);
                Assert.True(RelativeError(back, r) <= 2 * FftTolerance(n), $"N = {n}, {set}: real round trip {RelativeError(back, r):E2}");
            }
        }
    }

    [Fact]
    public void Fft3D_InverseOfForwardIsIdentity()
    {
        int[] sizes = [2, 3, 4, 5, 6, 8, 10, 12, 15, 16, 18, 20, 24, 25, 27, 30, 32];
        var gen = from i in Gen.Choose(0, sizes.Length - 1)
                  from seed in Gen.Choose(0, int.MaxValue)
                  from norm in Gen.Elements(Enum.GetValues<FftNormalization>())
                  select (N: sizes[i], Seed: seed, Norm: norm);
        PropertyCheck.Run(40, Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var plan = Fft3DPlan.Create(c.N, c.Norm);
            var x = RandomComplex(plan.Count, c.Seed);
            var y = (Complex[])x.Clone();
            plan.Forward(y);
            plan.Inverse(y);
            double scale = c.Norm == FftNormalization.None ? plan.Count : 1.0;
            for (int i = 0; i < y.Length; i++)
            {
                y[i] /= scale;
            }

            double error = RelativeError(y, x);
            Assert.True(error <= 2 * FftTolerance(c.N), $"{c}: relative error {error:E2}");
        }));
    }

    [Theory]
    [InlineData(FftNormalization.Backward)]
    [InlineData(FftNormalization.Forward)]
    [InlineData(FftNormalization.Symmetric)]
    [InlineData(FftNormalization.None)]
    public void Fft3D_SatisfiesParseval(FftNormalization normalization)
    {
        var plan = Fft3DPlan.Create(24, normalization);
        var x = RandomComplex(plan.Count, 7);
        var y = (Complex[])x.Clone();
        plan.Forward(y);
        double ex = x.Sum(v => v.Magnitude * v.Magnitude);
        double ey = y.Sum(v => v.Magnitude * v.Magnitude);

        // Σ|X|² = c·Σ|x|² with c = N³ (unscaled forward), 1 (unitary) or 1/N³ (forward-scaled).
        double c = normalization switch
        {
            FftNormalization.Forward => 1.0 / plan.Count,
            FftNormalization.Symmetric => 1.0,
            _ => plan.Count,
        };

        // Sums of 13824 squares, each with relative round-off ~1e-16: 1e-13 relative is ample.
        Assert.True(Math.Abs((ey / c) - ex) <= 1e-13 * ex, $"{normalization}: Σ|X|²/c = {ey / c}, Σ|x|² = {ex}");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(24)]
    [InlineData(32)]
    [InlineData(40)]
    [InlineData(45)]
    [InlineData(48)]
    public void RealTransforms_AgreeWithComplexTransforms(int n)
    {
        foreach (FftInstructionSet set in AcceleratedSets())
        {
            var plan = Fft3DPlan.Create(n, FftNormalization.Backward, set);
            int h = (n / 2) + 1;
            var x = RandomReal(plan.Count, 31 * n);
            var full = x.Select(v => new Complex(v, 0)).ToArray();
            plan.Forward(full);
            var half = new Complex[plan.HalfSpectrumCount];
            plan.ForwardReal(x, half);
            var expectedHalf = new Complex[plan.HalfSpectrumCount];
            for (int row = 0; row < n * n; row++)
            {
                full.AsSpan(row * n, h).CopyTo(expectedHalf.AsSpan(row * h, h));
            }

            double forwardError = RelativeError(half, expectedHalf);
            Assert.True(forwardError <= FftTolerance(n), $"N = {n}, {set}: forward real vs complex {forwardError:E2}");

            var back = new double[plan.Count];
            plan.InverseReal(half, back);
            double inverseError = RelativeError(back, x);
            Assert.True(inverseError <= 2 * FftTolerance(n), $"N = {n}, {set}: InverseReal(ForwardReal x) vs x {inverseError:E2}");
        }
    }

    [Fact]
    public void InverseReal_DoesNotModifyItsInput_AndMatchesTheDestructiveVariant()
    {
        var plan = Fft3DPlan.Create(12);
        var x = RandomReal(plan.Count, 3);
        var half = new Complex[plan.HalfSpectrumCount];
        plan.ForwardReal(x, half);
        var keep = (Complex[])half.Clone();
        var a = new double[plan.Count];
        var b = new double[plan.Count];
        plan.InverseReal(half, a, plan.CreateWorkspace());
        Assert.Equal(keep, half);
        plan.InverseRealOverwritingInput(half, b);
        Assert.Equal(a, b);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(10)]
    [InlineData(16)]
    [InlineData(20)]
    [InlineData(30)]
    [InlineData(36)]
    [InlineData(64)]
    public void SimdPaths_AgreeWithScalarFallback(int n)
    {
        var scalar = Fft3DPlan.Create(n, FftNormalization.Backward, FftInstructionSet.Scalar);
        var x = RandomComplex(scalar.Count, 5 * n);
        var r = RandomReal(scalar.Count, 7 * n);
        var expected = (Complex[])x.Clone();
        scalar.Forward(expected);
        var expectedHalf = new Complex[scalar.HalfSpectrumCount];
        scalar.ForwardReal(r, expectedHalf);
        var expectedReal = new double[scalar.Count];
        scalar.InverseReal(expectedHalf, expectedReal);
        foreach (FftInstructionSet set in AcceleratedSets().Where(s => s != FftInstructionSet.Scalar))
        {
            var plan = Fft3DPlan.Create(n, FftNormalization.Backward, set);
            var y = (Complex[])x.Clone();
            plan.Forward(y);
            var half = new Complex[plan.HalfSpectrumCount];
            plan.ForwardReal(r, half);
            var back = new double[plan.Count];
            plan.InverseReal(half, back);

            // Same algorithm, same operation order; only FMA contraction differs: a few ulps per pass.
            Assert.True(RelativeError(y, expected) <= 1e-14, $"N = {n}, {set}: complex {RelativeError(y, expected):E2}");
            Assert.True(RelativeError(half, expectedHalf) <= 1e-14, $"N = {n}, {set}: real forward {RelativeError(half, expectedHalf):E2}");
            Assert.True(RelativeError(back, expectedReal) <= 1e-14, $"N = {n}, {set}: real inverse {RelativeError(back, expectedReal):E2}");
        }
    }

    [Fact]
    public void Batch_EqualsOneTransformPerBlock()
    {
        var plan = Fft3DPlan.Create(8);
        var batch = RandomComplex(3 * plan.Count, 11);
        var expected = (Complex[])batch.Clone();
        for (int b = 0; b < 3; b++)
        {
            plan.Forward(expected.AsSpan(b * plan.Count, plan.Count));
        }

        var workspace = plan.CreateWorkspace();
        plan.ForwardBatch(batch, workspace);
        Assert.Equal(expected, batch);
        plan.InverseBatch(batch, workspace);
        for (int b = 0; b < 3; b++)
        {
            plan.Inverse(expected.AsSpan(b * plan.Count, plan.Count));
        }

        Assert.Equal(expected, batch);
    }

    [Fact]
    public void Execution_AllocatesNothing()
    {
        var plan = Fft3DPlan.Create(16);
        var workspace = plan.CreateWorkspace();
        var x = RandomComplex(plan.Count, 1);
        var r = RandomReal(plan.Count, 2);
        var half = new Complex[plan.HalfSpectrumCount];
        void RunAll()
        {
            plan.Forward(x, workspace);
            plan.Inverse(x, workspace);
            plan.ForwardReal(r, half, workspace);
            plan.InverseReal(half, r, workspace);
            plan.Forward(x);
            plan.Inverse(x);
            plan.ForwardReal(r, half);
            plan.InverseReal(half, r);
        }

        AllocationCheck.AssertNone(RunAll, "the FFT paths"); // warm-up: JIT and the shared pool's first rentals
    }

    [Fact]
    public void Create_AcceptsExactlyTheSizesWithFactors2_3_5()
    {
        PropertyCheck.Run(300, Prop.ForAll(Gen.Choose(-5, 1100).ToArbitrary(), n =>
        {
            int rest = Math.Max(n, 0);
            foreach (int p in new[] { 2, 3, 5 })
            {
                while (rest > 1 && rest % p == 0)
                {
                    rest /= p;
                }
            }

            bool valid = n >= 2 && n <= 1024 && rest == 1;
            if (valid)
            {
                Assert.Equal(n, Fft3DPlan.Create(n).Size);
            }
            else
            {
                Assert.Equal("size", Assert.Throws<ArgumentOutOfRangeException>(() => Fft3DPlan.Create(n)).ParamName);
            }
        }));
    }

    [Fact]
    public void Plan_IsThreadSafe()
    {
        // One plan shared by four threads (pooled scratch): every thread must get the single-threaded answer.
        var plan = Fft3DPlan.Create(20);
        var x = RandomComplex(plan.Count, 9);
        var expected = (Complex[])x.Clone();
        plan.Forward(expected);
        var results = new Complex[4][];
        Parallel.For(0, 4, t =>
        {
            for (int rep = 0; rep < 10; rep++)
            {
                var y = (Complex[])x.Clone();
                plan.Forward(y);
                results[t] = y;
            }
        });
        foreach (var y in results)
        {
            Assert.Equal(expected, y);
        }
    }

    [Fact]
    public void BadArguments_ThrowWithTheParameterName()
    {
        Assert.Equal("size", Assert.Throws<ArgumentOutOfRangeException>(() => Fft3DPlan.Create(7)).ParamName);
        Assert.Equal("size", Assert.Throws<ArgumentOutOfRangeException>(() => Fft3DPlan.Create(1)).ParamName);
        Assert.Equal("normalization", Assert.Throws<ArgumentOutOfRangeException>(() => Fft3DPlan.Create(8, (FftNormalization)17)).ParamName);
        var plan = Fft3DPlan.Create(4);
        Assert.Equal("data", Assert.Throws<ArgumentException>(() => plan.Forward(new Complex[63])).ParamName);
        Assert.Equal("output", Assert.Throws<ArgumentException>(() => plan.ForwardReal(new double[64], new Complex[10])).ParamName);
        Assert.Equal("input", Assert.Throws<ArgumentException>(() => plan.InverseReal(new Complex[10], new double[64])).ParamName);
        Assert.Equal("workspace", Assert.Throws<ArgumentException>(() => plan.Forward(new Complex[64], Fft3DPlan.Create(8).CreateWorkspace())).ParamName);
        Assert.Equal("batch", Assert.Throws<ArgumentException>(() => plan.ForwardBatch(new Complex[65], plan.CreateWorkspace())).ParamName);
    }
}
