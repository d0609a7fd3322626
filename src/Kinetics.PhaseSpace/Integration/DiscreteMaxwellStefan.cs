using System.Numerics.Tensors;
using Kinetics.Dynamics;

namespace Kinetics.PhaseSpace.Integration;

/// <summary>
/// The Maxwell–Stefan coefficients Δ_ij of a discrete collision operator as the diffusive asymptotic-preserving step sees it:
/// the ε → 0 limit of <see cref="AsymptoticPreservingSolver"/> in the diffusive scaling is the Maxwell–Stefan system with
/// these Δ_ij, not with the Chapman–Enskog ones of <c>MaxwellStefan.Coefficients</c> (docs/limits.md, "H₂/N₂/CO₂ on
/// per-species grids").
/// </summary>
/// <remarks>
/// <para>In one homogeneous cell at rest with concentrations c and temperature θ, for the S − 1 gradients
/// ∂ₓc = e_k − e_{k+1}, the step's micro fixed point L̃g = (I − Π)(v_x ∂ₓM) is solved by the step's own pseudo-time iteration
/// g ← g + (L̃g − (I − Π)v_x∂ₓM)/β: L̃ the linearisation about the discrete mixture equilibrium M of the step's collision
/// remainder (𝒞 with its equilibrium defect removed, the tails beyond <c>tailCutoff</c> handed to BGK, projected with
/// weight M), Π the projection onto the collision invariants, β the cell's collision frequency. The species fluxes
/// j_α = ⟨v_x g_α⟩ then satisfy the Maxwell–Stefan relations −∂ₓc_i = Σ_j c_ic_j(u_i − u_j)/Δ_ij, u_i = j_i/c_i, whose
/// S(S − 1)/2 unknowns 1/Δ_ij are fitted by least squares over the S(S − 1) equations; the fit's residual measures how far
/// the discrete operator's flux–force relation is from the Maxwell–Stefan form (for S = 2 or 3 it is the asymmetry of the
/// discrete operator).</para>
/// <para>Cost: about 2(S − 1)·(iterations) evaluations of 𝒞 (a few hundred). Not thread-safe.</para>
/// </remarks>
public sealed class DiscreteMaxwellStefan
{
    private const int MaxIterations = 4000;
    private const double Tolerance = 1e-9;
    private readonly CellMixture _mixture;
    private readonly double _tailCutoff;

    private DiscreteMaxwellStefan(CellMixture mixture, double tailCutoff)
    {
        _mixture = mixture;
        _tailCutoff = tailCutoff;
    }

    // Iterations of the last fixed-point solve (diagnostics in tests).
    internal int LastIterations { get; private set; }

    // The smallest concentration, as a fraction of their sum, whose equilibrium the grids can carry (far below any
    // physical trace species; a subnormal one underflows the discrete Maxwellian).
    private const double MinFraction = 1e-100;

    // The largest sum of the concentrations: 𝒞 is quadratic in them, so its values stay within the double range.
    private const double MaxTotal = 1e150;

    /// <summary>The number of species S.</summary>
    public int SpeciesCount => _mixture.SpeciesCount;

    /// <summary>The tail cut-off of the remainder (<see cref="AsymptoticPreservingOptions.TailCutoff"/>).</summary>
    public double TailCutoff => _tailCutoff;

    /// <summary>Creates the measurement for an operator on one shared velocity grid.</summary>
    /// <param name="collisionOperator">𝒞 (quadratic) on a 3-D grid, S ≥ 2 species.</param>
    /// <param name="tailCutoff">The remainder's tail cut-off, in [0, 1e−2] (default 1e−4, the solver's default).</param>
    public static DiscreteMaxwellStefan Create(ICollisionOperator collisionOperator, double tailCutoff = 1e-4)
    {
        ArgumentNullException.ThrowIfNull(collisionOperator);
        return Create(CellMixture.Shared(collisionOperator), tailCutoff, nameof(collisionOperator));
    }

