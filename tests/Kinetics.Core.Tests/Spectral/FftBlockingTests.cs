using System.Numerics;
using Kinetics.Spectral;
using static Kinetics.Tests.Spectral.FftReference;

namespace Kinetics.Tests.Spectral;

/// <summary>
/// The per-pass block widths (<see cref="FftBlocking"/>) only regroup lines into registers: every line still runs the
/// same butterflies in the same order, so any widths must give the same bits as the default ones, on every
/// instruction set and for every entry point (complex, real, modulated).
/// </summary>
public class FftBlockingTests
{
    public static TheoryData<int> Sizes => new() { 6, 15, 16, 24, 32, 48 };

    private static readonly FftBlocking[] Widths =
    [
        new(1, 1, 1), new(3, 5, 7), new(4, 4, 4), new(8, 4, 4), new(8, 8, 16), new(16, 16, 16), new(32, 32, 32), new(64, 2, 9),
    ];

    [Theory]
    [MemberData(nameof(Sizes))]
    public void AnyBlockWidths_GiveTheBitsOfTheDefaultWidths(int n)
    {
        var x = RandomComplex(n * n * n, 3 * n);
        var r = RandomReal(n * n * n, 5 * n);
        foreach (FftInstructionSet set in AcceleratedSets())
        {
            var reference = Run(Fft3DPlan.Create(n, FftNormalization.Backward, set), x, r);
            foreach (FftBlocking blocking in Widths)
            {
                var actual = Run(Fft3DPlan.Create(n, FftNormalization.Backward, set, blocking), x, r);
                Assert.True(reference.Forward.AsSpan().SequenceEqual(actual.Forward), $"N = {n}, {set}, {blocking}: complex forward");
                Assert.True(reference.Inverse.AsSpan().SequenceEqual(actual.Inverse), $"N = {n}, {set}, {blocking}: complex inverse");
                Assert.True(reference.Half.AsSpan().SequenceEqual(actual.Half), $"N = {n}, {set}, {blocking}: real forward");
                Assert.True(reference.Real.AsSpan().SequenceEqual(actual.Real), $"N = {n}, {set}, {blocking}: real inverse");
                Assert.True(reference.Modulated.AsSpan().SequenceEqual(actual.Modulated), $"N = {n}, {set}, {blocking}: modulated inverse");
            }
        }
    }

    [Fact]
    public void Create_RejectsWidthsBelowOne()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Fft3DPlan.Create(8, FftNormalization.Backward, FftInstructionSet.Scalar, new FftBlocking(4, 0, 4)));
        Assert.Equal("blocking", e.ParamName);
    }

    [Fact]
    public void DefaultWidths_AreTheMeasuredTable()
    {
        // docs/fft.md, "Block widths": one entry per size range, each width at least 1.
        foreach (int n in new[] { 2, 16, 24, 32, 48, 64, 96, 128, 256, 1024 })
        {
            FftBlocking b = FftBlocking.For(n);
            Assert.True(b.Rows >= 1 && b.Columns >= 1 && b.Planes >= 1, $"N = {n}: {b}");
        }
    }

    private static (Complex[] Forward, Complex[] Inverse, Complex[] Half, double[] Real, double[] Modulated) Run(Fft3DPlan plan, Complex[] x, double[] r)
    {
        int n = plan.Size, h = (n / 2) + 1;
        var workspace = plan.CreateWorkspace();
        var forward = (Complex[])x.Clone();
        plan.Forward(forward, workspace);
        var inverse = (Complex[])x.Clone();
        plan.Inverse(inverse, workspace);
        var half = new Complex[plan.HalfSpectrumCount];
        plan.ForwardReal(r, half, workspace);
        var real = new double[plan.Count];
        plan.InverseReal(half, real, workspace);
        var phase = (int m, double a) => Enumerable.Range(0, m).Select(k => Complex.FromPolarCoordinates(1.0, a * k)).ToArray();
        var modulated = new double[plan.Count];
        plan.InverseRealModulated(half, phase(n, 0.3), phase(n, -0.7), phase(h, 1.1), modulated, workspace);
        return (forward, inverse, half, real, modulated);
    }
}
