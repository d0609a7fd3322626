using BenchmarkDotNet.Attributes;
using Kinetics.Boltzmann;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Mixtures;

namespace Kinetics.Bench.Boltzmann;

/// <summary>
/// One evaluation of the <see cref="BoltzmannOperator"/> with an anisotropic b_σ (VSS, scattering exponent 1.5, γ = 0),
/// the σ–ξ weight path with its default 72-point product sphere rule, for one species and for the 7:8 mixture, with an
/// explicit workspace (expected: zero allocations).
/// </summary>
[MemoryDiagnoser]
public class AnisotropicBoltzmannBenchmarks
{
    private BoltzmannOperator _operator = null!;
    private BoltzmannWorkspace _workspace = null!;
    private double[] _f = [];
    private double[] _q = [];

    /// <summary>Points per axis.</summary>
    [Params(16, 24, 32)]
    public int N { get; set; }

    /// <summary>1 (one gas) or 2 (masses 7 and 8).</summary>
    [Params(1, 2)]
    public int Species { get; set; }

    /// <summary>Builds the plan and a non-equilibrium state (two displaced Maxwellians per species).</summary>
    [GlobalSetup]
    public void Setup()
    {
        double[] masses = Species == 1 ? [1.0] : [0.875, 1.0];
        var mixture = new Mixture(masses.Select((m, i) => new Species($"s{i}", m)));
        var grid = new CartesianGrid(N, 7.0);
        var kernel = new CollisionKernel(0.0, AngularFunction.VariableSoftSphere(1.5), 1.0);
        _operator = BoltzmannOperator.Create(grid, CollisionKernelTable.Uniform(mixture, kernel));
        _workspace = _operator.CreateWorkspace();
        _f = new double[Species * grid.Count];
        _q = new double[_f.Length];
        for (int a = 0; a < Species; a++)
        {
            var left = new MacroscopicState(0.6, new Velocity3(-0.5, 0, 0), 0.6);
            var right = new MacroscopicState(0.4, new Velocity3(0.5, 0.2, 0), 0.7);
            for (int p = 0; p < grid.Count; p++)
            {
                _f[(a * grid.Count) + p] = Maxwellian.Evaluate(left, masses[a], grid.Point(p)) + Maxwellian.Evaluate(right, masses[a], grid.Point(p));
            }
        }
    }

    /// <summary>Q(F) into caller-owned memory.</summary>
    [Benchmark]
    public void Evaluate() => _operator.Evaluate(_f, _q, _workspace);
}
