using Kinetics.Dynamics;
using Kinetics.Grids;
using Xunit.Abstractions;

namespace Kinetics.Tests.Dynamics;

public class FokkerPlanckPenaltyTests(ITestOutputHelper output)
{
    private static readonly double[] Masses = [1.0, 3.0];
    private static readonly Velocity3 U = new(0.1, -0.2, 0.05);
    private const double Theta = 1.1;

    // Species 0 on [−6, 6]³ about 0, species 1 on a narrower box about (0.1, 0, 0): different N, spacing and centre.
    private static SpeciesGrids Grids(int n0, int n1) => new([
        new SpeciesGrid(new CartesianGrid(n0, 6.0)),
        new SpeciesGrid(new CartesianGrid(n1, 3.5), new Velocity3(0.1, 0, 0))]);

    private static (FokkerPlanckPenalty Penalty, FokkerPlanckPenalty.Workspace Workspace) Prepared(SpeciesGrids grids)
    {
        var penalty = FokkerPlanckPenalty.Create(grids, Masses);
        var workspace = penalty.CreateWorkspace();
        penalty.Prepare(U, Theta, workspace);
        return (penalty, workspace);
    }

    private static double[] Random(int length, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => random.NextDouble() - 0.3).ToArray();
    }

    private static double MaxAbs(ReadOnlySpan<double> x)
    {
        double m = 0;
        foreach (double v in x)
        {
            m = Math.Max(m, Math.Abs(v));
        }

        return m;
    }

    [Fact]
    public void Kernel_IsAnnihilated_AndIsTheMaxwellianWhereTheFloorIsInactive()
    {
        // P(M̃) = 0 to round-off, relative to |P| on the kernel's own scale (the fluxes of M̃ cancel in every face: W(g_{k+1} − g_k)
        // with g ≡ 1). Observed max|P M̃|/max|P G| = 4.8e-16; asserted 1e-14. On species 1 (half-width 3.5, m/θ = 2.7: at most 16.7 of the floor's
        // 24 per axis) M̃ is the Maxwellian shape exp(−m|v − u|²/(2θ)) up to the Newton tilt that makes the discrete mean u:
        // observed max difference of the peak-normalised shapes 4.2e-6 (N = 10); asserted 1e-4.
        var grids = Grids(12, 10);
        var (penalty, workspace) = Prepared(grids);
        var m = new double[penalty.Length];
        penalty.Kernel(workspace, m);
        var pm = new double[m.Length];
        penalty.Apply(m, pm, workspace);
        var g = Random(m.Length, 3);
        for (int p = 0; p < g.Length; p++)
        {
            g[p] *= m[p];
        }

        var pg = new double[m.Length];
        penalty.Apply(g, pg, workspace);
        double annihilated = MaxAbs(pm) / MaxAbs(pg);
        ReadOnlySpan<double> m1 = grids.Slice((ReadOnlySpan<double>)m, 1);
        var gauss = new double[m1.Length];
        for (int p = 0; p < m1.Length; p++)
        {
            var v = grids[1].Point(p) - U;
            gauss[p] = Math.Exp(-Masses[1] * v.LengthSquared / (2 * Theta));
        }

        double peak = gauss.Max(), kernelPeak = MaxAbs(m1), shape = 0;
        for (int p = 0; p < m1.Length; p++)
        {
            shape = Math.Max(shape, Math.Abs((m1[p] / kernelPeak) - (gauss[p] / peak)));
        }

        output.WriteLine($"max|P M̃|/max|P G| = {annihilated:E2}, max|M̃ − Maxwellian| (species 1) = {shape:E2}");
        Assert.True(annihilated < 1e-14, $"{annihilated:E2}");
        Assert.True(shape < 1e-4, $"{shape:E2}");
    }

    // Σ_α m_α h_α³ Σ_p φ(v_p) G_p for φ = 1 (per species), v and |v|²/2, by direct sums over each species' physical points.
    private static (double[] Mass, Velocity3 Momentum, double Energy, double[] Density, double Scale) Moments(SpeciesGrids grids, ReadOnlySpan<double> g, bool drift = false)
    {
        var mass = new double[2];
        var density = new double[2];
        var momentum = Velocity3.Zero;
        double energy = 0, scale = 0;
        for (int a = 0; a < 2; a++)
        {
            ReadOnlySpan<double> ga = grids.Slice(g, a);
            double h3 = grids[a].CellVolume, ma = Masses[a];
            for (int p = 0; p < ga.Length; p++)
            {
                var v = grids[a].Point(p);
                var w = drift ? v - U : v;
                mass[a] += h3 * ga[p];
                density[a] += h3 * ga[p];
                momentum += (h3 * ma * ga[p]) * w;
                energy += drift ? h3 * ma * ((v.X * w.X) + (v.Y * w.Y) + (v.Z * w.Z)) * ga[p] : h3 * 0.5 * ma * v.LengthSquared * ga[p];
                scale += h3 * ma * (1 + v.LengthSquared) * Math.Abs(ga[p]);
            }
        }

        return (mass, momentum, energy, density, scale);
    }

    [Fact]
    public void MomentIdentities_MassAndMomentumExact_EnergyToSecondOrder()
    {
        // For every G: Σ_p (P_α G)_p = 0 per species and Σ_α m_α Σ_p v (P_α G)_p = −Σ_α m_α Σ_p (v − u) G_p (the continuum
        // identities, which make the step conserve momentum) — exact by the conservative fluxes and the partial-sum face weights.
        // Observed on random G (two species, own grids): mass ≤ 1.8e-17, momentum ≤ 2.0e-16 of Σ m(1 + |v|²)|G|; asserted 1e-14. The energy identity
        // Σ m(|v|²/2)P G = Σ [3θ n − m v·(v − u) G] holds to O(h²) on a smooth G = M̃(1 + polynomial): observed relative errors
        // 1.08e-2 and 2.72e-3 for N = (12, 10) and (24, 20), order 2.00; asserted in [1.8, 2.2].
        var errors = new List<double>();
        foreach (var (n0, n1) in new[] { (12, 10), (24, 20) })
        {
            var grids = Grids(n0, n1);
            var (penalty, workspace) = Prepared(grids);
            var g = Random(penalty.Length, 5);
            var pg = new double[g.Length];
            penalty.Apply(g, pg, workspace);
            var lhs = Moments(grids, pg);
            var rhs = Moments(grids, g, drift: true);
            double scale = Moments(grids, g).Scale;
            double massError = Math.Max(Math.Abs(lhs.Mass[0]), Math.Abs(lhs.Mass[1])) / scale;
            double momentumError = (lhs.Momentum + rhs.Momentum).Length / scale;
            output.WriteLine($"N = ({n0}, {n1}), random G: mass {massError:E2}, momentum {momentumError:E2}");
            Assert.True(massError < 1e-14, $"{massError:E2}");
            Assert.True(momentumError < 1e-14, $"{momentumError:E2}");

            // Smooth G: the kernel times 1 + (v_x − u_x)/2 + (v_y − u_y)²/3 − (v_z − u_z)(v_x − u_x)/4 (not a Maxwellian).
            var m = new double[g.Length];
            penalty.Kernel(workspace, m);
            for (int a = 0; a < 2; a++)
            {
                Span<double> ma = grids.Slice(m.AsSpan(), a);
                for (int p = 0; p < ma.Length; p++)
                {
                    var c = grids[a].Point(p) - U;
                    ma[p] *= 1 + (c.X / 2) + (c.Y * c.Y / 3) - (c.Z * c.X / 4);
                }
            }

            penalty.Apply(m, pg, workspace);
            double energy = Moments(grids, pg).Energy;
            var smooth = Moments(grids, m, drift: true);
            double expected = (3 * Theta * (smooth.Density[0] + smooth.Density[1])) - smooth.Energy;
            double relative = Math.Abs(energy - expected) / Math.Abs(smooth.Energy);
            errors.Add(relative);
            output.WriteLine($"  smooth G: energy identity relative error {relative:E3}");
        }

        double order = Math.Log2(errors[0] / errors[1]);
        output.WriteLine($"energy identity: observed order {order:F2}");
        Assert.InRange(order, 1.8, 2.2);
    }

    [Fact]
    public void Operator_IsSymmetricAndDissipative_InL2OverM()
    {
        // ⟨P G, H⟩ = ⟨G, P H⟩ in L²(1/M̃) (Σ_p x_p y_p / M̃_p per species) to round-off, ⟨P G, G⟩ < 0 for G ∉ ker P. Observed
        // relative asymmetry ≈ 1e-16; asserted 1e-13.
        var grids = Grids(10, 8);
        var (penalty, workspace) = Prepared(grids);
        var m = new double[penalty.Length];
        penalty.Kernel(workspace, m);
        var g = Random(m.Length, 7);
        var h = Random(m.Length, 8);
        for (int p = 0; p < m.Length; p++)
        {
            g[p] *= m[p];
            h[p] *= m[p];
        }

        var pg = new double[m.Length];
        var ph = new double[m.Length];
        penalty.Apply(g, pg, workspace);
        penalty.Apply(h, ph, workspace);
        double a = 0, b = 0, c = 0, scale = 0;
        for (int p = 0; p < m.Length; p++)
        {
            a += pg[p] * h[p] / m[p];
            b += g[p] * ph[p] / m[p];
            c += pg[p] * g[p] / m[p];
            scale += Math.Abs(pg[p] * h[p] / m[p]) + Math.Abs(g[p] * ph[p] / m[p]);
        }

        output.WriteLine($"⟨PG,H⟩ = {a:E6}, ⟨G,PH⟩ = {b:E6}, relative asymmetry {Math.Abs(a - b) / scale:E2}, ⟨PG,G⟩ = {c:E3}");
        Assert.True(Math.Abs(a - b) <= 1e-13 * scale, $"{Math.Abs(a - b) / scale:E2}");
        Assert.True(c < 0);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ConjugateGradients_AgreeWithADenseDirectSolve(bool fastDiagonal)
    {
        var preconditioner = fastDiagonal ? FokkerPlanckPenalty.Preconditioner.FastDiagonal : FokkerPlanckPenalty.Preconditioner.Jacobi;
        // Small grids (6³ and 5³, 341 unknowns): the dense matrix of I − cP column by column, solved by LU, against PCG at
        // tolerance 1e-13 for c = 0.1, 10, 1e4. Observed max|x_CG − x_LU|/max|x_LU|: fast diagonalisation 1.1e-14, 8.2e-16,
        // 1.9e-12 in 1, 1, 2 iterations; Jacobi 1.4e-11, 2.6e-13, 1.4e-12 in 14, 37, 51 (the LU of I − 10⁴P carries its own
        // round-off); asserted 1e-10. A budget of one Jacobi iteration must end in the named error.
        var grids = new SpeciesGrids([new SpeciesGrid(new CartesianGrid(6, 4.0)), new SpeciesGrid(new CartesianGrid(5, 2.5), new Velocity3(0.1, 0, 0))]);
        var (penalty, workspace) = Prepared(grids);
        int length = penalty.Length;
        var column = new double[length];
        var unit = new double[length];
        var p = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(length, length);
        for (int j = 0; j < length; j++)
        {
            unit[j] = 1;
            penalty.Apply(unit, column, workspace);
            unit[j] = 0;
            for (int i = 0; i < length; i++)
            {
                p[i, j] = column[i];
            }
        }

        var b = Random(length, 9);
        foreach (double c in new[] { 0.1, 10.0, 1e4 })
        {
            var a = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseIdentity(length) - (c * p);
            var expected = a.Solve(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(b)).ToArray();
            var x = new double[length];
            int iterations = penalty.Solve(c, b, x, workspace, 1e-13, 2000, preconditioner);
            double error = expected.Zip(x).Max(t => Math.Abs(t.First - t.Second)) / MaxAbs(expected);
            output.WriteLine($"{preconditioner}, c = {c:G3}: {iterations} iterations, max relative difference {error:E2}");
            Assert.True(error < 1e-10, $"{error:E2}");
        }

        var ex = Assert.Throws<InvalidOperationException>(() => penalty.Solve(1e4, b, new double[length], workspace, 1e-13, 1, FokkerPlanckPenalty.Preconditioner.Jacobi));
        Assert.Contains("conjugate-gradient", ex.Message);
    }

    [Fact]
    public void Prepare_RejectsAVelocityOutsideTheBox()
    {
        var penalty = FokkerPlanckPenalty.Create(Grids(8, 8), Masses);
        var workspace = penalty.CreateWorkspace();
        Assert.Equal("u", Assert.ThrowsAny<ArgumentException>(() => penalty.Prepare(new Velocity3(5.0, 0, 0), 1.0, workspace)).ParamName);
        Assert.Equal("theta", Assert.ThrowsAny<ArgumentException>(() => penalty.Prepare(U, -1.0, workspace)).ParamName);
        Assert.Throws<InvalidOperationException>(() => penalty.Apply(new double[penalty.Length], new double[penalty.Length], workspace));
    }
}
