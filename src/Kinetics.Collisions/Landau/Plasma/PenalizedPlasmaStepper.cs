using Kinetics.Conservation;
using Kinetics.Distributions;
using Kinetics.Grids;
using Kinetics.Spectral;

namespace Kinetics.Landau.Plasma;

/// <summary>
/// A stiff time step for the homogeneous plasma ∂_t F_a = Σ_b c_ab Q_ab(F_a, F_b) of <see cref="PlasmaLandauOperator"/>
/// whose size is set by the slow electron–ion exchange, not by the electrons' collisions: an implicit–explicit step with
/// a diffusion penalty, explicit in the Landau operator and implicit in a constant-coefficient Laplacian of each species'
/// non-equilibrium part, plus an implicit treatment of the inter-species friction (docs/massless-electrons.md).
/// </summary>
/// <remarks>
/// <para><b>Scheme.</b> For each species, with M_a the discrete Maxwellian of F_a's grid moments and D_a a diffusivity at
/// least half the largest one of a's collision terms, write the collision term as [𝒞_a(F) − D_aΔ(F_a − M_a)] +
/// D_aΔ(F_a − M_a) and treat the second part implicitly (the penalisation of Filbet and Jin, "A class of
/// asymptotic-preserving schemes for kinetic equations and related problems with stiff sources", with the Laplacian in
/// place of their BGK operator, as in the Fokker–Planck penalisation of Jin and Yan, "A class of asymptotic-preserving
/// schemes for the Fokker–Planck–Landau equation", and in explicit–implicit–null methods). The moments of the new state
/// are known explicitly (the penalty has none), so with M' the discrete Maxwellian of the new moments one step of
/// length Δt is F' = F + (M' − M) + A[(M − M') + Δt R], A = (I − ΔtD_aΔ)⁻¹ applied by FFT on a's grid, R the conservatively
/// projected collision term. A mode of wavenumber k whose explicit rate is λ ≤ 2D_ak² moves by the factor
/// 1 − Δtλ/(1 + ΔtD_ak²), so any Δt is stable, long-wave modes keep nearly their physical rate, and the grid-scale
/// modes that fix the explicit step are damped. Two stages (Heun: the second uses the mean of the two stages' collision
/// terms) make the moments — temperatures, momenta — second order in Δt.</para>
/// <para><b>Friction.</b> The electron–ion momentum exchange relaxes the relative drift at a rate m_p/m_e times the
/// energy exchange rate, too fast for an explicit moment update at steps of the energy time scale. Each stage's momentum
/// rates dp_a are therefore replaced by (I + ΔtK)⁻¹dp, K the linear (slow-drift) friction of
/// <see cref="CoulombRelaxation.FrictionRate"/> between Maxwellians at the current n_a, T_a — an implicit Euler step of
/// the friction, whose columns sum to zero, so total momentum is unchanged — by the smallest |F_a|-weighted change of R_a
/// that keeps its mass and energy rates.</para>
/// <para><b>Conservation.</b> Every collision term is projected by <see cref="ConservativeProjection"/> (weights |F|), and
/// so is the increment of the step (weights |F'|): species masses, total momentum and total energy move by round-off.</para>
/// <para>Immutable and thread-safe; one <see cref="PenalizedPlasmaWorkspace"/> per concurrent caller.</para>
/// </remarks>
public sealed class PenalizedPlasmaStepper
{
    /// <summary>Default ratio of the penalty diffusivity D_a to the largest diffusivity of a's collision terms (≥ 1/2 is stable).</summary>
    public const double DefaultPenaltyFactor = 1.0;

    // σ(0) of the unit Maxwellian: the largest eigenvalue of Φ∗𝓜 for n = 1, θ = 1 (Flynn–Guo kernel).
    private const double SigmaAtZero = 0.5319230405352436;

    private readonly SpectralGrid[] _spectral;
    private readonly double[] _masses;

    private readonly bool[] _preserving;

    private PenalizedPlasmaStepper(PlasmaLandauOperator op, double penaltyFactor, bool[] preserving)
    {
        Operator = op;
        PenaltyFactor = penaltyFactor;
        _preserving = preserving;
        _masses = op.Masses.ToArray();
        _spectral = new SpectralGrid[op.Grids.SpeciesCount];
        for (int a = 0; a < _spectral.Length; a++)
        {
            _spectral[a] = new SpectralGrid(op.Grids[a].Grid);
        }
    }

