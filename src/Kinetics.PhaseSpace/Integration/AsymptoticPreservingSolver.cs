using Kinetics.Dynamics;
using Kinetics.PhaseSpace.States;

namespace Kinetics.PhaseSpace.Integration;

/// <summary>
/// The stiff (asymptotic-preserving) phase-space step for ∂_t F + ε^{−p}(v·∇ₓF + (q/m)E·∇ᵥF) = ε^{−p−1} 𝒞(F)
/// (p = 0 Euler scaling, p = 1 diffusive scaling; <see cref="KineticScaling"/>), with a step that does not shrink with ε:
/// the unsplit first-order IMEX scheme of Filbet and Jin with BGK penalisation,
/// κ(F^{n+1} − F^*) = Δt[𝒞(F^n) − β(M[F^n] − F^n)] + βΔt(M[F^{n+1}] − F^{n+1}), κ = ε^{p+1},
/// where F^* is the collisionless Vlasov–Poisson step of F^n over Δt/ε^p and M[F] the mixture's local equilibrium
/// (species densities, common velocity and temperature) as a discrete Maxwellian with exactly the grid moments of F.
/// </summary>
/// <remarks>
/// <para>Because the penalisation and the projected collision term conserve species masses, total momentum and energy,
/// M[F^{n+1}] = M[F^*], so the implicit part is explicit in closed form: F^{n+1} = (κF^* + Δt R^n + βΔt M[F^*])/(κ + βΔt),
/// with the remainder R^n = 𝒞̃(F^n) − β(M[F^n] − F^n) evaluated before transport. As ε → 0 the transport term enters
/// F^{n+1} − M with weight κ/(κ + βΔt) → 0, so a state near equilibrium stays within O(ε) of it and the scheme becomes a
/// kinetic scheme for the limit equations. β is per cell: <see cref="AsymptoticPreservingOptions.PenaltyFactor"/> times the
/// cell's largest collision frequency; β and 𝒞(M[F]) below are refreshed every 10 steps (the moments move by O(Δt) per step).</para>
/// <para>The explicit remainder uses 𝒞̃(F) = χ·(𝒞(F) − 𝒞(M[F])) − (1 − χ)ν̂(F − M[F]), conservatively projected with weight
/// M[F]: subtracting
/// 𝒞(M[F]) removes the discrete operator's equilibrium defect (the spectral 𝒞 does not vanish exactly on the discrete
/// Maxwellian; left in, it is re-injected every step and drives F away from M by O(defect/β)), and the weight
/// χ = M/(M + <see cref="AsymptoticPreservingOptions.TailCutoff"/>·max M) hands the far tails to a BGK operator of the cell's
/// collision frequency ν̂ (the penalisation alone does not damp them: its implicit and explicit parts cancel as ε → 0), where
/// the spectral operator's linearisation has weakly growing modes that make (1 + L/β) an amplification (docs/limits.md, with
/// the measurements). Both changes are O(the operator's discretisation error) and vanish with it.</para>
/// <para>Diffusive scaling (periodic 1-D meshes): the micro–macro step of <see cref="DiffusiveMicroMacroStep"/> replaces the
/// transport of F (the same remainder R^n and penalty): the macroscopic moments move by centred fluxes with the acoustic
/// part implicit and the non-equilibrium part g = F − M[F] by the penalised micro equation, so the step is bounded by a
/// parabolic condition independent of ε instead of the transport limit ∝ ε (docs/limits.md).</para>
/// <para>The explicit part is Lie-split: free transport of F^n over τ = Δt/ε^p, then the force over τ with the field of the
/// transported state (the unsplit form's transport acts on F^n).</para>
/// <para>Walls (Euler scaling): the boundaries and wall field conditions of <see cref="AsymptoticPreservingOptions.Explicit"/>
/// apply to the transport and the field; between specular walls (<see cref="Boundaries.WallBoundary.Specular"/>) the moments
/// converge as ε → 0 to Euler–Poisson between reflecting walls with the same field conditions
/// (<see cref="Limits.EulerPoisson1D"/>; docs/limits.md, "The AP step between walls"). The diffusive step is periodic only.</para>
/// <para>With <see cref="AsymptoticPreservingOptions.Penalty"/> = <see cref="StiffPenalty.FokkerPlanck"/> (Euler scaling) the
/// penalty is each cell's linear Fokker–Planck operator: R^n = 𝒞̃(F^n) − βP^nF^n, then (κ − βΔtP*)F^{n+1} = κF^* + ΔtR^n by
/// preconditioned conjugate gradients, P* at the u, θ of F^*, with the increment conservatively projected (docs/limits.md,
/// "Fokker–Planck penalisation").</para>
/// <para>Conservation: species masses per cell and globally, total momentum and energy of the collision part to round-off
/// (the explicit part conserves as the phase-space solver does). Bound to one state layout; not thread-safe (parallel over
/// cells inside). The operator must be thread-safe (its contract). A step evaluates 𝒞 once per cell (twice, and the
/// collision frequency, every 10th step).</para>
/// </remarks>
public sealed class AsymptoticPreservingSolver
{
    internal int RefreshInterval { get; set; } = 10;
    private readonly PhaseSpaceSolver _explicit;
    private readonly PhaseSpaceSolver _transport;
    private readonly Fields.ForceTerm? _force;
    private readonly CellMixture _mixture;
    private readonly double[] _remainder;
    private readonly double[] _penalty;
    private readonly double[] _defect;
    private readonly double[]? _base;
    private readonly DiffusiveMicroMacroStep? _microMacro;
    private readonly FokkerPlanckPenalty? _fokkerPlanck;
    private readonly IDiffusionBound? _diffusion;
    private int _stepsSinceRefresh;

