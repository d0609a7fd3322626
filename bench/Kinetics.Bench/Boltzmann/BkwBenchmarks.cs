using BenchmarkDotNet.Attributes;
using Kinetics.Boltzmann;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Quadrature;

namespace Kinetics.Bench.Boltzmann;

/// <summary>
/// One evaluation of the configuration of `kinetics verify bkw --n N` (BKW profile at K = 0.7, Maxwell molecules,
/// b_σ = 1/(4π), icosahedron, N/2 radial nodes, the command's default box half-width), so that the command's steady-state
/// ms_per_eval can be checked against BenchmarkDotNet (docs/benchmarks.md).
/// </summary>
[MemoryDiagnoser]
public class BkwBenchmarks
{
    private BoltzmannOperator _operator = null!;
    private BoltzmannWorkspace _workspace = null!;
    private double[] _f = [];
    private double[] _q = [];

    /// <summary>Points per axis.</summary>
    [Params(16, 32)]
    public int N { get; set; }

    /// <summary>Builds the plan and the BKW profile.</summary>
    [GlobalSetup]
    public void Setup()
    {
        double halfWidth = N switch { <= 16 => 6.0, <= 24 => 6.5, <= 32 => 7.0, _ => 8.0 }; // VerifyBkwCommand.DefaultHalfWidth
        var grid = new CartesianGrid(N, halfWidth);
        var kernel = CollisionKernel.MaxwellMolecules(AngularFunction.Isotropic(1.0 / (4.0 * Math.PI)));
        _operator = BoltzmannOperator.Create(grid, kernel, 1.0, new BoltzmannOptions { Sphere = SphereRule.Icosahedron });
        _workspace = _operator.CreateWorkspace();
        _f = new double[grid.Count];
        _q = new double[grid.Count];
        for (int p = 0; p < grid.Count; p++)
        {
            _f[p] = BkwSolution.Evaluate(0.7, grid.Point(p));
        }
    }

    /// <summary>Q(f, f) of the BKW profile into caller-owned memory.</summary>
    [Benchmark]
    public void Evaluate() => _operator.Evaluate(_f, _q, _workspace);
}
