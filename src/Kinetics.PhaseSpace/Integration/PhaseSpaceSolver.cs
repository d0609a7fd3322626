using System.Numerics.Tensors;
using System.Security.Cryptography;
using Kinetics.PhaseSpace.Fields;
using Kinetics.PhaseSpace.Moments;
using Kinetics.PhaseSpace.Parallel;
using Kinetics.PhaseSpace.States;
using Kinetics.PhaseSpace.Transport;

namespace Kinetics.PhaseSpace.Integration;

/// <summary>
/// Time integration of ∂_t F^α + v·∇ₓF^α + (q^α/m^α)E·∇ᵥF^α = 0 with ∇·E = Σ_α q^α n^α − ⟨·⟩ (Vlasov–Poisson; free
/// transport when no species is charged) by Strang splitting: transport Δt/2, field from the transported state, force
/// Δt, transport Δt/2. Second order in time; mass conserved to round-off; momentum and energy to the splitting order.
/// </summary>
/// <remarks>
/// The solver is bound to one state layout (all cells, or one process's block of rows) and owns its scratch: it is not
/// thread-safe, but parallel inside (threads over cells). Distributed runs: every process calls every method in the same
/// order; charge densities and diagnostics are gathered in global cell order and solved/summed identically everywhere,
/// so P processes reproduce one process bit for bit (docs/phase-space.md).
/// </remarks>
public sealed partial class PhaseSpaceSolver
{
    private readonly FreeTransport _transport;
    private readonly TransportWorkspace _transportWorkspace;
    private readonly ForceTerm _force;
    private readonly IGaussSolver? _poisson;
    private readonly PhaseSpaceOptions _options;
    private readonly DomainDecomposition _decomposition;
    private readonly int[] _cellCounts;
    private readonly double[] _localRho;
    private readonly double[] _rho;
    private readonly double[] _ex;
    private readonly double[] _ey;
    private readonly double[] _scratch;

    private PhaseSpaceSolver(PhaseSpaceState layout, PhaseSpaceOptions options, DomainDecomposition decomposition)
    {
        _options = options;
        _decomposition = decomposition;
        _transport = layout.HasSharedVelocities
            ? FreeTransport.Create(layout.Mesh, layout.Velocities, options.Limiter, options.LowBoundary, options.HighBoundary)
            : FreeTransport.Create(layout.Mesh, layout.SpeciesVelocities, options.Limiter, options.LowBoundary, options.HighBoundary);
        _transportWorkspace = _transport.CreateWorkspace(layout);
        _force = layout.HasSharedVelocities ? ForceTerm.Create(layout.Velocities, options.Limiter) : ForceTerm.Create(layout.SpeciesVelocities, options.Limiter);
        bool charged = false;
        foreach (double q in layout.Charges)
        {
            charged |= q != 0.0;
        }

        _poisson = !options.SelfConsistentField || !charged ? null
            : options.LowBoundary is null ? PeriodicPoissonSolver.Create(layout.Mesh)
            : WallPoissonSolver.Create(layout.Mesh, options.LowField, options.HighField, options.NeutralisingBackground);
        int rowLength = layout.Mesh.RowLength;
        _cellCounts = Enumerable.Range(0, decomposition.Ranks).Select(r => decomposition.RowCount(r) * rowLength).ToArray();
        int cells = layout.Mesh.CellCount;
        _localRho = new double[layout.CellCount];
        _rho = new double[cells];
        _ex = new double[cells];
        _ey = new double[layout.Mesh.Dimension == 2 ? cells : 0];
        _scratch = new double[layout.CellCount];
        Layout = layout;
        if (options.BoltzmannBalancedSpecies >= 0)
        {
            _balanced = new BalancedWork(layout, cells, options.BoltzmannBalancedSpecies);
        }
    }

    /// <summary>A state with the layout this solver advances (a template; its values are not used).</summary>
    public PhaseSpaceState Layout { get; }

    /// <summary>
    /// The largest Strang step allowed by the CFL option: each transport half-step has Courant number at most Cfl, so
    /// Δt = 2·Cfl·min_a Δ_a/max|v_a|.
    /// </summary>
    public double StableStep => 2.0 * _options.Cfl * _transport.MaxStableStep;

    /// <summary>E_x on every cell of the mesh after the last field solve (zeros without a field).</summary>
    public ReadOnlySpan<double> FieldX => _ex;

    /// <summary>E_y on every cell of the mesh after the last field solve (empty in 1-D).</summary>
    public ReadOnlySpan<double> FieldY => _ey;

