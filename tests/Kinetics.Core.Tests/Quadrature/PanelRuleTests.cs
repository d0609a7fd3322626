using Kinetics.Quadrature;

namespace Kinetics.Tests.Quadrature;

public class PanelRuleTests
{
    [Fact]
    public void GradedTowardASingularPoint_IntegratesAnInverseSquareRootToRoundOff()
    {
        // ∫₀¹ x^{1/2} dx = 2/3 to round-off (1e−13). ∫₀¹ x^{−1/2} dx = 2: the ratio-4 panels leave 4e−13 (FromOrigin)
        // and 6e−13 (TowardLowerEnd, 60 levels), asserted at 2e−12 (margin ≤ 5×); TowardPoint stops grading at
        // 1e−16·width, and its last panel [0, 6e−18] (∫ = 5e−9) is integrated to 2.6e−10, asserted at 1e−9 (margin 4×).
        // Uniform panels alone miss the singular integral by about 1e−2.
        var rule = PanelRule.Create(12);
        static double F(double x) => 1.0 / Math.Sqrt(x);
        Tolerance.AssertRelative(2.0 / 3.0, rule.Integrate(Math.Sqrt, GradedPanels.TowardPoint(0.0, 0.0, 1.0, 0.25, 0.0)), 1e-13, "TowardPoint, √x");
        Tolerance.AssertRelative(2.0, rule.Integrate(F, GradedPanels.TowardPoint(0.0, 0.0, 1.0, 0.25, 0.0)), 1e-9, "TowardPoint, 1/√x");
        Tolerance.AssertRelative(2.0, rule.Integrate(F, GradedPanels.TowardLowerEnd(0.0, 1.0, 0.25, 1.0, levels: 60)), 2e-12, "TowardLowerEnd");
        Tolerance.AssertRelative(2.0, Sum(rule.Nodes(GradedPanels.FromOrigin(0.5, 1.0, 2, 1e-30)), F), 2e-12, "FromOrigin");
        double uniform = rule.Integrate(F, GradedPanels.Uniform(0.0, 1.0, 0.25));
        Assert.True(Math.Abs(uniform - 2.0) > 1e-3, $"uniform panels must visibly miss the singular integral (error {Math.Abs(uniform - 2.0):E2})");
    }

    [Fact]
    public void NodesAndIntegrate_SeeTheSamePanels_AndCoverTheRange()
    {
        var rule = PanelRule.Create(8);
        static double F(double x) => Math.Exp(-x) * Math.Pow(x, 0.3);
        var layouts = new[]
        {
            GradedPanels.Uniform(0.5, 3.0, 0.4),
            GradedPanels.TowardPoint(-0.1, 0.0, 3.0, 0.5, 1e-4),
            GradedPanels.TowardPoint(double.NegativeInfinity, 0.0, 3.0, 0.5, 0.0),
            GradedPanels.TowardLowerEnd(0.0, 3.0, 0.5, 1.0),
            GradedPanels.FromOrigin(1.0, 3.0, 4, 1e-6),
        };
        foreach (var layout in layouts)
        {
            var nodes = rule.Nodes(layout);
            Assert.True(nodes.Count % rule.Order == 0, $"whole panels only ({nodes.Count} nodes, order {rule.Order})");
            Assert.True(nodes.TrueForAll(n => n.X > layout.Lo && n.X < layout.Hi), $"every node inside ({layout.Lo}, {layout.Hi})");

            // The same panels in the same order: the two sums agree to the last bits.
            Tolerance.AssertRelative(rule.Integrate(F, layout), Sum(nodes, F), 4e-16, $"Σ w f(x) on [{layout.Lo}, {layout.Hi}]");
            Tolerance.AssertRelative(layout.Hi - layout.Lo, Sum(nodes, _ => 1.0), 1e-14, $"Σ w on [{layout.Lo}, {layout.Hi}]");
        }
    }

    [Fact]
    public void InvalidArguments_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PanelRule.Create(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => GradedPanels.Uniform(0.0, double.PositiveInfinity, 1.0));
        Assert.Empty(PanelRule.Create(4).Nodes(GradedPanels.Uniform(1.0, 1.0, 0.5)));
    }

    private static double Sum(List<(double X, double W)> nodes, Func<double, double> f)
    {
        double sum = 0.0;
        foreach (var (x, w) in nodes)
        {
            sum += w * f(x);
        }

        return sum;
    }
}
