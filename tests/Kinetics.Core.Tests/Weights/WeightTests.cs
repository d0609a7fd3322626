using FsCheck.Fluent;
using Kinetics.Grids;
using Kinetics.Weights;
using static Kinetics.Tests.PhysicalGenerators;

namespace Kinetics.Tests.Weights;

public class WeightTests
{
    [Fact]
    public void JapaneseBracket_BothConventions_MatchTheirDefinitions_AndAreEquivalent()
    {
        Check(Vector(50.0), v =>
        {
            double r = Math.Sqrt((v.X * v.X) + (v.Y * v.Y) + (v.Z * v.Z));
            double onePlus = JapaneseBracket.Evaluate(v, BracketConvention.OnePlusNorm);
            double root = JapaneseBracket.Evaluate(v, BracketConvention.SquareRootOnePlusSquare);
            Assert.Equal(1.0 + r, onePlus, 14);
            Tolerance.AssertRelative(Math.Sqrt(1.0 + (r * r)), root, 4e-16, "√(1+|v|²)");
            // (1 + r)/√2 ≤ √(1 + r²) ≤ 1 + r, since 2(1 + r²) − (1 + r)² = (1 − r)² ≥ 0 (one ulp of slack each side).
            Assert.InRange(root, (onePlus / Math.Sqrt(2.0)) * (1 - 4e-16), onePlus * (1 + 4e-16));
            Tolerance.AssertRelative(Math.Pow(onePlus, -2.5), JapaneseBracket.Power(v, -2.5, BracketConvention.OnePlusNorm), 1e-15, "⟨v⟩^ℓ");
        });
    }

    [Fact]
    public void JapaneseBracket_Conventions_DifferAwayFromZero()
    {
        // The conventions are not interchangeable: at |v| = 1 they give 2 and √2.
        var v = new Velocity3(1, 0, 0);
        Assert.Equal(2.0, JapaneseBracket.Evaluate(v, BracketConvention.OnePlusNorm));
        Assert.Equal(Math.Sqrt(2.0), JapaneseBracket.Evaluate(v, BracketConvention.SquareRootOnePlusSquare), 15);
    }

    [Theory]
    [InlineData(BracketConvention.OnePlusNorm)]
    [InlineData(BracketConvention.SquareRootOnePlusSquare)]
    public void JapaneseBracket_FillOnGrids_MatchesPointwise(BracketConvention convention)
    {
        var gen = from n in Gen.Choose(4, 13)
                  from ell in Uniform(-6.0, 6.0)
                  select (n, ell);
        Check(gen, c =>
        {
            var grid = new CartesianGrid(c.n, 5.0);
            var values = new double[grid.Count];
            JapaneseBracket.Fill(grid, c.ell, convention, values);
            for (int p = 0; p < grid.Count; p++)
            {
                // Vectorised sqrt/pow vs scalar Math.Pow: a few ulps, times |ℓ| for the exponent's amplification.
                Tolerance.AssertRelative(JapaneseBracket.Power(grid.Point(p), c.ell, convention), values[p], 1e-14 * (1 + Math.Abs(c.ell)), $"point {p}");
            }

            var radial = new RadialGrid(c.n, 5.0);
            var radialValues = new double[radial.Count];
            JapaneseBracket.Fill(radial, c.ell, convention, radialValues);
            for (int i = 0; i < radial.Count; i++)
            {
                Tolerance.AssertRelative(Math.Pow(JapaneseBracket.Evaluate(radial.Radii[i], convention), c.ell), radialValues[i], 1e-14 * (1 + Math.Abs(c.ell)), $"radius {i}");
            }
        }, count: 30);
    }

    [Fact]
    public void GaussianWeight_Fill_MatchesPointwise()
    {
        var gen = from n in Gen.Choose(4, 13)
                  from q in Uniform(-2.0, 0.5)
                  select (n, q);
        Check(gen, c =>
        {
            var grid = new CartesianGrid(c.n, 4.0);
            var values = new double[grid.Count];
            GaussianWeight.Fill(grid, c.q, values);
            for (int p = 0; p < grid.Count; p++)
            {
                var v = grid.Point(p);
                // exp of q|v|² ≤ 24 in magnitude: relative error ≈ ε·|q|v|²| from the rounded argument.
                Tolerance.AssertRelative(Math.Exp(c.q * ((v.X * v.X) + (v.Y * v.Y) + (v.Z * v.Z))), values[p], 1e-14 * (1 + Math.Abs(c.q * v.LengthSquared)), $"point {p}");
                Tolerance.AssertRelative(GaussianWeight.Evaluate(v, c.q), values[p], 1e-14 * (1 + Math.Abs(c.q * v.LengthSquared)), $"pointwise {p}");
            }

            var radial = new RadialGrid(c.n, 4.0);
            var radialValues = new double[radial.Count];
            GaussianWeight.Fill(radial, c.q, radialValues);
            for (int i = 0; i < radial.Count; i++)
            {
                double r = radial.Radii[i];
                Tolerance.AssertRelative(Math.Exp(c.q * r * r), radialValues[i], 1e-14 * (1 + Math.Abs(c.q * r * r)), $"radius {i}");
            }
        }, count: 30);
    }

    [Fact]
    public void Weights_RejectInvalidArguments_NamingTheParameter()
    {
        var grid = new CartesianGrid(4, 1.0);
        Assert.Equal("convention", Assert.Throws<ArgumentOutOfRangeException>(() => JapaneseBracket.Evaluate(Velocity3.Zero, (BracketConvention)7)).ParamName);
        Assert.Equal("convention", Assert.Throws<ArgumentOutOfRangeException>(() => JapaneseBracket.Fill(grid, 1.0, (BracketConvention)7, new double[64])).ParamName);
        Assert.Equal("exponent", Assert.Throws<ArgumentOutOfRangeException>(() => JapaneseBracket.Power(Velocity3.Zero, double.NaN, BracketConvention.OnePlusNorm)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => JapaneseBracket.Fill(grid, 1.0, BracketConvention.OnePlusNorm, new double[63])).ParamName);
        Assert.Equal("rate", Assert.Throws<ArgumentOutOfRangeException>(() => GaussianWeight.Fill(grid, double.PositiveInfinity, new double[64])).ParamName);
        Assert.Equal("v", Assert.Throws<ArgumentOutOfRangeException>(() => GaussianWeight.Evaluate(new Velocity3(double.NaN, 0, 0), -1.0)).ParamName);
        Assert.Equal("speed", Assert.Throws<ArgumentOutOfRangeException>(() => JapaneseBracket.Evaluate(-1.0, BracketConvention.OnePlusNorm)).ParamName);
    }
}
