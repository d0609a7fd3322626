using System.Collections;

namespace Kinetics.Mixtures;

/// <summary>
/// An ordered, immutable list of species with unique names. The order fixes the species index α used by every
/// operator (α = 0 is the first species given).
/// </summary>
public sealed class Mixture : IReadOnlyList<Species>
{
    private readonly Species[] _species;
    private readonly Dictionary<string, int> _index;

    /// <summary>Creates a mixture from one or more species with distinct names.</summary>
    /// <param name="species">The species, in index order.</param>
    /// <exception cref="ArgumentException">No species, a null entry or a repeated name.</exception>
    public Mixture(IEnumerable<Species> species)
    {
        ArgumentNullException.ThrowIfNull(species);
        _species = species.ToArray();
        if (_species.Length == 0)
        {
            throw new ArgumentException("species must contain at least one species (was empty).", nameof(species));
        }

        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < _species.Length; i++)
        {
            if (_species[i] is null)
            {
                throw new ArgumentException($"species must not contain null (entry {i}).", nameof(species));
            }

            if (!_index.TryAdd(_species[i].Name, i))
            {
                throw new ArgumentException($"species names must be unique ('{_species[i].Name}' appears twice).", nameof(species));
            }
        }
    }

    /// <summary>Creates a mixture from the given species.</summary>
    /// <param name="species">The species, in index order.</param>
    public Mixture(params Species[] species)
        : this((IEnumerable<Species>)species)
    {
    }

    /// <summary>Number of species.</summary>
    public int Count => _species.Length;

    /// <summary>The species with index <paramref name="index"/>.</summary>
    /// <param name="index">Species index in [0, Count).</param>
    public Species this[int index]
    {
        get
        {
            Guard.InRange(index, 0, Count - 1);
            return _species[index];
        }
    }

    /// <summary>The species called <paramref name="name"/>.</summary>
    /// <param name="name">Species name.</param>
    /// <exception cref="KeyNotFoundException">No species has that name.</exception>
    public Species this[string name] => _species[IndexOf(name)];

    /// <summary>Index of the species called <paramref name="name"/>.</summary>
    /// <param name="name">Species name.</param>
    /// <exception cref="KeyNotFoundException">No species has that name.</exception>
    public int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _index.TryGetValue(name, out int i)
            ? i
            : throw new KeyNotFoundException($"No species named '{name}' in the mixture ({string.Join(", ", _species.Select(s => s.Name))}).");
    }

    /// <summary>True when a species called <paramref name="name"/> exists.</summary>
    /// <param name="name">Species name.</param>
    public bool Contains(string name) => _index.ContainsKey(name);

    /// <summary>The masses m^α in index order.</summary>
    public double[] Masses() => _species.Select(s => s.Mass).ToArray();

    /// <inheritdoc />
    public IEnumerator<Species> GetEnumerator() => ((IEnumerable<Species>)_species).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _species.GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => string.Join(" + ", _species.Select(s => s.Name));
}
