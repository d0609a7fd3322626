using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace Kinetics.Tests.BadInput;

/// <summary>
/// The catalogue of probes: every public entry point family with a generator of invalid values per parameter kind
/// (non-finite and out-of-range numbers, bad indices, undefined enum values, foreign workspaces, spans containing
/// NaN, sizes that overflow), plus valid extremes that must not give NaN and inputs that used to hang. Split by area
/// into the partial files BadInputProbes.*.cs.
/// </summary>
internal static partial class BadInputProbes
{
    /// <summary>Every probe of the catalogue.</summary>
    public static IEnumerable<Probe> All() => Core().Concat(Kernels()).Concat(Landau()).Concat(Linearized()).Concat(Boltzmann()).Concat(Liveness()).Concat(Campaign2());

    private static Probe Arg<T>(string entry, string parameter, Gen<T> gen, Action<T> call) =>
        new(entry, parameter, gen.Select(x => new Case(Describe(x), [], () =>
        {
            call(x);
            return [];
        })));

    private static Probe ArgSpan(string entry, string parameter, Gen<double[]> gen, Action<double[]> call) =>
        new(entry, parameter, gen.Select(a => new Case($"{a.Length} values", [a], () =>
        {
            call(a);
            return [];
        })));

    private static Probe StateError(string entry, string description, Func<object?> call) =>
        new(entry, "-", Gen.Constant(new Case(description, [], () =>
        {
            call();
            return [];
        })), Expect.StateError);

    private static Probe Finite(string entry, string description, Func<double[]> call, bool infinityAllowed = false) =>
        new(entry, "-", Gen.Constant(new Case(description, [], call)), Expect.Finite, infinityAllowed);

    private static string Describe<T>(T value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        null => "null",
        _ => value.ToString() ?? "?",
    };
}
