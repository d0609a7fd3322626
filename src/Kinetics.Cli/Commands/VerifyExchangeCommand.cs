using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Kinetics.Cli.Commands;

/// <summary>
/// `kinetics verify exchange`: the operators' conservation and exchange rates on a fixed-seed anisotropic two-bump
/// mixture of two species (<see cref="ExchangeCheck"/>): the leaks of Q before any projection, the temperature rates after
/// the default projection against the cross pairs, and the cross-pair rate on two Maxwellians against the closed form.
/// </summary>
internal static class VerifyExchangeCommand
{
    public static Command Create()
    {
        var masses = new Option<string>("--masses") { Description = "Masses mA,mB of the two species (ratios; the first is normalised to m = 1).", DefaultValueFactory = _ => "1,4" };
        var n = new Option<int>("--n") { Description = "Grid points per axis N (even, 2^a·3^b·5^c).", DefaultValueFactory = _ => 48 };
        var collision = new Option<string>("--operator") { Description = "boltzmann (fast spectral, b_ω = |cos θ| |g|^γ, default γ = −1) or landau (spectral, default γ = −3, Coulomb).", DefaultValueFactory = _ => "boltzmann" };
        collision.AcceptOnlyFromAmong("boltzmann", "landau");
        var gamma = new Option<double?>("--gamma") { Description = "Exponent γ of the kernel (Boltzmann (−3, 1], default −1; Landau [−3, 1], default −3: the closed form exists for Coulomb only)." };
        var halfWidth = new Option<double?>("--half-width") { Description = "Half-width L of the velocity box (default: GridSelection's box for the mixture)." };
        var json = JsonOutput.CreateOption();
        var command = new Command("exchange", "Conservation leaks, projected temperature rates and the closed-form exchange rate on an anisotropic two-bump mixture.")
        {
            masses, n, collision, gamma, halfWidth, json,
        };
        command.SetAction(parse =>
        {
            var io = new JsonOutput(parse.GetValue(json));
            ExchangeCheck.Result result;
            try
            {
                double[] m = Scenarios.ScenarioMath.Numbers(parse.GetValue(masses)!, "--masses");
                if (m.Length != 2 || m.Any(x => !(x > 0)))
                {
                    throw new ArgumentException($"--masses needs two values > 0 (was '{parse.GetValue(masses)}').");
                }

                int size = parse.GetValue(n);
                if (size < 8 || size > 256)
                {
                    throw new ArgumentException($"--n must be in [8, 256] (was {size}).");
                }

                double? width = parse.GetValue(halfWidth);
                if (width is double w && !(w > 0 && double.IsFinite(w)))
                {
                    throw new ArgumentException($"--half-width must be finite and > 0 (was {w}).");
                }

                var check = new ExchangeCheck(m[1] / m[0], size, parse.GetValue(collision) == "landau", parse.GetValue(gamma), width);
                result = check.Run(io.Human);
            }
            catch (ArgumentException error)
            {
                return Fail(io, error.Message);
            }
            catch (InvalidOperationException error)
            {
                return Fail(io, error.Message);
            }

            foreach (var (key, value) in result.Fields)
            {
                io.Human.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key,-22} {Format(value)}"));
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

    private static int Fail(JsonOutput io, string message)
    {
        Console.Error.WriteLine($"kinetics verify exchange: {message}");
        if (io.IsJson)
        {
            io.WriteResult(new Dictionary<string, object> { ["error"] = message });
        }

        return 2;
    }
}