    /// <summary>The collision operator.</summary>
    public PlasmaLandauOperator Operator { get; }

    /// <summary>D_a / (largest diffusivity of a's collision terms).</summary>
    public double PenaltyFactor { get; }

    /// <summary>
    /// Whether some species' collision term is equilibrium-preserving (see
    /// <see cref="Create(PlasmaLandauOperator, double, IReadOnlyList{int})"/>).
    /// </summary>
    public bool SubtractsEquilibriumResidual => Array.IndexOf(_preserving, true) >= 0;

    /// <summary>Whether species <paramref name="species"/>'s collision term is equilibrium-preserving.</summary>
    /// <param name="species">A species index.</param>
    /// <returns>True when its grid operator's residual on its equilibrium reference is subtracted.</returns>
    public bool PreservesEquilibrium(int species)
    {
        Guard.InRange(species, 0, _preserving.Length - 1);
        return _preserving[species];
    }

    /// <summary>Creates the stepper.</summary>
    /// <param name="collisionOperator">The plasma operator (Coulomb kernel).</param>
    /// <param name="penaltyFactor">Penalty diffusivity over the largest collision diffusivity, in [0.5, 100] (default 1).</param>
    /// <returns>The stepper.</returns>
    public static PenalizedPlasmaStepper Create(PlasmaLandauOperator collisionOperator, double penaltyFactor = DefaultPenaltyFactor) =>
        Create(collisionOperator, penaltyFactor, []);

    /// <summary>Creates the stepper, optionally with the equilibrium-preserving collision term.</summary>
    /// <param name="collisionOperator">The plasma operator (Coulomb kernel).</param>
    /// <param name="penaltyFactor">Penalty diffusivity over the largest collision diffusivity, in [0.5, 100].</param>
    /// <param name="equilibriumPreservingSpecies">
    /// The species a (indices, none by default) whose collision term is R_a(F) − R_a(E^a), E^a the stack of discrete
    /// Maxwellians in which every species b has its own grid density n_b, the mixture's centre-of-mass velocity u and a's
    /// temperature T_a, on b's grid. E^a is an equilibrium of every pair acting on a, so the subtracted term is the grid
    /// operator's error there: a discrete Maxwellian of a at rest in the mixture's frame is then an exact steady state of
    /// a's self collisions and of the pitch-angle part of point-ion partners (docs/massless-electrons.md, "Equilibrium-preserving collisions"). Meant for the fast,
    /// stiffly integrated species (electrons); costs one more operator evaluation per listed species and stage.
    /// </param>
    /// <returns>The stepper.</returns>
    /// <exception cref="ArgumentException">A species index is out of range or repeated.</exception>
    public static PenalizedPlasmaStepper Create(PlasmaLandauOperator collisionOperator, double penaltyFactor, IReadOnlyList<int> equilibriumPreservingSpecies)
    {
        ArgumentNullException.ThrowIfNull(collisionOperator);
        ArgumentNullException.ThrowIfNull(equilibriumPreservingSpecies);
        Guard.InRange(penaltyFactor, 0.5, 100.0);
        var preserving = new bool[collisionOperator.Grids.SpeciesCount];
        foreach (int a in equilibriumPreservingSpecies)
        {
            Guard.InRange(a, 0, preserving.Length - 1, nameof(equilibriumPreservingSpecies));
            if (preserving[a])
            {
                throw new ArgumentException($"equilibriumPreservingSpecies lists species {a} twice.", nameof(equilibriumPreservingSpecies));
            }

            preserving[a] = true;
        }

        return new PenalizedPlasmaStepper(collisionOperator, penaltyFactor, preserving);
    }

    /// <summary>Allocates the scratch of one caller.</summary>
    /// <returns>A new workspace.</returns>
    public PenalizedPlasmaWorkspace CreateWorkspace() => new(this, Operator.CreateWorkspace(), ConservativeProjection.Create(Operator.Grids, _masses), _spectral);

