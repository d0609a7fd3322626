using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Moments;
using PureHDF;

namespace Kinetics.Cli.Snapshots;

/// <summary>
/// HDF5 snapshots of distributions (PureHDF, pure managed; readable by h5py, h5dump and ParaView through XDMF). Layout:
/// <list type="bullet">
/// <item><c>/</c>: attributes <c>format</c> = "kinetics-distributions", <c>format_version</c> = 1, <c>time</c>,
/// <c>kind</c> = "snapshot" or "checkpoint";</item>
/// <item><c>/distributions</c>: float64 [species, N, N, N], F[a][i][j][k] at (v_i, v_j, v_k);</item>
/// <item><c>/grid</c>: attributes <c>kind</c> = "cartesian", <c>points_per_axis</c>, <c>half_width</c>, <c>spacing</c>;
/// dataset <c>axis</c>, the N cell centres v_i = −L + (i + ½)h (the same on the three axes);</item>
/// <item><c>/species</c>: datasets <c>names</c> (strings) and <c>masses</c>;</item>
/// <item><c>/moments</c>: datasets <c>density</c> [S], <c>bulk_velocity</c> [S, 3], <c>temperature</c> [S] (k_B = 1);</item>
/// <item><c>/solver</c> (checkpoints): attributes <c>steps</c>, <c>rejected_steps</c>, <c>evaluations</c>,
/// <c>minimum_relative_value</c>, <c>largest_relative_correction</c>.</item>
/// </list>
/// Values are stored as IEEE doubles, so a checkpoint read back restarts a run bit for bit.
/// </summary>
internal static class SnapshotFile
{
    private const string Format = "kinetics-distributions";
    private const int FormatVersion = 1;

    /// <summary>Writes <paramref name="snapshot"/> to <paramref name="path"/> (overwriting it).</summary>
    public static void Write(string path, DistributionSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        int s = snapshot.Names.Length, n = snapshot.PointsPerAxis;
        var grid = new CartesianGrid(n, snapshot.HalfWidth);
        if (snapshot.Masses.Length != s || snapshot.Distributions.Length != s * grid.Count)
        {
            throw new ArgumentException($"snapshot: {s} names, {snapshot.Masses.Length} masses and {snapshot.Distributions.Length} values do not match S·N³ = {s}·{n}³.", nameof(snapshot));
        }

        var density = new double[s];
        var velocity = new double[s, 3];
        var temperature = new double[s];
        for (int a = 0; a < s; a++)
        {
            var moments = SpeciesMoments.Of(new DistributionFunction(grid, snapshot.Distributions.AsSpan(a * grid.Count, grid.Count)), snapshot.Masses[a]);
            density[a] = moments.Density;
            velocity[a, 0] = moments.BulkVelocity.X;
            velocity[a, 1] = moments.BulkVelocity.Y;
            velocity[a, 2] = moments.BulkVelocity.Z;
            temperature[a] = moments.Temperature;
        }

        var gridGroup = new H5Group { ["axis"] = grid.Axis.ToArray() };
        gridGroup.Attributes["kind"] = "cartesian";
        gridGroup.Attributes["points_per_axis"] = n;
        gridGroup.Attributes["half_width"] = snapshot.HalfWidth;
        gridGroup.Attributes["spacing"] = grid.Spacing;

        var distributions = new H5Dataset(snapshot.Distributions, fileDims: [(ulong)s, (ulong)n, (ulong)n, (ulong)n]);
        distributions.Attributes["layout"] = "F[species][i][j][k] at velocity (axis[i], axis[j], axis[k])";

        var file = new H5File
        {
            ["distributions"] = distributions,
            ["grid"] = gridGroup,
            ["species"] = new H5Group { ["names"] = snapshot.Names, ["masses"] = snapshot.Masses },
            ["moments"] = new H5Group { ["density"] = density, ["bulk_velocity"] = velocity, ["temperature"] = temperature },
        };
        file.Attributes["format"] = Format;
        file.Attributes["format_version"] = FormatVersion;
        file.Attributes["time"] = snapshot.Time;
        file.Attributes["kind"] = snapshot.Solver is null ? "snapshot" : "checkpoint";
        if (snapshot.Solver is { } solver)
        {
            var group = new H5Group();
            group.Attributes["steps"] = solver.Steps;
            group.Attributes["rejected_steps"] = solver.RejectedSteps;
            group.Attributes["evaluations"] = solver.Evaluations;
            group.Attributes["minimum_relative_value"] = solver.MinimumRelativeValue;
            group.Attributes["largest_relative_correction"] = solver.LargestRelativeCorrection;
            file["solver"] = group;
        }

        // Written to a temporary file first, so an interrupted write never leaves a truncated checkpoint behind.
        string temporary = path + ".partial";
        file.Write(temporary);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads a snapshot or checkpoint written by <see cref="Write"/>.</summary>
    /// <exception cref="ArgumentException">The file is missing, not HDF5, or not in this format.</exception>
    public static DistributionSnapshot Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new ArgumentException($"'{path}' does not exist.");
        }

        try
        {
            using var file = H5File.OpenRead(path);
            if (!file.AttributeExists("format") || file.Attribute("format").Read<string>() != Format)
            {
                throw new ArgumentException($"'{path}' is HDF5 but not a Kinetics distribution snapshot (no format = \"{Format}\" attribute).");
            }

            int version = file.Attribute("format_version").Read<int>();
            if (version != FormatVersion)
            {
                throw new ArgumentException($"'{path}' has snapshot format version {version}; this version reads {FormatVersion}.");
            }

            var grid = file.Group("grid");
            var species = file.Group("species");
            SolverCounters? solver = null;
            if (file.LinkExists("solver"))
            {
                var group = file.Group("solver");
                solver = new SolverCounters(
                    group.Attribute("steps").Read<int>(),
                    group.Attribute("rejected_steps").Read<int>(),
                    group.Attribute("evaluations").Read<int>(),
                    group.Attribute("minimum_relative_value").Read<double>(),
                    group.Attribute("largest_relative_correction").Read<double>());
            }

            return new DistributionSnapshot(
                file.Attribute("time").Read<double>(),
                species.Dataset("names").Read<string[]>(),
                species.Dataset("masses").Read<double[]>(),
                grid.Attribute("points_per_axis").Read<int>(),
                grid.Attribute("half_width").Read<double>(),
                file.Dataset("distributions").Read<double[]>(),
                solver);
        }
        catch (Exception e) when (e is not ArgumentException and not OutOfMemoryException)
        {
            throw new ArgumentException($"'{path}' cannot be read as a Kinetics snapshot: {e.Message}", e);
        }
    }
}