    /// <summary>Creates the measurement for an operator on per-species velocity grids.</summary>
    /// <param name="collisionOperator">𝒞 (quadratic) on per-species 3-D grids, S ≥ 2 species.</param>
    /// <param name="tailCutoff">The remainder's tail cut-off, in [0, 1e−2] (default 1e−4, the solver's default).</param>
    public static DiscreteMaxwellStefan CreateOnSpeciesGrids(ISpeciesGridCollisionOperator collisionOperator, double tailCutoff = 1e-4)
    {
        ArgumentNullException.ThrowIfNull(collisionOperator);
        return Create(CellMixture.PerSpecies(collisionOperator), tailCutoff, nameof(collisionOperator));
    }

    private static DiscreteMaxwellStefan Create(CellMixture mixture, double tailCutoff, string operatorName)
    {
        Guard.InRange(tailCutoff, 0.0, 1e-2, nameof(tailCutoff));
        if (mixture.SpeciesCount < 2)
        {
            throw new ArgumentException($"{operatorName}: the operator must have at least 2 species (had {mixture.SpeciesCount}).", operatorName);
        }

        return new DiscreteMaxwellStefan(mixture, tailCutoff);
    }

    /// <summary>
    /// Writes Δ_ij (S × S, row-major, symmetric, zero diagonal) of the discrete operator at concentrations
    /// <paramref name="concentrations"/> and temperature <paramref name="temperature"/> into <paramref name="delta"/>.
    /// </summary>
    /// <param name="concentrations">S values, each finite, &gt; 0 and at least 1e−100 of their sum, which is at most 1e150.</param>
    /// <param name="temperature">θ &gt; 0.</param>
    /// <param name="delta">S² values.</param>
    /// <returns>The fit's relative residual max|AΔ⁻¹ − b|/max|b| over the S(S − 1) relations (0 for an exact Maxwell–Stefan form).</returns>
    /// <exception cref="InvalidOperationException">The pseudo-time iteration does not converge within its budget (the
    /// linearised remainder has growing modes: the solver's diffusive limit does not exist for this operator and cut-off).</exception>
    public double Evaluate(ReadOnlySpan<double> concentrations, double temperature, Span<double> delta)
    {
        int s = SpeciesCount, length = _mixture.Length, pairs = s * (s - 1) / 2;
        Guard.Length(delta.Length, s * s, nameof(delta));
        var m = Equilibrium(concentrations, temperature, out var defect, out double nu);
        var rows = new double[s * (s - 1) * pairs];
        var rhs = new double[s * (s - 1)];
        var source = new double[length];
        var g = new double[length];
        var lg = new double[length];
        var scratch = new Workspace(length);
        var flux = new double[s];
        for (int k = 0; k + 1 < s; k++)
        {
            // ∂ₓc = e_k − e_{k+1}: T = (I − Π) v_x M_α ∂ₓc_α / c_α.
            for (int a = 0; a < s; a++)
            {
                double gradient = a == k ? 1.0 : a == k + 1 ? -1.0 : 0.0;
                for (int p = _mixture.Offsets[a]; p < _mixture.Offsets[a + 1]; p++)
                {
                    source[p] = _mixture.VelocityX[p] * m[p] * gradient / concentrations[a];
                }
            }

            _mixture.Projection.Apply(source, m);
            Solve(m, defect, nu, source, g, lg, scratch);
            for (int a = 0; a < s; a++)
            {
                double sum = 0;
                for (int p = _mixture.Offsets[a]; p < _mixture.Offsets[a + 1]; p++)
                {
                    sum += _mixture.VelocityX[p] * g[p];
                }

                flux[a] = sum * _mixture.CellVolumes[a];
            }

            // −∂ₓc_i = Σ_j c_ic_j(u_i − u_j)/Δ_ij: one row per species i, one column per pair (a < b).
            for (int i = 0; i < s; i++)
            {
                int row = (k * s) + i, pair = 0;
                for (int a = 0; a < s; a++)
                {
                    for (int b = a + 1; b < s; b++, pair++)
                    {
                        double w = concentrations[a] * concentrations[b] * ((flux[a] / concentrations[a]) - (flux[b] / concentrations[b]));
                        rows[(row * pairs) + pair] = i == a ? w : i == b ? -w : 0.0;
                    }
                }

                rhs[row] = i == k ? -1.0 : i == k + 1 ? 1.0 : 0.0;
            }
        }

        // Normal equations for x = 1/Δ (pairs × pairs, symmetric positive definite when the fluxes are independent).
        var normal = new double[pairs * pairs];
        var x = new double[pairs];
        for (int r = 0; r < rhs.Length; r++)
        {
            for (int p = 0; p < pairs; p++)
            {
                x[p] += rows[(r * pairs) + p] * rhs[r];
                for (int q = 0; q < pairs; q++)
                {
                    normal[(p * pairs) + q] += rows[(r * pairs) + p] * rows[(r * pairs) + q];
                }
            }
        }

        if (!SmallCholesky.TrySolve(normal, x, pairs))
        {
            throw new InvalidOperationException("The discrete fluxes do not determine the Maxwell–Stefan coefficients (singular fit).");
        }

        double residual = 0;
        for (int r = 0; r < rhs.Length; r++)
        {
            double sum = 0;
            for (int p = 0; p < pairs; p++)
            {
                sum += rows[(r * pairs) + p] * x[p];
            }

            residual = Math.Max(residual, Math.Abs(sum - rhs[r]));
        }

        delta.Clear();
        int index = 0;
        for (int a = 0; a < s; a++)
        {
            for (int b = a + 1; b < s; b++, index++)
            {
                delta[(a * s) + b] = delta[(b * s) + a] = 1.0 / x[index];
            }
        }

        return residual;
    }

