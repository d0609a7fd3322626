using Kinetics.Conservation;
using Kinetics.Grids;

namespace Kinetics.Dynamics;

/// <summary>
/// The conservative batched collision step of a space-inhomogeneous solver: for many spatial cells at once, evaluates
/// the collision term of any <see cref="ICollisionOperator"/> (Boltzmann, Landau, user operators), projects each cell
/// onto its conservation laws with the weight |F^α|, and reports per cell the conservation residual before and after,
/// the resolution indicators per species and min F.
/// </summary>
/// <remarks>
/// <para>Cell c occupies [c·S·N³, (c + 1)·S·N³) of the input and output buffers (species-major inside a cell, as
/// <see cref="ICollisionOperator"/>). Resolution is measured in every cell (<see cref="SpeciesResolution"/>) and, under
/// <see cref="ResolutionPolicy.Report"/>, only reported; the operator's own check (Boltzmann's
/// <c>ResolutionTolerance</c>) is bypassed, so a run is never stopped by it. Under <see cref="ResolutionPolicy.Strict"/>
/// an <see cref="UnresolvedSpeciesException"/> names the cell, the species and the remedy.</para>
/// <para>Errors: a failing cell raises one exception naming the cell (and the species for non-finite input or
/// resolution), never an <see cref="AggregateException"/>; the other workers stop at their next cell. Cancellation is
/// checked between cells and raises <see cref="OperationCanceledException"/> after the workers have stopped.</para>
/// <para>Allocation: after the first call (which creates workspaces inside the operator and the workers' state), calls
/// allocate nothing, serial or parallel: workers are <see cref="IThreadPoolWorkItem"/> objects created once and queued
/// with <see cref="ThreadPool.UnsafeQueueUserWorkItem(IThreadPoolWorkItem, bool)"/>. One call at a time per step object
/// (the workers are its state); use one step object per concurrent caller.</para>
/// <para>Per-species grids (<see cref="Create(ISpeciesGridCollisionOperator, BatchedCollisionStepOptions?)"/>,
/// docs/species-grids.md): a cell holds Σ_α N_α³ values stacked as <see cref="Grids"/>, resolution is measured on each
/// species' own grid and the projection takes every moment there (<see cref="ConservativeProjection"/> over
/// <see cref="SpeciesGrids"/>).</para>
/// </remarks>
public sealed class BatchedCollisionStep
{
    private readonly ConservativeProjection _projection;
    private readonly ICollisionOperator? _operator;
    private readonly double[] _masses;
    private readonly IUncheckedCollisionOperator? _unchecked;
    private readonly Worker[] _workers;
    private readonly Lock _errorLock = new();
    private int _pending;
    private readonly CompletionSignal _finished = new();
    private long _workerAllocatedBytes;
    private int _busy;

    // State of the current call, read by the workers.
    private ReadOnlyMemory<double> _cells;
    private Memory<double> _destination;
    private Memory<CellReport> _reports;
    private Memory<SpeciesResolution> _species;
    private CancellationToken _token;
    private int _next;
    private int _cellCount;
    private Exception? _error;

    private BatchedCollisionStep(ICollisionOperator? collisionOperator, ISpeciesGridCollisionOperator? speciesGridOperator, BatchedCollisionStepOptions options)
    {
        _operator = collisionOperator;
        SpeciesGridOperator = speciesGridOperator;
        Options = options;
        _masses = (collisionOperator is not null ? collisionOperator.Masses : speciesGridOperator!.Masses).ToArray();
        Grids = collisionOperator is not null ? SpeciesGrids.Shared(collisionOperator.Grid, _masses.Length) : speciesGridOperator!.Grids;
        _projection = ConservativeProjection.Create(Grids, _masses);
        _unchecked = collisionOperator as IUncheckedCollisionOperator;
        _workers = new Worker[options.MaxDegreeOfParallelism - 1];
        for (int w = 0; w < _workers.Length; w++)
        {
            _workers[w] = new Worker(this);
        }
    }

    /// <summary>The operator on one shared grid.</summary>
    /// <exception cref="InvalidOperationException">The step evaluates a per-species-grid operator (<see cref="SpeciesGridOperator"/>).</exception>
    public ICollisionOperator Operator => _operator ?? throw new InvalidOperationException("This step evaluates an operator on per-species grids; see SpeciesGridOperator.");

    /// <summary>The operator on per-species grids, or null for a shared-grid <see cref="Operator"/>.</summary>
    public ISpeciesGridCollisionOperator? SpeciesGridOperator { get; }

