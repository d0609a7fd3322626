using Kinetics.Quadrature;

namespace Kinetics.Tests.Quadrature;

public class ProductDirectionsTests
{
    [Fact]
    public void SphereAndHemisphere_IntegrateLowDegreePolynomialsExactly_AndPlaceTheFrameAboutAnyAxis()
    {
        // Whole sphere: ∫ 1 = 4π, ∫ z² = 4π/3, ∫ x² y² = 4π/15; hemisphere z ≥ 0: ∫ z = π. Exact to round-off.
        var sphere = ProductDirections.Create(GaussLegendreRule.Create(6, -1.0, 1.0), 8);
        var cap = ProductDirections.Create(GaussLegendreRule.Create(6, 0.0, 1.0), 8);
        Tolerance.AssertRelative(4 * Math.PI, Sum(sphere, _ => 1.0), 1e-14, "∫ 1 over S²");
        Tolerance.AssertRelative(4 * Math.PI / 3, Sum(sphere, p => p.Z * p.Z), 1e-14, "∫ z² over S²");
        Tolerance.AssertRelative(4 * Math.PI / 15, Sum(sphere, p => p.X * p.X * p.Y * p.Y), 1e-14, "∫ x²y² over S²");
        Tolerance.AssertRelative(Math.PI, Sum(cap, p => p.Z), 1e-14, "∫ z over the upper hemisphere");

        var axis = new Velocity3(0.3, -0.5, 0.8) / new Velocity3(0.3, -0.5, 0.8).Length;
        var (e1, e2) = ProductDirections.Frame(axis);
        Tolerance.AssertAbsolute(0.0, Velocity3.Dot(axis, e1), 1e-15, "e₁ ⟂ axis");
        Tolerance.AssertAbsolute(0.0, Velocity3.Dot(axis, e2), 1e-15, "e₂ ⟂ axis");
        Tolerance.AssertAbsolute(axis, Velocity3.Cross(e1, e2), 1e-15, "e₁ × e₂ = axis");
        foreach (var local in cap.Points)
        {
            var placed = ProductDirections.About(local, axis, e1, e2);
            Tolerance.AssertRelative(1.0, placed.Length, 1e-15, "|placed direction|");
            Tolerance.AssertAbsolute(local.Z, Velocity3.Dot(placed, axis), 1e-15, "cos θ about the axis");
        }
    }

    private static double Sum(ProductDirections rule, Func<Velocity3, double> f)
    {
        double sum = 0.0;
        for (int i = 0; i < rule.Count; i++)
        {
            sum += rule.Weights[i] * f(rule.Points[i]);
        }

        return sum;
    }
}
