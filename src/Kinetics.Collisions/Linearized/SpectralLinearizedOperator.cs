using System.Numerics.Tensors;
using Kinetics.Boltzmann;
using Kinetics.Distributions;
using Kinetics.Grids;

namespace Kinetics.Linearized;

/// <summary>
/// Γ and L on a <see cref="CartesianGrid"/> through the fast spectral operator: the grid counterpart of the pointwise
/// quadrature of <see cref="ReferenceLinearizedOperator"/>, around the global Maxwellians μ^α = 𝓜[1, 0, 1; m^α] (
/// docs/math#linearized-operators).
/// </summary>
/// <remarks>
/// <para>Effectively computes, with Q^{αβ} the discrete bilinear operator of
/// <see cref="BoltzmannOperator.EvaluateBilinear(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, BoltzmannWorkspace)"/>
/// (relative speeds truncated at R = 2R_S):
/// √μ^α Γ(f, g)^α = Σ_β Q^{αβ}(√μ^α f^α, √μ^β g^β) and √μ^α (L f)^α = −Σ_β [Q^{αβ}(μ^α, √μ^β f^β) + Q^{αβ}(√μ^α f^α, μ^β)],
/// so L = −Γ(√μ, ·) − Γ(·, √μ) (sign convention L = ν − K ≥ 0) and μ^{−1/2}[𝒞(μ + √μ f) − 𝒞(μ)] = −L f + Γ(f, f) hold on
/// the grid to round-off (the discrete Q is exactly bilinear); 𝒞(μ) itself is spectrally small, not zero.</para>
/// <para>The weighted forms (<see cref="EvaluateBilinearWeighted(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, SpectralLinearizedWorkspace)"/>,
/// <see cref="EvaluateWeighted(ReadOnlySpan{double}, Span{double}, SpectralLinearizedWorkspace)"/>) are accurate everywhere
/// to the spectral accuracy of the collision operator. Γ and L themselves divide by √μ^α, which amplifies the operator's
/// absolute (spectral and round-off) error by 1/√μ^α(v) in the tails; they are therefore returned only where
/// √μ^α(v)/√μ^α(0) ≥ <see cref="TailCutoff"/> and set to 0 elsewhere. Pair the weighted form with g/√μ for inner products:
/// ⟨L f, g⟩ = Σ_α Σ_p (√μ L f)^α_p (g^α_p/√μ^α_p) h³.</para>
/// <para>Perturbations f, g must decay so that √μ f is resolved by the grid (the resolution check of the
/// <see cref="BoltzmannOperator"/> applies to √μ f). Immutable and thread-safe; evaluation with an explicit workspace
/// allocates nothing (for a serial collision plan).</para>
/// </remarks>
public sealed class SpectralLinearizedOperator : ILinearizedOperator<SpectralLinearizedWorkspace>
{
    private readonly double[] _sqrtMaxwellian; // S·N³, √μ^α(v_p)
    private readonly double[] _maxwellian;     // S·N³, μ^α(v_p)
    private readonly double[] _inverse;        // S·N³, 1/√μ^α(v_p) where above the cutoff, else 0

    private SpectralLinearizedOperator(BoltzmannOperator collision, double tailCutoff)
    {
        Collision = collision;
        TailCutoff = tailCutoff;
        var grid = collision.Grid;
        int s = collision.SpeciesCount, count = grid.Count;
        double[] masses = collision.Kernels.Mixture.Masses();
        _sqrtMaxwellian = new double[s * count];
        _maxwellian = new double[s * count];
        _inverse = new double[s * count];
        for (int a = 0; a < s; a++)
        {
            Span<double> root = _sqrtMaxwellian.AsSpan(a * count, count);
            Maxwellian.FillSqrt(grid, MacroscopicState.Unit, masses[a], root);
            double peak = Maxwellian.EvaluateSqrt(MacroscopicState.Unit, masses[a], Velocity3.Zero);
            for (int p = 0; p < count; p++)
            {
                _maxwellian[(a * count) + p] = root[p] * root[p];
                _inverse[(a * count) + p] = root[p] >= tailCutoff * peak ? 1.0 / root[p] : 0.0;
            }
        }
    }

