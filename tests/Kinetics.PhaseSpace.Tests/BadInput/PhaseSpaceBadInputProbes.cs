using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using Kinetics.Boltzmann;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Mixtures;
using Kinetics.PhaseSpace.Boundaries;
using Kinetics.PhaseSpace.Checkpoints;
using Kinetics.PhaseSpace.Diagnostics;
using Kinetics.PhaseSpace.Fields;
using Kinetics.PhaseSpace.Integration;
using Kinetics.PhaseSpace.Limits;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.PhaseSpace.Moments;
using Kinetics.PhaseSpace.Parallel;
using Kinetics.PhaseSpace.States;
using Kinetics.PhaseSpace.Theory;
using Kinetics.PhaseSpace.Transport;
using Kinetics.PhaseSpace.Velocities;
using Kinetics.Quadrature;
using Kinetics.Tests.BadInput;
using static Kinetics.Tests.BadInput.BadInputGenerators;
using static Kinetics.Tests.BadInput.BadInputProbeFactory;

namespace Kinetics.PhaseSpace.Tests.BadInput;

/// <summary>
/// The bad-input catalogue of Kinetics.PhaseSpace: meshes, velocity grids, states, transport, walls, Poisson, force
/// term, solver (steps, runs, clocks, gathers, checkpoints), moments, diagnostics, dispersion relations and the domain
/// decomposition, each probed with generators of invalid values per parameter kind (run by the shared
/// <see cref="BadInputRunner"/>: clear error naming the parameter, nothing mutated, no hang).
/// </summary>
internal static class PhaseSpaceBadInputProbes
{
    private static readonly UniformMesh Mesh = UniformMesh.Create1D(8, 2.0);
    private static readonly UniformMesh Mesh2 = UniformMesh.Create2D(4, 6, 1.0, 2.0);
    private static readonly VelocityGrid Grid = new(1, 8, 4.0);
    private static readonly Mixture Plasma = new(new Species("e", 1.0, charge: -1.0), new Species("i", 2.0, charge: 1.0));

    private static readonly CartesianGrid ApGrid = new(8, 6.0);
    private static readonly Mixture ApGas = new(new Species("A", 1.0), new Species("B", 2.0));

    private static readonly Lazy<BoltzmannOperator> LazyApOperator = new(() => BoltzmannOperator.Create(
        ApGrid,
        CollisionKernelTable.Uniform(ApGas, new CollisionKernel(0.0, AngularFunction.Isotropic(1.0 / (4 * Math.PI)))),
        new BoltzmannOptions { Sphere = SphereRule.Octahedron, RadialPoints = 4, ResolutionTolerance = 1e-2 }));

    private static readonly Lazy<AsymptoticPreservingSolver> LazyAp = new(() => AsymptoticPreservingSolver.Create(ApState(), LazyApOperator.Value, new AsymptoticPreservingOptions { Epsilon = 0.1 }));

    private static PhaseSpaceState ApState()
    {
        var state = new PhaseSpaceState(Mesh, VelocityGrid.FromCartesian(ApGrid), ApGas);
        for (int c = 0; c < state.CellCount; c++)
        {
            Maxwellian.Fill(ApGrid, new MacroscopicState(1.0 + (0.1 * Math.Cos(c)), Velocity3.Zero, 1.0), 1.0, state.Distribution(c, 0));
            Maxwellian.Fill(ApGrid, new MacroscopicState(0.8, Velocity3.Zero, 1.0), 2.0, state.Distribution(c, 1));
        }

        return state;
    }

    private static PhaseSpaceState State()
    {
        var state = new PhaseSpaceState(Mesh, Grid, Plasma);
        state.Fill(0, (x, _, v) => (1 + (0.1 * Math.Cos(Math.PI * x))) * Math.Exp(-v.X * v.X / 2));
        state.Fill(1, (_, _, v) => Math.Exp(-v.X * v.X));
        return state;
    }

    private static (PhaseSpaceSolver Solver, PhaseSpaceState State) Solver(PhaseSpaceOptions? options = null)
    {
        var state = State();
        return (PhaseSpaceSolver.Create(state, options), state);
    }

