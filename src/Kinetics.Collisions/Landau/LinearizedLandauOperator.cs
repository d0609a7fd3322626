using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Linearized;

namespace Kinetics.Landau;

/// <summary>
/// The linearised Landau operator and Γ around the global Maxwellians μ_a = 𝓜[1, 0, 1; m_a] in Guo's convention
/// (docs/math#conventions): with F_a = μ_a + √μ_a f_a,
/// Γ_a(f, g) = μ_a^{−1/2} Σ_b Q_ab(√μ_a f_a, √μ_b g_b) and L f = −Γ(√μ, f) − Γ(f, √μ), so that
/// μ^{−1/2}Q(μ + √μ f) = −L f + Γ(f, f). L is symmetric and ≥ 0 in Σ_a∫f_a g_a dv with kernel of dimension S + 4
/// spanned by √μ_a e_a (one per species), m_a v_i √μ_a (i = 1, 2, 3) and m_a|v|² √μ_a (<see cref="KernelBasis"/>).
/// Matrix-free: each application is two bilinear evaluations of the wrapped <see cref="SpectralLandauOperator"/>.
/// Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Why: linearising Q_ab around μ, where ∇ln μ_a/m_a − ∇ln μ_b(w)/m_b = w − v is annihilated by Φ(v−w), gives
/// ⟨Lf, g⟩ = ½Σ_ab c_ab∬μ_aμ_b(∇ψ_a/m_a − ∇ψ_b(w)/m_b)·Φ(v−w)(∇h_a/m_a − ∇h_b(w)/m_b), h = f/√μ, ψ = g/√μ
/// (the Landau analogue of the quadratic form in docs/math#exact-oracles): symmetric, non-negative, zero exactly on the collision invariants.
/// Discretely these hold to spectral accuracy (the wrapped operator's).
/// </remarks>
public sealed class LinearizedLandauOperator : ILinearizedOperator<SpectralLandauWorkspace>
{
    private readonly double[] _sqrtMaxwellian; // √μ_a stacked
    private readonly double[] _maxwellian; // μ_a stacked

    /// <summary>
    /// Where √μ_a(v) is below this value (μ_a below 1e−300, the end of the normal double range; e.g. the light species
    /// of a 1:100 mixture near the box corners) the division by √μ_a is not representable: the results of
    /// <see cref="Evaluate"/> and <see cref="EvaluateBilinear"/> are defined as 0 there instead of 0/0 = NaN or amplified
    /// round-off.
    /// </summary>
    public const double RepresentableFloor = 1e-150;

    /// <summary>Creates L and Γ for the mixture, kernel and grid of <paramref name="collision"/>.</summary>
    /// <param name="collision">The nonlinear operator.</param>
    public static LinearizedLandauOperator Create(SpectralLandauOperator collision)
    {
        ArgumentNullException.ThrowIfNull(collision);
        return new LinearizedLandauOperator(collision);
    }

    private LinearizedLandauOperator(SpectralLandauOperator collision)
    {
        Collision = collision;
        int count = collision.Grid.Count, species = collision.Mixture.Count;
        _sqrtMaxwellian = new double[species * count];
        _maxwellian = new double[species * count];
        for (int a = 0; a < species; a++)
        {
            Maxwellian.FillSqrt(collision.Grid, MacroscopicState.Unit, collision.Mixture[a].Mass, _sqrtMaxwellian.AsSpan(a * count, count));
            Maxwellian.Fill(collision.Grid, MacroscopicState.Unit, collision.Mixture[a].Mass, _maxwellian.AsSpan(a * count, count));
        }
    }

    /// <summary>The nonlinear operator being linearised.</summary>
    public SpectralLandauOperator Collision { get; }

    /// <inheritdoc />
    public CartesianGrid Grid => Collision.Grid;

    /// <inheritdoc />
    public int SpeciesCount => Collision.Mixture.Count;

    /// <summary>S + 4, the dimension of ker L.</summary>
    public int KernelDimension => Collision.Mixture.Count + 4;

    /// <summary>Scratch memory for evaluations (the workspace of <see cref="Collision"/>; one per concurrent caller).</summary>
    public SpectralLandauWorkspace CreateWorkspace() => Collision.CreateWorkspace();

