using Kinetics.Dynamics;
using Kinetics.PhaseSpace.States;

namespace Kinetics.PhaseSpace.Integration;

/// <summary>The stiff path of <see cref="CollisionStep"/> (docs/limits.md, "The stiff step in PhaseSpaceSolver").</summary>
public sealed partial class CollisionStep
{
    private readonly StiffCollisionStepOptions? _stiff;
    private readonly CellMixture? _stiffMixture;
    private readonly FokkerPlanckPenalty? _stiffPenalty;
    private readonly IDiffusionBound? _stiffDiffusion;

    private CollisionStep(ICollisionOperator collisionOperator, StiffCollisionStepOptions stiff)
        : this(collisionOperator, new SpaceHomogeneousOptions())
    {
        _stiff = stiff;
        _stiffMixture = CellMixture.Shared(collisionOperator);
        if (stiff.Penalty == StiffPenalty.FokkerPlanck)
        {
            _stiffPenalty = FokkerPlanckPenalty.Create(collisionOperator.Grid, collisionOperator.Masses);
            _stiffDiffusion = DiffusionBound(collisionOperator);
        }
    }

    private CollisionStep(ISpeciesGridCollisionOperator collisionOperator, StiffCollisionStepOptions stiff)
        : this(collisionOperator, new SpaceHomogeneousOptions())
    {
        _stiff = stiff;
        _stiffMixture = CellMixture.PerSpecies(collisionOperator);
        if (stiff.Penalty == StiffPenalty.FokkerPlanck)
        {
            _stiffPenalty = FokkerPlanckPenalty.Create(collisionOperator.Grids, collisionOperator.Masses);
            _stiffDiffusion = DiffusionBound(collisionOperator);
        }
    }

    private static IDiffusionBound DiffusionBound(object collisionOperator) => collisionOperator as IDiffusionBound
        ?? throw new ArgumentException("The Fokker–Planck penalty needs an operator that reports its diffusion (IDiffusionBound: the Landau operators).", nameof(collisionOperator));

    /// <summary>
    /// True when the step is the stiff penalised step of <see cref="CreateStiff"/> or <see cref="CreatePenalizedPlasma"/>:
    /// <see cref="PhaseSpaceSolver"/> then does not limit its step by the collision frequency.
    /// </summary>
    public bool IsStiff => _stiff is not null || _penalized is not null;

    /// <summary>The options of the stiff step (null unless <see cref="IsStiff"/>).</summary>
    public StiffCollisionStepOptions? StiffOptions => _stiff;

    /// <summary>
    /// A collision step for ∂_t F = (1/ε) 𝒞(F) whose length does not shrink with ε, for the Euler scaling
    /// ∂_t F + v·∇ₓF + (q/m)E·∇ᵥF = (1/ε) 𝒞(F) in <see cref="PhaseSpaceSolver"/> (set it as
    /// <see cref="PhaseSpaceOptions.Collisions"/>; the solver's step is then the transport limit
    /// <see cref="PhaseSpaceSolver.StableStep"/> for every ε). Per cell, K = <see cref="StiffCollisionStepOptions.Iterations"/>
    /// iterates of the Filbet–Jin penalised fixed point of implicit Euler,
    /// F^{k+1} = (εF^n + Δt(𝒞̃(F^k) + βF^k))/(ε + βΔt), F^0 = F^n, with the remainder 𝒞̃ of
    /// <see cref="AsymptoticPreservingSolver"/> (equilibrium defect removed, BGK tails, conservatively projected) and β the
    /// cell's largest collision frequency × <see cref="StiffCollisionStepOptions.PenaltyFactor"/>.
    /// </summary>
    /// <param name="collisionOperator">𝒞 (Boltzmann, Landau, …; its grid must be the state's 3-D velocity grid).</param>
    /// <param name="options">Options (null: ε = 1, three iterations).</param>
    /// <remarks>
    /// <para>Every iterate keeps each cell's species masses, momentum and energy to round-off (𝒞̃ is projected and the
    /// equilibrium M[F^n] has the moments of F^n), for any ε, masses and operator. K = 1 is the Filbet–Jin step; as
    /// Δt/ε → ∞ an iterate relaxes the non-equilibrium part by a collision step of length 1/β (F^{k+1} − M = F^k − M + 𝒞̃(F^k)/β),
    /// so K iterates multiply it by about (1 + L/β)^K, which makes the split scheme a first-order kinetic scheme for the Euler
    /// (Euler–Poisson) limit. The unsplit step of <see cref="AsymptoticPreservingSolver"/> also has the diffusive scaling.</para>
    /// <para>Cost: K + 1 evaluations of 𝒞 per cell and step (𝒞(M[F^n]) once) and the collision frequency. Stateless:
    /// restarts and distributed runs reproduce a serial run bitwise. Thread-safe over cells (the operator must be).</para>
    /// </remarks>
    public static CollisionStep CreateStiff(ICollisionOperator collisionOperator, StiffCollisionStepOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(collisionOperator);
        options ??= new StiffCollisionStepOptions();
        options.Validate();
        return new CollisionStep(collisionOperator, options);
    }

