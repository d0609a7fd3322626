using System.Numerics;
using Kinetics.Spectral;
using static Kinetics.Tests.Spectral.FftReference;

namespace Kinetics.Tests.Spectral;

/// <summary>
/// <see cref="ShiftedProductBatch"/>: products of shifted copies with shared x and y passes equal the same products
/// computed copy by copy with <see cref="Fft3DPlan.InverseRealModulated"/>.
/// </summary>
public class ShiftedProductBatchTests
{
    // Both sides run the same passes on the same data in a different grouping: FFT round-off only, as in
    // ModulatedInverseTests (an index, sharing or factor error gives O(1)).
    private static double Tolerance(int n) => 1e-12 * Math.Max(1.0, Math.Log2(n));

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(10)]
    [InlineData(16)]
    public void Batch_WithSharedPartialsAndColumns_EqualsCopyByCopyProducts(int n)
    {
        int h = (n / 2) + 1;
        var scalar = Fft3DPlan.Create(n, FftNormalization.Backward, FftInstructionSet.Scalar);
        var f = Spectrum(scalar, seed: n);
        var g = Spectrum(scalar, seed: 3 * n);
        var (x1, x2) = (Phases(n, n, 0.4), Phases(n, n, -1.1));
        var (y1, y2) = (Phases(n, n, 0.7), Phases(n, n, -0.3));
        var (z1, z2, z3) = (Phases(n, h, 0.2), Phases(n, h, -0.9), Phases(n, h, 1.3));

        // Three products: f(x1, y1, z1)·g(x2, y2, z2), f(x1, y1, z3)·g(x2, y1, z1) (shares f's x and y passes with the
        // first), and f(x1, y2, z2)·f(x1, y2, z3) (shares f's x pass, both copies one y pass).
        var products = new[]
        {
            (F: 0, Fy: y1, Fz: z1, G: 1, Gy: y2, Gz: z2, FKey: 1, GKey: 2),
            (F: 0, Fy: y1, Fz: z3, G: 1, Gy: y1, Gz: z1, FKey: 1, GKey: 1),
            (F: 0, Fy: y2, Fz: z2, G: 0, Gy: y2, Gz: z3, FKey: 2, GKey: 2),
        };
        Complex[][] spectra = [f, g];
        Complex[][] xFactors = [x1, x2];
        foreach (FftInstructionSet set in AcceleratedSets())
        {
            var plan = Fft3DPlan.Create(n, FftNormalization.Backward, set);
            var workspace = plan.CreateWorkspace();
            var expected = RandomReal(plan.Count, 5 * n);
            var actual = (double[])expected.Clone();
            var (first, second) = (new double[plan.Count], new double[plan.Count]);
            foreach (var p in products)
            {
                plan.InverseRealModulated(spectra[p.F], xFactors[p.F], p.Fy, p.Fz, first, workspace);
                plan.InverseRealModulated(spectra[p.G], xFactors[p.G], p.Gy, p.Gz, second, workspace);
                for (int q = 0; q < plan.Count; q++)
                {
                    expected[q] += first[q] * second[q];
                }
            }

            var batch = new ShiftedProductBatch(plan, partialCapacity: 2, maxProducts: 3);
            var keep = (Complex[])f.Clone();
            batch.SetPartial(0, f, x1, workspace);
            batch.SetPartial(1, g, x2, workspace);
            foreach (var p in products)
            {
                batch.AddProduct(new ShiftedCopy(p.F, p.FKey, p.Fy, p.Fz), new ShiftedCopy(p.G, p.GKey, p.Gy, p.Gz));
            }

            Assert.Equal(3, batch.Products);
            batch.Accumulate(actual, workspace);
            Assert.Equal(0, batch.Products);
            Assert.Equal(keep, f);
            double error = RelativeError(actual, expected);
            Assert.True(error <= Tolerance(n), $"N = {n}, {set}: batched vs copy-by-copy products {error:E2}");
        }
    }

    [Fact]
    public void Batch_BeyondItsCapacity_Throws()
    {
        const int n = 4;
        var plan = Fft3DPlan.Create(n);
        var workspace = plan.CreateWorkspace();
        var batch = new ShiftedProductBatch(plan, partialCapacity: 1, maxProducts: 1);
        var spectrum = new Complex[plan.HalfSpectrumCount];
        var (axis, last) = (Phases(n, n, 0.1), Phases(n, (n / 2) + 1, 0.1));
        Assert.Equal("slot", Assert.Throws<ArgumentOutOfRangeException>(() => batch.SetPartial(1, spectrum, axis, workspace)).ParamName);
        batch.SetPartial(0, spectrum, axis, workspace);
        batch.AddProduct(new ShiftedCopy(0, 0, axis, last), new ShiftedCopy(0, 0, axis, last));
        Assert.Throws<InvalidOperationException>(() => batch.AddProduct(new ShiftedCopy(0, 0, axis, last), new ShiftedCopy(0, 0, axis, last)));
        Assert.Equal("product", Assert.Throws<ArgumentException>(() => batch.Accumulate(new double[plan.Count - 1], workspace)).ParamName);
    }

    private static Complex[] Spectrum(Fft3DPlan plan, int seed)
    {
        var half = new Complex[plan.HalfSpectrumCount];
        plan.ForwardReal(RandomReal(plan.Count, seed), half);
        return half;
    }

    // e^{i k s} per signed index k, with a real Nyquist factor (the spectra are of real data).
    private static Complex[] Phases(int n, int count, double shift)
    {
        var phases = new Complex[count];
        for (int t = 0; t < count; t++)
        {
            int k = SpectralGrid.SignedIndex(t, n);
            phases[t] = n % 2 == 0 && t == n / 2 ? new Complex(Math.Cos(k * shift), 0) : Complex.FromPolarCoordinates(1.0, k * shift);
        }

        return phases;
    }
}
