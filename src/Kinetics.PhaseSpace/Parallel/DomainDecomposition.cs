namespace Kinetics.PhaseSpace.Parallel;

/// <summary>
/// The split of R rows of the slow axis over P ranks: rank r owns a consecutive block, the first R mod P ranks one row
/// more than the others. Pure arithmetic, identical on every rank.
/// </summary>
public readonly record struct DomainDecomposition
{
    /// <summary>Splits <paramref name="rows"/> rows over <paramref name="ranks"/> ranks.</summary>
    /// <param name="rows">R ≥ 1.</param>
    /// <param name="ranks">P in [1, R].</param>
    /// <exception cref="ArgumentOutOfRangeException">P &lt; 1 or P &gt; R.</exception>
    public DomainDecomposition(int rows, int ranks)
    {
        Guard.InRange(rows, 1, int.MaxValue);
        Guard.InRange(ranks, 1, rows);
        Rows = rows;
        Ranks = ranks;
    }

    /// <summary>R.</summary>
    public int Rows { get; }

    /// <summary>P.</summary>
    public int Ranks { get; }

    /// <summary>First row owned by <paramref name="rank"/>.</summary>
    /// <param name="rank">In [0, P).</param>
    public int FirstRow(int rank)
    {
        Guard.InRange(rank, 0, Ranks - 1);
        return (rank * (Rows / Ranks)) + Math.Min(rank, Rows % Ranks);
    }

    /// <summary>Rows owned by <paramref name="rank"/>.</summary>
    /// <param name="rank">In [0, P).</param>
    public int RowCount(int rank)
    {
        Guard.InRange(rank, 0, Ranks - 1);
        return (Rows / Ranks) + (rank < Rows % Ranks ? 1 : 0);
    }
}
