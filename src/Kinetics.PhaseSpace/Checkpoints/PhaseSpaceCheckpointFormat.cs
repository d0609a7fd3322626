using System.Security.Cryptography;
using System.Text;
using Kinetics.PhaseSpace.Integration;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.PhaseSpace.Velocities;

namespace Kinetics.PhaseSpace.Checkpoints;

/// <summary>
/// The binary file format of a <see cref="PhaseSpaceCheckpoint"/>, version 1 (one velocity grid shared by every species)
/// or 2 (a grid per species), little-endian:
/// <list type="number">
/// <item>the 8 ASCII bytes <c>KINPSCKP</c>, then the format version (int32);</item>
/// <item>mesh: dimension, Nx, Ny (int32), Lx, Ly (float64); velocity grid (species 0's in version 2): dimension, N (int32), L (float64);</item>
/// <item>species: S (int32), then S × (name: 7-bit-length-prefixed UTF-8, mass, charge float64);</item>
/// <item>version 2 only: S × (N (int32), L, centre x, y, z (float64)), the grid of every species (dimension as above);</item>
/// <item>clock: final time (float64), total steps, steps taken (int32); settings text (length-prefixed UTF-8);</item>
/// <item>history: count (int32) and float64 values; state: count (int64) and float64 values (global cell order);</item>
/// <item>the SHA-256 of every byte before it (32 bytes).</item>
/// </list>
/// Values are stored as IEEE doubles, so a checkpoint read back restarts a run bit for bit; the trailing hash detects a
/// truncated or corrupted file before any value is used.
/// </summary>
public static class PhaseSpaceCheckpointFormat
{
    /// <summary>The format version of checkpoints on one shared velocity grid, written and read by this library.</summary>
    public const int Version = 1;

    /// <summary>The format version of checkpoints with a velocity grid per species, written and read by this library.</summary>
    public const int PerSpeciesGridsVersion = 2;

    private const int HashLength = 32;
    private static readonly byte[] Magic = "KINPSCKP"u8.ToArray();

    /// <summary>Writes <paramref name="checkpoint"/> to <paramref name="stream"/>.</summary>
    /// <param name="checkpoint">The checkpoint.</param>
    /// <param name="stream">A writable stream.</param>
    public static void Write(PhaseSpaceCheckpoint checkpoint, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            bool shared = checkpoint.HasSharedVelocities;
            var grids = checkpoint.SpeciesVelocities;
            writer.Write(shared ? Version : PerSpeciesGridsVersion);
            var mesh = checkpoint.Mesh;
            writer.Write(mesh.Dimension);
            writer.Write(mesh.CellsX);
            writer.Write(mesh.CellsY);
            writer.Write(mesh.LengthX);
            writer.Write(mesh.LengthY);
            writer.Write(grids[0].Dimension);
            writer.Write(grids[0].PointsPerAxis);
            writer.Write(grids[0].HalfWidth);
            writer.Write(checkpoint.SpeciesNames.Count);
            for (int s = 0; s < checkpoint.SpeciesNames.Count; s++)
            {
                writer.Write(checkpoint.SpeciesNames[s]);
                writer.Write(checkpoint.Masses[s]);
                writer.Write(checkpoint.Charges[s]);
            }

            if (!shared)
            {
                foreach (var grid in grids)
                {
                    writer.Write(grid.PointsPerAxis);
                    writer.Write(grid.HalfWidth);
                    writer.Write(grid.Centre.X);
                    writer.Write(grid.Centre.Y);
                    writer.Write(grid.Centre.Z);
                }
            }

            writer.Write(checkpoint.Clock.FinalTime);
            writer.Write(checkpoint.Clock.TotalSteps);
            writer.Write(checkpoint.Clock.StepsTaken);
            writer.Write(checkpoint.Settings);
            writer.Write(checkpoint.History.Length);
            foreach (double value in checkpoint.History)
            {
                writer.Write(value);
            }

            writer.Write((long)checkpoint.Data.Length);
            foreach (double value in checkpoint.Data)
            {
                writer.Write(value);
            }
        }

