using Kinetics.Limits;
using Kinetics.PhaseSpace.Fields;

namespace Kinetics.PhaseSpace.Limits;

/// <summary>
/// The Euler–Poisson system of a mixture with one velocity and one temperature in one space dimension (periodic or between
/// impermeable walls), the
/// hydrodynamic limit ε → 0 of the Vlasov–Poisson–Boltzmann system ∂_t F^α + v·∂_x F^α + (q^α/m^α)E ∂_{v_x}F^α =
/// (1/ε) Σ_β Q^{αβ}(F^α, F^β) (docs/limits.md):
/// ∂_t n^α + ∂_x(n^α u) = 0, ∂_t(ρu) + ∂_x(ρu² + p) = n_q E, ∂_t ℰ + ∂_x((ℰ + p)u) = n_q E u,
/// ∂_x E = n_q − ⟨n_q⟩, with ρ = Σ m^α n^α, n_q = Σ q^α n^α, p = (Σ n^α)θ and ℰ = ρu²/2 + (3/2)p (three translational
/// degrees of freedom, γ = 5/3).
/// </summary>
/// <remarks>
/// <para>Finite volumes: MUSCL reconstruction of (n^α, u, p) with the monotonised-central limiter, the Rusanov flux,
/// SSP-RK3 under the Courant condition, and the field from the cell charges by the exact periodic quadrature of Gauss's law
/// (zero-mean E; the k = 0 mode is the neutralising background). Species numbers, total momentum (the field force
/// integrates to zero) are conserved to round-off; total energy including ½∫E² to the scheme's order.</para>
/// <para>Between walls (<see cref="LimitBoundary.Walls"/>): reflecting (impermeable, slip, adiabatic) walls — the ghost
/// state of a wall face is the mirror image of the wall cell's reconstructed state with the velocity reversed, so the
/// species and energy fluxes through the walls are zero to round-off (the wall of the specular kinetic wall's Euler limit) —
/// and the field of <see cref="WallPoissonSolver"/> with a potential or a normal field at each wall, the same discrete Gauss
/// law as the kinetic solver between walls (docs/limits.md, "Walls"). Species numbers are conserved to round-off; momentum
/// is not (the walls push); fluid plus field energy to the scheme's order for grounded (equal-potential) walls or zero
/// normal field.</para>
/// <para>State layout: (S + 2) rows of <see cref="Cells"/> values: n^1 … n^S, ρu, ℰ (cell averages). The plan is immutable
/// and thread-safe; <see cref="Advance"/> allocates its stage buffers per call.</para>
/// </remarks>
public sealed class EulerPoisson1D
{
    private const double Gamma = 5.0 / 3.0;
    private readonly double[] _masses;
    private readonly double[] _charges;
    private readonly WallPoissonSolver? _walls;

    private EulerPoisson1D(double[] masses, double[] charges, int cells, double length, WallPoissonSolver? walls)
    {
        _masses = masses;
        _charges = charges;
        Cells = cells;
        Length = length;
        _walls = walls;
    }

    /// <summary><see cref="LimitBoundary.Periodic"/> or <see cref="LimitBoundary.Walls"/>.</summary>
    public LimitBoundary Boundary => _walls is null ? LimitBoundary.Periodic : LimitBoundary.Walls;

    /// <summary>The electrostatic condition at x = 0 between walls (null when periodic).</summary>
    public FieldBoundary? LowField => _walls?.Low;

    /// <summary>The electrostatic condition at x = ℓ between walls (null when periodic).</summary>
    public FieldBoundary? HighField => _walls?.High;

    /// <summary>True when the field is that of the charge minus its mean (always when periodic).</summary>
    public bool NeutralisingBackground => _walls?.NeutralisingBackground ?? true;

    /// <summary>S, the number of species.</summary>
    public int SpeciesCount => _masses.Length;

    /// <summary>Values per cell: S densities, the momentum and the energy.</summary>
    public int VariableCount => _masses.Length + 2;

    /// <summary>Number of cells.</summary>
    public int Cells { get; }

