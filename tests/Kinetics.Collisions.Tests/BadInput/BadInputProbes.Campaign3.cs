using FsCheck.Fluent;
using Kinetics.Distributions;
using Kinetics.Dynamics;
using Kinetics.Grids;
using Kinetics.Landau;
using Kinetics.Landau.MasslessElectron;
using Kinetics.Landau.Plasma;
using static Kinetics.Tests.BadInput.BadInputFixtures;
using static Kinetics.Tests.BadInput.BadInputGenerators;
using static Kinetics.Tests.BadInput.BadInputProbeFactory;

namespace Kinetics.Tests.BadInput;

// The entry points added after the second campaign: the plasma Landau operator and the Coulomb relaxation rates, the
// massless-electron operators and closed forms (with their workspaces), and the per-species-grid solver.
internal static partial class BadInputProbes
{
    private static readonly Lazy<PlasmaLandauOperator> LazyPlasma = new(() => PlasmaLandauOperator.Create(Split, Pair, LandauCouplings.Uniform(2), LandauKernel.Coulomb()));

    private static readonly SpeciesGrid IonGrid = new(new CartesianGrid(8, 6.0));

    private static readonly SpeciesGrid ElectronGrid = new(new CartesianGrid(8, 8.0));

    private static readonly Lazy<MasslessElectronLandauOperator> LazyMassless = new(() => MasslessElectronLandauOperator.Create(IonGrid, ElectronGrid, 0.5));

    private static readonly Lazy<LorentzOperator> LazyLorentz = new(() => LorentzOperator.Create(ElectronGrid));

    private static readonly Lazy<ConstantFrictionOperator> LazyFriction = new(() => ConstantFrictionOperator.Create(IonGrid));

    private static ISpeciesGridCollisionOperator SplitView => LazySplitLandau.Value;

    private static double[] Gaussian(SpeciesGrid grid)
    {
        var f = new double[grid.Count];
        for (int p = 0; p < f.Length; p++)
        {
            f[p] = Math.Exp(-(grid.Point(p) - grid.Centre).LengthSquared / 2);
        }

        return f;
    }

