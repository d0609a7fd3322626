using System.Numerics;
using Kinetics.Dynamics;
using Kinetics.Grids;

namespace Kinetics.Boltzmann;

/// <summary>The collision frequency and the <see cref="ICollisionOperator"/> view used by the time integrators.</summary>
public sealed partial class BoltzmannOperator : ICollisionOperator, ICollisionFrequency, IWorkspaceOperator<BoltzmannWorkspace>, IUncheckedCollisionOperator
{
    // Workspaces rented per call by the span-only ICollisionOperator entry points (one per concurrent caller).
    private WorkspacePool<BoltzmannWorkspace>? _pool;

    /// <summary>Species masses m^α in index order.</summary>
    public ReadOnlySpan<double> Masses => _masses;

    CartesianGrid ICollisionOperator.Grid => Grid;

    /// <summary>
    /// The collision (loss) frequency of every species: destination[α·N³ + p] = ν^α(v_p) = Σ_β ∫∫ B^{αβ} F^β(v*) dσ dv*,
    /// so that the loss part of <see cref="Evaluate(ReadOnlySpan{double}, Span{double}, BoltzmannWorkspace)"/> is ν^α F^α
    /// (same truncation R = 2R_S and radial rule as the operator). For F^β = μ^β this is the ν^{αβ} of docs/math#boltzmann-operator.
    /// </summary>
    /// <param name="distributions">S·N³ values F^α(v_p) (not modified).</param>
    /// <param name="destination">S·N³ values; must not overlap <paramref name="distributions"/>.</param>
    /// <param name="workspace">Scratch from <see cref="CreateWorkspace"/>.</param>
    public void CollisionFrequency(ReadOnlySpan<double> distributions, Span<double> destination, BoltzmannWorkspace workspace)
    {
        using var lease = Validate(distributions, destination, SpeciesCount, workspace);
        int s = SpeciesCount, count = Grid.Count, hc = _halfCount;
        Span<Complex> spectra = workspace.Spectra;
        for (int a = 0; a < s; a++)
        {
            _fft.ForwardReal(distributions.Slice(a * count, count), spectra.Slice(a * hc, hc), workspace.Fft[0]);
        }

        Span<Complex> loss = workspace.LossSpectra.AsSpan(0, hc);
        for (int a = 0; a < s; a++)
        {
            loss.Clear();
            for (int b = 0; b < s; b++)
            {
                MultiplyAccumulate(_lossTables[(a * s) + b], spectra.Slice(b * hc, hc), loss);
            }

            _fft.InverseRealOverwritingInput(loss, destination.Slice(a * count, count), workspace.Fft[0]);
        }
    }

    /// <summary>max_{α, p} ν^α(v_p) (see <see cref="CollisionFrequency"/>); the stiffness that sets the stable explicit step.</summary>
    /// <param name="state">S·N³ stacked distributions (not modified).</param>
    public double MaxCollisionFrequency(ReadOnlySpan<double> state)
    {
        var workspace = Rent();
        try
        {
            Span<double> frequency = workspace.Pairs.AsSpan(0, SpeciesCount * Grid.Count);
            CollisionFrequency(state, frequency, workspace);
            return System.Numerics.Tensors.TensorPrimitives.Max(frequency);
        }
        finally
        {
            Pool.Return(workspace);
        }
    }

    /// <summary>
    /// <see cref="ICollisionOperator"/> entry point: effectively <c>destination = (Q^α(F))_α</c>, with a workspace rented
    /// from an internal pool (allocates only when more callers run concurrently than ever before).
    /// </summary>
    /// <param name="distributions">S·N³ stacked distributions (not modified).</param>
    /// <param name="destination">S·N³ stacked collision terms.</param>
    public void Evaluate(ReadOnlySpan<double> distributions, Span<double> destination) => Pool.Evaluate(this, distributions, destination);

    /// <summary>
    /// Batched evaluation over spatial cells with one plan: cell c occupies [c·S·N³, (c + 1)·S·N³) of both buffers.
    /// Cells are processed in parallel, one workspace per worker, rented from the operator's pool (the one behind its
    /// <see cref="Dynamics.ICollisionOperator"/> view) and returned after the call, so repeated calls reuse them; only
    /// the parallel loop's own bookkeeping is allocated per call.
    /// </summary>
    /// <param name="cells">cellCount·S·N³ values.</param>
    /// <param name="destination">cellCount·S·N³ values.</param>
    /// <param name="maxDegreeOfParallelism">Workers (−1: as many as the runtime chooses).</param>
    public void EvaluateCells(ReadOnlyMemory<double> cells, Memory<double> destination, int maxDegreeOfParallelism = -1)
    {
        int block = SpeciesCount * Grid.Count;
        if (cells.Length % block != 0)
        {
            throw new ArgumentException($"cells must hold a whole number of cells of S·N³ = {block} values (was {cells.Length}).", nameof(cells));
        }

        Guard.Length(destination.Length, cells.Length, nameof(destination));
        if (maxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, $"maxDegreeOfParallelism must be -1 or >= 1 (was {maxDegreeOfParallelism}).");
        }

        int cellCount = cells.Length / block;
        try
        {
            RunCells(cells, destination, maxDegreeOfParallelism, block, cellCount);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            // The first failing cell's own exception (e.g. an ArgumentException naming `distributions`), not a wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }
    }

    private void RunCells(ReadOnlyMemory<double> cells, Memory<double> destination, int maxDegreeOfParallelism, int block, int cellCount) =>
        Parallel.For(
            0,
            cellCount,
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
            Pool.Rent,
            (c, _, workspace) =>
            {
                Evaluate(cells.Span.Slice(c * block, block), destination.Span.Slice(c * block, block), workspace);
                return workspace;
            },
            Pool.Return);

    /// <inheritdoc />
    void IUncheckedCollisionOperator.EvaluateWithoutResolutionCheck(ReadOnlySpan<double> state, Span<double> destination)
    {
        var workspace = Rent();
        try
        {
            using var lease = ValidateWithoutResolution(state, destination, SpeciesCount, workspace);
            EvaluateCore(state, state, destination, workspace, pairs: false, bilinear: false);
        }
        finally
        {
            Pool.Return(workspace);
        }
    }

    // Created on first use (the constructor lives in the other part of this class).
    private WorkspacePool<BoltzmannWorkspace> Pool => WorkspacePool<BoltzmannWorkspace>.Of(ref _pool, this);

    private BoltzmannWorkspace Rent() => Pool.Rent();
}
