namespace Kinetics.Linearized;

/// <summary>Which part of the split K = K^χ + K^{1−χ} (docs/math#kernel-estimates) a kernel describes.</summary>
public enum CutoffPart
{
    /// <summary>The whole kernel (no cutoff).</summary>
    Whole = 0,

    /// <summary>K^χ: the collision integrand multiplied by χ_ε(|v − v*|) (the part with the ⟨v⟩^{γ−2} decay estimate).</summary>
    Regular = 1,

    /// <summary>K^{1−χ}: the near-singular part, multiplied by 1 − χ_ε(|v − v*|) (norm ∝ ε^{3+γ}).</summary>
    Singular = 2,
}
