namespace Kinetics.Landau;

/// <summary>
/// The isotropic (radial) Landau–Coulomb operator of docs/math#radial-landau-coulomb in the Gualdani–Winter normalisation,
/// ∂_tF = ρ^{−2}∂_ρ[ρ²(λ₁[F]∂_ρF − ∂_ρa[F] F)], discretised in conservative finite-volume form on a
/// <see cref="RadialLandauGrid"/>. Mass and the discrete energy 4πΣc_i²F_iV_i are conserved to round-off, and every
/// discrete Maxwellian F_i = n(2πT)^{−3/2}e^{−c_i²/(2T)} is an exact discrete equilibrium. Immutable, thread-safe.
/// </summary>
/// <remarks>
/// <para>Derivation (this file's own; the symmetric form is what makes conservation exact). Angular averaging of the
/// Landau flux ∫Φ(v−w)[F(w)∇F(v) − F(v)∇F(w)]dw for radial F gives the face flux
/// J(ρ) = ∫₀^∞ s² β(ρ,s)[(s/ρ) F(s)F′(ρ) − F(ρ)F′(s)] ds with the symmetric kernel β(ρ,s) = min(ρ,s)/(3 max(ρ,s)²);
/// expanding the two branches reproduces λ₁ = (1/3ρ³)∫₀^ρFs⁴ + (1/3)∫_ρ^∞Fs and −∂_ρa = ρ^{−2}∫₀^ρ s²F of
/// docs/math#radial-landau-coulomb. Discretely the s-integral is the sum over interior faces f_l with weights
/// w_l = c_{l+1} − c_l, F′ at a face is (F_{l+1} − F_l)/w_l and F at a face is the logarithmic mean of F_l, F_{l+1}
/// (arithmetic mean where a value is ≤ 0). The energy rate −2Σ_k w_k f_k³ J_k is then a double sum antisymmetric in
/// (k, l), hence zero; for a Maxwellian ln F is linear in ρ², so F′/F̄ = −f/T at every face and each flux vanishes.
/// Both branches of β are separable, so one evaluation costs O(N) (prefix sums).</para>
/// <para>For the Flynn–Guo normalisation multiply time by 1/(8π) (Q₀₀₄ = 8πQ₀₀₃).</para>
/// </remarks>
public sealed class RadialLandauOperator
{
    private RadialLandauOperator(RadialLandauGrid grid) => Grid = grid;

    /// <summary>Creates the operator on <paramref name="grid"/>.</summary>
    /// <param name="grid">The radial grid.</param>
    public static RadialLandauOperator Create(RadialLandauGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return new RadialLandauOperator(grid);
    }

    /// <summary>The radial grid.</summary>
    public RadialLandauGrid Grid { get; }

    /// <summary>Q(F, F) at the cell centres.</summary>
    /// <param name="values">F at the N centres (not modified).</param>
    /// <param name="destination">N values of Q(F, F).</param>
    /// <param name="workspace">Scratch for this grid.</param>
    public void Evaluate(ReadOnlySpan<double> values, Span<double> destination, RadialLandauWorkspace workspace)
    {
        using var lease = RadialLandauWorkspace.Enter(workspace, Grid);
        Guard.Length(values.Length, Grid.Count, nameof(values));
        Guard.Length(destination.Length, Grid.Count, nameof(destination));
        Guard.AllFinite(values);
        FieldCoefficients(values, workspace.Diffusion, workspace.Friction, workspace.MeanRatio);
        ApplyFrozen(values, workspace.Diffusion, workspace.Friction, workspace.MeanRatio, destination);
    }

    /// <summary>Allocating convenience: Q(F, F).</summary>
    /// <param name="values">F at the N centres.</param>
    /// <returns>Q(F, F).</returns>
    public double[] Evaluate(ReadOnlySpan<double> values)
    {
        var q = new double[Grid.Count];
        Evaluate(values, q, new RadialLandauWorkspace(Grid));
        return q;
    }

