using Kinetics.Distributions;
using Kinetics.Mixtures;
using Kinetics.PhaseSpace.Integration;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.PhaseSpace.States;
using Kinetics.PhaseSpace.Transport;
using Kinetics.PhaseSpace.Velocities;
using Xunit.Abstractions;

namespace Kinetics.PhaseSpace.Tests.Integration;

// PhaseSpaceOptions.BoltzmannBalancedSpecies: the electrons' Vlasov part balanced about C e^{φ/T}M_T
// (docs/massless-electrons.md, "Well-balanced electrons").
public sealed class BoltzmannBalancedStepTests(ITestOutputHelper output)
{
    private const double Wavenumber = 0.5, Amplitude = 0.3, Temperature = 1.0;

    // Static ions (mass 1e30 on a velocity box of half-width 1e-14: they neither move nor feel the field) whose density
    // makes φ = a·cos kx exact for Boltzmann electrons n₋ = e^{φ/T}: n₊ = n₋ + k²a·cos kx, so ρ = n₊ − n₋ is one Fourier
    // mode and the spectral field is E = ak·sin kx to round-off. Electrons: n₋(x)·(the discrete Maxwellian at T).
    private static PhaseSpaceState Equilibrium(int cells, Func<double, Velocity3, double>? perturbation = null)
    {
        var mesh = UniformMesh.Create1D(cells, 2 * Math.PI / Wavenumber);
        var ions = new VelocityGrid(3, 4, 1e-14);
        var electrons = new VelocityGrid(3, 12, 5.5);
        var mixture = new Mixture(new Species("ion", 1e30, 1.0), new Species("electron", 1.0, -1.0));
        var state = new PhaseSpaceState(mesh, [ions, electrons], mixture);
        var shape = new double[electrons.Count];
        DiscreteMaxwellian.Fill(electrons.ToCartesian(), new MacroscopicState(1.0, Temperature), 1.0, shape);
        for (int c = 0; c < state.CellCount; c++)
        {
            double x = mesh.CenterX(c), potential = Amplitude * Math.Cos(Wavenumber * x);
            double ne = Math.Exp(potential / Temperature), ni = ne + (Wavenumber * Wavenumber * potential);
            state.Distribution(c, 0).Fill(ni / (ions.Count * ions.Weight));
            Span<double> f = state.Distribution(c, 1);
            for (int p = 0; p < f.Length; p++)
            {
                var v = new Velocity3(electrons.Component(p, 0), electrons.Component(p, 1), electrons.Component(p, 2));
                f[p] = ne * shape[p] * (1.0 + (perturbation?.Invoke(x, v) ?? 0.0));
            }
        }

        return state;
    }

    private static double Change(PhaseSpaceState a, PhaseSpaceState b)
    {
        double change = 0, peak = 0;
        for (int c = 0; c < a.CellCount; c++)
        {
            ReadOnlySpan<double> x = a.Distribution(c, 1), y = b.Distribution(c, 1);
            for (int p = 0; p < x.Length; p++)
            {
                change = Math.Max(change, Math.Abs(y[p] - x[p]));
                peak = Math.Max(peak, Math.Abs(x[p]));
            }
        }

        return change / peak;
    }

    [Fact]
    public void Step_TheBoltzmannEquilibriumInItsOwnField_IsKeptToRoundOff()
    {
        var initial = Equilibrium(16);
        var options = new PhaseSpaceOptions { Limiter = SlopeLimiter.Unlimited, MaxDegreeOfParallelism = 1 };
        var plain = PhaseSpaceSolver.Create(initial, options);
        var balanced = PhaseSpaceSolver.Create(initial, options with { BoltzmannBalancedSpecies = 1 });
        double dt = plain.StableStep;
        var p = initial.Clone();
        var b = initial.Clone();
        for (int step = 0; step < 10; step++)
        {
            plain.Step(p, dt);
            balanced.Step(b, dt);
        }

        double plainChange = Change(initial, p), balancedChange = Change(initial, b);
        output.WriteLine($"after 10 steps: plain {plainChange:E3}, balanced {balancedChange:E3}");

        // Observed: plain 1e-2 of the peak (transport and force each second order); balanced 1e-15.
        Assert.True(plainChange > 1e-4, $"plain {plainChange:E3}");
        Assert.InRange(balancedChange, 0, 1e-12);
    }

    [Fact]
    public void Step_Balanced_ConservesTheElectronsMassAndConvergesUnderRefinement()
    {
        // A perturbed equilibrium: the correction F_eq − S_h(F_eq) carries no mass (transport and force are conservative).
        static double Bump(double x, Velocity3 v) => 0.05 * Math.Sin(Wavenumber * x) * v.X * Math.Exp(-0.5 * v.LengthSquared);
        var initial = Equilibrium(16, Bump);
        var solver = PhaseSpaceSolver.Create(initial, new PhaseSpaceOptions { Limiter = SlopeLimiter.Unlimited, BoltzmannBalancedSpecies = 1, MaxDegreeOfParallelism = 1 });
        var state = initial.Clone();
        double before = Mass(state), worst = 0;
        for (int step = 0; step < 20; step++)
        {
            solver.Step(state, solver.StableStep);
            worst = Math.Max(worst, Math.Abs((Mass(state) / before) - 1));
        }

        output.WriteLine($"electron mass drift over 20 steps {worst:E2}");

        // Compensated sums; observed ≤ 3e-16.
        Assert.InRange(worst, 0, 1e-14);
    }

    [Fact]
    public void Create_RejectsABalancedSpeciesOutOfRangeOrOnAWalledMesh()
    {
        var state = Equilibrium(8);
        var bad = Assert.Throws<ArgumentOutOfRangeException>(() => PhaseSpaceSolver.Create(state, new PhaseSpaceOptions { BoltzmannBalancedSpecies = 2 }));
        Assert.Contains("BoltzmannBalancedSpecies", bad.Message, StringComparison.Ordinal);
        var walls = new PhaseSpaceOptions
        {
            BoltzmannBalancedSpecies = 1,
            LowBoundary = Kinetics.PhaseSpace.Boundaries.WallBoundary.Specular(),
            HighBoundary = Kinetics.PhaseSpace.Boundaries.WallBoundary.Specular(),
        };
        Assert.Throws<ArgumentException>(() => PhaseSpaceSolver.Create(state, walls));
    }

    private static double Mass(PhaseSpaceState state)
    {
        double sum = 0, carry = 0;
        for (int c = 0; c < state.CellCount; c++)
        {
            foreach (double term in state.Distribution(c, 1))
            {
                double t = sum + term;
                carry += Math.Abs(sum) >= Math.Abs(term) ? (sum - t) + term : (term - t) + sum;
                sum = t;
            }
        }

        return sum + carry;
    }
}