    /// <summary>The species' grids of one cell (<see cref="SpeciesGrids.Shared"/> for a shared-grid operator).</summary>
    public SpeciesGrids Grids { get; }

    /// <summary>The options.</summary>
    public BatchedCollisionStepOptions Options { get; }

    /// <summary>Bytes allocated so far on the pool threads while they ran this step's workers (the allocation test reads
    /// it: the test host's own threads make the process-wide count noisy).</summary>
    internal long WorkerAllocatedBytes => Interlocked.Read(ref _workerAllocatedBytes);

    /// <summary>Σ_α N_α³ (S·N³ on a shared grid), the values per cell.</summary>
    public int CellLength => Grids.TotalCount;

    /// <summary>Creates the step for <paramref name="collisionOperator"/>.</summary>
    /// <param name="collisionOperator">The operator 𝒞 (thread-safe for concurrent calls, as the interface requires).</param>
    /// <param name="options">Options; null for the defaults (projection on, report resolution, serial).</param>
    public static BatchedCollisionStep Create(ICollisionOperator collisionOperator, BatchedCollisionStepOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(collisionOperator);
        options ??= new BatchedCollisionStepOptions();
        options.Validate();
        return new BatchedCollisionStep(collisionOperator, null, options);
    }

    /// <summary>Creates the step for <paramref name="collisionOperator"/> on per-species grids (a cell is Σ_α N_α³ values
    /// stacked as its <see cref="ISpeciesGridCollisionOperator.Grids"/>).</summary>
    /// <param name="collisionOperator">The operator 𝒞 on per-species grids (thread-safe for concurrent calls).</param>
    /// <param name="options">Options; null for the defaults (projection on, report resolution, serial).</param>
    public static BatchedCollisionStep Create(ISpeciesGridCollisionOperator collisionOperator, BatchedCollisionStepOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(collisionOperator);
        options ??= new BatchedCollisionStepOptions();
        options.Validate();
        return new BatchedCollisionStep(null, collisionOperator, options);
    }

