using BenchmarkDotNet.Attributes;
using Kinetics.Kernels;
using Kinetics.Linearized;
using Kinetics.Mixtures;

namespace Kinetics.Bench.Linearized;

/// <summary>
/// The ball-restricted L (masses 1:4, γ = −1.5): the hybrid kernel value in the sector code's 1-D form (exact φ-integral)
/// against <see cref="LinearizedKernel.Hybrid"/>'s 2-D quadrature, the assembly of the default tests' operator (V = 6, 8, 32
/// radial nodes per species, ℓ ≤ 2) and one sector spectrum.
/// </summary>
[MemoryDiagnoser]
public class BallLinearizedOperatorBenchmarks
{
    private static readonly Velocity3 V = new(0, 0, 0.8);
    private static readonly Velocity3 W = new(0.6, 0, 0.9);
    private CollisionKernelTable _table = null!;
    private LinearizedKernel _kernel = null!;
    private SectorKernel _sector = null!;
    private BallLinearizedOperator _ball = null!;

    [GlobalSetup]
    public void Setup()
    {
        _table = CollisionKernelTable.Uniform(new Mixture(new Species("A", 1), new Species("B", 4)), new CollisionKernel(-1.5, AngularFunction.AbsoluteCosine()));
        _kernel = LinearizedKernel.Create(_table);
        _sector = new SectorKernel(_table, 2);
        _ball = BallLinearizedOperator.Create(_table, [6.0, 8.0], 2, 2.0, 8);
    }

    /// <summary>k^{(2)}_{AB}(v, w) by LinearizedKernel (2-D: φ × u_∥).</summary>
    [Benchmark(Baseline = true)]
    public double HybridPointwise() => _kernel.Hybrid(0, 1, V, W);

    /// <summary>The same value by the sector code (φ-integral exact, u_∥ window from the envelope).</summary>
    [Benchmark]
    public double HybridSector() => _sector.Hybrid(0, 1, V.Length, W.Length, (W - V).Length);

    /// <summary>Assembly of the sector matrices (V = 6, 8; 32 nodes per species; ℓ ≤ 2).</summary>
    [Benchmark]
    public BallLinearizedOperator Assemble() => BallLinearizedOperator.Create(_table, [6.0, 8.0], 2, 2.0, 8);

    /// <summary>Gap, δ_ν, δ and residual of sector ℓ = 0 on V = 8 (three generalized eigenproblems of size 64).</summary>
    [Benchmark]
    public BallSectorSpectrum Spectrum() => _ball.Spectrum(0, 8.0);
}