    private static IEnumerable<Probe> Campaign3()
    {
        // Coulomb relaxation rates.
        var unit = MacroscopicState.Unit;
        yield return Arg("CoulombRelaxation.EquilibrationFrequency", "coupling", Negative, c => CoulombRelaxation.EquilibrationFrequency(c, 1, 1, 2, 1, 1));
        yield return Arg("CoulombRelaxation.EquilibrationFrequency", "massA", NonPositive, m => CoulombRelaxation.EquilibrationFrequency(1, m, 1, 2, 1, 1));
        yield return Arg("CoulombRelaxation.EquilibrationFrequency", "temperatureB", NonPositive, t => CoulombRelaxation.EquilibrationFrequency(1, 1, 1, 2, t, 1));
        yield return Arg("CoulombRelaxation.EquilibrationFrequency", "densityB", Negative, n => CoulombRelaxation.EquilibrationFrequency(1, 1, 1, 2, 1, n));
        yield return Arg("CoulombRelaxation.EquilibrationFrequency", "normalization", Undefined<LandauNormalization>(), z => CoulombRelaxation.EquilibrationFrequency(1, 1, 1, 2, 1, 1, z));
        yield return Arg("CoulombRelaxation.TemperatureRate", "temperatureA", NonPositive, t => CoulombRelaxation.TemperatureRate(1, 1, t, 2, 1, 1));
        yield return Arg("CoulombRelaxation.TemperatureRate", "massB", NonPositive, m => CoulombRelaxation.TemperatureRate(1, 1, 1, m, 1, 1));
        yield return Arg("CoulombRelaxation.FrictionRate", "coupling", Negative, c => CoulombRelaxation.FrictionRate(c, 1, unit, 2, unit));
        yield return Arg("CoulombRelaxation.FrictionRate", "massB", NonPositive, m => CoulombRelaxation.FrictionRate(1, 1, unit, m, unit));
        yield return Arg("CoulombRelaxation.FrictionRate", "normalization", Undefined<LandauNormalization>(), z => CoulombRelaxation.FrictionRate(1, 1, unit, 2, unit, z));
        yield return Arg("CoulombRelaxation.GaussianChargeField", "variance", NonPositive, s => CoulombRelaxation.GaussianChargeField(new Velocity3(1, 0, 0), s));
        yield return Arg("CoulombRelaxation.GaussianChargeField", "u", NonFiniteVelocity, u => CoulombRelaxation.GaussianChargeField(u, 1.0));

        // Anisotropic (two-temperature) relaxation.
        var iso = new AnisotropicMaxwellian(1, 1, 1);
        yield return Arg("AnisotropicRelaxation.TemperatureRates", "coupling", Negative, c => AnisotropicRelaxation.TemperatureRates(c, 1, iso, 2, iso));
        yield return Arg("AnisotropicRelaxation.TemperatureRates", "massA", NonPositive, m => AnisotropicRelaxation.TemperatureRates(1, m, iso, 2, iso));
        yield return Arg("AnisotropicRelaxation.TemperatureRates", "massB", NonPositive, m => AnisotropicRelaxation.TemperatureRates(1, 1, iso, m, iso));
        yield return Arg("AnisotropicRelaxation.TemperatureRates", "normalization", Undefined<LandauNormalization>(), z => AnisotropicRelaxation.TemperatureRates(1, 1, iso, 2, iso, z));
        yield return Arg("AnisotropicRelaxation.NrlIsotropizationFrequency", "coupling", Negative, c => AnisotropicRelaxation.NrlIsotropizationFrequency(c, 1, iso));
        yield return Arg("AnisotropicRelaxation.NrlIsotropizationFrequency", "mass", NonPositive, m => AnisotropicRelaxation.NrlIsotropizationFrequency(1, m, iso));
        yield return Arg("AnisotropicRelaxation.NrlIsotropizationFrequency", "normalization", Undefined<LandauNormalization>(), z => AnisotropicRelaxation.NrlIsotropizationFrequency(1, 1, iso, z));
        yield return Arg("AnisotropicMaxwellian", "density", Negative, n => _ = new AnisotropicMaxwellian(n, 1, 1));
        yield return Arg("AnisotropicMaxwellian", "parallelTemperature", NonPositive, t => _ = new AnisotropicMaxwellian(1, t, 1));
        yield return Arg("AnisotropicMaxwellian", "perpendicularTemperature", NonPositive, t => _ = new AnisotropicMaxwellian(1, 1, t));
        yield return Arg("AnisotropicMaxwellian.Evaluate", "mass", NonPositive, m => iso.Evaluate(m, Velocity3.Zero));

        // Plasma Landau operator.
        int total = Split.TotalCount;
        yield return Arg("PlasmaLandauOperator.Create", "expansionThreshold", Gen.OneOf(Negative, Gen.Elements(100.5, 1e300)), t => PlasmaLandauOperator.Create(Split, Pair, LandauCouplings.Uniform(2), LandauKernel.Coulomb(), t));
        yield return Arg("PlasmaLandauOperator.Form", "a", BadIndex(2), a => LazyPlasma.Value.Form(a, 0));
        yield return Arg("PlasmaLandauOperator.Form", "b", BadIndex(2), b => LazyPlasma.Value.Form(0, b));
        yield return ArgSpan("PlasmaLandauOperator.Evaluate", "distributions", WithNonFinite(SplitMaxwellians()), f => LazyPlasma.Value.Evaluate(f, new double[total], LazyPlasma.Value.CreateWorkspace()));
        yield return Arg("PlasmaLandauOperator.Evaluate", "distributions", Gen.Elements(0, total - 1, total + 1), k => LazyPlasma.Value.Evaluate(new double[k], new double[total], LazyPlasma.Value.CreateWorkspace()));
        yield return Arg("PlasmaLandauOperator.Evaluate", "destination", Gen.Elements(0, total - 1, total + 1), k => LazyPlasma.Value.Evaluate(SplitMaxwellians(), new double[k], LazyPlasma.Value.CreateWorkspace()));
        yield return Arg("PlasmaLandauOperator.Evaluate", "workspace", Gen.Constant(0), _ =>
            LazyPlasma.Value.Evaluate(SplitMaxwellians(), new double[total], PlasmaLandauOperator.Create(Split, Pair, LandauCouplings.Uniform(2), LandauKernel.Coulomb()).CreateWorkspace()));
        yield return Arg("PlasmaLandauOperator.Evaluate", "workspace", Gen.Constant(0), _ => LazyPlasma.Value.Evaluate(SplitMaxwellians(), new double[total], null!));
        yield return ArgSpan("PlasmaLandauOperator.Evaluate", "distributions", WithNonFinite(SplitMaxwellians()), f => LazyPlasma.Value.Evaluate(f));
        yield return Arg("PlasmaLandauOperator.EvaluatePair", "alpha", BadIndex(2), a => LazyPlasma.Value.EvaluatePair(a, 0, SplitMaxwellians(), new double[Split.Count(0)], LazyPlasma.Value.CreateWorkspace()));
        yield return Arg("PlasmaLandauOperator.EvaluatePair", "beta", BadIndex(2), b => LazyPlasma.Value.EvaluatePair(0, b, SplitMaxwellians(), new double[Split.Count(0)], LazyPlasma.Value.CreateWorkspace()));
        yield return ArgSpan("PlasmaLandauOperator.EvaluatePair", "distributions", WithNonFinite(SplitMaxwellians()), f => LazyPlasma.Value.EvaluatePair(1, 0, f, new double[Split.Count(1)], LazyPlasma.Value.CreateWorkspace()));
        yield return Arg("PlasmaLandauOperator.EvaluatePair", "destination", Gen.Elements(0, Split.Count(1) - 1), k => LazyPlasma.Value.EvaluatePair(1, 0, SplitMaxwellians(), new double[k], LazyPlasma.Value.CreateWorkspace()));

        // Massless-electron operators and closed forms.
        int ions = IonGrid.Count, electrons = ElectronGrid.Count;
        yield return Arg("MasslessElectronLandauOperator.Create", "epsilon", Gen.OneOf(NonPositive, Gen.Elements(1.5, 1e300)), e => MasslessElectronLandauOperator.Create(IonGrid, ElectronGrid, e));
        yield return Arg("MasslessElectronLandauOperator.Create", "expansionThreshold", Gen.OneOf(Negative, Gen.Elements(101.0)), t => MasslessElectronLandauOperator.Create(IonGrid, ElectronGrid, 0.5, t));
        yield return Arg("MasslessElectronLandauOperator.Create", "ionGrid", Gen.Constant(0), _ => MasslessElectronLandauOperator.Create(null!, ElectronGrid, 0.5));
        yield return Arg("MasslessElectronLandauOperator.Create", "electronGrid", Gen.Constant(0), _ => MasslessElectronLandauOperator.Create(IonGrid, null!, 0.5));
        yield return ArgSpan("MasslessElectronLandauOperator.EvaluateSystem", "ions", WithNonFinite(Gaussian(IonGrid)), f => LazyMassless.Value.EvaluateSystem(f, Gaussian(ElectronGrid), new double[ions], new double[electrons], LazyMassless.Value.CreateWorkspace()));
        yield return ArgSpan("MasslessElectronLandauOperator.EvaluateSystem", "electrons", WithNonFinite(Gaussian(ElectronGrid)), g => LazyMassless.Value.EvaluateSystem(Gaussian(IonGrid), g, new double[ions], new double[electrons], LazyMassless.Value.CreateWorkspace()));
        yield return Arg("MasslessElectronLandauOperator.EvaluateSystem", "ions", Gen.Elements(0, ions - 1, ions + 1), k => LazyMassless.Value.EvaluateSystem(new double[k], Gaussian(ElectronGrid), new double[ions], new double[electrons], LazyMassless.Value.CreateWorkspace()));
        yield return Arg("MasslessElectronLandauOperator.EvaluateSystem", "electronRate", Gen.Elements(0, electrons - 1), k => LazyMassless.Value.EvaluateSystem(Gaussian(IonGrid), Gaussian(ElectronGrid), new double[ions], new double[k], LazyMassless.Value.CreateWorkspace()));
        yield return Arg("MasslessElectronLandauOperator.EvaluateSystem", "workspace", Gen.Constant(0), _ =>
            LazyMassless.Value.EvaluateSystem(Gaussian(IonGrid), Gaussian(ElectronGrid), new double[ions], new double[electrons], MasslessElectronLandauOperator.Create(IonGrid, ElectronGrid, 0.5).CreateWorkspace()));
        yield return ArgSpan("MasslessElectronLandauOperator.EvaluateIonCross", "electrons", WithNonFinite(Gaussian(ElectronGrid)), g => LazyMassless.Value.EvaluateIonCross(g, Gaussian(IonGrid), new double[ions], LazyMassless.Value.CreateWorkspace()));
        yield return Arg("MasslessElectronLandauOperator.EvaluateIonCross", "destination", Gen.Elements(0, ions + 1), k => LazyMassless.Value.EvaluateIonCross(Gaussian(ElectronGrid), Gaussian(IonGrid), new double[k], LazyMassless.Value.CreateWorkspace()));
        yield return Arg("MasslessElectronLandauOperator.EvaluateIonCross", "workspace", Gen.Constant(0), _ => LazyMassless.Value.EvaluateIonCross(Gaussian(ElectronGrid), Gaussian(IonGrid), new double[ions], null!));
        yield return ArgSpan("MasslessElectronLandauOperator.EvaluateElectronCross", "ions", WithNonFinite(Gaussian(IonGrid)), f => LazyMassless.Value.EvaluateElectronCross(f, Gaussian(ElectronGrid), new double[electrons], LazyMassless.Value.CreateWorkspace()));
        yield return Arg("MasslessElectronLandauOperator.EvaluateElectronCross", "electrons", Gen.Elements(0, electrons - 1), k => LazyMassless.Value.EvaluateElectronCross(Gaussian(IonGrid), new double[k], new double[electrons], LazyMassless.Value.CreateWorkspace()));
        yield return Arg("MasslessElectronLandauOperator.EvaluateElectronCross", "workspace", Gen.Constant(0), _ =>
            LazyMassless.Value.EvaluateElectronCross(Gaussian(IonGrid), Gaussian(ElectronGrid), new double[electrons], MasslessElectronLandauOperator.Create(IonGrid, ElectronGrid, 0.5).CreateWorkspace()));
        yield return Arg("LorentzOperator.Create", "grid", Gen.Constant(0), _ => LorentzOperator.Create(null!));
        yield return Arg("LorentzOperator.Evaluate", "ionDensity", Negative, n => LazyLorentz.Value.Evaluate(n, Velocity3.Zero, Gaussian(ElectronGrid), new double[electrons], LazyLorentz.Value.CreateWorkspace()));
        yield return Arg("LorentzOperator.Evaluate", "centre", NonFiniteVelocity, c => LazyLorentz.Value.Evaluate(1, c, Gaussian(ElectronGrid), new double[electrons], LazyLorentz.Value.CreateWorkspace()));
        yield return ArgSpan("LorentzOperator.Evaluate", "electrons", WithNonFinite(Gaussian(ElectronGrid)), g => LazyLorentz.Value.Evaluate(1, Velocity3.Zero, g, new double[electrons], LazyLorentz.Value.CreateWorkspace()));
        yield return Arg("LorentzOperator.Evaluate", "destination", Gen.Elements(0, electrons - 1, electrons + 1), k => LazyLorentz.Value.Evaluate(1, Velocity3.Zero, Gaussian(ElectronGrid), new double[k], LazyLorentz.Value.CreateWorkspace()));
        yield return Arg("LorentzOperator.Evaluate", "workspace", Gen.Constant(0), _ => LazyLorentz.Value.Evaluate(1, Velocity3.Zero, Gaussian(ElectronGrid), new double[electrons], LorentzOperator.Create(ElectronGrid).CreateWorkspace()));
        yield return Arg("LorentzOperator.Evaluate", "workspace", Gen.Constant(0), _ => LazyLorentz.Value.Evaluate(1, Velocity3.Zero, Gaussian(ElectronGrid), new double[electrons], null!));
        yield return Arg("ConstantFrictionOperator.Create", "grid", Gen.Constant(0), _ => ConstantFrictionOperator.Create(null!));
        yield return Arg("ConstantFrictionOperator.FrictionVector", "grid", Gen.Constant(0), _ => ConstantFrictionOperator.FrictionVector(null!, Gaussian(ElectronGrid)));
        yield return ArgSpan("ConstantFrictionOperator.FrictionVector", "electrons", WithNonFinite(Gaussian(ElectronGrid)), g => ConstantFrictionOperator.FrictionVector(ElectronGrid, g));
        yield return Arg("ConstantFrictionOperator.FrictionVector", "electrons", Gen.Elements(0, electrons - 1), k => ConstantFrictionOperator.FrictionVector(ElectronGrid, new double[k]));
        yield return Arg("ConstantFrictionOperator.Evaluate", "friction", NonFiniteVelocity, c => LazyFriction.Value.Evaluate(c, Gaussian(IonGrid), new double[ions], LazyFriction.Value.CreateWorkspace()));
        yield return ArgSpan("ConstantFrictionOperator.Evaluate", "ions", WithNonFinite(Gaussian(IonGrid)), f => LazyFriction.Value.Evaluate(new Velocity3(1, 0, 0), f, new double[ions], LazyFriction.Value.CreateWorkspace()));
        yield return Arg("ConstantFrictionOperator.Evaluate", "destination", Gen.Elements(0, ions - 1, ions + 1), k => LazyFriction.Value.Evaluate(new Velocity3(1, 0, 0), Gaussian(IonGrid), new double[k], LazyFriction.Value.CreateWorkspace()));
        yield return Arg("ConstantFrictionOperator.Evaluate", "workspace", Gen.Constant(0), _ => LazyFriction.Value.Evaluate(new Velocity3(1, 0, 0), Gaussian(IonGrid), new double[ions], ConstantFrictionOperator.Create(IonGrid).CreateWorkspace()));
        yield return Arg("ConstantFrictionOperator.Evaluate", "workspace", Gen.Constant(0), _ =>
        {
            // A Lorentz workspace of the same grid size is still foreign.
            var lorentz = LorentzOperator.Create(IonGrid);
            LazyFriction.Value.Evaluate(new Velocity3(1, 0, 0), Gaussian(IonGrid), new double[ions], lorentz.CreateWorkspace());
        });
        yield return Arg("MasslessElectronClosedForms.EnergyExchangeRate", "epsilon", Gen.OneOf(NonPositive, Gen.Elements(1.0000001, 2.0)), e => MasslessElectronClosedForms.EnergyExchangeRate(e, 1, 1));
        yield return Arg("MasslessElectronClosedForms.EnergyExchangeRate", "electronBeta", NonPositive, b => MasslessElectronClosedForms.EnergyExchangeRate(0.5, b, 1));
        yield return Arg("MasslessElectronClosedForms.EnergyExchangeRateLeading", "ionBeta", NonPositive, b => MasslessElectronClosedForms.EnergyExchangeRateLeading(0.5, 1, b));
        yield return Arg("MasslessElectronClosedForms.MomentumFriction", "ionDrift", NonFiniteVelocity, u => MasslessElectronClosedForms.MomentumFriction(0.5, 1, 1, u));
        yield return Arg("MasslessElectronClosedForms.MomentumFriction", "ionBeta", NonPositive, b => MasslessElectronClosedForms.MomentumFriction(0.5, 1, b, Velocity3.Zero));
        yield return Arg("MasslessElectronClosedForms.MomentumFrictionLeading", "electronBeta", NonPositive, b => MasslessElectronClosedForms.MomentumFrictionLeading(0.5, b, Velocity3.Zero));
        yield return Arg("MasslessElectronClosedForms.MomentumFrictionLeading", "ionDrift", NonFiniteVelocity, u => MasslessElectronClosedForms.MomentumFrictionLeading(0.5, 1, u));

        // Per-species-grid solver and its operator interface.
        var view = SplitView;
        yield return ArgSpan("ISpeciesGridCollisionOperator.Evaluate", "distributions", WithNonFinite(SplitMaxwellians()), f => view.Evaluate(f, new double[total]));
        yield return Arg("ISpeciesGridCollisionOperator.Evaluate", "destination", Gen.Elements(0, total - 1, total + 1), k => view.Evaluate(SplitMaxwellians(), new double[k]));
        yield return Arg("ISpeciesGridCollisionOperator.Evaluate", "distributions", Gen.Elements(0, total - 1, total + 1), k => view.Evaluate(new double[k], new double[total]));
        yield return Arg("SpeciesGridSolver(.ctor)", "collisionOperator", Gen.Constant(0), z => _ = SpeciesGridSolver.Create(null!));
        yield return Arg("SpeciesGridSolver(.ctor)", "options", Gen.Elements(true, false), s => _ = SpeciesGridSolver.Create(view, new SpaceHomogeneousOptions { SteadyStatePreserving = s, EquilibriumLimiter = !s }));
        yield return Arg("SpeciesGridSolver(.ctor)", "Courant", NonPositive, c => _ = SpeciesGridSolver.Create(view, new SpaceHomogeneousOptions { Courant = c }));
        var solver = SpeciesGridSolver.Create(view);
        yield return ArgSpan("SpeciesGridSolver.Run", "initial", WithNonFinite(SplitMaxwellians()), f => solver.Run(f, 0.1));
        yield return Arg("SpeciesGridSolver.Run", "initial", Gen.Elements(0, total - 1, total + 1), k => solver.Run(new double[k], 0.1));
        yield return Arg("SpeciesGridSolver.Run", "finalTime", Negative, t => solver.Run(SplitMaxwellians(), t));
    }
}
