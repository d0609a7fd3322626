namespace Kinetics.Estimates;

/// <summary>Which ⟨v⟩ a weight uses (MATH.md §1: the seeds disagree; never implicit).</summary>
public enum BracketConvention
{
    /// <summary>⟨v⟩ = 1 + |v| (seeds 000 and 001).</summary>
    OnePlusNorm = 0,

    /// <summary>⟨v⟩ = √(1 + |v|²) (seeds 003 and 004).</summary>
    SqrtOnePlusSquare = 1,
}

/// <summary>Evaluation of ⟨v⟩ in a named convention.</summary>
public static class Bracket
{
    /// <summary>⟨v⟩ at speed |v|.</summary>
    /// <param name="convention">The convention.</param>
    /// <param name="speed">|v| ≥ 0.</param>
    public static double Evaluate(BracketConvention convention, double speed) =>
        convention == BracketConvention.OnePlusNorm ? 1.0 + speed : Math.Sqrt(1.0 + (speed * speed));
}
