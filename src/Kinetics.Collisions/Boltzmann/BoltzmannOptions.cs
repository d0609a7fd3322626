using Kinetics.Quadrature;

namespace Kinetics.Boltzmann;

/// <summary>Discretisation choices of the fast spectral <see cref="BoltzmannOperator"/> (docs/boltzmann.md explains the defaults).</summary>
public sealed record BoltzmannOptions
{
    /// <summary>Number of Gauss–Jacobi nodes in the relative speed r ∈ [0, R] (weight r^{γ+2}) for every pair; 0 (default)
    /// chooses per pair: N/2 (at least 8) for two species of unequal mass and below N = 32, N/2 − 2 from N = 32 on for a
    /// species with itself and for two of equal mass (docs/boltzmann.md, "Radial nodes per pair";
    /// <see cref="BoltzmannOperator.RadialPointsFor(int, int)"/>).</summary>
    public int RadialPoints { get; init; }

    /// <summary>
    /// The sphere rule for σ, used for every pair not listed in <see cref="PairSpheres"/>; it must be antipodal (checked by
    /// <see cref="BoltzmannOperator.Create(Grids.CartesianGrid, Kernels.CollisionKernelTable, BoltzmannOptions?)"/>).
    /// Null (default) chooses per pair: <see cref="SphereRule.Lebedev50"/> (degree 11) for a species with itself and
    /// <see cref="SphereRule.Icosahedral32"/> (degree 9) for two different species, which keep the per-species mass and the
    /// pair momentum and energy of Q within 1e−6 (relative, per unit time) of exact conservation on anisotropic
    /// multi-bump data; <see cref="SphereRule.Product(int)"/>(11) (72 points) for anisotropic b_σ (docs/boltzmann.md,
    /// "Default sphere rules").
    /// </summary>
    public SphereRule? Sphere { get; init; }

    /// <summary>
    /// Sphere rules for individual pairs, keyed by the species indices (α, β) in either order; a pair listed here takes
    /// its rule from this table, before <see cref="Sphere"/> and the per-pair default. Every rule must be antipodal.
    /// </summary>
    public IReadOnlyDictionary<(int Alpha, int Beta), SphereRule>? PairSpheres { get; init; }

    /// <summary>
    /// R_S, the radius of the ball that holds the distributions; the relative speed is truncated at R = 2R_S and the grid must
    /// satisfy L ≥ (3 + √2)/2 · S (no aliasing of the truncated operator). Null (default) means the largest admissible
    /// S = 2L/(3 + √2).
    /// </summary>
    public double? SupportRadius { get; init; }

    /// <summary>
    /// The largest admissible value of max |F^α| on the outermost grid layer relative to max |F^α| (default 1e−6);
    /// a larger value means the distribution is not resolved by the box and evaluation throws. +∞ disables the check.
    /// </summary>
    public double ResolutionTolerance { get; init; } = 1e-6;

    /// <summary>Degree of parallelism over (species pair, radial node) items within one evaluation (default 1: serial); every
    /// value is allocation-free and gives a bitwise reproducible result. The items are dealt into G fixed groups that the
    /// threads claim one at a time (G = 8, fewer when G copies of the gain spectra would exceed 64 MiB, never fewer than
    /// this value), so every value from 2 up to G gives the same bits.</summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;

    /// <summary>K ≥ 2, the most x-pass partial transforms one batch of σ keeps (0: the default, 2). Internal: tests vary it
    /// to check that the batching does not change results.</summary>
    internal int PartialBuffers { get; init; }

    /// <summary>
    /// The most memory, in bytes, the plan keeps for the σ–ξ weights of anisotropic b_σ (VSS, user functions), which it then
    /// computes once at <see cref="BoltzmannOperator.Create(Grids.CartesianGrid, Kernels.CollisionKernelTable, BoltzmannOptions?)"/>
    /// instead of at every evaluation (default 256 MiB; 0 to always recompute). The same values either way; with VSS and
    /// `Product(11)` at N = 32 the tables take 57 MB per pair of two species and 28 MB per species with itself, and
    /// recomputing them cost about 0.4 of an isotropic evaluation (docs/boltzmann.md, "Shared passes for anisotropic b_σ").
    /// When all pairs' tables do not fit, none are kept. Range 0 to 2⁴⁰.
    /// </summary>
    public long AnisotropicTableBytes { get; init; } = 256L << 20;

    /// <summary>Anisotropic b_σ products per batch of the shared path (0: the default, 8; at most 16). Internal: tests and
    /// benchmarks vary it.</summary>
    internal int AnisotropicBatch { get; init; }

    /// <summary>Gain groups of a parallel evaluation (0: the default, 8 within 64 MiB of gain spectra). Internal: the
    /// benchmarks compare group counts (the count equal to the lanes is the scheme before 2026-12-07 evening).</summary>
    internal int GainGroups { get; init; }

    /// <summary>Internal, the test oracle of the batching: every σ through its own two fused modulated inverse transforms
    /// (<see cref="Spectral.Fft3DPlan.InverseRealModulated"/>, nothing shared), the path before shared passes.</summary>
    internal bool PerSigmaShifts { get; init; }

    /// <summary>Internal, the test oracle and benchmark baseline of the orbit weights: an anisotropic b_σ evaluates its
    /// Legendre series at every spectral point and σ (<see cref="AnisotropicGainWeights.AccumulateLanes"/>) instead of at
    /// the orbit representatives only.</summary>
    internal bool AnisotropicSeriesPerPoint { get; init; }

    /// <summary>Internal, the test oracle and benchmark baseline of the products formed in the z pass: each anisotropic
    /// product plane stored, then forward transformed (<see cref="Spectral.Fft3DPlan.ForwardRealPlane"/>), the path before
    /// 2026-12-08.</summary>
    internal bool AnisotropicProductPlanes { get; init; }
}
