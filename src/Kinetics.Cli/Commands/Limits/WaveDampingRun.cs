using System.Numerics;
using Kinetics.Boltzmann;
using Kinetics.Distributions;
using Kinetics.Dynamics;
using Kinetics.Grids;
using Kinetics.Kernels;
using Kinetics.Mixtures;
using Kinetics.PhaseSpace.Integration;
using Kinetics.PhaseSpace.Meshes;
using Kinetics.PhaseSpace.Moments;
using Kinetics.PhaseSpace.States;
using Kinetics.PhaseSpace.Transport;
using Kinetics.PhaseSpace.Velocities;
using Kinetics.Quadrature;

namespace Kinetics.Cli.Commands.Limits;

/// <summary>
/// One kinetic run of `kinetics limit wave-damping`: a small-amplitude wave e^{ix} of a single gas (shear, sound,
/// temperature) or of a binary mixture (concentration) in a periodic box, advanced by <see cref="PhaseSpaceSolver"/> with
/// explicit collisions at Knudsen number ε; returns the fitted decay rate of the wave's mode amplitude (docs/limits.md).
/// </summary>
internal static class WaveDampingRun
{
    /// <summary>The sphere rule of the collision operator. The 6-point octahedron made the heat-flux sector of the discrete
    /// operator wrong (Green–Kubo conductivity 28 % low, energy-conservation defects ~100× those of this rule, which the
    /// conservative projection turned into extra damping of the sound and temperature waves; docs/limits.md).</summary>
    public static SphereRule Sphere => SphereRule.Octahedral14;

    public const int RadialPoints = 4;

    /// <summary>The wave's NSF (or Maxwell–Stefan) root λ and, for the longitudinal waves, b = (2/3)κk²/n and the exact
    /// μ, κ of the Chapman–Enskog first-order correction of the initial state.</summary>
    public readonly record struct Target(Complex Root, double B, double Viscosity, double Conductivity);

    public static CollisionKernelTable Kernels(Mixture mixture, double eps) =>
        CollisionKernelTable.Uniform(mixture, new CollisionKernel(0.0, AngularFunction.Isotropic(1.0 / (4 * Math.PI * eps))));

    /// <summary>Runs one wave; returns the decay rate and frequency fitted from t = 10ε until the target amplitude has fallen
    /// by e^{−decay}, and the step count.</summary>
    public static (double Rate, double Frequency, int Steps) Measure(Mixture mixture, CartesianGrid grid, UniformMesh mesh, double eps, string wave, Target target, double delta, double decay)
    {
        int cells = mesh.CellCount;
        var state = new PhaseSpaceState(mesh, VelocityGrid.FromCartesian(grid), mixture);
        Initialise(state, grid, mesh, wave, target, delta);

        // Explicit collisions (SSP-RK3 per step, Δt·ν_max ≤ 1/2) with the kernel scaled by 1/ε and the discrete operator's
        // equilibrium defect removed, 𝒞(F) − 𝒞(M[F]) (as in AsymptoticPreservingSolver): left in, 𝒞_h(M_h)/ε damped the sound and
        // temperature waves at rates growing as ε falls. The stiff step's implicit Euler relaxation would bias the
        // Chapman–Enskog balance of the Strang splitting by about λΔt/(2ε) (13 % on the shear rate at ε = 0.1, Δt = ε), where
        // SSP-RK3 leaves O((Δt/ε)²) (docs/limits.md).
        var scaled = BoltzmannOperator.Create(grid, Kernels(mixture, eps), new BoltzmannOptions { Sphere = Sphere, RadialPoints = RadialPoints, ResolutionTolerance = 1e-3 });
        var solver = PhaseSpaceSolver.Create(state, new PhaseSpaceOptions
        {
            Limiter = SlopeLimiter.Unlimited,
            Collisions = CollisionStep.Create(new DefectFreeOperator(scaled), new SpaceHomogeneousOptions { Courant = 0.5 }),
        });
        var times = new List<double>();
        var amplitudes = new List<Complex>();
        void Sample(double t)
        {
            times.Add(t);
            amplitudes.Add(Amplitude(state, mesh, wave, target));
        }

        // The fit starts after the initial layer (10ε: the start relaxes to the Chapman–Enskog state at rates ∝ 1/ε) and lasts
        // until the target amplitude has fallen by e^{−decay}; at least 60 equal steps, each at most the solver's step.
        Sample(0);
        double start = 10 * eps, duration = start + (decay / -target.Root.Real);
        int steps = Math.Max(60, (int)Math.Ceiling(duration / solver.StepFor(state)));
        double dt = duration / steps;
        for (int s = 1; s <= steps; s++)
        {
            solver.Step(state, dt);
            Sample(s * dt);
        }

        double[] logs = amplitudes.Select(m => Math.Log(m.Magnitude)).ToArray();
        return (-Slope(times, logs, start), Slope(times, Unwrapped(amplitudes), start), steps);
    }

