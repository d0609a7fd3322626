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
internal sealed record ElectronRun(double[] Times, double[] FieldEnergies, string Fingerprint, int Steps, int Ranks, double MassDrift, double EnergyDrift, double WallSeconds)
{
    public static ElectronRun Execute(
        IDomainCommunicator communicator, double wavenumber, int cells, int velocities, double halfWidth, double finalTime,
        Func<double, double, double> initial, SlopeLimiter limiter, int threads)
    {
        var clock = Stopwatch.StartNew();
        var mesh = UniformMesh.Create1D(cells, 2 * Math.PI / wavenumber);
        var grid = new VelocityGrid(1, velocities, halfWidth);
        var options = new PhaseSpaceOptions { Limiter = limiter, Communicator = communicator, MaxDegreeOfParallelism = threads };
        var state = PhaseSpaceSolver.CreateLocalState(mesh, grid, new Mixture(new Species("e", 1.0, charge: -1.0)), options);
        state.Fill(0, (x, _, v) => initial(x, v.X));
        var solver = PhaseSpaceSolver.Create(state, options);
        var before = solver.Diagnose(state);
        var times = new List<double> { 0.0 };
        var energies = new List<double> { before.FieldEnergy };
        int steps = solver.Run(state, finalTime, s =>
        {
            times.Add(s.Time);
            energies.Add(s.FieldEnergy);
        });
        var after = solver.Diagnose(state);
        string fingerprint = solver.Fingerprint(state);
        return new ElectronRun(
            times.ToArray(),
            energies.ToArray(),
            fingerprint,
            steps,
            communicator.Size,
            Math.Abs(after.Masses[0] - before.Masses[0]) / before.Masses[0],
            Math.Abs(after.TotalEnergy - before.TotalEnergy) / before.TotalEnergy,
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
