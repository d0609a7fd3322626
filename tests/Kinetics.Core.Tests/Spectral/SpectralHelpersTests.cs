using System.Numerics;
using Kinetics.Grids;
using Kinetics.Spectral;
using static Kinetics.Tests.Spectral.FftReference;

namespace Kinetics.Tests.Spectral;

public class SpectralHelpersTests
{
    private static readonly Velocity3 Centre = new(0.3, -0.2, 0.1);

    /// <summary>exp(−|v − c|²/(2s²)) on the grid.</summary>
    private static double[] Gaussian(CartesianGrid grid, double s, Velocity3 shift = default)
    {
        var f = new double[grid.Count];
        for (int p = 0; p < f.Length; p++)
        {
            Velocity3 d = grid.Point(p) + shift - Centre;
            f[p] = Math.Exp(-d.LengthSquared / (2 * s * s));
        }

        return f;
    }

    /// <summary>Analytic ∂_a f (b &lt; 0) or ∂_a∂_b f of the unit Gaussian centred at <see cref="Centre"/>.</summary>
    private static double[] GaussianDerivative(CartesianGrid grid, int a, int b)
    {
        var g = Gaussian(grid, 1.0);
        for (int p = 0; p < g.Length; p++)
        {
            Velocity3 d = grid.Point(p) - Centre;
            g[p] *= b < 0 ? -d[a] : a == b ? (d[a] * d[a]) - 1.0 : d[a] * d[b];
        }

        return g;
    }

    private static double MaxError(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double e = 0;
        for (int i = 0; i < a.Length; i++)
        {
            e = Math.Max(e, Math.Abs(a[i] - b[i]));
        }

        return e;
    }

    private static double DerivativeError(int n, int a, int b)
    {
        var spectral = new SpectralGrid(new CartesianGrid(n, 10.0));
        var f = Gaussian(spectral.Grid, 1.0);
        var d = new double[f.Length];
        var ws = spectral.CreateWorkspace();
        if (b < 0)
        {
            SpectralDerivative.First(spectral, f, a, d, ws);
        }
        else
        {
            SpectralDerivative.Second(spectral, f, a, b, d, ws);
        }

        return MaxError(d, GaussianDerivative(spectral.Grid, a, b));
    }

    [Theory]
    [InlineData(0, -1)]
    [InlineData(1, -1)]
    [InlineData(2, -1)]
    [InlineData(0, 0)]
    [InlineData(2, 2)]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    public void SpectralDerivative_OfGaussian_IsSpectrallyAccurate(int a, int b)
    {
        double e24 = DerivativeError(24, a, b), e32 = DerivativeError(32, a, b), e64 = DerivativeError(64, a, b);

        // L = 10: the Gaussian's transform at the cut-off πN/(2L) is e^{−(πN/20)²/2}, 5e-6 at N = 24 and 2e-22 at 64,
        // and its tail at the box face e^{−9.7²/2} ≈ 4e-21: at N = 64 only round-off remains (amplified by ξ_max² ≈ 100
        // for second derivatives); max |derivative| is O(1).
        Assert.True(e64 <= 1e-12, $"N = 64: max error {e64:E2}");

        // Spectral convergence: from N = 24 to 32 the error must fall by far more than an algebraic rate could give
        // ((24/32)^p ≥ 0.1 for p ≤ 8); the Gaussian predicts e^{−(1.6π)²/2 + (1.2π)²/2} ≈ 2e-4.
        Assert.True(e32 <= 1e-2 * e24, $"error N = 24: {e24:E2}, N = 32: {e32:E2}");
    }

