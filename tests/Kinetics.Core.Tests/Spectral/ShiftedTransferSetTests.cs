using Kinetics.Grids;
using Kinetics.Spectral;
using Xunit.Abstractions;

namespace Kinetics.Tests.Spectral;

public class ShiftedTransferSetTests(ITestOutputHelper output)
{
    // The icosahedral shifts of one radial node, as the per-species Boltzmann operator builds them (repeated components).
    private static Velocity3[] Shifts(double radius)
    {
        double phi = (1 + Math.Sqrt(5)) / 2, scale = radius / Math.Sqrt(1 + (phi * phi));
        var result = new List<Velocity3>();
        foreach (double s1 in new[] { -1.0, 1.0 })
        {
            foreach (double s2 in new[] { -1.0, 1.0 })
            {
                result.Add(new Velocity3(0, s1, s2 * phi) * scale);
                result.Add(new Velocity3(s1, s2 * phi, 0) * scale);
                result.Add(new Velocity3(s2 * phi, 0, s1) * scale);
            }
        }

        return [.. result];
    }

    private static double[] Data(SpeciesGrid grid, int seed)
    {
        var random = new Random(seed);
        var values = new double[grid.Count];
        var centre = grid.Centre + new Velocity3(0.1, -0.2, 0.05);
        for (int p = 0; p < values.Length; p++)
        {
            double r2 = (grid.Point(p) - centre).LengthSquared / (grid.HalfWidth * grid.HalfWidth / 16);
            values[p] = Math.Exp(-r2 / 2) * (1 + (0.1 * random.NextDouble()));
        }

        return values;
    }

    private static (double Worst, double Largest) Compare(SpeciesGrid source, SpeciesGrid target, Velocity3[] shifts, bool? compress, out ShiftedTransferSet set)
    {
        double[] values = Data(source, 7);
        set = ShiftedTransferSet.Create(source, target, shifts, compress);
        var scratch = new double[set.ScratchLength];
        var fast = new double[target.Count];
        var reference = new double[target.Count];
        double worst = 0, largest = 0;
        var seen = new HashSet<int>();
        for (int position = 0; position < set.Count; position++)
        {
            int m = set.Apply(position, values, fast, scratch);
            Assert.True(seen.Add(m));
            var single = SpectralTransfer.Create(source, new SpeciesGrid(target.Grid, target.Centre - shifts[m]));
            single.Apply(values, reference, new double[single.ScratchLength]);
            for (int p = 0; p < reference.Length; p++)
            {
                worst = Math.Max(worst, Math.Abs(fast[p] - reference[p]));
                largest = Math.Max(largest, Math.Abs(reference[p]));
            }
        }

        Assert.Equal(shifts.Length, seen.Count);
        return (worst, largest);
    }

    [Fact]
    public void SharedPasses_Dense_AreBitwiseTheSingleTransfers()
    {
        // Equal-mass-like boxes (wide 9.1 and narrow 6.7, off-centre): the passes are shared between shifts with equal
        // z and (y, z) components, each pass the same product as SpectralTransfer's, so the values agree bit for bit.
        var source = new SpeciesGrid(new CartesianGrid(16, 9.1), new Velocity3(0.2, 0, -0.1));
        var target = new SpeciesGrid(new CartesianGrid(16, 6.7), new Velocity3(-0.3, 0.1, 0));
        Velocity3[] shifts = Shifts(2.5);
        var (worst, _) = Compare(source, target, shifts, compress: false, out var set);
        Assert.Equal(0, set.Rank);
        Assert.Equal(0.0, worst);
    }

    [Fact]
    public void Compressed_WideSource_MatchesTheSingleTransfers_ToRoundOff()
    {
        // 1:100-like boxes: the narrow target spans 1/13.6 of the source box, so the source band on it has low rank
        // (forced: at N = 24 the operation-count rule keeps the dense passes).
        var source = new SpeciesGrid(new CartesianGrid(24, 9.1));
        var target = new SpeciesGrid(new CartesianGrid(24, 9.1 / 13.6), new Velocity3(0.01, 0, 0));
        Velocity3[] shifts = Shifts(4.0);
        var (worst, largest) = Compare(source, target, shifts, compress: true, out var set);
        output.WriteLine($"rank {set.Rank}, worst {worst / largest:E2} of the largest value");
        Assert.InRange(set.Rank, 1, 16);
        // Observed: rank 15, worst 4.9e-15 of the largest value; bound 10× that.
        Assert.True(worst < 5e-14 * largest, $"rank {set.Rank}: {worst / largest:E2}");
    }

    [Fact]
    public void CompressionRule_FollowsTheOperationCount()
    {
        // The 12 icosahedron vertices have 5 distinct z components (0, ±1, ±φ up to scale). At N = 24 the rank-15 factors
        // save nothing (operation ratio 1.0); at N = 48 and a box ratio of 1:30 they need under half the operations.
        var small = ShiftedTransferSet.Create(new SpeciesGrid(new CartesianGrid(24, 9.1)), new SpeciesGrid(new CartesianGrid(24, 9.1 / 13.6)), Shifts(4.0));
        Assert.Equal(0, small.Rank);
        Assert.Equal(5, small.ZPasses);
        var large = ShiftedTransferSet.Create(new SpeciesGrid(new CartesianGrid(48, 9.1)), new SpeciesGrid(new CartesianGrid(48, 9.1 / 30)), Shifts(4.0));
        Assert.InRange(large.Rank, 1, 24);
    }

    [Fact]
    public void NarrowSource_IsNeverCompressed()
    {
        // Projection onto a wider band keeps the full target band: no compression is possible.
        var source = new SpeciesGrid(new CartesianGrid(12, 1.0));
        var target = new SpeciesGrid(new CartesianGrid(12, 8.0));
        var set = ShiftedTransferSet.Create(source, target, Shifts(0.3), compress: true);
        Assert.Equal(0, set.Rank);
    }
}
