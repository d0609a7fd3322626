using System.Numerics;
using Kinetics.Mixtures;
using Kinetics.PhaseSpace.Diagnostics;
using Kinetics.PhaseSpace.Limits;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.PhaseSpace.States;
using Kinetics.PhaseSpace.Theory;
using Kinetics.PhaseSpace.Velocities;
using Kinetics.Tests;
using Xunit.Abstractions;

namespace Kinetics.PhaseSpace.Tests.Limits;

/// <summary>
/// The massless-electron limit system (ions with Maxwell–Boltzmann electrons, docs/massless-electrons.md): a uniform
/// state is stationary, linear ion-acoustic waves follow the kinetic dispersion relation, energy picks β.
/// </summary>
public sealed class MaxwellBoltzmannIonSolverTests(ITestOutputHelper output)
{
    private static readonly Mixture Ions = new(new Species("ion", 1.0, charge: 1.0));

    private static PhaseSpaceState IonState(int cells, double length, int velocities, double halfWidth, double temperature, double amplitude, double k)
    {
        var state = new PhaseSpaceState(UniformMesh.Create1D(cells, length), new VelocityGrid(1, velocities, halfWidth), Ions);
        state.Fill(0, (x, _, v) => (1 + (amplitude * Math.Cos(k * x))) * Math.Exp(-v.X * v.X / (2 * temperature)) / Math.Sqrt(2 * Math.PI * temperature));
        return state;
    }

    [Fact]
    public void UniformState_IsStationary()
    {
        var state = IonState(16, 4 * Math.PI, 64, 6.0, 0.5, 0.0, 0.5);
        var before = state.Data.ToArray();
        var solver = MaxwellBoltzmannIonSolver.Create(state, new MaxwellBoltzmannOptions { ElectronTemperature = 2.0 });
        solver.Initialize(state);
        for (int s = 0; s < 10; s++)
        {
            solver.Step(state, solver.StableStep);
        }

        double change = 0;
        for (int i = 0; i < before.Length; i++)
        {
            change = Math.Max(change, Math.Abs(state.Data[i] - before[i]));
        }

        Assert.True(change < 1e-15, $"uniform state moved by {change:E2}");
        Assert.All(solver.FieldX.ToArray(), e => Assert.True(Math.Abs(e) < 1e-14));
        Tolerance.AssertRelative(0.5, solver.Beta, 1e-13, "β");
    }

    [Theory]
    [InlineData(0.5, 0.1, 1.0, 0.1)]
    [InlineData(0.5, 0.25, 1.0, 2e-3)]
    [InlineData(0.3, 0.1, 2.0, 3e-2)]
    public void IonAcousticWave_FollowsTheKineticDispersionRelation(double k, double ionTemperature, double beta, double rateTolerance)
    {
        var state = IonState(32, 2 * Math.PI / k, 256, 10 * Math.Sqrt(ionTemperature) + 2.0, ionTemperature, 1e-3, k);
        var solver = MaxwellBoltzmannIonSolver.Create(state, new MaxwellBoltzmannOptions { ElectronTemperature = 1.0 / beta });
        solver.Initialize(state);
        double energy0 = solver.TotalEnergy(state), beta0 = solver.Beta;
        var theory = new IonAcousticDispersion(1.0, 1.0, 1.0, ionTemperature, beta);
        Complex omega = theory.Root(k, theory.ColdFrequency(k));
        double period = 2 * Math.PI / omega.Real, finalTime = 4.5 * period, dt = solver.StableStep;
        int steps = (int)Math.Ceiling(finalTime / dt);
        dt = finalTime / steps;
        var times = new List<double>();
        var energies = new List<double>();
        for (int s = 1; s <= steps; s++)
        {
            solver.Step(state, dt);
            times.Add(s * dt);
            energies.Add(solver.FieldX.ToArray().Sum(e => e * e));
        }

        var fit = FieldEnergyFit.Oscillation(times.ToArray(), energies.ToArray(), 0.4 * period, finalTime);
        output.WriteLine($"k = {k}, T₊ = {ionTemperature}, β = {beta}: ω = {fit.Frequency:F5} (theory {omega.Real:F5}), γ = {fit.Rate:F5} (theory {omega.Imaginary:F5}), {fit.Maxima} maxima, {steps} steps; β drift {solver.Beta / beta0 - 1:E2}, energy drift {solver.TotalEnergy(state) / energy0 - 1:E2}");
        // Observed (32 cells, 256 points in v_x, t = 4.5 periods): ω off by 1.4e−3, 9e−4, 9.6e−4 and γ by 4.9e−2, 2e−4,
        // 1.3e−2 (rows in order; the weakly damped rows decay by less than a decade in the window, so the fit of γ is
        // coarser). Tolerances: 5e−3 on ω, about 2–10× the observed γ error.
        Tolerance.AssertRelative(omega.Real, fit.Frequency, 5e-3, "frequency");
        Tolerance.AssertRelative(omega.Imaginary, fit.Rate, rateTolerance, "damping rate");
    }

    [Fact]
    public void BadInput_IsRefused()
    {
        var electrons = new PhaseSpaceState(UniformMesh.Create1D(8, 1.0), new VelocityGrid(1, 16, 4.0), new Mixture(new Species("e", 1.0, charge: -1.0)));
        Assert.Equal("layout", Assert.ThrowsAny<ArgumentException>(() => MaxwellBoltzmannIonSolver.Create(electrons)).ParamName);
        var ions = IonState(8, 1.0, 16, 4.0, 1.0, 0.0, 1.0);
        Assert.ThrowsAny<ArgumentException>(() => MaxwellBoltzmannIonSolver.Create(ions, new MaxwellBoltzmannOptions { ElectronTemperature = -1 }));
        var solver = MaxwellBoltzmannIonSolver.Create(ions);
        Assert.Throws<InvalidOperationException>(() => solver.Step(ions, 0.01));
    }
}
