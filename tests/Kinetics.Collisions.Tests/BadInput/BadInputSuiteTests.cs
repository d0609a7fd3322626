using Kinetics.Landau;
using Xunit.Abstractions;
using static Kinetics.Tests.BadInput.BadInputFixtures;

namespace Kinetics.Tests.BadInput;

/// <summary>
/// The bad-input suite: every probe of <see cref="BadInputProbes"/> is a property over generated invalid values;
/// each call runs with a timeout, its inputs are hashed before and after (nothing may be mutated), and it must give a
/// clear error naming the parameter, a clear state error (budgets, memory, concurrent use), or — for valid
/// extremes — a result without NaN. Totals are printed and recorded in docs/verification.md.
/// </summary>
public class BadInputSuiteTests(ITestOutputHelper output)
{
    /// <summary>Cases per probe in the default run; the long run (KINETICS_LONG_TESTS=1) draws 20 times more.</summary>
    private const int DefaultCases = 8;

    [Fact]
    public void EveryProbe_GivesAClearError_OrAFiniteResult_AndMutatesNothing() => Sweep(DefaultCases);

    [LongFact]
    public void EveryProbe_LargeSweep() => Sweep(DefaultCases * 20);

    [Fact]
    public async Task Workspace_UsedFromTwoThreadsAtOnce_Throws_AndIsReusableAfterwards()
    {
        var op = BadInputFixtures.LandauOp;
        var workspace = op.CreateWorkspace();
        double[] f = Stacked(), q = new double[f.Length];
        await WhileHeldElsewhere(workspace.Gate, op, () =>
        {
            var ex = Assert.Throws<InvalidOperationException>(() => op.Evaluate(f, q, workspace));
            Assert.Contains("another thread", ex.Message, StringComparison.Ordinal);
            Assert.Throws<InvalidOperationException>(() => LinearizedLandauOperator.Create(op).Evaluate(new double[f.Length], q, workspace));
        });

        // Released: the same workspace works again, and sequential reuse never throws.
        op.Evaluate(f, q, workspace);
        op.Evaluate(f, q, workspace);
        Assert.All(q, x => Assert.True(double.IsFinite(x), "double.IsFinite(x)"));

        var radial = new RadialLandauWorkspace(RadialCells);
        var radialOperator = RadialLandauOperator.Create(RadialCells);
        await WhileHeldElsewhere(radial.Gate, RadialCells, () =>
            Assert.Throws<InvalidOperationException>(() => radialOperator.Evaluate(Radial(), new double[RadialCells.Count], radial)));
        radialOperator.Evaluate(Radial(), new double[RadialCells.Count], radial);

        var plan = Kinetics.Spectral.Fft3DPlan.Create(8);
        var fft = plan.CreateWorkspace();
        await WhileHeldElsewhere(fft.Gate, fft, () =>
            Assert.Throws<InvalidOperationException>(() => plan.ForwardReal(Single(), new System.Numerics.Complex[plan.HalfSpectrumCount], fft)));
        plan.ForwardReal(Single(), new System.Numerics.Complex[plan.HalfSpectrumCount], fft);
    }

    [Fact]
    public async Task BoltzmannWorkspace_HeldByAnotherThread_IsRefused_AndReusableAfterwards()
    {
        var op = Kinetics.Boltzmann.BoltzmannOperator.Create(WideGrid, BadInputFixtures.Kernels);
        var workspace = op.CreateWorkspace();
        double[] f = Stacked(WideGrid), q = new double[f.Length];
        await WhileHeldElsewhere(workspace.Gate, op, () =>
        {
            Assert.Throws<InvalidOperationException>(() => op.Evaluate(f, q, workspace));
            Assert.Throws<InvalidOperationException>(() => op.CollisionFrequency(f, q, workspace));
        });
        op.Evaluate(f, q, workspace);
        Assert.All(q, x => Assert.True(double.IsFinite(x), "double.IsFinite(x)"));
    }

