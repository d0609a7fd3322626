using FsCheck.Fluent;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Moments;
using static Kinetics.Tests.PhysicalGenerators;

namespace Kinetics.Tests.Moments;

public class SpeciesMomentsTests
{
    // A grid that resolves 𝓜[n,u,T;m]: box edge ≥ 9 thermal speeds σ from the drift (tail e^{−40.5} ≈ 3e-18) and
    // spacing h ≤ σ/1.4, so the midpoint rule's aliasing error 2e^{−2π²σ²/h²} ≤ 2e^{−38.7} ≈ 3e-17 (Poisson summation).
    // Both are below round-off: what remains is summation error.
    internal static CartesianGrid ResolvedGrid(MacroscopicState state, double mass)
    {
        double sigma = Math.Sqrt(state.Temperature / mass);
        Velocity3 u = state.BulkVelocity;
        double halfWidth = Math.Max(Math.Abs(u.X), Math.Max(Math.Abs(u.Y), Math.Abs(u.Z))) + (9.0 * sigma);
        int n = 2 * (int)Math.Ceiling(1.4 * halfWidth / sigma);
        return new CartesianGrid(n, halfWidth);
    }

    [Fact]
    public void Maxwellian_HasPrescribedMoments_OnResolvedGrids()
    {
        Check(MaxwellianSpecies, c =>
        {
            var (state, mass) = c;
            var grid = ResolvedGrid(state, mass);
            var moments = SpeciesMoments.Of(Maxwellian.OnGrid(grid, state, mass), mass);
            double sigma = Math.Sqrt(state.Temperature / mass);
            double n = state.Density, t = state.Temperature;
            Velocity3 u = state.BulkVelocity;
            // Row-then-marginal summation of N³ ≤ 35³ positive terms: worst-case relative error (N² + N)ε ≈ 3e-13.
            const double SumTolerance = 1e-12;
            Tolerance.AssertRelative(n, moments.Density, SumTolerance, "n");
            // u = ∫vF/n: the signed sum cancels, so its error is relative to ∫|v|F ≤ n(|u| + 2σ); 1e-11 covers 3e-13·(|u|+2σ)/σ.
            Tolerance.AssertAbsolute(u, moments.BulkVelocity, 1e-11 * (u.Length + sigma), "u");
            // T from the centred second moment (positive terms) plus a second-order effect of the u error.
            Tolerance.AssertRelative(t, moments.Temperature, 1e-11, "T");
            Tolerance.AssertAbsolute(mass * n * u, moments.Momentum, 1e-11 * mass * n * (u.Length + sigma), "m n u");
            Tolerance.AssertRelative((1.5 * n * t) + (0.5 * mass * n * u.LengthSquared), moments.Energy, 1e-11, "E");
            Assert.Equal(mass, moments.Mass);
            Assert.Equal(state, moments.ToMacroscopicState(), new StateComparer(1e-10));
        }, count: 60);
    }

    [Fact]
    public void Moments_MatchPointwiseReference_ForArbitraryDistributions()
    {
        var gen = from n in Gen.Choose(4, 13)
                  from halfWidth in LogUniform(0.5, 10.0)
                  from mass in Mass
                  from seed in Gen.Choose(0, int.MaxValue)
                  select (n, halfWidth, mass, seed);
        Check(gen, c =>
        {
            var grid = new CartesianGrid(c.n, c.halfWidth);
            var random = new Random(c.seed);
            var f = DistributionFunction.Sample(grid, _ => 0.1 + random.NextDouble());
            var moments = SpeciesMoments.Of(f, c.mass);

            // Reference: direct sums over grid points (slow, independent of the marginal algorithm).
            double n = 0.0, e = 0.0;
            var flux = Velocity3.Zero;
            for (int p = 0; p < grid.Count; p++)
            {
                var v = grid.Point(p);
                n += f.Values[p];
                flux += f.Values[p] * v;
                e += 0.5 * c.mass * v.LengthSquared * f.Values[p];
            }

            n *= grid.CellVolume;
            flux *= grid.CellVolume;
            e *= grid.CellVolume;
            var u = flux / n;
            double thermal = 0.0;
            for (int p = 0; p < grid.Count; p++)
            {
                thermal += 0.5 * c.mass * (grid.Point(p) - u).LengthSquared * f.Values[p];
            }

            double t = thermal * grid.CellVolume / (1.5 * n);
            // Two summation orders of ≤ 2197 positive terms (flux: signed, scaled by L): ≤ ~1e-13; 1e-12 headroom.
            Tolerance.AssertRelative(n, moments.Density, 1e-12, "n");
            Tolerance.AssertAbsolute(u, moments.BulkVelocity, 1e-12 * c.halfWidth, "u");
            Tolerance.AssertRelative(e, moments.Energy, 1e-12, "E");
            Tolerance.AssertRelative(t, moments.Temperature, 1e-12, "T");
        }, count: 50);
    }