    /// <summary>The domain length ℓ (the period, or the distance between the walls).</summary>
    public double Length { get; }

    /// <summary>Cell width ℓ/cells.</summary>
    public double Spacing => Length / Cells;

    /// <summary>Creates the periodic solver.</summary>
    /// <param name="masses">m^α &gt; 0 (1 to 16 species).</param>
    /// <param name="charges">q^α (finite, any sign), one per species.</param>
    /// <param name="cells">Cells in [8, 1 000 000].</param>
    /// <param name="length">The period ℓ &gt; 0.</param>
    public static EulerPoisson1D Create(ReadOnlySpan<double> masses, ReadOnlySpan<double> charges, int cells, double length)
    {
        Validate(masses, charges, cells, length);
        return new EulerPoisson1D(masses.ToArray(), charges.ToArray(), cells, length, null);
    }

    /// <summary>
    /// Creates the solver, periodic or between reflecting walls at x = 0 and x = ℓ with the given electrostatic wall
    /// conditions (<see cref="FieldBoundary.Grounded"/> at both walls: a grounded box; <see cref="FieldBoundary.Field"/>(0)
    /// at both: an insulated box, whose field is that of the charge minus its mean).
    /// </summary>
    /// <param name="masses">m^α &gt; 0 (1 to 16 species).</param>
    /// <param name="charges">q^α (finite, any sign), one per species.</param>
    /// <param name="cells">Cells in [8, 1 000 000].</param>
    /// <param name="length">ℓ &gt; 0.</param>
    /// <param name="boundary"><see cref="LimitBoundary.Periodic"/> (the field conditions are then ignored) or <see cref="LimitBoundary.Walls"/>.</param>
    /// <param name="lowField">The condition at x = 0 (finite value).</param>
    /// <param name="highField">The condition at x = ℓ (finite value).</param>
    /// <param name="neutralisingBackground">Subtract the mean charge (a uniform background of the opposite sign); must be
    /// true when both walls prescribe the field (Gauss's law has no solution otherwise). Ignored when periodic (always true).</param>
    public static EulerPoisson1D Create(
        ReadOnlySpan<double> masses, ReadOnlySpan<double> charges, int cells, double length, LimitBoundary boundary, FieldBoundary lowField, FieldBoundary highField, bool neutralisingBackground)
    {
        Validate(masses, charges, cells, length);
        if (boundary != LimitBoundary.Periodic && boundary != LimitBoundary.Walls)
        {
            throw new ArgumentOutOfRangeException(nameof(boundary), boundary, "boundary must be Periodic or Walls (reflecting walls).");
        }

        if (boundary == LimitBoundary.Periodic)
        {
            return new EulerPoisson1D(masses.ToArray(), charges.ToArray(), cells, length, null);
        }

        Guard.Finite(lowField.Value, nameof(lowField));
        Guard.Finite(highField.Value, nameof(highField));
        if (!lowField.IsPotential && !highField.IsPotential && !neutralisingBackground)
        {
            throw new ArgumentException(
                "Field conditions at both walls fix E at both ends, so Gauss's law has a solution only for one total charge: use a potential at one wall or neutralisingBackground = true.",
                nameof(neutralisingBackground));
        }

        var walls = WallPoissonSolver.Create(Meshes.UniformMesh.Create1D(cells, length), lowField, highField, neutralisingBackground);
        return new EulerPoisson1D(masses.ToArray(), charges.ToArray(), cells, length, walls);
    }

    private static void Validate(ReadOnlySpan<double> masses, ReadOnlySpan<double> charges, int cells, double length)
    {
        Guard.InRange(masses.Length, 1, 16, nameof(masses) + ".Length");
        Guard.Length(charges.Length, masses.Length, nameof(charges));
        foreach (double m in masses)
        {
            Guard.Positive(m, nameof(masses));
            Guard.Finite(m, nameof(masses));
        }

        Guard.AllFinite(charges, nameof(charges));
        Guard.InRange(cells, 8, 1_000_000);
        Guard.Positive(length, nameof(length));
        Guard.Finite(length, nameof(length));
    }

