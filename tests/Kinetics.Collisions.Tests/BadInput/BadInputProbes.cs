using FsCheck;
using FsCheck.Fluent;
using static Kinetics.Tests.BadInput.BadInputProbeFactory;

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
    public static IEnumerable<Probe> All() => Core().Concat(Kernels()).Concat(Landau()).Concat(Linearized()).Concat(Boltzmann()).Concat(Liveness()).Concat(Campaign2()).Concat(Campaign3()).Concat(Campaign4());

    private static Probe StateError(string entry, string description, Func<object?> call) =>
        new(entry, "-", Gen.Constant(new Case(description, [], () =>
        {
            call();
            return [];
        })), Expect.StateError);

    private static Probe Finite(string entry, string description, Func<double[]> call, bool infinityAllowed = false) =>
        new(entry, "-", Gen.Constant(new Case(description, [], call)), Expect.Finite, infinityAllowed);
}
