using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Kinetics.Benchmarking;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Landau;
using Kinetics.Landau.Plasma;
using Kinetics.Mixtures;
using Spectre.Console;
using static Kinetics.Cli.Commands.Scenarios.ScenarioMath;

namespace Kinetics.Cli.Commands.Scenarios;

/// <summary>
/// `kinetics scenario plasma`: a homogeneous electron–ion plasma at physical mass ratio (hydrogen by default,
/// m₋/m₊ = 1/1836.15), electrons and ions Maxwellian at different temperatures, each species on its own grid, time-
/// integrated by SSP-RK3 with the conservative projection at every stage. Every step: the temperature rates dT_a/dt of
/// the collision term against the NRL/Spitzer closed form <see cref="CoulombRelaxation.TemperatureRate"/> at the current
/// temperatures, the temperature change since t = 0 against the NRL temperature equations integrated alongside, the
/// species masses, total momentum and energy recomputed from the grid values, and the entropy.
/// </summary>
internal static class PlasmaScenario
{
    private const double ElectronMass = 1.0 / 1836.15267343;

    // The range of --t-electron and --t-ion (k_B = 1, any unit).
    private const double MinTemperature = 1e-6;
    private const double MaxTemperature = 1e6;

    public static Command Create()
    {
        var ions = new Option<string>("--ions") { Description = "Ion species as mass:charge pairs (mass in proton masses, electron mass 1/1836.15; charge in e), comma-separated; equal shares of the ion charge density, electrons neutralising (n₋ = 1).", DefaultValueFactory = _ => "1:1" };
        var electronTemperature = new Option<double>("--t-electron") { Description = "Initial electron temperature T₋ (k_B = 1, same unit as --t-ion), in [1e-6, 1e6].", DefaultValueFactory = _ => 2.0 };
        var ionTemperature = new Option<string>("--t-ion") { Description = "Initial ion temperatures T₊: one value for every ion species, or one per species of --ions, comma-separated, each in [1e-6, 1e6].", DefaultValueFactory = _ => "1" };
        var ionDensities = new Option<string?>("--ion-densities") { Description = "Relative ion densities, one per species of --ions, comma-separated, each in [1e-8, 1e8]; scaled so that the electrons (n₋ = 1) neutralise them. Default: equal shares of the ion charge density." };
        var n = new Option<int>("--n") { Description = "Grid points per axis of every species' grid (box 8 thermal speeds of that species).", DefaultValueFactory = _ => 32 }.GridSize(8, 64);
        var steps = new Option<int>("--steps") { Description = "Number of time steps, in [1, 100000] (penalized: at least 4·ν_max·t, ν_max the fastest pair's temperature exchange).", DefaultValueFactory = _ => 100 };
        var scheme = new Option<string>("--scheme") { Description = "penalized: the stiff step of PenalizedPlasmaStepper, Δt = (--nu-t)/(ν_ie·steps), so the run covers ν_ie·t = --nu-t; explicit: SSP-RK3 at --courant times the electrons' stability limit (docs/massless-electrons.md).", DefaultValueFactory = _ => "penalized" };
        scheme.AcceptOnlyFromAmong("penalized", "explicit");
        var nuT = new Option<double>("--nu-t") { Description = "Length of a penalized run in units of the initial ion–electron equilibration time 1/ν_ie, in (0, 20].", DefaultValueFactory = _ => 1.0 };
        var courant = new Option<double>("--courant") { Description = "Explicit scheme: step as a fraction of SSP-RK3's stability limit for the stiffest species' diffusion, in (0, 1].", DefaultValueFactory = _ => 0.5 };
        var expansionThreshold = new Option<double>("--expansion-threshold") { Description = "Expand the ions' field on the electrons' grid (point scatterer plus its temperature, exchange from the exact ion-side term) when the ion box half-width is at most this many electron grid spacings; 0 = always exact (docs/massless-electrons.md). In [0, 100].", DefaultValueFactory = _ => PlasmaLandauOperator.DefaultExpansionThreshold };
        var bench = new Option<bool>("--time-evaluations") { Description = "After the run, time one evaluation of the projected collision operator on every species' grid in steady state (warm-up until tier-up, then min and median; adds ms_per_eval, ms_per_eval_min)." };
        var anisotropy = new Option<double>("--anisotropy") { Description = "Initial T⊥/T∥ of every species (z the parallel axis, scalar temperature kept), in [0.1, 10]; 1 = isotropic. The run's T∥, T⊥ are followed against the exact two-temperature closed form integrated alongside.", DefaultValueFactory = _ => 1.0 };
        var output = OutputPrefix.Create("plasma", "PREFIX.png and PREFIX.svg (each species' temperature against ν_ie·t, with the NRL temperature equations integrated alongside)");
        var json = JsonOutput.CreateOption();
        var command = new Command("plasma", "Electron–ion temperature relaxation at physical mass ratio on per-species grids against the NRL/Spitzer rate, with conservation and entropy checked every step.")
        {
            ions, electronTemperature, ionTemperature, ionDensities, n, steps, scheme, nuT, courant, expansionThreshold, anisotropy, bench, output, json,
        };
        command.SetAction(parse =>
        {
            var io = new JsonOutput(parse.GetValue(json));
            var ionList = PlasmaSpeciesOptions.Ions(parse.GetValue(ions)!);
            double te = parse.GetValue(electronTemperature);
            double[] ti = PlasmaSpeciesOptions.PerIon(parse.GetValue(ionTemperature)!, "--t-ion", ionList.Length, broadcast: true, 0, double.PositiveInfinity, "finite and > 0");
            if (!(te > 0 && double.IsFinite(te)) || ti.Any(x => !(x > 0 && double.IsFinite(x))))
            {
                throw new ArgumentException($"--t-electron and --t-ion must be finite and > 0 (were {te} and {string.Join(",", ti)}).");
            }

            // The box of every species is sized from these temperatures; far outside this range its thermal speeds under- or overflow.
            if (!(te >= MinTemperature && te <= MaxTemperature) || ti.Any(x => !(x >= MinTemperature && x <= MaxTemperature)))
            {
                throw new ArgumentException($"--t-electron and --t-ion must be in [1e-6, 1e6] (were {te} and {string.Join(",", ti)}).");
            }

            if (ti.All(x => x == te))
            {
                throw new ArgumentException($"--t-electron and --t-ion must differ (both were {te}): there is no relaxation to measure.");
            }

            string? densityText = parse.GetValue(ionDensities);
            double[]? relativeDensities = densityText is null ? null : PlasmaSpeciesOptions.PerIon(densityText, "--ion-densities", ionList.Length, broadcast: false, 1e-8, 1e8, "in [1e-8, 1e8]");

            int count = parse.GetValue(steps);
            if (count is < 1 or > 100000)
            {
                throw new ArgumentException($"--steps must be in [1, 100000] (was {count}).");
            }

            double c = parse.GetValue(courant);
            if (!(c > 0 && c <= 1))
            {
                throw new ArgumentException($"--courant must be in (0, 1] (was {c}).");
            }

            double threshold = parse.GetValue(expansionThreshold);
            if (!(threshold >= 0 && threshold <= 100))
            {
                throw new ArgumentException($"--expansion-threshold must be in [0, 100] (was {threshold}).");
            }

            double length = parse.GetValue(nuT);
            if (!(length > 0 && length <= 20))
            {
                throw new ArgumentException($"--nu-t must be in (0, 20] (was {length}).");
            }

            double ratio = parse.GetValue(anisotropy);
            if (!(ratio >= 0.1 && ratio <= 10))
            {
                throw new ArgumentException($"--anisotropy must be in [0.1, 10] (was {ratio}).");
            }

            bool penalized = parse.GetValue(scheme) == "penalized";
            return Run(ionList, relativeDensities, te, ti, parse.GetValue(n), count, penalized ? length : -c, threshold, ratio, parse.GetValue(bench), OutputPrefix.Normalize(parse.GetValue(output)!), io);
        });
        return command;
    }