    /// <summary>The spectral collision operator Q^{αβ} (its grid, kernels, mixture and truncation).</summary>
    public BoltzmannOperator Collision { get; }

    /// <summary>The velocity grid.</summary>
    public CartesianGrid Grid => Collision.Grid;

    /// <summary>S, the number of species.</summary>
    public int SpeciesCount => Collision.SpeciesCount;

    /// <summary>Γ and L are returned where √μ^α(v)/√μ^α(0) ≥ this value, and 0 elsewhere (see remarks).</summary>
    public double TailCutoff { get; }

    /// <summary>√μ^α(v_p) = (m^α/2π)^{3/4} e^{−m^α|v_p|²/4}, stacked species-major (S·N³ values).</summary>
    public ReadOnlyMemory<double> SqrtMaxwellian => _sqrtMaxwellian;

    /// <summary>Creates the operator.</summary>
    /// <param name="collision">The spectral collision plan; μ^α must be resolved by its grid.</param>
    /// <param name="tailCutoff">Relative level of √μ^α below which Γ and L are set to 0, in (0, 1]; the default 1e−4
    /// (μ^α/μ^α(0) ≥ 1e−8) bounds the amplification of the operator's absolute error by 1e4.</param>
    public static SpectralLinearizedOperator Create(BoltzmannOperator collision, double tailCutoff = 1e-4)
    {
        ArgumentNullException.ThrowIfNull(collision);
        Guard.Positive(tailCutoff);
        Guard.InRange(tailCutoff, 0.0, 1.0);
        return new SpectralLinearizedOperator(collision, tailCutoff);
    }

    /// <summary>Scratch memory for evaluations (one per concurrent caller).</summary>
    public SpectralLinearizedWorkspace CreateWorkspace() => new(Collision.CreateWorkspace(), SpeciesCount * Grid.Count);

    /// <summary>destination = √μ^α Γ(f, g)^α = Σ_β Q^{αβ}(√μ^α f^α, √μ^β g^β) (species-major S·N³ values).</summary>
    /// <param name="first">S·N³ values f^α(v_p) (not modified).</param>
    /// <param name="second">S·N³ values g^β(v_p) (not modified).</param>
    /// <param name="destination">S·N³ values; must overlap neither input.</param>
    /// <param name="workspace">Scratch from <see cref="CreateWorkspace"/>.</param>
    public void EvaluateBilinearWeighted(ReadOnlySpan<double> first, ReadOnlySpan<double> second, Span<double> destination, SpectralLinearizedWorkspace workspace)
    {
        CheckArguments(first, destination, workspace, nameof(first));
        CheckArguments(second, destination, workspace, nameof(second));
        using var lease = workspace.Collision.Gate.Enter(Collision, nameof(workspace));
        TensorPrimitives.Multiply(first, _sqrtMaxwellian, workspace.First);
        TensorPrimitives.Multiply(second, _sqrtMaxwellian, workspace.Second);
        Collision.EvaluateBilinear(workspace.First, workspace.Second, destination, workspace.Collision);
    }

    /// <summary>destination = Γ(f, g)^α = μ^{α −1/2} Σ_β Q^{αβ}(√μ^α f^α, √μ^β g^β) where √μ^α is above
    /// <see cref="TailCutoff"/> of its peak, 0 elsewhere.</summary>
    /// <param name="first">S·N³ values f^α(v_p).</param>
    /// <param name="second">S·N³ values g^β(v_p).</param>
    /// <param name="destination">S·N³ values.</param>
    /// <param name="workspace">Scratch from <see cref="CreateWorkspace"/>.</param>
    public void EvaluateBilinear(ReadOnlySpan<double> first, ReadOnlySpan<double> second, Span<double> destination, SpectralLinearizedWorkspace workspace)
    {
        EvaluateBilinearWeighted(first, second, destination, workspace);
        TensorPrimitives.Multiply(destination, _inverse, destination);
    }

