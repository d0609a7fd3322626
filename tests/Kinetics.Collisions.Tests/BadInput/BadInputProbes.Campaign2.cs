using FsCheck.Fluent;
using Kinetics.Boltzmann;
using Kinetics.Conservation;
using Kinetics.Distributions;
using Kinetics.Dynamics;
using Kinetics.Grids;
using Kinetics.Landau;
using Kinetics.Limits;
using Kinetics.Linearized;
using Kinetics.Spectral;
using Kinetics.Transport;
using static Kinetics.Tests.BadInput.BadInputFixtures;
using static Kinetics.Tests.BadInput.BadInputGenerators;
using static Kinetics.Tests.BadInput.BadInputProbeFactory;

namespace Kinetics.Tests.BadInput;

// The entry points added after the first campaign: species grids and spectral transfer, the species-grid operators and
// projection, the batched step, grid selection, discrete Maxwellians, the stiff solver, the transport coefficients
// (Chapman–Enskog, linearized inverse) and the Maxwell–Stefan limit solver.
internal static partial class BadInputProbes
{
    private static readonly SpeciesGrids Split = new([new SpeciesGrid(new CartesianGrid(8, 8.0)), new SpeciesGrid(new CartesianGrid(8, 6.0), new Velocity3(0.5, 0, 0))]);

    private static readonly Lazy<SpeciesGridBoltzmannOperator> LazySplitBoltzmann = new(() => SpeciesGridBoltzmannOperator.Create(Split, BadInputFixtures.Kernels, new BoltzmannOptions { ResolutionTolerance = 1e-2 }));

    private static readonly Lazy<SpeciesGridLandauOperator> LazySplitLandau = new(() => SpeciesGridLandauOperator.Create(Split, Pair, LandauCouplings.Uniform(2), LandauKernel.Coulomb()));

    private static readonly Lazy<BoltzmannOperator> LazyWideBoltzmann = new(() => BoltzmannOperator.Create(WideGrid, BadInputFixtures.Kernels));

    private static readonly Lazy<LinearizedInverse> LazyInverse = new(() => LinearizedInverse.Create(SpectralLinearizedOperator.Create(LazyWideBoltzmann.Value)));

    private static double[] SplitMaxwellians()
    {
        var f = new double[Split.TotalCount];
        for (int a = 0; a < 2; a++)
        {
            var g = Split[a];
            var slice = Split.Slice(f.AsSpan(), a);
            for (int p = 0; p < g.Count; p++)
            {
                var v = g.Point(p) - g.Centre;
                slice[p] = Math.Exp(-(a + 1) * v.LengthSquared / 2);
            }
        }

        return f;
    }

