using System.Text.Json;
using Kinetics.Cli.Snapshots;
using PureHDF;

namespace Kinetics.Cli.Tests;

/// <summary>HDF5 snapshots and checkpoints: a round trip keeps every value bit for bit, the file has the documented
/// layout, and `kinetics relax` interrupted and restarted from its checkpoint ends where the uninterrupted run ends.</summary>
public class SnapshotTests
{
    [Fact]
    public void Snapshot_RoundTrip_IsBitwise_AndHasTheDocumentedLayout()
    {
        const int n = 8;
        var random = new Random(20);
        double[] values = Enumerable.Range(0, 3 * n * n * n).Select(_ => random.NextDouble() * Math.Pow(10, random.Next(-300, 300))).ToArray();
        values[5] = double.Epsilon;
        values[7] = -0.0;
        var written = new DistributionSnapshot(0.1 + 0.2, ["e⁻", "ion", "N2"], [1.0 / 1836, 1.0, 28.0], n, Math.PI, values, new SolverCounters(17, 2, 51, -1e-17, 3.5e-15));
        string path = Path.Combine(Path.GetTempPath(), $"kinetics-snapshot-{Guid.NewGuid():N}.h5");
        SnapshotFile.Write(path, written);

        var read = SnapshotFile.Read(path);
        Assert.Equal(written.Time, read.Time);
        Assert.Equal(written.Names, read.Names);
        Assert.Equal(written.Masses, read.Masses);
        Assert.Equal(written.PointsPerAxis, read.PointsPerAxis);
        Assert.Equal(written.HalfWidth, read.HalfWidth);
        Assert.Equal(written.Solver, read.Solver);
        Assert.True(written.Distributions.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(read.Distributions.Select(BitConverter.DoubleToInt64Bits)));

        // What another HDF5 reader sees (read generically, not through SnapshotFile).
        using var file = H5File.OpenRead(path);
        Assert.Equal(new ulong[] { 3, n, n, n }, file.Dataset("distributions").Space.Dimensions);
        Assert.Equal(new ulong[] { 3, 3 }, file.Group("moments").Dataset("bulk_velocity").Space.Dimensions);
        double[] axis = file.Group("grid").Dataset("axis").Read<double[]>();
        Assert.Equal(-Math.PI + (Math.PI / n), axis[0], 15);
        Assert.Equal("checkpoint", file.Attribute("kind").Read<string>());
    }

    [Fact]
    public void Read_RejectsFilesThatAreNotSnapshots()
    {
        string path = Path.Combine(Path.GetTempPath(), $"kinetics-not-hdf5-{Guid.NewGuid():N}.h5");
        File.WriteAllText(path, "not HDF5");
        Assert.Throws<ArgumentException>(() => SnapshotFile.Read(path));
        Assert.Throws<ArgumentException>(() => SnapshotFile.Read(path + ".missing"));
    }

    [Fact]
    public void Relax_InterruptedAndRestartedFromItsCheckpoint_EndsBitwiseLikeTheUninterruptedRun()
    {
        string directory = Path.Combine(Path.GetTempPath(), $"kinetics-restart-{Guid.NewGuid():N}");
        string checkpoint = Path.Combine(directory, "run.h5");
        string[] common = ["relax", "--n", "16", "--t-final", "0.2", "--output", Path.Combine(directory, "relax")];

        JsonElement whole = KineticsProcess.RunJson([.. common, "--snapshot", Path.Combine(directory, "final.h5")]);
        Assert.True(whole.GetProperty("steps").GetInt32() > 6);

        // The step budget interrupts the run after 5 steps (checkpoints every 2 steps and at the stop) …
        JsonElement stopped = KineticsProcess.RunJson([.. common, "--checkpoint", checkpoint, "--checkpoint-every", "2", "--max-steps", "5"]);
        Assert.Equal(5, stopped.GetProperty("steps").GetInt32());
        Assert.Contains("--max-steps 5", stopped.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(5, SnapshotFile.Read(checkpoint).Solver!.Steps);

        // … and the restart ends bit for bit on the uninterrupted state, with the same step and evaluation counts.
        JsonElement resumed = KineticsProcess.RunJson([.. common, "--restart", checkpoint]);
        Assert.Equal(whole.GetProperty("state_sha256").GetString(), resumed.GetProperty("state_sha256").GetString());
        Assert.Equal(whole.GetProperty("steps").GetInt32(), resumed.GetProperty("steps").GetInt32());
        Assert.Equal(whole.GetProperty("evaluations").GetInt32(), resumed.GetProperty("evaluations").GetInt32());

        // The snapshot holds that same final state.
        var snapshot = SnapshotFile.Read(Path.Combine(directory, "final.h5"));
        Assert.Null(snapshot.Solver);
        Assert.Equal(0.2, snapshot.Time);
        Assert.Equal(2 * 16 * 16 * 16, snapshot.Distributions.Length);
    }

    [Fact]
    public void Restart_FromAnotherConfiguration_IsRejectedBeforeComputing()
    {
        string directory = Path.Combine(Path.GetTempPath(), $"kinetics-restart-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        string checkpoint = Path.Combine(directory, "other.h5");
        SnapshotFile.Write(checkpoint, new DistributionSnapshot(0.5, ["N2", "O2"], [1.0, 8.0 / 7.0], 8, 7.0, new double[2 * 512], new SolverCounters(3, 0, 9, 0, 0)));
        var (code, stdout, stderr) = KineticsProcess.Run("relax", "--n", "16", "--restart", checkpoint, "--output", Path.Combine(directory, "relax"), "--json");
        CommandContractTests.AssertErrorContract(code, stdout, stderr, 2);
        Assert.Contains("grid N = 8", stdout, StringComparison.Ordinal);
    }
}
