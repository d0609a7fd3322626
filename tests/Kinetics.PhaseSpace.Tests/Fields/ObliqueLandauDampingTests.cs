using System.Numerics;
using Kinetics.Mixtures;
using Kinetics.PhaseSpace.Diagnostics;
using Kinetics.PhaseSpace.Integration;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.PhaseSpace.States;
using Kinetics.PhaseSpace.Theory;
using Kinetics.PhaseSpace.Velocities;
using Kinetics.Tests;
using Xunit.Abstractions;

namespace Kinetics.PhaseSpace.Tests.Fields;

public sealed class ObliqueLandauDampingTests(ITestOutputHelper output)
{
    [LongFact]
    public void ObliqueWave2D2V_DampsAtTheRateOfItsWavenumber()
    {
        // k = (0.3, 0.4), |k| = 0.5, on a 2D-2V grid: the wave sees the Maxwellian's projection on k̂, so its rate and
        // frequency are those of the 1-D problem at k = 0.5 (ω = 1.4157, γ = −0.1534).
        const double Kx = 0.3, Ky = 0.4, Alpha = 0.01, FinalTime = 20;
        var mesh = UniformMesh.Create2D(32, 32, 2 * Math.PI / Kx, 2 * Math.PI / Ky);
        var grid = new VelocityGrid(2, 64, 6.0);
        var state = new PhaseSpaceState(mesh, grid, new Mixture(new Species("e", 1.0, charge: -1.0)));
        state.Fill(0, (x, y, v) => Math.Exp(-v.LengthSquared / 2) / (2 * Math.PI) * (1 + (Alpha * Math.Cos((Kx * x) + (Ky * y)))));
        var solver = PhaseSpaceSolver.Create(state);
        var times = new List<double>();
        var energies = new List<double>();
        solver.Run(state, FinalTime, s =>
        {
            times.Add(s.Time);
            energies.Add(s.FieldEnergy);
        });
        var fit = FieldEnergyFit.Oscillation(times.ToArray(), energies.ToArray(), 3.0, FinalTime);
        Complex theory = BeamDispersion.Maxwellian.Root(0.5, Math.Sqrt(1.75));
        output.WriteLine($"γ = {fit.Rate:F5} (theory {theory.Imaginary:F5}), ω = {fit.Frequency:F5} (theory {theory.Real:F5}), {fit.Maxima} maxima");
        Tolerance.AssertRelative(theory.Imaginary, fit.Rate, 1e-2, "damping rate");
        Tolerance.AssertRelative(theory.Real, fit.Frequency, 1e-2, "frequency");
    }
}
