namespace Kinetics.Landau.Plasma;

/// <summary>
/// Closed forms for the Coulomb-Landau relaxation of temperature anisotropy (T∥ ≠ T⊥) between species at rest with
/// <see cref="AnisotropicMaxwellian"/> distributions, in the units of <see cref="CoulombRelaxation"/>:
/// ∂_t F_a = Σ_b c_ab Q_ab(F_a, F_b), Q_ab = (1/m_a)∇·∫Φ(v−v'){F_b'∇F_a/m_a − F_a∇'F_b'/m_b}dv', Φ(z) = p(I − ẑẑᵀ)/|z|,
/// k_B = 1 (docs/massless-electrons.md#temperature-isotropisation).
/// </summary>
/// <remarks>
/// The exact rates follow from averaging over the relative velocity g = v − v', which is Gaussian with variances
/// s⊥ = T⊥a/m_a + T⊥b/m_b across z and s∥ = T∥a/m_a + T∥b/m_b along z; the remaining angular integrals are elementary
/// (series for |s∥/s⊥ − 1| ≤ 1/2, arcsinh/arcsin forms otherwise). For like particles they coincide with the NRL Plasma
/// Formulary's isotropisation rate (<see cref="NrlIsotropizationFrequency"/>); for isotropic species with Spitzer's
/// equilibration (<see cref="CoulombRelaxation.TemperatureRate"/>).
/// </remarks>
public static class AnisotropicRelaxation
{
    private const double SeriesRadius = 0.5;
    private const int SeriesBudget = 200;

    /// <summary>
    /// dT∥_a/dt and dT⊥_a/dt of species a under c_ab Q_ab(F_a, F_b), for F_a and F_b anisotropic Maxwellians at rest
    /// with the same axis z (exact, any masses and temperatures). For b = a (the same species) pass the same state twice.
    /// </summary>
    /// <param name="coupling">c_ab ≥ 0.</param>
    /// <param name="massA">m_a &gt; 0.</param>
    /// <param name="stateA">Species a (n_a, T∥a, T⊥a).</param>
    /// <param name="massB">m_b &gt; 0.</param>
    /// <param name="stateB">Species b (n_b, T∥b, T⊥b).</param>
    /// <param name="normalization">Kernel prefactor convention (p).</param>
    /// <returns>The rates of species a's two temperatures.</returns>
    public static AnisotropicTemperatureRates TemperatureRates(double coupling, double massA, AnisotropicMaxwellian stateA, double massB, AnisotropicMaxwellian stateB, LandauNormalization normalization = LandauNormalization.FlynnGuo)
    {
        Guard.NonNegative(coupling);
        Guard.Positive(massA);
        Guard.Positive(massB);
        double p = normalization.Prefactor();
        double aPar = stateA.ParallelTemperature / massA, aPerp = stateA.PerpendicularTemperature / massA;
        double bPar = stateB.ParallelTemperature / massB, bPerp = stateB.PerpendicularTemperature / massB;
        double sPar = aPar + bPar, sPerp = aPerp + bPerp;
        var (i0, i1, i2) = AngularMeans(sPar, sPerp);

        // E[v_k (Φ(g)W)_k | g] with W = ∇lnF_a/m_a − ∇'lnF_b'/m_b, summed over k = z (parallel) and k = x, y
        // (perpendicular); the first term is the drift of the mean of W given g, the second the conditional covariance.
        // The differences are formed from the temperature differences, not from reciprocals, so that near isotropy or
        // equal temperatures the rates keep their relative accuracy.
        double spread = ((stateA.PerpendicularTemperature - stateA.ParallelTemperature) / massA) + ((stateB.PerpendicularTemperature - stateB.ParallelTemperature) / massB);
        double drift = ((1.0 / massA) + (1.0 / massB)) * (spread / (sPar * sPerp)) * i2;
        double parallel = (-aPar / sPar * drift)
            + (aPar * bPar / sPar * ((stateA.ParallelTemperature - stateB.ParallelTemperature) / (stateA.ParallelTemperature * stateB.ParallelTemperature)) * i1);
        double perpendicular = (aPerp / sPerp * drift)
            + (aPerp * bPerp / sPerp * ((stateA.PerpendicularTemperature - stateB.PerpendicularTemperature) / (stateA.PerpendicularTemperature * stateB.PerpendicularTemperature)) * (i0 - i1));
        double scale = p * coupling * stateB.Density;
        return new AnisotropicTemperatureRates(-2.0 * scale * parallel, -scale * perpendicular);
    }

