using Kinetics.Spectral;

namespace Kinetics.Tests.Spectral;

public class RowMajorProductTests
{
    // Shapes that exercise every branch: row blocks of 4 and leftover rows, column blocks of two SIMD widths, one width
    // and the scalar tail, and k = 1.
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(4, 3, 8)]
    [InlineData(7, 5, 19)]
    [InlineData(9, 32, 32)]
    [InlineData(13, 24, 27)]
    [InlineData(32, 20, 1024)]
    public void Multiply_MatchesTheFusedScalarSum_InEveryBranch(int m, int k, int n)
    {
        var random = new Random((m * 1000) + (k * 100) + n);
        double[] a = Enumerable.Range(0, m * k).Select(_ => random.NextDouble() - 0.5).ToArray();
        double[] b = Enumerable.Range(0, k * n).Select(_ => random.NextDouble() - 0.5).ToArray();
        double[] start = Enumerable.Range(0, m * n).Select(_ => random.NextDouble() - 0.5).ToArray();
        double alpha = 0.37;
        var overwrite = new double[m * n];
        var accumulate = (double[])start.Clone();
        RowMajorProduct.Multiply(a, b, overwrite, m, k, n, alpha, false);
        RowMajorProduct.Multiply(a, b, accumulate, m, k, n, alpha, true);
        for (int i = 0; i < m; i++)
        {
            for (int q = 0; q < n; q++)
            {
                // The kernel's contract: the ordered fused sum over p in every branch, so equality is bitwise.
                double sum = 0;
                for (int p = 0; p < k; p++)
                {
                    sum = Math.FusedMultiplyAdd(a[(i * k) + p], b[(p * n) + q], sum);
                }

                Assert.Equal(alpha * sum, overwrite[(i * n) + q]);
                Assert.Equal(start[(i * n) + q] + (alpha * sum), accumulate[(i * n) + q]);
            }
        }
    }

    [Fact]
    public void Multiply_RefusesSpansShorterThanTheirShapes() =>
        Assert.Throws<ArgumentException>(() => RowMajorProduct.Multiply(new double[5], new double[6], new double[6], 2, 3, 2, 1.0, false));
}
