using FsCheck.Fluent;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Mixtures;
using static Kinetics.Tests.PhysicalGenerators;

namespace Kinetics.Tests.Distributions;

public class MaxwellianTests
{
    [Fact]
    public void Evaluate_FollowsTheConvention_AndSqrtSquaresToIt()
    {
        Check(from s in MaxwellianSpecies from v in Vector(5.0) select (s, v), c =>
        {
            var (state, m) = c.s;
            double beta = m / (2 * state.Temperature);
            // 𝓜[n,u,T;m](v) = n (m/(2πT))^{3/2} exp(−m|v−u|²/(2T)) (MATH.md §1), written out independently.
            double d2 = Math.Pow(c.v.X - state.BulkVelocity.X, 2) + Math.Pow(c.v.Y - state.BulkVelocity.Y, 2) + Math.Pow(c.v.Z - state.BulkVelocity.Z, 2);
            double expected = state.Density * Math.Pow(m / (2 * Math.PI * state.Temperature), 1.5) * Math.Exp(-beta * d2);
            // exp of an argument up to ~10³ carries relative error ≈ ε·|argument|.
            double tolerance = 1e-14 * (1 + (beta * d2));
            // Far tails reach subnormal numbers, which carry no relative accuracy: compare relative to ≥ 1e-300.
            Tolerance.AssertRelative(expected, Maxwellian.Evaluate(state, m, c.v), tolerance, "𝓜", floor: 1e-300);
            double root = Maxwellian.EvaluateSqrt(state, m, c.v);
            Tolerance.AssertRelative(expected, root * root, 2 * tolerance, "(√𝓜)²", floor: 1e-300);
        });
    }

    [Fact]
    public void Fill_MatchesEvaluate_OnCartesianAndRadialGrids()
    {
        var grid = new CartesianGrid(9, 3.0);
        var state = new MacroscopicState(1.7, new Velocity3(0.2, -0.4, 0.3), 0.8);
        var f = Maxwellian.OnGrid(grid, state, 2.0);
        var root = new double[grid.Count];
        Maxwellian.FillSqrt(grid, state, 2.0, root);
        for (int p = 0; p < grid.Count; p++)
        {
            // Separable product of three exponentials vs one: a few ulps times the argument size (≤ 30).
            Tolerance.AssertRelative(Maxwellian.Evaluate(state, 2.0, grid.Point(p)), f.Values[p], 1e-13, $"𝓜 at {p}");
            Tolerance.AssertRelative(Maxwellian.EvaluateSqrt(state, 2.0, grid.Point(p)), root[p], 1e-13, $"√𝓜 at {p}");
        }

        var radial = new RadialGrid(10, 4.0);
        var g = Maxwellian.OnGrid(radial, new MacroscopicState(1.7, 0.8), 2.0);
        for (int i = 0; i < radial.Count; i++)
        {
            Tolerance.AssertRelative(Maxwellian.Evaluate(new MacroscopicState(1.7, 0.8), 2.0, new Velocity3(0, 0, radial.Radii[i])), g.Values[i], 1e-14, $"radial {i}");
        }
    }

    [Fact]
    public void Global_IsTheUnitMaxwellianOfEachSpecies()
    {
        var grid = new CartesianGrid(6, 5.0);
        var mixture = new Mixture(new Species("N2", 7.0), new Species("O2", 8.0));
        var mu = Maxwellian.Global(grid, mixture);
        Assert.Equal(2, mu.Length);
        for (int a = 0; a < 2; a++)
        {
            Assert.Equal(Maxwellian.OnGrid(grid, MacroscopicState.Unit, mixture[a].Mass).Values.ToArray(), mu[a].Values.ToArray());
        }
    }
}
