using Kinetics.Grids;
using Kinetics.Landau;
using Kinetics.Landau.Plasma;

namespace Kinetics.Cli.Commands.Scenarios;

/// <summary>
/// The temperature-isotropisation part of `kinetics scenario plasma`: directional temperatures (T∥ along z, T⊥ across)
/// measured on the grids, the exact two-temperature closed form <see cref="AnisotropicRelaxation.TemperatureRates"/>
/// summed over partners (integrated alongside the run), and a probe of the projected operator on anisotropic
/// Maxwellians against that closed form and, for the like-particle pairs, the NRL isotropisation rate
/// (docs/massless-electrons.md#temperature-isotropisation).
/// </summary>
internal static class PlasmaAnisotropy
{
    /// <summary>T⊥/T∥ of the probe states (A = 0.5).</summary>
    public const double ProbeRatio = 1.5;

    /// <summary>The states with T⊥/T∥ = <paramref name="ratio"/> and scalar temperature T = (T∥ + 2T⊥)/3.</summary>
    public static AnisotropicMaxwellian WithRatio(double density, double temperature, double ratio)
    {
        double parallel = 3.0 * temperature / (1.0 + (2.0 * ratio));
        return new AnisotropicMaxwellian(density, parallel, ratio * parallel);
    }

    /// <summary>(T∥, T⊥) = (m∫(v_z − u_z)²F/n, m∫|v_⊥ − u_⊥|²F/(2n)) on one grid.</summary>
    public static (double Parallel, double Perpendicular) Temperatures(SpeciesGrid grid, ReadOnlySpan<double> f, double mass)
    {
        var (density, momentum, _) = SpeciesGridStepper.Moments(grid, f, mass);
        Velocity3 u = momentum / (mass * density);
        var (par, perp) = SecondMoments(grid, f, u);
        return (mass * par / density, mass * perp / (2.0 * density));
    }

    /// <summary>(dT∥/dt, dT⊥/dt) of a rate q on one grid at density n (state at rest).</summary>
    public static AnisotropicTemperatureRates Rates(SpeciesGrid grid, ReadOnlySpan<double> q, double mass, double density)
    {
        var (par, perp) = SecondMoments(grid, q, Velocity3.Zero);
        return new AnisotropicTemperatureRates(mass * par / density, mass * perp / (2.0 * density));
    }

    /// <summary>Σ_b of the exact closed form for every species a (self pairs included).</summary>
    public static AnisotropicTemperatureRates[] ClosedForm(LandauCouplings couplings, double[] masses, AnisotropicMaxwellian[] states)
    {
        var rates = new AnisotropicTemperatureRates[masses.Length];
        for (int a = 0; a < masses.Length; a++)
        {
            double par = 0, perp = 0;
            for (int b = 0; b < masses.Length; b++)
            {
                var r = AnisotropicRelaxation.TemperatureRates(couplings[a, b], masses[a], states[a], masses[b], states[b]);
                par += r.Parallel;
                perp += r.Perpendicular;
            }

            rates[a] = new AnisotropicTemperatureRates(par, perp);
        }

        return rates;
    }

    /// <summary>
    /// The number of RK4 substeps of length ≤ 1/(2λ) for a step <paramref name="dt"/>, λ the fastest relative rate
    /// |d(T⊥ − T∥)/dt|/|T⊥ − T∥| of the closed form on states with T⊥/T∥ = <see cref="ProbeRatio"/> (at least 20).
    /// </summary>
    public static int Substeps(LandauCouplings couplings, double[] masses, double[] densities, double[] temperatures, double dt)
    {
        var states = Enumerable.Range(0, masses.Length).Select(a => WithRatio(densities[a], temperatures[a], ProbeRatio)).ToArray();
        var rates = ClosedForm(couplings, masses, states);
        double fastest = 0;
        for (int a = 0; a < masses.Length; a++)
        {
            fastest = Math.Max(fastest, Math.Abs((rates[a].Perpendicular - rates[a].Parallel) / (states[a].PerpendicularTemperature - states[a].ParallelTemperature)));
        }

        return (int)Math.Clamp(Math.Ceiling(2.0 * dt * fastest), 20, 1e6);
    }