    /// <summary>destination = L f.</summary>
    /// <param name="perturbation">S·N³ stacked values of f.</param>
    /// <param name="destination">S·N³ values of L f.</param>
    /// <param name="workspace">Scratch of <see cref="Collision"/>.</param>
    public void Evaluate(ReadOnlySpan<double> perturbation, Span<double> destination, SpectralLandauWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        using var lease = workspace.Gate.Enter(Collision, nameof(workspace));
        int total = _maxwellian.Length;
        Guard.Length(perturbation.Length, total, nameof(perturbation));
        Guard.Length(destination.Length, total, nameof(destination));
        Guard.AllFinite(perturbation);
        double[] g = workspace.Stacked, q = workspace.StackedResult;
        for (int p = 0; p < total; p++)
        {
            g[p] = _sqrtMaxwellian[p] * perturbation[p];
        }

        Collision.EvaluateBilinear(g, _maxwellian, q, workspace);
        for (int p = 0; p < total; p++)
        {
            destination[p] = q[p];
        }

        Collision.EvaluateBilinear(_maxwellian, g, q, workspace);
        for (int p = 0; p < total; p++)
        {
            destination[p] = _sqrtMaxwellian[p] < RepresentableFloor ? 0.0 : -(destination[p] + q[p]) / _sqrtMaxwellian[p];
        }
    }

    /// <summary>destination = Γ(f, g), Γ_a = μ_a^{−1/2} Σ_b Q_ab(√μ_a f_a, √μ_b g_b).</summary>
    /// <param name="first">S·N³ stacked values of f (test argument).</param>
    /// <param name="second">S·N³ stacked values of g (field argument).</param>
    /// <param name="destination">S·N³ values.</param>
    /// <param name="workspace">Scratch of <see cref="Collision"/>.</param>
    public void EvaluateBilinear(ReadOnlySpan<double> first, ReadOnlySpan<double> second, Span<double> destination, SpectralLandauWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        using var lease = workspace.Gate.Enter(Collision, nameof(workspace));
        int total = _maxwellian.Length;
        Guard.Length(first.Length, total, nameof(first));
        Guard.Length(second.Length, total, nameof(second));
        Guard.Length(destination.Length, total, nameof(destination));
        Guard.AllFinite(first);
        Guard.AllFinite(second);
        double[] g = workspace.Stacked, h = workspace.StackedResult;
        for (int p = 0; p < total; p++)
        {
            g[p] = _sqrtMaxwellian[p] * first[p];
            h[p] = _sqrtMaxwellian[p] * second[p];
        }

        Collision.EvaluateBilinear(g, h, destination, workspace);
        for (int p = 0; p < total; p++)
        {
            destination[p] = _sqrtMaxwellian[p] < RepresentableFloor ? 0.0 : destination[p] / _sqrtMaxwellian[p];
        }
    }

    /// <summary>
    /// The (non-orthonormalised) kernel basis vector <paramref name="index"/> ∈ [0, S + 4): √μ_a e_a for index a &lt; S,
    /// then m_a v_i √μ_a (i = x, y, z) and m_a|v|² √μ_a across all species.
    /// </summary>
    /// <param name="index">Basis index.</param>
    /// <returns>S·N³ stacked values.</returns>
    public double[] KernelBasis(int index)
    {
        Guard.Index(index, KernelDimension);
        var grid = Collision.Grid;
        int count = grid.Count, species = Collision.Mixture.Count;
        var result = new double[species * count];
        for (int a = 0; a < species; a++)
        {
            double m = Collision.Mixture[a].Mass;
            for (int p = 0; p < count; p++)
            {
                var v = grid.Point(p);
                double weight = index < species ? (index == a ? 1.0 : 0.0) : (index - species) switch
                {
                    0 => m * v.X,
                    1 => m * v.Y,
                    2 => m * v.Z,
                    _ => m * v.LengthSquared,
                };
                result[(a * count) + p] = weight * _sqrtMaxwellian[(a * count) + p];
            }
        }

        return result;
    }
}
