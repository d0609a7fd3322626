using Kinetics.PhaseSpace.Boundaries;
using Kinetics.PhaseSpace.Fields;
using Kinetics.PhaseSpace.Parallel;
using Kinetics.PhaseSpace.Transport;

namespace Kinetics.PhaseSpace.Integration;

/// <summary>Options of a <see cref="PhaseSpaceSolver"/>.</summary>
public sealed record PhaseSpaceOptions
{
    /// <summary>The slope limiter of transport and force term (default van Leer).</summary>
    public SlopeLimiter Limiter { get; init; } = SlopeLimiter.VanLeer;

    /// <summary>Target Courant number of the spatial transport, in (0, 1] (default 0.8).</summary>
    public double Cfl { get; init; } = 0.8;

    /// <summary>
    /// True (default) to solve Gauss's law for the self-consistent field when some species is charged; the k = 0 mode
    /// is dropped (a uniform neutralising background) on a periodic mesh; between walls see <see cref="LowField"/>,
    /// <see cref="HighField"/> and <see cref="NeutralisingBackground"/>. False for no field at all.
    /// </summary>
    public bool SelfConsistentField { get; init; } = true;

    /// <summary>Threads over cells within a process (−1: the runtime's default).</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>The boundary at the low end of the slow axis (null with <see cref="HighBoundary"/> null: periodic).</summary>
    public BoundaryCondition? LowBoundary { get; init; }

    /// <summary>The boundary at the high end of the slow axis.</summary>
    public BoundaryCondition? HighBoundary { get; init; }

    /// <summary>The collision step (null: collisionless; <see cref="CollisionStep.CreateStiff"/> for ∂_t F = 𝒞(F)/ε at a step independent of ε).</summary>
    public CollisionStep? Collisions { get; init; }

    /// <summary>
    /// With collisions, the Strang step is at most this multiple of the mean free time 1/ν_max of the initial state
    /// (default 0.5); the collision integrator sub-steps within it as its own options say.
    /// </summary>
    public double CollisionCourant { get; init; } = 0.5;

    /// <summary>
    /// The electrostatic condition at the low wall when the mesh has walls and some species is charged (default grounded,
    /// φ = 0; <see cref="WallPoissonSolver"/>, 1-D and 2-D meshes).
    /// </summary>
    public FieldBoundary LowField { get; init; } = FieldBoundary.Grounded;

    /// <summary>The electrostatic condition at the high wall (default grounded, φ = 0).</summary>
    public FieldBoundary HighField { get; init; } = FieldBoundary.Grounded;

    /// <summary>
    /// Between walls: true (default) to add the uniform neutralising background −⟨ρ⟩, as the periodic solver always does;
    /// false when every charge is a kinetic species.
    /// </summary>
    public bool NeutralisingBackground { get; init; } = true;

    /// <summary>
    /// A species whose Vlasov part (transport and force) is made well-balanced about its Boltzmann equilibrium
    /// C e^{−qφ/T}M_T in the current field (−1, the default: none). Each Strang step adds F_eq − S_h(F_eq) to that
    /// species, S_h the step's transport and force (same fields, no collisions) and F_eq the equilibrium in the field at the
    /// start of the step with the species' global temperature and mass then, so a state equal to F_eq is kept to round-off
    /// (docs/massless-electrons.md, "Well-balanced electrons"). A 1-D periodic mesh with the self-consistent field and a
    /// 3-D velocity grid for the species are required.
    /// </summary>
    public int BoltzmannBalancedSpecies { get; init; } = -1;

    /// <summary>The process communicator (default: one process).</summary>
    public IDomainCommunicator Communicator { get; init; } = SerialCommunicator.Instance;
}
