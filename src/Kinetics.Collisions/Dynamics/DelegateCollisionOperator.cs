using Kinetics.Grids;

namespace Kinetics.Dynamics;

/// <summary>The signature of a user collision operator: <c>destination = 𝒞(distributions)</c> on stacked data.</summary>
/// <param name="distributions">S·N³ stacked distributions (must not be modified).</param>
/// <param name="destination">S·N³ stacked collision terms.</param>
public delegate void CollisionEvaluator(ReadOnlySpan<double> distributions, Span<double> destination);

/// <summary>Wraps a user function as an <see cref="ICollisionOperator"/>, so the time integrators accept any operator.</summary>
public sealed class DelegateCollisionOperator : ICollisionOperator
{
    private readonly double[] _masses;
    private readonly CollisionEvaluator _evaluate;

    private DelegateCollisionOperator(CartesianGrid grid, ReadOnlySpan<double> masses, CollisionEvaluator evaluate)
    {
        Grid = grid;
        _masses = masses.ToArray();
        _evaluate = evaluate;
    }

    /// <summary>Creates the wrapper.</summary>
    /// <param name="grid">The velocity grid.</param>
    /// <param name="masses">Species masses m^α &gt; 0.</param>
    /// <param name="evaluate">The operator.</param>
    public static DelegateCollisionOperator Create(CartesianGrid grid, ReadOnlySpan<double> masses, CollisionEvaluator evaluate)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(evaluate);
        Guard.InRange(masses.Length, 1, 64, nameof(masses) + ".Length");
        foreach (double m in masses)
        {
            Guard.Positive(m, nameof(masses));
        }

        return new DelegateCollisionOperator(grid, masses, evaluate);
    }

    /// <inheritdoc />
    public CartesianGrid Grid { get; }

    /// <inheritdoc />
    public ReadOnlySpan<double> Masses => _masses;

    /// <inheritdoc />
    public void Evaluate(ReadOnlySpan<double> distributions, Span<double> destination) => _evaluate(distributions, destination);
}