    /// <summary>
    /// The stiff collision step of <see cref="CreateStiff"/> on per-species velocity grids: the same K penalised iterates per
    /// cell, with the remainder's equilibrium M[F] made of each species' discrete Maxwellian on its own grid (species
    /// density, the mixture's common velocity and temperature, all moments by each species' own quadrature) and the
    /// conservative projection over the species' grids (docs/species-grids.md, "Stiff steps on per-species grids").
    /// </summary>
    /// <param name="collisionOperator">The operator on per-species grids (<c>SpeciesGridBoltzmannOperator</c>,
    /// <c>SpeciesGridLandauOperator</c>, …); its grids must be the state's 3-D species grids.</param>
    /// <param name="options">Options (null: ε = 1, three iterations).</param>
    /// <remarks>Each iterate keeps every cell's species masses, total momentum and total energy — each species' moments on
    /// its own grid — to round-off, for any ε and mass ratio. On one shared grid it is <see cref="CreateStiff"/> up to the
    /// summation order of the projection.</remarks>
    public static CollisionStep CreateStiffOnSpeciesGrids(ISpeciesGridCollisionOperator collisionOperator, StiffCollisionStepOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(collisionOperator);
        options ??= new StiffCollisionStepOptions();
        options.Validate();
        return new CollisionStep(collisionOperator, options);
    }

    private void AdvanceStiff(PhaseSpaceState state, double step, int maxDegreeOfParallelism)
    {
        var options = _stiff!;
        var mixture = _stiffMixture!;
        var penalty = _stiffPenalty;
        double eps = options.Epsilon;
        int length = state.CellLength;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        CellLoop.For(state.CellCount, parallel, () => new StiffScratch(length, penalty), (c, _, s) =>
        {
            Span<double> f = state.Cell(c);
            f.CopyTo(s.Start);
            mixture.Equilibrium(s.Start, s.Equilibrium);
            mixture.Evaluate(s.Start, s.Collision);
            double nu, beta, theta = 0;
            if (penalty is not null)
            {
                // Jin–Yan: β = factor·(π²/8)·max m λ̄(D)/θ (docs/limits.md); the tails' BGK term relaxes at β as well.
                (Velocity3 u, theta) = penalty.CommonState(s.Start);
                penalty.Prepare(u, theta, s.Penalty!);
                beta = options.PenaltyFactor * (Math.PI * Math.PI / 8.0) * _stiffDiffusion!.MaxMassWeightedDiffusion(s.Start) / theta;
                nu = beta;
            }
            else
            {
                nu = mixture.Frequency(s.Start, s.Collision);
                beta = options.PenaltyFactor * nu;
            }

            mixture.Evaluate(s.Equilibrium, s.Defect);
            double denominator = eps + (beta * step), tau = step / eps;
            for (int k = 0; k < options.Iterations; k++)
            {
                if (k > 0)
                {
                    mixture.Evaluate(f, s.Collision);
                }

                mixture.Remainder(options.TailCutoff, nu, f, s.Equilibrium, s.Defect, s.Collision);
                if (penalty is not null)
                {
                    penalty.Apply(f, s.Applied, s.Penalty!);
                    for (int p = 0; p < length; p++)
                    {
                        s.Applied[p] = s.Start[p] + (tau * (s.Collision[p] - (beta * s.Applied[p])));
                    }

                    penalty.Solve(tau * beta, s.Applied, s.Collision, s.Penalty!, PenaltyTolerance, PenaltyIterations);
                }
                else
                {
                    for (int p = 0; p < length; p++)
                    {
                        s.Collision[p] = ((eps * s.Start[p]) + (step * (s.Collision[p] + (beta * f[p])))) / denominator;
                    }
                }

                s.Collision.CopyTo(f);
            }

            if (penalty is not null)
            {
                // The discrete P keeps mass and momentum exactly but energy only to O(h²), and the solve stops at a residual:
                // project the step's increment (weight |F|) so each cell keeps its invariants to round-off.
                for (int p = 0; p < length; p++)
                {
                    s.Applied[p] = f[p] - s.Start[p];
                    s.Defect[p] = Math.Abs(f[p]);
                }

                mixture.Projection.Apply(s.Applied, s.Defect);
                for (int p = 0; p < length; p++)
                {
                    f[p] = s.Start[p] + s.Applied[p];
                }
            }

            return s;
        }, _ => { });
    }

    // The Fokker–Planck penalty's conjugate-gradient settings (those of StiffOptions' defaults: the preconditioner is exact to
    // round-off, so one or two iterations are used).
    private const double PenaltyTolerance = 1e-13;
    private const int PenaltyIterations = 50;

    private sealed class StiffScratch(int length, FokkerPlanckPenalty? penalty)
    {
        public double[] Start { get; } = new double[length];

        public double[] Equilibrium { get; } = new double[length];

        public double[] Collision { get; } = new double[length];

        public double[] Defect { get; } = new double[length];

        public double[] Applied { get; } = penalty is null ? [] : new double[length];

        public FokkerPlanckPenalty.Workspace? Penalty { get; } = penalty?.CreateWorkspace();
    }
}
