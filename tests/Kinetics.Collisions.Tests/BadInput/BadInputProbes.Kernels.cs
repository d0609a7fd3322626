using FsCheck.Fluent;
using Kinetics.Dynamics;
using Kinetics.Kernels;
using Kinetics.Mixtures;
using Kinetics.Transport;
using static Kinetics.Tests.BadInput.BadInputFixtures;
using static Kinetics.Tests.BadInput.BadInputGenerators;
using static Kinetics.Tests.BadInput.BadInputProbeFactory;

namespace Kinetics.Tests.BadInput;

internal static partial class BadInputProbes
{
    private static IEnumerable<Probe> Kernels()
    {
        var b = AngularFunction.AbsoluteCosine();
        var kernel = new CollisionKernel(-1.0, b);
        yield return Arg("AngularFunction.Sigma", "cosChi", BadCosine, x => b.Sigma(x));
        yield return Arg("AngularFunction.Omega", "cosTheta", BadCosine, x => b.Omega(x));
        yield return Arg("AngularFunction.Evaluate", "representation", Undefined<AngularRepresentation>(), r => b.Evaluate(r, 0.5));
        yield return Arg("AngularFunction.Isotropic", "value", NonPositive, v => AngularFunction.Isotropic(v));
        yield return Arg("AngularFunction.VariableSoftSphere", "scatteringExponent", Gen.OneOf(NonFinite, Gen.Elements(0.5, 10.5, -1.0)), a => AngularFunction.VariableSoftSphere(a));

        // A negative window of width ≥ 2e−4 anywhere in (−1, 1) (the campaign's was 6e−4 wide at 0.3002).
        yield return Arg(
            "AngularFunction.FromSigma", "sigma",
            from centre in Gen.Choose(-9990, 9990).Select(i => i / 10_000.0)
            from halfWidth in Gen.Choose(1, 20).Select(i => i * 1e-4)
            select (centre, halfWidth),
            w => AngularFunction.FromSigma("dip", x => Math.Abs(x - w.centre) < w.halfWidth ? -1000.0 : 1.0));
        yield return Arg("AngularFunction.FromSigma", "sigma", NonFinite, bad => AngularFunction.FromSigma("bad", x => x > 0.5 ? bad : 1.0));

        // b_ω ∝ c^p with p < 1 violates Grad's cutoff (p = 1/2: the campaign's √c).
        yield return Arg("AngularFunction.FromOmega", "omega", Gen.Choose(0, 90).Select(i => i / 100.0), p => AngularFunction.FromOmega("power", c => Math.Pow(c, p)));
        yield return Arg("CollisionKernel.EvaluateSigma", "relativeSpeed", Negative, g => kernel.EvaluateSigma(g, 0.5));
        yield return Arg("CollisionKernel.EvaluateOmega", "relativeSpeed", Negative, g => kernel.EvaluateOmega(g, 0.5));
        yield return Arg("CollisionKernel.EvaluateSigma", "cosChi", BadCosine, x => kernel.EvaluateSigma(1.0, x));
        yield return Arg("CollisionKernel(.ctor)", "gamma", Gen.OneOf(NonFinite, Gen.Elements(-3.0, -4.0, 1.5)), g => _ = new CollisionKernel(g, b));
        yield return Arg("CollisionKernel(.ctor)", "strength", NonPositive, s => _ = new CollisionKernel(0.0, b, s));
        yield return Arg("CollisionKernelTable[alpha, beta]", "alpha", BadIndex(2), a => _ = BadInputFixtures.Kernels[a, 0]);

        // An asymmetry confined to a window of half-width 1e−4 (the campaign's was at x = −0.996).
        yield return Arg(
            "CollisionKernelTable.FromPairs", "kernel",
            Gen.Choose(-9980, 9980).Select(i => i / 10_000.0),
            centre =>
            {
                var bumped = new CollisionKernel(0.0, AngularFunction.FromSigma("bump", x => Math.Abs(x - centre) < 1e-4 ? 2.0 : 1.0));
                var plain = new CollisionKernel(0.0, AngularFunction.FromSigma("plain", _ => 1.0));
                CollisionKernelTable.FromPairs(Pair, (i, j) => i < j ? bumped : plain);
            });
        yield return Arg("MaxwellStefan.MomentumExchange", "temperature", NonPositive, t => MaxwellStefan.MomentumExchange(kernel, 1.0, 2.0, t, Velocity3.Zero));
        yield return Arg("MaxwellStefan.MomentumExchange", "driftDifference", NonFiniteVelocity, u => MaxwellStefan.MomentumExchange(kernel, 1.0, 2.0, 1.0, u));
        yield return Arg("MaxwellStefan.InverseCoefficient", "massI", NonPositive, m => MaxwellStefan.InverseCoefficient(kernel, m, 1.0, 1.0));
        yield return Arg("Species(.ctor)", "mass", NonPositive, m => _ = new Species("X", m));
        yield return Arg(
            "SpaceHomogeneousSolver(.ctor)", "Positivity", Undefined<PositivityPolicy>(),
            p => _ = SpaceHomogeneousSolver.Create(BadInputFixtures.LandauOp, new SpaceHomogeneousOptions { Positivity = p }));
        yield return Arg(
            "SpaceHomogeneousSolver(.ctor)", "Scheme", Undefined<TimeScheme>(),
            s => _ = SpaceHomogeneousSolver.Create(BadInputFixtures.LandauOp, new SpaceHomogeneousOptions { Scheme = s }));
        yield return ArgSpan("SpaceHomogeneousSolver.Run", "initial", WithNonFinite(Stacked()), f => SpaceHomogeneousSolver.Create(BadInputFixtures.LandauOp).Run(f, 0.1));
    }
}