    public static IEnumerable<Probe> All()
    {
        int n = Mesh.CellsX;
        // Meshes.
        yield return Arg("UniformMesh.Create1D", "cells", Gen.OneOf(BadIndex(2).Where(c => c < 2), Gen.Elements(UniformMesh.MaxCellsPerAxis + 1, int.MaxValue)), c => UniformMesh.Create1D(c, 1.0));
        yield return Arg("UniformMesh.Create1D", "length", NonPositive, l => UniformMesh.Create1D(8, l));
        yield return Arg("UniformMesh.Create2D", "cellsY", Gen.Elements(-1, 0, 1, UniformMesh.MaxCellsPerAxis + 1), c => UniformMesh.Create2D(8, c, 1.0, 1.0));
        yield return Arg("UniformMesh.Create2D", "cellsY", Gen.Constant(UniformMesh.MaxCellsPerAxis), c => UniformMesh.Create2D(UniformMesh.MaxCellsPerAxis, c, 1.0, 1.0));
        yield return Arg("UniformMesh.Create2D", "lengthY", NonPositive, l => UniformMesh.Create2D(8, 8, 1.0, l));
        yield return Arg("UniformMesh.Cells", "axis", BadIndex(2), a => Mesh2.Cells(a));
        yield return Arg("UniformMesh.Cells", "axis", Gen.Constant(1), a => Mesh.Cells(a));
        yield return Arg("UniformMesh.Index", "ix", BadIndex(Mesh2.CellsX), i => Mesh2.Index(i, 0));
        yield return Arg("UniformMesh.Index", "iy", BadIndex(Mesh2.CellsY), i => Mesh2.Index(0, i));
        yield return Arg("UniformMesh.CenterX", "ix", BadIndex(n), i => Mesh.CenterX(i));
        yield return Arg("UniformMesh.CenterY", "iy", BadIndex(Mesh2.CellsY), i => Mesh2.CenterY(i));

        // Velocity grids.
        yield return Arg("VelocityGrid(.ctor)", "dimension", Gen.Elements(-1, 0, 4, int.MaxValue), d => _ = new VelocityGrid(d, 8, 1.0));
        yield return Arg("VelocityGrid(.ctor)", "pointsPerAxis", Gen.Elements(-8, 0, 3, 2048, int.MaxValue), k => _ = new VelocityGrid(1, k, 1.0));
        yield return Arg("VelocityGrid(.ctor)", "pointsPerAxis", Gen.Constant(1024), k => _ = new VelocityGrid(3, k, 1.0));
        yield return Arg("VelocityGrid(.ctor)", "halfWidth", NonPositive, l => _ = new VelocityGrid(1, 8, l));
        yield return Arg("VelocityGrid.Stride", "axis", BadIndex(1), a => Grid.Stride(a));
        yield return Arg("VelocityGrid.Component", "index", BadIndex(Grid.Count), p => Grid.Component(p, 0));
        yield return Arg("VelocityGrid.Component", "axis", Gen.Elements(-1, 3, int.MaxValue), a => Grid.Component(0, a));
        yield return Arg("VelocityGrid.FillComponent", "destination", Gen.Elements(0, 1, 7, 9), k => Grid.FillComponent(0, new double[k]));
        yield return Arg("VelocityGrid.FromCartesian", "grid", Gen.Constant(0), _ => VelocityGrid.FromCartesian(null!));

        // States.
        yield return Arg("PhaseSpaceState(.ctor)", "firstRow", BadIndex(n), r => _ = new PhaseSpaceState(Mesh, Grid, Plasma, r, 1));
        yield return Arg("PhaseSpaceState(.ctor)", "rowCount", Gen.Elements(-1, 0, n + 1, int.MaxValue), r => _ = new PhaseSpaceState(Mesh, Grid, Plasma, 0, r));
        yield return Arg("PhaseSpaceState(.ctor)", "mixture", Gen.Constant(0), z => _ = new PhaseSpaceState(Mesh, Grid, null!));
        yield return Arg(
            "PhaseSpaceState(.ctor)", "rowCount", Gen.Constant(0),
            z => _ = new PhaseSpaceState(UniformMesh.Create2D(4096, 4096, 1.0, 1.0), new VelocityGrid(3, 64, 1.0), Plasma));
        yield return Arg("PhaseSpaceState.Cell", "cell", BadIndex(n), c => State().Cell(c));
        yield return Arg("PhaseSpaceState.Distribution", "cell", BadIndex(n), c => State().Distribution(c, 0));
        yield return Arg("PhaseSpaceState.Distribution", "species", BadIndex(2), s => State().Distribution(0, s));
        yield return Arg("PhaseSpaceState.Fill", "species", BadIndex(2), s => State().Fill(s, (_, _, _) => 1.0));
        yield return Arg("PhaseSpaceState.Fill", "density", NonFinite, bad => State().Fill(0, (x, _, _) => x > 1.0 ? bad : 1.0));

        // Transport.
        yield return Arg("FreeTransport.Create", "limiter", Undefined<SlopeLimiter>(), l => FreeTransport.Create(Mesh, Grid, l));
        yield return Arg("FreeTransport.Create", "velocities", Gen.Constant(0), _ => FreeTransport.Create(Mesh2, Grid));
        yield return Arg("FreeTransport.Create", "highBoundary", Gen.Constant(0), _ => FreeTransport.Create(Mesh, Grid, SlopeLimiter.VanLeer, WallBoundary.Specular()));
        yield return Arg("FreeTransport.Advance", "step", Gen.OneOf(Negative, Gen.Elements(1e3, 1e300)), dt =>
        {
            var transport = FreeTransport.Create(Mesh, Grid);
            var state = State();
            transport.Advance(state, dt, SerialCommunicator.Instance, transport.CreateWorkspace(state));
        });
        yield return Arg("FreeTransport.Advance", "workspace", Gen.Constant(0), _ =>
        {
            var transport = FreeTransport.Create(Mesh, Grid);
            var other = new PhaseSpaceState(Mesh, Grid, new Mixture(new Species("n", 1.0)));
            transport.Advance(State(), 0.01, SerialCommunicator.Instance, transport.CreateWorkspace(other));
        });
        yield return Arg("FreeTransport.Advance", "state", Gen.Constant(0), _ =>
        {
            var transport = FreeTransport.Create(Mesh, Grid);
            var state = new PhaseSpaceState(Mesh, new VelocityGrid(1, 16, 4.0), Plasma);
            transport.Advance(state, 0.01, SerialCommunicator.Instance, transport.CreateWorkspace(State()));
        });

        // Walls and inflow.
        yield return Arg("WallBoundary.Diffuse", "temperature", NonPositive, t => WallBoundary.Diffuse(t));
        yield return Arg("WallBoundary.Diffuse", "accommodation", Gen.OneOf(NonFinite, Gen.Elements(-0.1, 1.0001, 2.0)), a => WallBoundary.Diffuse(1.0, default, a));
        yield return Arg("WallBoundary.Diffuse", "velocity", NonFiniteVelocity, u => WallBoundary.Diffuse(1.0, u));
        yield return Arg("MaxwellianInflow(.ctor)", "densities", Gen.OneOf(Negative, Gen.Constant(double.NaN)), d => _ = new MaxwellianInflow([1.0, d], Velocity3.Zero, 1.0));
        yield return Arg("MaxwellianInflow(.ctor)", "temperature", NonPositive, t => _ = new MaxwellianInflow([1.0], Velocity3.Zero, t));
        yield return Arg("MaxwellianInflow(.ctor)", "drift", NonFiniteVelocity, u => _ = new MaxwellianInflow([1.0], u, 1.0));
        yield return Arg("PhaseSpaceSolver.Create", "highBoundary", Gen.Constant(0), _ => PhaseSpaceSolver.Create(State(), new PhaseSpaceOptions { LowBoundary = WallBoundary.Specular() }));
        yield return Arg("PhaseSpaceSolver.Create", "mesh", Gen.Constant(0), _ =>
        {
            // Charged species between walls on a 2-D mesh whose x cell count the FFT cannot take.
            var state = new PhaseSpaceState(UniformMesh.Create2D(7, 6, 1.0, 2.0), new VelocityGrid(2, 8, 4.0), Plasma);
            PhaseSpaceSolver.Create(state, new PhaseSpaceOptions { LowBoundary = WallBoundary.Specular(), HighBoundary = WallBoundary.Specular() });
        });
        yield return Arg("PhaseSpaceSolver.Create", "high", Gen.Constant(0), _ => PhaseSpaceSolver.Create(
            State(), new PhaseSpaceOptions { LowBoundary = WallBoundary.Specular(), HighBoundary = WallBoundary.Specular(), LowField = FieldBoundary.Field(0), HighField = FieldBoundary.Field(0), NeutralisingBackground = false }));
        yield return Arg("FieldBoundary.Potential", "potential", NonFinite, p => FieldBoundary.Potential(p));
        yield return Arg("FieldBoundary.Field", "field", NonFinite, e => FieldBoundary.Field(e));
        var walls = WallPoissonSolver.Create(Mesh, FieldBoundary.Grounded, FieldBoundary.Potential(1.0));
        yield return ArgSpan("WallPoissonSolver.Solve", "chargeDensity", WithNonFinite(new double[n]), rho => walls.Solve(rho, new double[n], []));
        yield return Arg("WallPoissonSolver.Solve", "fieldX", Gen.Elements(0, n - 1, n + 1), k => walls.Solve(new double[n], new double[k], []));
        yield return Arg("WallPoissonSolver.Create", "low", Gen.Elements(new FieldBoundary(true, double.NaN), new FieldBoundary(false, double.PositiveInfinity)), b => WallPoissonSolver.Create(Mesh, b, FieldBoundary.Grounded));

        // Poisson and force.
        var poisson = PeriodicPoissonSolver.Create(Mesh);
        yield return Arg("PeriodicPoissonSolver.Create", "mesh", Gen.Elements(7, 14, 22), c => PeriodicPoissonSolver.Create(UniformMesh.Create1D(c, 1.0)));
        yield return ArgSpan("PeriodicPoissonSolver.Solve", "chargeDensity", WithNonFinite(new double[n]), rho => poisson.Solve(rho, new double[n], []));
        yield return Arg("PeriodicPoissonSolver.Solve", "chargeDensity", Gen.Elements(0, 1, n - 1, n + 1), k => poisson.Solve(new double[k], new double[n], []));
        yield return Arg("PeriodicPoissonSolver.Solve", "fieldX", Gen.Elements(0, n - 1, n + 1), k => poisson.Solve(new double[n], new double[k], []));
        yield return ArgSpan("PeriodicPoissonSolver.FieldEnergy", "fieldX", WithNonFinite(new double[n]), e => poisson.FieldEnergy(e, []));
        yield return Arg("PeriodicPoissonSolver.FieldEnergy", "fieldX", Gen.Elements(0, n - 1, n + 1), k => poisson.FieldEnergy(new double[k], []));
        yield return Arg("ForceTerm.Create", "limiter", Undefined<SlopeLimiter>(), l => ForceTerm.Create(Grid, l));
        yield return ArgSpan("ForceTerm.Advance", "fieldX", WithNonFinite(new double[n]), e => ForceTerm.Create(Grid).Advance(State(), e, [], 0.01));
        yield return Arg("ForceTerm.Advance", "fieldX", Gen.Elements(0, n - 1, n + 1), k => ForceTerm.Create(Grid).Advance(State(), new double[k], [], 0.01));
        yield return Arg("ForceTerm.Advance", "step", Gen.OneOf(Negative, Gen.Elements(1e5, 1e300)), dt => ForceTerm.Create(Grid).Advance(State(), Enumerable.Repeat(1.0, n).ToArray(), [], dt));

        // Solver.
        yield return Arg("PhaseSpaceSolver.Create", "Cfl", NonPositive, c => PhaseSpaceSolver.Create(State(), new PhaseSpaceOptions { Cfl = c }));
        yield return Arg("PhaseSpaceSolver.Create", "Cfl", Gen.Elements(1.01, 2.0, 1e300), c => PhaseSpaceSolver.Create(State(), new PhaseSpaceOptions { Cfl = c }));
        yield return Arg("PhaseSpaceSolver.Create", "CollisionCourant", NonPositive, c => PhaseSpaceSolver.Create(State(), new PhaseSpaceOptions { CollisionCourant = c }));
        yield return Arg("PhaseSpaceSolver.Create", "MaxDegreeOfParallelism", Gen.Elements(0, -2, int.MinValue), t => PhaseSpaceSolver.Create(State(), new PhaseSpaceOptions { MaxDegreeOfParallelism = t }));
        yield return Arg("PhaseSpaceSolver.Create", "Limiter", Undefined<SlopeLimiter>(), l => PhaseSpaceSolver.Create(State(), new PhaseSpaceOptions { Limiter = l }));
        yield return Arg("PhaseSpaceSolver.Create", "Communicator", Gen.Constant(0), _ => PhaseSpaceSolver.Create(State(), new PhaseSpaceOptions { Communicator = null! }));
        yield return Arg("PhaseSpaceSolver.Step", "step", Gen.OneOf(Negative, Gen.Elements(1e3, 1e300)), dt =>
        {
            var (solver, state) = Solver();
            solver.Step(state, dt);
        });
        yield return Arg("PhaseSpaceSolver.Step", "state", Gen.Constant(0), _ => Solver().Solver.Step(new PhaseSpaceState(Mesh2, new VelocityGrid(2, 8, 4.0), Plasma), 0.01));
        yield return Arg("PhaseSpaceSolver.Run", "finalTime", Gen.OneOf(NonPositive, Gen.Elements(1e12, 1e300)), t =>
        {
            var (solver, state) = Solver();
            solver.Run(state, t);
        });
        yield return Arg("PhaseSpaceSolver.Continue", "clock", Gen.Elements(new PhaseSpaceRunClock(1.0, 10, 11), new PhaseSpaceRunClock(double.NaN, 10, 0), new PhaseSpaceRunClock(1.0, 0, 0), new PhaseSpaceRunClock(-1.0, 5, 0), default), c =>
        {
            var (solver, state) = Solver();
            solver.Continue(state, c);
        });
        yield return Arg("PhaseSpaceSolver.Continue", "maxSteps", Gen.Elements(0, -1, int.MinValue), k =>
        {
            var (solver, state) = Solver();
            solver.Continue(state, solver.Schedule(state, 1.0), k);
        });
        yield return Arg("PhaseSpaceSolver.CreateCheckpoint", "clock", Gen.Elements(new PhaseSpaceRunClock(1.0, 10, 11), default), c =>
        {
            var (solver, state) = Solver();
            solver.CreateCheckpoint(state, c);
        });
        yield return Arg("PhaseSpaceSolver.Restore", "checkpoint", Gen.Constant(0), _ =>
        {
            var (solver, state) = Solver();
            solver.Restore(null!, state);
        });
        yield return Arg("PhaseSpaceSolver.Gather", "local", Gen.Elements(0, 1, (2 * n) - 1, (2 * n) + 1), k => Solver().Solver.Gather(new double[k], 2));
        yield return Arg("PhaseSpaceSolver.Gather", "width", Gen.Elements(0, -1, int.MinValue), w => Solver().Solver.Gather(new double[n], w));
        yield return Arg("PhaseSpaceCheckpoint.Read", "stream", Gen.Constant(0), _ => PhaseSpaceCheckpoint.Read(null!));
        yield return Arg("PhaseSpaceCheckpoint.Save", "path", Gen.Elements("", " "), p => Checkpoint().Save(p));
        yield return Arg("CollisionStep.Create", "collisionOperator", Gen.Constant(0), _ => CollisionStep.Create(null!));
        yield return Arg("PhaseSpaceSolver.CreateLocalState", "mesh", Gen.Constant(0), _ => PhaseSpaceSolver.CreateLocalState(null!, Grid, Plasma));

        // Moments and diagnostics.
        yield return Arg("CellMoments.Species", "cell", BadIndex(n), c => CellMoments.Species(State(), c, 0));
        yield return Arg("CellMoments.Species", "species", BadIndex(2), s => CellMoments.Species(State(), 0, s));
        yield return Arg("CellMoments.Mixture", "cell", BadIndex(n), c => CellMoments.Mixture(State(), c));
        yield return Arg("CellMoments.Densities", "species", BadIndex(2), s => CellMoments.Densities(State(), s, new double[n]));
        yield return Arg("CellMoments.Densities", "destination", Gen.Elements(0, n - 1, n + 1), k => CellMoments.Densities(State(), 0, new double[k]));
        yield return ArgSpan("FieldEnergyFit.Maxima", "energies", Gen.Elements(new double[3], new double[5]), e => FieldEnergyFit.Maxima(new double[4], e, 0, 1));
        yield return ArgSpan("FieldEnergyFit.Maxima", "times", WithNonFinite([0.0, 0.1, 0.2, 0.3]), t => FieldEnergyFit.Maxima(t, [1.0, 2.0, 1.0, 2.0], 0, 1));
        yield return Arg("FieldEnergyFit.Maxima", "from", NonFinite, f => FieldEnergyFit.Maxima([0.0, 0.1, 0.2], [1.0, 2.0, 1.0], f, 1));
        yield return Arg("FieldEnergyFit.GrowthRate", "to", Gen.Elements(-1.0, 0.0, double.NaN), t => FieldEnergyFit.GrowthRate([0.0, 0.1, 0.2], [1.0, 2.0, 3.0], 0.05, t));

        // Dispersion relations.
        yield return Arg("PlasmaDispersion.Faddeeva", "z", Gen.Elements(new Complex(double.NaN, 0), new Complex(0, double.PositiveInfinity), new Complex(double.NegativeInfinity, 1)), z => PlasmaDispersion.Faddeeva(z));
        yield return Arg("BeamDispersion.Root", "k", NonPositive, k => BeamDispersion.Maxwellian.Root(k, new Complex(1.4, -0.15)));
        yield return Arg("BeamDispersion.Root", "guess", Gen.Elements(new Complex(double.NaN, 0), new Complex(0, double.PositiveInfinity)), g => BeamDispersion.Maxwellian.Root(0.5, g));
        yield return Arg("BeamDispersion.Evaluate", "omega", Gen.Elements(new Complex(double.NaN, 0), new Complex(0, double.PositiveInfinity)), w => BeamDispersion.Maxwellian.Evaluate(w, 0.5));
        yield return Arg("BeamDispersion.TwoStream", "temperature", NonPositive, t => BeamDispersion.TwoStream(2.0, t));
        yield return Arg("BeamDispersion.TwoStream", "drift", NonFinite, u => BeamDispersion.TwoStream(u, 1.0));
        yield return Arg("BeamDispersion(.ctor)", "Temperatures", NonPositive, t => _ = new BeamDispersion([1.0], [0.0], [t]).Evaluate(new Complex(1, 0), 0.5));
        yield return Arg("BeamDispersion(.ctor)", "Drifts", Gen.Elements(0, 2), k => _ = new BeamDispersion([1.0], new double[k], [1.0]).Evaluate(new Complex(1, 0), 0.5));

        // Domain decomposition.
        yield return Arg("DomainDecomposition(.ctor)", "ranks", Gen.Elements(0, -1, int.MinValue), r => _ = new DomainDecomposition(8, r));
        yield return Arg("DomainDecomposition(.ctor)", "rows", Gen.Elements(0, -1, int.MinValue), r => _ = new DomainDecomposition(r, 2));
        yield return Arg("DomainDecomposition.FirstRow", "rank", BadIndex(2), r => new DomainDecomposition(8, 2).FirstRow(r));
        yield return Arg("DomainDecomposition.RowCount", "rank", BadIndex(2), r => new DomainDecomposition(8, 2).RowCount(r));
        yield return Arg("SerialCommunicator.AllGather", "gathered", Gen.Elements(0, 1, 3), k => SerialCommunicator.Instance.AllGather([1.0, 2.0], [2], new double[k]));
        yield return Arg("SerialCommunicator.AllGather", "counts", Gen.Elements(Array.Empty<int>(), new[] { 1, 1 }, new[] { 3 }), c => SerialCommunicator.Instance.AllGather([1.0, 2.0], c, new double[2]));
        yield return Arg("SerialCommunicator.ExchangeHalo", "receiveHigh", Gen.Elements(0, 1, 3), k => SerialCommunicator.Instance.ExchangeHalo([1.0, 2.0], [3.0, 4.0], new double[2], new double[k]));

        foreach (var probe in Campaign3())
        {
            yield return probe;
        }
    }

