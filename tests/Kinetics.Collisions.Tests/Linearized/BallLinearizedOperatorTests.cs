using FsCheck;
using FsCheck.Fluent;
using Kinetics.Linearized;

namespace Kinetics.Tests.Linearized;

public class BallLinearizedOperatorTests
{
    // One small assembly shared by the default tests (assembly is the expensive part, ~10 s): masses 1:4, γ = −1.5, balls
    // V = 6 and 8 (e^{−mV²/4} ≤ e^{−9}: the truncated invariants are nearly exact), panels ≤ 2 wide with 8 points, ℓ ≤ 2 (6 points: null eigenvalues 5e-3·ν, too coarse).
    internal static readonly Lazy<BallLinearizedOperator> Soft = new(() =>
        BallLinearizedOperator.Create(LinearizedKernelTests.Table(-1.5, 1, 4), [6.0, 8.0], 2, 2.0, 8));

    private static Arbitrary<(double R, double S, double T)> RadialPoints() =>
        (from c in Gen.Choose(5, 400).ArrayOf(2)
         from t in Gen.Choose(-990, 990)
         select (c[0] / 100.0, c[1] / 100.0, t / 1000.0)).ToArbitrary();

    [Fact]
    public void SectorPieces_MatchThePointwiseKernels()
    {
        // The radial forms (typical: the same η-integral; hybrid: the φ-integral done exactly as 2π I₀, the u_∥-window from the
        // envelope) against LinearizedKernel's independent quadratures at v = r ẑ, w = s ŵ(t). Both are ~1e-9 accurate
        // (measured ≤ 2e-8 apart), checked at 1e-7 relative.
        foreach (var (gamma, ma, mb) in new[] { (-1.5, 1.0, 4.0), (-0.5, 7.0, 8.0) })
        {
            var table = LinearizedKernelTests.Table(gamma, ma, mb);
            var kernel = LinearizedKernel.Create(table);
            var sector = new SectorKernel(table, 2);
            PropertyCheck.Run(6, Prop.ForAll(RadialPoints(), p =>
            {
                var v = new Velocity3(0, 0, p.R);
                var w = new Velocity3(p.S * Math.Sqrt(1 - (p.T * p.T)), 0, p.S * p.T);
                double d = (v - w).Length;
                for (int a = 0; a < 2; a++)
                {
                    for (int b = 0; b < 2; b++)
                    {
                        double t1 = kernel.Typical(a, b, v, w), t2 = sector.Typical(a, b, p.R, p.S, d);
                        double h1 = kernel.Hybrid(a, b, v, w), h2 = sector.Hybrid(a, b, p.R, p.S, d);
                        Assert.True(Math.Abs(t1 - t2) <= (1e-7 * t1) + 1e-12, $"typical {a}{b} at {p}: {t1} vs {t2}");
                        Assert.True(Math.Abs(h1 - h2) <= (1e-7 * h1) + 1e-12, $"hybrid {a}{b} at {p}: {h1} vs {h2}");

                        // The envelope is a lower bound of the hybrid exponent: k^{(2)} ≤ C e^{−envelope}·(polynomial), so a value far
                        // above e^{−envelope} would mean the window logic cuts off live parts of the kernel.
                        Assert.True(Math.Log(h1 + 1e-300) <= -sector.HybridEnvelope(a, b, p.R, p.S, d) + 10.0, $"envelope {a}{b} at {p}");
                    }
                }

                return true;
            }));
        }
    }

    [Fact]
    public void SectorKernel_IsAdjointSymmetricAndIsTheFunkHeckeTransformOfTheFullKernel()
    {
        var table = LinearizedKernelTests.Table(-0.5, 1, 4);
        var sector = new SectorKernel(table, 2);
        var kernel = LinearizedKernel.Create(table);
        double r = 1.0, s = 1.6;
        var ab = new double[3];
        var ba = new double[3];
        sector.Evaluate(0, 1, r, s, ab);
        sector.Evaluate(1, 0, s, r, ba);

        // K_ℓ^{AB}(r, s) = K_ℓ^{BA}(s, r) (k^{αβ}(v, w) = k^{βα}(w, v), seed-note 000 §6.6): two different quadratures, ~1e-9 each.
        for (int l = 0; l < 3; l++)
        {
            Assert.True(Math.Abs(ab[l] - ba[l]) <= 1e-7 * Math.Abs(ab[0]), $"ℓ = {l}: {ab[l]} vs {ba[l]}");
        }

        // Funk–Hecke by brute force: 2π ∫ k^{AB}(r ẑ, s ŵ(t)) P_ℓ(t) dt with the full pointwise kernel on 48 Gauss–Legendre t-nodes
        // (r ≠ s, so the integrand is smooth; 48 nodes give ~1e-9), against the d-form with its graded quadrature; 1e-6 relative.
        var rule = Quadrature.GaussLegendreRule.Create(48, -1.0, 1.0);
        var direct = new double[3];
        for (int q = 0; q < rule.Count; q++)
        {
            double t = rule.Nodes[q];
            double k = kernel.Evaluate(0, 1, new Velocity3(0, 0, r), new Velocity3(s * Math.Sqrt(1 - (t * t)), 0, s * t));
            double[] p = [1.0, t, ((3 * t * t) - 1) / 2];
            for (int l = 0; l < 3; l++)
            {
                direct[l] += 2 * Math.PI * rule.Weights[q] * k * p[l];
            }
        }

        for (int l = 0; l < 3; l++)
        {
            Assert.True(Math.Abs(ab[l] - direct[l]) <= 1e-6 * Math.Abs(direct[0]), $"ℓ = {l}: {ab[l]} vs {direct[l]}");
        }
    }

