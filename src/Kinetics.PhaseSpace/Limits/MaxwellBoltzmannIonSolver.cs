using Kinetics.PhaseSpace.Fields;
using Kinetics.PhaseSpace.Moments;
using Kinetics.PhaseSpace.Parallel;
using Kinetics.PhaseSpace.States;
using Kinetics.PhaseSpace.Transport;

namespace Kinetics.PhaseSpace.Limits;

/// <summary>
/// The massless-electron limit of the 1-D Vlasov–Poisson–Landau system (Flynn and Guo, eq. (1.17)–(1.18), sign of the
/// force corrected; docs/massless-electrons.md): kinetic ions ∂_tF + v_x∂_xF + (q/m)E∂_{v_x}F = 𝒞(F) with
/// Maxwell–Boltzmann electrons n₋ = e^{βφ}, −φ'' = Σ q n_ion − e^{βφ} (<see cref="PoissonBoltzmannSolver"/>), and the
/// electrons' inverse temperature β from the energy 3N₋/(2β) + Σ½m∫|v|²F + ½∫E² (or held fixed). Units of
/// <see cref="PeriodicPoissonSolver"/>: permittivity 1, electron charge −1.
/// </summary>
/// <remarks>
/// <para>One step of length Δt is the Strang splitting of <see cref="Integration.PhaseSpaceSolver"/>: transport Δt/2,
/// force Δt/2, collisions Δt, force Δt/2, transport Δt/2 (the force halves each with the field of the current ion
/// density), then β is updated from the energy at the end of the step by a fixed point (budget 50, each iterate one
/// Poisson–Boltzmann solve).</para>
/// <para>Periodic 1-D meshes, one process, positively charged species (ions) only. Not thread-safe (owns its scratch);
/// parallel inside over cells.</para>
/// </remarks>
public sealed class MaxwellBoltzmannIonSolver
{
    private const int MaxEnergyIterations = 50;
    private readonly FreeTransport _transport;
    private readonly TransportWorkspace _transportWorkspace;
    private readonly ForceTerm _force;
    private readonly PoissonBoltzmannSolver _field;
    private readonly MaxwellBoltzmannOptions _options;
    private readonly double[] _rho, _phi, _electrons, _ex, _scratch;
    private double _energy;

    private MaxwellBoltzmannIonSolver(PhaseSpaceState layout, MaxwellBoltzmannOptions options)
    {
        Layout = layout;
        _options = options;
        var grids = layout.SpeciesVelocities;
        _transport = FreeTransport.Create(layout.Mesh, grids, options.Limiter);
        _transportWorkspace = _transport.CreateWorkspace(layout);
        _force = ForceTerm.Create(grids, options.Limiter);
        _field = PoissonBoltzmannSolver.Create(layout.Mesh);
        int cells = layout.CellCount;
        _rho = new double[cells];
        _phi = new double[cells];
        _electrons = new double[cells];
        _ex = new double[cells];
        _scratch = new double[cells];
        Beta = 1.0 / options.ElectronTemperature;
        _energy = double.NaN;
    }

    /// <summary>A state with the layout this solver advances.</summary>
    public PhaseSpaceState Layout { get; }

    /// <summary>The electrons' current inverse temperature β.</summary>
    public double Beta { get; private set; }

    /// <summary>φ per cell after the last field solve.</summary>
    public ReadOnlySpan<double> Potential => _phi;

    /// <summary>The electrons' density e^{βφ} per cell after the last field solve.</summary>
    public ReadOnlySpan<double> ElectronDensity => _electrons;

    /// <summary>E per cell after the last field solve.</summary>
    public ReadOnlySpan<double> FieldX => _ex;

    /// <summary>The largest Strang step the CFL option allows for transport: 2·Cfl·Δx/max|v_x|.</summary>
    public double StableStep => 2.0 * _options.Cfl * _transport.MaxStableStep;

    /// <summary>Creates the solver.</summary>
    /// <param name="layout">Ions on a periodic 1-D mesh (every species charged positively), all cells on this process.</param>
    /// <param name="options">Options (null: defaults).</param>
    /// <exception cref="ArgumentException">A 2-D mesh, a species with charge ≤ 0, or options out of range.</exception>
    public static MaxwellBoltzmannIonSolver Create(PhaseSpaceState layout, MaxwellBoltzmannOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        options ??= new MaxwellBoltzmannOptions();
        if (layout.Mesh.Dimension != 1 || layout.CellCount != layout.Mesh.CellCount)
        {
            throw new ArgumentException("layout must hold every cell of a 1-D mesh.", nameof(layout));
        }

        foreach (double q in layout.Charges)
        {
            if (!(q > 0))
            {
                throw new ArgumentException($"every species must be a positively charged ion (charge {q}); the electrons are the Boltzmann fluid.", nameof(layout));
            }
        }

        Guard.InRange(options.ElectronTemperature, double.Epsilon, 1e6, nameof(options.ElectronTemperature));
        Guard.InHalfOpenRange(options.Cfl, 0.0, 1.0 + 1e-15, nameof(options.Cfl));
        Guard.Defined(options.Limiter, nameof(options.Limiter));
        return new MaxwellBoltzmannIonSolver(layout, options);
    }