    /// <summary>
    /// The NRL Plasma Formulary's temperature isotropisation frequency for like particles, dT⊥/dt = −½dT∥/dt =
    /// −ν_T(T⊥ − T∥), in these units: ν_T = p c n/(√π √m T∥^{3/2}) A⁻²[−3 + (A + 3) tan⁻¹(√A)/√A], A = T⊥/T∥ − 1
    /// (tanh⁻¹(√−A)/√−A for A &lt; 0; the series for |A| ≤ 1/2, whose limit A → 0 is 4/15). With c = 2πe⁴lnΛ this is the
    /// formulary's 2√π e⁴ n lnΛ/(m^{1/2}T∥^{3/2}) A⁻²[…].
    /// </summary>
    /// <param name="coupling">c_aa ≥ 0.</param>
    /// <param name="mass">m &gt; 0.</param>
    /// <param name="state">(n, T∥, T⊥).</param>
    /// <param name="normalization">Kernel prefactor convention (p).</param>
    /// <returns>ν_T.</returns>
    public static double NrlIsotropizationFrequency(double coupling, double mass, AnisotropicMaxwellian state, LandauNormalization normalization = LandauNormalization.FlynnGuo)
    {
        Guard.NonNegative(coupling);
        Guard.Positive(mass);
        double a = (state.PerpendicularTemperature / state.ParallelTemperature) - 1.0;
        double bracket;
        if (Math.Abs(a) <= SeriesRadius)
        {
            // A⁻²[−3 + (A + 3)Σ(−A)^n/(2n+1)] = Σ_{m≥2} (−A)^{m−2}[3/(2m+1) − 1/(2m−1)].
            bracket = 0;
            double power = 1;
            for (int m = 2; m < SeriesBudget; m++)
            {
                double term = power * ((3.0 / ((2 * m) + 1)) - (1.0 / ((2 * m) - 1)));
                bracket += term;
                if (Math.Abs(term) <= 1e-17 * Math.Abs(bracket))
                {
                    break;
                }

                power *= -a;
            }
        }
        else
        {
            double root = Math.Sqrt(Math.Abs(a));
            double f = a > 0 ? Math.Atan(root) / root : Math.Atanh(root) / root;
            bracket = (-3.0 + ((a + 3.0) * f)) / (a * a);
        }

        return normalization.Prefactor() * coupling * state.Density / (Math.Sqrt(Math.PI * mass) * Math.Pow(state.ParallelTemperature, 1.5)) * bracket;
    }

    // For g Gaussian with variances (s⊥, s⊥, s∥): I0 = E[2/|g|], I1 = E[sin²θ/|g|], I2 = E[g_z² sin²θ/|g|], θ the angle of
    // g to z. With g = (√s⊥x, √s⊥y, √s∥z), x, y, z standard normal, u the cosine of (x, y, z) to z and a = s∥/s⊥ − 1:
    // I0 = 2√(2/(πs⊥)) L0, I1 = √(2/(πs⊥))(J0 − J1), I2 = 2√(2/π) s∥ s⊥^{−1/2} (J1 − J2),
    // L0 = ∫₀¹(1 + au²)^{−1/2}du, J_k = ∫₀¹u^{2k}(1 + au²)^{−3/2}du.
    private static (double I0, double I1, double I2) AngularMeans(double sPar, double sPerp)
    {
        double a = (sPar / sPerp) - 1.0;
        double l0, j0, j1, j2;
        if (Math.Abs(a) <= SeriesRadius)
        {
            // (1 + x)^{−1/2} = Σ d_n x^n, (1 + x)^{−3/2} = Σ c_n x^n.
            double d = 1, c = 1, power = 1;
            l0 = j0 = j1 = j2 = 0;
            for (int n = 0; n < SeriesBudget; n++)
            {
                double scaledD = d * power, scaledC = c * power;
                l0 += scaledD / ((2 * n) + 1);
                j0 += scaledC / ((2 * n) + 1);
                j1 += scaledC / ((2 * n) + 3);
                j2 += scaledC / ((2 * n) + 5);
                if (Math.Abs(scaledC) <= 1e-17)
                {
                    break;
                }

                d *= (-0.5 - n) / (n + 1);
                c *= (-1.5 - n) / (n + 1);
                power *= a;
            }
        }
        else
        {
            double root = Math.Sqrt(Math.Abs(a));
            l0 = a > 0 ? Math.Asinh(root) / root : Math.Asin(root) / root;
            double end = Math.Sqrt(1.0 + a);
            j0 = 1.0 / end;
            j1 = (l0 - j0) / a;
            double l1 = (end - l0) / (2.0 * a);
            j2 = (l1 - j1) / a;
        }

        double norm = Math.Sqrt(2.0 / (Math.PI * sPerp));
        return (2.0 * norm * l0, norm * (j0 - j1), 2.0 * norm * sPar * (j1 - j2));
    }
}
