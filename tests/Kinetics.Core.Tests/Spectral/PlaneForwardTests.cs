using System.Numerics;
using Kinetics.Spectral;
using static Kinetics.Tests.Spectral.FftReference;

namespace Kinetics.Tests.Spectral;

/// <summary>
/// The forward real transform run plane by plane (<see cref="Fft3DPlan.ForwardRealPlane"/> on each x-plane, then
/// <see cref="Fft3DPlan.ForwardRealLastPass"/>), as the anisotropic collision operator runs it on products it forms one
/// plane at a time, and <see cref="ShiftedProductBatch.TransformEach"/>, which does that for every product of a batch.
/// </summary>
public class PlaneForwardTests
{
    public static TheoryData<int> Sizes => new() { 2, 3, 4, 6, 8, 9, 10, 16, 24, 32 };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void PlaneByPlane_EqualsForwardRealBitwise_OnEveryInstructionSet(int n)
    {
        // The same passes on the same data in the same order: equal to the last bit. Planes are taken in reverse order to
        // check that each writes only its own slice.
        var data = RandomReal(n * n * n, 3 * n);
        foreach (FftInstructionSet set in AcceleratedSets())
        {
            var plan = Fft3DPlan.Create(n, FftNormalization.Backward, set);
            var workspace = plan.CreateWorkspace();
            var expected = new Complex[plan.HalfSpectrumCount];
            plan.ForwardReal(data, expected, workspace);
            var actual = new Complex[plan.HalfSpectrumCount];
            for (int i = n - 1; i >= 0; i--)
            {
                plan.ForwardRealPlane(data.AsSpan(i * n * n, n * n), i, actual, workspace);
            }

            plan.ForwardRealLastPass(actual, workspace);
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"N = {n}, {set}: plane by plane differs from ForwardReal");
        }
    }

    public static TheoryData<int, FftNormalization> EvenSizes()
    {
        var data = new TheoryData<int, FftNormalization>();
        foreach (int n in (int[])[2, 4, 6, 8, 10, 16, 18, 24, 32])
        {
            data.Add(n, FftNormalization.Backward);
        }

        data.Add(12, FftNormalization.Forward);
        data.Add(12, FftNormalization.Symmetric);
        return data;
    }

    [Theory]
    [MemberData(nameof(EvenSizes))]
    public void ProductPlane_EqualsRowsThenForwardPlaneBitwise(int n, FftNormalization normalization)
    {
        // The product formed in the z pass's scratch against the three steps it replaces: the first copy's z pass stored,
        // the second's multiply-added into a cleared plane, the forward z and y passes of that plane. Same operations per
        // element, so equal to the last bit, on every instruction set and with block widths that cut the rows unevenly
        // (1, 3, 5 rows per block; the plan's own widths).
        int h = (n / 2) + 1;
        var random = new Random(n + (int)normalization);
        Complex[] Values(int length) => [.. Enumerable.Range(0, length).Select(_ => new Complex(random.NextDouble() - 0.5, random.NextDouble() - 0.5))];
        Complex[] first = Values(n * h), second = Values(n * h), zFirst = Values(h), zSecond = Values(h);
        foreach (FftInstructionSet set in AcceleratedSets())
        {
            foreach (FftBlocking? blocking in (FftBlocking?[])[null, FftBlocking.Uniform(1), FftBlocking.Uniform(3), FftBlocking.Uniform(5)])
            {
                var plan = blocking is { } b ? Fft3DPlan.Create(n, normalization, set, b) : Fft3DPlan.Create(n, normalization, set);
                var workspace = plan.CreateWorkspace();
                var z1 = new double[plan.LastAxisTableLength];
                var z2 = new double[plan.LastAxisTableLength];
                plan.ExpandLastAxisFactors(zFirst, z1);
                plan.ExpandLastAxisFactors(zSecond, z2);
                var shifted = new double[n * n];
                var product = new double[n * n];
                var expected = new Complex[plan.HalfSpectrumCount];
                var actual = new Complex[plan.HalfSpectrumCount];
                int plane = n / 3;
                plan.InverseRealRows(first, z1, shifted, shifted, workspace, multiplyAdd: false);
                plan.InverseRealRows(second, z2, shifted, product, workspace, multiplyAdd: true);
                plan.ForwardRealPlane(product, plane, expected, workspace);
                plan.ForwardRealProductPlane(first, z1, second, z2, plane, actual, new double[n * n], workspace);
                Assert.True(expected.AsSpan().SequenceEqual(actual), $"N = {n}, {normalization}, {set}, blocks {blocking}: the z-pass product differs");
                Assert.True(expected.AsSpan().IndexOfAnyExcept(Complex.Zero) >= 0, "the expected plane is not all zero");
            }
        }
    }

    [Fact]
    public void ProductPlane_RejectsOddSizesAndShortBuffers()
    {
        var odd = Fft3DPlan.Create(9);
        Assert.False(odd.PacksRealRows);
        int oddPlane = odd.PlaneCount;
        Assert.Throws<InvalidOperationException>(() => odd.ForwardRealProductPlane(
            new Complex[oddPlane], new double[odd.LastAxisTableLength], new Complex[oddPlane], new double[odd.LastAxisTableLength], 0,
            new Complex[odd.HalfSpectrumCount], new double[81], odd.CreateWorkspace()));
        var plan = Fft3DPlan.Create(8);
        Assert.True(plan.PacksRealRows);
        var workspace = plan.CreateWorkspace();
        int p = plan.PlaneCount, z = plan.LastAxisTableLength, half = plan.HalfSpectrumCount;
        Assert.Throws<ArgumentException>(() => plan.ForwardRealProductPlane(new Complex[p], new double[z], new Complex[p], new double[z], 0, new Complex[half], new double[63], workspace));
        Assert.Throws<ArgumentException>(() => plan.ForwardRealProductPlane(new Complex[p - 1], new double[z], new Complex[p], new double[z], 0, new Complex[half], new double[64], workspace));
        Assert.Throws<ArgumentException>(() => plan.ForwardRealProductPlane(new Complex[p], new double[z - 1], new Complex[p], new double[z], 0, new Complex[half], new double[64], workspace));
        Assert.Throws<ArgumentOutOfRangeException>(() => plan.ForwardRealProductPlane(new Complex[p], new double[z], new Complex[p], new double[z], 8, new Complex[half], new double[64], workspace));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(12)]
    [InlineData(16)]
    public void TransformEach_EqualsAccumulateOfEachProductThenForward(int n)
    {
        // Three products from two partials (one shared by two copies, with equal and with different y factors): each
        // spectrum of TransformEach must be bitwise the forward transform of what Accumulate builds for that product alone.
        var plan = Fft3DPlan.Create(n);
        var workspace = plan.CreateWorkspace();
        var random = new Random(n);
        Complex[] Factors(int length) => [.. Enumerable.Range(0, length).Select(_ => Complex.FromPolarCoordinates(1.0, 2 * Math.PI * random.NextDouble()))];
        var spectrumA = plan.ForwardReal(RandomReal(n * n * n, n));
        var spectrumB = plan.ForwardReal(RandomReal(n * n * n, 2 * n));
        Complex[] xA = Factors(n), xB = Factors(n);
        Complex[][] ys = [Factors(n), Factors(n), Factors(n)];
        Complex[][] zs = [Factors((n / 2) + 1), Factors((n / 2) + 1), Factors((n / 2) + 1), Factors((n / 2) + 1), Factors((n / 2) + 1), Factors((n / 2) + 1)];
        (int Partial, int Key)[] copies = [(0, 0), (1, 0), (0, 0), (1, 1), (0, 2), (1, 1)];

        void Fill(ShiftedProductBatch batch, int only)
        {
            batch.SetPartial(0, spectrumA, xA, workspace);
            batch.SetPartial(1, spectrumB, xB, workspace);
            for (int q = 0; q < 3; q++)
            {
                if (only < 0 || only == q)
                {
                    var (p0, k0) = copies[2 * q];
                    var (p1, k1) = copies[(2 * q) + 1];
                    batch.AddProduct(new ShiftedCopy(p0, k0, ys[k0], zs[2 * q]), new ShiftedCopy(p1, k1, ys[k1], zs[(2 * q) + 1]));
                }
            }
        }

        // Both ways of finishing a product (formed in the z pass's scratch for even N, or stored as a plane first).
        var each = new ShiftedProductBatch(plan, 2, 4);
        Fill(each, -1);
        var spectra = new Complex[3 * plan.HalfSpectrumCount];
        each.TransformEach(spectra, workspace);
        Assert.Equal(0, each.Products);
        Fill(each, -1);
        var planes = new Complex[3 * plan.HalfSpectrumCount];
        each.TransformEach(planes, workspace, inZPass: false);
        Assert.True(planes.AsSpan().SequenceEqual(spectra), $"N = {n}: products in the z pass differ from product planes");
        for (int q = 0; q < 3; q++)
        {
            var single = new ShiftedProductBatch(plan, 2, 4);
            Fill(single, q);
            var product = new double[plan.Count];
            single.Accumulate(product, workspace);
            var expected = new Complex[plan.HalfSpectrumCount];
            plan.ForwardReal(product, expected, workspace);
            Assert.True(expected.AsSpan().SequenceEqual(spectra.AsSpan(q * plan.HalfSpectrumCount, plan.HalfSpectrumCount)), $"N = {n}: product {q}");
        }

        Assert.Throws<ArgumentException>(() =>
        {
            Fill(each, -1);
            each.TransformEach(new Complex[(3 * plan.HalfSpectrumCount) - 1], workspace);
        });
    }
}