    /// <summary>Creates a solver for states laid out like <paramref name="layout"/>.</summary>
    /// <param name="layout">A state on this process's rows (<see cref="DomainDecomposition"/> of the slow axis over the communicator's ranks).</param>
    /// <param name="options">Options (null for the defaults).</param>
    /// <exception cref="ArgumentException">The state's rows are not this rank's block, or a rank would own fewer than 2 rows.</exception>
    public static PhaseSpaceSolver Create(PhaseSpaceState layout, PhaseSpaceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        options ??= new PhaseSpaceOptions();
        Guard.InHalfOpenRange(options.Cfl, 0.0, 1.0 + 1e-15, nameof(options.Cfl));
        Guard.Positive(options.CollisionCourant, nameof(options.CollisionCourant));
        Guard.Defined(options.Limiter, nameof(options.Limiter));
        if (options.MaxDegreeOfParallelism != -1)
        {
            Guard.InRange(options.MaxDegreeOfParallelism, 1, int.MaxValue, nameof(options.MaxDegreeOfParallelism));
        }

        ArgumentNullException.ThrowIfNull(options.Communicator, nameof(options.Communicator));
        CheckBalanced(layout, options);
        var comm = options.Communicator;
        var decomposition = new DomainDecomposition(layout.Mesh.RowCount, comm.Size);
        if (layout.FirstRow != decomposition.FirstRow(comm.Rank) || layout.RowCount != decomposition.RowCount(comm.Rank))
        {
            throw new ArgumentException(
                $"layout must hold rows [{decomposition.FirstRow(comm.Rank)}, {decomposition.FirstRow(comm.Rank) + decomposition.RowCount(comm.Rank)}) on rank {comm.Rank} of {comm.Size}.",
                nameof(layout));
        }

        if (decomposition.RowCount(comm.Size - 1) < 2)
        {
            throw new ArgumentException($"Every process must own at least 2 rows ({layout.Mesh.RowCount} rows over {comm.Size} processes).", nameof(layout));
        }

        return new PhaseSpaceSolver(layout, options, decomposition);
    }

    /// <summary>The state of this rank's block for <paramref name="mesh"/> under the communicator of <paramref name="options"/>.</summary>
    /// <param name="mesh">The whole mesh.</param>
    /// <param name="velocities">The velocity grid.</param>
    /// <param name="mixture">The species.</param>
    /// <param name="options">Options (their communicator decides the block).</param>
    public static PhaseSpaceState CreateLocalState(Meshes.UniformMesh mesh, Velocities.VelocityGrid velocities, Mixtures.Mixture mixture, PhaseSpaceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        var comm = (options ?? new PhaseSpaceOptions()).Communicator;
        var decomposition = new DomainDecomposition(mesh.RowCount, comm.Size);
        return new PhaseSpaceState(mesh, velocities, mixture, decomposition.FirstRow(comm.Rank), decomposition.RowCount(comm.Rank));
    }

    /// <summary>The state of this rank's block with a velocity grid per species (docs/phase-space.md, "Per-species velocity grids").</summary>
    /// <param name="mesh">The whole mesh.</param>
    /// <param name="velocities">One velocity grid per species.</param>
    /// <param name="mixture">The species.</param>
    /// <param name="options">Options (their communicator decides the block).</param>
    public static PhaseSpaceState CreateLocalState(Meshes.UniformMesh mesh, IReadOnlyList<Velocities.VelocityGrid> velocities, Mixtures.Mixture mixture, PhaseSpaceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        var comm = (options ?? new PhaseSpaceOptions()).Communicator;
        var decomposition = new DomainDecomposition(mesh.RowCount, comm.Size);
        return new PhaseSpaceState(mesh, velocities, mixture, decomposition.FirstRow(comm.Rank), decomposition.RowCount(comm.Rank));
    }

    /// <summary>
    /// One Strang step of length Δt: transport Δt/2, then force Δt (field from the transported state) without collisions,
    /// or force Δt/2, collisions Δt, force Δt/2 (field solved before each force half) with them, then transport Δt/2.
    /// </summary>
    /// <param name="state">The state (advanced in place).</param>
    /// <param name="step">Δt ≥ 0 with each transport half-step stable (Δt ≤ <see cref="StableStep"/>/Cfl).</param>
    /// <exception cref="ArgumentException">A non-finite value in <paramref name="state"/>, or with collisions a cell where a
    /// species' density is negative beyond round-off; thrown before the state is changed.</exception>
    public void Step(PhaseSpaceState state, double step)
    {
        CheckState(state);
        Guard.NonNegative(step);
        CheckCells(state, _options.Collisions is not null);
        int threads = _options.MaxDegreeOfParallelism;
        if (_balanced is not null)
        {
            MeasureBalanced(state);
        }

        _transport.Advance(state, 0.5 * step, _options.Communicator, _transportWorkspace, threads);
        if (_options.Collisions is null)
        {
            Force(state, step);
            RecordField(0);
            RecordField(1);
        }
        else
        {
            Force(state, 0.5 * step);
            RecordField(0);
            _options.Collisions.Advance(state, step, threads);
            Force(state, 0.5 * step);
            RecordField(1);
        }

        _transport.Advance(state, 0.5 * step, _options.Communicator, _transportWorkspace, threads);
        if (_balanced is not null)
        {
            BalanceStep(state, step);
        }
    }