    // An error of the operator passed to Create (the constructor receives it inside the mixture).
    private static ArgumentException OperatorError(string message, string paramName) => new(message, paramName);

    private AsymptoticPreservingSolver(PhaseSpaceSolver explicitPart, CellMixture mixture, AsymptoticPreservingOptions options)
    {
        _explicit = explicitPart;
        _transport = PhaseSpaceSolver.Create(explicitPart.Layout, options.Explicit with { SelfConsistentField = false });
        bool charged = false;
        foreach (double q in explicitPart.Layout.Charges)
        {
            charged |= q != 0.0;
        }

        var velocities = explicitPart.Layout;
        _force = options.Explicit.SelfConsistentField && charged
            ? (velocities.HasSharedVelocities ? Fields.ForceTerm.Create(velocities.Velocities, options.Explicit.Limiter) : Fields.ForceTerm.Create(velocities.SpeciesVelocities, options.Explicit.Limiter))
            : null;
        _mixture = mixture;
        Options = options;
        var layout = explicitPart.Layout;
        _remainder = new double[layout.CellCount * layout.CellLength];
        _penalty = new double[layout.CellCount];
        _defect = new double[_remainder.Length];
        _microMacro = options.Scaling == KineticScaling.Diffusive ? new DiffusiveMicroMacroStep(layout, mixture) : null;
        _base = _microMacro is null ? null : new double[_remainder.Length];
        if (options.Penalty == StiffPenalty.FokkerPlanck)
        {
            _diffusion = mixture.Operator as IDiffusionBound
                ?? throw OperatorError("The Fokker–Planck penalty needs an operator that reports its diffusion (IDiffusionBound: the Landau operators).", "collisionOperator");
            _fokkerPlanck = mixture.Operator is ISpeciesGridCollisionOperator perSpecies
                ? FokkerPlanckPenalty.Create(perSpecies.Grids, mixture.Masses)
                : FokkerPlanckPenalty.Create(((ICollisionOperator)mixture.Operator).Grid, mixture.Masses);
        }
    }

    /// <summary>The collision operator 𝒞 on one shared grid.</summary>
    /// <exception cref="InvalidOperationException">The solver evaluates an operator on per-species grids (<see cref="SpeciesGridOperator"/>).</exception>
    public ICollisionOperator Operator => _mixture.Operator as ICollisionOperator
        ?? throw new InvalidOperationException("This solver evaluates an operator on per-species grids; see SpeciesGridOperator.");

    /// <summary>The collision operator on per-species grids (null for an operator on one shared grid, <see cref="Operator"/>).</summary>
    public ISpeciesGridCollisionOperator? SpeciesGridOperator => _mixture.Operator as ISpeciesGridCollisionOperator;

    /// <summary>The options.</summary>
    public AsymptoticPreservingOptions Options { get; }

    /// <summary>The collisionless Vlasov–Poisson solver of the explicit part (its field and diagnostics).</summary>
    public PhaseSpaceSolver Explicit => _explicit;

