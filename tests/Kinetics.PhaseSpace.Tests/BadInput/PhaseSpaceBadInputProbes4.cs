using FsCheck;
using FsCheck.Fluent;
using Kinetics.Boltzmann;
using Kinetics.Distributions;
using Kinetics.Dynamics;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Landau;
using Kinetics.Limits;
using Kinetics.Mixtures;
using Kinetics.PhaseSpace.Boundaries;
using Kinetics.PhaseSpace.Fields;
using Kinetics.PhaseSpace.Integration;
using Kinetics.PhaseSpace.Limits;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.PhaseSpace.States;
using Kinetics.PhaseSpace.Velocities;
using Kinetics.Quadrature;
using Kinetics.Tests.BadInput;
using static Kinetics.Tests.BadInput.BadInputGenerators;
using static Kinetics.Tests.BadInput.BadInputProbeFactory;

namespace Kinetics.PhaseSpace.Tests.BadInput;

/// <summary>
/// The PhaseSpace probes of the fourth campaign: the discrete Maxwell–Stefan measurement, the well-balanced Vlasov option,
/// the Fokker–Planck penalty options of the collision steps, the wall Poisson solver and Euler–Poisson between walls; plus
/// "inputs are not modified" on valid calls.
/// </summary>
internal static class PhaseSpaceBadInputProbes4
{
    private static readonly UniformMesh Mesh = UniformMesh.Create1D(8, 2.0);
    private static readonly UniformMesh Mesh2 = UniformMesh.Create2D(4, 6, 1.0, 2.0);
    private static readonly CartesianGrid Grid = new(8, 6.0);
    // Equal masses: the discrete Maxwellians of both species are carried by this coarse grid at θ = 1.
    private static readonly Mixture Gas = new(new Species("A", 1.0), new Species("B", 1.0));
    private static readonly Mixture Plasma = new(new Species("e", 1.0, charge: -1.0), new Species("i", 2.0, charge: 1.0), new Species("n", 1.0));

    private static readonly Lazy<BoltzmannOperator> LazyBoltzmann = new(() => BoltzmannOperator.Create(
        Grid,
        CollisionKernelTable.Uniform(Gas, new CollisionKernel(0.0, AngularFunction.Isotropic(1.0 / (4 * Math.PI)))),
        new BoltzmannOptions { Sphere = SphereRule.Octahedron, RadialPoints = 4, ResolutionTolerance = 1e-2 }));

    private static readonly Lazy<SpectralLandauOperator> LazyLandau = new(() => SpectralLandauOperator.Create(Grid, Gas, LandauCouplings.Uniform(2), LandauKernel.Coulomb()));

    private static readonly Lazy<DiscreteMaxwellStefan> LazyMs = new(() => DiscreteMaxwellStefan.Create(LazyBoltzmann.Value));

    private static DelegateCollisionOperator Delegate(int species, CollisionEvaluator evaluate) =>
        DelegateCollisionOperator.Create(Grid, Enumerable.Repeat(1.0, species).ToArray(), evaluate);

    // A 1-D periodic plasma on a 3-V grid (electrons, ions and a neutral species).
    private static PhaseSpaceState PlasmaState(int velocityDimension = 3)
    {
        var grid = velocityDimension == 3 ? VelocityGrid.FromCartesian(new CartesianGrid(6, 5.0)) : new VelocityGrid(1, 8, 4.0);
        var state = new PhaseSpaceState(Mesh, grid, Plasma);
        for (int a = 0; a < 3; a++)
        {
            state.Fill(a, (x, _, v) => (1 + (0.1 * Math.Cos(Math.PI * x))) * Math.Exp(-v.LengthSquared / 2));
        }

        return state;
    }

    private static PhaseSpaceState GasState()
    {
        var state = new PhaseSpaceState(Mesh, VelocityGrid.FromCartesian(Grid), Gas);
        for (int c = 0; c < state.CellCount; c++)
        {
            Maxwellian.Fill(Grid, new MacroscopicState(1.0 + (0.1 * Math.Cos(c)), Velocity3.Zero, 1.0), 1.0, state.Distribution(c, 0));
            Maxwellian.Fill(Grid, new MacroscopicState(0.8, Velocity3.Zero, 1.0), 1.0, state.Distribution(c, 1));
        }

        return state;
    }

