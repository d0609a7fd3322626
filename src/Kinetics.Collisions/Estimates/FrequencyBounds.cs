using Kinetics.Weights;

namespace Kinetics.Estimates;

/// <summary>Explicit constants of ν^α ≍ ⟨v⟩^γ: c = inf ν/⟨v⟩^γ, C = sup ν/⟨v⟩^γ and lim ν|v|^{−γ}.</summary>
/// <param name="Convention">The ⟨v⟩ used.</param>
/// <param name="Lower">inf ν^α/⟨v⟩^γ over the sampled speeds.</param>
/// <param name="Upper">sup ν^α/⟨v⟩^γ over the sampled speeds.</param>
/// <param name="Asymptotic">lim_{|v|→∞} ν^α|v|^{−γ} = Σ_β C^{αβ} b₀^{αβ}.</param>
public sealed record FrequencyBounds(BracketConvention Convention, double Lower, double Upper, double Asymptotic);
