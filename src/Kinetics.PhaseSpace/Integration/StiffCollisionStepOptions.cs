namespace Kinetics.PhaseSpace.Integration;

/// <summary>Options of the stiff collision step <see cref="CollisionStep.CreateStiff"/> (docs/limits.md).</summary>
public sealed record StiffCollisionStepOptions
{
    /// <summary>ε ∈ [1e−8, 1e3], the Knudsen number of ∂_t F + v·∇ₓF + (q/m)E·∇ᵥF = (1/ε) 𝒞(F) (default 1).</summary>
    public double Epsilon { get; init; } = 1.0;

    /// <summary>
    /// β of the BGK penalisation of each cell as a multiple of that cell's largest collision frequency (operators that do
    /// not report one use the largest relative rate |𝒞(F)|/F), in [0.5, 1000] (default 1).
    /// </summary>
    public double PenaltyFactor { get; init; } = 1.0;

    /// <summary>
    /// χ of the explicit collision remainder, as <see cref="AsymptoticPreservingOptions.TailCutoff"/>: the tails where the
    /// equilibrium is below about χ of its peak relax by BGK, in [0, 1e−2] (default 1e−4).
    /// </summary>
    public double TailCutoff { get; init; } = 1e-4;

    /// <summary>
    /// Penalised fixed-point iterations per step, in [1, 100] (default 3). One is the Filbet–Jin step; each more iterate
    /// moves towards the implicit Euler step, which lands on the local equilibrium as Δt/ε → ∞ (the non-equilibrium part
    /// after the step shrinks about geometrically with the count at small ε; docs/limits.md has the measured factors).
    /// </summary>
    public int Iterations { get; init; } = 3;

    internal void Validate()
    {
        Guard.InRange(Epsilon, 1e-8, 1e3, nameof(Epsilon));
        Guard.InRange(PenaltyFactor, 0.5, 1e3, nameof(PenaltyFactor));
        Guard.InRange(TailCutoff, 0.0, 1e-2, nameof(TailCutoff));
        Guard.InRange(Iterations, 1, 100, nameof(Iterations));
    }
}
