using BenchmarkDotNet.Attributes;
using Kinetics.Boltzmann;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Mixtures;

namespace Kinetics.Bench.SpeciesGrids;

/// <summary>
/// One evaluation of <see cref="SpeciesGridBoltzmannOperator"/> (hard spheres, default sphere rules, one lane) on two
/// Maxwellians at T = 1.3 (m = 1) and 0.7 (m = <see cref="Ratio"/>), each on its own N³ grid of half-width 8√(T/m), against
/// the equal-mass mixture on one shared grid (<see cref="BoltzmannOperator"/>, masses 1 and 1, half-width 8√1.3) at the
/// same N — the baseline of issue #19's cost target (docs/benchmarks.md, "Per-species grids").
/// </summary>
[MemoryDiagnoser]
[InProcess]
[WarmupCount(3)]
[IterationCount(9)]
public class SpeciesGridBoltzmannBenchmarks
{
    private BoltzmannOperator _shared = null!;
    private BoltzmannWorkspace _sharedWorkspace = null!;
    private SpeciesGridBoltzmannOperator _species = null!;
    private SpeciesGridBoltzmannWorkspace _speciesWorkspace = null!;
    private double[] _sharedF = [];
    private double[] _sharedQ = [];
    private double[] _speciesF = [];
    private double[] _speciesQ = [];

    /// <summary>Points per axis of every grid.</summary>
    [Params(24, 32)]
    public int N { get; set; }

    /// <summary>Mass of the second species (the first has mass 1).</summary>
    [Params(1, 4, 16, 100)]
    public double Ratio { get; set; }

    /// <summary>Builds both operators and their workspaces, and reports the bytes they hold.</summary>
    [GlobalSetup]
    public void Setup()
    {
        double[] temperatures = [1.3, 0.7];
        var kernel = CollisionKernel.HardSpheres(1.0);
        var options = new BoltzmannOptions { MaxDegreeOfParallelism = 1 };
        var equal = new Mixture(new Species("a", 1.0), new Species("b", 1.0));
        var grid = new CartesianGrid(N, 8.0 * Math.Sqrt(1.3));
        long before = GC.GetTotalMemory(true);
        _shared = BoltzmannOperator.Create(grid, CollisionKernelTable.Uniform(equal, kernel), options);
        _sharedWorkspace = _shared.CreateWorkspace();
        long shared = GC.GetTotalMemory(true) - before;
        _sharedF = new double[2 * grid.Count];
        for (int a = 0; a < 2; a++)
        {
            Maxwellian.OnGrid(grid, new MacroscopicState(1.0, Velocity3.Zero, temperatures[a]), 1.0).ReadOnlyValues.CopyTo(_sharedF.AsSpan(a * grid.Count));
        }

        _sharedQ = new double[_sharedF.Length];

        var mixture = new Mixture(new Species("a", 1.0), new Species("b", Ratio));
        var grids = Kinetics.Grids.SpeciesGrids.ForMaxwellians(mixture, temperatures, [], N);
        before = GC.GetTotalMemory(true);
        _species = SpeciesGridBoltzmannOperator.Create(grids, CollisionKernelTable.Uniform(mixture, kernel), options);
        _speciesWorkspace = _species.CreateWorkspace();
        long species = GC.GetTotalMemory(true) - before;
        _speciesF = new double[grids.TotalCount];
        for (int a = 0; a < 2; a++)
        {
            var g = grids[a];
            var state = new MacroscopicState(1.0, Velocity3.Zero, temperatures[a]);
            Span<double> slice = grids.Slice(_speciesF.AsSpan(), a);
            for (int p = 0; p < g.Count; p++)
            {
                slice[p] = Maxwellian.Evaluate(state, mixture[a].Mass, g.Point(p));
            }
        }

        _speciesQ = new double[_speciesF.Length];
        var wide = (WidePartnerTerm?[,])typeof(SpeciesGridBoltzmannOperator).GetField("_wide", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(_species)!;
        WidePartnerTerm term = wide[0, 1] ?? wide[1, 0]!;
        Console.WriteLine($"// memory N = {N}, 1:{Ratio}: shared 1:1 operator + workspace {shared / 1e6:F1} MB, per-species {species / 1e6:F1} MB"
            + $" (shifted transfers {term.TransferValues * 8 / 1e6:F1} MB, ranks {string.Join(",", term.TransferRanks.Distinct())})");
    }

    /// <summary>The equal-mass mixture on one shared grid.</summary>
    [Benchmark(Baseline = true)]
    public void SharedEqualMass() => _shared.Evaluate(_sharedF, _sharedQ, _sharedWorkspace);

    /// <summary>The 1:<see cref="Ratio"/> mixture on per-species grids.</summary>
    [Benchmark]
    public void PerSpecies() => _species.Evaluate(_speciesF, _speciesQ, _speciesWorkspace);
}
