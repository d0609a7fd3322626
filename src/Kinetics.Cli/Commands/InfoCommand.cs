using System.CommandLine;
using System.Globalization;
using System.Numerics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Moments;
using Spectre.Console;

namespace Kinetics.Cli.Commands;

/// <summary>
/// `kinetics info`: runtime and library versions, SIMD capabilities of this CPU, and a sanity table: the density, bulk
/// velocity, temperature and entropy of a Maxwellian recovered on a few Cartesian and radial grids, with their errors
/// against the exact values.
/// </summary>
internal static class InfoCommand
{
    // The sanity Maxwellian: 𝓜[n, u, T; m] with a drift of about half a thermal speed.
    private static readonly MacroscopicState State = new(1.3, new Velocity3(0.4, -0.2, 0.1), 0.9);
    private const double Mass = 1.0;

    private static readonly (int N, double L)[] CartesianCases = [(8, 6.0), (12, 6.0), (16, 6.0), (24, 8.0), (32, 8.0)];
    private static readonly int[] RadialCases = [8, 16, 32];

    public static Command Create()
    {
        var json = JsonOutput.CreateOption();
        var command = new Command("info", "Versions, SIMD capabilities of this CPU and a grid/Maxwellian sanity table.") { json };
        command.SetAction(parse =>
        {
            var output = new JsonOutput(parse.GetValue(json));
            var runtime = new
            {
                framework = RuntimeInformation.FrameworkDescription,
                os = RuntimeInformation.OSDescription,
                architecture = RuntimeInformation.ProcessArchitecture.ToString(),
                processorCount = Environment.ProcessorCount,
            };
            var versions = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["Kinetics.Core"] = VersionOf(typeof(CartesianGrid).Assembly),
                ["Kinetics.Collisions"] = VersionOf("Kinetics.Collisions"),
                ["Kinetics.PhaseSpace"] = VersionOf(typeof(Kinetics.PhaseSpace.Meshes.UniformMesh).Assembly),
                ["kinetics"] = VersionOf(typeof(InfoCommand).Assembly),
                ["System.Numerics.Tensors"] = VersionOf(typeof(System.Numerics.Tensors.TensorPrimitives).Assembly),
                ["MathNet.Numerics"] = VersionOf(typeof(MathNet.Numerics.SpecialFunctions).Assembly),
                ["System.CommandLine"] = VersionOf(typeof(Command).Assembly),
                ["Spectre.Console"] = VersionOf(typeof(AnsiConsole).Assembly),
            };
            var simd = new
            {
                vector128 = Vector128.IsHardwareAccelerated,
                vector256 = Vector256.IsHardwareAccelerated,
                vector512 = Vector512.IsHardwareAccelerated,
                vectorDoubleCount = Vector<double>.Count,
                avx2 = Avx2.IsSupported,
                avx512F = Avx512F.IsSupported,
                fma = Fma.IsSupported,
                advSimd = AdvSimd.IsSupported,
            };
            var cartesian = CartesianCases.Select(c => CartesianRow(c.N, c.L)).ToArray();
            var radial = RadialCases.Select(RadialRow).ToArray();

            Report(output.Human, runtime.framework, runtime.os, runtime.architecture, runtime.processorCount, versions, simd, cartesian, radial);
            output.WriteResult(new
            {
                command = "info",
                runtime,
                versions,
                simd,
                sanity = new
                {
                    maxwellian = new { density = State.Density, bulkVelocity = new[] { State.BulkVelocity.X, State.BulkVelocity.Y, State.BulkVelocity.Z }, temperature = State.Temperature, mass = Mass },
                    cartesian,
                    radial,
                },
            });
            return 0;
        });
        return command;
    }

    /// <summary>One row of the Cartesian sanity table.</summary>
    internal sealed record CartesianSanityRow(int N, double L, double SpacingOverThermalSpeed, double Density, double DensityRelativeError, double BulkVelocityError, double Temperature, double TemperatureRelativeError, double EntropyError);

    /// <summary>One row of the radial sanity table (isotropic Maxwellian, u = 0, Gauss nodes on [0, 9σ]).</summary>
    internal sealed record RadialSanityRow(int Count, double Radius, double Density, double DensityRelativeError, double Temperature, double TemperatureRelativeError, double EntropyError);

    private static CartesianSanityRow CartesianRow(int n, double l)
    {
        var grid = new CartesianGrid(n, l);
        var f = Maxwellian.OnGrid(grid, State, Mass);
        var moments = SpeciesMoments.Of(f, Mass);
        double sigma = Math.Sqrt(State.Temperature / Mass);
        return new CartesianSanityRow(
            n,
            l,
            grid.Spacing / sigma,
            moments.Density,
            Math.Abs(moments.Density - State.Density) / State.Density,
            (moments.BulkVelocity - State.BulkVelocity).Length,
            moments.Temperature,
            Math.Abs(moments.Temperature - State.Temperature) / State.Temperature,
            Math.Abs(Entropy.Of(f).Value - ExactEntropy(State)));
    }

    private static RadialSanityRow RadialRow(int count)
    {
        var state = new MacroscopicState(State.Density, State.Temperature);
        double radius = 9.0 * Math.Sqrt(state.Temperature / Mass);
        var grid = new RadialGrid(count, radius);
        var f = Maxwellian.OnGrid(grid, state, Mass);
        var moments = SpeciesMoments.Of(f, Mass);
        return new RadialSanityRow(
            count,
            radius,
            moments.Density,
            Math.Abs(moments.Density - state.Density) / state.Density,
            moments.Temperature,
            Math.Abs(moments.Temperature - state.Temperature) / state.Temperature,
            Math.Abs(Entropy.Of(f).Value - ExactEntropy(state)));
    }

    // ∫ 𝓜 log 𝓜 dv = n [log(n (m/(2πT))^{3/2}) − 3/2].
    private static double ExactEntropy(MacroscopicState s) =>
        s.Density * (Math.Log(s.Density * Math.Pow(Mass / (2 * Math.PI * s.Temperature), 1.5)) - 1.5);

    private static void Report(IAnsiConsole console, string framework, string os, string architecture, int processors, IReadOnlyDictionary<string, string> versions, object simd, CartesianSanityRow[] cartesian, RadialSanityRow[] radial)
    {
        console.MarkupLine("[bold]kinetics[/] — collision operators of kinetic theory");
        console.MarkupLine(Markup.Escape($"Runtime: {framework} on {os} ({architecture}), {processors} logical processors"));
        var table = new Table().Title("Versions").AddColumn("Component").AddColumn("Version");
        foreach (var (name, version) in versions)
        {
            table.AddRow(Markup.Escape(name), Markup.Escape(version));
        }

        console.Write(table);
        var simdTable = new Table().Title("SIMD").AddColumn("Capability").AddColumn("Available");
        foreach (var property in simd.GetType().GetProperties())
        {
            simdTable.AddRow(property.Name, Markup.Escape(Convert.ToString(property.GetValue(simd), CultureInfo.InvariantCulture) ?? ""));
        }

        console.Write(simdTable);
        var s = State;
        console.WriteLine(FormattableString.Invariant(
            $"Sanity: 𝓜[n = {s.Density}, u = ({s.BulkVelocity.X}, {s.BulkVelocity.Y}, {s.BulkVelocity.Z}), T = {s.Temperature}; m = {Mass}] on [−L, L]³, N³ cell-centred points (weight h³). Errors come from aliasing (~e^(−2π²σ²/h²)) and from truncation at the box face."));
        var sanity = new Table().AddColumns("N", "L", "h/σ", "|Δn|/n", "|Δu|", "|ΔT|/T", "|ΔH|");
        foreach (var r in cartesian)
        {
            sanity.AddRow(Fmt(r.N), Fmt(r.L), Fmt(r.SpacingOverThermalSpeed, "F3"), Fmt(r.DensityRelativeError, "E2"), Fmt(r.BulkVelocityError, "E2"), Fmt(r.TemperatureRelativeError, "E2"), Fmt(r.EntropyError, "E2"));
        }

        console.Write(sanity);
        console.WriteLine("Isotropic 𝓜[n, 0, T; m] on radial Gauss grids (weight r², radius 9σ):");
        var radialTable = new Table().AddColumns("radii", "R", "|Δn|/n", "|ΔT|/T", "|ΔH|");
        foreach (var r in radial)
        {
            radialTable.AddRow(Fmt(r.Count), Fmt(r.Radius, "F3"), Fmt(r.DensityRelativeError, "E2"), Fmt(r.TemperatureRelativeError, "E2"), Fmt(r.EntropyError, "E2"));
        }

        console.Write(radialTable);
    }

    private static string Fmt(double value, string format = "G6") => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Fmt(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string VersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? assembly.GetName().Version?.ToString()
        ?? "unknown";

    private static string VersionOf(string assemblyName)
    {
        try
        {
            return VersionOf(Assembly.Load(new AssemblyName(assemblyName)));
        }
        catch (FileNotFoundException)
        {
            return "not found";
        }
    }
}
