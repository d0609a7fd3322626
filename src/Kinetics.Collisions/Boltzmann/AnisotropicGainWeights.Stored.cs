namespace Kinetics.Boltzmann;

/// <summary>
/// The orbit tables of every radial node computed once, when the plan is created: they depend on the kernel, the masses,
/// the radial rule and σ only, not on the data, so an evaluation that reads them instead of filling them per node does
/// the same arithmetic in the same order (docs/boltzmann.md, "Shared passes for anisotropic b_σ", stored orbit tables).
/// </summary>
internal sealed partial class AnisotropicGainWeights
{
    private double[]? _stored; // [node][side 0 (folded) or both sides] as FillOrbitWeights writes them
    private bool _storedFolded;

    /// <summary>Doubles the tables of every node take: side 0 only and real when <paramref name="folded"/> (a self pair's
    /// Evaluate), both sides otherwise.</summary>
    public long StoredLength(bool folded) => (long)_nodes * TableLength(folded);

    /// <summary>Fills the tables of every radial node (<see cref="FillOrbitWeights"/>) and keeps them.</summary>
    public void Store(bool folded)
    {
        int length = TableLength(folded);
        var stored = new double[checked(_nodes * length)];
        for (int node = 0; node < _nodes; node++)
        {
            FillOrbitWeights(node, folded, stored.AsSpan(node * length, length));
        }

        _storedFolded = folded;
        _stored = stored;
    }

    /// <summary>The stored table of <paramref name="node"/> when tables were stored for <paramref name="folded"/>; else
    /// false (the caller fills its own).</summary>
    public bool TryStoredTable(int node, bool folded, out ReadOnlySpan<double> table)
    {
        if (_stored is null || _storedFolded != folded)
        {
            table = default;
            return false;
        }

        int length = TableLength(folded);
        table = _stored.AsSpan(node * length, length);
        return true;
    }
}