        byte[] body = buffer.ToArray();
        stream.Write(body);
        stream.Write(SHA256.HashData(body));
    }

    /// <summary>Reads a checkpoint from the rest of <paramref name="stream"/>.</summary>
    /// <param name="stream">A readable stream.</param>
    /// <exception cref="InvalidDataException">Not a checkpoint, another format version, truncated or corrupted.</exception>
    public static PhaseSpaceCheckpoint Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        byte[] bytes = copy.ToArray();
        if (bytes.Length < Magic.Length || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not a Kinetics phase-space checkpoint (it does not start with 'KINPSCKP').");
        }

        if (bytes.Length < Magic.Length + sizeof(int))
        {
            throw new InvalidDataException($"The checkpoint is truncated ({bytes.Length} bytes).");
        }

        int version = BitConverter.ToInt32(bytes, Magic.Length);
        if (version != Version && version != PerSpeciesGridsVersion)
        {
            throw new InvalidDataException($"The checkpoint has format version {version}; this library reads versions {Version} and {PerSpeciesGridsVersion}.");
        }

        int bodyLength = bytes.Length - HashLength;
        if (bodyLength < Magic.Length + sizeof(int) || !SHA256.HashData(bytes.AsSpan(0, bodyLength)).AsSpan().SequenceEqual(bytes.AsSpan(bodyLength)))
        {
            throw new InvalidDataException($"The checkpoint is truncated or corrupted ({bytes.Length} bytes; its SHA-256 does not match).");
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, Magic.Length + sizeof(int), bodyLength - Magic.Length - sizeof(int)), Encoding.UTF8);
            int meshDimension = reader.ReadInt32(), cellsX = reader.ReadInt32(), cellsY = reader.ReadInt32();
            double lengthX = reader.ReadDouble(), lengthY = reader.ReadDouble();
            var mesh = meshDimension == 1 ? UniformMesh.Create1D(cellsX, lengthX) : UniformMesh.Create2D(cellsX, cellsY, lengthX, lengthY);
            var velocities = new VelocityGrid(reader.ReadInt32(), reader.ReadInt32(), reader.ReadDouble());
            int species = reader.ReadInt32();
            if (species < 1 || species > 1024)
            {
                throw new InvalidDataException($"The checkpoint claims {species} species.");
            }

            var names = new string[species];
            var masses = new double[species];
            var charges = new double[species];
            for (int s = 0; s < species; s++)
            {
                names[s] = reader.ReadString();
                masses[s] = reader.ReadDouble();
                charges[s] = reader.ReadDouble();
            }

            var grids = Enumerable.Repeat(velocities, species).ToArray();
            if (version == PerSpeciesGridsVersion)
            {
                for (int s = 0; s < species; s++)
                {
                    int points = reader.ReadInt32();
                    double halfWidth = reader.ReadDouble();
                    var centre = new Velocity3(reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble());
                    grids[s] = new VelocityGrid(velocities.Dimension, points, halfWidth, centre);
                }
            }

            var clock = new PhaseSpaceRunClock(reader.ReadDouble(), reader.ReadInt32(), reader.ReadInt32());
            clock.Validate("clock");
            string settings = reader.ReadString();
            double[] history = ReadValues(reader, reader.ReadInt32());
            long count = reader.ReadInt64();
            long expected = (long)mesh.CellCount * grids.Sum(g => (long)g.Count);
            if (count != expected)
            {
                throw new InvalidDataException($"The checkpoint holds {count} values; its mesh, grid and species need {expected}.");
            }

            double[] data = ReadValues(reader, count);
            if (reader.BaseStream.Position != reader.BaseStream.Length)
            {
                throw new InvalidDataException("The checkpoint has unexpected bytes after its state.");
            }

            return new PhaseSpaceCheckpoint(mesh, grids, names, masses, charges, clock, settings, history, data);
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException or OverflowException)
        {
            throw new InvalidDataException($"The checkpoint is malformed: {e.Message}", e);
        }
    }

    private static double[] ReadValues(BinaryReader reader, long count)
    {
        long remaining = (reader.BaseStream.Length - reader.BaseStream.Position) / sizeof(double);
        if (count < 0 || count > remaining)
        {
            throw new InvalidDataException($"The checkpoint claims {count} values where {remaining} remain.");
        }

        var values = new double[count];
        for (long i = 0; i < count; i++)
        {
            values[i] = reader.ReadDouble();
        }

        return values;
    }
}