    /// <summary>
    /// destination[c] = P_c 𝒞(cells[c]) for every cell c, P_c the |F|-weighted conservative projection of cell c.
    /// </summary>
    /// <param name="cells">cellCount·S·N³ values (not modified).</param>
    /// <param name="destination">cellCount·S·N³ values; must not overlap <paramref name="cells"/>.</param>
    /// <param name="reports">cellCount reports.</param>
    /// <param name="species">Optional: cellCount·S per-species indicators (cell-major); empty to skip.</param>
    /// <param name="cancellationToken">Checked between cells.</param>
    /// <exception cref="ArgumentException">Wrong lengths, overlap, or a non-finite value (naming the cell and species).</exception>
    /// <exception cref="UnresolvedSpeciesException">Strict policy and an unresolved species.</exception>
    /// <exception cref="InvalidOperationException">The operator failed in a cell (the message names it), or the step is
    /// already running a call.</exception>
    public void Evaluate(
        ReadOnlyMemory<double> cells,
        Memory<double> destination,
        Memory<CellReport> reports,
        Memory<SpeciesResolution> species = default,
        CancellationToken cancellationToken = default)
    {
        int block = CellLength;
        if (cells.Length % block != 0)
        {
            throw new ArgumentException($"cells must hold a whole number of cells of Σ_α N_α³ = {block} values (was {cells.Length}).", nameof(cells));
        }

        int cellCount = cells.Length / block;
        Guard.Length(destination.Length, cells.Length, nameof(destination));
        Guard.Length(reports.Length, cellCount, nameof(reports));
        if (!species.IsEmpty)
        {
            Guard.Length(species.Length, cellCount * _masses.Length, nameof(species));
        }

        if (cells.Span.Overlaps(destination.Span))
        {
            throw new ArgumentException("destination must not overlap cells.", nameof(destination));
        }

        ReadOnlySpan<double> all = cells.Span;
        for (int cell = 0; cell < cellCount; cell++)
        {
            for (int a = 0; a < _masses.Length; a++)
            {
                foreach (double value in all.Slice((cell * block) + Grids.Offset(a), Grids.Count(a)))
                {
                    if (!double.IsFinite(value))
                    {
                        throw new ArgumentException($"cells: cell {cell}, species {a} has a non-finite value ({value}).", nameof(cells));
                    }
                }
            }
        }

        if (Interlocked.Exchange(ref _busy, 1) != 0)
        {
            throw new InvalidOperationException("This BatchedCollisionStep is already evaluating on another thread; use one step object per concurrent caller.");
        }

        try
        {
            _cells = cells;
            _destination = destination;
            _reports = reports;
            _species = species;
            _token = cancellationToken;
            _next = -1;
            _cellCount = cellCount;
            _error = null;
            int helpers = Math.Min(_workers.Length, cellCount - 1);
            if (helpers > 0)
            {
                Volatile.Write(ref _pending, helpers);
                for (int w = 0; w < helpers; w++)
                {
                    ThreadPool.UnsafeQueueUserWorkItem(_workers[w], preferLocal: false);
                }
            }

            Work();
            if (helpers > 0)
            {
                // The caller has finished its own cells; the workers finish at most one cell each. Blocks on an event the
                // last worker sets (CompletionSignal: no allocation, no 1 ms sleeps as SpinWait's).
                _finished.Wait(ref _pending, 0);
            }

            if (_error is { } error)
            {
                throw error;
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
        finally
        {
            _cells = default;
            _destination = default;
            _reports = default;
            _species = default;
            Volatile.Write(ref _busy, 0);
        }
    }

    // Takes cells until none is left, an error occurred or cancellation was requested.
    private void Work()
    {
        int cell;
        while ((cell = Interlocked.Increment(ref _next)) < _cellCount && Volatile.Read(ref _error) is null && !_token.IsCancellationRequested)
        {
            try
            {
                EvaluateCell(cell);
            }
            catch (Exception e)
            {
                lock (_errorLock)
                {
                    _error ??= e is ArgumentException or UnresolvedSpeciesException ? e : new InvalidOperationException($"Collision step failed in cell {cell}: {e.Message}", e);
                }
            }
        }
    }

    private void EvaluateCell(int cell)
    {
        int block = CellLength, s = _masses.Length;
        ReadOnlySpan<double> f = _cells.Span.Slice(cell * block, block);
        Span<double> q = _destination.Span.Slice(cell * block, block);
        double minimum = double.PositiveInfinity, worstEdge = 0, worstSpacing = 0, worstExcess = double.NegativeInfinity;
        int worstSpecies = 0;
        for (int a = 0; a < s; a++)
        {
            var grid = Grids[a].Grid;
            ReadOnlySpan<double> fa = f.Slice(Grids.Offset(a), Grids.Count(a));
            var resolution = SpeciesResolution.Measure(grid, fa, _masses[a]);
            if (!_species.IsEmpty)
            {
                _species.Span[(cell * s) + a] = resolution;
            }

            minimum = Math.Min(minimum, resolution.MinimumValue);
            worstEdge = Math.Max(worstEdge, resolution.EdgeRatio);
            worstSpacing = Math.Max(worstSpacing, resolution.SpacingRatio);
            double excess = Math.Max(resolution.EdgeRatio / Options.ResolutionTolerance, resolution.SpacingRatio / Options.MaxSpacingRatio);
            if (excess > worstExcess)
            {
                worstExcess = excess;
                worstSpecies = a;
            }

            if (Options.Resolution == ResolutionPolicy.Strict && excess > 1)
            {
                throw new UnresolvedSpeciesException(
                    $"cell {cell}, species {a} is not resolved: box-edge ratio {resolution.EdgeRatio:G3} (limit {Options.ResolutionTolerance:G3}), " +
                    $"h/σ = {resolution.SpacingRatio:G3} (limit {Options.MaxSpacingRatio:G3}); {resolution.Remedy(grid, Options.ResolutionTolerance, Options.MaxSpacingRatio)}.",
                    cell,
                    a,
                    resolution);
            }
        }

        if (SpeciesGridOperator is not null)
        {
            SpeciesGridOperator.Evaluate(f, q);
        }
        else if (_unchecked is not null)
        {
            _unchecked.EvaluateWithoutResolutionCheck(f, q);
        }
        else
        {
            _operator!.Evaluate(f, q);
        }

        double before = 0, after = 0;
        if (Options.ConservativeProjection)
        {
            var report = _projection.ApplyDistributionWeighted(q, f);
            before = report.ResidualBefore;
            after = report.ResidualAfter;
        }

        _reports.Span[cell] = new CellReport(before, after, minimum, worstEdge, worstSpacing, worstSpecies);
    }

    private sealed class Worker(BatchedCollisionStep owner) : IThreadPoolWorkItem
    {
        public void Execute()
        {
            long start = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                owner.Work();
            }
            finally
            {
                Interlocked.Add(ref owner._workerAllocatedBytes, GC.GetAllocatedBytesForCurrentThread() - start);
                Interlocked.Decrement(ref owner._pending);
                owner._finished.Notify();
            }
        }
    }
}
