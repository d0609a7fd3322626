using System.Diagnostics;
using System.Globalization;
using System.Text;
using Kinetics.Mixtures;
using Kinetics.PhaseSpace.Integration;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.PhaseSpace.Parallel;
using Kinetics.PhaseSpace.Transport;
using Kinetics.PhaseSpace.Velocities;

namespace Kinetics.Cli.Commands.Flow;

/// <summary>
/// A 1D-1V Vlasov–Poisson run of electrons (m = 1, q = −1) on a periodic box against a fixed neutralising ion
/// background, units ω_p = 1, v_th = 1: the initial F(x, v) is sampled at cell centres, the field-energy history is
/// recorded after every step, and the final state's fingerprint and conservation drifts are reported.
/// </summary>
internal sealed record ElectronRun(double[] Times, double[] FieldEnergies, string Fingerprint, PhaseSpaceRunClock Clock, int Ranks, double MassDrift, double EnergyDrift, double WallSeconds)
{
    /// <summary>Steps of the whole run.</summary>
    public int Steps => Clock.TotalSteps;

    /// <summary>False when the step budget stopped the run early.</summary>
    public bool Finished => Clock.IsFinished;

    public static ElectronRun Execute(
        IDomainCommunicator communicator, double wavenumber, int cells, int velocities, double halfWidth, double finalTime,
        Func<double, double, double> initial, SlopeLimiter limiter, int threads, FlowRunControl.Settings files, JsonOutput io, string description)
    {
        var clock = Stopwatch.StartNew();
        var mesh = UniformMesh.Create1D(cells, 2 * Math.PI / wavenumber);
        var grid = new VelocityGrid(1, velocities, halfWidth);
        var options = new PhaseSpaceOptions { Limiter = limiter, Communicator = communicator, MaxDegreeOfParallelism = threads };
        var state = PhaseSpaceSolver.CreateLocalState(mesh, grid, new Mixture(new Species("e", 1.0, charge: -1.0)), options);
        state.Fill(0, (x, _, v) => initial(x, v.X));
        var solver = PhaseSpaceSolver.Create(state, options);
        var before = solver.Diagnose(state);

        // The history carried by a checkpoint: initial mass and total energy, then (t, W) after every step.
        var history = new List<double> { before.Masses[0], before.TotalEnergy, 0.0, before.FieldEnergy };
        var restart = files.Restore(solver, state, finalTime);
        if (restart is not null)
        {
            history = [.. restart.History.ToArray()];
        }

        var end = FlowRunControl.Run(solver, state, finalTime, restart, files, communicator, io, description, s =>
        {
            history.Add(s.Time);
            history.Add(s.FieldEnergy);
        }, () => [.. history]);
        var after = solver.Diagnose(state);
        string fingerprint = solver.Fingerprint(state);
        double mass0 = history[0], energy0 = history[1];
        var times = new double[(history.Count - 2) / 2];
        var energies = new double[times.Length];
        for (int i = 0; i < times.Length; i++)
        {
            times[i] = history[2 + (2 * i)];
            energies[i] = history[3 + (2 * i)];
        }

        return new ElectronRun(
            times,
            energies,
            fingerprint,
            end,
            communicator.Size,
            Math.Abs(after.Masses[0] - mass0) / mass0,
            Math.Abs(after.TotalEnergy - energy0) / energy0,
            clock.Elapsed.TotalSeconds);
    }

    /// <summary>Writes t, W(t) as CSV.</summary>
    public void WriteHistory(string path)
    {
        var text = new StringBuilder("t,field_energy\n");
        for (int i = 0; i < Times.Length; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Times[i]:R},{FieldEnergies[i]:R}\n");
        }

        File.WriteAllText(path, text.ToString());
    }
}
