using FsCheck.Fluent;
using Kinetics.Boltzmann;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Linearized;
using static Kinetics.Tests.BadInput.BadInputFixtures;
using static Kinetics.Tests.BadInput.BadInputGenerators;
using static Kinetics.Tests.BadInput.BadInputProbeFactory;

namespace Kinetics.Tests.BadInput;

internal static partial class BadInputProbes
{
    private static readonly Lazy<BoltzmannOperator> LazyBoltzmann = new(() => BoltzmannOperator.Create(WideGrid, BadInputFixtures.Kernels));

    private static readonly Lazy<BoltzmannOperator> LazyOtherBoltzmann = new(() => BoltzmannOperator.Create(WideGrid, BadInputFixtures.Kernels));

    private static IEnumerable<Probe> Boltzmann()
    {
        var op = LazyBoltzmann.Value;
        var other = LazyOtherBoltzmann.Value;
        int total = 2 * WideGrid.Count;
        yield return ArgSpan("BoltzmannOperator.Evaluate", "distributions", WithNonFinite(Stacked(WideGrid)), f => op.Evaluate(f, new double[total], op.CreateWorkspace()));
        yield return Arg("BoltzmannOperator.Evaluate", "workspace", Gen.Constant(0), _ => op.Evaluate(Stacked(WideGrid), new double[total], other.CreateWorkspace()));
        yield return Arg("BoltzmannOperator.EvaluatePairs", "workspace", Gen.Constant(0), _ => op.EvaluatePairs(Stacked(WideGrid), new double[2 * total], other.CreateWorkspace()));
        yield return Arg("BoltzmannOperator.EvaluateBilinear", "workspace", Gen.Constant(0), _ => op.EvaluateBilinear(Stacked(WideGrid), Stacked(WideGrid), new double[total], other.CreateWorkspace()));
        yield return Arg("BoltzmannOperator.CollisionFrequency", "workspace", Gen.Constant(0), _ => op.CollisionFrequency(Stacked(WideGrid), new double[total], other.CreateWorkspace()));
        yield return Arg("BoltzmannOperator.EntropyProduction", "workspace", Gen.Constant(0), _ => op.EntropyProduction(Stacked(WideGrid), other.CreateWorkspace()));
        yield return ArgSpan("BoltzmannOperator.EvaluateCells", "distributions", WithNonFinite([.. Stacked(WideGrid), .. Stacked(WideGrid)]), f => op.EvaluateCells(f, new double[f.Length]));
        yield return Arg("BoltzmannOperator.EvaluateCells", "maxDegreeOfParallelism", Gen.OneOf(Gen.Constant(0), Gen.Choose(-1000, -2)), p => op.EvaluateCells(Stacked(WideGrid), new double[total], p));
        yield return Arg("BoltzmannOperator.SphereFor", "alpha", BadIndex(2), a => op.SphereFor(a, 0));
        yield return Arg("BoltzmannOperator.RadialPointsFor", "beta", BadIndex(2), b => op.RadialPointsFor(0, b));
        var linearized = SpectralLinearizedOperator.Create(op);
        var otherLinearized = SpectralLinearizedOperator.Create(other);
        yield return Arg("SpectralLinearizedOperator.Evaluate", "workspace", Gen.Constant(0), _ => linearized.Evaluate(new double[total], new double[total], otherLinearized.CreateWorkspace()));
        yield return ArgSpan("SpectralLinearizedOperator.Evaluate", "perturbation", WithNonFinite(new double[total]), f => linearized.Evaluate(f, new double[total], linearized.CreateWorkspace()));
        yield return StateError("BoltzmannOperator.Create", "N = 1024 (refused with its memory estimate)", () =>
            BoltzmannOperator.Create(new CartesianGrid(1024, 8.0), new CollisionKernel(0.0, AngularFunction.Isotropic(1.0))));
    }
}
