using BenchmarkDotNet.Attributes;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Landau;
using Kinetics.Mixtures;

namespace Kinetics.Bench.Landau;

/// <summary>
/// One evaluation of the 3-D spectral Landau–Coulomb operator Q(F, F) (single species, box [−8, 8]³, R = L) on a
/// non-Maxwellian F, and of a two-species mixture (masses 1 : 4). Allocation-free per evaluation.
/// </summary>
[MemoryDiagnoser]
public class SpectralLandauBenchmarks
{
    private SpectralLandauOperator _single = null!;
    private SpectralLandauOperator _mixture = null!;
    private SpectralLandauWorkspace _singleWorkspace = null!;
    private SpectralLandauWorkspace _mixtureWorkspace = null!;
    private double[] _f = [];
    private double[] _q = [];
    private double[] _pair = [];
    private double[] _pairQ = [];

    /// <summary>Points per axis.</summary>
    [Params(16, 32, 48)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var grid = new CartesianGrid(N, 8.0);
        var one = new Mixture(new Species("e", 1.0, -1.0));
        var two = new Mixture(new Species("e", 1.0, -1.0), new Species("i", 4.0, 1.0));
        _single = SpectralLandauOperator.Create(grid, one, LandauCouplings.Uniform(1), LandauKernel.Coulomb());
        _mixture = SpectralLandauOperator.Create(grid, two, LandauCouplings.Coulomb(two, 10.0), LandauKernel.Coulomb());
        _singleWorkspace = _single.CreateWorkspace();
        _mixtureWorkspace = _mixture.CreateWorkspace();
        var f = DistributionFunction.Sample(grid, v =>
            Maxwellian.Evaluate(new MacroscopicState(1.0, new Velocity3(0.5, 0, 0), 1.0), 1.0, v) + Maxwellian.Evaluate(new MacroscopicState(0.5, new Velocity3(-1, 0.5, 0), 0.8), 1.0, v));
        _f = f.ReadOnlyValues.ToArray();
        _q = new double[_f.Length];
        _pair = [.. _f, .. Maxwellian.OnGrid(grid, new MacroscopicState(1.0, Velocity3.Zero, 4.0), 4.0).ReadOnlyValues];
        _pairQ = new double[_pair.Length];
    }

    [Benchmark(Baseline = true)]
    public void SingleSpecies() => _single.Evaluate(_f, _q, _singleWorkspace);

    [Benchmark]
    public void TwoSpecies() => _mixture.Evaluate(_pair, _pairQ, _mixtureWorkspace);
}
