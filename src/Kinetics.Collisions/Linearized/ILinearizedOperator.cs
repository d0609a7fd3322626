using Kinetics.Grids;

namespace Kinetics.Linearized;

/// <summary>
/// The contract of the linearized collision operators on a grid: L and the bilinear Γ around the global Maxwellians,
/// on species-major stacked arrays of S·N³ values (docs/conventions.md), evaluated into a destination with a workspace
/// per caller. Implemented by <see cref="SpectralLinearizedOperator"/> (Boltzmann) and
/// <see cref="Landau.LinearizedLandauOperator"/> (Landau); the pointwise <see cref="ReferenceLinearizedOperator"/> is the
/// slow reference they are tested against.
/// </summary>
/// <typeparam name="TWorkspace">The scratch type of the operator.</typeparam>
public interface ILinearizedOperator<TWorkspace>
    where TWorkspace : class
{
    /// <summary>The velocity grid.</summary>
    CartesianGrid Grid { get; }

    /// <summary>S, the number of species.</summary>
    int SpeciesCount { get; }

    /// <summary>Scratch memory for evaluations (one per concurrent caller).</summary>
    TWorkspace CreateWorkspace();

    /// <summary>destination = L h for the perturbation h (L = ν − K ≥ 0 on its range).</summary>
    /// <param name="perturbation">S·N³ stacked values of h (not modified).</param>
    /// <param name="destination">S·N³ values; must not overlap the input.</param>
    /// <param name="workspace">Scratch from <see cref="CreateWorkspace"/>.</param>
    void Evaluate(ReadOnlySpan<double> perturbation, Span<double> destination, TWorkspace workspace);

    /// <summary>destination = Γ(f, g), Γ^α = μ^{α −1/2} Σ_β Q^{αβ}(√μ^α f^α, √μ^β g^β).</summary>
    /// <param name="first">S·N³ stacked values of f (not modified).</param>
    /// <param name="second">S·N³ stacked values of g (not modified).</param>
    /// <param name="destination">S·N³ values; must overlap neither input.</param>
    /// <param name="workspace">Scratch from <see cref="CreateWorkspace"/>.</param>
    void EvaluateBilinear(ReadOnlySpan<double> first, ReadOnlySpan<double> second, Span<double> destination, TWorkspace workspace);
}
