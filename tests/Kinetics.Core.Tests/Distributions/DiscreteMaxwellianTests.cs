using FsCheck.Fluent;
using Kinetics.Distributions;
using Kinetics.Grids;
using static Kinetics.Tests.PhysicalGenerators;

namespace Kinetics.Tests.Distributions;

public class DiscreteMaxwellianTests
{
    // Random (n, u, T, m) on a 16³ grid whose spacing is 0.4–1.2 thermal speeds and whose box holds ≥ 5 thermal speeds
    // beyond the drift: the regime where the sampled Maxwellian's grid moments are off by 1e−9 … 1e−4.
    private static readonly FsCheck.Gen<(CartesianGrid Grid, MacroscopicState State, double Mass)> Cases =
        from mass in Mass
        from temperature in Temperature
        from spacing in Uniform(0.4, 1.2)
        from drift in Vector(1.0)
        let c = Math.Sqrt(temperature / mass)
        let halfWidth = 8 * spacing * c
        let u = drift * (Math.Max(0.0, halfWidth - (5 * c)) / Math.Sqrt(3))
        from density in Density
        select (new CartesianGrid(16, halfWidth), new MacroscopicState(density, u, temperature), mass);

    [Fact]
    public void DiscreteMaxwellian_HasTheRequestedGridMomentsToRoundOff()
    {
        PropertyCheck.Run(40, FsCheck.Fluent.Prop.ForAll(Cases.ToArbitrary(), test =>
        {
            var (grid, state, mass) = test;
            double[] f = new double[grid.Count];
            DiscreteMaxwellian.Fill(grid, state, mass, f);

            // Moments recomputed here by plain loops (not by SpeciesMoments, which the Newton iteration does not use either).
            double n = 0, jx = 0, jy = 0, jz = 0, e = 0;
            var axis = grid.Axis;
            for (int i = 0, p = 0; i < 16; i++)
            {
                for (int j = 0; j < 16; j++)
                {
                    for (int k = 0; k < 16; k++, p++)
                    {
                        n += f[p];
                        jx += axis[i] * f[p];
                        jy += axis[j] * f[p];
                        jz += axis[k] * f[p];
                        e += ((axis[i] * axis[i]) + (axis[j] * axis[j]) + (axis[k] * axis[k])) * f[p];
                    }
                }
            }

            double h3 = grid.CellVolume, c2 = state.Temperature / mass;
            n *= h3;
            var u = new Velocity3(jx, jy, jz) * (h3 / n);
            double temperature = mass * ((e * h3 / n) - u.LengthSquared) / 3;
            double scale = Math.Sqrt(c2) + state.BulkVelocity.Length;

            // Observed: ≤ 3e−15 relative (density, temperature) and ≤ 2e−15 of the speed scale (drift); 1e−13 is ≥ 30×.
            return Math.Abs((n / state.Density) - 1) < 1e-13
                && Math.Abs((temperature / state.Temperature) - 1) < 1e-13
                && (u - state.BulkVelocity).Length < 1e-13 * scale
                && f.All(x => x > 0);
        }));
    }

    [Fact]
    public void SampledMaxwellian_IsOffWhereTheDiscreteOneIsExact()
    {
        // h = 1.1 thermal speeds: the sampled Maxwellian's grid temperature is off by ~1e−5, the discrete one is not.
        var grid = new CartesianGrid(16, 8 * 1.1);
        var state = new MacroscopicState(1.0, new Velocity3(0.3, 0, 0), 1.0);
        var sampled = Kinetics.Moments.SpeciesMoments.Of(Maxwellian.OnGrid(grid, state, 1.0), 1.0);
        var discrete = Kinetics.Moments.SpeciesMoments.Of(DiscreteMaxwellian.OnGrid(grid, state, 1.0), 1.0);
        Assert.True(Math.Abs(sampled.Temperature - 1) > 1e-7, $"sampled T − 1 = {sampled.Temperature - 1:E2}");
        Assert.True(Math.Abs(discrete.Temperature - 1) < 1e-13, $"discrete T − 1 = {discrete.Temperature - 1:E2}");
    }

    [Fact]
    public void DiscreteMaxwellian_RejectsMomentsTheGridCannotCarry()
    {
        // A drift beyond the box: no positive grid function has this mean velocity.
        var grid = new CartesianGrid(8, 2.0);
        Assert.Throws<ArgumentException>(() => DiscreteMaxwellian.OnGrid(grid, new MacroscopicState(1.0, new Velocity3(3.0, 0, 0), 0.01), 1.0));
    }
}
