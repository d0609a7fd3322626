using BenchmarkDotNet.Attributes;
using Kinetics.Boltzmann;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Mixtures;
using Kinetics.Quadrature;

namespace Kinetics.Bench.Boltzmann;

/// <summary>
/// Issue #18's VSS target as ratios from one run: two species (masses 1 : 4), the 72-point product rule for every pair,
/// hard spheres (the baseline) against VSS (γ = 1, α = 1.5, the same total cross-section) with the weights from the
/// Legendre series at every spectral point and σ (<c>VssSeriesPerPoint</c>, the path before the orbit weights), at
/// the orbit representatives with every σ through its own two inverse and one forward transform (<c>VssOrbitWeights</c>,
/// the path before shared passes) and with the x and y passes shared (<c>VssSharedPasses</c>, the default). The settings of
/// <c>kinetics bench boltzmann --species 2 --sphere product:11 --kernel isotropic|vss</c>.
/// </summary>
[MemoryDiagnoser]
public class AnisotropicCostBenchmarks
{
    private static readonly double[] Masses = [1.0, 4.0];
    private BoltzmannOperator _isotropic = null!, _series = null!, _orbits = null!, _shared = null!;
    private BoltzmannWorkspace _isotropicWorkspace = null!, _seriesWorkspace = null!, _orbitsWorkspace = null!, _sharedWorkspace = null!;
    private double[] _f = [];
    private double[] _q = [];

    /// <summary>Points per axis.</summary>
    [Params(16, 24, 32)]
    public int N { get; set; }

    /// <summary>Anisotropic products per batch of the shared path (0: the default).</summary>
    public int Batch { get; set; }

    /// <summary>K, the partial transforms per batch of the shared path (0: the default).</summary>
    public int Buffers { get; set; }

    /// <summary>The shared path with each product plane stored, then transformed (the path before the products were formed
    /// in the z pass).</summary>
    public bool ProductPlanes { get; set; }

    /// <summary>Builds the four plans and a non-equilibrium state (two displaced Maxwellians per species).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var mixture = new Mixture(Masses.Select((m, i) => new Species($"s{i}", m)));
        var grid = new CartesianGrid(N, 7.0);
        var options = new BoltzmannOptions { Sphere = SphereRule.Product(11) };
        var vss = CollisionKernelTable.Uniform(mixture, new CollisionKernel(1.0, AngularFunction.VariableSoftSphere(1.5, Math.PI)));
        _isotropic = BoltzmannOperator.Create(grid, CollisionKernelTable.Uniform(mixture, CollisionKernel.HardSpheres(1.0)), options);
        _series = BoltzmannOperator.Create(grid, vss, options with { AnisotropicSeriesPerPoint = true });
        _orbits = BoltzmannOperator.Create(grid, vss, options with { PerSigmaShifts = true });
        _shared = BoltzmannOperator.Create(grid, vss, options with { AnisotropicBatch = Batch, PartialBuffers = Buffers, AnisotropicProductPlanes = ProductPlanes });
        _sharedWorkspace = _shared.CreateWorkspace();
        _isotropicWorkspace = _isotropic.CreateWorkspace();
        _seriesWorkspace = _series.CreateWorkspace();
        _orbitsWorkspace = _orbits.CreateWorkspace();
        _f = new double[Masses.Length * grid.Count];
        _q = new double[_f.Length];
        for (int a = 0; a < Masses.Length; a++)
        {
            var left = new MacroscopicState(0.6, new Velocity3(-0.5, 0, 0), 0.6 * Masses[a]);
            var right = new MacroscopicState(0.4, new Velocity3(0.5, 0.2, 0), 0.7 * Masses[a]);
            for (int p = 0; p < grid.Count; p++)
            {
                _f[(a * grid.Count) + p] = Maxwellian.Evaluate(left, Masses[a], grid.Point(p)) + Maxwellian.Evaluate(right, Masses[a], grid.Point(p));
            }
        }
    }

    /// <summary>Hard spheres, the isotropic path (the baseline).</summary>
    [Benchmark(Baseline = true)]
    public void Isotropic() => _isotropic.Evaluate(_f, _q, _isotropicWorkspace);

    /// <summary>VSS, the Legendre series at every spectral point and σ.</summary>
    [Benchmark]
    public void VssSeriesPerPoint() => _series.Evaluate(_f, _q, _seriesWorkspace);

    /// <summary>VSS, the series at the orbit representatives, permuted over σ elsewhere; every σ transformed on its own.</summary>
    [Benchmark]
    public void VssOrbitWeights() => _orbits.Evaluate(_f, _q, _orbitsWorkspace);

    /// <summary>VSS, orbit weights, the products' x and y passes shared (the default).</summary>
    [Benchmark]
    public void VssSharedPasses() => _shared.Evaluate(_f, _q, _sharedWorkspace);
}
