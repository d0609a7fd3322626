using Kinetics.Boltzmann;
using Kinetics.Distributions;
using Kinetics.Dynamics;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Mixtures;

namespace Kinetics.Tests.Boltzmann;

public class BoltzmannDynamicsTests
{
    [Fact]
    public void CollisionFrequency_OfTheUnitMaxwellian_MatchesTheErfClosedForm()
    {
        // γ = −1, b_ω = |cos θ| (b₀ = 2π), F = μ (m = 1): ν(v) = b₀ erf(|v|/√2)/|v| (seed-note 000 §1.8), ν(0) = b₀√(2/π).
        var grid = new CartesianGrid(24, 8.0);
        var op = BoltzmannOperator.Create(grid, new CollisionKernel(-1.0, AngularFunction.AbsoluteCosine(1.0)));
        double[] mu = Maxwellian.OnGrid(grid, MacroscopicState.Unit, 1.0).Values.ToArray();
        double[] nu = new double[grid.Count];
        op.CollisionFrequency(mu, nu, op.CreateWorkspace());
        double worst = 0, exactMax = 0;
        for (int p = 0; p < grid.Count; p++)
        {
            double speed = grid.Point(p).Length;
            double exact = 2 * Math.PI * MathNet.Numerics.SpecialFunctions.Erf(speed / Math.Sqrt(2)) / speed;
            exactMax = Math.Max(exactMax, exact);
            if (speed < 3.0)
            {
                worst = Math.Max(worst, Math.Abs(nu[p] - exact) / exact);
            }
        }

        // Spectral accuracy at N = 24 plus the truncation |v − v*| ≤ R = 2R_S ≈ 7.2: the neglected partner mass beyond it is
        // ≲ e^{−(7.2−3)²/2} ≈ 1.5e−4 of the total at |v| = 3, so 1e−3 relative is a safe bound that still fails for any
        // wrong constant (a factor 2 in b₀ or the ω/σ conversion gives O(1) errors).
        Assert.True(worst < 1e-3, $"worst relative error {worst:E2}");

        // ν decreases in |v| (soft potential), so its maximum sits at the grid points nearest 0 (the cell-centred grid
        // has no point at v = 0); same accuracy as above.
        Assert.True(Math.Abs(op.MaxCollisionFrequency(mu) - exactMax) < 1e-3 * exactMax, "Math.Abs(op.MaxCollisionFrequency(mu) - exactMax) < 1e-3 * exactMax");
    }

    [Fact]
    public void CollisionOperatorView_AgreesWithTheWorkspaceEvaluation()
    {
        var mixture = new Mixture(new Species("A", 1.0), new Species("B", 4.0));
        var grid = new CartesianGrid(16, 7.0);
        var op = BoltzmannOperator.Create(grid, CollisionKernelTable.Uniform(mixture, new CollisionKernel(0.0, AngularFunction.AbsoluteCosine(1.0))));
        var states = Maxwellian.Independent(grid, mixture, [new MacroscopicState(1.0, 1.2), new MacroscopicState(0.5, new Velocity3(0.2, 0, 0), 0.8)]);
        double[] f = states.SelectMany(d => d.Values.ToArray()).ToArray();
        double[] expected = op.Evaluate(f);
        double[] actual = new double[f.Length];
        ((ICollisionOperator)op).Evaluate(f, actual);
        Assert.Equal(expected, actual);
        Assert.Equal([1.0, 4.0], op.Masses.ToArray());
    }

    [Fact]
    public void Solver_WithBoltzmann_RelaxesTemperaturesConservatively()
    {
        // Two species at different temperatures relax towards the common T fixed by the total energy; mass, momentum and
        // energy stay at round-off thanks to the per-stage projection, and the entropy decreases (H-theorem).
        var mixture = new Mixture(new Species("A", 1.0), new Species("B", 8.0 / 7.0));
        var grid = new CartesianGrid(20, 8.0);

        // During the run spectral round-off in the far tails sits near 1e−6 of the peak; the run tolerates 1e−4.
        var op = BoltzmannOperator.Create(
            grid,
            CollisionKernelTable.Uniform(mixture, new CollisionKernel(0.0, AngularFunction.AbsoluteCosine(1.0))),
            new BoltzmannOptions { ResolutionTolerance = 1e-4 });
        var initial = Maxwellian.Independent(grid, mixture, [new MacroscopicState(0.78, 1.3), new MacroscopicState(0.21, 0.7)]);
        double[] f0 = initial.SelectMany(d => d.Values.ToArray()).ToArray();
        var entropies = new List<double>();
        // h = 0.8 is about the cold species' thermal speed: steady-state preserving evaluation and the equilibrium limiter
        // keep H monotone there (without them H rises from step 29 on with the default sphere rules).
        var result = SpaceHomogeneousSolver.Create(op, new SpaceHomogeneousOptions { Courant = 0.5, SteadyStatePreserving = true, EquilibriumLimiter = true }).Run(
            f0,
            1.5,
            (t, step, state) => entropies.Add(Moments.Entropy.Of(Split(grid, state, 2)).Value));

        var before = Moments.MixtureMoments.Of(mixture, initial);
        var after = Moments.MixtureMoments.Of(mixture, Split(grid, result.State, 2));
        double tEq = before.Temperature;
        Assert.Equal(before.Energy, after.Energy, 12);
        Assert.Equal(before.Species[0].Density, after.Species[0].Density, 13);
        Assert.True(after.Momentum.Length < 1e-13, $"after.Momentum.Length < 1e-13: {after.Momentum.Length} vs 1e-13");

        // Maxwell molecules, b₀ = 2π, n ≈ 1: the temperature gap decays like e^{−ct} with c = O(1); after t = 1.5 it has shrunk by > 3×.
        double gap0 = 1.3 - 0.7, gap = Math.Abs(after.Species[0].Temperature - after.Species[1].Temperature);
        Assert.True(gap < gap0 / 3, $"temperature gap {gap} from {gap0}");
        Assert.True(Math.Abs(after.Species[0].Temperature - tEq) < 0.2, $"Math.Abs(after.Species[0].Temperature - tEq) < 0.2: {(Math.Abs(after.Species[0].Temperature - tEq))} vs 0.2");
        for (int i = 1; i < entropies.Count; i++)
        {
            Assert.True(entropies[i] <= entropies[i - 1] + 1e-12, $"H increased at step {i}");
        }
    }

    private static DistributionFunction[] Split(CartesianGrid grid, ReadOnlySpan<double> state, int species)
    {
        var result = new DistributionFunction[species];
        for (int a = 0; a < species; a++)
        {
            result[a] = new DistributionFunction(grid, state.Slice(a * grid.Count, grid.Count));
        }

        return result;
    }
}