    private void Force(PhaseSpaceState state, double step)
    {
        if (_poisson is null)
        {
            return;
        }

        SolveField(state);
        int first = state.FirstCell, count = state.CellCount;
        _force.Advance(state, _ex.AsSpan(first, count), _ey.Length > 0 ? _ey.AsSpan(first, count) : [], step, _options.MaxDegreeOfParallelism);
    }

    /// <summary>
    /// The Strang step <see cref="Run"/> takes for <paramref name="state"/>: <see cref="StableStep"/>, and with collisions
    /// at most <see cref="PhaseSpaceOptions.CollisionCourant"/>/ν_max (ν_max over all processes, gathered), unless the
    /// collision step is stiff (<see cref="CollisionStep.CreateStiff"/>).
    /// </summary>
    /// <param name="state">The state.</param>
    public double StepFor(PhaseSpaceState state)
    {
        CheckState(state);
        double step = StableStep;
        if (_options.Collisions is { IsStiff: false })
        {
            double[] all = Gather([_options.Collisions.MaxCollisionFrequency(state)], 1, perRank: true);
            double nu = all.Max();
            if (nu > 0.0)
            {
                step = Math.Min(step, _options.CollisionCourant / nu);
            }
        }

        return step;
    }

    /// <summary>Solves Gauss's law for the state's charge density (gathered over all processes) into <see cref="FieldX"/>/<see cref="FieldY"/>.</summary>
    /// <param name="state">The state.</param>
    public void SolveField(PhaseSpaceState state)
    {
        CheckState(state);
        if (_poisson is null)
        {
            return;
        }

        Array.Clear(_localRho);
        for (int s = 0; s < state.SpeciesCount; s++)
        {
            double q = state.Charges[s];
            if (q == 0.0)
            {
                continue;
            }

            CellMoments.Densities(state, s, _scratch);
            for (int c = 0; c < _localRho.Length; c++)
            {
                _localRho[c] += q * _scratch[c];
            }
        }

        _options.Communicator.AllGather(_localRho, _cellCounts, _rho);
        _poisson.Solve(_rho, _ex, _ey);
    }

    /// <summary>
    /// Runs from t = 0 to <paramref name="finalTime"/> in the ⌈T/<see cref="StepFor"/>⌉ equal steps of <see cref="Schedule"/>,
    /// reporting after each (<see cref="Continue"/> runs in pieces, <see cref="CreateCheckpoint"/> and <see cref="Restore"/> restart).
    /// </summary>
    /// <param name="state">The state (advanced in place).</param>
    /// <param name="finalTime">T &gt; 0.</param>
    /// <param name="observer">Called after every step (null for none).</param>
    /// <param name="cancellationToken">Checked before every step.</param>
    /// <returns>The number of steps taken.</returns>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public int Run(PhaseSpaceState state, double finalTime, Action<PhaseSpaceStep>? observer = null, CancellationToken cancellationToken = default)
    {
        var clock = Continue(state, Schedule(state, finalTime), int.MaxValue, observer, cancellationToken);
        if (!clock.IsFinished)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        return clock.TotalSteps;
    }

    /// <summary>½∫|E|² dx of the last field solve.</summary>
    public double FieldEnergy() => _poisson?.FieldEnergy(_ex, _ey) ?? 0.0;