    [Theory]
    [InlineData(6)]
    [InlineData(9)]
    [InlineData(8)]
    [InlineData(15)]
    [InlineData(32)]
    public void SignedIndex_MapsNyquistToMinusHalf_AndAgreesWithTheFrequencies(int n)
    {
        // The one signed-index convention: k ≡ q (mod n), k in [−n/2, (n − 1)/2]; the even Nyquist index q = n/2 is −n/2.
        var spectral = new SpectralGrid(new CartesianGrid(n, 3.0));
        for (int q = 0; q < n; q++)
        {
            int k = SpectralGrid.SignedIndex(q, n);
            Assert.True(((k - q) % n + n) % n == 0, $"k = {k} must equal q = {q} modulo n = {n}");
            Assert.True(k >= -(n / 2) && k <= (n - 1) / 2, $"k = {k} (q = {q}) must lie in [−n/2, (n − 1)/2] for n = {n}");
            Assert.Equal(spectral.FundamentalFrequency * k, spectral.Frequencies[q]);
        }

        if (n % 2 == 0)
        {
            Assert.Equal(-n / 2, SpectralGrid.SignedIndex(n / 2, n));
            Assert.True(spectral.IsNyquist(n / 2), $"q = n/2 is the Nyquist index of the even axis n = {n}");
        }
        else
        {
            Assert.Equal(n / 2, SpectralGrid.SignedIndex(n / 2, n));
            Assert.False(spectral.IsNyquist(n / 2), $"an odd axis (n = {n}) has no Nyquist index");
        }
    }

    [Fact]
    public void SpectralDerivative_IsExactOnTrigonometricPolynomials_AndZeroesNyquistForFirstDerivatives()
    {
        var spectral = new SpectralGrid(new CartesianGrid(12, 3.0));
        var grid = spectral.Grid;
        double xi = spectral.FundamentalFrequency;
        var f = new double[grid.Count];
        var fxx = new double[grid.Count];
        var fxy = new double[grid.Count];
        var nyquist = new double[grid.Count];
        for (int p = 0; p < f.Length; p++)
        {
            var (i, _, _) = grid.Indices(p);
            Velocity3 v = grid.Point(p);
            f[p] = Math.Cos(2 * xi * v.X) * Math.Sin(3 * xi * v.Y);
            fxx[p] = -4 * xi * xi * f[p];
            fxy[p] = -6 * xi * xi * Math.Sin(2 * xi * v.X) * Math.Cos(3 * xi * v.Y);
            nyquist[p] = i % 2 == 0 ? 1.0 : -1.0; // cos(ξ_{N/2}(x − v₀)) sampled
        }

        var ws = spectral.CreateWorkspace();
        var d = new double[grid.Count];
        SpectralDerivative.Second(spectral, f, 0, 0, d, ws);
        Assert.True(MaxError(d, fxx) <= 1e-12, $"∂xx: {MaxError(d, fxx):E2}"); // exact up to round-off of O(ξ²·ε·log N)
        SpectralDerivative.Second(spectral, f, 0, 1, d, ws);
        Assert.True(MaxError(d, fxy) <= 1e-12, $"∂xy: {MaxError(d, fxy):E2}");

        SpectralDerivative.First(spectral, nyquist, 0, d, ws);
        Assert.True(MaxError(d, new double[d.Length]) <= 1e-13, "∂x of the Nyquist mode must vanish on the grid");
        SpectralDerivative.Second(spectral, nyquist, 0, 0, d, ws);
        double k2 = Math.Pow(xi * 6, 2);
        Assert.True(MaxError(d, nyquist.Select(x => -k2 * x).ToArray()) <= 1e-11 * k2, "∂xx of the Nyquist mode is −ξ²·mode");
    }

    [Fact]
    public void SpectralShift_OfGaussian_IsTheShiftedGaussian()
    {
        var spectral = new SpectralGrid(new CartesianGrid(64, 10.0));
        var shift = new Velocity3(0.37, -0.81, 1.23);
        var f = Gaussian(spectral.Grid, 1.0);
        var spectrum = new Complex[spectral.Plan.HalfSpectrumCount];
        spectral.Plan.ForwardReal(f, spectrum);
        SpectralShift.ApplyPhase(spectral, spectrum, shift, spectral.CreateWorkspace());
        var g = new double[f.Length];
        spectral.Plan.InverseReal(spectrum, g);

        // Same resolution argument as for the derivatives; the shifted tail at the face is e^{−(10 − 1.4)²/2} ≈ 1e-16.
        Assert.True(MaxError(g, Gaussian(spectral.Grid, 1.0, shift)) <= 1e-13, $"{MaxError(g, Gaussian(spectral.Grid, 1.0, shift)):E2}");
    }