    /// <summary>Centre of cell k.</summary>
    /// <param name="k">Cell index.</param>
    public double Centre(int k)
    {
        Guard.Index(k, Cells);
        return (k + 0.5) * Spacing;
    }

    /// <summary>Writes the conserved state of the densities, velocity and temperature given per cell.</summary>
    /// <param name="densities">n^α, species-major S × cells, all &gt; 0.</param>
    /// <param name="velocity">u per cell.</param>
    /// <param name="temperature">θ &gt; 0 per cell.</param>
    /// <param name="state">(S + 2) × cells conserved values.</param>
    public void FromPrimitive(ReadOnlySpan<double> densities, ReadOnlySpan<double> velocity, ReadOnlySpan<double> temperature, Span<double> state)
    {
        int s = SpeciesCount, n = Cells;
        Guard.Length(densities.Length, s * n, nameof(densities));
        Guard.Length(velocity.Length, n, nameof(velocity));
        Guard.Length(temperature.Length, n, nameof(temperature));
        Guard.Length(state.Length, VariableCount * n, nameof(state));
        Guard.AllFinite(velocity);
        for (int k = 0; k < n; k++)
        {
            double rho = 0, total = 0;
            for (int a = 0; a < s; a++)
            {
                double na = densities[(a * n) + k];
                Guard.Positive(na, nameof(densities));
                state[(a * n) + k] = na;
                rho += _masses[a] * na;
                total += na;
            }

            Guard.Positive(temperature[k], nameof(temperature));
            double u = velocity[k];
            state[(s * n) + k] = rho * u;
            state[((s + 1) * n) + k] = (0.5 * rho * u * u) + (1.5 * total * temperature[k]);
        }
    }

    /// <summary>Velocity u and temperature θ of every cell of a conserved state.</summary>
    /// <param name="state">(S + 2) × cells conserved values, finite, with densities ≥ 0 and positive mass density and pressure.</param>
    /// <param name="velocity">u per cell.</param>
    /// <param name="temperature">θ per cell.</param>
    public void ToPrimitive(ReadOnlySpan<double> state, Span<double> velocity, Span<double> temperature)
    {
        int n = Cells;
        Guard.Length(state.Length, VariableCount * n, nameof(state));
        Guard.Length(velocity.Length, n, nameof(velocity));
        Guard.Length(temperature.Length, n, nameof(temperature));
        CheckState(state, nameof(state));
        for (int k = 0; k < n; k++)
        {
            var (_, u, p, total) = Primitive(state, k);
            velocity[k] = u;
            temperature[k] = p / total;
        }
    }

    /// <summary>
    /// The field E at the cell centres from the cell charges: periodic, ∂_x E = n_q − ⟨n_q⟩ with ∫E dx = 0; between walls,
    /// <see cref="WallPoissonSolver.Solve"/> with the wall conditions (∂_x E = n_q − b, b = ⟨n_q⟩ or 0).
    /// </summary>
    /// <param name="state">(S + 2) × cells conserved values.</param>
    /// <param name="field">E per cell.</param>
    public void Field(ReadOnlySpan<double> state, Span<double> field)
    {
        int s = SpeciesCount, n = Cells;
        Guard.Length(state.Length, VariableCount * n, nameof(state));
        Guard.Length(field.Length, n, nameof(field));
        Guard.AllFinite(state);
        if (_walls is not null)
        {
            var charge = new double[n];
            for (int k = 0; k < n; k++)
            {
                charge[k] = Charge(state, k, s, n);
            }

            _walls.Solve(charge, field, []);
            return;
        }

        double mean = 0;
        for (int k = 0; k < n; k++)
        {
            mean += Charge(state, k, s, n);
        }

        mean /= n;

        // Face values E_{k+1/2} = E_{k−1/2} + h (n_q,k − ⟨n_q⟩) (exact for the piecewise-constant charge), centre values
        // as the face average, then the constant that makes the mean zero.
        double h = Spacing, face = 0, sum = 0;
        for (int k = 0; k < n; k++)
        {
            double next = face + (h * (Charge(state, k, s, n) - mean));
            field[k] = 0.5 * (face + next);
            sum += field[k];
            face = next;
        }

        double shift = sum / n;
        for (int k = 0; k < n; k++)
        {
            field[k] -= shift;
        }
    }

