namespace Kinetics.Weights;

/// <summary>
/// Which "Japanese bracket" ⟨v⟩ a weight uses. The source papers disagree (docs/math#conventions), so Kinetics never picks one
/// implicitly. The two are equivalent: (1 + |v|)/√2 ≤ √(1 + |v|²) ≤ 1 + |v|.
/// </summary>
public enum BracketConvention
{
    /// <summary>⟨v⟩ = 1 + |v| (the Boltzmann-mixture papers, docs/math#conventions).</summary>
    OnePlusNorm = 0,

    /// <summary>⟨v⟩ = √(1 + |v|²) (the Landau papers, docs/math#conventions). Smooth at v = 0.</summary>
    SquareRootOnePlusSquare = 1,
}
