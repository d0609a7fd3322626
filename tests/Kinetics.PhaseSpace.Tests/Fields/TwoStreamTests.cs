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

public sealed class TwoStreamTests(ITestOutputHelper output)
{
    [Fact]
    public void TwoStream_GrowthRateMatchesDispersionRelationWithinTwoPercent()
    {
        // Beams ±2.4 with T = 1, k = 0.3: γ = 0.2200 from 1 + Σ_b (1/2k²)(1 + ζ_b Z(ζ_b)) = 0. α = 1e−6 keeps the
        // linear phase long; the window [15, 35] starts after the damped roots have died out (W grows 10⁴× in it).
        const double K = 0.3, U = 2.4, Alpha = 1e-6, FinalTime = 35;
        var mesh = UniformMesh.Create1D(64, 2 * Math.PI / K);
        var grid = new VelocityGrid(1, 256, 9.0);
        var state = new PhaseSpaceState(mesh, grid, new Mixture(new Species("e", 1.0, charge: -1.0)));
        state.Fill(0, (x, _, v) => 0.5 * (Math.Exp(-(v.X - U) * (v.X - U) / 2) + Math.Exp(-(v.X + U) * (v.X + U) / 2)) / Math.Sqrt(2 * Math.PI) * (1 + (Alpha * Math.Cos(K * x))));
        var solver = PhaseSpaceSolver.Create(state);
        var times = new List<double>();
        var energies = new List<double>();
        solver.Run(state, FinalTime, s =>
        {
            times.Add(s.Time);
            energies.Add(s.FieldEnergy);
        });
        double rate = FieldEnergyFit.GrowthRate(times.ToArray(), energies.ToArray(), 15, FinalTime);
        Complex theory = BeamDispersion.TwoStream(U, 1.0).Root(K, new Complex(0, 0.3));
        output.WriteLine($"γ = {rate:F5}, theory {theory}");

        // Symmetric beams: a purely growing root.
        Assert.True(Math.Abs(theory.Real) < 1e-10, $"Re ω = {theory.Real}");

        // Observed relative error 1e−3; the bound 2e−2.
        Tolerance.AssertRelative(theory.Imaginary, rate, 2e-2, "growth rate");
    }
}