    /// <summary>The field energy ½ Σ_k E_k² h of the state's field (<see cref="Field"/>).</summary>
    /// <param name="state">(S + 2) × cells conserved values.</param>
    public double FieldEnergy(ReadOnlySpan<double> state)
    {
        Guard.Length(state.Length, VariableCount * Cells, nameof(state));
        var field = new double[Cells];
        Field(state, field);
        double sum = 0;
        foreach (double e in field)
        {
            sum += e * e;
        }

        return 0.5 * sum * Spacing;
    }

    /// <summary>The step of Courant number <paramref name="courant"/>: courant·h/max(|u| + c), c = √(γp/ρ).</summary>
    /// <param name="state">(S + 2) × cells conserved values, finite, with densities ≥ 0 and positive mass density and pressure.</param>
    /// <param name="courant">Courant number in (0, 1] (SSP-RK3 with MUSCL is stable up to about 0.5).</param>
    public double StableStep(ReadOnlySpan<double> state, double courant = 0.4)
    {
        Guard.Length(state.Length, VariableCount * Cells, nameof(state));
        Guard.InHalfOpenRange(courant, 0.0, 1.0 + 1e-15, nameof(courant));
        CheckState(state, nameof(state));
        return StableStepCore(state, courant);
    }

    // A caller's state: finite, species densities ≥ 0, and positive mass density, number density and pressure in every
    // cell (an argument error naming it; within Advance the same loss is a state error of the integration).
    private void CheckState(ReadOnlySpan<double> state, string paramName)
    {
        Guard.AllFinite(state, paramName);
        for (int k = 0; k < Cells; k++)
        {
            for (int a = 0; a < SpeciesCount; a++)
            {
                if (state[(a * Cells) + k] < 0)
                {
                    throw new ArgumentException($"{paramName}: species {a} has density {state[(a * Cells) + k]:G6} in cell {k}; densities must be >= 0.", paramName);
                }
            }

            try
            {
                _ = Primitive(state, k);
            }
            catch (InvalidOperationException error)
            {
                throw new ArgumentException($"{paramName}: {error.Message} Densities and pressure must be > 0.", paramName);
            }
        }
    }

    private double StableStepCore(ReadOnlySpan<double> state, double courant)
    {
        double speed = 0;
        for (int k = 0; k < Cells; k++)
        {
            var (rho, u, p, _) = Primitive(state, k);
            speed = Math.Max(speed, Math.Abs(u) + Math.Sqrt(Gamma * p / rho));
        }

        return courant * Spacing / speed;
    }

    /// <summary>Advances <paramref name="state"/> in place by <paramref name="duration"/> in equal SSP-RK3 steps under <see cref="StableStep"/>.</summary>
    /// <param name="state">(S + 2) × cells conserved values, finite, with densities ≥ 0 and positive mass density and pressure; modified.</param>
    /// <param name="duration">Time ≥ 0.</param>
    /// <param name="courant">Courant number in (0, 1] (default 0.4).</param>
    /// <param name="maxSteps">Step budget (default 10⁷).</param>
    /// <returns>The number of steps.</returns>
    /// <exception cref="InvalidOperationException">The state lost positivity (density or pressure ≤ 0) or became non-finite.</exception>
    public int Advance(Span<double> state, double duration, double courant = 0.4, int maxSteps = 10_000_000)
    {
        Guard.Length(state.Length, VariableCount * Cells, nameof(state));
        Guard.InHalfOpenRange(courant, 0.0, 1.0 + 1e-15, nameof(courant));
        CheckState(state, nameof(state));
        var field = new double[Cells];
        var work = new Workspace(VariableCount, Cells);
        return SspRk3.Advance(state, duration, maxSteps, s => StableStepCore(s, courant), (s, rate) => Rate(s, rate, field, work));
    }

