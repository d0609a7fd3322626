using Kinetics.Mixtures;
using Kinetics.PhaseSpace.Fields;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.PhaseSpace.Moments;
using Kinetics.PhaseSpace.States;
using Kinetics.PhaseSpace.Velocities;
using Kinetics.Tests;

namespace Kinetics.PhaseSpace.Tests.Fields;

public sealed class ForceTermTests
{
    private static readonly Mixture Plasma = new(new Species("e", 1.0, charge: -1.0), new Species("i", 4.0, charge: 2.0), new Species("n", 2.0));

    [Theory]
    [InlineData(1, 64)]
    [InlineData(3, 16)]
    public void Advance_ConservesMassOfEverySpeciesInEveryCell_AndShiftsMomentumByForce(int dimension, int points)
    {
        var mesh = UniformMesh.Create1D(4, 1.0);
        var grid = new VelocityGrid(dimension, points, 7.0);
        var state = new PhaseSpaceState(mesh, grid, Plasma);
        for (int s = 0; s < 3; s++)
        {
            double m = Plasma[s].Mass;
            state.Fill(s, (x, _, v) => (1 + x) * Math.Pow(m / (2 * Math.PI), dimension / 2.0) * Math.Exp(-m * v.LengthSquared / 2));
        }

        var before = Enumerable.Range(0, 4).Select(c => Enumerable.Range(0, 3).Select(s => CellMoments.Species(state, c, s)).ToArray()).ToArray();
        double[] e = [0.3, -0.2, 0.05, 0.0];
        const double Dt = 0.05;
        ForceTerm.Create(grid).Advance(state, e, [], Dt);
        for (int c = 0; c < 4; c++)
        {
            for (int s = 0; s < 3; s++)
            {
                var after = CellMoments.Species(state, c, s);

                // Flux form with zero flux at the box edges: mass to the round-off of summing N^d values (observed
                // ≤ 1.1e−14 for 16³).
                Tolerance.AssertRelative(before[c][s].Density, after.Density, 1e-13, $"mass, cell {c}, species {s}");

                // d u_x/dt = (q/m)E for a smooth Maxwellian: the limited flux is exact up to O(h²) slope effects
                // (observed ≤ 2e−4 relative at these resolutions).
                double expected = Plasma[s].Charge / Plasma[s].Mass * e[c] * Dt;
                Tolerance.AssertAbsolute(expected, after.BulkVelocity.X - before[c][s].BulkVelocity.X, 1e-3 * Math.Abs(expected) + 1e-15, $"u_x, cell {c}, species {s}");
            }
        }
    }

    [Fact]
    public void Advance_RejectsFieldOfWrongLength()
    {
        var grid = new VelocityGrid(1, 8, 2.0);
        var state = new PhaseSpaceState(UniformMesh.Create1D(4, 1.0), grid, Plasma);
        var e = Assert.Throws<ArgumentException>(() => ForceTerm.Create(grid).Advance(state, new double[3], [], 0.1));
        Assert.Equal("fieldX", e.ParamName);
    }
}