    /// <summary>Global integrals (mass per species, momentum, kinetic and field energy), summed in global cell order.</summary>
    /// <param name="state">The state; the field is recomputed from it.</param>
    public PhaseSpaceDiagnostics Diagnose(PhaseSpaceState state)
    {
        CheckState(state);
        SolveField(state);
        int species = state.SpeciesCount, width = species + 4;
        var local = new double[state.CellCount * width];
        var vx = new double[species][];
        var vy = new double[species][];
        var vz = new double[species][];
        var v2 = new double[species][];
        for (int s = 0; s < species; s++)
        {
            var grid = state.VelocitiesOf(s);
            int count = grid.Count;
            (vx[s], vy[s], vz[s], v2[s]) = (new double[count], new double[count], new double[count], new double[count]);
            grid.FillComponent(0, vx[s]);
            grid.FillComponent(1, vy[s]);
            grid.FillComponent(2, vz[s]);
            for (int p = 0; p < count; p++)
            {
                v2[s][p] = (vx[s][p] * vx[s][p]) + (vy[s][p] * vy[s][p]) + (vz[s][p] * vz[s][p]);
            }
        }

        for (int c = 0; c < state.CellCount; c++)
        {
            for (int s = 0; s < species; s++)
            {
                ReadOnlySpan<double> f = state.Distribution(c, s);
                double[] sx = vx[s], sy = vy[s], sz = vz[s], s2 = v2[s];
                double cellMeasure = state.Mesh.CellVolume * state.VelocitiesOf(s).Weight;
                double m = state.Masses[s], n = 0, px = 0, py = 0, pz = 0, e = 0;
                for (int p = 0; p < f.Length; p++)
                {
                    n += f[p];
                    px += sx[p] * f[p];
                    py += sy[p] * f[p];
                    pz += sz[p] * f[p];
                    e += s2[p] * f[p];
                }

                int at = c * width;
                local[at + s] = n * cellMeasure;
                local[at + species] += m * px * cellMeasure;
                local[at + species + 1] += m * py * cellMeasure;
                local[at + species + 2] += m * pz * cellMeasure;
                local[at + species + 3] += 0.5 * m * e * cellMeasure;
            }
        }

        var all = Gather(local, width);
        var totals = new double[width];
        for (int c = 0; c < all.Length / width; c++)
        {
            for (int k = 0; k < width; k++)
            {
                totals[k] += all[(c * width) + k];
            }
        }

        return new PhaseSpaceDiagnostics(
            totals[..species],
            new Velocity3(totals[species], totals[species + 1], totals[species + 2]),
            totals[species + 3],
            FieldEnergy());
    }

    /// <summary>
    /// The SHA-256 of the whole state's values (all processes, global cell order, little-endian IEEE doubles) as lower-case
    /// hex: equal fingerprints mean bitwise equal states.
    /// </summary>
    /// <param name="state">The state.</param>
    public string Fingerprint(PhaseSpaceState state)
    {
        CheckState(state);
        double[] all = Gather(state.Data.ToArray(), state.CellLength);
        byte[] bytes = new byte[all.Length * sizeof(double)];
        for (int i = 0; i < all.Length; i++)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(i * sizeof(double)), all[i]);
        }

        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>The whole mesh's values (cell order) gathered from every process: <paramref name="width"/> values per cell.</summary>
    /// <param name="local">This process's values, <paramref name="width"/> per owned cell.</param>
    /// <param name="width">Values per cell.</param>
    public double[] Gather(double[] local, int width) => Gather(local, width, perRank: false);

    private double[] Gather(double[] local, int width, bool perRank)
    {
        ArgumentNullException.ThrowIfNull(local);
        Guard.InRange(width, 1, int.MaxValue / Math.Max(1, Layout.Mesh.CellCount));
        Guard.Length(local.Length, (perRank ? 1 : Layout.CellCount) * width, nameof(local));
        var counts = _cellCounts.Select(c => (perRank ? 1 : c) * width).ToArray();
        var all = new double[counts.Sum()];
        _options.Communicator.AllGather(local, counts, all);
        return all;
    }

    private double FieldModeAmplitude()
    {
        var mesh = Layout.Mesh;
        int nx = mesh.CellsX;
        double re = 0.0, im = 0.0;
        for (int c = 0; c < _ex.Length; c++)
        {
            double phase = 2.0 * Math.PI * (c % nx) / nx;
            re += _ex[c] * Math.Cos(phase);
            im -= _ex[c] * Math.Sin(phase);
        }

        return 2.0 * Math.Sqrt((re * re) + (im * im)) / _ex.Length;
    }

    // Refuses, before the step changes anything, a state whose values are not finite or (with collisions) a cell with a
    // species of negative density beyond round-off. Found later, by the collision step, these errors came after the first transport
    // half-step had already overwritten the state. One sum per cell and species (SIMD); a non-finite value makes it
    // non-finite.
    private static void CheckCells(PhaseSpaceState state, bool collisions)
    {
        for (int c = 0; c < state.CellCount; c++)
        {
            for (int a = 0; a < state.SpeciesCount; a++)
            {
                double sum = TensorPrimitives.Sum<double>(state.Distribution(c, a));
                if (!double.IsFinite(sum))
                {
                    throw new ArgumentException($"state: local cell {c}, species {a} holds non-finite values (or values near the double range).", nameof(state));
                }

                // Negative beyond round-off (a trace species' sum may sit at −1e−17 of its values' size).
                if (collisions && sum < 0 && -sum > 1e-12 * TensorPrimitives.SumOfMagnitudes<double>(state.Distribution(c, a)))
                {
                    throw new ArgumentException($"state: local cell {c}, species {a} has a negative density (sum of its values {sum:G3}); the collision steps need densities >= 0.", nameof(state));
                }
            }
        }
    }

    private void CheckState(PhaseSpaceState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.HasLayoutOf(Layout))
        {
            throw new ArgumentException("state must have the layout the solver was created for.", nameof(state));
        }
    }
}