    /// <summary>One RK4 step of the closed-form temperature equations for (T∥_a, T⊥_a), densities fixed.</summary>
    public static AnisotropicMaxwellian[] Step(LandauCouplings couplings, double[] masses, AnisotropicMaxwellian[] states, double dt)
    {
        int s = masses.Length;
        double[] y = new double[2 * s];
        for (int a = 0; a < s; a++)
        {
            y[2 * a] = states[a].ParallelTemperature;
            y[(2 * a) + 1] = states[a].PerpendicularTemperature;
        }

        double[] Derivative(double[] x)
        {
            var current = Enumerable.Range(0, s).Select(a => new AnisotropicMaxwellian(states[a].Density, x[2 * a], x[(2 * a) + 1])).ToArray();
            var r = ClosedForm(couplings, masses, current);
            return Enumerable.Range(0, 2 * s).Select(i => i % 2 == 0 ? r[i / 2].Parallel : r[i / 2].Perpendicular).ToArray();
        }

        double[] k1 = Derivative(y);
        double[] k2 = Derivative(y.Select((x, i) => x + (0.5 * dt * k1[i])).ToArray());
        double[] k3 = Derivative(y.Select((x, i) => x + (0.5 * dt * k2[i])).ToArray());
        double[] k4 = Derivative(y.Select((x, i) => x + (dt * k3[i])).ToArray());
        double[] next = y.Select((x, i) => x + (dt / 6 * (k1[i] + (2 * k2[i]) + (2 * k3[i]) + k4[i]))).ToArray();
        return Enumerable.Range(0, s).Select(a => new AnisotropicMaxwellian(states[a].Density, next[2 * a], next[(2 * a) + 1])).ToArray();
    }

    /// <summary>
    /// Fills <paramref name="probe"/> with anisotropic Maxwellians at the given densities and temperatures (T⊥/T∥ =
    /// <see cref="ProbeRatio"/>) and returns, per species, the relative error of the projected operator's (dT∥/dt, dT⊥/dt)
    /// against the closed form over all partners, and of each like-particle pair against the NRL isotropisation rate.
    /// </summary>
    public static (double[] Full, double[] Like) Probe(PlasmaLandauOperator plasma, SpeciesGridStepper stepper, LandauCouplings couplings, double[] masses, double[] densities, double[] temperatures, double[] probe, double[] rate)
    {
        var grids = plasma.Grids;
        int s = masses.Length;
        var states = Enumerable.Range(0, s).Select(a => WithRatio(densities[a], temperatures[a], ProbeRatio)).ToArray();
        for (int a = 0; a < s; a++)
        {
            var slice = grids.Slice(probe.AsSpan(), a);
            for (int p = 0; p < slice.Length; p++)
            {
                slice[p] = states[a].Evaluate(masses[a], grids[a].Point(p));
            }
        }

        stepper.Rate(probe, rate);
        var exact = ClosedForm(couplings, masses, states);
        double[] full = new double[s], like = new double[s];
        var workspace = plasma.CreateWorkspace();
        for (int a = 0; a < s; a++)
        {
            full[a] = Error(Rates(grids[a], grids.Slice((ReadOnlySpan<double>)rate, a), masses[a], densities[a]), exact[a]);
            var self = new double[grids.Count(a)];
            plasma.EvaluatePair(a, a, probe, self, workspace);
            double nu = AnisotropicRelaxation.NrlIsotropizationFrequency(couplings[a, a], masses[a], states[a]);
            double gap = states[a].PerpendicularTemperature - states[a].ParallelTemperature;
            like[a] = Error(Rates(grids[a], self, masses[a], densities[a]), new AnisotropicTemperatureRates(2.0 * nu * gap, -nu * gap));
        }

        return (full, like);
    }

    private static double Error(AnisotropicTemperatureRates measured, AnisotropicTemperatureRates expected) =>
        Math.Max(Math.Abs(measured.Parallel - expected.Parallel), Math.Abs(measured.Perpendicular - expected.Perpendicular))
        / Math.Max(Math.Abs(expected.Parallel), Math.Abs(expected.Perpendicular));

    // (∫(v_z − u_z)²f, ∫|v_⊥ − u_⊥|²f) with weight h³.
    private static (double Parallel, double Perpendicular) SecondMoments(SpeciesGrid grid, ReadOnlySpan<double> f, Velocity3 u)
    {
        double par = 0, perp = 0;
        for (int p = 0; p < f.Length; p++)
        {
            Velocity3 w = grid.Point(p) - u;
            par += w.Z * w.Z * f[p];
            perp += ((w.X * w.X) + (w.Y * w.Y)) * f[p];
        }

        return (par * grid.CellVolume, perp * grid.CellVolume);
    }
}
