using BenchmarkDotNet.Attributes;
using Kinetics.Boltzmann;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Mixtures;

namespace Kinetics.Bench.Boltzmann;

/// <summary>
/// One evaluation of the fast spectral <see cref="BoltzmannOperator"/> (hard spheres, default options) for one species and
/// for the 1:4 two-species mixture, and of its bilinear form, with an explicit workspace (expected: zero allocations).
/// </summary>
[MemoryDiagnoser]
public class BoltzmannOperatorBenchmarks
{
    private BoltzmannOperator _operator = null!;
    private BoltzmannWorkspace _workspace = null!;
    private double[] _f = [];
    private double[] _q = [];
    private double[] _g = [];

    /// <summary>Points per axis.</summary>
    [Params(16, 24, 32, 48)]
    public int N { get; set; }

    /// <summary>1 (one gas) or 2 (masses 1 and 4).</summary>
    [Params(1, 2)]
    public int Species { get; set; }

    /// <summary>Builds the plan and a non-equilibrium state (two displaced Maxwellians per species).</summary>
    [GlobalSetup]
    public void Setup()
    {
        double[] masses = Species == 1 ? [1.0] : [1.0, 4.0];
        var mixture = new Mixture(masses.Select((m, i) => new Species($"s{i}", m)));
        var grid = new CartesianGrid(N, 7.0);
        _operator = BoltzmannOperator.Create(grid, CollisionKernelTable.Uniform(mixture, CollisionKernel.HardSpheres(1.0)));
        _workspace = _operator.CreateWorkspace();
        _f = new double[Species * grid.Count];
        _q = new double[_f.Length];
        _g = new double[_f.Length];
        for (int a = 0; a < Species; a++)
        {
            var left = new MacroscopicState(0.6, new Velocity3(-0.5, 0, 0), 0.6 * masses[a]);
            var right = new MacroscopicState(0.4, new Velocity3(0.5, 0.2, 0), 0.7 * masses[a]);
            for (int p = 0; p < grid.Count; p++)
            {
                _f[(a * grid.Count) + p] = Maxwellian.Evaluate(left, masses[a], grid.Point(p)) + Maxwellian.Evaluate(right, masses[a], grid.Point(p));
                _g[(a * grid.Count) + p] = Maxwellian.Evaluate(right, masses[a], grid.Point(p));
            }
        }
    }

    /// <summary>Q(F) into caller-owned memory.</summary>
    [Benchmark(Baseline = true)]
    public void Evaluate() => _operator.Evaluate(_f, _q, _workspace);

    /// <summary>Σ_β Q^{αβ}(F^α, G^β) with G ≠ F (the building block of the spectral Γ and L).</summary>
    [Benchmark]
    public void EvaluateBilinear() => _operator.EvaluateBilinear(_f, _g, _q, _workspace);
}