    [Fact]
    public void SpanOverload_GivesTheRatesOfSignedData_AsTheDirectSums()
    {
        // A signed, zero-mean-ish block (as a collision term Q is): the span overload must give ∫Q, m∫vQ and ∫(m/2)|v|²Q.
        var grid = new CartesianGrid(10, 4.0);
        var random = new Random(17);
        double[] q = new double[grid.Count];
        double mass = 2.5, rate = 0, energy = 0;
        var momentum = Velocity3.Zero;
        for (int p = 0; p < grid.Count; p++)
        {
            var v = grid.Point(p);
            q[p] = random.NextDouble() - 0.5;
            rate += q[p];
            momentum += (mass * q[p]) * v;
            energy += 0.5 * mass * v.LengthSquared * q[p];
        }

        var moments = SpeciesMoments.Of(grid, q, mass);

        // Same sums in a different order (marginals vs points): cancellation in signed data of O(1) terms, so the
        // comparison is absolute at 1e-12 of the total absolute size (1000 terms ≲ 0.5 · L² each).
        Tolerance.AssertAbsolute(rate * grid.CellVolume, moments.Density, 1e-12 * grid.Count * grid.CellVolume, "∫Q");
        Tolerance.AssertAbsolute(momentum * grid.CellVolume, moments.Momentum, 1e-12 * grid.Count * grid.CellVolume * mass * 4.0, "m∫vQ");
        Tolerance.AssertAbsolute(energy * grid.CellVolume, moments.Energy, 1e-12 * grid.Count * grid.CellVolume * mass * 24.0, "∫(m/2)|v|²Q");

        // And it is the DistributionFunction overload, bit for bit.
        Assert.Equal(SpeciesMoments.Of(new DistributionFunction(grid, q), mass), moments);
        var error = Assert.Throws<ArgumentException>(() => SpeciesMoments.Of(grid, q.AsSpan(1), mass));
        Assert.Equal("values", error.ParamName);
    }

    [Fact]
    public void SpeciesGridOverload_GivesThePhysicalRates_AsTheDirectSumsAtShiftedPoints()
    {
        // Signed data on a grid centred at c: the rates must be the direct sums over the physical points c + v_p.
        var grid = new SpeciesGrid(new CartesianGrid(10, 3.0), new Velocity3(0.7, -1.9, 2.6));
        var random = new Random(29);
        double[] q = new double[grid.Count];
        double mass = 0.4, rate = 0, energy = 0, absolute = 0;
        var momentum = Velocity3.Zero;
        for (int p = 0; p < grid.Count; p++)
        {
            var v = grid.Point(p);
            q[p] = random.NextDouble() - 0.3;
            rate += q[p];
            momentum += (mass * q[p]) * v;
            energy += 0.5 * mass * v.LengthSquared * q[p];
            absolute += 0.5 * mass * v.LengthSquared * Math.Abs(q[p]);
        }

        var moments = SpeciesMoments.Of(grid, q, mass);

        // Same sums, regrouped (local moments plus the centre's terms): round-off of the absolute sums, 1e-13 relative.
        double h3 = grid.CellVolume;
        Tolerance.AssertAbsolute(rate * h3, moments.Density, 1e-13 * grid.Count * h3, "∫Q");
        Tolerance.AssertAbsolute(momentum * h3, moments.Momentum, 1e-13 * grid.Count * h3 * mass * 6.0, "m∫(c + v)Q");
        Tolerance.AssertAbsolute(energy * h3, moments.Energy, 1e-13 * absolute * h3, "∫(m/2)|c + v|²Q");

        // A drifting Maxwellian sampled around its own drift: the physical state comes back (temperature unchanged).
        var state = new MacroscopicState(0.8, grid.Centre, 1.7);
        var centred = new SpeciesGrid(ResolvedGrid(new MacroscopicState(0.8, Velocity3.Zero, 1.7), mass), grid.Centre);
        double[] f = new double[centred.Count];
        Maxwellian.Fill(centred.Grid, new MacroscopicState(0.8, Velocity3.Zero, 1.7), mass, f);
        var m = SpeciesMoments.Of(centred, f, mass);
        Tolerance.AssertRelative(state.Density, m.Density, 1e-13, "n");
        Tolerance.AssertAbsolute(state.BulkVelocity, m.BulkVelocity, 1e-13 * state.BulkVelocity.Length, "u");
        Tolerance.AssertRelative(state.Temperature, m.Temperature, 1e-13, "T");
        Tolerance.AssertRelative((1.5 * 0.8 * 1.7) + (0.5 * mass * 0.8 * state.BulkVelocity.LengthSquared), m.Energy, 1e-13, "E");
    }

