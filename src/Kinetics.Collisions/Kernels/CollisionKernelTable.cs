using Kinetics.Mixtures;

namespace Kinetics.Kernels;

/// <summary>
/// The collision kernels B^{αβ} of every species pair of a <see cref="Mixtures.Mixture"/>, validated symmetric:
/// B^{αβ} = B^{βα} (same γ, C and b), without which momentum and energy exchange, self-adjointness of L and the
/// H-theorem fail (docs/math#collision-kernels).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class CollisionKernelTable
{
    private readonly CollisionKernel[] _kernels;

    private CollisionKernelTable(Mixture mixture, CollisionKernel[] kernels)
    {
        Mixture = mixture;
        _kernels = kernels;
    }

    /// <summary>The mixture whose species index the table.</summary>
    public Mixture Mixture { get; }

    /// <summary>Number of species.</summary>
    public int SpeciesCount => Mixture.Count;

    /// <summary>B^{αβ}.</summary>
    /// <param name="alpha">Species index α.</param>
    /// <param name="beta">Species index β.</param>
    public CollisionKernel this[int alpha, int beta]
    {
        get
        {
            Guard.InRange(alpha, 0, SpeciesCount - 1);
            Guard.InRange(beta, 0, SpeciesCount - 1);
            return _kernels[(alpha * SpeciesCount) + beta];
        }
    }

    /// <summary>True when every pair shares one γ (required by the mixture estimates of docs/math#kernel-estimates and by the closed-form estimates).</summary>
    public bool HasCommonGamma => _kernels.All(k => k.Gamma == _kernels[0].Gamma);

    /// <summary>The same kernel for every pair.</summary>
    /// <param name="mixture">The mixture.</param>
    /// <param name="kernel">B, used for all pairs.</param>
    public static CollisionKernelTable Uniform(Mixture mixture, CollisionKernel kernel)
    {
        ArgumentNullException.ThrowIfNull(mixture);
        ArgumentNullException.ThrowIfNull(kernel);
        return new CollisionKernelTable(mixture, Enumerable.Repeat(kernel, mixture.Count * mixture.Count).ToArray());
    }

    /// <summary>Kernels given per ordered pair; validated symmetric.</summary>
    /// <param name="mixture">The mixture.</param>
    /// <param name="kernel">(α, β) ↦ B^{αβ}.</param>
    /// <exception cref="ArgumentException">B^{αβ} ≠ B^{βα} for some pair (the message names it).</exception>
    public static CollisionKernelTable FromPairs(Mixture mixture, Func<int, int, CollisionKernel> kernel)
    {
        ArgumentNullException.ThrowIfNull(mixture);
        ArgumentNullException.ThrowIfNull(kernel);
        int s = mixture.Count;
        var kernels = new CollisionKernel[s * s];
        for (int a = 0; a < s; a++)
        {
            for (int b = 0; b < s; b++)
            {
                kernels[(a * s) + b] = kernel(a, b) ?? throw new ArgumentException($"kernel returned null for the pair ({a}, {b}).", nameof(kernel));
            }
        }

        for (int a = 0; a < s; a++)
        {
            for (int b = a + 1; b < s; b++)
            {
                if (!kernels[(a * s) + b].AgreesWith(kernels[(b * s) + a]))
                {
                    throw new ArgumentException(
                        $"kernel must be symmetric, B^{{αβ}} = B^{{βα}}: the pair ({mixture[a].Name}, {mixture[b].Name}) has " +
                        $"{kernels[(a * s) + b]} but ({mixture[b].Name}, {mixture[a].Name}) has {kernels[(b * s) + a]}.",
                        nameof(kernel));
                }
            }
        }

        return new CollisionKernelTable(mixture, kernels);
    }

    /// <summary>Hard spheres from the species diameters: d^{αβ} = (σ^α + σ^β)/2 (the cross-section factor (σ^α + σ^β)²/4 of docs/math#collision-kernels, σ^α the diameters).</summary>
    /// <param name="mixture">A mixture whose species all have a <see cref="Species.Diameter"/>.</param>
    /// <exception cref="ArgumentException">A species has no diameter.</exception>
    public static CollisionKernelTable HardSpheres(Mixture mixture)
    {
        ArgumentNullException.ThrowIfNull(mixture);
        double[] d = Diameters(mixture);
        return FromPairs(mixture, (a, b) => CollisionKernel.HardSpheres((d[a] + d[b]) / 2.0));
    }

    /// <summary>
    /// Variable hard or soft spheres from the species diameters (at <paramref name="referenceTemperature"/>), one viscosity
    /// index ω for all pairs and the pair reduced masses; α = 1 gives VHS.
    /// </summary>
    /// <param name="mixture">A mixture whose species all have a diameter.</param>
    /// <param name="referenceTemperature">T_ref &gt; 0.</param>
    /// <param name="viscosityIndex">ω ∈ [1/2, 2).</param>
    /// <param name="scatteringExponent">α ≥ 1.</param>
    public static CollisionKernelTable VariableSoftSpheres(Mixture mixture, double referenceTemperature, double viscosityIndex, double scatteringExponent = 1.0)
    {
        ArgumentNullException.ThrowIfNull(mixture);
        double[] d = Diameters(mixture);
        var kernels = new CollisionKernel[mixture.Count, mixture.Count];
        for (int a = 0; a < mixture.Count; a++)
        {
            for (int b = a; b < mixture.Count; b++)
            {
                kernels[a, b] = kernels[b, a] = CollisionKernel.VariableSoftSpheres(
                    (d[a] + d[b]) / 2.0, referenceTemperature, viscosityIndex, CollisionKernel.ReducedMass(mixture[a], mixture[b]), scatteringExponent);
            }
        }

        return FromPairs(mixture, (a, b) => kernels[a, b]);
    }

    private static double[] Diameters(Mixture mixture) =>
        mixture.Select(s => s.Diameter ?? throw new ArgumentException($"species '{s.Name}' needs a Diameter for a diameter-based kernel.", nameof(mixture))).ToArray();
}
