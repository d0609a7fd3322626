using Kinetics.Grids;

namespace Kinetics.Dynamics;

/// <summary>
/// A collision operator 𝒞 on per-species velocity grids (<see cref="SpeciesGrids"/>), as integrated by
/// <see cref="SpeciesGridSolver"/>: data are stacked species-major with per-species lengths N_α³
/// (<see cref="SpeciesGrids.Offset"/>), each species sampled on its own grid. Implemented by
/// <c>SpeciesGridBoltzmannOperator</c> and <c>SpeciesGridLandauOperator</c>; an operator may also implement
/// <see cref="ICollisionFrequency"/> (then over the same stacked layout) to set the explicit step.
/// </summary>
public interface ISpeciesGridCollisionOperator
{
    /// <summary>The species' grids.</summary>
    SpeciesGrids Grids { get; }

    /// <summary>Species masses m^α, in index order.</summary>
    ReadOnlySpan<double> Masses { get; }

    /// <summary>Effectively computes <c>destination = 𝒞(distributions)</c> (sign: ∂_t F = 𝒞(F)).</summary>
    /// <param name="distributions">Σ N_α³ stacked distributions (not modified).</param>
    /// <param name="destination">Σ N_α³ stacked collision terms.</param>
    void Evaluate(ReadOnlySpan<double> distributions, Span<double> destination);
}