    [Fact]
    public void Moments_ConvergeSpectrally_AsTheGridIsRefined()
    {
        // 𝓜[1, u, 1; 1] on [−8, 8]³: the midpoint rule's error is aliasing, |err| ≲ 3·2e^{−2π²σ²/h²} (Poisson
        // summation, three axes) — it must both obey this bound and be visible on the coarsest grid.
        var state = new MacroscopicState(1.0, new Velocity3(0.3, -0.2, 0.1), 1.0);
        double previous = double.PositiveInfinity;
        foreach (int n in new[] { 8, 10, 12, 16 })
        {
            var grid = new CartesianGrid(n, 8.0);
            double error = Math.Abs(SpeciesMoments.Of(Maxwellian.OnGrid(grid, state, 1.0), 1.0).Density - 1.0);
            double bound = 6.0 * Math.Exp(-2 * Math.PI * Math.PI / (grid.Spacing * grid.Spacing));
            Assert.True(error <= bound + 1e-14, $"N = {n}: error {error:E3} above the aliasing bound {bound:E3}");
            Assert.True(error < previous || error < 1e-14, $"N = {n}: error {error:E3} did not decrease");
            previous = error;
            if (n == 8)
            {
                // h = 2σ: the aliasing term is e^{−π²/2} ≈ 7e-3; the test would not see a wrong weight otherwise.
                Assert.True(error > 1e-3, $"N = 8: error {error:E3} is suspiciously small");
            }
        }
    }

    [Fact]
    public void RadialMaxwellian_HasPrescribedMoments_OnGaussGrid()
    {
        var gen = from n in Density
                  from t in Temperature
                  from m in Mass
                  select (n, t, m);
        Check(gen, c =>
        {
            double sigma = Math.Sqrt(c.t / c.m);
            var grid = new RadialGrid(40, 9.0 * sigma);
            var state = new MacroscopicState(c.n, c.t);
            var moments = SpeciesMoments.Of(Maxwellian.OnGrid(grid, state, c.m), c.m);
            // 40 Gauss nodes for the entire integrand e^{−r²/2σ²} on [0, 9σ]: truncation e^{−40.5} and quadrature error
            // far below round-off; 40 positive terms → 1e-13.
            Tolerance.AssertRelative(c.n, moments.Density, 1e-13, "n");
            Tolerance.AssertRelative(c.t, moments.Temperature, 1e-13, "T");
            Assert.Equal(Velocity3.Zero, moments.BulkVelocity);
        });
    }

    [Fact]
    public void RadialCellCentredGrid_IsSecondOrder()
    {
        // 𝓜[1, 0, 1; 1] on [0, 9]: doubling n must divide the density error by ≈ 4 (midpoint rule on shells).
        double Error(int n) => Math.Abs(SpeciesMoments.Of(Maxwellian.OnGrid(new RadialGrid(n, 9.0, RadialNodes.CellCentred), MacroscopicState.Unit, 1.0), 1.0).Density - 1.0);
        double e1 = Error(50), e2 = Error(100), e3 = Error(200);
        Assert.InRange(e1 / e2, 3.6, 4.4);
        Assert.InRange(e2 / e3, 3.8, 4.2);
    }

    [Fact]
    public void ToMacroscopicState_RejectsNonPhysicalMoments()
    {
        var grid = new CartesianGrid(4, 1.0);
        var zero = new DistributionFunction(grid);
        var moments = SpeciesMoments.Of(zero, 1.0);
        // A vacuum species has u = 0 and T = 0 by definition (not NaN), and no macroscopic state.
        Assert.Equal(0.0, moments.Temperature);
        Assert.Equal(Velocity3.Zero, moments.BulkVelocity);
        var ex = Assert.Throws<InvalidOperationException>(() => moments.ToMacroscopicState());
        Assert.Contains("density", ex.Message, StringComparison.Ordinal);
    }

    private sealed class StateComparer(double relative) : IEqualityComparer<MacroscopicState>
    {
        public bool Equals(MacroscopicState a, MacroscopicState b) =>
            Math.Abs(a.Density - b.Density) <= relative * a.Density
            && Math.Abs(a.Temperature - b.Temperature) <= relative * a.Temperature
            && (a.BulkVelocity - b.BulkVelocity).Length <= relative * (1 + a.BulkVelocity.Length + Math.Sqrt(a.Temperature));

        public int GetHashCode(MacroscopicState obj) => 0;
    }
}