    // Single gas: the NSF eigenmode e^{ix + λt} (δn = δ; δu = iλδ; δθ = −(2/3)i δu/(λ + b)), or v_y = δ sin x for shear, as
    // local Maxwellians times the first-order Chapman–Enskog factor 1 + σ_ij c_i c_j/(2pθ) + q·c(|c|²/(5θ) − 1)/(pθ) with
    // σ = −2μ(∇u)°, q = −κ∇θ (exact for Maxwell molecules), so that the start carries the NSF stress and heat flux and the
    // initial layer excites the other modes only at O(ε²). Binary mixture: n_A = (1 + δ cos x)/2, n_B = (1 − δ cos x)/2 at
    // uniform pressure and temperature, local Maxwellians.
    private static void Initialise(PhaseSpaceState state, CartesianGrid grid, UniformMesh mesh, string wave, Target target, double delta)
    {
        Complex du = Complex.ImaginaryOne * target.Root * delta;
        Complex dtheta = -2.0 / 3.0 * Complex.ImaginaryOne * du / (target.Root + target.B);
        for (int c = 0; c < mesh.CellCount; c++)
        {
            double x = mesh.CenterX(c);
            var phase = Complex.FromPolarCoordinates(1.0, x);
            if (wave == "concentration")
            {
                DiscreteMaxwellian.Fill(grid, new MacroscopicState(0.5 * (1 + (delta * Math.Cos(x))), default, 1.0), state.Mixture[0].Mass, state.Distribution(c, 0));
                DiscreteMaxwellian.Fill(grid, new MacroscopicState(0.5 * (1 - (delta * Math.Cos(x))), default, 1.0), state.Mixture[1].Mass, state.Distribution(c, 1));
                continue;
            }

            bool shear = wave == "shear";
            var macro = shear
                ? new MacroscopicState(1.0, new Velocity3(0, delta * Math.Sin(x), 0), 1.0)
                : new MacroscopicState(1.0 + (delta * Math.Cos(x)), new Velocity3((du * phase).Real, 0, 0), 1.0 + (dtheta * phase).Real);
            var f = state.Distribution(c, 0);
            DiscreteMaxwellian.Fill(grid, macro, 1.0, f);
            double dudx = shear ? 0 : (Complex.ImaginaryOne * du * phase).Real;
            double dvdx = shear ? delta * Math.Cos(x) : 0;
            double dthetadx = shear ? 0 : (Complex.ImaginaryOne * dtheta * phase).Real;
            double sxx = -4.0 / 3.0 * target.Viscosity * dudx, syy = 2.0 / 3.0 * target.Viscosity * dudx, sxy = -target.Viscosity * dvdx;
            double qx = -target.Conductivity * dthetadx, theta = macro.Temperature, p = macro.Density * theta;
            var u = macro.BulkVelocity;
            for (int q = 0; q < grid.Count; q++)
            {
                var v = grid.Point(q) - u;
                double c2 = v.LengthSquared;
                double stress = (sxx * v.X * v.X) + (syy * ((v.Y * v.Y) + (v.Z * v.Z))) + (2 * sxy * v.X * v.Y);
                f[q] *= 1 + (stress / (2 * p * theta)) + (qx * v.X * ((c2 / (5 * theta)) - 1) / (p * theta));
            }
        }
    }

    // The mode amplitude: shear, the sin x coefficient of ρv_y; sound and temperature, the projection w·(n̂, û, θ̂) of the
    // e^{ix} coefficients on the left eigenvector w = (−i/λ, 1, −i/(λ + b)) of the linearised NSF system (k = 1), so that
    // the other two longitudinal modes (excited at O(ε) by the start) drop out of the fit; concentration, the e^{ix}
    // coefficient of x_A = n_A/n.
    private static Complex Amplitude(PhaseSpaceState state, UniformMesh mesh, string wave, Target target)
    {
        int cells = mesh.CellCount;
        Complex density = 0, velocity = 0, temperature = 0;
        double shear = 0;
        for (int c = 0; c < cells; c++)
        {
            double x = mesh.CenterX(c);
            var basis = Complex.FromPolarCoordinates(1.0, -x);
            if (wave == "concentration")
            {
                double a = CellMoments.Species(state, c, 0).Density, b = CellMoments.Species(state, c, 1).Density;
                density += a / (a + b) * basis;
                continue;
            }

            var fields = CellMoments.Mixture(state, c);
            shear += fields.Density * fields.BulkVelocity.Y * Math.Sin(x);
            density += (fields.Density - 1.0) * basis;
            velocity += fields.BulkVelocity.X * basis;
            temperature += (fields.Temperature - 1.0) * basis;
        }

        return wave switch
        {
            "shear" => 2.0 * shear / cells,
            "concentration" => 2.0 * density / cells,
            _ => 2.0 / cells * ((-Complex.ImaginaryOne / target.Root * density) + velocity + (-Complex.ImaginaryOne / (target.Root + target.B) * temperature)),
        };
    }

    // The phase of each mode sample, unwrapped along the run.
    private static double[] Unwrapped(List<Complex> modes)
    {
        var phases = new double[modes.Count];
        double offset = 0;
        for (int i = 0; i < modes.Count; i++)
        {
            if (i > 0)
            {
                double jump = modes[i].Phase - modes[i - 1].Phase;
                offset -= jump > Math.PI ? 2 * Math.PI : jump < -Math.PI ? -2 * Math.PI : 0;
            }

            phases[i] = modes[i].Phase + offset;
        }

        return phases;
    }

    // Least-squares slope of the values against t over the samples with t ≥ start.
    private static double Slope(List<double> times, double[] values, double start)
    {
        double mt = 0, my = 0;
        int count = 0;
        for (int i = 0; i < times.Count; i++)
        {
            if (times[i] >= start)
            {
                mt += times[i];
                my += values[i];
                count++;
            }
        }

        mt /= count;
        my /= count;
        double sxy = 0, sxx = 0;
        for (int i = 0; i < times.Count; i++)
        {
            if (times[i] >= start)
            {
                sxy += (times[i] - mt) * (values[i] - my);
                sxx += (times[i] - mt) * (times[i] - mt);
            }
        }

        return sxy / sxx;
    }
}
