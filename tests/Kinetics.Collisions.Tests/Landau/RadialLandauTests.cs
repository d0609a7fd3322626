using FsCheck;
using FsCheck.Fluent;
using Kinetics.Landau;
using Xunit.Abstractions;

namespace Kinetics.Tests.Landau;

public class RadialLandauTests(ITestOutputHelper output)
{
    private static double[] RandomProfile(RadialLandauGrid grid, int seed)
    {
        var random = new Random(seed);
        double t1 = 0.3 + random.NextDouble(), t2 = 0.05 + (0.3 * random.NextDouble()), shift = 2 * random.NextDouble();
        return grid.Sample(r => BlowdownProfile.Maxwellian(1, t1, r) + (0.3 * Math.Exp(-(r - shift) * (r - shift) / (2 * t2))) + (1e-3 * random.NextDouble() * Math.Exp(-r * r / 2)));
    }

    [Fact]
    public void Operator_ConservesMassAndEnergyToRoundOff()
    {
        var grid = new RadialLandauGrid(150, 8, 0.05);
        var op = RadialLandauOperator.Create(grid);
        var prop = Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), seed =>
        {
            double[] f = RandomProfile(grid, seed);
            double[] q = op.Evaluate(f);
            double scale = grid.Moment(q.Select(Math.Abs).ToArray(), r => 1 + (r * r));

            // Exact telescoping / antisymmetric double sums: only round-off (≈ 1e-16 × N terms) may remain.
            return Math.Abs(grid.Moment(q)) < 1e-13 * scale && Math.Abs(grid.SecondMoment(q)) < 1e-13 * scale && scale > 1e-3;
        });
        PropertyCheck.Run(30, prop);
    }

    [Fact]
    public void Operator_DiscreteMaxwelliansAreExactEquilibria()
    {
        var grid = new RadialLandauGrid(120, 9, 0.1);
        var op = RadialLandauOperator.Create(grid);
        foreach (var (n, t) in new[] { (1.0, 1.0), (2.5, 0.4), (0.3, 1.7) })
        {
            double[] f = grid.Sample(r => BlowdownProfile.Maxwellian(n, t, r));
            double[] q = op.Evaluate(f);
            double[] perturbed = f.Select((x, i) => x * (1 + (0.01 * Math.Sin(3 * grid.Centers[i])))).ToArray();
            double reference = op.Evaluate(perturbed).Max(Math.Abs);

            // ln F linear in ρ² ⇒ each face flux cancels exactly; a 1 % perturbation gives O(1e-2) rates.
            Assert.True(q.Max(Math.Abs) < 1e-12 * reference, $"max |Q| = {q.Max(Math.Abs):E3} vs {reference:E3}");
        }
    }

    [Fact]
    public void FaceFields_OfMaxwellian_ConvergeToClosedForms_SecondOrder()
    {
        // λ₁ and ∂_ρa = −ρλ₁ (drift identity) at the faces, against seed-note 003 §1.3; error ratio ≈ 4 per doubling.
        double previous = double.NaN;
        foreach (int n in new[] { 100, 200, 400 })
        {
            var grid = new RadialLandauGrid(n, 10, 0.5);
            var op = RadialLandauOperator.Create(grid);
            double[] f = grid.Sample(r => BlowdownProfile.Maxwellian(1, 1, r));
            var l1 = new double[n - 1];
            var da = new double[n - 1];
            op.FaceFields(f, l1, da);
            double error = 0;
            for (int k = 0; k < n - 1; k++)
            {
                double rho = grid.Faces[k];
                if (rho > 6)
                {
                    break;
                }

                double exact = LandauMaxwellian.ParallelEigenvalue(rho);
                error = Math.Max(error, Math.Max(Math.Abs(l1[k] - exact), Math.Abs(da[k] + (rho * exact))) / LandauMaxwellian.C0);
            }

            output.WriteLine($"N = {n}: max relative field error {error:E3}");
            if (!double.IsNaN(previous))
            {
                Assert.InRange(previous / error, 3.0, 5.0);
            }

            previous = error;
        }

        Assert.True(previous < 1e-3, $"previous < 1e-3: {previous} vs 1e-3");
    }

    [Fact]
    public void BlowdownProfile_SolvesItsLinearEquation()
    {
        // ∂_tE = c₀(E'' + 2E'/ρ) + 2𝓜(0)E by 4th-order differences (steps 1e-4·scale: error ≈ 1e-9 relative).
        var profile = new BlowdownProfile(1e-3, 0.3);
        double c0 = 1 / (3 * Math.Pow(2 * Math.PI, 1.5)), m0 = Math.Pow(2 * Math.PI, -1.5);
        foreach (double t in new[] { 0.0 + 1e-3, 0.1, 0.5, 3.0 })
        {
            double width = Math.Sqrt(profile.Temperature(t));
            foreach (double x in new[] { 0.3, 1.0, 2.2 })
            {
                double rho = x * width, h = 1e-3 * width, ht = 1e-4 * profile.Temperature(t) / c0;
                double dt = LandauMaxwellianTests.Fd(s => profile.Profile(t + s, rho), ht);
                double d1 = LandauMaxwellianTests.Fd(s => profile.Profile(t, rho + s), h);
                double d2 = LandauMaxwellianTests.Fd2(s => profile.Profile(t, rho + s), h);
                double rhs = (c0 * (d2 + (2 * d1 / rho))) + (2 * m0 * profile.Profile(t, rho));
                Assert.True(Math.Abs(dt - rhs) < 1e-7 * c0 * profile.Profile(t, rho) / profile.Temperature(t), $"t = {t}, ρ = {rho}: {dt} vs {rhs}");
            }
        }

        Assert.Equal(profile.BumpMass * Math.Exp(2 * m0 * 0.5), profile.Mass(0.5), 15);
        Assert.Throws<ArgumentOutOfRangeException>(() => new BlowdownProfile(0, 0.3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BlowdownProfile(1e-3, 1.2));
    }

    [Fact]
    public void BlowdownEquilibrium_HasTheMassAndEnergyOfTheInitialData()
    {
        var profile = new BlowdownProfile(1e-2, 0.35);
        var grid = new RadialLandauGrid(800, 12, 0.05);
        double[] f = grid.Sample(profile.Initial), eq = grid.Sample(profile.Equilibrium);

        // Second-order (midpoint) quadrature, spacing ≈ 0.0077ρ at N = 800: ≈ 5e-5 relative on each moment; the
        // errors of F_in and 𝓜_eq largely cancel in the ratios.
        Assert.Equal(1.0, grid.Moment(eq) / grid.Moment(f), 5);
        Assert.Equal(1.0, grid.SecondMoment(eq) / grid.SecondMoment(f), 5);
        Assert.True(Math.Abs(grid.Moment(f) - (1 + Math.Pow(1e-2, 0.35))) < 1e-4, "Math.Abs(grid.Moment(f) - (1 + Math.Pow(1e-2, 0.35))) < 1e-4");
    }

    [Fact]
    public void Solver_ConservesExactly_AndRelaxesToTheDiscreteEquilibrium()
    {
        var profile = new BlowdownProfile(1e-2, 0.3);
        var grid = new RadialLandauGrid(100, 6, 0.05);
        var solver = RadialLandauSolver.Create(grid);
        var workspace = new RadialLandauWorkspace(grid);
        double[] f = grid.Sample(profile.Initial);
        double mass = grid.Moment(f), energy = grid.SecondMoment(f);
        var report = solver.Advance(f, 0, 3000, t => Math.Min(20.0, 0.05 * profile.Temperature(t) / (2 * LandauMaxwellian.C0)), workspace);
        output.WriteLine($"{report}");

        // Mass and energy: round-off accumulated over the steps.
        Assert.True(Math.Abs(grid.Moment(f) - mass) < 1e-13 * mass, "Math.Abs(grid.Moment(f) - mass) < 1e-13 * mass");
        Assert.True(Math.Abs(grid.SecondMoment(f) - energy) < 1e-13 * energy, "Math.Abs(grid.SecondMoment(f) - energy) < 1e-13 * energy");

        // The discrete Maxwellian with the same discrete mass and energy (T by bisection) is an exact discrete equilibrium.
        double lo = 0.5, hi = 2;
        for (int it = 0; it < 100; it++)
        {
            double mid = 0.5 * (lo + hi);
            double[] g = grid.Sample(r => BlowdownProfile.Maxwellian(1, mid, r));
            if (grid.SecondMoment(g) / grid.Moment(g) < energy / mass)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        double[] m = grid.Sample(r => BlowdownProfile.Maxwellian(1, lo, r));
        double n = mass / grid.Moment(m);
        double deviation = f.Select((x, i) => Math.Abs(x - (n * m[i]))).Max() / (n * m[0]);
        double initial = grid.Sample(profile.Initial).Select((x, i) => Math.Abs(x - (n * m[i]))).Max() / (n * m[0]);
        output.WriteLine($"T_discrete = {lo:R}, T_eq = {profile.EquilibriumTemperature:R}, deviation {deviation:E3} (initially {initial:E3})");
        Assert.True(deviation < 1e-6 * initial, $"deviation < 1e-6 * initial: {deviation} vs {(1e-6 * initial)}");
        Assert.Equal(profile.EquilibriumTemperature, lo, 3);
    }

    [Fact]
    public void Blowdown_NonlinearSolutionStaysCloseToMaxwellianPlusProfile()
    {
        // Seed 003 §2: for t ≤ 1/2 the solution from F_in = 𝓜 + δ^α𝓜_δ stays close to 𝓜 + E(t) near the origin.
        // Observed ‖F − 𝓜 − E‖/‖E‖ (L² on |v| ≤ 3√T) ≤ 2.1 % at t = 1/2 for δ ∈ [1e-4, 1e-2] (docs/landau.md); the
        // bound 5 % leaves room for the first-order time error of this coarser run (200 cells, step fraction 0.01).
        var profile = new BlowdownProfile(1e-3, 0.3);
        var grid = new RadialLandauGrid(200, 8, Math.Sqrt(1e-3));
        var solver = RadialLandauSolver.Create(grid);
        var workspace = new RadialLandauWorkspace(grid);
        double[] f = grid.Sample(profile.Initial);
        double[] m = grid.Sample(r => BlowdownProfile.Maxwellian(1, 1, r));
        double mass = grid.Moment(f);
        foreach (double t in new[] { 0.05, 0.5 })
        {
            solver.Advance(f, t == 0.05 ? 0 : 0.05, t, s => 0.01 * profile.Temperature(s) / (2 * LandauMaxwellian.C0), workspace);
            double ball = 3 * Math.Sqrt(profile.Temperature(t)), num = 0, den = 0;
            for (int i = 0; i < grid.Count && grid.Centers[i] <= ball; i++)
            {
                double e = profile.Profile(t, grid.Centers[i]), d = f[i] - m[i] - e;
                num += d * d * grid.Volumes[i];
                den += e * e * grid.Volumes[i];
            }

            output.WriteLine($"t = {t}: ‖F − 𝓜 − E‖/‖E‖ = {Math.Sqrt(num / den):E3}");
            Assert.True(Math.Sqrt(num / den) < 0.05, $"Math.Sqrt(num / den) < 0.05: {(Math.Sqrt(num / den))} vs 0.05");
        }

        Assert.True(Math.Abs(grid.Moment(f) - mass) < 1e-13 * mass, "Math.Abs(grid.Moment(f) - mass) < 1e-13 * mass");
        Assert.Throws<ArgumentOutOfRangeException>(() => new RadialLandauGrid(4, 8, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RadialLandauGrid(100, 8, 9));
        Assert.Throws<ArgumentException>(() => solver.TryStep(f, 0.1, new RadialLandauWorkspace(new RadialLandauGrid(200, 8, 0.1))));
    }

    [Fact]
    public void Solver_Bdf2IsSecondOrder_BackwardEulerFirstOrder()
    {
        // Fixed steps Δt, Δt/2, Δt/4 to t = 0.2 from F_in (δ = 1e-2) against a Δt/32 BDF2 reference: error ratios
        // per halving → 4 (BDF2, after one backward-Euler start step) and → 2 (backward Euler).
        var profile = new BlowdownProfile(1e-2, 0.3);
        var grid = new RadialLandauGrid(100, 8, 0.1);
        var workspace = new RadialLandauWorkspace(grid);
        double[] Run(bool second, double dt)
        {
            double[] f = grid.Sample(profile.Initial);
            RadialLandauSolver.Create(grid, 1e-13, 60, second).Advance(f, 0, 0.2, _ => dt, workspace);
            return f;
        }

        double[] reference = Run(true, 0.02 / 32);
        foreach (bool second in new[] { true, false })
        {
            double[] errors = new[] { 0.02, 0.01, 0.005 }.Select(dt => Run(second, dt).Zip(reference, (a, b) => Math.Abs(a - b)).Max()).ToArray();
            double r1 = errors[0] / errors[1], r2 = errors[1] / errors[2];
            output.WriteLine($"{(second ? "BDF2" : "BE")}: errors {errors[0]:E3}, {errors[1]:E3}, {errors[2]:E3}; ratios {r1:F2}, {r2:F2}");
            Assert.InRange(r2, second ? 3.2 : 1.7, second ? 4.8 : 2.4);
        }
    }
}