    /// <summary>
    /// The angular frequency of the linear wave e^{i(kx − ωt)} about a uniform state at rest:
    /// ω² = ((5/3) p̄ k² + n̄_q²)/ρ̄, p̄ = (Σ n̄^α)θ̄, n̄_q = Σ q^α n̄^α, ρ̄ = Σ m^α n̄^α (the isentropic sound wave coupled to the
    /// plasma oscillation of the total charge).
    /// </summary>
    /// <param name="masses">m^α.</param>
    /// <param name="charges">q^α.</param>
    /// <param name="densities">n̄^α &gt; 0.</param>
    /// <param name="temperature">θ̄ &gt; 0.</param>
    /// <param name="wavenumber">k.</param>
    public static double LinearFrequency(ReadOnlySpan<double> masses, ReadOnlySpan<double> charges, ReadOnlySpan<double> densities, double temperature, double wavenumber)
    {
        Guard.Length(charges.Length, masses.Length, nameof(charges));
        Guard.Length(densities.Length, masses.Length, nameof(densities));
        Guard.Positive(temperature);
        Guard.Finite(wavenumber);
        Guard.AllFinite(charges);
        double rho = 0, total = 0, nq = 0;
        for (int a = 0; a < masses.Length; a++)
        {
            Guard.Positive(masses[a], nameof(masses));
            Guard.Positive(densities[a], nameof(densities));
            rho += masses[a] * densities[a];
            total += densities[a];
            nq += charges[a] * densities[a];
        }

        return Math.Sqrt(((Gamma * total * temperature * wavenumber * wavenumber) + (nq * nq)) / rho);
    }

    private double Charge(ReadOnlySpan<double> state, int k, int s, int n)
    {
        double q = 0;
        for (int a = 0; a < s; a++)
        {
            q += _charges[a] * state[(a * n) + k];
        }

        return q;
    }

    private (double Rho, double U, double P, double Total) Primitive(ReadOnlySpan<double> state, int k)
    {
        int s = SpeciesCount, n = Cells;
        double rho = 0, total = 0;
        for (int a = 0; a < s; a++)
        {
            double na = state[(a * n) + k];
            rho += _masses[a] * na;
            total += na;
        }

        double u = state[(s * n) + k] / rho;
        double p = 2.0 / 3.0 * (state[((s + 1) * n) + k] - (0.5 * rho * u * u));
        if (!(rho > 0) || !(p > 0) || !(total > 0))
        {
            throw new InvalidOperationException($"Euler–Poisson state lost positivity in cell {k} (ρ = {rho:G4}, p = {p:G4}).");
        }

        return (rho, u, p, total);
    }