    /// <summary>Allocating convenience: Γ(f, g) (see <see cref="EvaluateBilinear(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, SpectralLinearizedWorkspace)"/>).</summary>
    /// <param name="first">S·N³ values f^α(v_p).</param>
    /// <param name="second">S·N³ values g^β(v_p).</param>
    public double[] EvaluateBilinear(ReadOnlySpan<double> first, ReadOnlySpan<double> second)
    {
        var result = new double[SpeciesCount * Grid.Count];
        EvaluateBilinear(first, second, result, CreateWorkspace());
        return result;
    }

    /// <summary>destination = √μ^α (L f)^α = −Σ_β [Q^{αβ}(μ^α, √μ^β f^β) + Q^{αβ}(√μ^α f^α, μ^β)], L = ν − K ≥ 0.</summary>
    /// <param name="perturbation">S·N³ values f^α(v_p) (not modified).</param>
    /// <param name="destination">S·N³ values; must not overlap <paramref name="perturbation"/>.</param>
    /// <param name="workspace">Scratch from <see cref="CreateWorkspace"/>.</param>
    public void EvaluateWeighted(ReadOnlySpan<double> perturbation, Span<double> destination, SpectralLinearizedWorkspace workspace)
    {
        CheckArguments(perturbation, destination, workspace, nameof(perturbation));
        using var lease = workspace.Collision.Gate.Enter(Collision, nameof(workspace));
        TensorPrimitives.Multiply(perturbation, _sqrtMaxwellian, workspace.First);
        Collision.EvaluateBilinear(_maxwellian, workspace.First, destination, workspace.Collision);
        Collision.EvaluateBilinear(workspace.First, _maxwellian, workspace.Term, workspace.Collision);
        TensorPrimitives.Add(destination, workspace.Term, destination);
        TensorPrimitives.Negate(destination, destination);
    }

    /// <summary>destination = (L f)^α = μ^{α −1/2} · <see cref="EvaluateWeighted"/> where √μ^α is above
    /// <see cref="TailCutoff"/> of its peak, 0 elsewhere.</summary>
    /// <param name="perturbation">S·N³ values f^α(v_p).</param>
    /// <param name="destination">S·N³ values.</param>
    /// <param name="workspace">Scratch from <see cref="CreateWorkspace"/>.</param>
    public void Evaluate(ReadOnlySpan<double> perturbation, Span<double> destination, SpectralLinearizedWorkspace workspace)
    {
        EvaluateWeighted(perturbation, destination, workspace);
        TensorPrimitives.Multiply(destination, _inverse, destination);
    }

    /// <summary>Allocating convenience: L f (see <see cref="Evaluate(ReadOnlySpan{double}, Span{double}, SpectralLinearizedWorkspace)"/>).</summary>
    /// <param name="perturbation">S·N³ values f^α(v_p).</param>
    public double[] Evaluate(ReadOnlySpan<double> perturbation)
    {
        var result = new double[SpeciesCount * Grid.Count];
        Evaluate(perturbation, result, CreateWorkspace());
        return result;
    }

    private void CheckArguments(ReadOnlySpan<double> input, Span<double> destination, SpectralLinearizedWorkspace workspace, string name)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        int length = SpeciesCount * Grid.Count;
        Guard.Length(input.Length, length, name);
        Guard.Length(destination.Length, length, nameof(destination));
        if (!ReferenceEquals(workspace.Collision.Gate.Owner, Collision) || workspace.First.Length != length)
        {
            throw new ArgumentException("workspace was created by a SpectralLinearizedOperator of a different collision plan.", nameof(workspace));
        }

        Guard.AllFinite(input, name);

        if (input.Overlaps(destination))
        {
            throw new ArgumentException($"destination must not overlap {name}.", nameof(destination));
        }
    }
}
