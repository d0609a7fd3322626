using FsCheck.Fluent;
using Kinetics.Grids;
using Kinetics.Landau;
using static Kinetics.Tests.BadInput.BadInputFixtures;
using static Kinetics.Tests.BadInput.BadInputGenerators;
using static Kinetics.Tests.BadInput.BadInputProbeFactory;

namespace Kinetics.Tests.BadInput;

internal static partial class BadInputProbes
{
    private static IEnumerable<Probe> Landau()
    {
        int count = Grid.Count;
        var q = () => new double[2 * count];
        yield return ArgSpan("SpectralLandauOperator.Evaluate", "distributions", WithNonFinite(Stacked()), f => BadInputFixtures.LandauOp.Evaluate(f, q(), BadInputFixtures.LandauOp.CreateWorkspace()));
        yield return ArgSpan(
            "SpectralLandauOperator.Evaluate", "distributions", Gen.Choose(1, 1000).Select(c => Enumerable.Repeat(c / 100.0, 2 * count).ToArray()),
            f => BadInputFixtures.LandauOp.Evaluate(f, q(), BadInputFixtures.LandauOp.CreateWorkspace()));
        yield return Arg(
            "SpectralLandauOperator.Evaluate", "workspace", Gen.Constant(0),
            _ => BadInputFixtures.LandauOp.Evaluate(Stacked(), q(), OtherLandauOp.CreateWorkspace()));
        yield return ArgSpan("SpectralLandauOperator.Evaluate(ICollisionOperator)", "distributions", WithNonFinite(Stacked()), f => BadInputFixtures.LandauOp.Evaluate(f, q()));
        yield return ArgSpan("SpectralLandauOperator.EvaluateBilinear", "test", WithNonFinite(Stacked()), f => BadInputFixtures.LandauOp.EvaluateBilinear(f, Stacked(), q(), BadInputFixtures.LandauOp.CreateWorkspace()));
        yield return ArgSpan("SpectralLandauOperator.EvaluateBilinear", "field", WithNonFinite(Stacked()), f => BadInputFixtures.LandauOp.EvaluateBilinear(Stacked(), f, q(), BadInputFixtures.LandauOp.CreateWorkspace()));
        yield return Arg("SpectralLandauOperator.EvaluatePair", "alpha", BadIndex(2), a => BadInputFixtures.LandauOp.EvaluatePair(a, 0, Single(), Single(), new double[count], BadInputFixtures.LandauOp.CreateWorkspace()));
        yield return Arg("SpectralLandauOperator.EvaluatePair", "beta", BadIndex(2), b => BadInputFixtures.LandauOp.EvaluatePair(0, b, Single(), Single(), new double[count], BadInputFixtures.LandauOp.CreateWorkspace()));
        yield return ArgSpan("SpectralLandauOperator.EvaluatePair", "testValues", WithNonFinite(Single()), f => BadInputFixtures.LandauOp.EvaluatePair(0, 1, f, Single(), new double[count], BadInputFixtures.LandauOp.CreateWorkspace()));
        yield return ArgSpan("SpectralLandauOperator.ComputeFields", "values", WithNonFinite(Single()), f => BadInputFixtures.LandauOp.ComputeFields(f, new double[6 * count], new double[3 * count], BadInputFixtures.LandauOp.CreateWorkspace()));
        yield return Arg(
            "SpectralLandauOperator.ComputeFields", "workspace", Gen.Constant(0),
            _ => BadInputFixtures.LandauOp.ComputeFields(Single(), new double[6 * count], new double[3 * count], OtherLandauOp.CreateWorkspace()));
        yield return ArgSpan("SpectralLandauOperator.EntropyProduction", "distributions", WithNonPositive(Stacked()), f => BadInputFixtures.LandauOp.EntropyProduction(f, BadInputFixtures.LandauOp.CreateWorkspace()));
        yield return Arg("SpectralLandauOperator.EntropyProduction", "workspace", Gen.Constant(0), _ => BadInputFixtures.LandauOp.EntropyProduction(Stacked(), OtherLandauOp.CreateWorkspace()));
        yield return ArgSpan("SpectralLandauOperator.MaxCollisionFrequency", "state", WithNonFinite(Stacked()), f => BadInputFixtures.LandauOp.MaxCollisionFrequency(f));
        yield return Arg(
            "SpectralLandauOperator.Create", "truncationRadius", Gen.OneOf(NonPositive, Gen.Elements(12.001, 1e6, 1e300)),
            r => SpectralLandauOperator.Create(Grid, Pair, LandauCouplings.Uniform(2), LandauKernel.Coulomb(), r));
        yield return Arg("LandauKernel(.ctor)", "normalization", Undefined<LandauNormalization>(), k => _ = new LandauKernel(-3.0, k));
        yield return Arg("LandauKernel(.ctor)", "gamma", Gen.OneOf(NonFinite, Gen.Elements(-3.5, 1.5)), g => _ = new LandauKernel(g));
        yield return Arg("LandauKernel.TruncatedTransform", "truncationRadius", Gen.Elements(1e7, 1e12, 1e300), r => LandauKernel.Coulomb().TruncatedTransform(1.0, r));
        yield return Arg("LandauKernel.Evaluate", "z.Length", NonFiniteVelocity, z => LandauKernel.Coulomb().Evaluate(z));
        yield return Arg("LandauCouplings[a, b]", "a", BadIndex(2), a => _ = LandauCouplings.Uniform(2)[a, 0]);
        yield return ArgSpan("RadialLandauOperator.Evaluate", "values", WithNonFinite(Radial()), f => RadialLandauOperator.Create(RadialCells).Evaluate(f, new double[f.Length], new RadialLandauWorkspace(RadialCells)));
        yield return Arg(
            "RadialLandauOperator.Evaluate", "workspace", Gen.Constant(0),
            _ => RadialLandauOperator.Create(RadialCells).Evaluate(Radial(), new double[RadialCells.Count], new RadialLandauWorkspace(new RadialLandauGrid(16, 8.0, 1.0))));
        yield return ArgSpan("RadialLandauSolver.TryStep", "values", WithNonFinite(Radial()), f => RadialLandauSolver.Create(RadialCells).TryStep(f.ToArray(), 0.01, new RadialLandauWorkspace(RadialCells)));
        yield return Arg("RadialLandauSolver.TryStep", "timeStep", NonPositive, dt => RadialLandauSolver.Create(RadialCells).TryStep(Radial(), dt, new RadialLandauWorkspace(RadialCells)));
        yield return Arg("RadialLandauGrid(.ctor)", "coreWidth", Gen.OneOf(NonPositive, Gen.Elements(8.5, 100.0)), w => _ = new RadialLandauGrid(16, 8.0, w));
    }

