namespace Kinetics.Weights;

/// <summary>
/// Which "Japanese bracket" ⟨v⟩ a weight uses. The source papers disagree (MATH.md §1), so Kinetics never picks one
/// implicitly. The two are equivalent: (1 + |v|)/√2 ≤ √(1 + |v|²) ≤ 1 + |v|.
/// </summary>
public enum BracketConvention
{
    /// <summary>⟨v⟩ = 1 + |v| (seeds 000 and 001: Boltzmann mixtures).</summary>
    OnePlusNorm = 0,

    /// <summary>⟨v⟩ = √(1 + |v|²) (seeds 003 and 004: Landau). Smooth at v = 0.</summary>
    SquareRootOnePlusSquare = 1,
}
