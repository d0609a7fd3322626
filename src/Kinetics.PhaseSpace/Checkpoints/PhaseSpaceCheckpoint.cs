using Kinetics.PhaseSpace.Integration;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.PhaseSpace.States;
using Kinetics.PhaseSpace.Velocities;

namespace Kinetics.PhaseSpace.Checkpoints;

/// <summary>
/// Everything needed to continue a <see cref="PhaseSpaceSolver"/> run bit for bit: the whole state (all cells, global
/// cell order, the layout of <see cref="PhaseSpaceState"/>), the run's clock (final time, steps, steps taken), what the
/// state lives on (mesh, velocity grid, species names, masses and charges), the fingerprint of the solver settings that
/// decide the arithmetic, and caller data carried along (e.g. a diagnostic history). Made by
/// <see cref="PhaseSpaceSolver.CreateCheckpoint"/>, applied by <see cref="PhaseSpaceSolver.Restore"/>, stored by
/// <see cref="Save"/>/<see cref="Write"/> in the binary format of <see cref="PhaseSpaceCheckpointFormat"/>.
/// </summary>
/// <remarks>
/// A checkpoint holds the whole mesh, so it does not depend on how many processes wrote it: a run checkpointed on P
/// processes restarts on Q with the same result (the solver reproduces one process bit for bit on any P). Immutable.
/// </remarks>
public sealed class PhaseSpaceCheckpoint
{
    private readonly double[] _masses;
    private readonly double[] _charges;
    private readonly double[] _history;
    private readonly double[] _data;
    private readonly VelocityGrid[] _grids;

    internal PhaseSpaceCheckpoint(
        UniformMesh mesh, VelocityGrid[] velocities, string[] speciesNames, double[] masses, double[] charges,
        PhaseSpaceRunClock clock, string settings, double[] history, double[] data)
    {
        Mesh = mesh;
        _grids = velocities;
        HasSharedVelocities = velocities.All(g => g.Equals(velocities[0]));
        SpeciesNames = speciesNames;
        _masses = masses;
        _charges = charges;
        Clock = clock;
        Settings = settings;
        SettingsFingerprint = PhaseSpaceSolver.HashSettings(settings);
        _history = history;
        _data = data;
    }

    /// <summary>The spatial mesh of the run.</summary>
    public UniformMesh Mesh { get; }

    /// <summary>The velocity grid of the run, shared by every species.</summary>
    /// <exception cref="InvalidOperationException">The species have their own grids (<see cref="SpeciesVelocities"/>).</exception>
    public VelocityGrid Velocities => HasSharedVelocities
        ? _grids[0]
        : throw new InvalidOperationException("The species of this checkpoint have their own velocity grids (SpeciesVelocities).");

    /// <summary>True when every species has the same velocity grid (format version 1); false for per-species grids (version 2).</summary>
    public bool HasSharedVelocities { get; }

    /// <summary>The velocity grid of every species, in species order.</summary>
    public IReadOnlyList<VelocityGrid> SpeciesVelocities => _grids;

    /// <summary>The species' names in species order.</summary>
    public IReadOnlyList<string> SpeciesNames { get; }

    /// <summary>Masses m^α in species order.</summary>
    public ReadOnlySpan<double> Masses => _masses;

    /// <summary>Charges q^α in species order.</summary>
    public ReadOnlySpan<double> Charges => _charges;

    /// <summary>The run's clock when the checkpoint was taken.</summary>
    public PhaseSpaceRunClock Clock { get; }

    /// <summary>The canonical text of the solver settings (<see cref="PhaseSpaceSolver.Settings"/>) that wrote it.</summary>
    public string Settings { get; }

    /// <summary>SHA-256 of <see cref="Settings"/>, lower-case hex (<see cref="PhaseSpaceSolver.SettingsFingerprint"/>).</summary>
    public string SettingsFingerprint { get; }

    /// <summary>Caller data stored with the state (not interpreted by the solver).</summary>
    public ReadOnlySpan<double> History => _history;

    /// <summary>The values of every cell of the mesh in global cell order: cells × species × that species' velocity nodes.</summary>
    public ReadOnlySpan<double> Data => _data;

    /// <summary>Writes the checkpoint to <paramref name="path"/> atomically (a temporary file renamed over it), so an
    /// interrupted write never leaves a truncated checkpoint behind.</summary>
    /// <param name="path">The file (overwritten).</param>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string temporary = path + ".partial";
        using (var stream = File.Create(temporary))
        {
            Write(stream);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads a checkpoint written by <see cref="Save"/>.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file is not a checkpoint, has another format version, or is truncated or corrupted.</exception>
    public static PhaseSpaceCheckpoint Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    /// <summary>Writes the checkpoint to <paramref name="stream"/> (<see cref="PhaseSpaceCheckpointFormat"/>).</summary>
    /// <param name="stream">A writable stream.</param>
    public void Write(Stream stream) => PhaseSpaceCheckpointFormat.Write(this, stream);

    /// <summary>Reads a checkpoint from the rest of <paramref name="stream"/>.</summary>
    /// <param name="stream">A readable stream.</param>
    /// <exception cref="InvalidDataException">Not a checkpoint, another format version, truncated or corrupted.</exception>
    public static PhaseSpaceCheckpoint Read(Stream stream) => PhaseSpaceCheckpointFormat.Read(stream);

    /// <summary>
    /// Checks that the checkpoint was written for states laid out like <paramref name="state"/> by a solver with
    /// <paramref name="settings"/>, naming the first difference.
    /// </summary>
    /// <exception cref="ArgumentException">Another mesh, velocity grid, species or solver settings.</exception>
    internal void CheckMatches(PhaseSpaceState state, string settings, string paramName)
    {
        if (!Mesh.Equals(state.Mesh))
        {
            throw new ArgumentException($"The checkpoint is on the mesh {Mesh}; the state is on {state.Mesh}.", paramName);
        }

        if (_grids.Length != state.SpeciesCount || !_grids.SequenceEqual(state.SpeciesVelocities))
        {
            throw new ArgumentException(
                $"The checkpoint is on the velocity grid(s) [{string.Join("; ", _grids.Distinct())}]; the state is on [{string.Join("; ", state.SpeciesVelocities.Distinct())}].", paramName);
        }

        string[] names = state.Mixture.Select(s => s.Name).ToArray();
        if (!SpeciesNames.SequenceEqual(names) || !Masses.SequenceEqual(state.Masses) || !Charges.SequenceEqual(state.Charges))
        {
            throw new ArgumentException(
                $"The checkpoint holds species [{string.Join(", ", SpeciesNames)}] with masses [{string.Join(", ", _masses)}] and charges [{string.Join(", ", _charges)}]; " +
                $"the state has [{string.Join(", ", names)}] with [{string.Join(", ", state.Masses.ToArray())}] and [{string.Join(", ", state.Charges.ToArray())}].",
                paramName);
        }

        if (Settings != settings)
        {
            throw new ArgumentException($"The checkpoint was written by a solver with settings {{{Settings}}}; this solver has {{{settings}}}.", paramName);
        }
    }
}
