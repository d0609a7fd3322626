using Spectre.Console;
using System.CommandLine;
using Kinetics.PhaseSpace.Boundaries;

namespace Kinetics.Cli.Commands.Flow;

/// <summary>
/// `kinetics flow couette`: a gas mixture between diffuse walls at temperature T moving with ∓U/2 along y. Free-molecular
/// (default) the steady shear stress has the closed form P_xy = Σ_α n̄^α √(m^α T/(2π)) (u_low − u_high) (each wall
/// re-emits half-range Maxwellians carrying its velocity; equal wall temperatures give n = n̄ in both halves); with
/// <c>--kn</c> the Boltzmann operator acts, the profiles are reported, and the mid-gap viscosity −P_xy/(du_y/dx) is compared
/// with Chapman–Enskog (<c>viscosity_ce_error</c> = η_eff/η_CE − 1; docs/phase-space.md, "Couette flow on per-species grids
/// against Chapman–Enskog").
/// </summary>
internal static class CouetteFlow
{
    public static Command Create()
    {
        var shared = new WallFlowOptions();
        var speed = new Option<double>("--wall-speed") { Description = "U: the walls move with −U/2 (x = 0) and +U/2 (x = 1) along y.", DefaultValueFactory = _ => 1.0 }.InRange(0, 10);
        var temperature = new Option<double>("--temperature") { Description = "Wall (and initial gas) temperature T.", DefaultValueFactory = _ => 1.0 }.InRange(0, 100, minOpen: true);
        var output = OutputPrefix.Create("couette", "PREFIX.csv (profiles n, u_y, T, P_xy, q_x per species and mixture) PREFIX.png and PREFIX.svg (u_y)");
        var threads = FlowRuntime.CreateThreadsOption();
        var json = JsonOutput.CreateOption();
        var control = new FlowRunControl();
        var command = new Command("couette", "Mixture Couette flow between moving diffuse walls: shear stress against the free-molecular closed form, velocity profiles.")
        {
            shared.Masses, shared.Densities, speed, temperature, shared.Cells, shared.Velocities, shared.HalfWidth, shared.Knudsen, shared.FinalTime, shared.Grids, output, threads, json,
        };
        foreach (var option in control.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => FlowRuntime.Execute(parse.GetValue(json), "flow couette", (communicator, io) =>
        {
            var (m, n) = shared.Species(parse);
            double u = parse.GetValue(speed), t = parse.GetValue(temperature);
            double? kn = parse.GetValue(shared.Knudsen);
            string prefix = OutputPrefix.Normalize(parse.GetValue(output)!);
            var run = WallFlowRun.Execute(
                communicator, m, n, t, WallBoundary.Diffuse(t, new Velocity3(0, -u / 2, 0)), WallBoundary.Diffuse(t, new Velocity3(0, u / 2, 0)),
                parse.GetValue(shared.Cells), parse.GetValue(shared.Velocities), parse.GetValue(shared.HalfWidth), kn, parse.GetValue(shared.FinalTime),
                FlowRuntime.Threads(parse.GetValue(threads), communicator), control.Read(parse), io, "couette", parse.GetValue(shared.Grids)!);
            if (communicator.Rank != 0)
            {
                return 0;
            }

            if (!run.Finished)
            {
                return FlowRunControl.WriteStopped(io, "flow couette", run.Clock, run.Fingerprint);
            }

            run.Write(prefix, "u_y", f => f.BulkVelocity.Y);
            double stress = run.Mixture.Average(f => f.Stress.Xy);
            double? theory = kn is null ? m.Zip(n, (mass, density) => density * Math.Sqrt(mass * t / (2 * Math.PI))).Sum() * (-u) : null;
            io.Human.WriteLine($"shear stress P_xy = {stress:F6}" + (theory is double th ? $", free-molecular closed form {th:F6}, relative error {Math.Abs(stress - th) / Math.Abs(th):E2}" : $" (Kn = {kn})"));
            var ns = kn is double knudsen ? run.MidGap(m, knudsen) : default((double? Viscosity, double? Conductivity, double ChapmanEnskogViscosity, double ChapmanEnskogConductivity)?);
            if (ns is { } check)
            {
                io.Human.WriteLine($"mid-gap −P_xy/(du_y/dx) = {check.Viscosity:F6}, Chapman–Enskog η = {check.ChapmanEnskogViscosity:F6}, ratio {check.Viscosity / check.ChapmanEnskogViscosity:F4}");
            }

            run.Resolution?.WarnIfExceeded(io);
            io.Human.WriteLine($"{run.Steps} steps on {run.Ranks} process(es), mass drift {run.MassDrift:E2}, {run.WallSeconds:F1} s; profiles in {prefix}.csv, {prefix}.png, {prefix}.svg");
            io.WriteResult(new
            {
                command = "flow couette",
                masses = m,
                densities = n,
                wallSpeed = u,
                temperature = t,
                knudsen = kn,
                shearStress = stress,
                theoryShearStress = theory,
                relativeError = theory is double e ? Math.Abs(stress - e) / Math.Abs(e) : (double?)null,
                effectiveViscosity = ns?.Viscosity,
                chapmanEnskogViscosity = ns?.ChapmanEnskogViscosity,
                viscosityCeError = ns?.Viscosity is double measured ? (measured / ns.Value.ChapmanEnskogViscosity) - 1 : (double?)null,
                x = run.X,
                velocity = run.Species.Select(s => s.Select(f => f.BulkVelocity.Y).ToArray()).ToArray(),
                mixtureVelocity = run.Mixture.Select(f => f.BulkVelocity.Y).ToArray(),
                grids = run.GridsName,
                maxEdgeRatio = run.Resolution?.EdgeRatio,
                maxSpacingRatio = run.Resolution?.SpacingRatio,
                fingerprint = run.Fingerprint,
                steps = run.Steps,
                ranks = run.Ranks,
                massDrift = run.MassDrift,
                wallS = run.WallSeconds,
                csv = prefix + ".csv",
                svg = prefix + ".svg",
            });
            return 0;
        }));
        return command;
    }
}
