using Kinetics.Grids;

namespace Kinetics.Tests;

public class SmokeTests
{
    [Fact]
    public void CartesianGrid_IsSymmetricAboutOrigin()
    {
        var grid = new CartesianGrid(8, 4.0);
        for (int i = 0; i < 8; i++)
        {
            Assert.Equal(-grid.Coordinate(i), grid.Coordinate(7 - i), 15);
        }
    }
}
