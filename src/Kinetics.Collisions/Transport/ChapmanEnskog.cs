using Kinetics.Kernels;
using MathNet.Numerics.LinearAlgebra;

namespace Kinetics.Transport;

/// <summary>
/// Chapman–Enskog transport coefficients of a gas mixture from its collision kernels: the Burnett functions A (heat
/// conduction and thermal diffusion), B (shear) and the diffusion functions D^β, solved on (ker 𝓛)^⊥ in a Sonine
/// (generalized Laguerre) basis with exact bracket integrals, and the viscosity, thermal conductivity, multicomponent
/// diffusion matrix and thermal diffusion coefficients built from them (docs/transport.md).
/// </summary>
/// <remarks>
/// <para>Conventions (k_B = 1): μ^α = n^α (m^α/(2πθ))^{3/2} e^{−m^α c²/(2θ)}, W_α² = m^α c²/(2θ), F^α = μ^α(1 + h^α) with
/// h^α = −A^α·∇ln θ − B^α : ∇u − Σ_β D^{β,α}·d_β and 𝓛 the positive linearized operator
/// (⟨𝓛h, k⟩ = Σ_α ∫ (𝓛h)^α k^α μ^α dv = [h, k], the bracket ¼ Σ_{αβ} ∫∫∫ B^{αβ} μ^α μ^β* Δ_h Δ_k). The Burnett equations are
/// 𝓛A = (W² − 5/2) c, 𝓛B = 2 W°W (traceless W W), 𝓛D^β = (n/n^α)(δ_{αβ} − ρ^α/ρ) c, with Σ_α m^α ∫ c h^α μ^α dv = 0.</para>
/// <para>Then η = (θ/10)[B, B]; λ = (1/3)[Ã, Ã] where Ã solves the A equation with every species flux ∫ c Ã^α μ^α dv = 0
/// (heat flux at zero diffusion, the Sonine degree k = 0 removed); D_{αβ} = [D^α, D^β]/(3n), so that the diffusion velocities are
/// V_α = −Σ_β D_{αβ} d_β − D_T^α ∇ln θ with D_T^α = (1/(3n^α)) ∫ c·A^α μ^α dv.</para>
/// <para>The m-th approximation (<see cref="Coefficients(int)"/>) uses Sonine degrees k &lt; m for B and D^β, and k ≤ m for A (k = 0
/// carries no heat flux): the classical first approximations are m = 1. Exactness: Gauss–Hermite in the centre-of-mass
/// velocity, generalized Gauss–Laguerre in the relative speed and Gauss–Legendre in cos χ make every bracket exact for
/// polynomial b_σ (hard spheres, isotropic VHS) and any γ.</para>
/// <para>Immutable and thread-safe after <see cref="Create"/>.</para>
/// </remarks>
public sealed class ChapmanEnskog
{
    private readonly double[,] _vector;  // [S·(K+1)]², index α(K+1) + k
    private readonly double[,] _tensor;  // [S·K]², index αK + k
    private readonly double[] _masses;
    private readonly double[] _densities;

    private ChapmanEnskog(CollisionKernelTable kernels, double[] densities, double temperature, int terms, double[,] vector, double[,] tensor)
    {
        Kernels = kernels;
        _densities = densities;
        Temperature = temperature;
        MaximumOrder = terms;
        _masses = kernels.Mixture.Masses();
        _vector = vector;
        _tensor = tensor;
    }

    /// <summary>The kernel table B^{αβ}.</summary>
    public CollisionKernelTable Kernels { get; }

    /// <summary>θ (k_B = 1).</summary>
    public double Temperature { get; }

    /// <summary>The highest Sonine approximation order m available to <see cref="Coefficients(int)"/>.</summary>
    public int MaximumOrder { get; }

    /// <summary>Number densities n^α.</summary>
    public ReadOnlySpan<double> Densities => _densities;