    [Fact]
    public void SectorMatrices_AreSymmetricWithTheCollisionInvariantsAsNullSpace()
    {
        var op = Soft.Value;
        int size = op.SpeciesCount * op.NodeCount;
        for (int l = 0; l <= op.MaxDegree; l++)
        {
            for (int i = 0; i < size; i += 3)
            {
                for (int j = 0; j < size; j += 5)
                {
                    Assert.Equal(op.Entry(l, i, j), op.Entry(l, j, i));
                }
            }
        }

        // Before symmetrisation the product-integration K is symmetric only to discretisation accuracy (measured 3.8e-2, Frobenius
        // relative, dominated by the narrow large-r band); a value near 1 would mean the adjoint symmetry is broken.
        Assert.InRange(op.KernelAsymmetry, 0.0, 0.1);

        foreach (double radius in op.Radii)
        {
            double nu = op.MinimumFrequency(radius);
            foreach (var (degree, invariants) in new[] { (0, 3), (1, 1), (2, 0) })
            {
                var spectrum = op.Spectrum(degree, radius);
                Assert.Equal(invariants, spectrum.InvariantCount);

                // ker L in this sector = the NullSpace vectors: exactly `invariants` eigenvalues are ≈ 0 (measured ≤ 6.5e-5 at this
                // panel width 2, ≤ 3e-6 at width 1.5, against ν(V) ≥ 0.5; an eigenvalue is bounded by the residual ‖Aχ‖ ≤ 2e-3·ν
                // below, so 1e-3·ν is the consistent bound), and the gap on their orthogonal complement is the next eigenvalue
                // (if the near-null eigenvectors were not the NullSpace vectors, the complement would still contain them and
                // its minimum would be ≈ 0).
                for (int k = 0; k < invariants; k++)
                {
                    Assert.True(Math.Abs(spectrum.LowestEigenvalues[k]) <= 1e-3 * nu, $"ℓ = {degree}, V = {radius}: {spectrum.LowestEigenvalues[k]}");
                }

                Assert.True(spectrum.Gap > 0.5 * nu, $"ℓ = {degree}, V = {radius}: gap {spectrum.Gap}");
                Assert.Equal(spectrum.LowestEigenvalues[invariants], spectrum.Gap, 1e-5 * nu);

                // ‖L χ_j‖/‖ν χ_j‖: measured 4e-4…7e-4 (inner-quadrature accuracy); 2e-3.
                Assert.InRange(spectrum.NullSpaceResidual, 0.0, 2e-3);
            }
        }
    }

    [Fact]
    public void Create_RejectsInvalidInput()
    {
        var table = LinearizedKernelTests.Table(-1.5, 1, 4);
        var e = Assert.Throws<ArgumentException>(() => BallLinearizedOperator.Create(LinearizedKernelTests.Table(-2.5, 1, 4), [6.0]));
        Assert.Contains("(−2, 1]", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => BallLinearizedOperator.Create(table, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => BallLinearizedOperator.Create(table, [6.0], maxDegree: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => BallLinearizedOperator.Create(table, [6.0], panelWidth: 0.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => BallLinearizedOperator.Create(table, [6.0], order: 1));
        Assert.Throws<ArgumentNullException>(() => BallLinearizedOperator.Create(null!, [6.0]));

        // Any radius list that is not strictly ascending and positive is rejected before any work (random invalid lists).
        var invalid = (from n in Gen.Choose(1, 5)
                       from c in Gen.Choose(-300, 300).ArrayOf(n)
                       select c.Select(x => x / 10.0).ToArray())
            .Where(v => v.Any(x => x <= 0) || v.Zip(v.Skip(1), (a, b) => b <= a).Any(x => x)).ToArbitrary();
        PropertyCheck.Run(40, Prop.ForAll(invalid, v =>
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => BallLinearizedOperator.Create(table, v));
            return true;
        }));

        var op = Soft.Value;
        Assert.Throws<ArgumentOutOfRangeException>(() => op.Spectrum(0, 7.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => op.Spectrum(3, 6.0));
    }
}
