namespace Kinetics.Transport;

/// <summary>
/// Chapman–Enskog transport coefficients of one Sonine approximation, and the Burnett functions they come from
/// (conventions of <see cref="ChapmanEnskog"/>; k_B = 1, code units).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class TransportCoefficients
{
    private readonly double[] _masses;
    private readonly double[] _diffusion;
    private readonly double[] _thermalDiffusion;
    private readonly double[,] _a;
    private readonly double[,] _b;

    internal TransportCoefficients(int order, double temperature, double[] masses, double viscosity, double conductivity, double[] diffusion, double[] thermalDiffusion, double[,] a, double[,] b)
    {
        Order = order;
        Temperature = temperature;
        _masses = masses;
        Viscosity = viscosity;
        ThermalConductivity = conductivity;
        _diffusion = diffusion;
        _thermalDiffusion = thermalDiffusion;
        _a = a;
        _b = b;
    }

    /// <summary>The Sonine approximation order m.</summary>
    public int Order { get; }

    /// <summary>θ.</summary>
    public double Temperature { get; }

    /// <summary>S, the number of species.</summary>
    public int SpeciesCount => _masses.Length;

    /// <summary>Shear viscosity η: the viscous stress is −2η (∇u)° (symmetric traceless part).</summary>
    public double Viscosity { get; }

    /// <summary>Thermal conductivity λ: the heat flux at zero diffusion velocities is −λ∇θ.</summary>
    public double ThermalConductivity { get; }

    /// <summary>Multicomponent diffusion coefficient D_{αβ}: V_α = −Σ_β D_{αβ} d_β − D_T^α ∇ln θ (symmetric, Σ_α ρ^α D_{αβ} = 0).</summary>
    /// <param name="alpha">Species α.</param>
    /// <param name="beta">Species β.</param>
    public double Diffusion(int alpha, int beta)
    {
        Guard.InRange(alpha, 0, SpeciesCount - 1);
        Guard.InRange(beta, 0, SpeciesCount - 1);
        return _diffusion[(alpha * SpeciesCount) + beta];
    }

    /// <summary>Thermal diffusion coefficient D_T^α (Σ_α ρ^α D_T^α = 0; zero for a single gas and for Maxwell molecules).</summary>
    /// <param name="alpha">Species α.</param>
    public double ThermalDiffusion(int alpha)
    {
        Guard.InRange(alpha, 0, SpeciesCount - 1);
        return _thermalDiffusion[alpha];
    }

    /// <summary>Sonine coefficient a_{α,k} of A^α = Σ_k a_{α,k} S_{3/2}^{(k)}(W_α²) c, k ∈ [0, m].</summary>
    /// <param name="alpha">Species α.</param>
    /// <param name="k">Degree k ∈ [0, m].</param>
    public double BurnettACoefficient(int alpha, int k)
    {
        Guard.InRange(alpha, 0, SpeciesCount - 1);
        Guard.InRange(k, 0, Order);
        return _a[alpha, k];
    }

    /// <summary>Sonine coefficient b_{α,k} of B^α = Σ_k b_{α,k} S_{5/2}^{(k)}(W_α²) c°c, k ∈ [0, m).</summary>
    /// <param name="alpha">Species α.</param>
    /// <param name="k">Degree k ∈ [0, m − 1].</param>
    public double BurnettBCoefficient(int alpha, int k)
    {
        Guard.InRange(alpha, 0, SpeciesCount - 1);
        Guard.InRange(k, 0, Order - 1);
        return _b[alpha, k];
    }

    /// <summary>The radial factor a^α(|c|) of the Burnett function A^α(c) = a^α(|c|) c.</summary>
    /// <param name="alpha">Species α.</param>
    /// <param name="speed">|c| ≥ 0.</param>
    public double BurnettA(int alpha, double speed) => Radial(_a, alpha, speed, 1.5, Order + 1);

    /// <summary>The radial factor b^α(|c|) of the Burnett function B^α(c) = b^α(|c|) c°c.</summary>
    /// <param name="alpha">Species α.</param>
    /// <param name="speed">|c| ≥ 0.</param>
    public double BurnettB(int alpha, double speed) => Radial(_b, alpha, speed, 2.5, Order);

    private double Radial(double[,] coefficients, int alpha, double speed, double exponent, int terms)
    {
        Guard.InRange(alpha, 0, SpeciesCount - 1);
        Guard.NonNegative(speed);
        Guard.Finite(speed);
        Span<double> l = stackalloc double[terms];
        SonineBrackets.Laguerre(exponent, _masses[alpha] * speed * speed / (2.0 * Temperature), l);
        double sum = 0.0;
        for (int k = 0; k < terms; k++)
        {
            sum += coefficients[alpha, k] * l[k];
        }

        return sum;
    }
}