    /// <summary>Assembles the bracket matrices up to the Sonine order <paramref name="maximumOrder"/>.</summary>
    /// <param name="kernels">B^{αβ} for every pair.</param>
    /// <param name="densities">n^α &gt; 0, one per species.</param>
    /// <param name="temperature">θ &gt; 0.</param>
    /// <param name="maximumOrder">m_max ∈ [1, 12]; 8 converges the hard-sphere factors to ~1e−7.</param>
    /// <param name="extraAngularPoints">Gauss–Legendre points in cos χ beyond those exact for constant b_σ, in [0, 256]; raise it for non-polynomial b_σ.</param>
    /// <exception cref="ArgumentException">Densities of the wrong length, not positive, or out-of-range orders.</exception>
    public static ChapmanEnskog Create(CollisionKernelTable kernels, ReadOnlySpan<double> densities, double temperature = 1.0, int maximumOrder = 8, int extraAngularPoints = 0)
    {
        ArgumentNullException.ThrowIfNull(kernels);
        Guard.Length(densities.Length, kernels.SpeciesCount, nameof(densities));
        foreach (double n in densities)
        {
            if (!(n > 0.0) || double.IsInfinity(n))
            {
                throw new ArgumentOutOfRangeException(nameof(densities), n, "every density n^α must be finite and > 0.");
            }
        }

        Guard.Positive(temperature);
        Guard.Finite(temperature);
        Guard.InRange(maximumOrder, 1, 12);
        Guard.InRange(extraAngularPoints, 0, 256);
        double[] copy = densities.ToArray();
        var (vector, tensor) = SonineBrackets.Assemble(kernels, copy, temperature, maximumOrder + 1, maximumOrder, extraAngularPoints);
        return new ChapmanEnskog(kernels, copy, temperature, maximumOrder, vector, tensor);
    }

    /// <summary>The bracket [ψ_i, ψ_j] of the vector-sector Sonine functions ψ_{α,k} = S_{3/2}^{(k)}(W_α²) c e_α, i = α(m_max + 1) + k.</summary>
    /// <param name="i">Row, in [0, S(m_max + 1)) (vector) or [0, S·m_max) (tensor).</param>
    /// <param name="j">Column, in the same range.</param>
    public double VectorBracket(int i, int j)
    {
        Guard.InRange(i, 0, _vector.GetLength(0) - 1);
        Guard.InRange(j, 0, _vector.GetLength(1) - 1);
        return _vector[i, j];
    }

    /// <summary>The bracket [ψ_i, ψ_j] of the tensor-sector Sonine functions ψ_{α,k} = S_{5/2}^{(k)}(W_α²) c°c e_α, i = α m_max + k.</summary>
    /// <param name="i">Row, in [0, S(m_max + 1)) (vector) or [0, S·m_max) (tensor).</param>
    /// <param name="j">Column, in the same range.</param>
    public double TensorBracket(int i, int j)
    {
        Guard.InRange(i, 0, _tensor.GetLength(0) - 1);
        Guard.InRange(j, 0, _tensor.GetLength(1) - 1);
        return _tensor[i, j];
    }

    /// <summary>The transport coefficients of the m-th Sonine approximation (see remarks of <see cref="ChapmanEnskog"/>).</summary>
    /// <param name="order">m ∈ [1, <see cref="MaximumOrder"/>].</param>
    public TransportCoefficients Coefficients(int order)
    {
        Guard.InRange(order, 1, MaximumOrder);
        return SonineSolution.Solve(this, order);
    }

    /// <summary>The coefficients at <see cref="MaximumOrder"/>.</summary>
    public TransportCoefficients Converged() => Coefficients(MaximumOrder);

    internal double[,] VectorMatrix => _vector;

    internal double[,] TensorMatrix => _tensor;

    internal double Mass(int alpha) => _masses[alpha];

    /// <summary>∫ μ^α F(W²) dv = n (2/√π) ∫₀^∞ t^{1/2} e^{−t} F(t) dt, by an exact Gauss–Laguerre rule for polynomial F.</summary>
    internal double MaxwellianAverage(int alpha, Func<double, double> f)
    {
        var rule = Quadrature.GaussLaguerreRule.Create(MaximumOrder + 6, 0.5);
        double sum = 0.0;
        for (int i = 0; i < rule.Count; i++)
        {
            sum += rule.Weights[i] * f(rule.Nodes[i]);
        }

        return _densities[alpha] * 2.0 / Math.Sqrt(Math.PI) * sum;
    }

    internal static Vector<double> SolveConstrained(Matrix<double> a, Vector<double> rhs, Vector<double>? constraint)
    {
        if (constraint is null)
        {
            return a.Solve(rhs);
        }

        int n = a.RowCount;
        var augmented = Matrix<double>.Build.Dense(n + 1, n + 1);
        augmented.SetSubMatrix(0, 0, a);
        augmented.SetSubMatrix(0, n, constraint.ToColumnMatrix());
        augmented.SetSubMatrix(n, 0, constraint.ToRowMatrix());
        var full = Vector<double>.Build.Dense(n + 1);
        full.SetSubVector(0, n, rhs);
        return augmented.Solve(full).SubVector(0, n);
    }
}
