using System.CommandLine;
using System.Globalization;

namespace Kinetics.Cli.Commands.Flow;

/// <summary>The options shared by `kinetics flow couette` and `kinetics flow fourier`.</summary>
internal sealed class WallFlowOptions
{
    public Option<string> Masses { get; } = new Option<string>("--masses") { Description = "Species masses (two or more), comma-separated, code units.", DefaultValueFactory = _ => "1,4" }.NumberList(1, 8, 0, 1e4, minOpen: true);

    public Option<string> Densities { get; } = new Option<string>("--densities") { Description = "Mean number densities of the species, comma-separated.", DefaultValueFactory = _ => "0.5,0.5" }.NumberList(1, 8, 0, 1e6, minOpen: true);

    public Option<int> Cells { get; } = new Option<int>("--cells") { Description = "Cells across the gap [0, 1].", DefaultValueFactory = _ => 16 }.InRange(4, 1024);

    public Option<int> Velocities { get; } = new Option<int>("--velocities") { Description = "Velocity nodes per axis (2V free-molecular, 3V with --kn).", DefaultValueFactory = _ => 80 }.InRange(8, 256);

    public Option<double> HalfWidth { get; } = new Option<double>("--half-width") { Description = "Velocity half-width L.", DefaultValueFactory = _ => 8.0 }.InRange(1, 100);

    public Option<double?> Knudsen { get; } = new Option<double?>("--kn") { Description = "Knudsen number: collisions 𝒞/Kn by the spectral Boltzmann operator (γ = −1, b ∝ |cos θ|) on a 3V grid (the spectral operator needs L ≳ 13 thermal speeds without aliasing, so N ≥ 24: slow); omitted: free-molecular (collisionless, 2V), checked against the closed form." }.InRange(1e-3, 1e6, minOpen: true);

    public Option<string> Grids { get; } = CreateGrids();

    public Option<double> FinalTime { get; } = new Option<double>("--t-final") { Description = "Final time (the free-molecular steady state is reached after a few crossings).", DefaultValueFactory = _ => 12.0 }.InRange(0, 1e4, minOpen: true);

    public (double[] Masses, double[] Densities) Species(ParseResult parse)
    {
        double[] m = Parse(parse.GetValue(Masses)!), n = Parse(parse.GetValue(Densities)!);
        if (m.Length != n.Length)
        {
            throw new ArgumentException($"--masses has {m.Length} values but --densities has {n.Length}.");
        }

        return (m, n);
    }

    private static Option<string> CreateGrids()
    {
        var grids = new Option<string>("--grids")
        {
            Description = $"Velocity grids: auto (default) = one grid per species when the species' thermal speeds √(T/m) (gas and wall temperatures) differ by more than {Kinetics.Grids.GridSelection.PerSpeciesThreshold:G2}×, else one shared grid; per-species = always (species α on N nodes per axis over L·√(m_lightest/m_α), centred at 0); shared = one grid on [−L, L] for all species (docs/phase-space.md).",
            DefaultValueFactory = _ => "auto",
        };
        grids.AcceptOnlyFromAmong("auto", "per-species", "shared");
        return grids;
    }

    private static double[] Parse(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
}
