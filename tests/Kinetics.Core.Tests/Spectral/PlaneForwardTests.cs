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

    [Theory]
    [InlineData(8)]
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

        var each = new ShiftedProductBatch(plan, 2, 4);
        Fill(each, -1);
        var spectra = new Complex[3 * plan.HalfSpectrumCount];
        each.TransformEach(spectra, workspace);
        Assert.Equal(0, each.Products);
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
