using Kinetics.Grids;

namespace Kinetics.Dynamics;

/// <summary>
/// A space-homogeneous collision operator 𝒞 acting on all species of a mixture at once: ∂_t F = 𝒞(F).
/// </summary>
/// <remarks>
/// Distributions are stacked species-major on one <see cref="CartesianGrid"/>: entry α·N³ + p is F^α at grid point p
/// (the layout of <see cref="Conservation.ConservativeProjection"/>). Implementations must be thread-safe for
/// concurrent calls with distinct buffers and must not modify <c>state</c>.
/// </remarks>
public interface ICollisionOperator
{
    /// <summary>The velocity grid.</summary>
    CartesianGrid Grid { get; }

    /// <summary>Species masses m^α, in index order (their count is the number of species S).</summary>
    ReadOnlySpan<double> Masses { get; }

    /// <summary>Effectively computes <c>destination = 𝒞(distributions)</c> (sign: ∂_t F = 𝒞(F)).</summary>
    /// <param name="distributions">S·N³ stacked distributions (not modified).</param>
    /// <param name="destination">S·N³ stacked collision terms.</param>
    void Evaluate(ReadOnlySpan<double> distributions, Span<double> destination);
}