    private static IEnumerable<Probe> Campaign2()
    {
        // Species grids and the spectral transfer.
        var grid = new SpeciesGrid(Grid);
        yield return Arg("SpeciesGrid(.ctor)", "centre", NonFiniteVelocity, c => _ = new SpeciesGrid(Grid, c));
        yield return Arg("SpeciesGrid(.ctor)", "grid", Gen.Constant(0), z => _ = new SpeciesGrid(null!));
        yield return Arg("SpeciesGrid.Point", "index", BadIndex(Grid.Count), p => grid.Point(p));
        yield return Arg("SpeciesGrid.Coordinate", "axis", Gen.Elements(-1, 3, int.MaxValue), a => grid.Coordinate(a, 0));
        yield return Arg("SpeciesGrid.Coordinate", "i", BadIndex(Grid.PointsPerAxis), i => grid.Coordinate(0, i));
        yield return Arg("SpeciesGrids(.ctor)", "grids.Count", Gen.Elements(0, 65), k => _ = new SpeciesGrids(Enumerable.Repeat(grid, k)));
        yield return Arg("SpeciesGrids.Offset", "species", BadIndex(2), s => Split.Offset(s));
        yield return Arg("SpeciesGrids.Slice", "stacked", Gen.Elements(0, 1, Split.TotalCount - 1), k => Split.Slice(new double[k], 1));
        yield return Arg("SpeciesGrids.Shared", "speciesCount", Gen.Elements(0, -1, 65), s => SpeciesGrids.Shared(Grid, s));
        yield return Arg("SpeciesGrids.ForMaxwellians", "temperatures", NonPositive, t => SpeciesGrids.ForMaxwellians(Pair, [1.0, t], [Velocity3.Zero, Velocity3.Zero], 8));
        yield return Arg("SpeciesGrids.ForMaxwellians", "drifts", NonFiniteVelocity, u => SpeciesGrids.ForMaxwellians(Pair, [1.0, 1.0], [Velocity3.Zero, u], 8));
        yield return Arg("SpeciesGrids.ForMaxwellians", "thermalSpeeds", NonPositive, k => SpeciesGrids.ForMaxwellians(Pair, [1.0, 1.0], [Velocity3.Zero, Velocity3.Zero], 8, k));
        yield return Arg("SpeciesGrids.ForMaxwellians", "pointsPerAxis", Gen.Elements(-8, 0, 3, 2048), n => SpeciesGrids.ForMaxwellians(Pair, [1.0, 1.0], [Velocity3.Zero, Velocity3.Zero], n));
        var transfer = SpectralTransfer.Create(Split[0], Split[1]);
        yield return ArgSpan("SpectralTransfer.Apply", "source", WithNonFinite(new double[Split.Count(0)]), f => transfer.Apply(f, new double[Split.Count(1)], new double[transfer.ScratchLength]));
        yield return Arg("SpectralTransfer.Apply", "scale", NonFinite, s => transfer.Apply(new double[Split.Count(0)], new double[Split.Count(1)], new double[transfer.ScratchLength], s));
        yield return Arg("SpectralTransfer.Apply", "scratch", Gen.Elements(0, 1, transfer.ScratchLength - 1), k => transfer.Apply(new double[Split.Count(0)], new double[Split.Count(1)], new double[k]));
        yield return Arg("SpectralTransfer.Apply", "destination", Gen.Constant(0), _ =>
        {
            var same = SpectralTransfer.Create(Split[0], Split[0]);
            double[] f = new double[Split.Count(0)];
            same.Apply(f, f, new double[same.ScratchLength]);
        });

        // Species-grid operators and projection.
        int total = Split.TotalCount;
        yield return ArgSpan("SpeciesGridBoltzmannOperator.Evaluate", "distributions", WithNonFinite(SplitMaxwellians()), f => LazySplitBoltzmann.Value.Evaluate(f, new double[total], LazySplitBoltzmann.Value.CreateWorkspace()));
        yield return Arg("SpeciesGridBoltzmannOperator.Evaluate", "destination", Gen.Elements(0, total - 1, total + 1), k => LazySplitBoltzmann.Value.Evaluate(SplitMaxwellians(), new double[k], LazySplitBoltzmann.Value.CreateWorkspace()));
        yield return Arg("SpeciesGridBoltzmannOperator.Evaluate", "workspace", Gen.Constant(0), _ =>
            LazySplitBoltzmann.Value.Evaluate(SplitMaxwellians(), new double[total], SpeciesGridBoltzmannOperator.Create(Split, BadInputFixtures.Kernels, new BoltzmannOptions { ResolutionTolerance = 1e-2 }).CreateWorkspace()));
        yield return Arg("SpeciesGridBoltzmannOperator.EvaluatePair", "alpha", BadIndex(2), a => LazySplitBoltzmann.Value.EvaluatePair(a, 0, SplitMaxwellians(), new double[Split.Count(0)], LazySplitBoltzmann.Value.CreateWorkspace()));
        yield return Arg("SpeciesGridBoltzmannOperator.EvaluatePair", "beta", BadIndex(2), b => LazySplitBoltzmann.Value.EvaluatePair(0, b, SplitMaxwellians(), new double[Split.Count(0)], LazySplitBoltzmann.Value.CreateWorkspace()));
        yield return Arg("SpeciesGridBoltzmannOperator.Create", "grids", Gen.Constant(0), _ => SpeciesGridBoltzmannOperator.Create(SpeciesGrids.Shared(Grid, 3), BadInputFixtures.Kernels));
        yield return ArgSpan("SpeciesGridLandauOperator.Evaluate", "distributions", WithNonFinite(SplitMaxwellians()), f => LazySplitLandau.Value.Evaluate(f, new double[total], LazySplitLandau.Value.CreateWorkspace()));
        yield return Arg("SpeciesGridLandauOperator.Evaluate", "workspace", Gen.Constant(0), _ =>
            LazySplitLandau.Value.Evaluate(SplitMaxwellians(), new double[total], SpeciesGridLandauOperator.Create(Split, Pair, LandauCouplings.Uniform(2), LandauKernel.Coulomb()).CreateWorkspace()));
        yield return Arg("SpeciesGridLandauOperator.EvaluatePair", "alpha", BadIndex(2), a => LazySplitLandau.Value.EvaluatePair(a, 0, SplitMaxwellians(), new double[Split.Count(0)], LazySplitLandau.Value.CreateWorkspace()));
        yield return Arg("SpeciesGridLandauOperator.EvaluatePair", "beta", BadIndex(2), b => LazySplitLandau.Value.EvaluatePair(0, b, SplitMaxwellians(), new double[Split.Count(0)], LazySplitLandau.Value.CreateWorkspace()));
        var projection = ConservativeProjection.Create(Split, [1.0, 2.0]);
        yield return Arg("ConservativeProjection.Create", "masses", NonPositive, m => ConservativeProjection.Create(Split, [1.0, m]));
        yield return Arg("ConservativeProjection.Create", "masses", Gen.Elements(1, 3), k => ConservativeProjection.Create(Split, Enumerable.Repeat(1.0, k).ToArray()));
        yield return ArgSpan("ConservativeProjection.Apply", "collision", WithNonFinite(new double[total]), q => projection.Apply(q.ToArray()));
        yield return ArgSpan("ConservativeProjection.Apply", "weights", WithNonFinite(SplitMaxwellians()), w => projection.Apply(new double[total], w));
        yield return ArgSpan("ConservativeProjection.Measure", "collision", WithNonFinite(new double[total]), q => projection.Measure(q, new double[projection.ConstraintCount]));
        yield return Arg("ConservativeProjection.Measure", "rates", Gen.Elements(0, 5, 7), k => projection.Measure(new double[total], new double[k]));
        yield return ArgSpan("ConservativeProjection.RelativeResidual", "collision", WithNonFinite(new double[total]), q => projection.RelativeResidual(q));

        // Batched step.
        var step = BatchedCollisionStep.Create(LandauOp);
        int cell = step.CellLength;
        yield return ArgSpan("BatchedCollisionStep.Evaluate", "cells", WithNonFinite([.. Stacked(), .. Stacked()]), c => step.Evaluate(c, new double[c.Length], new CellReport[2]));
        yield return Arg("BatchedCollisionStep.Evaluate", "cells", Gen.Elements(1, cell - 1, cell + 1), k => step.Evaluate(new double[k], new double[k], new CellReport[1]));
        yield return Arg("BatchedCollisionStep.Evaluate", "reports", Gen.Elements(0, 1, 3), k => step.Evaluate(Stacked().Concat(Stacked()).ToArray(), new double[2 * cell], new CellReport[k]));
        yield return Arg("BatchedCollisionStep.Evaluate", "destination", Gen.Elements(0, cell - 1, cell + 1), k => step.Evaluate(Stacked(), new double[k], new CellReport[1]));
        yield return Arg("BatchedCollisionStep.Evaluate", "species", Gen.Elements(1, 3), k => step.Evaluate(Stacked(), new double[cell], new CellReport[1], new SpeciesResolution[k]));
        yield return Arg("BatchedCollisionStep.Create", "MaxDegreeOfParallelism", Gen.Elements(0, -1, -2, 100_000), t => BatchedCollisionStep.Create(LandauOp, new BatchedCollisionStepOptions { MaxDegreeOfParallelism = t }));
        yield return Arg("BatchedCollisionStep.Create", "ResolutionTolerance", NonPositive, t => BatchedCollisionStep.Create(LandauOp, new BatchedCollisionStepOptions { ResolutionTolerance = t }));
        yield return Arg("BatchedCollisionStep.Create", "Resolution", Undefined<ResolutionPolicy>(), r => BatchedCollisionStep.Create(LandauOp, new BatchedCollisionStepOptions { Resolution = r }));

        // Grid selection and discrete Maxwellians.
        yield return Arg("GridSelection.ForPoints", "pointsPerAxis", Gen.Elements(-8, 0, 3, 7, 14, 2048), n => GridSelection.ForPoints(n, [1.0], [1.0], [Velocity3.Zero]));
        yield return Arg("GridSelection.ForPoints", "masses", NonPositive, m => GridSelection.ForPoints(16, [1.0, m], [1.0, 1.0], [Velocity3.Zero, Velocity3.Zero]));
        yield return Arg("GridSelection.ForPoints", "temperatures", NonPositive, t => GridSelection.ForPoints(16, [1.0, 1.0], [1.0, t], [Velocity3.Zero, Velocity3.Zero]));
        yield return Arg("GridSelection.ForPoints", "drifts", NonFiniteVelocity, u => GridSelection.ForPoints(16, [1.0], [1.0], [u]));
        yield return Arg("GridSelection.ForPoints", "temperatures", Gen.Elements(0, 2), k => GridSelection.ForPoints(16, [1.0], new double[k].Select(_ => 1.0).ToArray(), [Velocity3.Zero]));
        yield return Arg("GridSelection.ForAccuracy", "accuracy", Gen.OneOf(NonPositive, Gen.Elements(0.6, 1.0, double.PositiveInfinity)), a => GridSelection.ForAccuracy(a, [1.0], [1.0], [Velocity3.Zero]));
        yield return Arg("GridSelection.ForAccuracy", "maxPointsPerAxis", Gen.Elements(-1, 0, 3, 2048), n => GridSelection.ForAccuracy(1e-6, [1.0], [1.0], [Velocity3.Zero], n));
        yield return Arg("DiscreteMaxwellian.Fill", "mass", NonPositive, m => DiscreteMaxwellian.Fill(Grid, MacroscopicState.Unit, m, new double[Grid.Count]));
        yield return Arg("DiscreteMaxwellian.Fill", "destination", Gen.Elements(0, Grid.Count - 1, Grid.Count + 1), k => DiscreteMaxwellian.Fill(Grid, MacroscopicState.Unit, 1.0, new double[k]));
        yield return Arg("DiscreteMaxwellian.FillMixture", "densities", Gen.OneOf(NonPositive), d => DiscreteMaxwellian.FillMixture(Grid, [1.0, 2.0], [1.0, d], Velocity3.Zero, 3.0, new double[2 * Grid.Count]));
        yield return Arg("DiscreteMaxwellian.FillMixture", "masses", NonPositive, m => DiscreteMaxwellian.FillMixture(Grid, [1.0, m], [1.0, 1.0], Velocity3.Zero, 3.0, new double[2 * Grid.Count]));
        yield return Arg("DiscreteMaxwellian.FillMixture", "momentum", NonFiniteVelocity, u => DiscreteMaxwellian.FillMixture(Grid, [1.0, 2.0], [1.0, 1.0], u, 3.0, new double[2 * Grid.Count]));
        yield return Arg("DiscreteMaxwellian.FillMixture", "energy", Gen.OneOf(NonPositive), e => DiscreteMaxwellian.FillMixture(Grid, [1.0, 2.0], [1.0, 1.0], Velocity3.Zero, e, new double[2 * Grid.Count]));
        yield return Arg("DiscreteMaxwellian.FillMixture", "energy", Gen.Elements(0.1, 1.0), e => DiscreteMaxwellian.FillMixture(Grid, [1.0, 2.0], [1.0, 1.0], new Velocity3(3, 0, 0), e, new double[2 * Grid.Count]));

        // Stiff solver.
        var stiff = StiffCollisionSolver.Create(LandauOp);
        int length = 2 * Grid.Count;
        yield return ArgSpan("StiffCollisionSolver.Step", "state", WithNonFinite(Stacked()), f => stiff.Step(f, new double[length]));
        yield return Arg("StiffCollisionSolver.Step", "step", Gen.OneOf(NonPositive), dt => stiff.Step(Stacked(), new double[length], dt));
        yield return Arg("StiffCollisionSolver.Step", "next", Gen.Elements(0, length - 1), k => stiff.Step(Stacked(), new double[k]));
        yield return Arg("StiffCollisionSolver.Run", "finalTime", Gen.OneOf(Negative), t => stiff.Run(Stacked(), t));
        yield return ArgSpan("StiffCollisionSolver.Run", "initial", WithNonFinite(Stacked()), f => stiff.Run(f, 0.1));
        yield return ArgSpan("StiffCollisionSolver.Equilibrium", "state", WithNonFinite(Stacked()), f => stiff.Equilibrium(f, new double[length]));
        yield return Arg("StiffCollisionSolver(.ctor)", "Epsilon", Gen.OneOf(NonPositive, Gen.Elements(1e7, 1e300)), e => _ = StiffCollisionSolver.Create(LandauOp, new StiffOptions { Epsilon = e }));
        yield return Arg("StiffCollisionSolver(.ctor)", "Scheme", Undefined<StiffScheme>(), s => _ = StiffCollisionSolver.Create(LandauOp, new StiffOptions { Scheme = s }));
        yield return Arg("StiffCollisionSolver(.ctor)", "MaxIterations", Gen.Elements(0, -1, 100_000), k => _ = StiffCollisionSolver.Create(LandauOp, new StiffOptions { MaxIterations = k }));

        // Transport coefficients.
        yield return Arg("ChapmanEnskog.Create", "densities", Gen.OneOf(NonPositive), n => ChapmanEnskog.Create(BadInputFixtures.Kernels, [1.0, n]));
        yield return Arg("ChapmanEnskog.Create", "temperature", NonPositive, t => ChapmanEnskog.Create(BadInputFixtures.Kernels, [1.0, 1.0], t));
        yield return Arg("ChapmanEnskog.Create", "maximumOrder", Gen.Elements(-1, 0, 13, int.MaxValue), m => ChapmanEnskog.Create(BadInputFixtures.Kernels, [1.0, 1.0], 1.0, m));
        yield return Arg("ChapmanEnskog.Create", "extraAngularPoints", Gen.Elements(-1, 257, int.MaxValue), k => ChapmanEnskog.Create(BadInputFixtures.Kernels, [1.0, 1.0], 1.0, 2, k));
        var ce = ChapmanEnskog.Create(BadInputFixtures.Kernels, [1.0, 1.0], 1.0, 2);
        yield return Arg("ChapmanEnskog.Coefficients", "order", Gen.Elements(-1, 0, 3, int.MaxValue), m => ce.Coefficients(m));
        yield return Arg("ChapmanEnskog.VectorBracket", "i", BadIndex(6), i => ce.VectorBracket(i, 0));
        yield return Arg("ChapmanEnskog.VectorBracket", "j", BadIndex(6), j => ce.VectorBracket(0, j));
        yield return Arg("ChapmanEnskog.TensorBracket", "i", BadIndex(4), i => ce.TensorBracket(i, 0));
        yield return Arg("ChapmanEnskog.TensorBracket", "j", BadIndex(4), j => ce.TensorBracket(0, j));
        int wide = 2 * WideGrid.Count;
        yield return Arg("LinearizedInverse.Create", "restart", Gen.Elements(-1, 0, 4, 201), r => LinearizedInverse.Create(SpectralLinearizedOperator.Create(LazyWideBoltzmann.Value), r));
        yield return ArgSpan("LinearizedInverse.Solve", "source", WithNonFinite(new double[wide]), g => LazyInverse.Value.Solve(g, new double[wide]));
        yield return Arg("LinearizedInverse.Solve", "tolerance", Gen.OneOf(NonPositive, Gen.Elements(0.5, 1e-15)), t => LazyInverse.Value.Solve(new double[wide], new double[wide], t));
        yield return Arg("LinearizedInverse.Solve", "maxIterations", Gen.Elements(-1, 0, 100_001), k => LazyInverse.Value.Solve(new double[wide], new double[wide], 1e-8, k));
        yield return Arg("LinearizedInverse.Solve", "destination", Gen.Constant(0), _ =>
        {
            double[] f = new double[wide];
            LazyInverse.Value.Solve(f, f);
        });
        yield return ArgSpan("LinearizedInverse.Project", "values", WithNonFinite(new double[wide]), v => LazyInverse.Value.Project(v.ToArray()));
        yield return Arg("LinearizedInverse.Project", "values", Gen.Elements(0, wide - 1), k => LazyInverse.Value.Project(new double[k]));

        // Maxwell–Stefan limit solver.
        double[] delta = [0, 1, 1, 0];
        var ms = MaxwellStefan1D.Create(delta, 8, 1.0, LimitBoundary.Periodic);
        double[] c = [.. Enumerable.Repeat(0.5, 8), .. Enumerable.Repeat(0.5, 8)];
        yield return Arg("MaxwellStefan1D.Create", "delta", Gen.Elements(new double[] { 0, 1, 2, 0 }, [0, -1, -1, 0], [0, double.NaN, double.NaN, 0], [0, 0, 0, 0], [1.0], []), d => MaxwellStefan1D.Create(d, 8, 1.0, LimitBoundary.Periodic));
        yield return Arg("MaxwellStefan1D.Create", "cells", Gen.Elements(-1, 0, 3, 100_001), k => MaxwellStefan1D.Create(delta, k, 1.0, LimitBoundary.Periodic));
        yield return Arg("MaxwellStefan1D.Create", "length", NonPositive, l => MaxwellStefan1D.Create(delta, 8, l, LimitBoundary.Periodic));
        yield return Arg("MaxwellStefan1D.Create", "boundary", Undefined<LimitBoundary>(), b => MaxwellStefan1D.Create(delta, 8, 1.0, b));
        yield return Arg("MaxwellStefan1D.Centre", "k", BadIndex(8), k => ms.Centre(k));
        yield return ArgSpan("MaxwellStefan1D.Fluxes", "c", Gen.OneOf(WithNonFinite(c), WithNonPositive(c)), v => ms.Fluxes(v, new double[16]));
        yield return ArgSpan("MaxwellStefan1D.StableStep", "c", Gen.OneOf(WithNonFinite(c), WithNonPositive(c)), v => ms.StableStep(v));
        yield return ArgSpan("MaxwellStefan1D.Advance", "c", Gen.OneOf(WithNonFinite(c), WithNonPositive(c)), v => ms.Advance(v.ToArray(), 0.01));
        yield return Arg("MaxwellStefan1D.Advance", "duration", Gen.OneOf(Negative), t => ms.Advance(c.ToArray(), t));
        yield return Arg("MaxwellStefan1D.Advance", "maxSteps", Gen.Elements(0, -1, int.MinValue), k => ms.Advance(c.ToArray(), 0.01, k));
        yield return StateError("MaxwellStefan1D.Advance", "duration needing more than maxSteps = 3 steps", () => ms.Advance(c.ToArray(), 10.0, 3));
    }
}