    // The state with cell c's distributions (every species) multiplied by scale (0: an empty cell; −1: negative densities).
    private static PhaseSpaceState ScaledCell(PhaseSpaceState state, int c, double scale)
    {
        for (int a = 0; a < state.SpeciesCount; a++)
        {
            var f = state.Distribution(c, a);
            for (int p = 0; p < f.Length; p++)
            {
                f[p] *= scale;
            }
        }

        return state;
    }

    private static Probe Pure(string entry, string description, double[][] inputs, Func<double[]> call) =>
        new(entry, "-", Gen.Constant(new Case(description, inputs, call)), Expect.Finite);

    private static Probe FiniteOrStateError(string entry, string description, Func<double[]> call) =>
        new(entry, "-", Gen.Constant(new Case(description, [], call)), Expect.FiniteOrStateError);

    public static IEnumerable<Probe> All()
    {
        // Discrete Maxwell–Stefan.
        double[] pair = [0.5, 0.5];
        yield return Arg("DiscreteMaxwellStefan.Create", "collisionOperator", Gen.Constant(0), _ => DiscreteMaxwellStefan.Create(null!));
        yield return Arg("DiscreteMaxwellStefan.CreateOnSpeciesGrids", "collisionOperator", Gen.Constant(0), _ => DiscreteMaxwellStefan.CreateOnSpeciesGrids(null!));
        yield return Arg("DiscreteMaxwellStefan.Create", "collisionOperator", Gen.Constant(0), _ => DiscreteMaxwellStefan.Create(Delegate(1, (_, q) => q.Clear())));
        yield return Arg("DiscreteMaxwellStefan.Create", "tailCutoff", Gen.OneOf(Negative, Gen.Elements(0.0101, 1.0, 1e300)), t => DiscreteMaxwellStefan.Create(LazyBoltzmann.Value, t));
        yield return Arg("DiscreteMaxwellStefan.Evaluate", "concentrations", Gen.OneOf(NonPositive.Select(c => new[] { 0.5, c }), Gen.Elements(Array.Empty<double>(), [1.0], [0.3, 0.3, 0.4])), c => LazyMs.Value.Evaluate(c, 1.0, new double[4]));
        yield return Arg("DiscreteMaxwellStefan.Evaluate", "temperature", NonPositive, t => LazyMs.Value.Evaluate(pair, t, new double[4]));
        yield return Arg("DiscreteMaxwellStefan.Evaluate", "delta", Gen.Elements(0, 2, 3, 5, 9), k => LazyMs.Value.Evaluate(pair, 1.0, new double[k]));
        yield return Arg("DiscreteMaxwellStefan.GrowthFactor", "iterations", Gen.Elements(9, 0, -1, 10_001, int.MinValue, int.MaxValue), k => LazyMs.Value.GrowthFactor(pair, 1.0, k));
        yield return Arg("DiscreteMaxwellStefan.GrowthFactor", "concentrations", NonPositive.Select(c => new[] { c, 0.5 }), c => LazyMs.Value.GrowthFactor(c, 1.0));
        yield return Arg("DiscreteMaxwellStefan.GrowthFactor", "temperature", NonPositive, t => LazyMs.Value.GrowthFactor(pair, t));

        // Extremes the grid cannot carry are refused by name (the Maxwellian of θ or of the concentrations is not resolved).
        yield return Arg("DiscreteMaxwellStefan.Evaluate", "temperature", Gen.Elements(1e300, 1e6, 5e-324, 1e-300), t => LazyMs.Value.Evaluate(pair, t, new double[4]));
        yield return Arg("DiscreteMaxwellStefan.GrowthFactor", "temperature", Gen.Elements(1e300, 1e6, 5e-324, 1e-300), t => LazyMs.Value.GrowthFactor(pair, t));
        yield return Arg("DiscreteMaxwellStefan.Evaluate", "concentrations", Gen.Elements(new[] { 1e300, 1e300 }, [double.MaxValue, 1.0], [5e-324, 1.0]), c => LazyMs.Value.Evaluate(c, 1.0, new double[4]));

        // Operators that make the measurement impossible: it must say so, not return NaN.
        yield return FiniteOrStateError("DiscreteMaxwellStefan.Evaluate", "an operator that returns NaN", () =>
        {
            var delta = new double[4];
            DiscreteMaxwellStefan.Create(Delegate(2, (_, q) => q.Fill(double.NaN))).Evaluate(pair, 1.0, delta);
            return delta;
        });
        yield return FiniteOrStateError("DiscreteMaxwellStefan.Evaluate", "the zero operator", () =>
        {
            var delta = new double[4];
            DiscreteMaxwellStefan.Create(Delegate(2, (_, q) => q.Clear())).Evaluate(pair, 1.0, delta);
            return delta;
        });
        yield return FiniteOrStateError("DiscreteMaxwellStefan.GrowthFactor", "the zero operator", () => [DiscreteMaxwellStefan.Create(Delegate(2, (_, q) => q.Clear())).GrowthFactor(pair, 1.0)]);
        yield return FiniteOrStateError("DiscreteMaxwellStefan.GrowthFactor", "an operator that returns NaN", () => [DiscreteMaxwellStefan.Create(Delegate(2, (_, q) => q.Fill(double.NaN))).GrowthFactor(pair, 1.0)]);

        // The well-balanced Vlasov option.
        yield return Arg("PhaseSpaceSolver.Create", "BoltzmannBalancedSpecies", Gen.Elements(-2, 3, int.MinValue, int.MaxValue), s => PhaseSpaceSolver.Create(PlasmaState(), new PhaseSpaceOptions { BoltzmannBalancedSpecies = s }));
        yield return Arg("PhaseSpaceSolver.Create", "BoltzmannBalancedSpecies", Gen.Constant(2), s => PhaseSpaceSolver.Create(PlasmaState(), new PhaseSpaceOptions { BoltzmannBalancedSpecies = s }));
        yield return Arg("PhaseSpaceSolver.Create", "BoltzmannBalancedSpecies", Gen.Elements(0, 1), s => PhaseSpaceSolver.Create(PlasmaState(1), new PhaseSpaceOptions { BoltzmannBalancedSpecies = s }));
        yield return Arg("PhaseSpaceSolver.Create", "BoltzmannBalancedSpecies", Gen.Elements(0, 1), s => PhaseSpaceSolver.Create(PlasmaState(), new PhaseSpaceOptions { BoltzmannBalancedSpecies = s, SelfConsistentField = false }));
        yield return Arg("PhaseSpaceSolver.Create", "BoltzmannBalancedSpecies", Gen.Elements(0, 1), s =>
            PhaseSpaceSolver.Create(PlasmaState(), new PhaseSpaceOptions { BoltzmannBalancedSpecies = s, LowBoundary = WallBoundary.Specular(), HighBoundary = WallBoundary.Specular() }));

        // A balanced species without positive mass or temperature in the caller's state is refused by name.
        var balanced = PhaseSpaceSolver.Create(PlasmaState(), new PhaseSpaceOptions { BoltzmannBalancedSpecies = 0 });
        yield return Arg("PhaseSpaceSolver.Step (balanced)", "state", Gen.Elements(0.0, -1.0), scale =>
        {
            var state = PlasmaState();
            for (int c = 0; c < state.CellCount; c++)
            {
                var f = state.Distribution(c, 0);
                for (int p = 0; p < f.Length; p++)
                {
                    f[p] *= scale;
                }
            }

            balanced.Step(state, 0.5 * balanced.StableStep);
        });

        // Cells without positive densities or temperature under the Fokker–Planck penalty: refused by name.
        var landauAp = AsymptoticPreservingSolver.Create(GasState(), LazyLandau.Value, new AsymptoticPreservingOptions { Penalty = StiffPenalty.FokkerPlanck, Epsilon = 0.1 });
        var fpStep = PhaseSpaceSolver.Create(GasState(), new PhaseSpaceOptions { Collisions = CollisionStep.CreateStiff(LazyLandau.Value, new StiffCollisionStepOptions { Penalty = StiffPenalty.FokkerPlanck, Epsilon = 0.1 }) });
        yield return Arg("AsymptoticPreservingSolver.Step (Fokker–Planck)", "state", Gen.Elements(0.0, -1.0), scale => landauAp.Step(ScaledCell(GasState(), 3, scale), 0.01));
        yield return Arg("PhaseSpaceSolver.Step (stiff Fokker–Planck collisions)", "state", Gen.Constant(-1.0), scale => fpStep.Step(ScaledCell(GasState(), 3, scale), 0.01));

        // An empty cell is valid here (the first transport half-step fills it before the collisions): a finite result.
        yield return Pure("PhaseSpaceSolver.Step (stiff Fokker–Planck collisions)", "an empty cell", [], () =>
        {
            var state = ScaledCell(GasState(), 3, 0.0);
            fpStep.Step(state, 0.01);
            return state.Data.ToArray();
        });

        // The Fokker–Planck penalty options of the stiff collision step and the asymptotic-preserving solver.
        yield return Arg("StiffCollisionStepOptions.Penalty", "Penalty", Undefined<StiffPenalty>(), p => CollisionStep.CreateStiff(LazyLandau.Value, new StiffCollisionStepOptions { Penalty = p }));
        yield return Arg("StiffCollisionStepOptions.PenaltyFactor", "PenaltyFactor", Gen.OneOf(NonPositive, Gen.Elements(0.49, 1001.0)), b => CollisionStep.CreateStiff(LazyLandau.Value, new StiffCollisionStepOptions { Penalty = StiffPenalty.FokkerPlanck, PenaltyFactor = b }));
        yield return Arg("CollisionStep.CreateStiff", "collisionOperator", Gen.Constant(0), _ => CollisionStep.CreateStiff(LazyBoltzmann.Value, new StiffCollisionStepOptions { Penalty = StiffPenalty.FokkerPlanck }));
        yield return Arg("CollisionStep.CreateStiff", "collisionOperator", Gen.Constant(0), _ => CollisionStep.CreateStiff(null!));
        yield return Arg("CollisionStep.CreateStiffOnSpeciesGrids", "collisionOperator", Gen.Constant(0), _ => CollisionStep.CreateStiffOnSpeciesGrids(null!));
        yield return Arg("AsymptoticPreservingOptions.Penalty", "Penalty", Undefined<StiffPenalty>(), p => AsymptoticPreservingSolver.Create(GasState(), LazyLandau.Value, new AsymptoticPreservingOptions { Penalty = p }));
        yield return Arg("AsymptoticPreservingOptions.Penalty", "Penalty", Gen.Constant(KineticScaling.Diffusive), s =>
            AsymptoticPreservingSolver.Create(GasState(), LazyLandau.Value, new AsymptoticPreservingOptions { Penalty = StiffPenalty.FokkerPlanck, Scaling = s }));
        yield return Arg("AsymptoticPreservingSolver.Create", "collisionOperator", Gen.Constant(0), _ =>
            AsymptoticPreservingSolver.Create(GasState(), LazyBoltzmann.Value, new AsymptoticPreservingOptions { Penalty = StiffPenalty.FokkerPlanck }));

        // The wall Poisson solver.
        int n = Mesh.CellCount, n2 = Mesh2.CellCount;
        var walls = WallPoissonSolver.Create(Mesh, FieldBoundary.Grounded, FieldBoundary.Potential(1.0));
        var walls2 = WallPoissonSolver.Create(Mesh2, FieldBoundary.Grounded, FieldBoundary.Field(0.5));
        yield return Arg("WallPoissonSolver.Create", "mesh", Gen.Constant(0), _ => WallPoissonSolver.Create(null!, FieldBoundary.Grounded, FieldBoundary.Grounded));
        yield return Arg("WallPoissonSolver.Create", "mesh", Gen.Elements(7, 14, 49), nx => WallPoissonSolver.Create(UniformMesh.Create2D(nx, 4, 1.0, 1.0), FieldBoundary.Grounded, FieldBoundary.Grounded));
        yield return Arg("WallPoissonSolver.Create", "high", NonFinite.Select(v => new FieldBoundary(false, v)), b => WallPoissonSolver.Create(Mesh, FieldBoundary.Grounded, b));
        yield return Arg("WallPoissonSolver.Create", "high", Gen.Elements(0.0, 1.0), e => WallPoissonSolver.Create(Mesh, FieldBoundary.Field(0.0), FieldBoundary.Field(e), false));
        yield return Arg("WallPoissonSolver.Solve", "chargeDensity", Gen.Elements(0, n - 1, n + 1), k => walls.Solve(new double[k], new double[n], []));
        yield return Arg("WallPoissonSolver.Solve", "chargeDensity", Gen.Elements(1e308, -1e308, double.MaxValue), q => walls.Solve(Enumerable.Repeat(q, n).Select((x, i) => i % 2 == 0 ? x : 0).ToArray(), new double[n], []));
        yield return ArgSpan("WallPoissonSolver.Solve (2-D)", "chargeDensity", WithNonFinite(new double[n2]), q => walls2.Solve(q, new double[n2], new double[n2]));
        yield return Arg("WallPoissonSolver.Solve (2-D)", "fieldY", Gen.Elements(0, n2 - 1, n2 + 1), k => walls2.Solve(new double[n2], new double[n2], new double[k]));
        yield return Arg("WallPoissonSolver.Solve (2-D)", "fieldX", Gen.Elements(0, n2 - 1, n2 + 1), k => walls2.Solve(new double[n2], new double[k], new double[n2]));
        yield return ArgSpan("WallPoissonSolver.FieldEnergy", "fieldX", WithNonFinite(new double[n]), e => walls.FieldEnergy(e, []));
        yield return Arg("WallPoissonSolver.FieldEnergy", "fieldX", Gen.Elements(0, n - 1, n + 1), k => walls.FieldEnergy(new double[k], []));
        yield return ArgSpan("WallPoissonSolver.FieldEnergy (2-D)", "fieldY", WithNonFinite(new double[n2]), e => walls2.FieldEnergy(new double[n2], e));
        yield return Arg("WallPoissonSolver.FieldEnergy", "fieldX", Gen.Elements(1e200, double.MaxValue), e => walls.FieldEnergy(Enumerable.Repeat(e, n).ToArray(), []));

        // Euler–Poisson between walls.
        double[] masses = [1.0, 2.0], charges = [-1.0, 1.0];
        const int cells = 8;
        yield return Arg("EulerPoisson1D.Create", "boundary", Gen.OneOf(Undefined<LimitBoundary>(), Gen.Constant(LimitBoundary.NoSlipWalls)), b => EulerPoisson1D.Create(masses, charges, cells, 1.0, b, FieldBoundary.Grounded, FieldBoundary.Grounded, true));
        yield return Arg("EulerPoisson1D.Create", "lowField", NonFinite.Select(v => new FieldBoundary(true, v)), b => EulerPoisson1D.Create(masses, charges, cells, 1.0, LimitBoundary.Walls, b, FieldBoundary.Grounded, true));
        yield return Arg("EulerPoisson1D.Create", "highField", NonFinite.Select(v => new FieldBoundary(false, v)), b => EulerPoisson1D.Create(masses, charges, cells, 1.0, LimitBoundary.Walls, FieldBoundary.Grounded, b, true));
        yield return Arg("EulerPoisson1D.Create", "neutralisingBackground", Gen.Constant(false), z => EulerPoisson1D.Create(masses, charges, cells, 1.0, LimitBoundary.Walls, FieldBoundary.Field(0), FieldBoundary.Field(0), z));
        yield return Arg("EulerPoisson1D.Create", "masses", NonPositive, m => EulerPoisson1D.Create([1.0, m], charges, cells, 1.0, LimitBoundary.Walls, FieldBoundary.Grounded, FieldBoundary.Grounded, true));
        var ep = EulerPoisson1D.Create(masses, charges, cells, 1.0, LimitBoundary.Walls, FieldBoundary.Grounded, FieldBoundary.Grounded, true);
        int length = ep.VariableCount * cells;
        double[] epState = new double[length];
        ep.FromPrimitive(Enumerable.Repeat(1.0, 2 * cells).ToArray(), new double[cells], Enumerable.Repeat(1.0, cells).ToArray(), epState);
        double[] negativeDensity = (double[])epState.Clone(), negativeEnergy = (double[])epState.Clone();
        negativeDensity[3] = -1.0;
        negativeEnergy[length - 2] = -1.0;
        var badStates = Gen.OneOf(WithNonFinite(epState), Gen.Elements(negativeDensity, negativeEnergy, new double[length]));
        yield return ArgSpan("EulerPoisson1D.StableStep (walls)", "state", badStates, s => ep.StableStep(s));
        yield return ArgSpan("EulerPoisson1D.Advance (walls)", "state", badStates, s => ep.Advance(s.ToArray(), 0.01));
        yield return ArgSpan("EulerPoisson1D.ToPrimitive (walls)", "state", badStates, s => ep.ToPrimitive(s, new double[cells], new double[cells]));
        yield return ArgSpan("EulerPoisson1D.FieldEnergy (walls)", "state", WithNonFinite(epState), s => ep.FieldEnergy(s));
        yield return Arg("EulerPoisson1D.Advance (walls)", "duration", Gen.Elements(10.0, 1e300), t => ep.Advance(epState.ToArray(), t, 0.4, 3));

        // Valid calls leave every input bit-identical.
        double[] rho = [.. Enumerable.Range(0, n).Select(i => Math.Sin(i))], rho2 = [.. Enumerable.Range(0, n2).Select(i => Math.Cos(i))];
        yield return Pure("WallPoissonSolver.Solve/FieldEnergy", "1-D and 2-D charges", [rho, rho2], () =>
        {
            double[] e = new double[n], ex = new double[n2], ey = new double[n2];
            walls.Solve(rho, e, []);
            walls2.Solve(rho2, ex, ey);
            return [.. e, .. ex, .. ey, walls.FieldEnergy(e, []), walls2.FieldEnergy(ex, ey)];
        });
        yield return Pure("EulerPoisson1D (walls) StableStep/Field/FieldEnergy/ToPrimitive", "uniform state", [epState], () =>
        {
            double[] field = new double[cells], u = new double[cells], t = new double[cells];
            ep.Field(epState, field);
            ep.ToPrimitive(epState, u, t);
            return [ep.StableStep(epState), ep.FieldEnergy(epState), .. field, .. u, .. t];
        });
        double[] concentrations = [0.3, 0.7];
        yield return Pure("DiscreteMaxwellStefan.Evaluate/GrowthFactor", "c = (0.3, 0.7), θ = 1, tail cut-off 1e-2", [concentrations], () =>
        {
            var delta = new double[4];
            var ms = DiscreteMaxwellStefan.Create(LazyBoltzmann.Value, 1e-2);
            double residual = ms.Evaluate(concentrations, 1.0, delta);
            return [residual, ms.GrowthFactor(concentrations, 1.0), .. delta];
        });

        // With the default cut-off the 8³ grid's remainder has a growing mode: the measurement must say so.
        yield return FiniteOrStateError("DiscreteMaxwellStefan.Evaluate", "c = (0.3, 0.7), θ = 1, default tail cut-off", () =>
        {
            var delta = new double[4];
            return [LazyMs.Value.Evaluate(concentrations, 1.0, delta), .. delta];
        });
    }
}
