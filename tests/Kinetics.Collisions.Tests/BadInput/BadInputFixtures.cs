using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Landau;
using Kinetics.Linearized;
using Kinetics.Mixtures;

namespace Kinetics.Tests.BadInput;

/// <summary>Small valid objects shared by the probes (immutable plans; workspaces are created per call).</summary>
internal static class BadInputFixtures
{
    public static readonly CartesianGrid Grid = new(8, 6.0);

    /// <summary>A wider box for the Boltzmann operator, whose resolution guard asks for 1e−6 at the boundary.</summary>
    public static readonly CartesianGrid WideGrid = new(8, 8.0);

    public static readonly Mixture Pair = new(new Species("A", 1.0), new Species("B", 2.0));

    public static readonly CollisionKernelTable Kernels = CollisionKernelTable.Uniform(Pair, new CollisionKernel(-1.0, AngularFunction.AbsoluteCosine()));

    private static readonly Lazy<SpectralLandauOperator> LazyLandau = new(() =>
        SpectralLandauOperator.Create(Grid, Pair, LandauCouplings.Uniform(2), LandauKernel.Coulomb()));

    private static readonly Lazy<SpectralLandauOperator> LazyOtherLandau = new(() =>
        SpectralLandauOperator.Create(Grid, Pair, LandauCouplings.Uniform(2), new LandauKernel(-2.0)));

    private static readonly Lazy<ReferenceLinearizedOperator> LazyLinearized = new(() => ReferenceLinearizedOperator.Create(Kernels));

    public static readonly RadialLandauGrid RadialCells = new(16, 8.0, 1.0);

    public static SpectralLandauOperator LandauOp => LazyLandau.Value;

    /// <summary>A second operator on the same grid: its workspaces must be refused by <see cref="Landau"/>.</summary>
    public static SpectralLandauOperator OtherLandauOp => LazyOtherLandau.Value;

    public static ReferenceLinearizedOperator Linearized => LazyLinearized.Value;

    /// <summary>Unit Maxwellians of both species, stacked (S·N³).</summary>
    public static double[] Stacked(CartesianGrid? grid = null)
    {
        grid ??= Grid;
        int count = grid.Count;
        var f = new double[2 * count];
        Maxwellian.Fill(grid, MacroscopicState.Unit, 1.0, f.AsSpan(0, count));
        Maxwellian.Fill(grid, MacroscopicState.Unit, 2.0, f.AsSpan(count, count));
        return f;
    }

    /// <summary>A unit Maxwellian of species A (N³).</summary>
    public static double[] Single() => Stacked()[..Grid.Count];

    /// <summary>A radial Maxwellian on <see cref="RadialCells"/>.</summary>
    public static double[] Radial() => RadialCells.Sample(r => Math.Exp(-r * r / 2) / Math.Pow(2 * Math.PI, 1.5));
}