    /// <summary>
    /// The largest stable step: the explicit part's Courant limit <see cref="PhaseSpaceSolver.StableStep"/> in the Euler
    /// scaling; in the diffusive scaling Cfl·max(εΔx/v_max, 8Δx²/v_max²), which stays bounded below as ε → 0. It does not
    /// depend on the collision frequency.
    /// </summary>
    public double StableStep => Options.Scaling == KineticScaling.Diffusive
        ? DiffusiveMicroMacroStep.StableStep(_explicit.Layout.Mesh.SpacingX, _explicit.Layout.SpeciesVelocities.Max(v => v.MaxSpeed), Options.Epsilon, Options.Explicit.Cfl)
        : _explicit.StableStep;

    /// <summary>Creates the solver for states laid out like <paramref name="layout"/>.</summary>
    /// <param name="layout">A state (template) whose velocity grid is 3-D and equal to the operator's grid.</param>
    /// <param name="collisionOperator">𝒞 (Boltzmann, Landau, …) on the state's velocity grid and species.</param>
    /// <param name="options">Options (null: Euler scaling, ε = 1).</param>
    public static AsymptoticPreservingSolver Create(PhaseSpaceState layout, ICollisionOperator collisionOperator, AsymptoticPreservingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(collisionOperator);
        if (!layout.HasSharedVelocities || layout.Velocities.Dimension != 3 || !layout.Velocities.ToCartesian().Equals(collisionOperator.Grid) || layout.SpeciesCount != collisionOperator.Masses.Length)
        {
            throw new ArgumentException("layout must have the operator's velocity grid (3-D) and species count.", nameof(layout));
        }

        return Create(layout, CellMixture.Shared(collisionOperator), options);
    }

    /// <summary>
    /// Creates the solver for states whose species live on their own velocity grids (docs/species-grids.md, "Stiff steps on
    /// per-species grids"): the same schemes, with the equilibrium M[F] made of each species' discrete Maxwellian on its own
    /// grid (species density, the mixture's common velocity and temperature, every moment by the species' own quadrature),
    /// the conservative projection over the species' grids, and in the diffusive scaling the micro–macro step with each
    /// species' own velocities.
    /// </summary>
    /// <param name="layout">A state (template) with 3-D species grids equal to the operator's grids
    /// (<see cref="Velocities.VelocityGrid.FromSpeciesGrids"/>).</param>
    /// <param name="collisionOperator">𝒞 on per-species grids (<c>SpeciesGridBoltzmannOperator</c>, <c>SpeciesGridLandauOperator</c>, …).</param>
    /// <param name="options">Options (null: Euler scaling, ε = 1).</param>
    public static AsymptoticPreservingSolver CreateOnSpeciesGrids(PhaseSpaceState layout, ISpeciesGridCollisionOperator collisionOperator, AsymptoticPreservingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(collisionOperator);
        return Create(layout, CellMixture.PerSpecies(collisionOperator), options);
    }

    private static AsymptoticPreservingSolver Create(PhaseSpaceState layout, CellMixture mixture, AsymptoticPreservingOptions? options)
    {
        options ??= new AsymptoticPreservingOptions();
        options.Validate();
        for (int a = 0; a < Math.Min(layout.SpeciesCount, mixture.SpeciesCount); a++)
        {
            if (layout.Masses[a] != mixture.Masses[a])
            {
                throw new ArgumentException($"layout's species {a} has mass {layout.Masses[a]} but the operator's has {mixture.Masses[a]}.", nameof(layout));
            }
        }

        if (!mixture.Matches(layout))
        {
            throw new ArgumentException("layout must have the operator's velocity grids (3-D) and species.", nameof(layout));
        }

        if (options.Scaling == KineticScaling.Diffusive && (layout.Mesh.Dimension != 1 || options.Explicit.LowBoundary is not null || !layout.IsWholeMesh))
        {
            throw new NotSupportedException("The diffusive scaling is implemented on periodic 1-D meshes held by one process.");
        }

        return new AsymptoticPreservingSolver(PhaseSpaceSolver.Create(layout, options.Explicit), mixture, options);
    }