    /// <summary>
    /// The growth factor per micro step of the diffusive step as ε → 0, max |1 + λ/β| over the eigenvalues λ of the linearised
    /// remainder L̃ at concentrations <paramref name="concentrations"/> and temperature <paramref name="temperature"/>, by
    /// <paramref name="iterations"/> steps of the power iteration g ← g + L̃g/β (projected) from a fixed pseudo-random start.
    /// Above 1 the linearisation has a growing mode that the step amplifies by this factor every time step at small ε
    /// (docs/limits.md, "The growing mode of the heavy species"); the tail cut-off must be raised until it is at most 1.
    /// </summary>
    /// <param name="concentrations">S values, each finite, &gt; 0 and at least 1e−100 of their sum, which is at most 1e150.</param>
    /// <param name="temperature">θ &gt; 0.</param>
    /// <param name="iterations">Power iterations, in [10, 10000] (default 150).</param>
    /// <returns>The factor of the last iteration (‖g_{k+1}‖/‖g_k‖).</returns>
    public double GrowthFactor(ReadOnlySpan<double> concentrations, double temperature, int iterations = 150)
    {
        int length = _mixture.Length;
        Guard.InRange(iterations, 10, 10000);
        var m = Equilibrium(concentrations, temperature, out var defect, out double nu);
        var g = new double[length];
        var lg = new double[length];
        var scratch = new Workspace(length);
        var random = new Random(12345);
        for (int p = 0; p < length; p++)
        {
            g[p] = m[p] * (random.NextDouble() - 0.5);
        }

        _mixture.Projection.Apply(g, m);
        double factor = double.NaN, norm = TensorPrimitives.Norm<double>(g);
        for (int k = 0; k < iterations && norm > 0; k++)
        {
            Linearised(m, defect, nu, g, lg, scratch);
            for (int p = 0; p < length; p++)
            {
                g[p] += lg[p] / nu;
            }

            _mixture.Projection.Apply(g, m);
            double next = TensorPrimitives.Norm<double>(g);
            factor = next / norm;
            TensorPrimitives.Divide(g, next, g);
            norm = 1.0;
        }

        if (!double.IsFinite(factor))
        {
            throw new InvalidOperationException($"The power iteration's growth factor is {factor:G6} (the linearised remainder produced non-finite values).");
        }

        return factor;
    }