    // Campaign 3: the asymptotic-preserving solver, its options and scalings, and the Euler–Poisson limit.
    private static IEnumerable<Probe> Campaign3()
    {
        // Asymptotic-preserving solver.
        var op = LazyApOperator.Value;
        var layout = ApState();
        yield return Arg("AsymptoticPreservingSolver.Create", "layout", Gen.Constant(0), _ => AsymptoticPreservingSolver.Create(null!, op));
        yield return Arg("AsymptoticPreservingSolver.Create", "collisionOperator", Gen.Constant(0), _ => AsymptoticPreservingSolver.Create(layout, null!));
        yield return Arg("AsymptoticPreservingSolver.Create", "layout", Gen.Constant(0), _ => AsymptoticPreservingSolver.Create(State(), op));
        yield return Arg("AsymptoticPreservingSolver.Create", "layout", Gen.Constant(0), _ => AsymptoticPreservingSolver.Create(new PhaseSpaceState(Mesh, VelocityGrid.FromCartesian(ApGrid), new Mixture(new Species("A", 1.0), new Species("B", 3.0))), op));
        yield return Arg("AsymptoticPreservingOptions.Epsilon", "Epsilon", Gen.OneOf(NonPositive, Gen.Elements(1e-9, 1e4)), e => AsymptoticPreservingSolver.Create(layout, op, new AsymptoticPreservingOptions { Epsilon = e }));
        yield return Arg("AsymptoticPreservingOptions.Scaling", "Scaling", Undefined<KineticScaling>(), k => AsymptoticPreservingSolver.Create(layout, op, new AsymptoticPreservingOptions { Scaling = k }));
        yield return Arg("AsymptoticPreservingOptions.PenaltyFactor", "PenaltyFactor", Gen.OneOf(NonPositive, Gen.Elements(0.49, 1e4)), b => AsymptoticPreservingSolver.Create(layout, op, new AsymptoticPreservingOptions { PenaltyFactor = b }));
        yield return Arg("AsymptoticPreservingOptions.TailCutoff", "TailCutoff", Gen.OneOf(Negative, Gen.Elements(0.011, 1.0)), c => AsymptoticPreservingSolver.Create(layout, op, new AsymptoticPreservingOptions { TailCutoff = c }));
        yield return Arg("AsymptoticPreservingOptions.Explicit", "Explicit", Gen.Constant(0), _ => AsymptoticPreservingSolver.Create(layout, op, new AsymptoticPreservingOptions { Explicit = new PhaseSpaceOptions { Collisions = CollisionStep.Create(op) } }));
        var ap = LazyAp.Value;
        yield return Arg("AsymptoticPreservingSolver.Step", "state", Gen.Constant(0), _ => ap.Step(null!, ap.StableStep));
        yield return Arg("AsymptoticPreservingSolver.Step", "step", NonPositive, dt => ap.Step(ApState(), dt));
        yield return Arg("AsymptoticPreservingSolver.Step", "step", Gen.Elements(1.01, 2.0, 1e6), k => ap.Step(ApState(), k * ap.StableStep));
        yield return Arg("AsymptoticPreservingSolver.Step", "state", Gen.Constant(0), _ => ap.Step(new PhaseSpaceState(UniformMesh.Create1D(4, 2.0), VelocityGrid.FromCartesian(ApGrid), ApGas), ap.StableStep));
        yield return Arg("AsymptoticPreservingSolver.Step", "state", Gen.Elements(0, 7, 100), p =>
        {
            var state = ApState();
            state.Distribution(3, 1)[p] = double.NaN;
            ap.Step(state, ap.StableStep);
        });
        yield return Arg("AsymptoticPreservingSolver.Run", "state", Gen.Constant(0), _ => ap.Run(null!, 0.1));
        yield return Arg("AsymptoticPreservingSolver.Run", "finalTime", NonPositive, t => ap.Run(ApState(), t));
        yield return Arg("AsymptoticPreservingSolver.Run", "maxStep", NonPositive, m => ap.Run(ApState(), 0.1, m));
        yield return Arg("AsymptoticPreservingSolver.Run", "finalTime", Gen.Elements(1e300, 1e12), t => ap.Run(ApState(), t));
        yield return Arg("AsymptoticPreservingSolver.Run", "state", Gen.Constant(0), _ => ap.Run(State(), 0.1));

        // Euler–Poisson limit.
        double[] masses = [1.0, 2.0], charges = [-1.0, 1.0];
        var ep = EulerPoisson1D.Create(masses, charges, 8, 2.0);
        int cells = ep.Cells, length = ep.VariableCount * cells;
        double[] ValidState()
        {
            var s = new double[length];
            ep.FromPrimitive(Enumerable.Repeat(1.0, 2 * cells).ToArray(), new double[cells], Enumerable.Repeat(1.0, cells).ToArray(), s);
            return s;
        }

        yield return Arg("EulerPoisson1D.Create", "masses", NonPositive, m => EulerPoisson1D.Create([1.0, m], charges, 8, 2.0));
        yield return Arg("EulerPoisson1D.Create", "masses.Length", Gen.Elements(0, 17), k => EulerPoisson1D.Create(Enumerable.Repeat(1.0, k).ToArray(), new double[k], 8, 2.0));
        yield return Arg("EulerPoisson1D.Create", "charges", NonFinite, q => EulerPoisson1D.Create(masses, [-1.0, q], 8, 2.0));
        yield return Arg("EulerPoisson1D.Create", "charges", Gen.Elements(0, 1, 3), k => EulerPoisson1D.Create(masses, new double[k], 8, 2.0));
        yield return Arg("EulerPoisson1D.Create", "cells", Gen.Elements(-1, 0, 7, 1_000_001, int.MaxValue), k => EulerPoisson1D.Create(masses, charges, k, 2.0));
        yield return Arg("EulerPoisson1D.Create", "length", NonPositive, l => EulerPoisson1D.Create(masses, charges, 8, l));
        yield return Arg("EulerPoisson1D.Centre", "k", BadIndex(cells), k => ep.Centre(k));
        yield return ArgSpan("EulerPoisson1D.FromPrimitive", "densities", WithNonPositive(Enumerable.Repeat(1.0, 2 * cells).ToArray()), d => ep.FromPrimitive(d, new double[cells], Enumerable.Repeat(1.0, cells).ToArray(), new double[length]));
        yield return ArgSpan("EulerPoisson1D.FromPrimitive", "densities", WithNonFinite(Enumerable.Repeat(1.0, 2 * cells).ToArray()), d => ep.FromPrimitive(d, new double[cells], Enumerable.Repeat(1.0, cells).ToArray(), new double[length]));
        yield return ArgSpan("EulerPoisson1D.FromPrimitive", "velocity", WithNonFinite(new double[cells]), u => ep.FromPrimitive(Enumerable.Repeat(1.0, 2 * cells).ToArray(), u, Enumerable.Repeat(1.0, cells).ToArray(), new double[length]));
        yield return ArgSpan("EulerPoisson1D.FromPrimitive", "temperature", WithNonPositive(Enumerable.Repeat(1.0, cells).ToArray()), t => ep.FromPrimitive(Enumerable.Repeat(1.0, 2 * cells).ToArray(), new double[cells], t, new double[length]));
        yield return Arg("EulerPoisson1D.FromPrimitive", "state", Gen.Elements(0, length - 1, length + 1), k => ep.FromPrimitive(Enumerable.Repeat(1.0, 2 * cells).ToArray(), new double[cells], Enumerable.Repeat(1.0, cells).ToArray(), new double[k]));
        yield return ArgSpan("EulerPoisson1D.ToPrimitive", "state", WithNonFinite(ValidState()), s => ep.ToPrimitive(s, new double[cells], new double[cells]));
        yield return Arg("EulerPoisson1D.ToPrimitive", "temperature", Gen.Elements(0, cells - 1, cells + 1), k => ep.ToPrimitive(ValidState(), new double[cells], new double[k]));
        yield return ArgSpan("EulerPoisson1D.Field", "state", WithNonFinite(ValidState()), s => ep.Field(s, new double[cells]));
        yield return Arg("EulerPoisson1D.Field", "field", Gen.Elements(0, cells - 1, cells + 1), k => ep.Field(ValidState(), new double[k]));
        yield return ArgSpan("EulerPoisson1D.StableStep", "state", WithNonFinite(ValidState()), s => ep.StableStep(s));
        yield return Arg("EulerPoisson1D.StableStep", "courant", Gen.OneOf(NonPositive, Gen.Elements(1.5, 1e300)), c => ep.StableStep(ValidState(), c));
        yield return Arg("EulerPoisson1D.StableStep", "state", Gen.Elements(0, length - 1, length + 1), k => ep.StableStep(new double[k]));
        yield return Arg("EulerPoisson1D.Advance", "state", Gen.Elements(0, 7, 20), p =>
        {
            var s = ValidState();
            s[p] = double.NaN;
            ep.Advance(s, 0.01);
        });
        yield return Arg("EulerPoisson1D.Advance", "duration", Negative, t => ep.Advance(ValidState(), t));
        yield return Arg("EulerPoisson1D.Advance", "courant", Gen.OneOf(NonPositive, Gen.Elements(1.5)), c => ep.Advance(ValidState(), 0.01, c));
        yield return Arg("EulerPoisson1D.Advance", "maxSteps", Gen.Elements(0, -1, int.MinValue), k => ep.Advance(ValidState(), 0.01, 0.4, k));
        yield return Arg("EulerPoisson1D.Advance", "duration", Gen.Elements(1e6, 1e300), t => ep.Advance(ValidState(), t, 0.4, 100));
        yield return Arg("EulerPoisson1D.LinearFrequency", "temperature", NonPositive, t => EulerPoisson1D.LinearFrequency(masses, charges, [1.0, 1.0], t, 1.0));
        yield return Arg("EulerPoisson1D.LinearFrequency", "masses", NonPositive, m => EulerPoisson1D.LinearFrequency([1.0, m], charges, [1.0, 1.0], 1.0, 1.0));
        yield return Arg("EulerPoisson1D.LinearFrequency", "densities", NonPositive, n => EulerPoisson1D.LinearFrequency(masses, charges, [1.0, n], 1.0, 1.0));
        yield return Arg("EulerPoisson1D.LinearFrequency", "charges", NonFinite, q => EulerPoisson1D.LinearFrequency(masses, [-1.0, q], [1.0, 1.0], 1.0, 1.0));
        yield return Arg("EulerPoisson1D.LinearFrequency", "wavenumber", NonFinite, k => EulerPoisson1D.LinearFrequency(masses, charges, [1.0, 1.0], 1.0, k));
        yield return Arg("EulerPoisson1D.LinearFrequency", "densities", Gen.Elements(0, 1, 3), k => EulerPoisson1D.LinearFrequency(masses, charges, Enumerable.Repeat(1.0, k).ToArray(), 1.0, 1.0));
    }

    private static PhaseSpaceCheckpoint Checkpoint()
    {
        var (solver, state) = Solver();
        return solver.CreateCheckpoint(state, solver.Schedule(state, 1.0));
    }
}
