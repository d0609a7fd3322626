using BenchmarkDotNet.Attributes;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Landau;
using Kinetics.Mixtures;

namespace Kinetics.Bench.Validation;

/// <summary>
/// The cost of input validation on the hot path, against the evaluation it guards: the vectorised finiteness scan,
/// the boundary resolution check and the workspace gate of one two-species spectral Landau evaluation (masses 1 : 4,
/// box [−8, 8]³), and the certification of user angular functions (docs/verification.md reports the ratios).
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private SpectralLandauOperator _op = null!;
    private SpectralLandauWorkspace _workspace = null!;
    private double[] _f = [];
    private double[] _q = [];

    /// <summary>Points per axis.</summary>
    [Params(32)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var grid = new CartesianGrid(N, 8.0);
        var two = new Mixture(new Species("e", 1.0, -1.0), new Species("i", 4.0, 1.0));
        _op = SpectralLandauOperator.Create(grid, two, LandauCouplings.Coulomb(two, 10.0), LandauKernel.Coulomb());
        _workspace = _op.CreateWorkspace();
        _f = [.. Maxwellian.OnGrid(grid, new MacroscopicState(1.0, new Velocity3(0.5, 0, 0), 1.0), 1.0).ReadOnlyValues,
            .. Maxwellian.OnGrid(grid, new MacroscopicState(1.0, Velocity3.Zero, 4.0), 4.0).ReadOnlyValues];
        _q = new double[_f.Length];
    }

    /// <summary>One validated evaluation (the baseline: validation included).</summary>
    [Benchmark(Baseline = true)]
    public void LandauEvaluate() => _op.Evaluate(_f, _q, _workspace);

    /// <summary>What the evaluation's validation costs: finiteness scan, resolution check, workspace gate.</summary>
    [Benchmark]
    public void ValidationOnly()
    {
        Guard.AllFinite(_f, "values");
        GridResolution.EnsureSpecies(_op.Grid, _f, 2, SpectralLandauOperator.ResolutionTolerance, "values");
        using var lease = _workspace.Gate.Enter(_op, "workspace");
    }

    /// <summary>The finiteness scan alone (S·N³ values).</summary>
    [Benchmark]
    public bool FinitenessScan() => Guard.IsAllFinite(_f);

    /// <summary>Certification of a user b_σ = (1 + x)^0.3 (VSS with α = 1.3 as a black box).</summary>
    [Benchmark]
    public AngularFunction CertifyVss() => AngularFunction.FromSigma("vss", x => Math.Pow(1.0 + x, 0.3));

    /// <summary>Certification of b_σ = 1 + ½ sin(16π(x + 1)) (it used to run for more than a minute).</summary>
    [Benchmark]
    public AngularFunction CertifyOscillating() => AngularFunction.FromSigma("oscillating", x => 1.0 + (0.5 * Math.Sin(16.0 * Math.PI * (x + 1.0))));
}
