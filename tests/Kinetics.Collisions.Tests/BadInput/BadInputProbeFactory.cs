using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace Kinetics.Tests.BadInput;

/// <summary>
/// Builds probes that expect a clear <see cref="ArgumentException"/> naming a parameter: from a generator of invalid
/// values of one parameter, or of input arrays (hashed by the runner: they must not be mutated). Shared by the
/// Collisions/Core and PhaseSpace catalogues (linked into both test projects).
/// </summary>
internal static class BadInputProbeFactory
{
    /// <summary>A probe calling <paramref name="call"/> with every generated value of <paramref name="parameter"/>.</summary>
    public static Probe Arg<T>(string entry, string parameter, Gen<T> gen, Action<T> call) =>
        new(entry, parameter, gen.Select(x => new Case(Describe(x), [], () =>
        {
            call(x);
            return [];
        })));

    /// <summary>A probe calling <paramref name="call"/> with generated input arrays (checked for mutation).</summary>
    public static Probe ArgSpan(string entry, string parameter, Gen<double[]> gen, Action<double[]> call) =>
        new(entry, parameter, gen.Select(a => new Case($"{a.Length} values", [a], () =>
        {
            call(a);
            return [];
        })));

    private static string Describe<T>(T value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        null => "null",
        _ => value.ToString() ?? "?",
    };
}