    /// <summary>One step of length Δt (see the type's summary).</summary>
    /// <param name="state">The state (advanced in place); positive, each cell resolved by the operator's grid.</param>
    /// <param name="step">0 &lt; Δt ≤ <see cref="StableStep"/>.</param>
    public void Step(PhaseSpaceState state, double step)
    {
        CheckState(state);
        Guard.Positive(step);
        if (step > StableStep * (1.0 + 1e-12))
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, $"step must be at most the stable step {StableStep:R} (was {step:R}).");
        }

        double eps = Options.Epsilon, kappa = eps;
        int cells = state.CellCount, length = state.CellLength;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Options.Explicit.MaxDegreeOfParallelism };

        // R^n = 𝒞̃(F^n) − β(M[F^n] − F^n), per cell, before transport, with 𝒞̃(F) = χ(𝒞(F) − 𝒞(M[F])) − (1 − χ)ν̂(F − M) conservatively
        // projected (see the remarks).
        CellLoop.For(cells, parallel, () => new Scratch(length, _fokkerPlanck), (c, _, scratch) =>
        {
            ReadOnlySpan<double> f = state.Cell(c);
            Span<double> r = _remainder.AsSpan(c * length, length);
            Span<double> equilibrium = scratch.Equilibrium;
            Span<double> defect = _defect.AsSpan(c * length, length);
            _mixture.Equilibrium(f, equilibrium);
            bool refresh = _penalty[c] == 0 || _stepsSinceRefresh >= RefreshInterval;
            if (_base is null || refresh)
            {
                _mixture.Evaluate(f, r);
            }
            else
            {
                // Diffusive scaling: 𝒞(M_b + g) − 𝒞(M_b) with g = F − M[F] and M_b the equilibrium whose 𝒞 is stored (the last
                // refresh), not 𝒞(F) − 𝒞(M_b): the latter carries 𝒞(M[F]) − 𝒞(M_b), an O(Δt) change of the equilibrium defect
                // that is not O(ε) and that the macroscopic fluxes divide by ε (docs/limits.md, "The stale equilibrium defect").
                Span<double> shifted = scratch.Shifted;
                ReadOnlySpan<double> stored = _base.AsSpan(c * length, length);
                for (int p = 0; p < length; p++)
                {
                    shifted[p] = stored[p] + (f[p] - equilibrium[p]);
                }

                _mixture.Evaluate(shifted, r);
            }

            double theta = 0;
            if (_fokkerPlanck is not null)
            {
                (Velocity3 u, theta) = _fokkerPlanck.CommonState(f);
                _fokkerPlanck.Prepare(u, theta, scratch.Penalty!);
            }

            if (refresh)
            {
                // Fokker–Planck: β = factor·(π²/8)·max m λ̄(D)/θ (docs/limits.md, "Fokker–Planck penalisation").
                _penalty[c] = _fokkerPlanck is not null
                    ? Options.PenaltyFactor * (Math.PI * Math.PI / 8.0) * _diffusion!.MaxMassWeightedDiffusion(f) / theta
                    : Options.PenaltyFactor * _mixture.Frequency(f, r);
                _mixture.Evaluate(equilibrium, defect);
                if (_base is not null)
                {
                    equilibrium.CopyTo(_base.AsSpan(c * length, length));
                }
            }

            double beta = _penalty[c];
            if (_fokkerPlanck is not null)
            {
                // R^n = 𝒞̃(F^n) − βP^n F^n, the far tails' BGK term relaxing at β (docs/limits.md).
                _mixture.Remainder(Options.TailCutoff, beta, f, equilibrium, defect, r);
                _fokkerPlanck.Apply(f, scratch.Applied, scratch.Penalty!);
                for (int p = 0; p < length; p++)
                {
                    r[p] -= beta * scratch.Applied[p];
                }

                return scratch;
            }

            _mixture.Remainder(Options.TailCutoff, beta / Options.PenaltyFactor, f, equilibrium, defect, r);
            for (int p = 0; p < length; p++)
            {
                r[p] -= beta * (equilibrium[p] - f[p]);
            }

            return scratch;
        }, _ => { });
        _stepsSinceRefresh = _stepsSinceRefresh >= RefreshInterval ? 1 : _stepsSinceRefresh + 1;
        if (_microMacro is not null)
        {
            _microMacro.Step(state, step, eps, _remainder, _penalty, parallel);
            return;
        }

        // Explicit part, Lie-split: transport of F^n over Δt, then the force over Δt with the field of the transported state.
        _transport.Step(state, step);
        if (_force is not null)
        {
            _explicit.SolveField(state);
            int first = state.FirstCell;
            ReadOnlySpan<double> ey = _explicit.FieldY;
            _force.Advance(state, _explicit.FieldX.Slice(first, cells), ey.IsEmpty ? ey : ey.Slice(first, cells), step, Options.Explicit.MaxDegreeOfParallelism);
        }

        CellLoop.For(cells, parallel, () => new Scratch(length, _fokkerPlanck), (c, _, scratch) =>
        {
            Span<double> f = state.Cell(c);
            Span<double> equilibrium = scratch.Equilibrium;
            ReadOnlySpan<double> r = _remainder.AsSpan(c * length, length);
            if (_fokkerPlanck is not null)
            {
                ImplicitFokkerPlanck(f, r, _penalty[c], step / kappa, scratch);
                return scratch;
            }

            _mixture.Equilibrium(f, equilibrium);
            double beta = _penalty[c], denominator = kappa + (beta * step);
            for (int p = 0; p < length; p++)
            {
                f[p] = ((kappa * f[p]) + (step * r[p]) + (beta * step * equilibrium[p])) / denominator;
            }

            return scratch;
        }, _ => { });
    }

    /// <summary>Runs from t = 0 to <paramref name="finalTime"/> in ⌈T/Δt⌉ equal steps, Δt = min(<paramref name="maxStep"/>, <see cref="StableStep"/>).</summary>
    /// <param name="state">The state (advanced in place).</param>
    /// <param name="finalTime">T &gt; 0.</param>
    /// <param name="maxStep">Largest step wanted (default: the stable step).</param>
    /// <param name="cancellationToken">Checked before every step.</param>
    /// <returns>The number of steps.</returns>
    public int Run(PhaseSpaceState state, double finalTime, double? maxStep = null, CancellationToken cancellationToken = default)
    {
        CheckState(state);
        Guard.Positive(finalTime);
        Guard.Finite(finalTime);
        double limit = Math.Min(maxStep ?? double.PositiveInfinity, StableStep);
        Guard.Positive(limit, nameof(maxStep));
        long steps = (long)Math.Ceiling(finalTime / limit);
        if (steps > 100_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(finalTime), finalTime, $"finalTime needs {steps} steps (budget 10^8).");
        }

        double dt = finalTime / steps;
        for (long n = 0; n < steps; n++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Step(state, dt);
        }

        return (int)steps;
    }

    // (I − τβP*)F^{n+1} = F^* + τR^n with P* at the u, θ of F^* (those of F^{n+1}: P keeps mass and the momentum identity), then
    // the increment projected (weight |F^{n+1}|): the discrete P keeps energy only to O(h²) and the solve stops at a residual.
    private void ImplicitFokkerPlanck(Span<double> f, ReadOnlySpan<double> r, double beta, double tau, Scratch scratch)
    {
        var penalty = _fokkerPlanck!;
        var (u, theta) = penalty.CommonState(f);
        penalty.Prepare(u, theta, scratch.Penalty!);
        double[] rhs = scratch.Applied, next = scratch.Shifted;
        for (int p = 0; p < f.Length; p++)
        {
            rhs[p] = f[p] + (tau * r[p]);
        }

        penalty.Solve(tau * beta, rhs, next, scratch.Penalty!, 1e-13, 50);
        for (int p = 0; p < f.Length; p++)
        {
            rhs[p] = next[p] - f[p];
            scratch.Equilibrium[p] = Math.Abs(next[p]);
        }

        _mixture.Projection.Apply(rhs, scratch.Equilibrium);
        for (int p = 0; p < f.Length; p++)
        {
            f[p] += rhs[p];
        }
    }

    private sealed class Scratch(int length, FokkerPlanckPenalty? penalty)
    {
        public double[] Equilibrium { get; } = new double[length];

        public double[] Shifted { get; } = new double[length];

        public double[] Applied { get; } = penalty is null ? [] : new double[length];

        public FokkerPlanckPenalty.Workspace? Penalty { get; } = penalty?.CreateWorkspace();
    }

    // The state must have the layout of the template and finite values: a foreign layout or a NaN would otherwise surface
    // as an unnamed error inside the parallel cell loop (or as NaN output).
    private void CheckState(PhaseSpaceState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var layout = _explicit.Layout;
        if (!state.HasLayoutOf(layout))
        {
            throw new ArgumentException("state must have the layout the solver was created for.", nameof(state));
        }

        Guard.AllFinite(state.Data, nameof(state));
    }
}