    /// <summary>The conservatively projected collision term R(F) (projection weights |F|).</summary>
    /// <param name="state">Σ N_a³ stacked values of F, finite (not modified).</param>
    /// <param name="destination">Σ N_a³ values of R.</param>
    /// <param name="workspace">Scratch of this stepper.</param>
    public void Rate(ReadOnlySpan<double> state, Span<double> destination, PenalizedPlasmaWorkspace workspace)
    {
        CheckWorkspace(workspace);
        Guard.Length(state.Length, Operator.Grids.TotalCount, nameof(state));
        Guard.Length(destination.Length, Operator.Grids.TotalCount, nameof(destination));
        Guard.AllFinite(state);
        RateCore(state, destination, workspace);
    }

    /// <summary>
    /// The penalty diffusivities D_a = factor · Σ_b p c_ab K_b / m_a² of the state, K_b the largest eigenvalue of b's
    /// diffusion field on a's grid: σ(0) n_b / √θ_b (θ_b = T_b/m_b) for a partner resolved there, at most 4n_b/h_a (the
    /// field of a point charge at the expanded pair's floor r = h_a/4).
    /// </summary>
    /// <param name="state">Σ N_a³ stacked values of F, finite, every species with positive density and temperature (not modified).</param>
    /// <param name="destination">S values.</param>
    public void PenaltyDiffusivities(ReadOnlySpan<double> state, Span<double> destination)
    {
        var grids = Operator.Grids;
        Guard.Length(state.Length, grids.TotalCount, nameof(state));
        Guard.Length(destination.Length, grids.SpeciesCount, nameof(destination));
        Guard.AllFinite(state);
        Span<SpeciesState> states = new SpeciesState[grids.SpeciesCount];
        Measure(state, states);
        for (int a = 0; a < states.Length; a++)
        {
            if (!(states[a].Density > 0 && states[a].Temperature > 0))
            {
                throw new ArgumentException($"state: species {a} has density {states[a].Density} and temperature {states[a].Temperature}; both must be > 0.", nameof(state));
            }
        }

        Diffusivities(states, destination);
    }

    /// <summary>
    /// One step of length <paramref name="dt"/>: two evaluations of the operator; the collision term of
    /// <paramref name="state"/> is kept in <see cref="PenalizedPlasmaWorkspace.InitialRate"/>.
    /// </summary>
    /// <param name="state">Σ N_a³ stacked values of F^n, finite, every species with positive density and temperature (not modified).</param>
    /// <param name="next">F^{n+1}; must not overlap <paramref name="state"/>.</param>
    /// <param name="dt">Δt &gt; 0, finite.</param>
    /// <param name="workspace">Scratch of this stepper.</param>
    /// <returns>Diagnostics of the step.</returns>
    /// <exception cref="InvalidOperationException">Δt is too long: a species lost positive density or temperature within
    /// the step, an intermediate state is not resolved by its grid, or the result is not finite.</exception>
    public PenalizedStepReport Step(ReadOnlySpan<double> state, Span<double> next, double dt, PenalizedPlasmaWorkspace workspace)
    {
        CheckWorkspace(workspace);
        var grids = Operator.Grids;
        Guard.Length(state.Length, grids.TotalCount, nameof(state));
        Guard.Length(next.Length, grids.TotalCount, nameof(next));
        Guard.AllFinite(state);
        Guard.Positive(dt);
        Guard.Finite(dt);
        if (state.Overlaps(next))
        {
            throw new ArgumentException("next must not overlap state.", nameof(next));
        }

        int s = grids.SpeciesCount;
        var ws = workspace;
        Measure(state, ws.States);
        for (int a = 0; a < s; a++)
        {
            if (!(ws.States[a].Density > 0 && ws.States[a].Temperature > 0))
            {
                throw new ArgumentException($"state: species {a} has density {ws.States[a].Density} and temperature {ws.States[a].Temperature}; both must be > 0.", nameof(state));
            }
        }

        Diffusivities(ws.States, ws.Diffusivities);
        FrictionMatrix(ws.States, ws.Friction);
        for (int a = 0; a < s; a++)
        {
            Fill(a, ws.States[a], grids.Slice(ws.Equilibrium.AsSpan(), a));
        }

        // Stage 1: F* from R(F^n). The operator's refusal of the caller's state is reported under its name; a refusal of a
        // state the step made (the stage, the Maxwellian of the advanced moments) means Δt is too long: a state error.
        try
        {
            RateCore(state, ws.InitialRateBuffer, ws);
        }
        catch (ArgumentException error) when (error.ParamName != nameof(state))
        {
            throw new ArgumentException($"state: {error.Message}", nameof(state), error);
        }

        try
        {
            Penalized(state, ws.InitialRateBuffer, dt, ws.Stage, ws);

            // Stage 2: F^{n+1} from the mean of R(F^n) and R(F*).
            RateCore(ws.Stage, ws.Mean, ws);
            for (int i = 0; i < ws.Mean.Length; i++)
            {
                ws.Mean[i] = 0.5 * (ws.Mean[i] + ws.InitialRateBuffer[i]);
            }

            Penalized(state, ws.Mean, dt, next, ws);
        }
        catch (ArgumentException error)
        {
            throw new InvalidOperationException($"The step of Δt = {dt:G6} made a state the operator or the grids refuse ({error.Message}); shorten the step.", error);
        }

        // The increment conserves species masses, total momentum and energy to round-off.
        Span<double> increment = ws.Work, weights = ws.Weights;
        for (int i = 0; i < increment.Length; i++)
        {
            increment[i] = next[i] - state[i];
            weights[i] = Math.Abs(next[i]);
        }

        ws.Projection.Apply(increment, weights);
        double stiffness = 0;
        for (int i = 0; i < increment.Length; i++)
        {
            next[i] = state[i] + increment[i];
        }

        for (int a = 0; a < s; a++)
        {
            double h = grids[a].Spacing;
            stiffness = Math.Max(stiffness, dt * ws.Diffusivities[a] * 3.0 * Math.PI * Math.PI / (h * h));
        }

        if (!Guard.IsAllFinite(next))
        {
            throw new InvalidOperationException($"The step of Δt = {dt:G6} produced non-finite values; shorten the step.");
        }

        return new PenalizedStepReport(2, stiffness);
    }

