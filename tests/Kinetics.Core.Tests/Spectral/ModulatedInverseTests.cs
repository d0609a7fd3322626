using System.Numerics;
using Kinetics.Spectral;
using static Kinetics.Tests.Spectral.FftReference;

namespace Kinetics.Tests.Spectral;

/// <summary>
/// <see cref="Fft3DPlan.InverseRealModulated"/> (the shifted inverse transform with the phase folded into the first
/// pass) and its multiply-add form against the two-step reference "multiply the spectrum, then inverse transform".
/// </summary>
public class ModulatedInverseTests
{
    // Both sides run the same transform on the same products up to the order of two complex multiplications, so they
    // differ by FFT round-off only: 1e-12·log₂N as in Fft3DPlanTests (an index or factor error gives O(1)).
    private static double Tolerance(int n) => 1e-12 * Math.Max(1.0, Math.Log2(n));

    public static TheoryData<int> Sizes => new() { 2, 3, 4, 5, 6, 8, 9, 10, 15, 16, 24, 32, 45, 48 };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void InverseRealModulated_EqualsMultiplyThenInverse_OnEveryInstructionSet(int n)
    {
        var (half, x, y, z, reference) = ShiftCase(n, seed: n);
        foreach (FftInstructionSet set in AcceleratedSets())
        {
            var plan = Fft3DPlan.Create(n, FftNormalization.Backward, set);
            var keep = (Complex[])half.Clone();
            var result = new double[plan.Count];
            plan.InverseRealModulated(half, x, y, z, result, plan.CreateWorkspace());
            Assert.Equal(keep, half);
            double error = RelativeError(result, reference);
            Assert.True(error <= Tolerance(n), $"N = {n}, {set}: modulated vs two-step {error:E2}");
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void MultiplyAdd_AddsTheProductWithTheMultiplier(int n)
    {
        var (half, x, y, z, reference) = ShiftCase(n, seed: 7 * n);
        var multiplier = RandomReal(n * n * n, 3 * n);
        var start = RandomReal(n * n * n, 5 * n);
        var expected = start.Select((a, p) => a + (multiplier[p] * reference[p])).ToArray();
        foreach (FftInstructionSet set in AcceleratedSets())
        {
            var plan = Fft3DPlan.Create(n, FftNormalization.Backward, set);
            var accumulator = (double[])start.Clone();
            plan.InverseRealModulatedMultiplyAdd(half, x, y, z, multiplier, accumulator, plan.CreateWorkspace());
            double error = RelativeError(accumulator, expected);
            Assert.True(error <= Tolerance(n), $"N = {n}, {set}: multiply-add vs reference {error:E2}");
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void SplitPasses_FirstPassThenColumnsThenRows_EqualTheTwoStepReference(int n)
    {
        // The pieces the batched collision operator runs: one x pass, then per x-plane a y pass into a plane buffer and
        // a z pass from it. The plane buffer is read twice (stored, then multiply-added) to check that the z pass leaves
        // it intact, and the partial is read by every plane to check that the y pass leaves it intact.
        var (half, x, y, z, reference) = ShiftCase(n, seed: 11 * n);
        var multiplier = RandomReal(n * n * n, 13 * n);
        var start = RandomReal(n * n * n, 17 * n);
        var expectedSum = start.Select((a, p) => a + (multiplier[p] * reference[p])).ToArray();
        foreach (FftInstructionSet set in AcceleratedSets())
        {
            var plan = Fft3DPlan.Create(n, FftNormalization.Backward, set);
            var workspace = plan.CreateWorkspace();
            var keep = (Complex[])half.Clone();
            var (xt, yt, zt) = (new double[plan.AxisTableLength], new double[plan.AxisTableLength], new double[plan.LastAxisTableLength]);
            plan.ExpandAxisFactors(x, xt);
            plan.ExpandAxisFactors(y, yt);
            plan.ExpandLastAxisFactors(z, zt);
            var partial = new Complex[plan.HalfSpectrumCount];
            plan.InverseRealFirstPass(half, xt, partial, workspace);
            Assert.Equal(keep, half);
            var yPlane = new Complex[plan.PlaneCount];
            var stored = new double[plan.Count];
            var accumulated = (double[])start.Clone();
            int plane = n * n;
            for (int i = 0; i < n; i++)
            {
                plan.InverseRealColumns(partial, i, yt, yPlane, workspace);
                plan.InverseRealRows(yPlane, zt, stored.AsSpan(i * plane, plane), stored.AsSpan(i * plane, plane), workspace, multiplyAdd: false);
                plan.InverseRealRows(yPlane, zt, multiplier.AsSpan(i * plane, plane), accumulated.AsSpan(i * plane, plane), workspace, multiplyAdd: true);
            }

            double error = RelativeError(stored, reference), sumError = RelativeError(accumulated, expectedSum);
            Assert.True(error <= Tolerance(n), $"N = {n}, {set}: split passes vs two-step {error:E2}");
            Assert.True(sumError <= Tolerance(n), $"N = {n}, {set}: split passes, multiply-add {sumError:E2}");
        }
    }

    [Fact]
    public void SplitPasses_BadArguments_Throw()
    {
        const int n = 8;
        var plan = Fft3DPlan.Create(n);
        var workspace = plan.CreateWorkspace();
        var half = new Complex[plan.HalfSpectrumCount];
        var table = new double[plan.AxisTableLength];
        var zTable = new double[plan.LastAxisTableLength];
        var yPlane = new Complex[plan.PlaneCount];
        var rows = new double[n * n];
        Assert.Equal("partial", Assert.Throws<ArgumentException>(() => plan.InverseRealFirstPass(half, table, half.AsSpan(1), workspace)).ParamName);
        Assert.Equal("xTable", Assert.Throws<ArgumentException>(() => plan.InverseRealFirstPass(half, table.AsSpan(1), half, workspace)).ParamName);
        Assert.Equal("plane", Assert.Throws<ArgumentOutOfRangeException>(() => plan.InverseRealColumns(half, n, table, yPlane, workspace)).ParamName);
        Assert.Equal("yTable", Assert.Throws<ArgumentException>(() => plan.InverseRealColumns(half, 0, table.AsSpan(1), yPlane, workspace)).ParamName);
        Assert.Equal("yPlane", Assert.Throws<ArgumentException>(() => plan.InverseRealColumns(half, 0, table, yPlane.AsSpan(1), workspace)).ParamName);
        Assert.Equal("zTable", Assert.Throws<ArgumentException>(() => plan.InverseRealRows(yPlane, zTable.AsSpan(1), rows, rows, workspace, false)).ParamName);
        Assert.Equal("output", Assert.Throws<ArgumentException>(() => plan.InverseRealRows(yPlane, zTable, rows, rows.AsSpan(1), workspace, false)).ParamName);
        Assert.Equal("factors", Assert.Throws<ArgumentException>(() => plan.ExpandAxisFactors(new Complex[n + 1], table)).ParamName);
    }

    [Fact]
    public void ShiftByAGridMultiple_MovesTheSamplesExactly()
    {
        // A shift by a whole number of cells in each axis is a cyclic permutation of the samples: an oracle that does
        // not involve any transform. N = 12, h = 2L/N with L = π (ξ = integer wave numbers), shift (2h, −h, 3h).
        const int n = 12;
        var plan = Fft3DPlan.Create(n);
        var f = RandomReal(plan.Count, 11);
        var half = new Complex[plan.HalfSpectrumCount];
        plan.ForwardReal(f, half);
        double h = 2 * Math.PI / n;
        var x = Phases(n, n, 2 * h);
        var y = Phases(n, n, -h);
        var z = Phases(n, (n / 2) + 1, 3 * h);
        var shifted = new double[plan.Count];
        plan.InverseRealModulated(half, x, y, z, shifted, plan.CreateWorkspace());
        double worst = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                for (int k = 0; k < n; k++)
                {
                    double expected = f[(((((i + 2) % n) * n) + ((j - 1 + n) % n)) * n) + ((k + 3) % n)];
                    worst = Math.Max(worst, Math.Abs(shifted[(((i * n) + j) * n) + k] - expected));
                }
            }
        }

        Assert.True(worst <= 1e-13, $"grid shift vs permutation: {worst:E2}");
    }

    [Fact]
    public void Execution_AllocatesNothing()
    {
        const int n = 16;
        var plan = Fft3DPlan.Create(n);
        var workspace = plan.CreateWorkspace();
        var (half, x, y, z, _) = ShiftCase(n, 1);
        var output = new double[plan.Count];
        var multiplier = RandomReal(plan.Count, 2);
        void RunBoth()
        {
            plan.InverseRealModulated(half, x, y, z, output, workspace);
            plan.InverseRealModulatedMultiplyAdd(half, x, y, z, multiplier, output, workspace);
        }

        AllocationCheck.AssertNone(RunBoth, "the modulated inverse transforms");
    }

    [Fact]
    public void BadLengths_ThrowWithTheParameterName()
    {
        const int n = 8;
        var plan = Fft3DPlan.Create(n);
        var workspace = plan.CreateWorkspace();
        var half = new Complex[plan.HalfSpectrumCount];
        var x = new Complex[n];
        var z = new Complex[(n / 2) + 1];
        var output = new double[plan.Count];
        Assert.Equal("spectrum", Assert.Throws<ArgumentException>(() => plan.InverseRealModulated(half.AsSpan(1), x, x, z, output, workspace)).ParamName);
        Assert.Equal("xFactors", Assert.Throws<ArgumentException>(() => plan.InverseRealModulated(half, z, x, z, output, workspace)).ParamName);
        Assert.Equal("yFactors", Assert.Throws<ArgumentException>(() => plan.InverseRealModulated(half, x, z, z, output, workspace)).ParamName);
        Assert.Equal("zFactors", Assert.Throws<ArgumentException>(() => plan.InverseRealModulated(half, x, x, x, output, workspace)).ParamName);
        Assert.Equal("output", Assert.Throws<ArgumentException>(() => plan.InverseRealModulated(half, x, x, z, output.AsSpan(1), workspace)).ParamName);
        Assert.Equal("workspace", Assert.Throws<ArgumentException>(() => plan.InverseRealModulated(half, x, x, z, output, Fft3DPlan.Create(6).CreateWorkspace())).ParamName);
        Assert.Equal("multiplier", Assert.Throws<ArgumentException>(() => plan.InverseRealModulatedMultiplyAdd(half, x, x, z, output.AsSpan(1), output, workspace)).ParamName);
    }

    // A real field, its half spectrum, the shift phases e^{iξ·a} of a = (0.37, −0.81, 0.52) on the box [−π, π)³
    // (integer wave numbers; Nyquist: cos, the rule of SpectralShift) and the two-step reference result.
    private static (Complex[] Half, Complex[] X, Complex[] Y, Complex[] Z, double[] Reference) ShiftCase(int n, int seed)
    {
        var plan = Fft3DPlan.Create(n, FftNormalization.Backward, FftInstructionSet.Scalar);
        var f = RandomReal(plan.Count, seed);
        var half = new Complex[plan.HalfSpectrumCount];
        plan.ForwardReal(f, half);
        int h = (n / 2) + 1;
        var x = Phases(n, n, 0.37);
        var y = Phases(n, n, -0.81);
        var z = Phases(n, h, 0.52);
        var product = (Complex[])half.Clone();
        for (int i = 0, p = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                for (int k = 0; k < h; k++, p++)
                {
                    product[p] *= x[i] * y[j] * z[k];
                }
            }
        }

        var reference = new double[plan.Count];
        plan.InverseReal(product, reference);
        return (half, x, y, z, reference);
    }

    private static Complex[] Phases(int n, int count, double shift)
    {
        var phases = new Complex[count];
        for (int t = 0; t < count; t++)
        {
            int k = t <= n / 2 ? t : t - n;
            double angle = k * shift;
            phases[t] = n % 2 == 0 && t == n / 2 ? new Complex(Math.Cos(angle), 0) : Complex.FromPolarCoordinates(1.0, angle);
        }

        return phases;
    }
}
