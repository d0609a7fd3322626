using FsCheck.Fluent;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Landau;
using Kinetics.Mixtures;
using Kinetics.Moments;
using Kinetics.Transport;
using static Kinetics.Tests.BadInput.BadInputFixtures;
using static Kinetics.Tests.BadInput.BadInputProbeFactory;

namespace Kinetics.Tests.BadInput;

internal static partial class BadInputProbes
{
    // Inputs that used to hang, run out of memory or give NaN at valid extremes.
    private static IEnumerable<Probe> Liveness()
    {
        // Hangs: each must finish (well) within the runner's timeout, with a value or a clear error.
        yield return Finite("AngularFunction.FromSigma", "b_σ = 1 + ½ sin(16π(x + 1))", () =>
        {
            var b = AngularFunction.FromSigma("oscillating", x => 1.0 + (0.5 * Math.Sin(16.0 * Math.PI * (x + 1.0))));
            return [b.Integral, b.MomentumTransfer, b.GradConstant];
        });
        yield return Finite("AngularFunction.FromSigma", "b_σ = (1 + x)^0.3 (VSS as a user function)", () =>
        {
            var b = AngularFunction.FromSigma("vss", x => Math.Pow(1.0 + x, 0.3));
            return [b.Integral, b.MomentumTransfer, b.GradConstant];
        });
        var kernel = new CollisionKernel(-1.0, AngularFunction.AbsoluteCosine());
        yield return Arg(
            "MaxwellStefan.MomentumExchange", "driftDifference", Gen.Elements(1e3, 1e6, 1e9, 1e300),
            u => MaxwellStefan.MomentumExchange(kernel, 1.0, 2.0, 1.0, new Velocity3(u, 0, 0)));
        yield return Finite("MaxwellStefan.MomentumExchange", "drift of 20 thermal speeds", () =>
        {
            var r = MaxwellStefan.MomentumExchange(kernel, 1.0, 2.0, 1.0, new Velocity3(20.0 * Math.Sqrt(1.5), 0, 0));
            return [r.X, r.Y, r.Z];
        });
        yield return StateError("RadialLandauSolver.Advance", "t + dt == t (t = 1e20, maxStep = 1)", () =>
            RadialLandauSolver.Create(RadialCells).Advance(Radial(), 1e20, 2e20, _ => 1.0, new RadialLandauWorkspace(RadialCells)));
        yield return StateError("RadialLandauSolver.Advance", "step budget MaxSteps = 5 spent", () =>
            RadialLandauSolver.Create(RadialCells, maxSteps: 5).Advance(Radial(), 0.0, 1.0, _ => 1e-3, new RadialLandauWorkspace(RadialCells)));
        yield return StateError("Maxwellian.Common", "9 species at N = 1024 (72 GiB)", () =>
            Maxwellian.Common(new CartesianGrid(1024, 8.0), new Mixture(Enumerable.Range(0, 9).Select(i => new Species($"S{i}", 1.0 + i))), Enumerable.Repeat(1.0, 9).ToArray(), Velocity3.Zero, 1.0));

        // Valid extremes: no NaN (a density that genuinely overflows is +∞, documented on Maxwellian.Evaluate).
        var cold = new MacroscopicState(1.0, 1e-200);
        yield return Finite("Maxwellian.Evaluate", "m = 1e200, T = 1e−200, v ≠ u", () => [Maxwellian.Evaluate(cold, 1e200, new Velocity3(1e-3, 0, 0)), Maxwellian.EvaluateSqrt(cold, 1e200, new Velocity3(0, 1, 0))]);
        yield return Finite("Maxwellian.Evaluate", "m = 1e200, T = 1e−200, v = u (overflows to +∞)", () => [Maxwellian.Evaluate(cold, 1e200, Velocity3.Zero)], infinityAllowed: true);
        yield return Finite("Maxwellian.Fill", "m = 1e200, T = 1e−200 on a grid", () =>
        {
            var f = new double[Grid.Count];
            Maxwellian.Fill(Grid, cold, 1e200, f);
            return f;
        });
        yield return Finite("Maxwellian.Evaluate", "m = 1e−200, T = 1e200", () => [Maxwellian.Evaluate(new MacroscopicState(1.0, 1e200), 1e-200, new Velocity3(1, 2, 3))]);
        yield return Finite("CollisionKernel.ReducedMass", "1e308 and 1e308; 1e308 and 1e−308", () =>
            [CollisionKernel.ReducedMass(new Species("a", 1e308), new Species("b", 1e308)), CollisionKernel.ReducedMass(new Species("a", 1e308), new Species("b", 1e-308))]);
        yield return Finite("MixtureMoments.Of", "one vacuum species", () =>
        {
            var f = Maxwellian.Independent(Grid, Pair, [MacroscopicState.Unit, MacroscopicState.Unit]);
            f[1].Values.Clear();
            var m = MixtureMoments.Of(Pair, f);
            return [m.Temperature, m.BulkVelocity.X, m.Species[1].Temperature, m.Species[1].BulkVelocity.Y];
        });
        yield return Finite("MixtureMoments.Of", "every species vacuum", () =>
        {
            var m = MixtureMoments.Of(Pair, [new DistributionFunction(Grid), new DistributionFunction(Grid)]);
            return [m.Temperature, m.BulkVelocity.Z];
        });
        yield return Finite("LinearizedLandauOperator.Evaluate", "mass ratio 1:100 (√𝓜 underflows)", () =>
        {
            var grid = new CartesianGrid(8, 8.0);
            var mixture = new Mixture(new Species("e", 1.0), new Species("i", 100.0));
            var op = LinearizedLandauOperator.Create(SpectralLandauOperator.Create(grid, mixture, LandauCouplings.Uniform(2), LandauKernel.Coulomb()));
            var h = Enumerable.Repeat(1.0, 2 * grid.Count).ToArray();
            var q = new double[h.Length];
            op.Evaluate(h, q, op.Collision.CreateWorkspace());
            return q;
        });
    }
}
