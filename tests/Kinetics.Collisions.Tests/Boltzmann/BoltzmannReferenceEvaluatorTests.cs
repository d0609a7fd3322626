using Kinetics.Boltzmann;
using Kinetics.Distributions;
using Kinetics.Kernels;

namespace Kinetics.Tests.Boltzmann;

public class BoltzmannReferenceEvaluatorTests
{
    private static readonly Velocity3[] Points = [new(0.1, -0.2, 0.3), new(1.2, 0.4, -0.7), new(-0.3, 2.1, 0.9)];

    [Theory]
    [InlineData(-2.5, 8.0 / 7.0)]
    [InlineData(-1.0, 4.0)]
    [InlineData(0.0, 0.25)]
    [InlineData(1.0, 1.0)]
    public void Loss_MatchesCollisionFrequencyClosedForm(double gamma, double massBeta)
    {
        // Q⁻(F, μ^β)(v) = F(v) C b₀ ν(v) with ν from the ₁F₁ closed form (seed-note 000 §1.8). R = 12/√m^β leaves e^{−(R − |v|)² m/2} < 1e-15.
        var kernel = new CollisionKernel(gamma, AngularFunction.AbsoluteCosine(), 1.7);
        var evaluator = BoltzmannReferenceEvaluator.Create(kernel, 1.0, massBeta, 12.0 / Math.Sqrt(massBeta) + 3, radialPoints: 48, polarPoints: 24);
        var mu = MacroscopicState.Unit;
        foreach (var v in Points)
        {
            double loss = evaluator.EvaluateLossRate(w => Maxwellian.Evaluate(mu, massBeta, w), v);
            double exact = kernel.TotalAngularStrength * BoltzmannOracles.CollisionFrequencyPerUnitStrength(gamma, massBeta, v.Length);

            // Gauss–Jacobi absorbs r^{γ+2}; the remaining integrand is entire, so 48 × (24 × 48) nodes reach ~1e-10.
            Assert.True(Math.Abs(loss - exact) <= 1e-9 * exact, $"γ = {gamma}, v = {v}: loss {loss}, closed form {exact}");
        }
    }

    [Fact]
    public void Evaluate_MatchesBkwClosedForm()
    {
        // Maxwell molecules with b_σ = 1/(4π): Q(f, f) = (1 − K)/6 ∂_K f (MATH.md §2). The product F(v')F(v*') is a
        // polynomial of degree 4 in σ times a σ-independent Gaussian, so the σ rule is exact; errors come from ĝ and r.
        const double K = 0.7;
        var kernel = CollisionKernel.MaxwellMolecules(AngularFunction.Isotropic(1 / (4 * Math.PI)));
        var evaluator = BoltzmannReferenceEvaluator.Create(kernel, 1.0, 1.0, 12.0, radialPoints: 24, polarPoints: 12);
        Func<Velocity3, double> f = v => BoltzmannOracles.Bkw(K, v);
        foreach (var v in Points.Take(2))
        {
            double q = evaluator.Evaluate(f, f, v);
            double exact = BoltzmannOracles.BkwCollision(K, v);

            // Scale: the loss term ≈ f(0) b₀ ≈ 0.1; 1e-10 absolute is quadrature accuracy for this entire integrand.
            Assert.True(Math.Abs(q - exact) <= 1e-10, $"v = {v}: Q = {q}, exact {exact}, error {q - exact:E2}");
        }
    }

    [Theory]
    [InlineData(7.0, 8.0, -2.5)]
    [InlineData(1.0, 4.0, -1.0)]
    [InlineData(4.0, 1.0, 0.0)]
    [InlineData(1.0, 4.0, 1.0)]
    public void Evaluate_VanishesOnCommonMaxwellians_AndNotOtherwise(double massAlpha, double massBeta, double gamma)
    {
        var kernel = new CollisionKernel(gamma, AngularFunction.VariableSoftSphere(1.4), 1.0);
        var evaluator = BoltzmannReferenceEvaluator.Create(kernel, massAlpha, massBeta, 10.0, radialPoints: 16, polarPoints: 8);
        var u = new Velocity3(0.2, -0.1, 0.3);
        var stateA = new MacroscopicState(1.3, u, 0.9);
        var stateB = new MacroscopicState(0.5, u, 0.9);
        var hotter = new MacroscopicState(0.5, u, 1.4);
        Func<Velocity3, double> fa = w => Maxwellian.Evaluate(stateA, massAlpha, w);
        foreach (var v in Points.Take(1))
        {
            var (gain, loss) = evaluator.EvaluateParts(fa, w => Maxwellian.Evaluate(stateB, massBeta, w), v);

            // Microscopic balance makes gain = loss node by node (the loss uses the σ rule's own ∫ b_σ); what is left is
            // round-off (~1e-15 · loss · node count).
            Assert.True(Math.Abs(gain - loss) <= 1e-11 * loss, $"v = {v}: gain {gain}, loss {loss}");

            var (gain2, loss2) = evaluator.EvaluateParts(fa, w => Maxwellian.Evaluate(hotter, massBeta, w), v);
            Assert.True(Math.Abs(gain2 - loss2) > 1e-3 * loss2, $"different temperatures must not balance: {gain2} vs {loss2}");
        }
    }

    [Fact]
    public void Create_RejectsBadInput()
    {
        var kernel = CollisionKernel.HardSpheres(1);
        Assert.Throws<ArgumentOutOfRangeException>("massAlpha", () => BoltzmannReferenceEvaluator.Create(kernel, -1, 1, 5));
        Assert.Throws<ArgumentOutOfRangeException>("truncationRadius", () => BoltzmannReferenceEvaluator.Create(kernel, 1, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>("radialPoints", () => BoltzmannReferenceEvaluator.Create(kernel, 1, 1, 5, 1));
        var evaluator = BoltzmannReferenceEvaluator.Create(kernel, 1, 1, 5, 4, 2);
        Assert.Throws<ArgumentException>("velocity", () => evaluator.Evaluate(_ => 1, _ => 1, new Velocity3(double.NaN, 0, 0)));
    }
}
