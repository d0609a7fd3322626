using Kinetics.Distributions;

namespace Kinetics.Linearized;

/// <summary>
/// L⁻¹ on (ker L)^⊥ on a Cartesian grid: solves L f = g for the spectral linearized operator
/// (<see cref="SpectralLinearizedOperator"/>, L = ν − K ≥ 0 around μ^α = 𝓜[1, 0, 1; m^α]) by restarted GMRES on the ball
/// where L is returned, with the right-hand side and every Krylov vector projected onto the ℓ²-orthogonal complement of
/// the null space span{√μ^α e_α, m^α v √μ^α, m^α|v|² √μ^α} restricted to that ball (docs/transport.md compares it with
/// the Sonine–Galerkin solution).
/// </summary>
/// <remarks>
/// <para>On (ker L)^⊥ the spectrum of L lies in [λ_gap, ν_max], so the iteration count does not grow with the grid for
/// hard potentials; points where √μ^α is below the operator's <see cref="SpectralLinearizedOperator.TailCutoff"/> carry
/// L f = 0 and are left at f = 0 (they are absent from moments to that accuracy). Truncating the null space to the ball
/// makes the discrete system consistent only up to the size of √μ at the cut (and the spectral conservation error of L):
/// the reported residual is the true one, recomputed after the iteration, and it stalls at that level when the tolerance
/// asks for less.</para>
/// <para>Immutable and thread-safe; each <see cref="Solve"/> allocates its Krylov basis.</para>
/// </remarks>
public sealed class LinearizedInverse
{
    private readonly double[][] _null; // orthonormal (ℓ²) basis of the discrete kernel
    private readonly double[] _mask;   // 1 where L is returned, 0 in the cut tails

    private LinearizedInverse(SpectralLinearizedOperator linearized, int restart)
    {
        Operator = linearized;
        Restart = restart;
        var grid = linearized.Grid;
        int s = linearized.SpeciesCount, count = grid.Count;
        double[] masses = linearized.Collision.Kernels.Mixture.Masses();
        var root = linearized.SqrtMaxwellian.Span;
        _mask = new double[s * count];
        for (int a = 0; a < s; a++)
        {
            double peak = Maxwellian.EvaluateSqrt(MacroscopicState.Unit, masses[a], Velocity3.Zero);
            for (int p = 0; p < count; p++)
            {
                _mask[(a * count) + p] = root[(a * count) + p] >= linearized.TailCutoff * peak ? 1.0 : 0.0;
            }
        }

        var vectors = new List<double[]>();
        for (int a = 0; a < s; a++)
        {
            var e = new double[s * count];
            root.Slice(a * count, count).CopyTo(e.AsSpan(a * count));
            vectors.Add(e);
        }

        for (int component = 0; component < 4; component++)
        {
            var e = new double[s * count];
            for (int a = 0; a < s; a++)
            {
                for (int p = 0; p < count; p++)
                {
                    var v = grid.Point(p);
                    double psi = component switch { 0 => v.X, 1 => v.Y, 2 => v.Z, _ => v.LengthSquared };
                    e[(a * count) + p] = masses[a] * psi * root[(a * count) + p];
                }
            }

            vectors.Add(e);
        }

        _null = new double[vectors.Count][];
        for (int i = 0; i < vectors.Count; i++)
        {
            var u = vectors[i];
            System.Numerics.Tensors.TensorPrimitives.Multiply(u, _mask, u);
            for (int pass = 0; pass < 2; pass++)
            {
                for (int j = 0; j < i; j++)
                {
                    double dot = System.Numerics.Tensors.TensorPrimitives.Dot(u, _null[j]);
                    System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(_null[j], -dot, u, u);
                }
            }

            double norm = System.Numerics.Tensors.TensorPrimitives.Norm(u);
            System.Numerics.Tensors.TensorPrimitives.Multiply(u, 1.0 / norm, u);
            _null[i] = u;
        }

    }

    /// <summary>The linearized operator L.</summary>
    public SpectralLinearizedOperator Operator { get; }

