using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Kinetics.Cli.Commands;

/// <summary>
/// `kinetics verify exchange`: the operators' conservation and exchange rates on a fixed-seed anisotropic two-bump
/// mixture of two species (<see cref="ExchangeCheck"/>): the leaks of Q before any projection, the temperature rates after
/// the default projection against the cross pairs, and the cross-pair rate on two Maxwellians against the closed form,
/// on per-species grids (default) or one shared grid.
/// </summary>
internal static class VerifyExchangeCommand
{
    public static Command Create()
    {
        var masses = new Option<string>("--masses") { Description = "Masses mA,mB of the two species (ratios; the first is normalised to m = 1).", DefaultValueFactory = _ => "1,4" };
        var n = new Option<int>("--n") { Description = "Grid points per axis N (even, 2^a·3^b·5^c).", DefaultValueFactory = _ => 48 }.GridSize(8, 256);
        var collision = new Option<string>("--operator") { Description = "boltzmann (fast spectral, b_ω = |cos θ| |g|^γ, default γ = −1) or landau (spectral, default γ = −3, Coulomb).", DefaultValueFactory = _ => "boltzmann" };
        collision.AcceptOnlyFromAmong("boltzmann", "landau");
        var gamma = new Option<double?>("--gamma") { Description = "Exponent γ of the kernel (Boltzmann (−3, 1], default −1; Landau [−3, 1], default −3: the closed form exists for Coulomb only)." }.InRange(-3, 1);
        var halfWidth = new Option<double?>("--half-width") { Description = "With --grids shared: half-width L of the velocity box (default: 6.5 thermal speeds beyond the drift of the widest bump)." }.InRange(0, double.MaxValue, minOpen: true);
        var grids = new Option<string>("--grids") { Description = "per-species (default): each species on its own N³ grid, centred at its mean drift, 8 of its thermal speeds beyond its farthest bump (docs/species-grids.md); shared: both species on one N³ grid.", DefaultValueFactory = _ => "per-species" };
        grids.AcceptOnlyFromAmong("per-species", "shared");
        var json = JsonOutput.CreateOption();
        var command = new Command("exchange", "Conservation leaks, projected temperature rates and the closed-form exchange rate on an anisotropic two-bump mixture.")
        {
            masses, n, collision, gamma, halfWidth, grids, json,
        };
        command.SetAction(parse =>
        {
            var io = new JsonOutput(parse.GetValue(json));
            double[] m = Scenarios.ScenarioMath.Numbers(parse.GetValue(masses)!, "--masses");
            if (m.Length != 2 || m.Any(x => !(x > 0)))
            {
                throw new ArgumentException($"--masses needs two values > 0 (was '{parse.GetValue(masses)}').");
            }

            bool landau = parse.GetValue(collision) == "landau";
            if (!landau && parse.GetValue(gamma) is double g && g <= -3)
            {
                throw new ArgumentException($"--gamma must be in (−3, 1] for the Boltzmann operator (was {g}).");
            }

            bool perSpecies = parse.GetValue(grids) == "per-species";
            if (perSpecies && parse.GetValue(halfWidth) is double l)
            {
                throw new ArgumentException($"--half-width applies to --grids shared only (was {l} with --grids per-species, where each species' box follows its thermal speed).");
            }

            var check = new ExchangeCheck(m[1] / m[0], parse.GetValue(n), landau, parse.GetValue(gamma), parse.GetValue(halfWidth), perSpecies);
            var result = check.Run(io.Human);
            foreach (var (key, value) in result.Fields)
            {
                io.Human.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key,-28} {Format(value)}"));
            }

            io.WriteResult(result.Fields);
            return 0;
        });
        return command;
    }

    private static string Format(object value) => value switch
    {
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        double[] array => "[" + string.Join(", ", array.Select(d => d.ToString("G6", CultureInfo.InvariantCulture))) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