    [Fact]
    public async Task SpeciesGridWorkspaces_HeldByAnotherThread_AreRefused_AndReusableAfterwards()
    {
        var grids = new Kinetics.Grids.SpeciesGrids([new Kinetics.Grids.SpeciesGrid(WideGrid), new Kinetics.Grids.SpeciesGrid(Grid, new Velocity3(0.5, 0, 0))]);
        double[] f = new double[grids.TotalCount], q = new double[grids.TotalCount];
        for (int a = 0; a < 2; a++)
        {
            var g = grids[a];
            var slice = grids.Slice(f.AsSpan(), a);
            for (int p = 0; p < g.Count; p++)
            {
                slice[p] = Math.Exp(-(a + 1) * (g.Point(p) - g.Centre).LengthSquared / 2);
            }
        }

        var boltzmann = Kinetics.Boltzmann.SpeciesGridBoltzmannOperator.Create(grids, BadInputFixtures.Kernels, new Kinetics.Boltzmann.BoltzmannOptions { ResolutionTolerance = 1e-2 });
        var workspace = boltzmann.CreateWorkspace();
        await WhileHeldElsewhere(workspace.Gate, boltzmann, () =>
        {
            Assert.Contains("another thread", Assert.Throws<InvalidOperationException>(() => boltzmann.Evaluate(f, q, workspace)).Message, StringComparison.Ordinal);
            Assert.Throws<InvalidOperationException>(() => boltzmann.EvaluatePair(0, 1, f, new double[grids.Count(0)], workspace));
        });
        boltzmann.Evaluate(f, q, workspace);
        Assert.All(q, x => Assert.True(double.IsFinite(x), "double.IsFinite(x)"));

        var landau = SpeciesGridLandauOperator.Create(grids, Pair, LandauCouplings.Uniform(2), LandauKernel.Coulomb());
        var landauWorkspace = landau.CreateWorkspace();
        await WhileHeldElsewhere(landauWorkspace.Gate, landau, () =>
            Assert.Throws<InvalidOperationException>(() => landau.Evaluate(f, q, landauWorkspace)));
        landau.Evaluate(f, q, landauWorkspace);
        Assert.All(q, x => Assert.True(double.IsFinite(x), "double.IsFinite(x)"));
    }

    [Fact]
    public void Workspace_SharedByRacingThreads_EitherThrowsOrGivesTheSerialResult()
    {
        // The campaign's misuse: two threads hammering one workspace. Every call must either throw the concurrent-use
        // error or return exactly the serial result; no wrong result may pass silently.
        var op = BadInputFixtures.LandauOp;
        double[] f = Stacked(), expected = new double[f.Length];
        op.Evaluate(f, expected, op.CreateWorkspace());
        var shared = op.CreateWorkspace();
        int wrong = 0, refused = 0, served = 0;
        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 2 }, _ =>
        {
            var q = new double[f.Length];
            try
            {
                op.Evaluate(f, q, shared);
                Interlocked.Increment(ref served);
                if (!q.AsSpan().SequenceEqual(expected))
                {
                    Interlocked.Increment(ref wrong);
                }
            }
            catch (InvalidOperationException)
            {
                Interlocked.Increment(ref refused);
            }
        });
        output.WriteLine($"served {served}, refused {refused}, wrong {wrong}");
        Assert.Equal(0, wrong);
        Assert.Equal(200, served + refused);
    }

    [Fact]
    public void Runner_FlagsSilentResults_UnclearErrors_WrongParameterNames_AndMutation()
    {
        // The suite must be able to fail: each of these fake probes breaks one rule.
        var input = new double[] { 1, 2, 3 };
        Probe[] broken =
        [
            new("silent", "x", FsCheck.Fluent.Gen.Constant(new Case("returns", [], () => [double.NaN]))),
            new("unclear", "x", FsCheck.Fluent.Gen.Constant(new Case("IndexOutOfRange", [], () => [input[input.Length + 1]]))),
            new("misnamed", "x", FsCheck.Fluent.Gen.Constant(new Case("names y", [], () => throw new ArgumentOutOfRangeException("y")))),
            new("mutating", "x", FsCheck.Fluent.Gen.Constant(new Case("writes its input", [input], () =>
            {
                input[1] = 7;
                throw new ArgumentException("bad", "x");
            }))),
            new("nan extreme", "-", FsCheck.Fluent.Gen.Constant(new Case("NaN", [], () => [1.0, double.NaN])), Expect.Finite),
        ];
        var tally = new Tally();
        foreach (var probe in broken)
        {
            Assert.ThrowsAny<Exception>(() => BadInputRunner.Run(probe, 1, tally));
        }

        Assert.Equal((2, 2, 1), (tally.SilentNaN, tally.Unclear, tally.Mutations));
    }

    // Runs `attempts` on this thread while another thread holds `gate` (as an evaluation in progress would).
    private static async Task WhileHeldElsewhere(WorkspaceGate gate, object owner, Action attempts)
    {
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var holder = Task.Run(() =>
        {
            using var lease = gate.Enter(owner, "workspace");
            entered.Set();
            release.Wait();
        });
        entered.Wait();
        try
        {
            attempts();
        }
        finally
        {
            release.Set();
            await holder;
        }
    }

    private void Sweep(int cases) => BadInputRunner.Sweep(BadInputProbes.All(), cases, output.WriteLine);
}