    /// <summary>Solves the field of <paramref name="state"/> at the current β and fixes the total energy the β update keeps.</summary>
    /// <param name="state">The initial state.</param>
    public void Initialize(PhaseSpaceState state)
    {
        CheckState(state);
        SolveField(state);
        _energy = TotalEnergy(state);
    }

    /// <summary>
    /// Total energy 3N₋/(2β) + Σ_α ½m_α∫|v|²F_α + ½∫E², N₋ = ∫e^{βφ} (the field of the current state at the current β).
    /// </summary>
    /// <param name="state">The state.</param>
    public double TotalEnergy(PhaseSpaceState state)
    {
        CheckState(state);
        SolveField(state);
        return KineticEnergy(state) + _field.FieldEnergy(_ex) + (1.5 * ElectronCount() / Beta);
    }

    /// <summary>One Strang step of length Δt (then β from the energy, unless held).</summary>
    /// <param name="state">The state (advanced in place); <see cref="Initialize"/> must have been called.</param>
    /// <param name="step">Δt ≥ 0 with each transport half-step stable (Δt ≤ <see cref="StableStep"/>/Cfl).</param>
    /// <exception cref="InvalidOperationException">Not initialised, or the energy leaves no positive electron temperature.</exception>
    public void Step(PhaseSpaceState state, double step)
    {
        CheckState(state);
        Guard.NonNegative(step);
        if (double.IsNaN(_energy))
        {
            throw new InvalidOperationException("Call Initialize before Step.");
        }

        int threads = _options.MaxDegreeOfParallelism;
        _transport.Advance(state, 0.5 * step, SerialCommunicator.Instance, _transportWorkspace, threads);
        Force(state, 0.5 * step);
        _options.Collisions?.Advance(state, step, threads);
        Force(state, 0.5 * step);
        _transport.Advance(state, 0.5 * step, SerialCommunicator.Instance, _transportWorkspace, threads);
        if (!_options.HoldElectronTemperature)
        {
            UpdateBeta(state);
        }
        else
        {
            SolveField(state);
        }
    }

    private void Force(PhaseSpaceState state, double step)
    {
        SolveField(state);
        _force.Advance(state, _ex, [], step, _options.MaxDegreeOfParallelism);
    }

    private void SolveField(PhaseSpaceState state)
    {
        Array.Clear(_rho);
        for (int s = 0; s < state.SpeciesCount; s++)
        {
            CellMoments.Densities(state, s, _scratch);
            double q = state.Charges[s];
            for (int c = 0; c < _rho.Length; c++)
            {
                _rho[c] += q * _scratch[c];
            }
        }

        _field.Solve(_rho, Beta, _phi, _electrons, _ex);
    }

    // β from E₀ = K + W(β) + 3N₋/(2β) by the fixed point β ← 3N₋/(2(E₀ − K − W(β))): W changes with β only through
    // the electrons' screening, a small contraction.
    private void UpdateBeta(PhaseSpaceState state)
    {
        double kinetic = KineticEnergy(state);
        for (int k = 0; k < MaxEnergyIterations; k++)
        {
            SolveField(state);
            double thermal = _energy - kinetic - _field.FieldEnergy(_ex);
            if (!(thermal > 0))
            {
                throw new InvalidOperationException($"the energy leaves the electrons no positive temperature (E₀ − K − W = {thermal}).");
            }

            double next = 1.5 * ElectronCount() / thermal;
            bool done = Math.Abs(next - Beta) <= 1e-14 * Beta;
            Beta = next;
            if (done)
            {
                SolveField(state);
                return;
            }
        }

        throw new InvalidOperationException($"the electron temperature did not settle in {MaxEnergyIterations} fixed-point iterations.");
    }

    private double ElectronCount()
    {
        double sum = 0.0;
        foreach (double n in _electrons)
        {
            sum += n;
        }

        return sum * Layout.Mesh.SpacingX;
    }

    private static double KineticEnergy(PhaseSpaceState state)
    {
        double total = 0.0;
        for (int s = 0; s < state.SpeciesCount; s++)
        {
            var grid = state.VelocitiesOf(s);
            var v2 = new double[grid.Count];
            var component = new double[grid.Count];
            for (int axis = 0; axis < grid.Dimension; axis++)
            {
                grid.FillComponent(axis, component);
                for (int p = 0; p < v2.Length; p++)
                {
                    v2[p] += component[p] * component[p];
                }
            }

            double sum = 0.0;
            for (int c = 0; c < state.CellCount; c++)
            {
                ReadOnlySpan<double> f = state.Distribution(c, s);
                for (int p = 0; p < f.Length; p++)
                {
                    sum += v2[p] * f[p];
                }
            }

            total += 0.5 * state.Masses[s] * sum * grid.Weight * state.Mesh.CellVolume;
        }

        return total;
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