    private static IEnumerable<Probe> Linearized()
    {
        var ll = LinearizedLandauOperator.Create(BadInputFixtures.LandauOp);
        int total = 2 * Grid.Count;
        yield return ArgSpan("LinearizedLandauOperator.Evaluate", "perturbation", WithNonFinite(new double[total]), h => ll.Evaluate(h, new double[total], BadInputFixtures.LandauOp.CreateWorkspace()));
        yield return Arg("LinearizedLandauOperator.Evaluate", "workspace", Gen.Constant(0), _ => ll.Evaluate(new double[total], new double[total], OtherLandauOp.CreateWorkspace()));
        yield return Arg("LinearizedLandauOperator.EvaluateBilinear", "workspace", Gen.Constant(0), _ => ll.EvaluateBilinear(new double[total], new double[total], new double[total], OtherLandauOp.CreateWorkspace()));
        yield return Arg("LinearizedLandauOperator.KernelBasis", "index", BadIndex(ll.KernelDimension), i => ll.KernelBasis(i));
        var lin = BadInputFixtures.Linearized;
        Func<Velocity3, double> one = _ => 1.0;
        yield return Arg("ReferenceLinearizedOperator.SqrtMaxwellian", "alpha", BadIndex(2), a => lin.SqrtMaxwellian(a, Velocity3.Zero));
        yield return Arg("ReferenceLinearizedOperator.SqrtMaxwellian", "v", NonFiniteVelocity, v => lin.SqrtMaxwellian(0, v));
        yield return Arg("ReferenceLinearizedOperator.Evaluate", "f[1]", Gen.Constant(0), _ => lin.Evaluate(0, [one, null!], Velocity3.Zero));
        yield return Arg("ReferenceLinearizedOperator.Evaluate", "alpha", BadIndex(2), a => lin.Evaluate(a, [one, one], Velocity3.Zero));
        yield return Arg("ReferenceLinearizedOperator.EvaluateBilinear", "beta", BadIndex(2), b => lin.EvaluateBilinear(0, b, one, one, Velocity3.Zero));
        var quadrature = Kinetics.Linearized.VelocityQuadrature.SphericalProduct(4.0, 4, 4, 4);
        yield return Arg("VelocityQuadrature.Weight", "index", BadIndex(quadrature.Count), i => quadrature.Weight(i));
        yield return Arg("VelocityQuadrature.Point", "index", BadIndex(quadrature.Count), i => quadrature.Point(i));
        yield return Arg("CollisionFrequency.Evaluate", "speed", Negative, s => lin.Frequency.Evaluate(0, s));
        yield return Arg("CollisionFrequency.EvaluatePair", "alpha", BadIndex(2), a => lin.Frequency.EvaluatePair(a, 0, 1.0));
    }
}
