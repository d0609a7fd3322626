using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Landau;
using Kinetics.Landau.Plasma;
using Kinetics.Mixtures;
using Xunit.Abstractions;

namespace Kinetics.Tests.Landau.Plasma;

public class CoulombRelaxationTests(ITestOutputHelper output)
{
    [Fact]
    public void EquilibrationFrequency_ReproducesTheNrlFormularyConstant()
    {
        // NRL Plasma Formulary: ν̄_ε^{α|β} = 1.8e-19 (m_α m_β)^{1/2} Z_α² Z_β² n_β lnΛ / (m_α T_β + m_β T_α)^{3/2} s⁻¹,
        // masses in g, n in cm⁻³, T in eV. With c = 2π e⁴ lnΛ (Flynn–Guo), e = 4.80320e-10 esu, T in erg:
        const double e = 4.80320471e-10, ev = 1.602176634e-12, me = 9.1093837e-28, mp = 1.67262192e-24;
        double n = 1e14, lnLambda = 15, te = 2000, ti = 1000;
        double coupling = 2 * Math.PI * Math.Pow(e, 4) * lnLambda;
        double nu = CoulombRelaxation.EquilibrationFrequency(coupling, mp, ti * ev, me, te * ev, n);
        double nrl = 1.8e-19 * Math.Sqrt(me * mp) * n * lnLambda / Math.Pow((mp * te) + (me * ti), 1.5);

        // The formulary rounds (8/3)√(2π) e⁴/(1 eV)^{3/2} = 1.7545e-19 to 1.8e-19: ratio 0.9747.
        output.WriteLine($"ν = {nu:E6} s⁻¹, NRL {nrl:E6}, ratio {nu / nrl:F6}");
        Assert.Equal(1.7545e-19 / 1.8e-19, nu / nrl, 3);
    }

    [Fact]
    public void TemperatureRate_IsTwoThirdsOfTheEnergyExchangePerParticle()
    {
        // Independent of LandauMaxwellian's form (θ-variables): dT_a/dt = (2/3) W_a / n_a.
        var a = new MacroscopicState(0.7, 1.3);
        var b = new MacroscopicState(1.9, 0.4);
        double w = LandauMaxwellian.EnergyExchangeRate(2.5, a, 0.3, b, 5.0, LandauNormalization.FlynnGuo);
        double rate = CoulombRelaxation.TemperatureRate(2.5, 0.3, 1.3, 5.0, 0.4, 1.9);
        Assert.Equal(2.0 / 3.0 * w / 0.7, rate, 14);
    }

    [Fact]
    public void GaussianChargeField_SeriesAndClosedFormAgreeAtTheSwitch()
    {
        double variance = 1.7, x = 1e-2, r = x * Math.Sqrt(2 * variance);
        var below = CoulombRelaxation.GaussianChargeField(new Velocity3(0, 0, r * (1 - 1e-9)), variance);
        var above = CoulombRelaxation.GaussianChargeField(new Velocity3(0, 0, r * (1 + 1e-9)), variance);
        Assert.Equal(1.0, below.Z / above.Z, 7);

        // Far field: a unit charge, E → U/|U|³.
        var far = CoulombRelaxation.GaussianChargeField(new Velocity3(30, 0, 0), 1.0);
        Assert.Equal(1.0 / 900.0, far.X, 12);
    }

    [Theory]
    [InlineData(1.0, 0.3)]
    [InlineData(4.0, 0.3)]
    [InlineData(4.0, 1.5)]
    public void FrictionRate_MatchesTheOperatorForDriftingMaxwellians(double ratio, double drift)
    {
        // Two Maxwellians with relative drift U along x, each on its own grid centred on its bulk velocity: the exchanged
        // momentum m_a∫v Q_ab of SpeciesGridLandauOperator against the erf closed form (not only the slow-drift limit).
        var mixture = new Mixture(new Species("light", 1.0, 1.0), new Species("heavy", ratio, 1.0));
        var ua = new Velocity3(drift, 0, 0);
        var grids = SpeciesGrids.ForMaxwellians(mixture, [1.3, 0.7], [ua, Velocity3.Zero], 32);
        var op = SpeciesGridLandauOperator.Create(grids, mixture, LandauCouplings.Uniform(2), LandauKernel.Coulomb(LandauNormalization.FlynnGuo));
        var sa = new MacroscopicState(1.0, ua, 1.3);
        var sb = new MacroscopicState(0.8, Velocity3.Zero, 0.7);
        double[] f = new double[grids.TotalCount];
        for (int p = 0; p < grids.Count(0); p++)
        {
            f[p] = Maxwellian.Evaluate(sa, 1.0, grids[0].Point(p));
        }

        for (int p = 0; p < grids.Count(1); p++)
        {
            f[grids.Offset(1) + p] = Maxwellian.Evaluate(sb, ratio, grids[1].Point(p));
        }

        double[] q = new double[grids.Count(0)];
        op.EvaluatePair(0, 1, f, q, op.CreateWorkspace());
        double px = 0;
        for (int p = 0; p < q.Length; p++)
        {
            px += grids[0].Point(p).X * q[p];
        }

        px *= grids[0].CellVolume;
        double exact = CoulombRelaxation.FrictionRate(1.0, 1.0, sa, ratio, sb).X;
        double error = Math.Abs(px - exact) / Math.Abs(exact);
        output.WriteLine($"1:{ratio}, U = {drift}: operator {px:E8}, closed form {exact:E8}, rel. error {error:E2}");
        Assert.True(exact < 0, "friction opposes the drift");
        Assert.InRange(error, 0, 1e-5);
    }
}