    [Theory]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(64)]
    public void SpectralShift_Evaluate_EqualsApplyPhaseThenInverse_AndLeavesTheSpectrum(int n)
    {
        var spectral = new SpectralGrid(new CartesianGrid(n, 10.0));
        var ws = spectral.CreateWorkspace();
        var shift = new Velocity3(0.37, -0.81, 1.23);
        var f = n == 64 ? Gaussian(spectral.Grid, 1.0) : RandomReal(spectral.Grid.Count, n);
        var half = new Complex[spectral.Plan.HalfSpectrumCount];
        spectral.Plan.ForwardReal(f, half);
        var keep = (Complex[])half.Clone();
        var direct = new double[f.Length];
        SpectralShift.Evaluate(spectral, half, shift, direct, ws);
        Assert.Equal(keep, half);

        SpectralShift.ApplyPhase(spectral, half, shift, ws);
        var twoStep = new double[f.Length];
        spectral.Plan.InverseReal(half, twoStep);
        double scale = f.Max(Math.Abs);
        Assert.True(MaxError(direct, twoStep) <= 1e-14 * scale, $"N = {n}: one sweep vs two steps {MaxError(direct, twoStep):E2}"); // same products, round-off only
        if (n == 64)
        {
            // The resolved Gaussian: its shift sampled directly (tolerance as in SpectralShift_OfGaussian_IsTheShiftedGaussian).
            Assert.True(MaxError(direct, Gaussian(spectral.Grid, 1.0, shift)) <= 1e-13, $"{MaxError(direct, Gaussian(spectral.Grid, 1.0, shift)):E2}");
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => SpectralShift.Evaluate(spectral, keep, new Velocity3(double.NaN, 0, 0), direct, ws));
        Assert.Equal("halfSpectrum", Assert.Throws<ArgumentException>(() => SpectralShift.Evaluate(spectral, keep.AsSpan(1), shift, direct, ws)).ParamName);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(9)]
    public void SpectralShift_ByOneSpacing_IsTheCyclicRoll_AndKeepsRealDataReal(int n)
    {
        var spectral = new SpectralGrid(new CartesianGrid(n, 2.0));
        var ws = spectral.CreateWorkspace();
        var f = RandomReal(spectral.Grid.Count, n); // rough data: the Nyquist mode is fully present
        double h = spectral.Grid.Spacing;

        var half = new Complex[spectral.Plan.HalfSpectrumCount];
        spectral.Plan.ForwardReal(f, half);
        SpectralShift.ApplyPhase(spectral, half, new Velocity3(0, h, 0), ws);
        var g = new double[f.Length];
        spectral.Plan.InverseReal(half, g);
        var roll = new double[f.Length];
        for (int p = 0; p < f.Length; p++)
        {
            var (i, j, k) = spectral.Grid.Indices(p);
            roll[p] = f[spectral.Grid.Index(i, (j + 1) % n, k)];
        }

        Assert.True(MaxError(g, roll) <= 1e-14, $"N = {n}: shift by h vs roll {MaxError(g, roll):E2}"); // exact identity, round-off only

        // Full complex spectrum, arbitrary shift: the inverse must be real (Nyquist factor cos) and equal the half path.
        var shift = new Velocity3(0.31, -0.17, 0.52);
        var full = f.Select(x => new Complex(x, 0)).ToArray();
        spectral.Plan.Forward(full);
        SpectralShift.ApplyPhase(spectral, full, shift, ws);
        spectral.Plan.Inverse(full);
        spectral.Plan.ForwardReal(f, half);
        SpectralShift.ApplyPhase(spectral, half, shift, ws);
        spectral.Plan.InverseReal(half, g);
        Assert.True(full.Max(c => Math.Abs(c.Imaginary)) <= 1e-14, $"imaginary part {full.Max(c => Math.Abs(c.Imaginary)):E2}");
        Assert.True(MaxError(full.Select(c => c.Real).ToArray(), g) <= 1e-14, "half and full spectra must agree");
    }

    [Fact]
    public void SpectralConvolution_OfGaussians_IsTheGaussianOfSummedVariances()
    {
        var spectral = new SpectralGrid(new CartesianGrid(64, 10.0));
        double s = 0.7, t = 1.0, u2 = (s * s) + (t * t);
        var conv = SpectralConvolution.Create(spectral, xi => Math.Exp(-0.5 * s * s * xi * xi)); // K = normal density, variance s²
        var f = Gaussian(spectral.Grid, t);
        var g = conv.Apply(f);
        var expected = Gaussian(spectral.Grid, Math.Sqrt(u2)).Select(x => Math.Pow(t * t / u2, 1.5) * x).ToArray();

        // Both transforms are resolved to < 1e-20 at the cut-off (ξ_max ≈ 10) and the tails at the face are < 1e-13
        // of the peak: round-off dominates.
        Assert.True(MaxError(g, expected) <= 1e-12, $"{MaxError(g, expected):E2}");
    }

    [Theory]
    [InlineData(48, 64)]
    [InlineData(48, 75)]
    [InlineData(45, 64)]
    [InlineData(64, 48)]
    public void SpectralResampling_OfResolvedGaussian_SamplesItOnTheTargetGrid(int n, int m)
    {
        var source = new SpectralGrid(new CartesianGrid(n, 10.0));
        var target = new SpectralGrid(new CartesianGrid(m, 10.0));
        double s = 1.25;
        var f = Gaussian(source.Grid, s).Select(x => new Complex(x, 0)).ToArray();
        source.Plan.Forward(f);
        var g = new Complex[target.Grid.Count];
        SpectralResampling.Create(source.Grid, target.Grid).Apply(f, g);
        target.Plan.Inverse(g);
        var expected = Gaussian(target.Grid, s);

        // Transform at the coarser cut-off π·min(N, M)/20 ≥ 7: e^{−(1.25·7)²/2} ≈ 2e-17; tails at the face ≈ 1e-13.
        Assert.True(MaxError(g.Select(c => c.Real).ToArray(), expected) <= 1e-12, $"{n}→{m}: {MaxError(g.Select(c => c.Real).ToArray(), expected):E2}");
        Assert.True(g.Max(c => Math.Abs(c.Imaginary)) <= 1e-13, "real data must stay real");
    }

    [Theory]
    [InlineData(12, 20)]
    [InlineData(15, 24)]
    [InlineData(12, 15)]
    [InlineData(9, 10)]
    public void SpectralResampling_TruncationOfPadding_IsIdentity(int n, int m)
    {
        var coarse = new CartesianGrid(n, 3.0);
        var fine = new CartesianGrid(m, 3.0);
        var x = RandomComplex(coarse.Count, n + m);
        var padded = new Complex[fine.Count];
        var back = new Complex[coarse.Count];
        SpectralResampling.Create(coarse, fine).Apply(x, padded);
        SpectralResampling.Create(fine, coarse).Apply(padded, back);
        Assert.True(RelativeError(back, x) <= 1e-14, $"{n}→{m}→{n}: {RelativeError(back, x):E2}"); // a few roundings per entry
    }

    [Fact]
    public void SpectralHelpers_AllocateNothing()
    {
        var spectral = new SpectralGrid(new CartesianGrid(16, 5.0));
        var ws = spectral.CreateWorkspace();
        var conv = SpectralConvolution.Create(spectral, xi => 1.0 / (1.0 + (xi * xi)));
        var f = Gaussian(spectral.Grid, 1.0);
        var d = new double[f.Length];
        var half = new Complex[spectral.Plan.HalfSpectrumCount];
        var resample = SpectralResampling.Create(spectral.Grid, new CartesianGrid(20, 5.0));
        var full = new Complex[spectral.Grid.Count];
        var padded = new Complex[20 * 20 * 20];
        void RunAll()
        {
            SpectralDerivative.First(spectral, f, 1, d, ws);
            SpectralDerivative.Second(spectral, f, 0, 2, d, ws);
            conv.Apply(f, d, ws);
            spectral.Plan.ForwardReal(f, half, ws.Fft);
            SpectralShift.ApplyPhase(spectral, half, new Velocity3(0.1, 0.2, 0.3), ws);
            resample.Apply(full, padded);
        }

        AllocationCheck.AssertNone(RunAll, "the spectral helpers");
    }

    [Fact]
    public void SpectralHelpers_RejectBadArguments()
    {
        var spectral = new SpectralGrid(new CartesianGrid(8, 2.0));
        var ws = spectral.CreateWorkspace();
        var f = new double[spectral.Grid.Count];
        Assert.Equal("axis", Assert.Throws<ArgumentOutOfRangeException>(() => SpectralDerivative.First(spectral, f, 3, f, ws)).ParamName);
        Assert.Equal("spectrum", Assert.Throws<ArgumentException>(() => SpectralDerivative.ApplyFirst(spectral, new Complex[7], 0)).ParamName);
        Assert.Equal("workspace", Assert.Throws<ArgumentException>(() => SpectralDerivative.First(spectral, f, 0, f, new SpectralGrid(new CartesianGrid(10, 2.0)).CreateWorkspace())).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => SpectralDerivative.First(spectral, f, 0, new double[3], ws)).ParamName);
        Assert.Equal("kernelTransform", Assert.Throws<ArgumentException>(() => SpectralConvolution.Create(spectral, _ => double.NaN)).ParamName);
        Assert.Equal("shift", Assert.Throws<ArgumentOutOfRangeException>(() => SpectralShift.ApplyPhase(spectral, new Complex[spectral.Plan.HalfSpectrumCount], new Velocity3(double.NaN, 0, 0), ws)).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => SpectralResampling.Create(spectral.Grid, new CartesianGrid(8, 3.0))).ParamName);
        Assert.Equal("grid", Assert.Throws<ArgumentOutOfRangeException>(() => new SpectralGrid(new CartesianGrid(14, 2.0))).ParamName);
    }

    [Fact]
    public void ContinuousTransformFactor_TurnsTheDftIntoTheFourierTransform()
    {
        // F = e^{−|v|²/2} has F̂(ξ) = (2π)^{3/2} e^{−|ξ|²/2}; L = 10, N = 64 resolve both (see the derivative test).
        var spectral = new SpectralGrid(new CartesianGrid(64, 10.0));
        var f = new double[spectral.Grid.Count];
        for (int p = 0; p < f.Length; p++)
        {
            f[p] = Math.Exp(-0.5 * spectral.Grid.Point(p).LengthSquared);
        }

        var x = f.Select(v => new Complex(v, 0)).ToArray();
        spectral.Plan.Forward(x);
        double worst = 0;
        foreach (var (i, j, k) in new[] { (0, 0, 0), (1, 0, 0), (3, 62, 5), (10, 7, 60), (31, 1, 2) })
        {
            double xi2 = Math.Pow(spectral.Frequencies[i], 2) + Math.Pow(spectral.Frequencies[j], 2) + Math.Pow(spectral.Frequencies[k], 2);
            Complex approx = spectral.ContinuousTransformFactor(i, j, k) * x[spectral.Grid.Index(i, j, k)];
            worst = Math.Max(worst, (approx - (Math.Pow(2 * Math.PI, 1.5) * Math.Exp(-0.5 * xi2))).Magnitude);
        }

        Assert.True(worst <= 1e-12, $"{worst:E2}"); // trapezoidal rule on a resolved Gaussian: round-off of an N³ sum times h³
    }
}