    // next = F + (M' − M) + A[(M − M') + Δt R̃], M' the discrete Maxwellian of F's moments advanced by Δt R̃, R̃ = R with
    // the implicit friction.
    private void Penalized(ReadOnlySpan<double> state, ReadOnlySpan<double> rate, double dt, Span<double> next, PenalizedPlasmaWorkspace ws)
    {
        var grids = Operator.Grids;
        int s = grids.SpeciesCount;
        Span<double> corrected = ws.Corrected;
        rate.CopyTo(corrected);
        ImplicitFriction(state, corrected, dt, ws);
        for (int a = 0; a < s; a++)
        {
            SpeciesGrid grid = grids[a];
            ReadOnlySpan<double> f = grids.Slice(state, a), old = grids.Slice(ws.Equilibrium, a);
            Span<double> r = grids.Slice(corrected, a), target = grids.Slice(ws.Target.AsSpan(), a), h = grids.Slice(ws.Work.AsSpan(), a), o = grids.Slice(next, a);
            var (dn, dp, de) = Moments(grid, r, _masses[a]);
            var now = ws.States[a];
            double n = now.Density + (dt * dn), energy = now.Energy + (dt * de);
            Velocity3 momentum = now.Momentum + (dt * dp);
            Velocity3 u = momentum / (_masses[a] * n);
            double temperature = 2.0 / 3.0 * (energy - (0.5 * _masses[a] * n * u.LengthSquared)) / n;
            if (!(n > 0 && temperature > 0))
            {
                throw new InvalidOperationException($"Species {a} reached density {n} and temperature {temperature} within a step: Δt = {dt} is too long for the exchange rates.");
            }

            Fill(a, new SpeciesState(n, momentum, energy, temperature), target);
            for (int p = 0; p < h.Length; p++)
            {
                h[p] = old[p] - target[p] + (dt * r[p]);
            }

            Smooth(a, h, dt * ws.Diffusivities[a], ws);
            for (int p = 0; p < h.Length; p++)
            {
                o[p] = f[p] + (target[p] - old[p]) + h[p];
            }
        }
    }