    // stepLength > 0: penalized run over ν_ie·t = stepLength; < 0: explicit SSP-RK3 at Courant number −stepLength.
    private static int Run((double Mass, double Charge)[] ionList, double[]? relativeDensities, double te, double[] ti, int n, int steps, double stepLength, double expansion, double ratio, bool timeEvaluations, string prefix, JsonOutput io)
    {
        var total = Stopwatch.StartNew();
        int s = ionList.Length + 1;
        var species = new List<Species> { new("electron", ElectronMass, -1.0) };
        species.AddRange(ionList.Select((ion, i) => new Species($"ion{i + 1}", ion.Mass, ion.Charge)));
        var mixture = new Mixture(species);
        double[] masses = mixture.Masses(), charges = species.Select(x => x.Charge).ToArray();
        double[] densities = new double[s];
        densities[0] = 1.0;
        double ionCharge = relativeDensities is null ? 1.0 : relativeDensities.Select((x, i) => x * charges[i + 1]).Sum();
        for (int a = 1; a < s; a++)
        {
            densities[a] = relativeDensities is null ? 1.0 / (ionList.Length * charges[a]) : relativeDensities[a - 1] / ionCharge;
        }

        double[] temperatures = [te, .. ti];

        // Flynn–Guo normalisation with 2πe⁴lnΛ = 1: c_ab = Z_a²Z_b² (the time unit is then 1/(2πe⁴lnΛ n₋) in these units).
        var couplingValues = new double[s * s];
        for (int a = 0; a < s; a++)
        {
            for (int b = 0; b < s; b++)
            {
                couplingValues[(a * s) + b] = charges[a] * charges[a] * charges[b] * charges[b];
            }
        }

        var couplings = new LandauCouplings(s, couplingValues);
        bool penalized = stepLength > 0;
        var initialStates = Enumerable.Range(0, s).Select(a => PlasmaAnisotropy.WithRatio(densities[a], temperatures[a], ratio)).ToArray();
        // Each box holds 8 thermal speeds of the species' initial state and at least 6 of the common final temperature, so
        // a species heated far above its start (a cold impurity) stays resolved: T_box ≥ (6/8)²·T_eq.
        double finalTemperature = Enumerable.Range(0, s).Sum(a => densities[a] * temperatures[a]) / densities.Sum();
        double[] widths = initialStates.Select(x => Math.Max(Math.Max(x.ParallelTemperature, x.PerpendicularTemperature), 0.5625 * finalTemperature)).ToArray();
        SpeciesGrids grids;
        PlasmaLandauOperator plasma;
        try
        {
            grids = SpeciesGrids.ForMaxwellians(mixture, widths, default, n);
            plasma = PlasmaLandauOperator.Create(grids, mixture, couplings, LandauKernel.Coulomb(LandauNormalization.FlynnGuo), expansion);
        }
        catch (ArgumentException error)
        {
            throw new ArgumentException($"--t-electron, --t-ion, --ion-densities and --n give grids the operator cannot use: {error.Message}", error);
        }

        var op = plasma.Exact;
        var stepper = new SpeciesGridStepper(plasma);
        var stiff = penalized ? PenalizedPlasmaStepper.Create(plasma) : null;
        var stiffWorkspace = stiff?.CreateWorkspace();
        double[] f = new double[grids.TotalCount];
        for (int a = 0; a < s; a++)
        {
            if (ratio == 1.0)
            {
                Maxwellian.Fill(grids[a].Grid, new MacroscopicState(densities[a], Velocity3.Zero, temperatures[a]), masses[a], grids.Slice(f.AsSpan(), a));
            }
            else
            {
                var slice = grids.Slice(f.AsSpan(), a);
                for (int p = 0; p < slice.Length; p++)
                {
                    slice[p] = initialStates[a].Evaluate(masses[a], grids[a].Point(p));
                }
            }
        }

        double nu = CoulombRelaxation.EquilibrationFrequency(couplings[1, 0], masses[1], temperatures[1], masses[0], temperatures[0], densities[0]);
        double explicitStep = SpeciesGridStepper.StableStep(op, densities, temperatures, penalized ? 0.5 : -stepLength);
        if (penalized)
        {
            // The moments are explicit (Heun): keep ν_abΔt ≤ 1/4 for the fastest temperature exchange of any pair (with
            // an impurity of charge Z, Z² times ν_ie), taking more steps than --steps if needed.
            double fastest = 0;
            for (int a = 0; a < s; a++)
            {
                for (int b = 0; b < s; b++)
                {
                    if (a != b)
                    {
                        fastest = Math.Max(fastest, CoulombRelaxation.EquilibrationFrequency(couplings[a, b], masses[a], temperatures[a], masses[b], temperatures[b], densities[b]));
                    }
                }
            }

            steps = Math.Max(steps, (int)Math.Ceiling(4.0 * fastest * stepLength / nu));
        }

        double dt = penalized ? stepLength / (nu * steps) : explicitStep, stiffness = 0;
        double[] next = new double[grids.TotalCount];
        var start = Measure(grids, f, masses);
        for (int a = 0; a < s; a++)
        {
            // The options can ask for a Maxwellian far narrower than its grid's spacing (a species much colder than the
            // common final temperature that sizes its box): refuse it before computing, naming the options.
            // (Coarse but usable grids, e.g. --n 8 with n 4 % and T 15 % off, pass: only a factor of 2 is refused.)
            if (!(Math.Abs((start[a].Density / densities[a]) - 1) <= 0.5 && start[a].Temperature / temperatures[a] is >= 0.5 and <= 2.0))
            {
                throw new ArgumentException(
                    $"--t-electron, --t-ion, --ion-densities and --n: {species[a].Name}'s initial Maxwellian (n = {densities[a]:G4}, T = {temperatures[a]:G4}) is not resolved by its grid " +
                    $"(h = {grids[a].Spacing:G4}; grid moments n = {start[a].Density:G4}, T = {start[a].Temperature:G4}); bring the temperatures closer together or raise --n.");
            }
        }

        double energy0 = start.Sum(m => m.Energy);
        Velocity3 momentum0 = Sum(start.Select(m => m.Momentum));
        double momentumScale = Enumerable.Range(0, s).Sum(a => start[a].Density * Math.Sqrt(masses[a] * start[a].Temperature));
        double[] kinetic0 = start.Select(m => m.Temperature).ToArray();
        // Relaxation: the first time the largest |T_a − T_eq| is 1 % of its initial value (T_eq from the conserved energy of
        // the species at rest), for the kinetic run and for the NRL temperature equations alongside.
        double equilibrium = Enumerable.Range(0, s).Sum(a => start[a].Density * start[a].Temperature) / start.Sum(m => m.Density);
        double initialGap = kinetic0.Max(x => Math.Abs(x - equilibrium));
        double? relaxationTime = null, relaxationTimeNrl = null, relaxationWall = null;
        int? relaxationSteps = null;
        double[] nrl = (double[])kinetic0.Clone();
        var directional0 = Enumerable.Range(0, s).Select(a => PlasmaAnisotropy.Temperatures(grids[a], grids.Slice((ReadOnlySpan<double>)f, a), masses[a])).ToArray();
        var closedForm = Enumerable.Range(0, s).Select(a => new AnisotropicMaxwellian(start[a].Density, directional0[a].Parallel, directional0[a].Perpendicular)).ToArray();
        double maxAnisotropyDeviation = 0, maxLikeAnisotropy = 0;
        double[] maxFullAnisotropy = new double[s], gapRateRatio = Enumerable.Repeat(double.NaN, s).ToArray();

        double maxMaxwellian = 0, maxInstant = 0, maxIntegrated = 0, maxEnergy = 0, maxMomentum = 0, maxMass = 0, minEntropyDrop = double.PositiveInfinity;
        bool monotone = true;
        long nonPositive = 0;
        double[] minRelative = Enumerable.Repeat(double.PositiveInfinity, s).ToArray(), innermostNonPositive = (double[])minRelative.Clone();
        long[] nonPositiveBySpecies = new long[s];
        double entropy = stepper.Entropy(f).Value, t = 0;
        var history = new List<Dictionary<string, object>>();
        double[] rates = new double[s], exact = new double[s], maxwellianRates = new double[s];
        double[] probe = new double[grids.TotalCount], probeRate = new double[grids.TotalCount];
        for (int step = 1; step <= steps; step++)
        {
            var before = Measure(grids, f, masses);
            var directionalBefore = ratio == 1.0 ? null : Enumerable.Range(0, s).Select(a => PlasmaAnisotropy.Temperatures(grids[a], grids.Slice((ReadOnlySpan<double>)f, a), masses[a])).ToArray();
            try
            {
                if (stiff is null)
                {
                    stepper.Step(f, dt);
                }
                else
                {
                    stiffness = Math.Max(stiffness, stiff.Step(f, next, dt, stiffWorkspace!).Stiffness);
                    next.CopyTo(f.AsSpan());
                }
            }
            catch (ArgumentException error)
            {
                // The state of the run is the options' doing (e.g. a species of relative density 1e−16 whose grid moments are round-off).
                throw new ArgumentException($"--ion-densities, --t-electron, --t-ion and --n: step {step} refused the run's state: {error.Message}", error);
            }

            t += dt;
            ReadOnlySpan<double> initialRate = stiff is null ? stepper.InitialRate : stiffWorkspace!.InitialRate;
            if (directionalBefore is not null)
            {
                // The evolving state's d(T⊥ − T∥)/dt over the closed form's at its own T∥, T⊥ (1 while it stays an
                // anisotropic Maxwellian).
                var states = Enumerable.Range(0, s).Select(a => new AnisotropicMaxwellian(before[a].Density, directionalBefore[a].Parallel, directionalBefore[a].Perpendicular)).ToArray();
                var closed = PlasmaAnisotropy.ClosedForm(couplings, masses, states);
                for (int a = 0; a < s; a++)
                {
                    var r = PlasmaAnisotropy.Rates(grids[a], grids.Slice(initialRate, a), masses[a], before[a].Density);
                    gapRateRatio[a] = (r.Perpendicular - r.Parallel) / (closed[a].Perpendicular - closed[a].Parallel);
                }
            }


            // Instantaneous: dT_a/dt of the projected collision term at the start of the step vs the closed form there.
            for (int a = 0; a < s; a++)
            {
                var r = SpeciesGridStepper.Moments(grids[a], grids.Slice(initialRate, a), masses[a]);
                Velocity3 u = before[a].Momentum / (masses[a] * before[a].Density);
                rates[a] = 2.0 / 3.0 * (r.Energy - Velocity3.Dot(u, r.Momentum)) / before[a].Density;
                exact[a] = NrlRate(a, couplings, masses, before.Select(m => m.Temperature).ToArray(), before.Select(m => m.Density).ToArray());
                maxInstant = Math.Max(maxInstant, Math.Abs(rates[a] - exact[a]) / Math.Abs(exact[a]));
            }

            // The NRL temperature equations integrated alongside (RK4, 20 substeps per step).
            for (int sub = 0; sub < 20; sub++)
            {
                nrl = Rk4(nrl, dt / 20, T => Enumerable.Range(0, s).Select(a => NrlRate(a, couplings, masses, T, densities)).ToArray());
            }

            var after = Measure(grids, f, masses);
            if (relaxationTime is null && after.Max(m => Math.Abs(m.Temperature - equilibrium)) <= 0.01 * initialGap)
            {
                (relaxationTime, relaxationWall, relaxationSteps) = (t, total.Elapsed.TotalSeconds, step);
            }

            if (relaxationTimeNrl is null && nrl.Max(x => Math.Abs(x - equilibrium)) <= 0.01 * initialGap)
            {
                relaxationTimeNrl = t;
            }

            // Stiff: the electrons isotropise ~10³ times faster than they exchange energy with the ions.
            int substeps = PlasmaAnisotropy.Substeps(couplings, masses, densities, closedForm.Select(x => x.Temperature).ToArray(), dt);
            for (int sub = 0; sub < substeps; sub++)
            {
                closedForm = PlasmaAnisotropy.Step(couplings, masses, closedForm, dt / substeps);
            }

            var directional = Enumerable.Range(0, s).Select(a => PlasmaAnisotropy.Temperatures(grids[a], grids.Slice((ReadOnlySpan<double>)f, a), masses[a])).ToArray();
            if (ratio != 1.0)
            {
                for (int a = 0; a < s; a++)
                {
                    double gap = directional[a].Perpendicular - directional[a].Parallel, gapClosed = closedForm[a].PerpendicularTemperature - closedForm[a].ParallelTemperature;
                    maxAnisotropyDeviation = Math.Max(maxAnisotropyDeviation, Math.Abs(gap - gapClosed) / Math.Abs(directional0[a].Perpendicular - directional0[a].Parallel));
                }
            }

            for (int a = 0; a < s; a++)
            {
                double changeKinetic = after[a].Temperature - kinetic0[a], changeNrl = nrl[a] - kinetic0[a];
                maxIntegrated = Math.Max(maxIntegrated, Math.Abs(changeKinetic - changeNrl) / Math.Abs(changeNrl));
                maxMass = Math.Max(maxMass, Math.Abs(after[a].Density - start[a].Density) / start[a].Density);
            }

            maxEnergy = Math.Max(maxEnergy, Math.Abs(after.Sum(m => m.Energy) - energy0) / energy0);
            maxMomentum = Math.Max(maxMomentum, (Sum(after.Select(m => m.Momentum)) - momentum0).Length / momentumScale);
            var h = stepper.Entropy(f);
            nonPositive = Math.Max(nonPositive, h.NonPositiveCount);
            for (int a = 0; a < s; a++)
            {
                (double low, double radius, long count) = NonPositive(grids[a], grids.Slice((ReadOnlySpan<double>)f, a), masses[a], after[a]);
                minRelative[a] = Math.Min(minRelative[a], low);
                innermostNonPositive[a] = Math.Min(innermostNonPositive[a], radius);
                nonPositiveBySpecies[a] = Math.Max(nonPositiveBySpecies[a], count);
            }
            monotone &= h.Value <= entropy;
            minEntropyDrop = Math.Min(minEntropyDrop, entropy - h.Value);
            entropy = h.Value;
            if (step == 1 || step == steps || step % Math.Max(1, steps / 10) == 0)
            {
                // The NRL/Spitzer check proper: Maxwellians with the current n_a, T_a (at rest) through the same projected
                // operator, against the closed form at those temperatures.
                double[] temps = after.Select(m => m.Temperature).ToArray(), dens = after.Select(m => m.Density).ToArray();
                for (int a = 0; a < s; a++)
                {
                    Maxwellian.Fill(grids[a].Grid, new MacroscopicState(dens[a], Velocity3.Zero, temps[a]), masses[a], grids.Slice(probe.AsSpan(), a));
                }

                stepper.Rate(probe, probeRate);
                var probed = Measure(grids, probe, masses);
                for (int a = 0; a < s; a++)
                {
                    var r = SpeciesGridStepper.Moments(grids[a], grids.Slice(probeRate, a), masses[a]);
                    maxwellianRates[a] = 2.0 / 3.0 * r.Energy / probed[a].Density;
                    double expected = NrlRate(a, couplings, masses, probed.Select(m => m.Temperature).ToArray(), probed.Select(m => m.Density).ToArray());
                    maxMaxwellian = Math.Max(maxMaxwellian, Math.Abs(maxwellianRates[a] - expected) / Math.Abs(expected));
                }

                var (full, like) = PlasmaAnisotropy.Probe(plasma, stepper, couplings, masses, dens, temps, probe, probeRate);
                for (int a = 0; a < s; a++)
                {
                    maxFullAnisotropy[a] = Math.Max(maxFullAnisotropy[a], full[a]);
                    maxLikeAnisotropy = Math.Max(maxLikeAnisotropy, like[a]);
                }

                history.Add(new Dictionary<string, object>
                {
                    ["parallel_temperatures"] = directional.Select(x => x.Parallel).ToArray(),
                    ["perpendicular_temperatures"] = directional.Select(x => x.Perpendicular).ToArray(),
                    ["anisotropy_closed_form"] = closedForm.Select(x => x.PerpendicularTemperature - x.ParallelTemperature).ToArray(),
                    ["anisotropy_rate_ratio"] = gapRateRatio.Select(x => double.IsFinite(x) ? x : (double?)null).ToArray(),
                    ["step"] = step,
                    ["t"] = t,
                    ["temperatures"] = after.Select(m => m.Temperature).ToArray(),
                    ["temperatures_nrl"] = nrl.ToArray(),
                    ["rates"] = rates.ToArray(),
                    ["rates_nrl"] = exact.ToArray(),
                    ["maxwellian_rates"] = maxwellianRates.ToArray(),
                    ["entropy"] = h.Value,
                });
            }
        }

        double rateError = maxMaxwellian;
        double wall = total.Elapsed.TotalSeconds;
        int evaluations = stepper.Evaluations + (stiffWorkspace?.Evaluations ?? 0);
        SteadyStateTiming.Figure? evaluationCost = null;
        if (timeEvaluations)
        {
            // The last state through the projected operator, as a time step evaluates it; not counted in wall_s.
            f.CopyTo(probe.AsSpan());
            evaluationCost = SteadyStateTiming.Measure([() => stepper.Rate(probe, probeRate)], seconds: 2.0).Cases[0];
        }

        if (!double.IsFinite(rateError) || !double.IsFinite(maxEnergy))
        {
            io.Warn("the run produced non-finite values.", meaningless: true);
        }
        else if (rateError > 1e-4)
        {
            io.Warn($"the Maxwellian temperature rates are {F(rateError, "E2")} off the NRL/Spitzer closed form (> 1e-4): use a larger --n.");
        }

        if (!monotone)
        {
            io.Warn($"the entropy increased during a step (smallest drop {F(minEntropyDrop, "E2")}).");
        }

        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("quantity", "value");
        table.AddRow("species", Markup.Escape(string.Join(", ", species.Select((x, a) => $"{x.Name} (m = {F(x.Mass, "G6")}, Z = {F(x.Charge, "G3")}, n = {F(densities[a], "G3")}, T₀ = {F(temperatures[a], "G3")})"))));
        table.AddRow("grids", Markup.Escape($"N = {n} per species; half-widths {string.Join(", ", Enumerable.Range(0, s).Select(a => F(grids[a].HalfWidth, "G4")))}"));
        table.AddRow("scheme", penalized ? Markup.Escape($"penalized (Δt = {F(dt / explicitStep, "G3")} × the explicit SSP-RK3 step)") : "explicit SSP-RK3");
        table.AddRow("steps × Δt = t", Markup.Escape($"{steps} × {F(dt, "E3")} = {F(t, "E3")} (ν_ie·t = {F(nu * t, "E2")}, ν_ie = {F(nu, "E4")})"));
        table.AddRow("NRL rate error: Maxwellians at the current n, T (max over checks, species)", F(maxMaxwellian, "E2"));
        table.AddRow("rate of the evolving state vs NRL (max over steps, species)", F(maxInstant, "E2"));
        table.AddRow("temperature change vs NRL equations (max rel.)", F(maxIntegrated, "E2"));
        table.AddRow(Markup.Escape($"anisotropy rate, T⊥/T∥ = {F(PlasmaAnisotropy.ProbeRatio, "G3")} probes: all pairs vs exact closed form (per species)"), Markup.Escape(string.Join(", ", maxFullAnisotropy.Select(x => F(x, "E2")))));
        table.AddRow("anisotropy rate, like-particle pairs vs NRL isotropisation (max)", F(maxLikeAnisotropy, "E2"));
        if (ratio != 1.0)
        {
            table.AddRow(Markup.Escape($"T⊥ − T∥ vs closed form (initial T⊥/T∥ = {F(ratio, "G3")}; max rel. to initial gap)"), F(maxAnisotropyDeviation, "E2"));
        }

        table.AddRow("max energy / momentum / mass drift", $"{F(maxEnergy, "E2")} / {F(maxMomentum, "E2")} / {F(maxMass, "E2")}");
        table.AddRow("entropy monotone (smallest drop per step)", $"{monotone} ({F(minEntropyDrop, "E2")})");
        table.AddRow("relaxed to 1 % of the initial temperature gap at t (NRL equations: t)", relaxationTime is null
            ? Markup.Escape($"not within this run (NRL: {(relaxationTimeNrl is null ? "not reached" : F(relaxationTimeNrl.Value, "E3"))})")
            : Markup.Escape($"{F(relaxationTime.Value, "E3")} after {relaxationSteps} steps, {F(relaxationWall!.Value, "F1")} s ({(relaxationTimeNrl is null ? "not reached" : F(relaxationTimeNrl.Value, "E3"))})"));
        if (evaluationCost is { } cost)
        {
            table.AddRow("one collision evaluation, steady state (median / min)", $"{F(cost.MedianMs, "F2")} / {F(cost.MinMs, "F2")} ms");
        }

        table.AddRow("wall s", F(wall, "F1"));
        io.Human.MarkupLine("[bold]kinetics scenario plasma[/]: homogeneous electron–ion temperature relaxation, Coulomb Landau (Flynn–Guo, 2πe⁴lnΛ = 1), per-species grids, SSP-RK3 + conservative projection.");
        io.Human.Write(table);
        var files = PlasmaPlot.Temperatures(species.Select(x => x.Name).ToArray(), nu, history).Save(prefix);
        io.Human.MarkupLine($"Wrote [blue]{Markup.Escape(files[0])}[/] and [blue]{Markup.Escape(files[1])}[/].");
        io.WriteResult(new Dictionary<string, object?>
        {
            ["png"] = files[0],
            ["svg"] = files[1],
            ["masses"] = masses,
            ["charges"] = charges,
            ["densities"] = densities,
            ["initial_temperatures"] = kinetic0,
            ["n"] = n,
            ["dt"] = dt,
            ["steps"] = steps,
            ["t_end"] = t,
            ["nu_ie"] = nu,
            ["nu_ie_t"] = nu * t,
            ["nrl_rate_error"] = rateError,
            ["kinetic_rate_deviation"] = maxInstant,
            ["integrated_rate_deviation"] = maxIntegrated,
            ["anisotropy_rate_error"] = maxFullAnisotropy.Max(),
            ["anisotropy_rate_error_by_species"] = maxFullAnisotropy,
            ["nrl_anisotropy_rate_error"] = maxLikeAnisotropy,
            ["initial_anisotropy"] = ratio,
            ["max_anisotropy_deviation"] = ratio != 1.0 ? maxAnisotropyDeviation : null,
            ["max_energy_drift"] = maxEnergy,
            ["max_momentum_drift"] = maxMomentum,
            ["max_mass_drift"] = maxMass,
            ["entropy_monotone"] = monotone,
            ["min_entropy_drop"] = minEntropyDrop,
            ["max_nonpositive_points"] = nonPositive,
            ["nonpositive_points_by_species"] = nonPositiveBySpecies,
            ["min_relative_value"] = minRelative,
            ["innermost_nonpositive_radius"] = innermostNonPositive.Select(r => double.IsFinite(r) ? r : (double?)null).ToArray(),
            ["evaluations"] = evaluations,
            ["ms_per_eval"] = evaluationCost?.MedianMs,
            ["ms_per_eval_min"] = evaluationCost?.MinMs,
            ["scheme"] = penalized ? "penalized" : "explicit",
            ["explicit_dt"] = explicitStep,
            ["step_over_explicit_limit"] = dt / explicitStep,
            ["stiffness"] = stiffness,
            ["history"] = history,
            ["relaxation_time"] = relaxationTime,
            ["relaxation_time_nrl"] = relaxationTimeNrl,
            ["relaxation_steps"] = relaxationSteps,
            ["relaxation_wall_s"] = relaxationWall,
            ["wall_s"] = wall,
        });
        return 0;
    }

