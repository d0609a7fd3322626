using BenchmarkDotNet.Attributes;
using Kinetics.Boltzmann;
using Kinetics.Dynamics;
using Kinetics.Kernels;
using Kinetics.Mixtures;
using Kinetics.PhaseSpace.Integration;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.PhaseSpace.States;
using Kinetics.PhaseSpace.Velocities;

namespace Kinetics.Bench.PhaseSpace;

/// <summary>
/// One Strang step of <see cref="PhaseSpaceSolver"/> on 4 cells of a periodic 1-D mesh with an N³ velocity grid, two
/// species (7:8, γ = −1, b ∝ |cos θ|): <see cref="Step"/> with the batched conservative collision step (one SSP-RK3 step,
/// the path `kinetics flow couette/fourier --kn` use), <see cref="Transport"/> without collisions (two transport
/// half-steps), <see cref="Collisions"/> the batched collision step alone. Cells/Step is cell-steps per second, Transport/Step the fraction of a step spent outside the collision
/// step, and Threads = 2 against Threads = 1 the speed-up of threads over cells (the transport sweeps and the batched
/// evaluations both run over cells).
/// </summary>
[MemoryDiagnoser]
public class PhaseSpaceStepBenchmarks
{
    /// <summary>Spatial cells of the benchmarked mesh.</summary>
    public const int Cells = 4;

    private PhaseSpaceState _state = null!;
    private PhaseSpaceSolver _collisional = null!;
    private PhaseSpaceSolver _free = null!;
    private CollisionStep _collisions = null!;
    private double _dt;

    /// <summary>Velocity points per axis.</summary>
    [Params(16, 24, 32)]
    public int N { get; set; }

    /// <summary>Worker threads over cells (transport and batched collisions).</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Builds the operator, the solvers and a perturbed two-temperature state.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var mixture = new Mixture(new Species("N2", 1.0), new Species("O2", 8.0 / 7.0));
        var grid = new VelocityGrid(3, N, 8.0);
        // Timing only: the resolution check (which stops runs whose Runge–Kutta stages ring above 1e−6 on the box faces,
        // as N = 16, L = 8 does) is switched off.
        var op = BoltzmannOperator.Create(
            grid.ToCartesian(),
            CollisionKernelTable.Uniform(mixture, new CollisionKernel(-1.0, AngularFunction.AbsoluteCosine(1.0))),
            new BoltzmannOptions { ResolutionTolerance = double.PositiveInfinity });
        var mesh = UniformMesh.Create1D(Cells, 1.0);
        _state = new PhaseSpaceState(mesh, grid, mixture);
        for (int s = 0; s < 2; s++)
        {
            double m = mixture[s].Mass, t = s == 0 ? 1.2 : 0.8;
            _state.Fill(s, (x, _, v) => (1 + (0.1 * Math.Sin(2 * Math.PI * x))) * Math.Pow(m / (2 * Math.PI * t), 1.5) * Math.Exp(-m * v.LengthSquared / (2 * t)));
        }

        _dt = 1e-3;
        var batched = CollisionStep.CreateBatched(op, new BatchedCollisionStepOptions { MaxDegreeOfParallelism = Threads });
        _collisional = PhaseSpaceSolver.Create(_state, new PhaseSpaceOptions { Collisions = batched, MaxDegreeOfParallelism = Threads });
        _collisions = CollisionStep.CreateBatched(op, new BatchedCollisionStepOptions { MaxDegreeOfParallelism = Threads });
        _free = PhaseSpaceSolver.Create(_state, new PhaseSpaceOptions { MaxDegreeOfParallelism = Threads });
    }

    /// <summary>A full Strang step with collisions.</summary>
    [Benchmark(Baseline = true)]
    public void Step() => _collisional.Step(_state, _dt);

    /// <summary>The same step without collisions (transport only).</summary>
    [Benchmark]
    public void Transport() => _free.Step(_state, _dt);

    /// <summary>The batched collision step alone (one SSP-RK3 step: three batched evaluations of all cells).</summary>
    [Benchmark]
    public void Collisions() => _collisions.Advance(_state, _dt);
}