    /// <summary>
    /// The discrete λ₁[F] and ∂_ρa[F] at the interior faces f_k (k = 0 … N−2): the diffusion and friction
    /// coefficients of the flux J_k = λ₁ F′ − ∂_ρa · F̄.
    /// </summary>
    /// <param name="values">F at the centres.</param>
    /// <param name="parallelEigenvalue">N − 1 values of λ₁ at the faces.</param>
    /// <param name="potentialDerivative">N − 1 values of ∂_ρa at the faces.</param>
    public void FaceFields(ReadOnlySpan<double> values, Span<double> parallelEigenvalue, Span<double> potentialDerivative)
    {
        Guard.Length(values.Length, Grid.Count, nameof(values));
        Guard.Length(parallelEigenvalue.Length, Grid.Count - 1, nameof(parallelEigenvalue));
        Guard.Length(potentialDerivative.Length, Grid.Count - 1, nameof(potentialDerivative));
        Guard.AllFinite(values);
        Span<double> ratio = new double[Grid.Count - 1];
        FieldCoefficients(values, parallelEigenvalue, potentialDerivative, ratio);
    }

    // D_k = (1/3)[f_k^{-3}Σ_{l<k} w_l f_l⁴F̄_l + Σ_{l≥k} w_l f_l F̄_l],  E_k = (1/3)[f_k^{-2}Σ_{l<k} f_l³ΔF_l + f_kΣ_{l≥k} ΔF_l],
    // ΔF_l = F_{l+1} − F_l; ratio_k = F̄_k / ((F_k + F_{k+1})/2).
    internal void FieldCoefficients(ReadOnlySpan<double> f, Span<double> diffusion, Span<double> friction, Span<double> ratio)
    {
        ReadOnlySpan<double> c = Grid.Centers, faces = Grid.Faces;
        int m = Grid.Count - 1;
        double upper1 = 0, upper0 = 0;
        for (int l = 0; l < m; l++)
        {
            double mean = LogarithmicMean(f[l], f[l + 1]);
            double arithmetic = 0.5 * (f[l] + f[l + 1]);
            ratio[l] = arithmetic != 0 ? mean / arithmetic : 1.0;
            diffusion[l] = mean; // temporarily F̄_l
            upper1 += (c[l + 1] - c[l]) * faces[l] * mean;
            upper0 += f[l + 1] - f[l];
        }

        double lower4 = 0, lower3 = 0;
        for (int k = 0; k < m; k++)
        {
            double fk = faces[k], mean = diffusion[k], jump = f[k + 1] - f[k];
            double d = ((lower4 / (fk * fk * fk)) + upper1) / 3.0;
            double e = ((lower3 / (fk * fk)) + (fk * upper0)) / 3.0;
            lower4 += (c[k + 1] - c[k]) * fk * fk * fk * fk * mean;
            lower3 += fk * fk * fk * jump;
            upper1 -= (c[k + 1] - c[k]) * fk * mean;
            upper0 -= jump;
            diffusion[k] = d;
            friction[k] = e;
        }
    }

    // Q_i = (f_i² J_i − f_{i−1}² J_{i−1}) / V_i with J_k = D_k (G_{k+1} − G_k)/w_k − E_k ratio_k (G_k + G_{k+1})/2.
    internal void ApplyFrozen(ReadOnlySpan<double> g, ReadOnlySpan<double> diffusion, ReadOnlySpan<double> friction, ReadOnlySpan<double> ratio, Span<double> destination)
    {
        ReadOnlySpan<double> c = Grid.Centers, faces = Grid.Faces, volumes = Grid.Volumes;
        int n = Grid.Count;
        double previous = 0;
        for (int i = 0; i < n; i++)
        {
            double current = 0;
            if (i < n - 1)
            {
                double flux = (diffusion[i] * (g[i + 1] - g[i]) / (c[i + 1] - c[i])) - (friction[i] * ratio[i] * 0.5 * (g[i] + g[i + 1]));
                current = faces[i] * faces[i] * flux;
            }

            destination[i] = (current - previous) / volumes[i];
            previous = current;
        }
    }

    /// <summary>(b − a)/(ln b − ln a) for a, b &gt; 0 (series near a = b); (a + b)/2 otherwise.</summary>
    internal static double LogarithmicMean(double a, double b)
    {
        if (!(a > 0 && b > 0))
        {
            return 0.5 * (a + b);
        }

        double x = (b - a) / (b + a);
        if (Math.Abs(x) < 1e-3)
        {
            double x2 = x * x;
            return 0.5 * (a + b) * (1.0 - (x2 * ((1.0 / 3.0) + (x2 * (4.0 / 45.0)))));
        }

        return (b - a) / Math.Log(b / a);
    }
}