    private static double NrlRate(int a, LandauCouplings couplings, double[] masses, double[] temperatures, double[] densities)
    {
        double rate = 0;
        for (int b = 0; b < masses.Length; b++)
        {
            if (b != a)
            {
                rate += CoulombRelaxation.TemperatureRate(couplings[a, b], masses[a], temperatures[a], masses[b], temperatures[b], densities[b]);
            }
        }

        return rate;
    }

    private static double[] Rk4(double[] y, double h, Func<double[], double[]> f)
    {
        double[] k1 = f(y);
        double[] k2 = f(y.Select((x, i) => x + (0.5 * h * k1[i])).ToArray());
        double[] k3 = f(y.Select((x, i) => x + (0.5 * h * k2[i])).ToArray());
        double[] k4 = f(y.Select((x, i) => x + (h * k3[i])).ToArray());
        return y.Select((x, i) => x + (h / 6 * (k1[i] + (2 * k2[i]) + (2 * k3[i]) + k4[i]))).ToArray();
    }

    // min_p F/max F, the smallest |v − u|/√(T/m) over the points where F ≤ 0 (∞ if none), and their number, on one grid.
    private static (double MinRelative, double Radius, long Count) NonPositive(SpeciesGrid grid, ReadOnlySpan<double> q, double mass, (double Density, Velocity3 Momentum, double Energy, double Temperature) moments)
    {
        double low = double.PositiveInfinity, radius = double.PositiveInfinity, max = 0;
        long count = 0;
        foreach (double x in q)
        {
            max = Math.Max(max, x);
        }

        Velocity3 u = moments.Momentum / (mass * moments.Density);
        double speed = Math.Sqrt(moments.Temperature / mass);
        for (int p = 0; p < q.Length; p++)
        {
            low = Math.Min(low, q[p] / max);
            if (q[p] <= 0)
            {
                count++;
                radius = Math.Min(radius, (grid.Point(p) - u).Length / speed);
            }
        }

        return (low, radius, count);
    }

    private static Velocity3 Sum(IEnumerable<Velocity3> values) => values.Aggregate(Velocity3.Zero, (x, y) => x + y);

    private static (double Density, Velocity3 Momentum, double Energy, double Temperature)[] Measure(SpeciesGrids grids, ReadOnlySpan<double> f, double[] masses)
    {
        var result = new (double, Velocity3, double, double)[masses.Length];
        for (int a = 0; a < masses.Length; a++)
        {
            var (density, momentum, energy) = SpeciesGridStepper.Moments(grids[a], grids.Slice(f, a), masses[a]);
            double temperature = 2.0 / 3.0 * (energy - (momentum.LengthSquared / (2 * masses[a] * density))) / density;
            result[a] = (density, momentum, energy, temperature);
        }

        return result;
    }
}
