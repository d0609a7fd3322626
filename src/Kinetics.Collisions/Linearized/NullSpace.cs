using Kinetics.Mixtures;

namespace Kinetics.Linearized;

/// <summary>
/// The null space of the linearized operator L around the global Maxwellians μ^α = 𝓜[1, 0, 1; m^α]: dimension S + 4 for S
/// species, with the orthonormal basis of docs/math#null-space (the paper's (1.17) uses μ instead of √μ and is not
/// orthogonal) extended to S species (docs/math#null-space):
/// χ_α = e_α √μ^α (α = 0..S−1), χ_{S+i} = v_i (m^β √μ^β)_β / √(Σ_β m^β) (i = 0, 1, 2),
/// χ_{S+3} = ((m^β|v|² − 3) √μ^β)_β / √(6S).
/// </summary>
/// <remarks>Orthonormal in (L²_v)^S with ⟨f, g⟩ = Σ_α ∫ f^α g^α dv. Immutable and thread-safe.</remarks>
public sealed class NullSpace
{
    private readonly double[] _masses;
    private readonly double _momentumNorm;
    private readonly double _energyNorm;

    /// <summary>Creates the null-space basis of a mixture.</summary>
    /// <param name="mixture">The species (masses m^α).</param>
    public static NullSpace Create(Mixture mixture) => new(mixture);

    /// <summary>Creates the null-space basis of a mixture.</summary>
    /// <param name="mixture">The species (masses m^α).</param>
    private NullSpace(Mixture mixture)
    {
        ArgumentNullException.ThrowIfNull(mixture);
        Mixture = mixture;
        _masses = mixture.Masses();
        _momentumNorm = 1.0 / Math.Sqrt(_masses.Sum());
        _energyNorm = 1.0 / Math.Sqrt(6.0 * _masses.Length);
    }

    /// <summary>The mixture.</summary>
    public Mixture Mixture { get; }

    /// <summary>dim ker L = S + 4.</summary>
    public int Dimension => _masses.Length + 4;

    /// <summary>Component α of the basis vector χ_j at v.</summary>
    /// <param name="j">Index in [0, S + 4).</param>
    /// <param name="alpha">Species α.</param>
    /// <param name="v">Velocity.</param>
    public double Evaluate(int j, int alpha, Velocity3 v)
    {
        int s = _masses.Length;
        Guard.InRange(j, 0, s + 3);
        Guard.InRange(alpha, 0, s - 1);
        Guard.Finite(v);
        double m = _masses[alpha];
        double root = LinearizedKernel.SqrtMaxwellian(m, v);
        if (j < s)
        {
            return j == alpha ? root : 0.0;
        }

        return j < s + 3
            ? v[j - s] * m * root * _momentumNorm
            : ((m * v.LengthSquared) - 3.0) * root * _energyNorm;
    }

    /// <summary>
    /// The coordinates ⟨f, χ_j⟩ of a vector function sampled on a velocity quadrature (points v_p, weights w_p):
    /// effectively destination[j] = Σ_α Σ_p w_p f^α(v_p) χ_j^α(v_p).
    /// </summary>
    /// <param name="quadrature">Points and weights.</param>
    /// <param name="f">f^α(v_p) stored species-major: f[α·P + p].</param>
    /// <param name="destination">S + 4 coordinates.</param>
    public void Coordinates(VelocityQuadrature quadrature, ReadOnlySpan<double> f, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(quadrature);
        int p = quadrature.Count, s = _masses.Length;
        Guard.Length(f.Length, s * p);
        Guard.Length(destination.Length, Dimension);
        destination.Clear();
        for (int alpha = 0; alpha < s; alpha++)
        {
            for (int i = 0; i < p; i++)
            {
                var v = quadrature.Point(i);
                double fw = f[(alpha * p) + i] * quadrature.Weight(i);
                for (int j = 0; j < Dimension; j++)
                {
                    destination[j] += fw * Evaluate(j, alpha, v);
                }
            }
        }
    }

    /// <summary>P₀ f = Σ_j ⟨f, χ_j⟩ χ_j on the quadrature points (the orthogonal projection onto ker L).</summary>
    /// <param name="quadrature">Points and weights.</param>
    /// <param name="f">f[α·P + p].</param>
    /// <param name="destination">P₀ f, same layout (may alias <paramref name="f"/> exactly).</param>
    public void Project(VelocityQuadrature quadrature, ReadOnlySpan<double> f, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(quadrature);
        Span<double> c = stackalloc double[Dimension];
        Coordinates(quadrature, f, c);
        int p = quadrature.Count;
        Guard.Length(destination.Length, f.Length);
        for (int alpha = 0; alpha < _masses.Length; alpha++)
        {
            for (int i = 0; i < p; i++)
            {
                var v = quadrature.Point(i);
                double sum = 0;
                for (int j = 0; j < Dimension; j++)
                {
                    sum += c[j] * Evaluate(j, alpha, v);
                }

                destination[(alpha * p) + i] = sum;
            }
        }
    }

    /// <summary>
    /// The macroscopic part of f: P₀f = (a^α √μ^α)_α + (b·v)(m^α √μ^α)_α + c(m^α|v|² − 3)(√μ^α)_α with a^α = ⟨f^α, √μ^α⟩,
    /// b = Σ_α⟨f^α, v m^α √μ^α⟩/Σm, c = Σ_α⟨f^α, (m^α|v|² − 3)√μ^α⟩/(6S) (docs/math#null-space, macroscopic form).
    /// </summary>
    /// <param name="quadrature">Points and weights.</param>
    /// <param name="f">f[α·P + p].</param>
    public MacroscopicPart Macroscopic(VelocityQuadrature quadrature, ReadOnlySpan<double> f)
    {
        Span<double> c = stackalloc double[Dimension];
        Coordinates(quadrature, f, c);
        int s = _masses.Length;
        return new MacroscopicPart(
            c[..s].ToArray(),
            new Velocity3(c[s], c[s + 1], c[s + 2]) * _momentumNorm,
            c[s + 3] * _energyNorm);
    }
}
