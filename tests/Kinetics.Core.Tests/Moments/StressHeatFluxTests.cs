using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Mixtures;
using Kinetics.Moments;

namespace Kinetics.Tests.Moments;

public class StressHeatFluxTests
{
    // One bump: density n, mean w and velocity covariance Θ = R diag(s²) Rᵀ (R a rotation about a random axis), so the
    // bump is a drifting anisotropic Maxwellian with off-diagonal stress.
    private sealed record Bump(double Density, Velocity3 Mean, double[,] Covariance, double[,] Rotation, double[] Sigmas)
    {
        public double Value(Velocity3 v)
        {
            double quadratic = 0.0;
            for (int r = 0; r < 3; r++)
            {
                // y_r = (Rᵀ(v − w))_r
                double y = (Rotation[0, r] * (v.X - Mean.X)) + (Rotation[1, r] * (v.Y - Mean.Y)) + (Rotation[2, r] * (v.Z - Mean.Z));
                quadratic += y * y / (Sigmas[r] * Sigmas[r]);
            }

            double norm = Math.Pow(2 * Math.PI, 1.5) * Sigmas[0] * Sigmas[1] * Sigmas[2];
            return Density / norm * Math.Exp(-0.5 * quadratic);
        }
    }

    private static Bump RandomBump(Random random)
    {
        double[] sigmas = [0.5 + (0.4 * random.NextDouble()), 0.5 + (0.4 * random.NextDouble()), 0.5 + (0.4 * random.NextDouble())];
        // Rotation by angle φ about the unit axis a (Rodrigues).
        var axis = new Velocity3(random.NextDouble() - 0.5, random.NextDouble() - 0.5, random.NextDouble() - 0.5);
        axis /= axis.Length;
        double phi = Math.PI * random.NextDouble(), c = Math.Cos(phi), s = Math.Sin(phi);
        double[] a = [axis.X, axis.Y, axis.Z];
        var rotation = new double[3, 3];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                rotation[i, j] = (i == j ? c : 0) + ((1 - c) * a[i] * a[j]);
            }
        }

        rotation[0, 1] -= s * a[2];
        rotation[1, 0] += s * a[2];
        rotation[0, 2] += s * a[1];
        rotation[2, 0] -= s * a[1];
        rotation[1, 2] -= s * a[0];
        rotation[2, 1] += s * a[0];
        var covariance = new double[3, 3];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                for (int r = 0; r < 3; r++)
                {
                    covariance[i, j] += rotation[i, r] * sigmas[r] * sigmas[r] * rotation[j, r];
                }
            }
        }

        var mean = new Velocity3(random.NextDouble() - 0.5, random.NextDouble() - 0.5, random.NextDouble() - 0.5);
        return new Bump(0.3 + random.NextDouble(), mean, covariance, rotation, sigmas);
    }

    // Closed forms about u, d = w − u: P = m n (Θ + d dᵀ), q = (m n/2)[(tr Θ + |d|²) d + 2Θd], summed over bumps.
    private static StressHeatFlux ClosedForm(IEnumerable<Bump> bumps, double mass, Velocity3 u)
    {
        var p = new double[3, 3];
        double[] q = new double[3];
        foreach (var b in bumps)
        {
            double[] d = [b.Mean.X - u.X, b.Mean.Y - u.Y, b.Mean.Z - u.Z];
            double trace = b.Covariance[0, 0] + b.Covariance[1, 1] + b.Covariance[2, 2];
            double d2 = (d[0] * d[0]) + (d[1] * d[1]) + (d[2] * d[2]);
            for (int i = 0; i < 3; i++)
            {
                double thetaD = 0.0;
                for (int j = 0; j < 3; j++)
                {
                    p[i, j] += mass * b.Density * (b.Covariance[i, j] + (d[i] * d[j]));
                    thetaD += b.Covariance[i, j] * d[j];
                }

                q[i] += 0.5 * mass * b.Density * (((trace + d2) * d[i]) + (2 * thetaD));
            }
        }

        return new StressHeatFlux(new SymmetricTensor3(p[0, 0], p[1, 1], p[2, 2], p[0, 1], p[0, 2], p[1, 2]), new Velocity3(q[0], q[1], q[2]));
    }

    private static void AssertClose(StressHeatFlux expected, StressHeatFlux actual, double stressScale, double fluxScale, double relative, string what)
    {
        SymmetricTensor3 e = expected.Stress, a = actual.Stress;
        (double, double, string)[] stress = [(e.Xx, a.Xx, "xx"), (e.Yy, a.Yy, "yy"), (e.Zz, a.Zz, "zz"), (e.Xy, a.Xy, "xy"), (e.Xz, a.Xz, "xz"), (e.Yz, a.Yz, "yz")];
        foreach (var (x, y, name) in stress)
        {
            Tolerance.AssertAbsolute(x, y, relative * stressScale, $"{what} P_{name}");
        }

        Tolerance.AssertAbsolute(expected.HeatFlux, actual.HeatFlux, relative * fluxScale, $"{what} q");
    }

    [Fact]
    public void StressAndHeatFlux_OfSumsOfDriftingAnisotropicMaxwellians_MatchTheClosedForms()
    {
        // Two species (m = 1 and 4), each a sum of two rotated anisotropic drifting Maxwellians (σ ∈ [0.5, 0.9], |w| ≤ 0.87),
        // on a grid with L = 9.5 ≥ |w| + 9.5σ and h = L/27 ≤ σ/1.4: the midpoint rule is then exact for these Gaussians up to
        // the box truncation e^{−45} and summation round-off (~1e-13), so the 1e-11 margin is ~100× the round-off.
        var grid = new CartesianGrid(54, 9.5);
        double[] masses = [1.0, 4.0];
        var mixture = new Mixture(new Species("A", masses[0]), new Species("B", masses[1]));
        for (int seed = 1; seed <= 4; seed++)
        {
            var random = new Random(seed);
            Bump[][] species = [[RandomBump(random), RandomBump(random)], [RandomBump(random), RandomBump(random)]];
            double[] stacked = new double[2 * grid.Count];
            for (int a = 0; a < 2; a++)
            {
                for (int p = 0; p < grid.Count; p++)
                {
                    stacked[(a * grid.Count) + p] = species[a][0].Value(grid.Point(p)) + species[a][1].Value(grid.Point(p));
                }
            }

            // Independent bulk velocities from the inputs.
            var own = new Velocity3[2];
            double rho = 0.0;
            var momentum = Velocity3.Zero;
            for (int a = 0; a < 2; a++)
            {
                double n = species[a].Sum(b => b.Density);
                var flux = species[a].Aggregate(Velocity3.Zero, (acc, b) => acc + (b.Density * b.Mean));
                own[a] = flux / n;
                rho += masses[a] * n;
                momentum += masses[a] * flux;
            }

            Velocity3 u = momentum / rho;
            // Scales: P ~ m n (σ² + |d|²) ≤ 4·2.6·1.6, q ~ m n (σ² + |d|²)^{3/2}.
            const double StressScale = 20.0, FluxScale = 40.0, Relative = 1e-11;
            var mixtureTotal = default(StressHeatFlux);
            for (int a = 0; a < 2; a++)
            {
                ReadOnlySpan<double> f = stacked.AsSpan(a * grid.Count, grid.Count);
                AssertClose(ClosedForm(species[a], masses[a], own[a]), StressHeatFlux.Of(grid, f, masses[a]), StressScale, FluxScale, Relative, $"seed {seed}, species {a}, own u");
                AssertClose(ClosedForm(species[a], masses[a], u), StressHeatFlux.About(grid, f, masses[a], u), StressScale, FluxScale, Relative, $"seed {seed}, species {a}, mixture u");
                mixtureTotal += ClosedForm(species[a], masses[a], u);
            }

            var mixed = StressHeatFlux.OfMixture(grid, stacked, masses);
            AssertClose(mixtureTotal, mixed, StressScale, FluxScale, Relative, $"seed {seed}, mixture");

            // tr P = 3 n T with the temperatures of MixtureMoments (read from the same span).
            var moments = MixtureMoments.Of(mixture, grid, stacked);
            Tolerance.AssertRelative(3 * moments.Density * moments.Temperature, mixed.Stress.Trace, 1e-12, $"seed {seed}, tr P = 3nT");
        }
    }

    [Fact]
    public void StressAndHeatFlux_OnPerSpeciesGrids_MatchThePointwiseDefinition()
    {
        // Random positive data on two boxes with different N, L and centres: the reference is the direct sum over points
        // of m h³ c c F and (m/2) h³ |c|² c F with c = (centre + v_p) − u, u the barycentric velocity summed the same way.
        var random = new Random(11);
        var grids = new SpeciesGrids([new SpeciesGrid(new CartesianGrid(10, 3.0), new Velocity3(0.2, -0.1, 0.3)), new SpeciesGrid(new CartesianGrid(12, 1.5), new Velocity3(-0.4, 0.1, 0.0))]);
        double[] masses = [1.0, 7.0];
        double[] stacked = new double[grids.TotalCount];
        for (int p = 0; p < stacked.Length; p++)
        {
            stacked[p] = random.NextDouble();
        }

        double rho = 0.0;
        var momentum = Velocity3.Zero;
        for (int a = 0; a < 2; a++)
        {
            var f = grids.Slice(stacked, a);
            for (int p = 0; p < f.Length; p++)
            {
                double w = masses[a] * grids[a].CellVolume * f[p];
                rho += w;
                momentum += w * grids[a].Point(p);
            }
        }

        Velocity3 u = momentum / rho;
        double pxx = 0, pyy = 0, pzz = 0, pxy = 0, pxz = 0, pyz = 0;
        var q = Velocity3.Zero;
        for (int a = 0; a < 2; a++)
        {
            var f = grids.Slice(stacked, a);
            for (int p = 0; p < f.Length; p++)
            {
                var c = grids[a].Point(p) - u;
                double w = masses[a] * grids[a].CellVolume * f[p];
                pxx += w * c.X * c.X;
                pyy += w * c.Y * c.Y;
                pzz += w * c.Z * c.Z;
                pxy += w * c.X * c.Y;
                pxz += w * c.X * c.Z;
                pyz += w * c.Y * c.Z;
                q += 0.5 * w * c.LengthSquared * c;
            }
        }

        var expected = new StressHeatFlux(new SymmetricTensor3(pxx, pyy, pzz, pxy, pxz, pyz), q);
        // Two summation orders of ~3,000 terms of mixed sign in the off-diagonal parts: ≤ ~1e-13 of the diagonal scale.
        double stressScale = Math.Max(pxx, Math.Max(pyy, pzz));
        double fluxScale = stressScale * 3.0;
        AssertClose(expected, StressHeatFlux.OfMixture(grids, stacked, masses), stressScale, fluxScale, 1e-12, "per-species grids");

        // The species terms about u add up to the mixture's.
        var sum = StressHeatFlux.About(grids[0], grids.Slice(stacked, 0), masses[0], u) + StressHeatFlux.About(grids[1], grids.Slice(stacked, 1), masses[1], u);
        AssertClose(expected, sum, stressScale, fluxScale, 1e-12, "sum of species");

        // MixtureMoments on the same span: tr P = 3 n T.
        var mixture = new Mixture(new Species("A", masses[0]), new Species("B", masses[1]));
        var moments = MixtureMoments.Of(mixture, grids, stacked);
        Tolerance.AssertRelative(pxx + pyy + pzz, 3 * moments.Density * moments.Temperature, 1e-12, "tr P = 3nT");
        Tolerance.AssertAbsolute(u, moments.BulkVelocity, 1e-13, "u");
    }

    [Fact]
    public void SpanOverloads_EqualTheDistributionOverloads_AndAllocateNothing()
    {
        var grid = new CartesianGrid(12, 4.0);
        var mixture = new Mixture(new Species("light", 0.5), new Species("heavy", 4.0));
        var random = new Random(3);
        // Values with a few negative points, so the entropy's F ≤ 0 rule is exercised.
        var f = new[] { DistributionFunction.Sample(grid, _ => random.NextDouble() - 0.05), DistributionFunction.Sample(grid, _ => random.NextDouble() - 0.05) };
        double[] stacked = [.. f[0].ReadOnlyValues, .. f[1].ReadOnlyValues];

        // Same code path on the same values: bit-identical.
        Assert.Equal(Entropy.Of(f), Entropy.Of(grid, stacked));
        Assert.Equal(Entropy.Of(f), Entropy.Of(SpeciesGrids.Shared(grid, 2), stacked));
        var fromList = MixtureMoments.Of(mixture, f);
        var fromSpan = MixtureMoments.Of(mixture, grid, stacked);
        Assert.Equal(fromList.Temperature, fromSpan.Temperature);
        Assert.Equal(fromList.Momentum, fromSpan.Momentum);
        Assert.Equal(fromList.Species, fromSpan.Species);
        Assert.Equal(StressHeatFlux.OfMixture(grid, stacked, mixture.Masses()), StressHeatFlux.OfMixture(SpeciesGrids.Shared(grid, 2), stacked, mixture.Masses()));

        double[] masses = mixture.Masses();
        var grids = SpeciesGrids.Shared(grid, 2);
        AllocationCheck.AssertNone(() => Entropy.Of(grid, stacked), "Entropy.Of(grid, span)");
        AllocationCheck.AssertNone(() => Entropy.Of(grids, stacked), "Entropy.Of(grids, span)");
        AllocationCheck.AssertNone(() => StressHeatFlux.OfMixture(grid, stacked, masses), "StressHeatFlux.OfMixture(grid)");
        AllocationCheck.AssertNone(() => StressHeatFlux.OfMixture(grids, stacked, masses), "StressHeatFlux.OfMixture(grids)");
        AllocationCheck.AssertNone(() => StressHeatFlux.Of(grid, stacked.AsSpan(0, grid.Count), masses[0]), "StressHeatFlux.Of");
    }

    [Fact]
    public void BadInput_IsRejectedWithTheParameterName()
    {
        var grid = new CartesianGrid(8, 3.0);
        double[] values = new double[grid.Count];
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => StressHeatFlux.Of(grid, values.AsSpan(1), 1.0)).ParamName);
        Assert.Equal("mass", Assert.Throws<ArgumentOutOfRangeException>(() => StressHeatFlux.Of(grid, values, 0.0)).ParamName);
        Assert.Equal("about", Assert.Throws<ArgumentOutOfRangeException>(() => StressHeatFlux.About(grid, values, 1.0, new Velocity3(double.NaN, 0, 0))).ParamName);
        Assert.Equal("stacked", Assert.Throws<ArgumentException>(() => StressHeatFlux.OfMixture(grid, values, [1.0, 2.0])).ParamName);
        Assert.Equal("masses", Assert.Throws<ArgumentException>(() => StressHeatFlux.OfMixture(grid, values, [])).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Entropy.Of(grid, values.AsSpan(3))).ParamName);
        values[5] = double.NaN;
        Assert.Throws<ArgumentException>(() => StressHeatFlux.Of(grid, values, 1.0));
        Assert.Throws<ArgumentException>(() => Entropy.Of(grid, values));
    }
}