    // M at rest with the given concentrations and θ (checked), its 𝒞(M) and collision frequency.
    private double[] Equilibrium(ReadOnlySpan<double> concentrations, double temperature, out double[] defect, out double nu)
    {
        Guard.Length(concentrations.Length, SpeciesCount, nameof(concentrations));
        double total = 0;
        foreach (double c in concentrations)
        {
            if (!(c > 0) || !double.IsFinite(c))
            {
                throw new ArgumentOutOfRangeException(nameof(concentrations), c, "every concentration must be finite and > 0.");
            }

            total += c;
        }

        if (!(total <= MaxTotal))
        {
            throw new ArgumentOutOfRangeException(nameof(concentrations), total, $"the concentrations' sum must be at most {MaxTotal:G1} (the operator is quadratic in them).");
        }

        foreach (double c in concentrations)
        {
            if (c < MinFraction * total)
            {
                throw new ArgumentOutOfRangeException(nameof(concentrations), c, $"every concentration must be at least {MinFraction:G1} of their sum ({total:G6}).");
            }
        }

        Guard.Positive(temperature);
        Guard.Finite(temperature);
        double energy = 1.5 * total * temperature;
        if (!double.IsFinite(energy))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, $"temperature × the concentrations' sum ({total:G6}) overflows.");
        }

        var m = new double[_mixture.Length];
        try
        {
            _mixture.FillFromMoments(concentrations, Velocity3.Zero, energy, m);
        }
        catch (ArgumentException error)
        {
            throw new ArgumentOutOfRangeException(
                nameof(temperature), temperature, $"the grids cannot carry the equilibrium at θ = {temperature:G6} with these concentrations: {error.Message}");
        }

        defect = new double[m.Length];
        _mixture.Evaluate(m, defect);
        nu = _mixture.Frequency(m, defect);
        if (!(nu > 0) || !double.IsFinite(nu))
        {
            throw new InvalidOperationException($"The operator's collision frequency at the equilibrium is {nu:G6}; the measurement needs a finite positive one.");
        }

        return m;
    }

    // g ← g + (L̃g − T)/β until the residual is below Tolerance·max|T| (the diffusive step's micro iteration at ε → 0).
    private void Solve(double[] m, double[] defect, double nu, double[] source, double[] g, double[] lg, Workspace scratch)
    {
        int length = g.Length;
        Array.Clear(g);
        double scale = 0;
        foreach (double t in source)
        {
            scale = Math.Max(scale, Math.Abs(t));
        }

        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            Linearised(m, defect, nu, g, lg, scratch);
            double residual = 0;
            for (int p = 0; p < length; p++)
            {
                double r = lg[p] - source[p];
                residual = Math.Max(residual, Math.Abs(r));
                g[p] += r / nu;
            }

            if (!double.IsFinite(residual))
            {
                break;
            }

            _mixture.Projection.Apply(g, m);
            if (residual <= Tolerance * scale)
            {
                LastIterations = iteration + 1;
                return;
            }
        }

        throw new InvalidOperationException($"The micro fixed point did not converge in {MaxIterations} iterations (tail cut-off {_tailCutoff:G3}): the linearised remainder has growing modes.");
    }

    // L̃g by the central difference of the remainder about M (exact for a quadratic 𝒞), at an amplitude 1e−3 of max M.
    private void Linearised(double[] m, double[] defect, double nu, double[] g, double[] lg, Workspace w)
    {
        int length = g.Length;
        double peak = 0, size = 0;
        for (int p = 0; p < length; p++)
        {
            peak = Math.Max(peak, m[p]);
            size = Math.Max(size, Math.Abs(g[p]));
        }

        if (!double.IsFinite(size))
        {
            throw new InvalidOperationException($"The micro fixed point diverged (tail cut-off {_tailCutoff:G3}): the linearised remainder has growing modes; raise the tail cut-off.");
        }

        double amplitude = size > 0 ? 1e-3 * peak / size : 1.0;
        for (int p = 0; p < length; p++)
        {
            w.Plus[p] = m[p] + (amplitude * g[p]);
            w.Minus[p] = m[p] - (amplitude * g[p]);
        }

        _mixture.Evaluate(w.Plus, w.CollisionPlus);
        _mixture.Evaluate(w.Minus, w.CollisionMinus);
        _mixture.Remainder(_tailCutoff, nu, w.Plus, m, defect, w.CollisionPlus);
        _mixture.Remainder(_tailCutoff, nu, w.Minus, m, defect, w.CollisionMinus);
        for (int p = 0; p < length; p++)
        {
            lg[p] = (w.CollisionPlus[p] - w.CollisionMinus[p]) / (2.0 * amplitude);
        }
    }

    private sealed class Workspace(int length)
    {
        public double[] Plus { get; } = new double[length];

        public double[] Minus { get; } = new double[length];

        public double[] CollisionPlus { get; } = new double[length];

        public double[] CollisionMinus { get; } = new double[length];
    }
}