    // The semi-discrete right-hand side: −(F_{k+1/2} − F_{k−1/2})/h + sources.
    private void Rate(ReadOnlySpan<double> state, Span<double> rate, double[] field, Workspace work)
    {
        int s = SpeciesCount, n = Cells, m = VariableCount;
        double h = Spacing;

        // Primitive variables w = (n^1 … n^S, u, p) per cell.
        var w = work.Primitive;
        for (int k = 0; k < n; k++)
        {
            var (_, u, p, _) = Primitive(state, k);
            for (int a = 0; a < s; a++)
            {
                w[(a * n) + k] = state[(a * n) + k];
            }

            w[(s * n) + k] = u;
            w[((s + 1) * n) + k] = p;
        }

        // Limited slopes (monotonised central). The neighbour beyond a wall is the wall cell's mirror image (velocity
        // reversed).
        bool walls = _walls is not null;
        var slope = work.Slope;
        for (int v = 0; v < m; v++)
        {
            double parity = v == s ? -1.0 : 1.0;
            for (int k = 0; k < n; k++)
            {
                double here = w[(v * n) + k];
                double before = walls && k == 0 ? parity * here : w[(v * n) + ((k - 1 + n) % n)];
                double after = walls && k == n - 1 ? parity * here : w[(v * n) + ((k + 1) % n)];
                double left = here - before;
                double right = after - here;
                slope[(v * n) + k] = left * right <= 0 ? 0.0 : Math.Sign(left) * Math.Min(Math.Min(2 * Math.Abs(left), 2 * Math.Abs(right)), 0.5 * Math.Abs(left + right));
            }
        }

        // Rusanov fluxes at the faces f − 1/2 (between cells f − 1 and f), f = 0 … n; periodic: face n is face 0. At a wall
        // the outer state is the mirror image of the inner one, so the species and energy fluxes vanish identically.
        var flux = work.Flux;
        int faces = n + 1;
        Span<double> wl = stackalloc double[m];
        Span<double> wr = stackalloc double[m];
        Span<double> fl = stackalloc double[m];
        Span<double> fr = stackalloc double[m];
        Span<double> ul = stackalloc double[m];
        Span<double> ur = stackalloc double[m];
        for (int f = walls ? 0 : 1; f <= n; f++)
        {
            int kl = f - 1, kr = f % n;
            for (int v = 0; v < m; v++)
            {
                double parity = v == s ? -1.0 : 1.0;
                wl[v] = f == 0 ? parity * (w[v * n] - (0.5 * slope[v * n])) : w[(v * n) + kl] + (0.5 * slope[(v * n) + kl]);
                wr[v] = walls && f == n ? parity * wl[v] : w[(v * n) + kr] - (0.5 * slope[(v * n) + kr]);
            }

            double cl = PhysicalFlux(wl, fl, ul), cr = PhysicalFlux(wr, fr, ur);
            double speed = Math.Max(cl, cr);
            for (int v = 0; v < m; v++)
            {
                flux[(v * faces) + f] = (0.5 * (fl[v] + fr[v])) - (0.5 * speed * (ur[v] - ul[v]));
            }
        }

        if (!walls)
        {
            for (int v = 0; v < m; v++)
            {
                flux[v * faces] = flux[(v * faces) + n];
            }
        }

        Field(state, field);
        for (int k = 0; k < n; k++)
        {
            for (int v = 0; v < m; v++)
            {
                rate[(v * n) + k] = -(flux[(v * faces) + k + 1] - flux[(v * faces) + k]) / h;
            }

            double force = Charge(state, k, s, n) * field[k];
            rate[(s * n) + k] += force;
            rate[((s + 1) * n) + k] += force * state[(s * n) + k] / RhoOf(state, k);
        }
    }

    private double RhoOf(ReadOnlySpan<double> state, int k)
    {
        double rho = 0;
        for (int a = 0; a < SpeciesCount; a++)
        {
            rho += _masses[a] * state[(a * Cells) + k];
        }

        return rho;
    }

    // Flux and conserved values of the primitive w = (n^α, u, p); returns |u| + c.
    private double PhysicalFlux(ReadOnlySpan<double> w, Span<double> flux, Span<double> conserved)
    {
        int s = SpeciesCount;
        double rho = 0;
        for (int a = 0; a < s; a++)
        {
            rho += _masses[a] * w[a];
        }

        double u = w[s], p = w[s + 1];
        if (!(rho > 0) || !(p > 0))
        {
            throw new InvalidOperationException($"Euler–Poisson reconstruction lost positivity (ρ = {rho:G4}, p = {p:G4}).");
        }

        double energy = (0.5 * rho * u * u) + (1.5 * p);
        for (int a = 0; a < s; a++)
        {
            flux[a] = w[a] * u;
            conserved[a] = w[a];
        }

        flux[s] = (rho * u * u) + p;
        conserved[s] = rho * u;
        flux[s + 1] = (energy + p) * u;
        conserved[s + 1] = energy;
        return Math.Abs(u) + Math.Sqrt(Gamma * p / rho);
    }

    private sealed class Workspace(int variables, int cells)
    {
        public double[] Primitive { get; } = new double[variables * cells];

        public double[] Slope { get; } = new double[variables * cells];

        public double[] Flux { get; } = new double[variables * (cells + 1)];
    }
}