    // h ← (I − τΔ)⁻¹h on a's grid (spectral symbol 1/(1 + τ|ξ|²)).
    private void Smooth(int a, Span<double> h, double tau, PenalizedPlasmaWorkspace ws)
    {
        SpectralGrid spectral = _spectral[a];
        var plan = spectral.Plan;
        var spectrum = ws.Spectra[a];
        var fft = ws.Fft[a];
        plan.ForwardReal(h, spectrum, fft);
        int n = spectral.Size, row = (n / 2) + 1;
        ReadOnlySpan<double> full = spectral.Frequencies, half = spectral.HalfFrequencies;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double xy = (full[i] * full[i]) + (full[j] * full[j]);
                Span<System.Numerics.Complex> line = spectrum.AsSpan(((i * n) + j) * row, row);
                for (int k = 0; k < row; k++)
                {
                    line[k] /= 1.0 + (tau * (xy + (half[k] * half[k])));
                }
            }
        }

        plan.InverseRealOverwritingInput(spectrum, h, fft);
    }

    // Replaces the momentum rates dp_a of the stacked rate by (I + ΔtK)⁻¹dp (smallest |F_a|-weighted change keeping mass
    // and energy rates).
    private void ImplicitFriction(ReadOnlySpan<double> state, Span<double> rate, double dt, PenalizedPlasmaWorkspace ws)
    {
        var grids = Operator.Grids;
        int s = grids.SpeciesCount;
        Span<double> matrix = stackalloc double[s * s];
        Span<double> rhs = stackalloc double[s];
        Span<Velocity3> old = stackalloc Velocity3[s];
        Span<double> solved = stackalloc double[3 * s];
        for (int a = 0; a < s; a++)
        {
            old[a] = Moments(grids[a], grids.Slice((ReadOnlySpan<double>)rate, a), _masses[a]).Momentum;
        }

        for (int d = 0; d < 3; d++)
        {
            // (I + ΔtK) dp' = dp, (K p)_a = Σ_b k_ab (p_a/ρ_a − p_b/ρ_b).
            for (int a = 0; a < s; a++)
            {
                double rhoA = _masses[a] * ws.States[a].Density, diagonal = 1.0;
                for (int b = 0; b < s; b++)
                {
                    double k = ws.Friction[(a * s) + b];
                    matrix[(a * s) + b] = -dt * k / (_masses[b] * ws.States[b].Density);
                    diagonal += dt * k / rhoA;
                }

                matrix[(a * s) + a] = diagonal;

                rhs[a] = old[a][d];
            }

            SolveSmall(matrix, rhs, s);
            for (int a = 0; a < s; a++)
            {
                solved[(a * 3) + d] = rhs[a];
            }
        }

        Span<double> targets = stackalloc double[5];
        for (int a = 0; a < s; a++)
        {
            SpeciesGrid grid = grids[a];
            Span<double> r = grids.Slice(rate, a);
            var implicitRate = new Velocity3(solved[3 * a], solved[(3 * a) + 1], solved[(3 * a) + 2]);
            Velocity3 change = (implicitRate - old[a]) / (_masses[a] * grid.CellVolume);
            if (change.LengthSquared == 0)
            {
                continue;
            }

            // Current grid moments in local coordinates (no cell volume), then the momentum changed with mass and energy kept.
            targets.Clear();
            Velocity3 centre = grid.Centre;
            for (int p = 0; p < r.Length; p++)
            {
                Velocity3 x = grid.Grid.Point(p);
                targets[0] += r[p];
                targets[1] += x.X * r[p];
                targets[2] += x.Y * r[p];
                targets[3] += x.Z * r[p];
                targets[4] += 0.5 * x.LengthSquared * r[p];
            }

            targets[1] += change.X;
            targets[2] += change.Y;
            targets[3] += change.Z;
            targets[4] -= Velocity3.Dot(centre, change);
            LocalMomentCorrection.Apply(grid.Grid, grids.Slice(state, a), targets, r);
        }
    }

    // Gaussian elimination with partial pivoting of the small S × S system (matrix overwritten, solution in rhs).
    private static void SolveSmall(Span<double> matrix, Span<double> rhs, int s)
    {
        for (int c = 0; c < s; c++)
        {
            int pivot = c;
            for (int r = c + 1; r < s; r++)
            {
                if (Math.Abs(matrix[(r * s) + c]) > Math.Abs(matrix[(pivot * s) + c]))
                {
                    pivot = r;
                }
            }

            if (pivot != c)
            {
                for (int k = 0; k < s; k++)
                {
                    (matrix[(c * s) + k], matrix[(pivot * s) + k]) = (matrix[(pivot * s) + k], matrix[(c * s) + k]);
                }

                (rhs[c], rhs[pivot]) = (rhs[pivot], rhs[c]);
            }

            for (int r = c + 1; r < s; r++)
            {
                double factor = matrix[(r * s) + c] / matrix[(c * s) + c];
                for (int k = c; k < s; k++)
                {
                    matrix[(r * s) + k] -= factor * matrix[(c * s) + k];
                }

                rhs[r] -= factor * rhs[c];
            }
        }

        for (int r = s - 1; r >= 0; r--)
        {
            double sum = rhs[r];
            for (int k = r + 1; k < s; k++)
            {
                sum -= matrix[(r * s) + k] * rhs[k];
            }

            rhs[r] = sum / matrix[(r * s) + r];
        }
    }

    private void RateCore(ReadOnlySpan<double> state, Span<double> destination, PenalizedPlasmaWorkspace ws)
    {
        Operator.Evaluate(state, destination, ws.Operator);
        for (int i = 0; i < state.Length; i++)
        {
            ws.Weights[i] = Math.Abs(state[i]);
        }

        ws.Projection.Apply(destination, ws.Weights);
        ws.Evaluations++;
        if (SubtractsEquilibriumResidual)
        {
            SubtractEquilibriumResidual(state, destination, ws);
        }
    }

    // R_a ← R_a(F) − R_a(E^a) for every listed species a, E^a: every species b at its own density, the mixture's
    // centre-of-mass velocity and a's temperature (an exact equilibrium of every pair acting on a); the result projected again.
    private void SubtractEquilibriumResidual(ReadOnlySpan<double> state, Span<double> destination, PenalizedPlasmaWorkspace ws)
    {
        var grids = Operator.Grids;
        int s = grids.SpeciesCount;
        Measure(state, ws.StageStates);

        // The common velocity of the references: the mixture's centre-of-mass velocity (inside every species' box).
        Velocity3 momentum = Velocity3.Zero;
        double density = 0;
        for (int b = 0; b < s; b++)
        {
            momentum += ws.StageStates[b].Momentum;
            density += _masses[b] * ws.StageStates[b].Density;
        }

        Velocity3 u = momentum / density;
        for (int a = 0; a < s; a++)
        {
            if (!_preserving[a])
            {
                continue;
            }

            var own = ws.StageStates[a];
            if (!(own.Density > 0 && own.Temperature > 0))
            {
                throw new ArgumentException($"state: species {a} has density {own.Density} and temperature {own.Temperature}; both must be > 0.", nameof(state));
            }

            for (int b = 0; b < s; b++)
            {
                double nb = ws.StageStates[b].Density;
                Fill(b, new SpeciesState(nb, _masses[b] * nb * u, 0.0, own.Temperature), grids.Slice(ws.Reference.AsSpan(), b));
            }

            Operator.Evaluate(ws.Reference, ws.ReferenceRate, ws.Operator);
            for (int i = 0; i < ws.Reference.Length; i++)
            {
                ws.Weights[i] = Math.Abs(ws.Reference[i]);
            }

            ws.Projection.Apply(ws.ReferenceRate, ws.Weights);
            ws.Evaluations++;
            Span<double> r = grids.Slice(destination, a);
            ReadOnlySpan<double> reference = grids.Slice((ReadOnlySpan<double>)ws.ReferenceRate, a);
            for (int p = 0; p < r.Length; p++)
            {
                r[p] -= reference[p];
            }
        }

        for (int i = 0; i < state.Length; i++)
        {
            ws.Weights[i] = Math.Abs(state[i]);
        }

        ws.Projection.Apply(destination, ws.Weights);
    }

    private void Diffusivities(ReadOnlySpan<SpeciesState> states, Span<double> destination)
    {
        var grids = Operator.Grids;
        int s = grids.SpeciesCount;
        double p = Operator.Exact.Kernel.Normalization.Prefactor();
        for (int a = 0; a < s; a++)
        {
            double h = grids[a].Spacing, d = 0;
            for (int b = 0; b < s; b++)
            {
                double resolved = SigmaAtZero * states[b].Density / Math.Sqrt(states[b].Temperature / _masses[b]);
                d += Operator.Exact.Couplings[a, b] * p * Math.Min(resolved, 4.0 * states[b].Density / h) / (_masses[a] * _masses[a]);
            }

            destination[a] = PenaltyFactor * d;
        }
    }

    // k_ab of the slow-drift friction dp_a/dt = −Σ_b k_ab(u_a − u_b): 2p c_ab (1/m_a + 1/m_b) n_a n_b √(2/π)/(3 S^{3/2}).
    private void FrictionMatrix(ReadOnlySpan<SpeciesState> states, Span<double> destination)
    {
        int s = states.Length;
        double p = Operator.Exact.Kernel.Normalization.Prefactor();
        for (int a = 0; a < s; a++)
        {
            for (int b = 0; b < s; b++)
            {
                double variance = (states[a].Temperature / _masses[a]) + (states[b].Temperature / _masses[b]);
                destination[(a * s) + b] = a == b ? 0.0 : 2.0 * p * Operator.Exact.Couplings[a, b] * ((1.0 / _masses[a]) + (1.0 / _masses[b]))
                    * states[a].Density * states[b].Density * Math.Sqrt(2.0 / Math.PI) / (3.0 * Math.Pow(variance, 1.5));
            }
        }
    }

    private void Fill(int a, SpeciesState state, Span<double> destination)
    {
        SpeciesGrid grid = Operator.Grids[a];
        Velocity3 u = state.Momentum / (_masses[a] * state.Density);
        DiscreteMaxwellian.Fill(grid.Grid, new MacroscopicState(state.Density, u - grid.Centre, state.Temperature), _masses[a], destination);
    }

    private void Measure(ReadOnlySpan<double> state, Span<SpeciesState> destination)
    {
        var grids = Operator.Grids;
        for (int a = 0; a < grids.SpeciesCount; a++)
        {
            var (n, momentum, energy) = Moments(grids[a], grids.Slice(state, a), _masses[a]);
            double temperature = n > 0 ? 2.0 / 3.0 * (energy - (momentum.LengthSquared / (2.0 * _masses[a] * n))) / n : 0.0;
            destination[a] = new SpeciesState(n, momentum, energy, temperature);
        }
    }

    // (∫F, m∫vF, (m/2)∫|v|²F) on the species' grid.
    private static (double Density, Velocity3 Momentum, double Energy) Moments(SpeciesGrid grid, ReadOnlySpan<double> f, double mass)
    {
        double n = 0, px = 0, py = 0, pz = 0, e = 0;
        for (int p = 0; p < f.Length; p++)
        {
            Velocity3 v = grid.Point(p);
            n += f[p];
            px += v.X * f[p];
            py += v.Y * f[p];
            pz += v.Z * f[p];
            e += v.LengthSquared * f[p];
        }

        double w = grid.CellVolume;
        return (n * w, new Velocity3(px, py, pz) * (mass * w), 0.5 * mass * e * w);
    }

    private void CheckWorkspace(PenalizedPlasmaWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (!ReferenceEquals(workspace.Owner, this))
        {
            throw new ArgumentException("workspace was created by a different PenalizedPlasmaStepper.", nameof(workspace));
        }
    }
}

/// <summary>Diagnostics of one <see cref="PenalizedPlasmaStepper.Step"/>.</summary>
/// <param name="Evaluations">Evaluations of the collision operator (2).</param>
/// <param name="Stiffness">max_a Δt·D_a·3π²/h_a²: the step over the explicit diffusion limit of the stiffest species (the
/// number of explicit forward-Euler steps it stands for, up to a factor 2).</param>
public readonly record struct PenalizedStepReport(int Evaluations, double Stiffness);

internal readonly record struct SpeciesState(double Density, Velocity3 Momentum, double Energy, double Temperature);