    /// <summary>The GMRES restart length.</summary>
    public int Restart { get; }

    /// <summary>Creates the solver.</summary>
    /// <param name="linearized">The spectral L.</param>
    /// <param name="restart">GMRES restart length in [5, 200] (default 40).</param>
    public static LinearizedInverse Create(SpectralLinearizedOperator linearized, int restart = 40)
    {
        ArgumentNullException.ThrowIfNull(linearized);
        Guard.InRange(restart, 5, 200);
        return new LinearizedInverse(linearized, restart);
    }

    /// <summary>
    /// Solves P L f = P χ g, with P the ℓ²-orthogonal projection onto (ker L)^⊥ and χ the indicator of the ball where L is
    /// returned (see <see cref="SpectralLinearizedOperator.TailCutoff"/>), and returns f ∈ (ker L)^⊥ in
    /// <paramref name="destination"/> (S·N³ values, species-major, f-form: F = μ + √μ f).
    /// </summary>
    /// <param name="source">g (not modified).</param>
    /// <param name="destination">f; must not overlap <paramref name="source"/>.</param>
    /// <param name="tolerance">Relative residual ‖P g − L f‖/‖P g‖ to reach, in [1e−14, 1e−1].</param>
    /// <param name="maxIterations">Budget of L applications, in [1, 100000].</param>
    /// <returns>Iterations and the final relative residual (the solve does not throw when the budget is reached; check it).</returns>
    public KrylovReport Solve(ReadOnlySpan<double> source, Span<double> destination, double tolerance = 1e-10, int maxIterations = 400)
    {
        int length = Operator.SpeciesCount * Operator.Grid.Count;
        Guard.Length(source.Length, length, nameof(source));
        Guard.Length(destination.Length, length, nameof(destination));
        Guard.AllFinite(source);
        Guard.InRange(tolerance, 1e-14, 1e-1);
        Guard.InRange(maxIterations, 1, 100000);
        if (source.Overlaps(destination))
        {
            throw new ArgumentException("destination must not overlap source.", nameof(destination));
        }

        double[] b = source.ToArray();
        Project(b);
        var x = new double[length];
        var workspace = Operator.CreateWorkspace();
        var (iterations, _) = Gmres.Solve(
            (input, output) =>
            {
                Operator.Evaluate(input, output, workspace);
                Project(output);
            },
            b,
            x,
            Restart,
            maxIterations,
            tolerance,
            Project);
        Project(x);
        var check = new double[length];
        Operator.Evaluate(x, check, workspace);
        Project(check);
        System.Numerics.Tensors.TensorPrimitives.Subtract(check, b, check);
        double bNorm = System.Numerics.Tensors.TensorPrimitives.Norm(b);
        x.CopyTo(destination);
        return new KrylovReport(iterations, bNorm > 0 ? System.Numerics.Tensors.TensorPrimitives.Norm(check) / bNorm : 0.0);
    }

    /// <summary>
    /// The projection P of the solver: restricts <paramref name="values"/> to the ball where L is returned (χ) and removes
    /// its ℓ² components on the null space of L restricted to that ball.
    /// </summary>
    /// <param name="values">S·N³ values, modified in place.</param>
    public void Project(Span<double> values)
    {
        Guard.Length(values.Length, _mask.Length, nameof(values));
        Guard.AllFinite(values);
        System.Numerics.Tensors.TensorPrimitives.Multiply(values, _mask, values);
        foreach (var e in _null)
        {
            double dot = System.Numerics.Tensors.TensorPrimitives.Dot(values, e);
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(e, -dot, values, values);
        }
    }

    private void Project(double[] values) => Project(values.AsSpan());
}

/// <summary>Outcome of a Krylov solve.</summary>
/// <param name="Iterations">Operator applications used.</param>
/// <param name="RelativeResidual">Final ‖b − A x‖/‖b‖ (GMRES estimate).</param>
public readonly record struct KrylovReport(int Iterations, double RelativeResidual);
